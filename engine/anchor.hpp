#pragma once
// The anchor stage: a parsed temporal expression plus its reference times becomes a TIMEX3
// (type, value, mod, quant/freq) with an explicit interval and granularity. One small function
// per kind of expression, dispatched by `resolve`; each is usable alone.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "engine/document.hpp"
#include "engine/tense.hpp"
#include "engine/timex.hpp"
#include "grammar/ast.hpp"

namespace reckon {

// A time the narrative has reached: the last date the document resolved ("the next day" counts
// from it).
struct NarrativeTime {
  date::local_days day{};
  Granularity granularity = Granularity::day;
};

// A quarter the text is reporting on ("the third quarter"): "a year earlier" and "the quarter"
// refer to it.
struct QuarterInFocus {
  int year = 0;
  unsigned quarter = 1;
};

// Everything an expression is resolved against.
struct ResolveContext {
  std::optional<Anchor> anchor;             // the document's reference time
  Tense tense = Tense::unknown;             // of the clause around the expression
  bool near_past = false;                   // a past verb right beside it (see TenseCue)
  std::optional<NarrativeTime> narrative;   // the last resolved day (or finer) of the document
  std::optional<NarrativeTime> narrative_period;  // the last resolved date of any granularity
  std::optional<QuarterInFocus> quarter;    // the last completed quarter the document named
  // The day a bare weekday already named in this document was resolved to (index: 0 = Sunday),
  // so that "Friday" keeps meaning the same Friday through an article.
  std::array<std::optional<date::local_days>, 7> weekdays{};
};

// The steps of a resolution, in words, for `reckon explain`.
using Trace = std::vector<std::string>;

Timex resolve(const grammar::ast::Expression& expression, const ResolveContext& context,
              Trace* trace = nullptr);

// What a resolved expression tells the ones after it: the narrative's day, the last calendar
// date named, the quarter reported on, and the day a bare weekday stands for. The tagger calls
// it after each expression, in text order.
void remember(ResolveContext& context, const grammar::ast::Expression& expression,
              const Timex& timex);

// One resolver per kind of expression. They set type, value, interval and granularity; mod and
// an attached clock time are applied by `resolve`.
Timex resolve_calendar_date(const grammar::ast::CalendarDate& node, const ResolveContext& context,
                            Trace* trace = nullptr);
Timex resolve_decade(const grammar::ast::Decade& node, const ResolveContext& context,
                     Trace* trace = nullptr);
Timex resolve_century(const grammar::ast::Century& node, const ResolveContext& context,
                      Trace* trace = nullptr);
Timex resolve_period(const grammar::ast::Period& node, const ResolveContext& context,
                     Trace* trace = nullptr);
Timex resolve_weekday(const grammar::ast::WeekdayRef& node, const ResolveContext& context,
                      Trace* trace = nullptr);
Timex resolve_day(const grammar::ast::DayRef& node, const ResolveContext& context,
                  Trace* trace = nullptr);
Timex resolve_relative_unit(const grammar::ast::RelativeUnit& node, const ResolveContext& context,
                            Trace* trace = nullptr);
Timex resolve_offset(const grammar::ast::Offset& node, const ResolveContext& context,
                     Trace* trace = nullptr);
Timex resolve_narrative(const grammar::ast::Narrative& node, const ResolveContext& context,
                        Trace* trace = nullptr);
Timex resolve_fuzzy(const grammar::ast::Fuzzy& node, const ResolveContext& context,
                    Trace* trace = nullptr);
Timex resolve_duration(const grammar::ast::Duration& node, const ResolveContext& context,
                       Trace* trace = nullptr);
Timex resolve_recurrence(const grammar::ast::Recurrence& node, const ResolveContext& context,
                         Trace* trace = nullptr);
Timex resolve_holiday(const grammar::ast::HolidayRef& node, const ResolveContext& context,
                      Trace* trace = nullptr);
Timex resolve_clock_time(const grammar::ast::ClockTime& node, const ResolveContext& context,
                         Trace* trace = nullptr);

// TIMEX3 duration value of an amount of a unit: (3.5, year) -> "P3Y6M", (40, minute) -> "PT40M".
// A vague amount, or one that is not a number from 0 to `largest_supported_amount`, gives the
// unknown amount of the unit: "PXY".
std::string duration_value(double amount, grammar::ast::Unit unit, bool vague = false);

const char* to_string(grammar::ast::Mod mod) noexcept;  // "" for none, "START", "APPROX"...

// The day a holiday falls on in a year ("Thanksgiving" 2025 -> 2025-11-27), for the years
// `first_supported_year` to `last_supported_year`.
date::local_days holiday_in(grammar::ast::Holiday holiday, int year);

}  // namespace reckon
