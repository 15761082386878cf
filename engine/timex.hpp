#pragma once
// A resolved temporal expression in TIMEX3 terms (TimeML 1.2.1): type, value and mod as the
// guidelines define them, plus an explicit interval and granularity so that later stages compare
// times as times, never as strings.
#include <chrono>
#include <cstddef>
#include <cstdint>
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

// The years reckon resolves: those a four-digit TIMEX3 value writes, without the year 0 that ISO
// 8601 counts before year 1. A time outside them is an `out_of_range` problem, never a wrapped or
// clamped date.
inline constexpr int first_supported_year = 1;
inline constexpr int last_supported_year = 9999;

// The largest amount of a unit reckon counts ("999999999999 years"): every amount up to it, and
// its conversions into smaller units, are exact integers in a double and in 64 bits.
inline constexpr double largest_supported_amount = 999'999'999'999.0;

// Why an expression the grammar read names no time reckon can give. The timex then keeps its span
// and type, has no interval, and its value is the TIMEX3 unknown form ("XXXX-XX-XX", "XXXX",
// "PXY"), never an impossible date.
enum class TimexProblem : std::uint8_t {
  none,
  no_such_day,     // "February 30, 2025": the calendar has no such day
  no_such_time,    // "24:30": the clock has no such time
  no_such_period,  // "the 0th century", a fifth quarter: no such numbered period
  out_of_range,    // outside the years 1-9999, or an amount beyond `largest_supported_amount`
};

const char* to_string(TimexProblem problem) noexcept;  // "no_such_day", "out_of_range"...
// The problem in words, for a warning: "no such day in the calendar".
const char* describe(TimexProblem problem) noexcept;

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
  // Set when the expression names an impossible or unsupported time; `reckon explain` says why.
  TimexProblem problem = TimexProblem::none;

  bool resolved() const noexcept { return interval.has_value(); }
  bool has_problem() const noexcept { return problem != TimexProblem::none; }
};

}  // namespace reckon
