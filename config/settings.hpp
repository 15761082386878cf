#pragma once
// What a reckon.toml says, as plain structs: defaults, per-document anchors, entity aliases,
// event vocabulary, named reference times and claims. Every entry keeps the line and column it
// was written at, so later stages can point back at the configuration. docs/config.md is the
// user-facing reference.
#include <date/date.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace reckon::config {

// A place in a TOML file (1-based; 0 when unknown).
struct Location {
  std::size_t line = 0;
  std::size_t column = 0;
};

struct Defaults {
  std::string timezone = "UTC";  // IANA name, checked against the time zone database
  std::optional<std::uint64_t> max_document_bytes;
  Location max_document_bytes_where;  // of its value
  Location where;
};

// A point in time as written in the config: a calendar day, optionally a time of day, optionally
// a fixed UTC offset ("Z", "+02:00"). Day and time are local to the offset or zone.
struct DateTime {
  date::local_days day{};
  std::optional<std::chrono::minutes> time_of_day;
  std::optional<std::chrono::minutes> utc_offset;

  friend bool operator==(const DateTime&, const DateTime&) = default;
};

// [anchors]: the publication time of the documents whose id (or base name) matches `pattern`.
struct AnchorRule {
  std::string pattern;  // a document name, or a glob with *, ?, [...] or ** (see glob.hpp)
  bool is_glob = false;
  DateTime published;
  std::optional<std::string> timezone;  // when the rule names one; Defaults::timezone otherwise
  Location where;                       // of the key
};

// [entities]: a canonical name and the other names it goes by.
struct Entity {
  std::string canonical;
  std::vector<std::string> aliases;
  Location where;
};

// [events]: extra trigger words or phrases for an event type. Nouns are matched as written (and
// in the plural); verbs are lemmas, matched in every inflected form ("unveil" → unveiled...).
struct EventTriggers {
  std::string type;
  std::vector<std::string> nouns;
  std::vector<std::string> verbs;
  Location where;
};

// [named]: a reference time with a name ("the Alaska summit" = "2025-08-15").
struct NamedTime {
  std::string name;
  DateTime when;
  Location where;
};

// A stretch of calendar written as a TIMEX3 value: "2025-08-12", "2025-08", "2025-W33", "2024",
// "2025-Q3". [begin, end) in days.
struct Period {
  enum class Granularity { day, week, month, quarter, year };
  std::string value;
  Granularity granularity = Granularity::day;
  date::local_days begin{};
  date::local_days end{};
  Location where;
};

// An ISO-8601 duration such as "P3D", "P1W", "PT12H", "P1Y2M".
struct Duration {
  std::string value;
  std::int64_t years = 0, months = 0, weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0;
  Location where;
};

// Which events a claim is about; every field that is set must match.
struct EventSelector {
  std::optional<std::string> type;
  std::vector<std::string> participants;
  std::optional<std::string> place;
  std::optional<std::string> text;  // a word or phrase of the mention
  std::optional<Period> on;
  std::optional<Period> within;
  Location where;
};

// The assertion a claim makes about its event; exactly one per claim.

// on = "2025-08-12": the event happened on that day (or within that period).
struct OnAssertion {
  Period period;
};
// within = "2025-08": the event's time falls inside the period.
struct WithinAssertion {
  Period period;
};
// before = { ... }: the event comes before the selected one.
struct BeforeAssertion {
  EventSelector other;
};
// after = { ... }: the event comes after the selected one.
struct AfterAssertion {
  EventSelector other;
};
// exists = true / false: such an event is (or is not) in the timeline.
struct ExistsAssertion {
  bool exists = true;
};
// count = 2: exactly that many events match.
struct CountAssertion {
  std::int64_t count = 0;
};
// no_conflicts = true: no conflicts among the matching events.
struct NoConflictsAssertion {};
// gap = { from = { ... }, at_least = "P3D", at_most = "P1W" }: the time from `from` to the event.
struct GapAssertion {
  EventSelector from;
  std::optional<Duration> at_least;
  std::optional<Duration> at_most;
};

using Assertion = std::variant<OnAssertion, WithinAssertion, BeforeAssertion, AfterAssertion, ExistsAssertion,
                               CountAssertion, NoConflictsAssertion, GapAssertion>;

// The key that introduces an assertion ("on", "within", "before", ...).
const char* assertion_name(const Assertion& assertion) noexcept;

struct Claim {
  std::string id;
  std::string description;
  std::optional<EventSelector> event;  // required except for count and no_conflicts
  Assertion assertion;
  std::string file;  // the file the claim was read from
  Location where;    // of its [[claim]] header
  Location assertion_where;
};

struct Settings {
  std::string file;  // where it was read from
  Defaults defaults;
  std::vector<AnchorRule> anchors;  // in file order
  std::vector<Entity> entities;     // in file order
  std::vector<EventTriggers> events;
  std::vector<NamedTime> named;
  std::vector<Claim> claims;
};

// The anchor rule for a document: an exact name beats a glob; among globs, the first in file
// order wins. Rules are matched against the document id and against its base name (the part
// after the last '/'). nullptr when none matches.
const AnchorRule* match_anchor(const Settings& settings, std::string_view document_id);

}  // namespace reckon::config
