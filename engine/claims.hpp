#pragma once
// Claims about a timeline and how they are checked: "the summit was on 2025-08-15", "the call came
// before the summit", "no reports conflict". A claim selects events with an EventSelector and makes
// one assertion about them; check_claims says for each claim whether it holds, why not, and which
// events, documents and sentences are the evidence. The CLI converts config::Claim into this
// model (cli/claims_bridge.hpp); docs/claims.md is the user-facing reference.
//
// Selector matching (every field that is set must match):
// - type: the event's type, the type of any of its mentions, or, for a family name such as
//   "meeting", any event of that family (event_family in reconcile.hpp);
// - participants: each name matches one participant of the event, by canonical name
//   (case-insensitive), by a configured alias, by person_key (variant spellings: Sergey/Sergei),
//   or, for a one-word name, by surname;
// - place: case-insensitive equality with the event's place;
// - text: case-insensitive substring of a mention's trigger or sentence;
// - on / within: the event is dated and its interval lies inside the period.
#include <date/date.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/entities.hpp"
#include "engine/source_error.hpp"
#include "engine/timeline.hpp"
#include "engine/timex.hpp"

namespace reckon {

// A stretch of calendar named by a TIMEX3 value ("2025-08-12", "2025-W33", "2025-Q3"): [begin, end).
struct ClaimPeriod {
  std::string value;
  Granularity granularity = Granularity::day;  // day, week, month, quarter or year
  date::local_days begin{};
  date::local_days end{};
};

// An ISO-8601 duration ("P3D", "P1W", "P1Y2M"); years and months are calendar units.
struct ClaimDuration {
  std::string value;
  std::int64_t years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0;
};

// `when` plus `duration`, calendar-aware: years and months move the calendar date (the 31st
// becomes the last day of a shorter month), the rest are fixed lengths.
date::local_seconds add_duration(date::local_seconds when, const ClaimDuration& duration);

struct EventSelector {
  std::optional<std::string> type;
  std::vector<std::string> participants;
  std::optional<std::string> place;
  std::optional<std::string> text;
  std::optional<ClaimPeriod> on;
  std::optional<ClaimPeriod> within;
};

// The selector as the user would write it: { type = "summit", participants = ["Donald Trump"] }.
std::string describe(const EventSelector& selector);

namespace assertion {
struct On {
  ClaimPeriod period;
};  // the event lies on that day / in that period
struct Within {
  ClaimPeriod period;
};  // the event lies within the period
struct Before {
  EventSelector other;
};  // the event ends before the other begins
struct After {
  EventSelector other;
};  // the event begins after the other ends
struct Exists {
  bool exists = true;
};  // some event matches (or none does)
struct Count {
  std::int64_t count = 0;
};                      // exactly that many events match
struct NoConflicts {};  // no conflict about the event (or the corpus)
struct Gap {            // from.begin + at_least <= event.begin <= from.begin + at_most
  EventSelector from;
  std::optional<ClaimDuration> at_least;
  std::optional<ClaimDuration> at_most;
};
}  // namespace assertion

using ClaimAssertion =
    std::variant<assertion::On, assertion::Within, assertion::Before, assertion::After, assertion::Exists,
                 assertion::Count, assertion::NoConflicts, assertion::Gap>;

struct Claim {
  std::string id;
  std::string description;
  std::optional<EventSelector> event;  // none: the claim is about the whole timeline (count, no_conflicts)
  ClaimAssertion assertion;
  std::string file;      // where the claim was written
  SourcePosition where;  // of its [[claim]] header
};

enum class ClaimStatus { pass, fail, error };

const char* to_string(ClaimStatus status) noexcept;  // "pass", "fail", "error"

// One piece of evidence: an event, and when it comes from a report, the mention's document,
// sentence (1-based), sentence text, trigger and timex value.
struct ClaimEvidence {
  std::string event;          // "E3", or "" (a document-level conflict)
  std::string event_summary;  // "summit: Donald Trump, Vladimir Putin, 2025-08-15"
  std::string doc;            // "" when the evidence is the event as a whole
  std::size_t sentence = 0;
  std::string sentence_text;
  std::string text;   // the trigger
  std::string timex;  // the mention's TIMEX3 value, "" when undated
};

// `fail`: the claim does not hold. `error`: it cannot be decided because a selector matched no
// event or several where one is needed; both make `reckon check` fail.
struct ClaimResult {
  std::string id;
  std::string description;
  ClaimStatus status = ClaimStatus::pass;
  std::string message;
  std::vector<ClaimEvidence> evidence;
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
};

// Checks every claim against the timeline, in claim order. `aliases` are the configured entities
// ([entities]); participant names in selectors may use any of their names.
std::vector<ClaimResult> check_claims(const Timeline& timeline, const std::vector<Claim>& claims,
                                      const std::vector<EntityAlias>& aliases);

}  // namespace reckon
