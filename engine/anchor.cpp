#include "engine/anchor.hpp"

#include <cmath>
#include <cstdio>
#include <variant>

#include <date/iso_week.h>

namespace reckon {

namespace ast = grammar::ast;
using date::local_days;

namespace {

void note(Trace* trace, std::string step) {
  if (trace != nullptr) trace->push_back(std::move(step));
}

std::string digits(long value, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%0*ld", width, value);
  return buffer;
}

std::string number_text(double value) {
  if (std::abs(value - std::round(value)) < 1e-9) return std::to_string(std::lround(value));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

Interval interval_of(local_days begin, local_days end) {
  return Interval{date::local_seconds(begin), date::local_seconds(end)};
}

Timex dated(Granularity granularity, local_days begin, local_days end, std::string value,
            TimexType type = TimexType::date) {
  Timex t;
  t.type = type;
  t.value = std::move(value);
  t.granularity = granularity;
  t.interval = interval_of(begin, end);
  return t;
}

Timex unresolved(std::string value, TimexType type = TimexType::date) {
  Timex t;
  t.type = type;
  t.value = std::move(value);
  return t;
}

int year_of(local_days day) { return int(date::year_month_day(day).year()); }

std::string day_text(local_days day) {
  date::year_month_day const ymd(day);
  return digits(int(ymd.year()), 4) + "-" + digits(unsigned(ymd.month()), 2) + "-" +
         digits(unsigned(ymd.day()), 2);
}

Timex day_timex(local_days day) {
  return dated(Granularity::day, day, day + date::days{1}, day_text(day));
}

Timex month_timex(date::year_month ym) {
  local_days const begin(ym / 1);
  local_days const end((ym + date::months{1}) / 1);
  return dated(Granularity::month, begin, end,
               digits(int(ym.year()), 4) + "-" + digits(unsigned(ym.month()), 2));
}

Timex year_timex(int year) {
  local_days const begin(date::year{year} / 1 / 1);
  local_days const end(date::year{year + 1} / 1 / 1);
  return dated(Granularity::year, begin, end, digits(year, 4));
}

local_days monday_of(local_days day) {
  return day - (date::weekday(day) - date::Monday);
}

Timex week_timex(local_days day) {
  iso_week::year_weeknum_weekday const iso(day);
  local_days const monday = monday_of(day);
  return dated(Granularity::week, monday, monday + date::days{7},
               digits(int(iso.year()), 4) + "-W" + digits(unsigned(iso.weeknum()), 2));
}

Timex weekend_timex(local_days day) {
  iso_week::year_weeknum_weekday const iso(day);
  local_days const saturday = monday_of(day) + date::days{5};
  return dated(Granularity::day, saturday, saturday + date::days{2},
               digits(int(iso.year()), 4) + "-W" + digits(unsigned(iso.weeknum()), 2) + "-WE");
}

Timex quarter_timex(int year, unsigned quarter) {
  date::year_month const first(date::year{year}, date::month{3 * quarter - 2});
  Timex t = dated(Granularity::quarter, local_days(first / 1),
                  local_days((first + date::months{3}) / 1),
                  digits(year, 4) + "-Q" + std::to_string(quarter));
  return t;
}

Timex half_timex(int year, unsigned half) {
  date::year_month const first(date::year{year}, date::month{half == 1 ? 1u : 7u});
  return dated(Granularity::half_year, local_days(first / 1),
               local_days((first + date::months{6}) / 1),
               digits(year, 4) + "-H" + std::to_string(half));
}

const char* season_code(ast::Season season) {
  switch (season) {
    case ast::Season::spring: return "SP";
    case ast::Season::summer: return "SU";
    case ast::Season::fall: return "FA";
    case ast::Season::winter: return "WI";
  }
  return "SU";
}

// Meteorological seasons; the winter of a year begins in its December.
Timex season_timex(int year, ast::Season season) {
  unsigned const first_month = season == ast::Season::spring   ? 3
                               : season == ast::Season::summer ? 6
                               : season == ast::Season::fall   ? 9
                                                               : 12;
  date::year_month const first(date::year{year}, date::month{first_month});
  return dated(Granularity::season, local_days(first / 1),
               local_days((first + date::months{3}) / 1),
               digits(year, 4) + "-" + season_code(season));
}

Timex decade_timex(int first_year) {
  local_days const begin(date::year{first_year} / 1 / 1);
  local_days const end(date::year{first_year + 10} / 1 / 1);
  return dated(Granularity::decade, begin, end, digits(first_year / 10, 3));
}

Timex century_timex(int number) {
  int const first_year = (number - 1) * 100;
  local_days const begin(date::year{first_year} / 1 / 1);
  local_days const end(date::year{first_year + 100} / 1 / 1);
  return dated(Granularity::century, begin, end, digits(number - 1, 2));
}

const char* part_code(ast::PartOfDay part) {
  switch (part) {
    case ast::PartOfDay::morning: return "MO";
    case ast::PartOfDay::midday: return "MI";
    case ast::PartOfDay::afternoon: return "AF";
    case ast::PartOfDay::evening: return "EV";
    case ast::PartOfDay::night: return "NI";
    case ast::PartOfDay::daytime: return "DT";
  }
  return "DT";
}

Timex part_of_day_timex(local_days day, ast::PartOfDay part) {
  int begin_hour = 6;
  int end_hour = 18;
  switch (part) {
    case ast::PartOfDay::morning: begin_hour = 6; end_hour = 12; break;
    case ast::PartOfDay::midday: begin_hour = 11; end_hour = 14; break;
    case ast::PartOfDay::afternoon: begin_hour = 12; end_hour = 18; break;
    case ast::PartOfDay::evening: begin_hour = 18; end_hour = 22; break;
    case ast::PartOfDay::night: begin_hour = 20; end_hour = 30; break;
    case ast::PartOfDay::daytime: begin_hour = 6; end_hour = 18; break;
  }
  Timex t;
  t.type = TimexType::time;
  t.value = day_text(day) + "T" + part_code(part);
  t.granularity = Granularity::part_of_day;
  t.interval = Interval{date::local_seconds(day) + std::chrono::hours{begin_hour},
                        date::local_seconds(day) + std::chrono::hours{end_hour}};
  return t;
}

Timex clock_timex(local_days day, unsigned hour, unsigned minute) {
  Timex t;
  t.type = TimexType::time;
  t.value = day_text(day) + "T" + digits(hour, 2) + ":" + digits(minute, 2);
  t.granularity = Granularity::minute;
  auto const begin =
      date::local_seconds(day) + std::chrono::hours{hour} + std::chrono::minutes{minute};
  t.interval = Interval{begin, begin + std::chrono::minutes{1}};
  return t;
}

// Among candidate times (in time order), the one the tense points to from the anchor day:
// past -> the latest that begins by the anchor day; future -> the earliest that has not ended
// before it; otherwise the nearest (an earlier one wins a tie: news mostly reports).
// With a `window`, a candidate in the tense's direction that lies further than the window from
// the anchor loses to the nearest one: news names the year of a date more than about half a
// year away, so "Jan. 14" in a January article is this January 14 even after a past verb.
std::size_t choose(const std::vector<Timex>& candidates, local_days anchor_day, Tense tense,
                   std::optional<date::days> window = std::nullopt) {
  auto const a_begin = date::local_seconds(anchor_day);
  auto const a_end = date::local_seconds(anchor_day + date::days{1});
  auto const gap_of = [&](const Timex& t) {
    Interval const& c = *t.interval;
    if (c.end <= a_begin) return std::chrono::duration_cast<std::chrono::seconds>(a_begin - c.end);
    if (c.begin >= a_end) return std::chrono::duration_cast<std::chrono::seconds>(c.begin - a_end);
    return std::chrono::seconds{0};
  };
  auto const within_window = [&](std::size_t i) {
    return !window || gap_of(candidates[i]) <= std::chrono::seconds(*window);
  };
  if (tense == Tense::past) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i].interval->begin <= a_begin) best = i;
    }
    if (best && within_window(*best)) return *best;
  }
  if (tense == Tense::future) {
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (candidates[i].interval->end > a_begin) {
        if (within_window(i)) return i;
        break;
      }
    }
  }
  std::size_t best = 0;
  auto best_gap = std::chrono::seconds::max();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    auto const gap = gap_of(candidates[i]);
    if (gap < best_gap) {
      best_gap = gap;
      best = i;
    }
  }
  return best;
}

