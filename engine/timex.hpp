#pragma once
// A resolved temporal expression in TIMEX3 terms (TimeML 1.2.1): type, value and mod as the
// guidelines define them, plus an explicit interval and granularity so that later stages compare
// times as times, never as strings.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include <date/date.h>

namespace reckon {

enum class TimexType { date, time, duration, set };

const char* to_string(TimexType type) noexcept;  // "DATE", "TIME", "DURATION", "SET"

// How precise a resolved time is: the unit of its interval.
enum class Granularity {
  millennium, century, decade, year, half_year, quarter, season, month, week, day,
  part_of_day, hour, minute, second, unknown
};

const char* to_string(Granularity granularity) noexcept;

// A half-open interval [begin, end) of local time in the document's calendar.
struct Interval {
  date::local_seconds begin{};
  date::local_seconds end{};

  bool empty() const noexcept { return !(begin < end); }
  bool overlaps(const Interval& other) const noexcept {
    return begin < other.end && other.begin < end;
  }
  friend bool operator==(const Interval&, const Interval&) = default;
};

struct Timex {
  std::size_t start = 0;  // byte span in the document text
  std::size_t end = 0;
  TimexType type = TimexType::date;
  std::string value;      // TIMEX3 value: "2025-08-15", "2025-W33", "PT40M", "PAST_REF", "XXXX-WXX-2"...
  std::string mod;        // TIMEX3 mod: "", "START", "MID", "END", "APPROX", "LESS_THAN", "MORE_THAN"...
  std::optional<std::string> quant;  // SET quant ("EVERY", "EACH")
  std::optional<std::string> freq;   // SET freq ("1D", ...)

  // The time the expression denotes, when it denotes one (dates and times that resolved).
  std::optional<Interval> interval;
  Granularity granularity = Granularity::unknown;

  bool resolved() const noexcept { return interval.has_value(); }
};

}  // namespace reckon
