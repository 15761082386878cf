#include "engine/anchor.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <date/iso_week.h>

namespace reckon {

namespace ast = grammar::ast;
using date::local_days;

namespace {

void note(Trace* trace, std::string step) {
  if (trace != nullptr) trace->push_back(std::move(step));
}

// `value` in decimal, padded with zeros to `width` characters (a minus sign counts), as printf's
// "%0*lld" writes it; without printf, which the tagger would otherwise call for every date.
std::string digits(long long value, int width) {
  bool const negative = value < 0;
  unsigned long long const magnitude = negative ? 0ULL - static_cast<unsigned long long>(value)
                                                : static_cast<unsigned long long>(value);
  char buffer[24];
  auto const n = static_cast<std::size_t>(std::to_chars(buffer, buffer + sizeof buffer, magnitude).ptr - buffer);
  std::size_t const length = n + (negative ? 1 : 0);
  std::size_t const pad = width > 0 && static_cast<std::size_t>(width) > length ? static_cast<std::size_t>(width) - length : 0;
  std::string out;
  out.reserve(length + pad);
  if (negative) out += '-';
  out.append(pad, '0');
  out.append(buffer, n);
  return out;
}

// A number as the trace and TIMEX3 values write it: whole numbers in full ("40000"), fractions
// as "%g" does ("3.5"), numbers beyond exact integers by their magnitude ("1e+20"). Safe for
// every double.
std::string number_text(double value) {
  if (!std::isfinite(value)) return "an unknown number";
  char buffer[32];
  if (std::abs(value) >= 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
  }
  if (std::abs(value - std::round(value)) < 1e-9) return std::to_string(std::llround(value));
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// --- the supported range ---------------------------------------------------------------------

constexpr long long day_number(local_days day) { return day.time_since_epoch().count(); }
constexpr long long first_day_number = day_number(local_days(date::year{first_supported_year} / 1 / 1));
constexpr long long last_day_number = day_number(local_days(date::year{last_supported_year} / 12 / 31));

constexpr bool supported_year(long long year) {
  return year >= first_supported_year && year <= last_supported_year;
}
constexpr bool supported_day(local_days day) {
  return day_number(day) >= first_day_number && day_number(day) <= last_day_number;
}
bool supported_amount(double amount) {
  return std::isfinite(amount) && amount >= 0 && amount <= largest_supported_amount;
}

// `from` moved by `count` days, when the result lies in the supported years. Counted in 64 bits
// before a `local_days` is made, so no count can wrap into the range.
std::optional<local_days> shifted_day(local_days from, long long count) {
  constexpr long long span = last_day_number - first_day_number;
  if (count < -span || count > span) return std::nullopt;  // and the sum below cannot overflow
  long long const target = day_number(from) + count;
  if (target < first_day_number || target > last_day_number) return std::nullopt;
  return local_days(date::days(static_cast<int>(target)));
}

std::string outside_years(const std::string& what) {
  return what + " is outside the years 1–9999 reckon resolves";
}

int year_of(local_days day) { return int(date::year_month_day(day).year()); }

std::string day_text(local_days day) {
  date::year_month_day const ymd(day);
  int const year = int(ymd.year());
  if (year < 0 || year > 9999) return digits(year, 4) + "-" + digits(unsigned(ymd.month()), 2) + "-" + digits(unsigned(ymd.day()), 2);
  auto const month = unsigned(ymd.month());
  auto const d = unsigned(ymd.day());
  char const text[10] = {char('0' + year / 1000),     char('0' + year / 100 % 10), char('0' + year / 10 % 10),
                         char('0' + year % 10),       '-',
                         char('0' + month / 10),      char('0' + month % 10),      '-',
                         char('0' + d / 10),          char('0' + d % 10)};
  return std::string(text, sizeof text);
}

const char* month_name(unsigned month) {
  static const char* const names[] = {"January", "February", "March",     "April",
                                      "May",     "June",     "July",      "August",
                                      "September", "October", "November", "December"};
  return month >= 1 && month <= 12 ? names[month - 1] : "no month";
}

// --- timexes ----------------------------------------------------------------------------------

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

// An expression that names no time reckon can give: the TIMEX3 unknown form, no interval, and
// the problem to ask about.
Timex with_problem(TimexProblem problem, std::string value, TimexType type = TimexType::date) {
  Timex t = unresolved(std::move(value), type);
  t.problem = problem;
  return t;
}

Timex year_out_of_range(long long year, std::string value, Trace* trace) {
  note(trace, outside_years("the year " + std::to_string(year)));
  return with_problem(TimexProblem::out_of_range, std::move(value));
}

Timex day_timex(local_days day, Trace* trace = nullptr) {
  if (!supported_day(day)) {
    note(trace, outside_years(day_text(day)));
    return with_problem(TimexProblem::out_of_range, "XXXX-XX-XX");
  }
  return dated(Granularity::day, day, day + date::days{1}, day_text(day));
}

Timex month_timex(long long year, unsigned month, Trace* trace = nullptr) {
  if (month < 1 || month > 12) {
    note(trace, "there is no month " + std::to_string(month));
    return with_problem(TimexProblem::no_such_period, "XXXX-XX");
  }
  if (!supported_year(year)) return year_out_of_range(year, "XXXX-" + digits(month, 2), trace);
  date::year_month const ym(date::year{int(year)}, date::month{month});
  return dated(Granularity::month, local_days(ym / 1), local_days((ym + date::months{1}) / 1),
               digits(year, 4) + "-" + digits(month, 2));
}

Timex year_timex(long long year, Trace* trace = nullptr) {
  if (!supported_year(year)) return year_out_of_range(year, "XXXX", trace);
  local_days const begin(date::year{int(year)} / 1 / 1);
  local_days const end(date::year{int(year) + 1} / 1 / 1);
  return dated(Granularity::year, begin, end, digits(year, 4));
}

local_days monday_of(local_days day) {
  return day - (date::weekday(day) - date::Monday);
}

Timex week_timex(local_days day, Trace* trace = nullptr) {
  if (!supported_day(day)) {
    note(trace, outside_years("the week of " + day_text(day)));
    return with_problem(TimexProblem::out_of_range, "XXXX-WXX");
  }
  iso_week::year_weeknum_weekday const iso(day);
  local_days const monday = monday_of(day);
  return dated(Granularity::week, monday, monday + date::days{7},
               digits(int(iso.year()), 4) + "-W" + digits(unsigned(iso.weeknum()), 2));
}

Timex weekend_timex(local_days day, Trace* trace = nullptr) {
  local_days const saturday = monday_of(day) + date::days{5};
  if (!supported_day(day) || !supported_day(saturday + date::days{1})) {
    note(trace, outside_years("the weekend of " + day_text(day)));
    return with_problem(TimexProblem::out_of_range, "XXXX-WXX-WE");
  }
  iso_week::year_weeknum_weekday const iso(day);
  return dated(Granularity::day, saturday, saturday + date::days{2},
               digits(int(iso.year()), 4) + "-W" + digits(unsigned(iso.weeknum()), 2) + "-WE");
}

Timex quarter_timex(long long year, unsigned quarter, Trace* trace = nullptr) {
  if (quarter < 1 || quarter > 4) {
    note(trace, "a year has four quarters, not a quarter " + std::to_string(quarter));
    return with_problem(TimexProblem::no_such_period, "XXXX-QX");
  }
  if (!supported_year(year)) return year_out_of_range(year, "XXXX-Q" + std::to_string(quarter), trace);
  date::year_month const first(date::year{int(year)}, date::month{3 * quarter - 2});
  return dated(Granularity::quarter, local_days(first / 1), local_days((first + date::months{3}) / 1),
               digits(year, 4) + "-Q" + std::to_string(quarter));
}

Timex half_timex(long long year, unsigned half, Trace* trace = nullptr) {
  if (half < 1 || half > 2) {
    note(trace, "a year has two halves, not a half " + std::to_string(half));
    return with_problem(TimexProblem::no_such_period, "XXXX-HX");
  }
  if (!supported_year(year)) return year_out_of_range(year, "XXXX-H" + std::to_string(half), trace);
  date::year_month const first(date::year{int(year)}, date::month{half == 1 ? 1u : 7u});
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
Timex season_timex(long long year, ast::Season season, Trace* trace = nullptr) {
  unsigned const first_month = season == ast::Season::spring   ? 3
                               : season == ast::Season::summer ? 6
                               : season == ast::Season::fall   ? 9
                                                               : 12;
  // The winter of 9999 would end in the year 10000.
  if (!supported_year(year) || (first_month == 12 && year == last_supported_year)) {
    return year_out_of_range(year, std::string("XXXX-") + season_code(season), trace);
  }
  date::year_month const first(date::year{int(year)}, date::month{first_month});
  return dated(Granularity::season, local_days(first / 1),
               local_days((first + date::months{3}) / 1),
               digits(year, 4) + "-" + season_code(season));
}

// A decade is resolved when it overlaps the supported years: "000" (the years 0-9) to "999".
Timex decade_timex(long long first_year, Trace* trace = nullptr) {
  if (first_year < 0 || first_year > last_supported_year) {
    note(trace, outside_years("the decade beginning in " + std::to_string(first_year)));
    return with_problem(TimexProblem::out_of_range, "XXX");
  }
  local_days const begin(date::year{int(first_year)} / 1 / 1);
  local_days const end(date::year{int(first_year) + 10} / 1 / 1);
  return dated(Granularity::decade, begin, end, digits(first_year / 10, 3));
}

// The n-th century as news counts it (the 20th: 1900-1999, TIMEX3 "19"): the 1st to the 100th.
Timex century_timex(long long number, Trace* trace = nullptr) {
  if (number < 1) {
    note(trace, "there is no century numbered " + std::to_string(number));
    return with_problem(TimexProblem::no_such_period, "XX");
  }
  if (number > 100) {
    note(trace, outside_years("century " + std::to_string(number) + ", from the year " +
                              std::to_string((number - 1) * 100) + ","));
    return with_problem(TimexProblem::out_of_range, "XX");
  }
  int const first_year = int(number - 1) * 100;
  local_days const begin(date::year{first_year} / 1 / 1);
  local_days const end(date::year{first_year + 100} / 1 / 1);
  return dated(Granularity::century, begin, end, digits(number - 1, 2));
}

const char* part_code(ast::PartOfDay part) {
  switch (part) {
    case ast::PartOfDay::morning: return "MO";
    case ast::PartOfDay::afternoon: return "AF";
    case ast::PartOfDay::evening: return "EV";
    case ast::PartOfDay::night: return "NI";
    case ast::PartOfDay::daytime: return "DT";
  }
  return "DT";
}

Timex part_of_day_timex(local_days day, ast::PartOfDay part, Trace* trace = nullptr) {
  if (!supported_day(day)) {
    note(trace, outside_years(day_text(day)));
    return with_problem(TimexProblem::out_of_range, std::string("XXXX-XX-XXT") + part_code(part),
                        TimexType::time);
  }
  int begin_hour = 6;
  int end_hour = 18;
  switch (part) {
    case ast::PartOfDay::morning: begin_hour = 6; end_hour = 12; break;
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

// A clock reading on the 24-hour clock; "24:00" is the end of the day (midnight).
struct Clock {
  unsigned hour = 0;
  unsigned minute = 0;
};

std::string clock_text(unsigned hour, unsigned minute) { return digits(hour, 2) + ":" + digits(minute, 2); }

// The 24-hour reading of a clock time as written, or nothing when the clock has no such time
// ("24:30", "13 p.m."). The grammar keeps such times out of running text; a syntax tree built by
// hand may still hold one.
std::optional<Clock> clock_of(const ast::ClockTime& time) {
  unsigned hour = time.hour;
  if (time.minute > 59) return std::nullopt;
  if (time.meridiem != ast::Meridiem::none) {
    if (hour < 1 || hour > 12) return std::nullopt;
    if (time.meridiem == ast::Meridiem::pm && hour < 12) hour += 12;
    if (time.meridiem == ast::Meridiem::am && hour == 12) hour = 0;
  } else if (hour > 24 || (hour == 24 && time.minute != 0)) {
    return std::nullopt;
  }
  return Clock{hour, time.minute};
}

Timex no_such_time(const ast::ClockTime& time, Trace* trace) {
  static const char* const meridiems[] = {"", " a.m.", " p.m."};
  note(trace, std::to_string(time.hour) + ":" + digits(time.minute, 2) +
                  meridiems[static_cast<int>(time.meridiem) % 3] + " is no time of day");
  return with_problem(TimexProblem::no_such_time, "XXXX-XX-XXTXX:XX", TimexType::time);
}

Timex clock_timex(local_days day, Clock clock, Trace* trace = nullptr) {
  if (!supported_day(day)) {
    note(trace, outside_years(day_text(day)));
    return with_problem(TimexProblem::out_of_range,
                        "XXXX-XX-XXT" + clock_text(clock.hour, clock.minute), TimexType::time);
  }
  Timex t;
  t.type = TimexType::time;
  t.value = day_text(day) + "T" + clock_text(clock.hour, clock.minute);
  t.granularity = Granularity::minute;
  auto const begin = date::local_seconds(day) + std::chrono::hours{clock.hour} +
                     std::chrono::minutes{clock.minute};
  t.interval = Interval{begin, begin + std::chrono::minutes{1}};
  return t;
}

// The candidates that name a time reckon resolves (`choose` compares intervals).
std::vector<Timex> resolved_only(std::vector<Timex> candidates) {
  std::erase_if(candidates, [](const Timex& t) { return !t.resolved(); });
  return candidates;
}

// Among candidate times (in time order), the one the tense points to from the anchor day:
// past -> the latest that begins by the anchor day; future -> the earliest that has not ended
// before it; otherwise the nearest (an earlier one wins a tie: news mostly reports).
// With a `window`, a candidate in the tense's direction that lies further than the window from
// the anchor loses to the nearest one: news names the year of a date more than about half a
// year away, so "Jan. 14" in a January article is this January 14 even after a past verb.
// Every candidate is resolved (has an interval).
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

// A past verb right beside a year-less month or date ("bought RJR in February", "the year ended
// Jan. 31") leaves no doubt about the direction: the latest such date within a year is meant.
// Weaker cues keep the eight months, since a misread tense then costs a right nearest reading.
constexpr date::days near_past_window{366};

date::days year_less_window_for(const ResolveContext& context) {
  return context.tense == Tense::past && context.near_past ? near_past_window : year_less_window;
}

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

const char* unit_word(ast::Unit unit) {
  static const char* const names[] = {"second", "minute",    "hour",  "day",     "week",
                                      "weekend", "fortnight", "month", "quarter", "half-year",
                                      "year",   "decade",    "century"};
  return names[static_cast<int>(unit) % 13];
}

std::string units_text(double amount, ast::Unit unit) {
  std::string word = unit_word(unit);
  if (amount != 1) word = unit == ast::Unit::century ? "centuries" : word + "s";
  return number_text(amount) + " " + word;
}

// The reference an amount is counted from, as precise as the unit: "2025", "2025-01", "2025-01-01".
std::string reference_text(local_days from, ast::Unit unit) {
  using ast::Unit;
  switch (unit) {
    case Unit::year: case Unit::decade: case Unit::century: return digits(year_of(from), 4);
    case Unit::month: case Unit::quarter: case Unit::half_year: return day_text(from).substr(0, day_text(from).size() - 3);
    default: return day_text(from);
  }
}

// "40000 years before 2025", "the week of 0000-06-01".
std::string shift_text(local_days from, double amount, bool before, ast::Unit unit) {
  if (amount == 0) return std::string("the ") + unit_word(unit) + " of " + reference_text(from, unit);
  return units_text(amount, unit) + (before ? " before " : " after ") + reference_text(from, unit);
}

long long floor_div(long long a, long long b) { return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0); }

// The calendar unit `n` units from the one holding `from`. Counted in 64 bits, and checked
// against the supported years before any calendar type is made: a count never wraps.
Timex shift_by_unit(local_days from, long long n, ast::Unit unit, Trace* trace = nullptr) {
  using ast::Unit;
  auto const outside = [&] {
    note(trace, outside_years(shift_text(from, double(n < 0 ? -n : n), n < 0, unit)));
    return with_problem(TimexProblem::out_of_range, underspecified(unit));
  };
  // Far beyond any supported year, whatever the unit; keeps the products below in range.
  if (n < -100'000'000 || n > 100'000'000) return outside();
  date::year_month_day const ymd(from);
  long long const year = int(ymd.year());
  long long const month_index = year * 12 + (unsigned(ymd.month()) - 1);
  auto const months_later = [&](long long months) -> std::optional<std::pair<long long, unsigned>> {
    long long const index = month_index + months;
    long long const y = floor_div(index, 12);
    if (!supported_year(y)) return std::nullopt;
    return std::pair{y, unsigned(index - y * 12) + 1};
  };
  switch (unit) {
    case Unit::week: case Unit::weekend: case Unit::fortnight: {
      auto const day = shifted_day(from, (unit == Unit::fortnight ? 14 : 7) * n);
      if (!day) return outside();
      return unit == Unit::weekend ? weekend_timex(*day, trace) : week_timex(*day, trace);
    }
    case Unit::month: case Unit::quarter: case Unit::half_year: {
      long long const per = unit == Unit::month ? 1 : unit == Unit::quarter ? 3 : 6;
      auto const target = months_later(per * n);
      if (!target) return outside();
      auto const [y, m] = *target;
      if (unit == Unit::month) return month_timex(y, m, trace);
      if (unit == Unit::quarter) return quarter_timex(y, (m - 1) / 3 + 1, trace);
      return half_timex(y, m <= 6 ? 1 : 2, trace);
    }
    case Unit::year: case Unit::decade: case Unit::century: {
      long long const per = unit == Unit::year ? 1 : unit == Unit::decade ? 10 : 100;
      long long const y = year + per * n;
      if (!supported_year(y)) return outside();
      if (unit == Unit::year) return year_timex(y, trace);
      if (unit == Unit::decade) return decade_timex(y - y % 10, trace);
      return century_timex(y / 100 + 1, trace);
    }
    default: {
      auto const day = shifted_day(from, n);
      if (!day) return outside();
      return day_timex(*day, trace);
    }
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
  if (vague || !supported_amount(amount)) {
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
      // Decades and centuries are counted in years, as a known amount of them is ("P20Y").
      case Unit::year: case Unit::decade: case Unit::century: return "PXY";
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
      if (whole(amount) && std::llround(amount) % 24 == 0) {
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
      long long const months = std::llround(years * 12);
      std::string value = "P";
      if (months / 12 > 0) value += std::to_string(months / 12) + "Y";
      if (months % 12 > 0) value += std::to_string(months % 12) + "M";
      return value;
    }
  }
  return "P" + number_text(amount) + "D";
}

namespace {

// "February 2025 has 28 days", "April has 30 days": why a day of a month does not exist.
std::string month_length_text(std::optional<int> year, unsigned month) {
  if (month < 1 || month > 12) return "there is no month " + std::to_string(month);
  // A year-less February has the leap day; a known year decides.
  int const y = year && supported_year(*year) ? *year : 2000;
  unsigned const days =
      unsigned(date::year_month_day_last(date::year{y} / date::month{month} / date::last).day());
  return std::string(month_name(month)) + (year ? " " + std::to_string(*year) : std::string()) +
         " has " + std::to_string(days) + " days";
}

Timex no_such_day(const ast::CalendarDate& node, Trace* trace) {
  std::string written = std::string(month_name(*node.month)) + " " + std::to_string(*node.day);
  if (node.year) written += ", " + std::to_string(*node.year);
  note(trace, "no such day in the calendar: " + month_length_text(node.year, *node.month) +
                  ", so there is no " + written);
  return with_problem(TimexProblem::no_such_day, "XXXX-XX-XX");
}

bool day_of_some_year(unsigned month, unsigned day) {
  return date::year_month_day(date::year{2000}, date::month{month}, date::day{day}).ok();
}

}  // namespace

Timex resolve_calendar_date(const ast::CalendarDate& node, const ResolveContext& context,
                            Trace* trace) {
  if (node.month && (*node.month < 1 || *node.month > 12)) {
    note(trace, "there is no month " + std::to_string(*node.month));
    return with_problem(node.day ? TimexProblem::no_such_day : TimexProblem::no_such_period,
                        node.day ? "XXXX-XX-XX" : "XXXX-XX");
  }
  if (node.month && node.day && (*node.day > 31 || !day_of_some_year(*node.month, *node.day))) {
    return no_such_day(node, trace);
  }
  if (node.year && node.month && node.day) {
    if (!supported_year(*node.year)) return year_out_of_range(*node.year, "XXXX-XX-XX", trace);
    date::year_month_day const ymd(date::year{*node.year}, date::month{*node.month},
                                   date::day{*node.day});
    if (!ymd.ok()) return no_such_day(node, trace);
    note(trace, "a complete calendar date");
    return day_timex(local_days(ymd), trace);
  }
  if (node.year && node.month) {
    note(trace, "a month of a given year");
    return month_timex(*node.year, *node.month, trace);
  }
  if (node.year) {
    note(trace, node.fiscal ? "a fiscal year, named by its number" : "a year");
    return year_timex(*node.year, trace);
  }
  auto const today = anchor_day(context);
  if (node.month && node.year_offset && today) {
    note(trace, "a month of the anchor's year, shifted by " + std::to_string(*node.year_offset));
    return month_timex(year_of(*today) + static_cast<long long>(*node.year_offset), *node.month, trace);
  }
  if (node.month && node.day) {
    if (!today) {
      note(trace, "no anchor: the year stays unknown");
      return unresolved("XXXX-" + digits(*node.month, 2) + "-" + digits(*node.day, 2));
    }
    std::vector<Timex> candidates;
    int const y = year_of(*today);
    for (int year = y - 1; year <= y + 1; ++year) {
      if (!supported_year(year)) continue;
      date::year_month_day const ymd(date::year{year}, date::month{*node.month},
                                     date::day{*node.day});
      if (ymd.ok()) candidates.push_back(day_timex(local_days(ymd)));
    }
    if (candidates.empty()) {
      if (supported_year(y)) {  // only February 29 is missing from three years in a row
        note(trace, "no such day near the anchor: none of the years " + std::to_string(y - 1) +
                        " to " + std::to_string(y + 1) + " has a " + month_name(*node.month) +
                        " " + std::to_string(*node.day));
        return with_problem(TimexProblem::no_such_day, "XXXX-XX-XX");
      }
      note(trace, outside_years("the year of the anchor, " + std::to_string(y) + ","));
      return with_problem(TimexProblem::out_of_range, "XXXX-XX-XX");
    }
    note(trace, std::string("no year written; ") + direction_text(context.tense) +
                    ", within eight months");
    return candidates[choose(candidates, *today, context.tense, year_less_window_for(context))];
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
        return month_timex(*node.month < am ? y : y - 1, *node.month, trace);
      case ast::Relation::next:
        note(trace, "'next' month name: the first such month after the anchor's");
        return month_timex(*node.month > am ? y : y + 1, *node.month, trace);
      case ast::Relation::current:
        note(trace, "'this' month name: in the anchor's year");
        return month_timex(y, *node.month, trace);
      case ast::Relation::none: break;
    }
    std::vector<Timex> candidates;
    for (int year = y - 1; year <= y + 1; ++year) candidates.push_back(month_timex(year, *node.month));
    candidates = resolved_only(std::move(candidates));
    if (candidates.empty()) return year_out_of_range(y, "XXXX-" + digits(*node.month, 2), trace);
    note(trace, std::string("no year written; ") + direction_text(context.tense) +
                    ", within eight months");
    return candidates[choose(candidates, *today, context.tense, year_less_window_for(context))];
  }
  return unresolved("XXXX-XX-XX");
}

Timex resolve_decade(const ast::Decade& node, const ResolveContext& context, Trace* trace) {
  long long first_year = node.first_year;
  if (!node.century_known) {
    long long const y = context.anchor ? year_of(context.anchor->day) : 1999;
    long long century_start = floor_div(y, 100) * 100;
    if (century_start + first_year > y) century_start -= 100;
    first_year += century_start;
    note(trace, "century not written: the latest such decade begun by the anchor year");
  }
  note(trace, "a decade: TIMEX3 writes its first three digits");
  return decade_timex(first_year, trace);
}

Timex resolve_century(const ast::Century& node, const ResolveContext&, Trace* trace) {
  note(trace, "a century: TIMEX3 writes its first two digits");
  return century_timex(node.number, trace);
}

Timex resolve_period(const ast::Period& node, const ResolveContext& context, Trace* trace) {
  auto const make = [&](long long year, Trace* why = nullptr) {
    switch (node.kind) {
      case ast::PeriodKind::quarter: return quarter_timex(year, node.index, why);
      case ast::PeriodKind::half: return half_timex(year, node.index, why);
      case ast::PeriodKind::season:
        if (node.index > 3) break;
        return season_timex(year, ast::Season(node.index), why);
    }
    note(why, "there is no season " + std::to_string(node.index));
    return with_problem(TimexProblem::no_such_period, "XXXX-XX");
  };
  if (Timex const probe = make(2000); probe.problem == TimexProblem::no_such_period) {
    return make(2000, trace);  // a fifth quarter is missing from every year
  }
  if (node.in_focus && node.year) {
    if (context.quarter) {
      note(trace, "the quarter in focus (Q" + std::to_string(context.quarter->quarter) + "), in the year written");
      return quarter_timex(*node.year, context.quarter->quarter, trace);
    }
    note(trace, "no quarter in focus: the year written");
    return year_timex(*node.year, trace);
  }
  if (node.year) {
    note(trace, "a part of a given year");
    return make(*node.year, trace);
  }
  auto const today = anchor_day(context);
  if (node.year_offset && today) {
    note(trace, "a part of the anchor's year, shifted by " + std::to_string(*node.year_offset));
    return make(year_of(*today) + static_cast<long long>(*node.year_offset), trace);
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
  if (node.relation == ast::Relation::current || (node.relation == ast::Relation::none &&
                                                  node.kind != ast::PeriodKind::season)) {
    // Results are reported by quarters and halves of the current (fiscal) year.
    if (node.relation == ast::Relation::none && context.tense == Tense::past) {
      // "reported a drop in profits for the fourth quarter" in January: a past clause speaks of
      // a quarter that has begun, so one still ahead in the anchor's year is last year's.
      if (Timex const ahead = make(y); ahead.interval && ahead.interval->begin > date::local_seconds(*today)) {
        note(trace, "no year written, past tense: the quarter or half has not begun this year, so last year's");
        return make(y - 1, trace);
      }
    }
    note(trace, node.relation == ast::Relation::current
                    ? "'this': the one in the anchor's year"
                    : "no year written: a quarter or half of the anchor's year");
    return make(y, trace);
  }
  std::vector<Timex> candidates;
  for (int year = y - 2; year <= y + 1; ++year) candidates.push_back(make(year));
  candidates = resolved_only(std::move(candidates));
  if (candidates.empty()) return make(y, trace);
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
    default: break;
  }
  note(trace, std::string("no year written; ") + direction_text(context.tense) +
                  ", within eight months");
  return candidates[choose(candidates, *today, context.tense, year_less_window)];
}

Timex resolve_weekday(const ast::WeekdayRef& node, const ResolveContext& context, Trace* trace) {
  auto const with_part = [&](local_days day) {
    return node.part ? part_of_day_timex(day, *node.part, trace) : day_timex(day, trace);
  };
  auto const today = anchor_day(context);
  if (!today) {
    note(trace, "no anchor: a weekday of an unknown week");
    std::string value = "XXXX-WXX-" + std::to_string(iso_weekday(node.weekday % 7));
    if (node.part) value += std::string("T") + part_code(*node.part);
    return unresolved(std::move(value), node.part ? TimexType::time : TimexType::date);
  }
  date::weekday const wanted(node.weekday % 7);
  local_days const on_or_before = *today - (date::weekday(*today) - wanted);
  local_days const on_or_after = *today + (wanted - date::weekday(*today));
  // "down 4.5% from the previous Friday" after a report on Friday: the Friday before that one.
  bool const from_story = node.anaphoric && context.narrative.has_value();
  local_days const from = from_story ? context.narrative->day : *today;
  char const* const from_text = from_story ? "the narrative's day" : "the anchor day";
  switch (node.relation) {
    case ast::Relation::previous: {
      note(trace, std::string("'last ") + weekday_name(node.weekday) + "': the latest one before " + from_text);
      local_days const before = from - (date::weekday(from) - wanted);
      return with_part(before == from ? from - date::days{7} : before);
    }
    case ast::Relation::next: {
      note(trace, std::string("'next ") + weekday_name(node.weekday) + "': the first one after " + from_text);
      local_days const after = from + (wanted - date::weekday(from));
      return with_part(after == from ? from + date::days{7} : after);
    }
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
  candidates = resolved_only(std::move(candidates));
  if (candidates.empty()) return with_part(on_or_before);
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
  note(trace, "the anchor day " + std::string(node.offset < 0 ? "minus " : "plus ") +
                  std::to_string(std::abs(static_cast<long long>(node.offset))) + " day(s)");
  auto const day = shifted_day(*today, node.offset);
  if (!day) {
    note(trace, outside_years(shift_text(*today, std::abs(double(node.offset)), node.offset < 0,
                                         ast::Unit::day)));
    return node.part ? with_problem(TimexProblem::out_of_range,
                                    std::string("XXXX-XX-XXT") + part_code(*node.part), TimexType::time)
                     : with_problem(TimexProblem::out_of_range, "XXXX-XX-XX");
  }
  return node.part ? part_of_day_timex(*day, *node.part, trace) : day_timex(*day, trace);
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
      return quarter_timex(context.quarter->year, context.quarter->quarter, trace);
    }
    note(trace, "'the quarter': the last completed quarter");
    return shift_by_unit(*today, -1, ast::Unit::quarter, trace);
  }
  if (node.relation == ast::Relation::none && node.unit == ast::Unit::weekend) {
    bool const weekday_now = date::weekday(*today).iso_encoding() <= 5;
    step = (context.tense == Tense::past && weekday_now) ? -1 : 0;
    note(trace, "'the weekend': the one the tense points to");
  }
  note(trace, "the anchor's " + std::string(step < 0 ? "previous" : step > 0 ? "next" : "current") +
                  " calendar unit");
  return shift_by_unit(*today, step, node.unit, trace);
}

namespace {

constexpr long long seconds_per(ast::Unit unit) {
  return unit == ast::Unit::hour ? 3600 : unit == ast::Unit::minute ? 60 : 1;
}

}  // namespace

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
  if (!supported_amount(amount)) {
    note(trace, outside_years(shift_text(*from, amount, before, unit)));
    return with_problem(TimexProblem::out_of_range, underspecified(unit));
  }
  long long const sign = before ? -1 : 1;
  if (unit == ast::Unit::year && context.quarter &&
      std::abs(amount - std::round(amount)) < 1e-9) {
    long long const year = context.quarter->year + sign * std::llround(amount);
    note(trace, "whole years from the quarter in focus (" + digits(context.quarter->year, 4) +
                    "-Q" + std::to_string(context.quarter->quarter) + "): the same quarter");
    if (!supported_year(year)) {
      note(trace, outside_years(units_text(amount, unit) + (before ? " before " : " after ") +
                                digits(context.quarter->year, 4)));
      return with_problem(TimexProblem::out_of_range, "XXXX-QX");
    }
    return quarter_timex(year, context.quarter->quarter, trace);
  }
  if (unit == ast::Unit::year && std::abs(amount - std::round(amount)) > 1e-9) {
    amount *= 12;
    unit = ast::Unit::month;
  }
  note(trace, std::string("count ") + number_text(amount) + " unit(s) " + (before ? "back" : "forward"));
  switch (unit) {
    case ast::Unit::hour: case ast::Unit::minute: case ast::Unit::second: {
      // The day the amount reaches, counted in whole days from the reference day.
      long long const days = std::llround(std::floor(amount * double(seconds_per(unit)) / 86400));
      Timex t = shift_by_unit(*from, sign * days, ast::Unit::day, trace);
      t.type = TimexType::time;
      return t;
    }
    case ast::Unit::decade: return shift_by_unit(*from, sign * 10 * std::llround(amount), ast::Unit::year, trace);
    case ast::Unit::century: return shift_by_unit(*from, sign * 100 * std::llround(amount), ast::Unit::year, trace);
    default: return shift_by_unit(*from, sign * std::llround(amount), unit, trace);
  }
}

Timex resolve_narrative(const ast::Narrative& node, const ResolveContext& context, Trace* trace) {
  // "that year", "the following month" may follow a mention of a year or a month.
  if ((node.unit == ast::Unit::year || node.unit == ast::Unit::month) && context.narrative_period) {
    note(trace, "narrative time: " + day_text(context.narrative_period->day));
    return shift_by_unit(context.narrative_period->day, node.offset, node.unit, trace);
  }
  auto const from = narrative_day(context, trace);
  if (!from) {
    note(trace, "no reference time: the date stays unknown");
    return unresolved(underspecified(node.unit));
  }
  if (node.unit == ast::Unit::day && node.part) {
    auto const day = shifted_day(*from, node.offset);
    if (!day) {
      note(trace, outside_years(shift_text(*from, std::abs(double(node.offset)), node.offset < 0,
                                           ast::Unit::day)));
      return with_problem(TimexProblem::out_of_range,
                          std::string("XXXX-XX-XXT") + part_code(*node.part), TimexType::time);
    }
    return part_of_day_timex(*day, *node.part, trace);
  }
  return shift_by_unit(*from, node.offset, node.unit, trace);
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

namespace {

void note_unsupported_amount(Trace* trace, double amount, ast::Unit unit) {
  note(trace, units_text(amount, unit) + " is more than the " + number_text(largest_supported_amount) +
                  " of a unit reckon counts: the amount stays unknown");
}

}  // namespace

Timex resolve_duration(const ast::Duration& node, const ResolveContext&, Trace* trace) {
  note(trace, "an amount of time");
  Timex t;
  t.type = TimexType::duration;
  t.value = duration_value(node.quantity.value, node.unit, node.quantity.vague);
  if (!node.quantity.vague && !supported_amount(node.quantity.value)) {
    note_unsupported_amount(trace, node.quantity.value, node.unit);
    t.problem = TimexProblem::out_of_range;
  }
  return t;
}

Timex resolve_recurrence(const ast::Recurrence& node, const ResolveContext&, Trace* trace) {
  Timex t;
  t.type = TimexType::set;
  if (node.each) t.quant = "EVERY";
  if (node.times > 1) {
    if (supported_amount(node.times)) {
      t.freq = number_text(node.times) + "X";
    } else {
      note(trace, number_text(node.times) + " times is more than the " +
                      number_text(largest_supported_amount) + " reckon counts");
      t.problem = TimexProblem::out_of_range;
    }
  }
  if (node.month) {
    note(trace, "a month of every year");
    t.value = "XXXX-" + digits(*node.month, 2);
  } else if (node.weekday) {
    note(trace, "a weekday of every week");
    t.value = "XXXX-WXX-" + std::to_string(iso_weekday(*node.weekday % 7));
    if (node.part) t.value += std::string("T") + part_code(*node.part);
  } else {
    note(trace, "a recurring period");
    t.value = duration_value(node.interval.value, node.unit, node.interval.vague);
    if (!node.interval.vague && !supported_amount(node.interval.value)) {
      note_unsupported_amount(trace, node.interval.value, node.unit);
      t.problem = TimexProblem::out_of_range;
    }
  }
  return t;
}

Timex resolve_clock_time(const ast::ClockTime& node, const ResolveContext& context, Trace* trace) {
  auto const clock = clock_of(node);
  if (!clock) return no_such_time(node, trace);
  note(trace, "clock time " + clock_text(clock->hour, clock->minute) +
                  (node.zone.empty() ? std::string() : " (" + node.zone + ")"));
  // A clock time without a day happens on the day the narrative is at.
  auto const day = narrative_day(context, trace);
  if (!day) {
    return unresolved("XXXX-XX-XXT" + clock_text(clock->hour, clock->minute), TimexType::time);
  }
  return clock_timex(*day, *clock, trace);
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
      // The Gregorian computus (Meeus/Jones/Butcher), for years from 1 on.
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
    if (!supported_year(*node.year)) return year_out_of_range(*node.year, "XXXX-XX-XX", trace);
    return day_timex(holiday_in(node.holiday, *node.year), trace);
  }
  auto const today = anchor_day(context);
  if (!today) {
    note(trace, "no anchor: the year stays unknown");
    date::year_month_day const ymd(holiday_in(node.holiday, 2000));
    return unresolved("XXXX-" + digits(unsigned(ymd.month()), 2) + "-" + digits(unsigned(ymd.day()), 2));
  }
  int const y = year_of(*today);
  if (!supported_year(y)) return year_out_of_range(y, "XXXX-XX-XX", trace);
  auto const in_year = [&](int year) {
    return supported_year(year) ? day_timex(holiday_in(node.holiday, year), trace)
                                : year_out_of_range(year, "XXXX-XX-XX", trace);
  };
  if (node.relation == ast::Relation::previous) {
    note(trace, "'last': the latest one before the anchor day");
    return in_year(*today > holiday_in(node.holiday, y) ? y : y - 1);
  }
  if (node.relation == ast::Relation::next) {
    note(trace, "'next': the first one after the anchor day");
    return in_year(*today < holiday_in(node.holiday, y) ? y : y + 1);
  }
  if (node.relation == ast::Relation::current) return in_year(y);
  std::vector<Timex> candidates;
  for (int year = y - 1; year <= y + 1; ++year) {
    if (supported_year(year)) candidates.push_back(day_timex(holiday_in(node.holiday, year)));
  }
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
  // "the 1988 quarter" names the focus in another year; it does not move it.
  if (const auto* period = std::get_if<ast::Period>(&core);
      period != nullptr && !period->in_focus && reported_quarter(timex, context)) {
    date::year_month_day const first(first_day(timex));
    QuarterInFocus const named{int(first.year()), (unsigned(first.month()) - 1) / 3 + 1};
    bool const earlier_same_year = !period->fiscal && context.quarter &&
                                   context.quarter->year == named.year &&
                                   named.quarter < context.quarter->quarter;
    if (!earlier_same_year) context.quarter = named;
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

namespace {

// The week or weekend that holds the day `t` names ("the week of March 6", "Easter week"). A
// Monday's weekend is the one before it ("Labor Day weekend"); any other day's is that of its
// week.
Timex enclosing_timex(const Timex& t, ast::Unit unit, Trace* trace) {
  bool const weekend = unit == ast::Unit::weekend;
  if (!t.interval || t.granularity != Granularity::day) {
    note(trace, std::string("the ") + (weekend ? "weekend" : "week") + " of an unknown day");
    Timex unknown = t;
    unknown.type = TimexType::date;
    unknown.value = weekend ? "XXXX-WXX-WE" : "XXXX-WXX";
    return unknown;
  }
  local_days const day = first_day(t);
  if (!weekend) {
    note(trace, "the week (Monday to Sunday) holding " + day_text(day));
    return week_timex(day, trace);
  }
  if (date::weekday(day) == date::Monday) {
    note(trace, "the weekend just before the Monday " + day_text(day));
    return weekend_timex(day - date::days{1}, trace);
  }
  note(trace, "the weekend of the week holding " + day_text(day));
  return weekend_timex(day, trace);
}

}  // namespace

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
  if (expression.enclosing) t = enclosing_timex(t, *expression.enclosing, trace);
  if (expression.time) {
    auto const clock = clock_of(*expression.time);
    if (!clock) {
      t = no_such_time(*expression.time, trace);
    } else if (t.interval &&
               (t.granularity == Granularity::day || t.granularity == Granularity::part_of_day)) {
      local_days const day = date::floor<date::days>(t.interval->begin);
      note(trace, "at " + clock_text(clock->hour, clock->minute) + " on that day");
      t = clock_timex(day, *clock, trace);
    } else {
      t.type = TimexType::time;
      t.value += "T" + clock_text(clock->hour, clock->minute);
    }
  }
  t.mod = to_string(expression.mod);
  if (!t.mod.empty()) note(trace, "mod " + t.mod);
  if (t.has_problem()) {
    note(trace, std::string("unresolved (") + to_string(t.problem) + "): the value keeps only what is known");
  }
  return t;
}

}  // namespace reckon