// How far from the anchor a date without its year may lie in the tense's direction.
constexpr date::days year_less_window{240};

const char* direction_text(Tense tense) {
  switch (tense) {
    case Tense::past: return "past tense: the latest one on or before the anchor";
    case Tense::future: return "future tense: the earliest one on or after the anchor";
    default: return "no tense: the one nearest the anchor";
  }
}

unsigned iso_weekday(unsigned c_weekday) { return c_weekday == 0 ? 7 : c_weekday; }

const char* weekday_name(unsigned c_weekday) {
  static const char* const names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                      "Thursday", "Friday", "Saturday"};
  return names[c_weekday % 7];
}

std::optional<local_days> anchor_day(const ResolveContext& context) {
  if (!context.anchor) return std::nullopt;
  return context.anchor->day;
}

// The day a narrative-relative expression counts from: the narrative's last date, else the anchor.
std::optional<local_days> narrative_day(const ResolveContext& context, Trace* trace) {
  if (context.narrative) {
    note(trace, "narrative time: " + day_text(context.narrative->day));
    return context.narrative->day;
  }
  if (context.anchor) note(trace, "no narrative time yet: counting from the anchor");
  return anchor_day(context);
}

Timex shift_by_unit(local_days from, int n, ast::Unit unit) {
  using ast::Unit;
  date::year_month_day const ymd(from);
  switch (unit) {
    case Unit::week: return week_timex(from + date::weeks{n});
    case Unit::weekend: return weekend_timex(from + date::weeks{n});
    case Unit::fortnight: return week_timex(from + date::weeks{2 * n});
    case Unit::month: return month_timex(date::year_month(ymd.year(), ymd.month()) + date::months{n});
    case Unit::quarter: {
      date::year_month const ym =
          date::year_month(ymd.year(), ymd.month()) + date::months{3 * n};
      return quarter_timex(int(ym.year()), (unsigned(ym.month()) - 1) / 3 + 1);
    }
    case Unit::half_year: {
      date::year_month const ym =
          date::year_month(ymd.year(), ymd.month()) + date::months{6 * n};
      return half_timex(int(ym.year()), unsigned(ym.month()) <= 6 ? 1 : 2);
    }
    case Unit::year: return year_timex(int(ymd.year()) + n);
    case Unit::decade: {
      int const y = int(ymd.year()) + 10 * n;
      return decade_timex(y - ((y % 10) + 10) % 10);
    }
    case Unit::century: return century_timex((int(ymd.year()) + 100 * n) / 100 + 1);
    default: return day_timex(from + date::days{n});
  }
}

