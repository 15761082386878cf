#include "engine/timex.hpp"

namespace reckon {

const char* to_string(TimexType type) noexcept {
  switch (type) {
    case TimexType::date: return "DATE";
    case TimexType::time: return "TIME";
    case TimexType::duration: return "DURATION";
    case TimexType::set: return "SET";
  }
  return "DATE";
}

const char* to_string(Granularity granularity) noexcept {
  switch (granularity) {
    case Granularity::millennium: return "millennium";
    case Granularity::century: return "century";
    case Granularity::decade: return "decade";
    case Granularity::year: return "year";
    case Granularity::half_year: return "half_year";
    case Granularity::quarter: return "quarter";
    case Granularity::season: return "season";
    case Granularity::month: return "month";
    case Granularity::week: return "week";
    case Granularity::day: return "day";
    case Granularity::part_of_day: return "part_of_day";
    case Granularity::hour: return "hour";
    case Granularity::minute: return "minute";
    case Granularity::second: return "second";
    case Granularity::unknown: return "unknown";
  }
  return "unknown";
}

const char* to_string(TimexProblem problem) noexcept {
  switch (problem) {
    case TimexProblem::none: return "none";
    case TimexProblem::no_such_day: return "no_such_day";
    case TimexProblem::no_such_time: return "no_such_time";
    case TimexProblem::no_such_period: return "no_such_period";
    case TimexProblem::out_of_range: return "out_of_range";
  }
  return "none";
}

const char* describe(TimexProblem problem) noexcept {
  switch (problem) {
    case TimexProblem::none: return "no problem";
    case TimexProblem::no_such_day: return "no such day in the calendar";
    case TimexProblem::no_such_time: return "no such time of day";
    case TimexProblem::no_such_period: return "no such period";
    case TimexProblem::out_of_range: return "outside the years 1-9999 or the amounts reckon resolves";
  }
  return "no problem";
}

}  // namespace reckon