std::string underspecified(ast::Unit unit) {
  using ast::Unit;
  switch (unit) {
    case Unit::week: case Unit::fortnight: return "XXXX-WXX";
    case Unit::weekend: return "XXXX-WXX-WE";
    case Unit::month: return "XXXX-XX";
    case Unit::quarter: return "XXXX-QX";
    case Unit::half_year: return "XXXX-HX";
    case Unit::year: case Unit::decade: case Unit::century: return "XXXX";
    default: return "XXXX-XX-XX";
  }
}

}  // namespace

const char* to_string(ast::Mod mod) noexcept {
  switch (mod) {
    case ast::Mod::none: return "";
    case ast::Mod::start: return "START";
    case ast::Mod::mid: return "MID";
    case ast::Mod::end: return "END";
    case ast::Mod::approx: return "APPROX";
    case ast::Mod::less_than: return "LESS_THAN";
    case ast::Mod::more_than: return "MORE_THAN";
    case ast::Mod::equal_or_less: return "EQUAL_OR_LESS";
    case ast::Mod::equal_or_more: return "EQUAL_OR_MORE";
    case ast::Mod::before: return "BEFORE";
    case ast::Mod::after: return "AFTER";
    case ast::Mod::on_or_before: return "ON_OR_BEFORE";
    case ast::Mod::on_or_after: return "ON_OR_AFTER";
  }
  return "";
}

namespace {
// 2.5 hours -> "2H30M"; 0.5 hours -> "30M": a whole part and its remainder in the next unit.
std::string two_parts(double amount, int per, const char* unit, const char* next_unit) {
  double const whole_part = std::floor(amount);
  double const rest = std::round((amount - whole_part) * per);
  std::string value;
  if (whole_part > 0) value += number_text(whole_part) + unit;
  if (rest > 0) value += number_text(rest) + next_unit;
  return value;
}
}  // namespace

std::string duration_value(double amount, ast::Unit unit, bool vague) {
  using ast::Unit;
  if (vague) {
    switch (unit) {
      case Unit::second: return "PTXS";
      case Unit::minute: return "PTXM";
      case Unit::hour: return "PTXH";
      case Unit::day: return "PXD";
      case Unit::week: case Unit::fortnight: return "PXW";
      case Unit::weekend: return "PXWE";
      case Unit::month: return "PXM";
      case Unit::quarter: return "PXQ";
      case Unit::half_year: return "PXM";
      case Unit::year: return "PXY";
      case Unit::decade: return "PXDE";
      case Unit::century: return "PXCE";
    }
  }
  auto const whole = [](double v) { return std::abs(v - std::round(v)) < 1e-9; };
  switch (unit) {
    case Unit::second: return "PT" + number_text(amount) + "S";
    case Unit::minute: {
      if (whole(amount)) return "PT" + number_text(amount) + "M";
      return "PT" + two_parts(amount, 60, "M", "S");
    }
    case Unit::hour: {
      if (whole(amount) && std::lround(amount) % 24 == 0) {
        return "P" + number_text(amount / 24) + "D";
      }
      if (whole(amount)) return "PT" + number_text(amount) + "H";
      return "PT" + two_parts(amount, 60, "H", "M");
    }
    case Unit::day: {
      if (whole(amount)) return "P" + number_text(amount) + "D";
      if (amount < 1) return "PT" + number_text(std::round(amount * 24)) + "H";
      return "P" + number_text(std::floor(amount)) + "DT" +
             number_text(std::round((amount - std::floor(amount)) * 24)) + "H";
    }
    case Unit::week:
      if (whole(amount)) return "P" + number_text(amount) + "W";
      return duration_value(amount * 7, Unit::day);
    case Unit::fortnight: return duration_value(amount * 2, Unit::week);
    case Unit::weekend: return "P" + number_text(amount) + "WE";
    case Unit::month:
      if (whole(amount)) return "P" + number_text(amount) + "M";
      return duration_value(amount * 30, Unit::day);
    case Unit::quarter: return duration_value(amount * 3, Unit::month);
    case Unit::half_year: return duration_value(amount * 6, Unit::month);
    case Unit::year: case Unit::decade: case Unit::century: {
      double const years =
          amount * (unit == Unit::decade ? 10 : unit == Unit::century ? 100 : 1);
      if (whole(years)) return "P" + number_text(years) + "Y";
      long const months = std::lround(years * 12);
      std::string value = "P";
      if (months / 12 > 0) value += std::to_string(months / 12) + "Y";
      if (months % 12 > 0) value += std::to_string(months % 12) + "M";
      return value;
    }
  }
  return "P" + number_text(amount) + "D";
}

Timex resolve_calendar_date(const ast::CalendarDate& node, const ResolveContext& context,
                            Trace* trace) {
  if (node.year && node.month && node.day) {
    date::year_month_day const ymd(date::year{*node.year}, date::month{*node.month},
                                   date::day{*node.day});
    if (!ymd.ok()) {
      note(trace, "no such day in the calendar");
      return unresolved(digits(*node.year, 4) + "-" + digits(*node.month, 2) + "-" +
                        digits(*node.day, 2));
    }
    note(trace, "a complete calendar date");
    return day_timex(local_days(ymd));
  }
  if (node.year && node.month) {
    note(trace, "a month of a given year");
    return month_timex(date::year{*node.year} / date::month{*node.month});
  }
  if (node.year) {
    note(trace, node.fiscal ? "a fiscal year, named by its number" : "a year");
    return year_timex(*node.year);
  }
  auto const today = anchor_day(context);
  if (node.month && node.year_offset && today) {
    note(trace, "a month of the anchor's year, shifted by " + std::to_string(*node.year_offset));
    return month_timex(date::year{year_of(*today) + *node.year_offset} / date::month{*node.month});
  }
  if (node.month && node.day) {
    if (!today) {
      note(trace, "no anchor: the year stays unknown");
      return unresolved("XXXX-" + digits(*node.month, 2) + "-" + digits(*node.day, 2));
    }
    std::vector<Timex> candidates;
    int const y = year_of(*today);
    for (int year = y - 1; year <= y + 1; ++year) {
      date::year_month_day const ymd(date::year{year}, date::month{*node.month},
                                     date::day{*node.day});
      if (ymd.ok()) candidates.push_back(day_timex(local_days(ymd)));
    }
    if (candidates.empty()) return unresolved("XXXX-" + digits(*node.month, 2) + "-" + digits(*node.day, 2));
    note(trace, std::string("no year written; ") + direction_text(context.tense) +
                    ", within eight months");
    return candidates[choose(candidates, *today, context.tense, year_less_window)];
  }
  if (node.month) {
    if (!today) {
      note(trace, "no anchor: the year stays unknown");
      return unresolved("XXXX-" + digits(*node.month, 2));
    }
    date::year_month_day const a(*today);
    int const y = int(a.year());
    unsigned const am = unsigned(a.month());
    switch (node.relation) {
      case ast::Relation::previous:
        note(trace, "'last' month name: the latest such month before the anchor's");
        return month_timex(date::year{*node.month < am ? y : y - 1} / date::month{*node.month});
      case ast::Relation::next:
        note(trace, "'next' month name: the first such month after the anchor's");
        return month_timex(date::year{*node.month > am ? y : y + 1} / date::month{*node.month});
      case ast::Relation::current:
        note(trace, "'this' month name: in the anchor's year");
        return month_timex(date::year{y} / date::month{*node.month});
      case ast::Relation::none: break;
    }
    std::vector<Timex> candidates;
    for (int year = y - 1; year <= y + 1; ++year) {
      candidates.push_back(month_timex(date::year{year} / date::month{*node.month}));
    }
    note(trace, std::string("no year written; ") + direction_text(context.tense) +
                    ", within eight months");
    return candidates[choose(candidates, *today, context.tense, year_less_window)];
  }
  return unresolved("XXXX-XX-XX");
}

Timex resolve_decade(const ast::Decade& node, const ResolveContext& context, Trace* trace) {
  int first_year = node.first_year;
  if (!node.century_known) {
    int const y = context.anchor ? year_of(context.anchor->day) : 1999;
    int century_start = (y / 100) * 100;
    if (century_start + first_year > y) century_start -= 100;
    first_year += century_start;
    note(trace, "century not written: the latest such decade begun by the anchor year");
  }
  note(trace, "a decade: TIMEX3 writes its first three digits");
  return decade_timex(first_year);
}

Timex resolve_century(const ast::Century& node, const ResolveContext&, Trace* trace) {
  note(trace, "a century: TIMEX3 writes its first two digits");
  return century_timex(node.number);
}

Timex resolve_period(const ast::Period& node, const ResolveContext& context, Trace* trace) {
  auto const make = [&](int year) {
    switch (node.kind) {
      case ast::PeriodKind::quarter: return quarter_timex(year, node.index);
      case ast::PeriodKind::half: return half_timex(year, node.index);
      case ast::PeriodKind::season: return season_timex(year, ast::Season(node.index));
    }
    return quarter_timex(year, node.index);
  };
  if (node.year) {
    note(trace, "a part of a given year");
    return make(*node.year);
  }
  auto const today = anchor_day(context);
  if (node.year_offset && today) {
    note(trace, "a part of the anchor's year, shifted by " + std::to_string(*node.year_offset));
    return make(year_of(*today) + *node.year_offset);
  }
  if (!today) {
    note(trace, "no anchor: the year stays unknown");
    Timex t = make(2000);
    t.value.replace(0, 4, "XXXX");
    t.interval.reset();
    t.granularity = Granularity::unknown;
    return t;
  }
  int const y = year_of(*today);
  std::vector<Timex> candidates;
  for (int year = y - 2; year <= y + 1; ++year) candidates.push_back(make(year));
  auto const a = date::local_seconds(*today);
  switch (node.relation) {
    case ast::Relation::previous:
      note(trace, "'last': the latest one that ended before the anchor");
      for (std::size_t i = candidates.size(); i-- > 0;) {
        if (candidates[i].interval->end <= a) return candidates[i];
      }
      return candidates.front();
    case ast::Relation::next:
      note(trace, "'next': the first one that begins after the anchor");
      for (auto const& c : candidates) {
        if (c.interval->begin > a) return c;
      }
      return candidates.back();
    case ast::Relation::current:
      note(trace, "'this': the one in the anchor's year");
      return make(y);
    case ast::Relation::none: break;
  }
  if (node.kind != ast::PeriodKind::season) {
    // Results are reported by quarters and halves of the current (fiscal) year.
    note(trace, "no year written: a quarter or half of the anchor's year");
    return make(y);
  }
  note(trace, std::string("no year written; ") + direction_text(context.tense) +
                  ", within eight months");
  return candidates[choose(candidates, *today, context.tense, year_less_window)];
}

Timex resolve_weekday(const ast::WeekdayRef& node, const ResolveContext& context, Trace* trace) {
  auto const with_part = [&](local_days day) {
    return node.part ? part_of_day_timex(day, *node.part) : day_timex(day);
  };
  auto const today = anchor_day(context);
  if (!today) {
    note(trace, "no anchor: a weekday of an unknown week");
    std::string value = "XXXX-WXX-" + std::to_string(iso_weekday(node.weekday));
    if (node.part) value += std::string("T") + part_code(*node.part);
    return unresolved(std::move(value), node.part ? TimexType::time : TimexType::date);
  }
  date::weekday const wanted(node.weekday);
  local_days const on_or_before = *today - (date::weekday(*today) - wanted);
  local_days const on_or_after = *today + (wanted - date::weekday(*today));
  switch (node.relation) {
    case ast::Relation::previous:
      note(trace, std::string("'last ") + weekday_name(node.weekday) + "': the latest one before the anchor day");
      return with_part(on_or_before == *today ? *today - date::days{7} : on_or_before);
    case ast::Relation::next:
      note(trace, std::string("'next ") + weekday_name(node.weekday) + "': the first one after the anchor day");
      return with_part(on_or_after == *today ? *today + date::days{7} : on_or_after);
    case ast::Relation::current:
      note(trace, "'this': the one in the anchor's week");
      return with_part(monday_of(*today) + (wanted - date::Monday));
    case ast::Relation::none: break;
  }
  if (auto const earlier = context.weekdays[node.weekday % 7]) {
    note(trace, std::string("this document already placed ") + weekday_name(node.weekday) +
                    " on " + day_text(*earlier));
    return with_part(*earlier);
  }
  if (node.possessive) {
    note(trace, "a possessive weekday ('Friday's close') names a day already reported: the latest "
                "one on or before the anchor");
    return with_part(on_or_before);
  }
  std::vector<Timex> candidates{day_timex(on_or_before)};
  if (on_or_after != on_or_before) candidates.push_back(day_timex(on_or_after));
  note(trace, std::string("a bare weekday; ") + direction_text(context.tense));
  return with_part(local_days(date::floor<date::days>(
      candidates[choose(candidates, *today, context.tense)].interval->begin)));
}

Timex resolve_day(const ast::DayRef& node, const ResolveContext& context, Trace* trace) {
  auto const today = anchor_day(context);
  if (!today) {
    note(trace, "no anchor: the day stays unknown");
    if (node.offset == 0 && !node.part) return unresolved("PRESENT_REF");
    std::string value = "XXXX-XX-XX";
    if (node.part) value += std::string("T") + part_code(*node.part);
    return unresolved(std::move(value), node.part ? TimexType::time : TimexType::date);
  }
  local_days const day = *today + date::days{node.offset};
  note(trace, "the anchor day " + std::string(node.offset < 0 ? "minus " : "plus ") +
                  std::to_string(std::abs(node.offset)) + " day(s)");
  return node.part ? part_of_day_timex(day, *node.part) : day_timex(day);
}

Timex resolve_relative_unit(const ast::RelativeUnit& node, const ResolveContext& context,
                            Trace* trace) {
  auto const today = anchor_day(context);
  if (!today) {
    note(trace, "no anchor: the unit stays unknown");
    return unresolved(underspecified(node.unit));
  }
  int step = node.relation == ast::Relation::previous ? -1
             : node.relation == ast::Relation::next  ? 1
                                                     : 0;
  if (node.relation == ast::Relation::none && node.unit == ast::Unit::quarter) {
    if (context.quarter) {
      note(trace, "'the quarter': the quarter the text is reporting on");
      return quarter_timex(context.quarter->year, context.quarter->quarter);
    }
    note(trace, "'the quarter': the last completed quarter");
    return shift_by_unit(*today, -1, ast::Unit::quarter);
  }
  if (node.relation == ast::Relation::none && node.unit == ast::Unit::weekend) {
    bool const weekday_now = date::weekday(*today).iso_encoding() <= 5;
    step = (context.tense == Tense::past && weekday_now) ? -1 : 0;
    note(trace, "'the weekend': the one the tense points to");
  }
  note(trace, "the anchor's " + std::string(step < 0 ? "previous" : step > 0 ? "next" : "current") +
                  " calendar unit");
  return shift_by_unit(*today, step, node.unit);
}

Timex resolve_offset(const ast::Offset& node, const ResolveContext& context, Trace* trace) {
  bool const before = node.direction == ast::Direction::before;
  if (node.quantity.vague) {
    note(trace, "an unknown amount: only the side of the reference is known");
    return unresolved(before ? "PAST_REF" : "FUTURE_REF");
  }
  std::optional<local_days> from =
      node.origin == ast::Origin::narrative ? narrative_day(context, trace) : anchor_day(context);
  if (!from) {
    note(trace, "no reference time: the date stays unknown");
    return unresolved(underspecified(node.unit));
  }
  double amount = node.quantity.value;
  ast::Unit unit = node.unit;
  if (unit == ast::Unit::year && context.quarter &&
      std::abs(amount - std::round(amount)) < 1e-9) {
    int const n = int(std::lround(amount)) * (before ? -1 : 1);
    note(trace, "whole years from the quarter in focus (" + digits(context.quarter->year, 4) +
                    "-Q" + std::to_string(context.quarter->quarter) + "): the same quarter");
    return quarter_timex(context.quarter->year + n, context.quarter->quarter);
  }
  if (unit == ast::Unit::year && std::abs(amount - std::round(amount)) > 1e-9) {
    amount *= 12;
    unit = ast::Unit::month;
  }
  int const n = int(std::lround(amount)) * (before ? -1 : 1);
  note(trace, std::string("count ") + number_text(amount) + " unit(s) " + (before ? "back" : "forward"));
  switch (unit) {
    case ast::Unit::hour: case ast::Unit::minute: case ast::Unit::second: {
      Timex t = day_timex(*from);
      t.type = TimexType::time;
      return t;
    }
    case ast::Unit::decade: return year_timex(year_of(*from) + 10 * n);
    case ast::Unit::century: return year_timex(year_of(*from) + 100 * n);
    default: return shift_by_unit(*from, n, unit);
  }
}

Timex resolve_narrative(const ast::Narrative& node, const ResolveContext& context, Trace* trace) {
  // "that year", "the following month" may follow a mention of a year or a month.
  if ((node.unit == ast::Unit::year || node.unit == ast::Unit::month) && context.narrative_period) {
    note(trace, "narrative time: " + day_text(context.narrative_period->day));
    return shift_by_unit(context.narrative_period->day, node.offset, node.unit);
  }
  auto const from = narrative_day(context, trace);
  if (!from) {
    note(trace, "no reference time: the date stays unknown");
    return unresolved(underspecified(node.unit));
  }
  if (node.unit == ast::Unit::day) {
    local_days const day = *from + date::days{node.offset};
    return node.part ? part_of_day_timex(day, *node.part) : day_timex(day);
  }
  return shift_by_unit(*from, node.offset, node.unit);
}

Timex resolve_fuzzy(const ast::Fuzzy& node, const ResolveContext&, Trace* trace) {
  note(trace, "a vague reference: TIMEX3 names only its side of the present");
  switch (node.ref) {
    case ast::RefTime::past: return unresolved("PAST_REF");
    case ast::RefTime::present: return unresolved("PRESENT_REF");
    case ast::RefTime::future: return unresolved("FUTURE_REF");
  }
  return unresolved("PRESENT_REF");
}

Timex resolve_duration(const ast::Duration& node, const ResolveContext&, Trace* trace) {
  note(trace, "an amount of time");
  Timex t;
  t.type = TimexType::duration;
  t.value = duration_value(node.quantity.value, node.unit, node.quantity.vague);
  return t;
}

Timex resolve_recurrence(const ast::Recurrence& node, const ResolveContext&, Trace* trace) {
  Timex t;
  t.type = TimexType::set;
  if (node.each) t.quant = "EVERY";
  if (node.times > 1) t.freq = std::to_string(node.times) + "X";
  if (node.weekday) {
    note(trace, "a weekday of every week");
    t.value = "XXXX-WXX-" + std::to_string(iso_weekday(*node.weekday));
    if (node.part) t.value += std::string("T") + part_code(*node.part);
  } else {
    note(trace, "a recurring period");
    t.value = duration_value(node.interval.value, node.unit);
  }
  return t;
}

Timex resolve_clock_time(const ast::ClockTime& node, const ResolveContext& context, Trace* trace) {
  unsigned hour = node.hour;
  if (node.meridiem == ast::Meridiem::pm && hour < 12) hour += 12;
  if (node.meridiem == ast::Meridiem::am && hour == 12) hour = 0;
  note(trace, "clock time " + digits(hour, 2) + ":" + digits(node.minute, 2) +
                  (node.zone.empty() ? std::string() : " (" + node.zone + ")"));
  // A clock time without a day happens on the day the narrative is at.
  auto const day = narrative_day(context, trace);
  if (!day) {
    return unresolved("XXXX-XX-XXT" + digits(hour, 2) + ":" + digits(node.minute, 2),
                      TimexType::time);
  }
  return clock_timex(*day, hour, node.minute);
}

date::local_days holiday_in(ast::Holiday holiday, int year) {
  using ast::Holiday;
  date::year const y{year};
  auto const nth = [&](date::month m, date::weekday wd, unsigned n) {
    return local_days(y / m / wd[n]);
  };
  switch (holiday) {
    case Holiday::new_years_day: return local_days(y / date::January / 1);
    case Holiday::new_years_eve: return local_days(y / date::December / 31);
    case Holiday::valentines_day: return local_days(y / date::February / 14);
    case Holiday::independence_day: return local_days(y / date::July / 4);
    case Holiday::halloween: return local_days(y / date::October / 31);
    case Holiday::veterans_day: return local_days(y / date::November / 11);
    case Holiday::christmas_eve: return local_days(y / date::December / 24);
    case Holiday::christmas: return local_days(y / date::December / 25);
    case Holiday::boxing_day: return local_days(y / date::December / 26);
    case Holiday::thanksgiving: return nth(date::November, date::Thursday, 4);
    case Holiday::labor_day: return nth(date::September, date::Monday, 1);
    case Holiday::memorial_day: return local_days(y / date::May / date::Monday[date::last]);
    case Holiday::election_day: return nth(date::November, date::Monday, 1) + date::days{1};
    case Holiday::martin_luther_king_day: return nth(date::January, date::Monday, 3);
    case Holiday::presidents_day: return nth(date::February, date::Monday, 3);
    case Holiday::mothers_day: return nth(date::May, date::Sunday, 2);
    case Holiday::fathers_day: return nth(date::June, date::Sunday, 3);
    case Holiday::easter: case Holiday::good_friday: {
      // The Gregorian computus (Meeus/Jones/Butcher).
      int const a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
      int const f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
      int const i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
      int const m = (a + 11 * h + 22 * l) / 451;
      unsigned const month = unsigned((h + l - 7 * m + 114) / 31);
      unsigned const day = unsigned((h + l - 7 * m + 114) % 31 + 1);
      local_days const easter(y / date::month{month} / date::day{day});
      return holiday == Holiday::easter ? easter : easter - date::days{2};
    }
  }
  return local_days(y / date::January / 1);
}

Timex resolve_holiday(const ast::HolidayRef& node, const ResolveContext& context, Trace* trace) {
  if (node.year) {
    note(trace, "a holiday in a given year");
    return day_timex(holiday_in(node.holiday, *node.year));
  }
  auto const today = anchor_day(context);
  if (!today) {
    note(trace, "no anchor: the year stays unknown");
    date::year_month_day const ymd(holiday_in(node.holiday, 2000));
    return unresolved("XXXX-" + digits(unsigned(ymd.month()), 2) + "-" + digits(unsigned(ymd.day()), 2));
  }
  int const y = year_of(*today);
  std::vector<Timex> candidates;
  for (int year = y - 1; year <= y + 1; ++year) candidates.push_back(day_timex(holiday_in(node.holiday, year)));
  if (node.relation == ast::Relation::previous) {
    note(trace, "'last': the latest one before the anchor day");
    return *today > holiday_in(node.holiday, y) ? candidates[1] : candidates[0];
  }
  if (node.relation == ast::Relation::next) {
    note(trace, "'next': the first one after the anchor day");
    return *today < holiday_in(node.holiday, y) ? candidates[1] : candidates[2];
  }
  if (node.relation == ast::Relation::current) return candidates[1];
  note(trace, std::string("no year written; ") + direction_text(context.tense) + ", within eight months");
  return candidates[choose(candidates, *today, context.tense, year_less_window)];
}

namespace {

// Expressions that move the narrative on: dates and times that name a day or part of one.
bool sets_narrative_time(const Timex& timex) {
  if (!timex.interval || timex.type == TimexType::duration || timex.type == TimexType::set) {
    return false;
  }
  return timex.granularity == Granularity::day || timex.granularity == Granularity::part_of_day ||
         timex.granularity == Granularity::hour || timex.granularity == Granularity::minute;
}

local_days first_day(const Timex& timex) { return date::floor<date::days>(timex.interval->begin); }

// A quarter the text reports on has ended by the anchor day; a later one ("expects
// fourth-quarter earnings", "the third quarter of next year") is a forecast, not the focus.
bool reported_quarter(const Timex& timex, const ResolveContext& context) {
  return timex.granularity == Granularity::quarter &&
         (!context.anchor || timex.interval->end <= date::local_seconds(context.anchor->day));
}

// "the nine months", "the first six months": a reporting period longer than a quarter, after
// which "a year earlier" names a year, not the quarter named before.
bool longer_reporting_period(const ast::Core& core) {
  const auto* duration = std::get_if<ast::Duration>(&core);
  if (duration == nullptr || duration->quantity.vague) return false;
  return (duration->unit == ast::Unit::month && duration->quantity.value >= 6) ||
         duration->unit == ast::Unit::half_year;
}

}  // namespace

void remember(ResolveContext& context, const ast::Expression& expression, const Timex& timex) {
  ast::Core const& core = expression.core;
  if (longer_reporting_period(core)) context.quarter.reset();
  if (!timex.interval) return;
  if (std::holds_alternative<ast::Period>(core) && reported_quarter(timex, context)) {
    date::year_month_day const first(first_day(timex));
    context.quarter = QuarterInFocus{int(first.year()), (unsigned(first.month()) - 1) / 3 + 1};
  }
  if (timex.type == TimexType::date && std::holds_alternative<ast::CalendarDate>(core)) {
    context.narrative_period = NarrativeTime{first_day(timex), timex.granularity};
  }
  if (sets_narrative_time(timex)) {
    context.narrative = NarrativeTime{first_day(timex), timex.granularity};
  }
  // A bare weekday keeps, through the document, the day its first tensed mention gave it.
  if (const auto* weekday = std::get_if<ast::WeekdayRef>(&core);
      weekday != nullptr && weekday->relation == ast::Relation::none && !expression.time &&
      !context.weekdays[weekday->weekday % 7] &&
      (weekday->possessive || context.tense == Tense::past || context.tense == Tense::future)) {
    context.weekdays[weekday->weekday % 7] = first_day(timex);
  }
}

Timex resolve(const ast::Expression& expression, const ResolveContext& context, Trace* trace) {
  Timex t = std::visit(
      [&](const auto& node) -> Timex {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, ast::CalendarDate>) return resolve_calendar_date(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::Decade>) return resolve_decade(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::Century>) return resolve_century(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::Period>) return resolve_period(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::WeekdayRef>) return resolve_weekday(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::DayRef>) return resolve_day(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::RelativeUnit>) return resolve_relative_unit(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::Offset>) return resolve_offset(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::Narrative>) return resolve_narrative(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::Fuzzy>) return resolve_fuzzy(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::Duration>) return resolve_duration(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::Recurrence>) return resolve_recurrence(node, context, trace);
        else if constexpr (std::is_same_v<Node, ast::HolidayRef>) return resolve_holiday(node, context, trace);
        else return resolve_clock_time(node, context, trace);
      },
      expression.core);
  if (expression.time) {
    unsigned hour = expression.time->hour;
    if (expression.time->meridiem == ast::Meridiem::pm && hour < 12) hour += 12;
    if (expression.time->meridiem == ast::Meridiem::am && hour == 12) hour = 0;
    if (t.interval && (t.granularity == Granularity::day || t.granularity == Granularity::part_of_day)) {
      local_days const day = date::floor<date::days>(t.interval->begin);
      note(trace, "at " + digits(hour, 2) + ":" + digits(expression.time->minute, 2) + " on that day");
      t = clock_timex(day, hour, expression.time->minute);
    } else {
      t.type = TimexType::time;
      t.value += "T" + digits(hour, 2) + ":" + digits(expression.time->minute, 2);
    }
  }
  t.mod = to_string(expression.mod);
  if (!t.mod.empty()) note(trace, "mod " + t.mod);
  return t;
}

}  // namespace reckon
