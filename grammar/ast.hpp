#pragma once
// The syntax tree of a temporal expression: plain structs, one per kind of expression, with no
// knowledge of documents or of the calendar. The anchor stage (engine/anchor.*) gives them a
// meaning; the grammar (temporal_def.hpp) only records what was written.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace reckon::grammar::ast {

// Calendar units as words name them ("days", "a fortnight", "quarters").
enum class Unit : std::uint8_t {
  second, minute, hour, day, week, weekend, fortnight, month, quarter, half_year, year,
  decade, century
};

struct UnitWord {
  Unit unit = Unit::day;
  bool plural = false;
};

enum class PartOfDay : std::uint8_t { morning, afternoon, evening, night, daytime };
enum class Season : std::uint8_t { spring, summer, fall, winter };

// TIMEX3 mod values a word can contribute ("early" -> START, "nearly" -> LESS_THAN...).
enum class Mod : std::uint8_t {
  none, start, mid, end, approx, less_than, more_than, equal_or_less, equal_or_more, before,
  after, on_or_before, on_or_after
};

// "last"/"past"/"previous", "this"/"current", "next"/"coming".
enum class Relation : std::uint8_t { none, previous, current, next };

// Which side of the reference an offset points to: "ago"/"earlier"/"before" or "later"/"from now".
enum class Direction : std::uint8_t { before, after };
// What an offset counts from: the document anchor ("ago", "from now") or the narrative time
// ("earlier", "later", "before", "after").
enum class Origin : std::uint8_t { anchor, narrative };

enum class RefTime : std::uint8_t { past, present, future };
enum class Meridiem : std::uint8_t { none, am, pm };
enum class PeriodKind : std::uint8_t { quarter, half, season };

// How much of a unit: "40", "three-and-a-half", "a", "several" (vague: no number given).
struct Quantity {
  double value = 1;
  bool vague = false;
};

// A date written with calendar names or digits: "Feb 18, 2025", "18 February 2025",
// "2025-02-18", "8/12/2025", "February 2022", "Aug. 8", "2019", "fiscal 1998", "last May",
// "Friday, Oct. 23". Absent parts are left empty; the anchor stage fills them.
struct CalendarDate {
  Relation relation = Relation::none;
  std::optional<unsigned> weekday;  // 0 = Sunday ... 6 = Saturday
  std::optional<unsigned> month;    // 1..12
  std::optional<unsigned> day;      // 1..31
  std::optional<int> year;
  std::optional<int> year_offset;  // "July last year" (-1), "January this year" (0)
  bool fiscal = false;
};

// "the 1990s", "the '80s", "the nineties": first year of the decade; when the century was not
// written ("the '80s"), `first_year` is below 100.
struct Decade {
  int first_year = 0;
  bool century_known = true;
};

// "the 20th century", "the twentieth century".
struct Century {
  unsigned number = 0;  // as written: the anchor stage decides whether such a century exists
};

// "Q3 2025", "the third quarter", "third-quarter", "summer 2024", "last fall", "the first half
// of 1990", "fiscal second-quarter".
struct Period {
  PeriodKind kind = PeriodKind::quarter;
  unsigned index = 1;  // quarter 1..4, half 1..2, Season as its number
  std::optional<int> year;
  std::optional<int> year_offset;  // "this year's third quarter" (0), "next year's" (+1)
  Relation relation = Relation::none;
  bool in_focus = false;  // "the 1988 quarter": the quarter the text reports on, in `year`
  bool fiscal = false;    // "fiscal second-quarter": numbered in a company's own year
};

// "Tuesday", "Friday morning", "last Friday", "this coming Sunday", "Friday's close".
struct WeekdayRef {
  bool anaphoric = false;  // "the previous Friday", "the following Monday": from the story's day
  Relation relation = Relation::none;
  unsigned weekday = 0;  // 0 = Sunday ... 6 = Saturday
  std::optional<PartOfDay> part;
  bool possessive = false;  // followed by "'s": "Thursday's closing price"
};

// A day named relative to today: "yesterday" (-1), "today", "tomorrow" (+1), "tonight",
// "this morning", "last night".
struct DayRef {
  int offset = 0;
  std::optional<PartOfDay> part;
};

// A calendar unit named relative to the anchor's: "last week", "this month", "next year",
// "the current quarter", "the weekend".
struct RelativeUnit {
  Relation relation = Relation::none;
  Unit unit = Unit::week;
};

// A time counted from a reference: "two days ago", "a year earlier", "three years later".
struct Offset {
  Quantity quantity;
  Unit unit = Unit::day;
  Direction direction = Direction::before;
  Origin origin = Origin::anchor;
};

// A time given relative to the narrative's last date: "the next day" (+1), "the following
// year", "the previous day" (-1), "that day" (0), "the same day".
struct Narrative {
  int offset = 0;
  Unit unit = Unit::day;
  std::optional<PartOfDay> part;
};

// "now", "currently", "recently", "the past", "the future", "soon".
struct Fuzzy {
  RefTime ref = RefTime::present;
};

// An amount of time: "40 minutes", "three-and-a-half-year", "a decade", "months", "the last
// twenty four hours", "the next few days".
struct Duration {
  Quantity quantity;
  Unit unit = Unit::day;
  Relation relation = Relation::none;  // "the past two months" (previous), "the next ..." (next)
  bool adjectival = false;             // "a three-and-a-half-year war", "two-year"
};

// A recurring time: "every Tuesday", "daily", "each year", "weekly", "twice a week".
struct Recurrence {
  bool each = false;                   // written with "every"/"each" (TIMEX3 quant)
  Quantity interval;                   // "every two weeks" -> 2
  Unit unit = Unit::day;
  std::optional<unsigned> weekday;     // "every Tuesday", "Tuesday nights", "on Fridays"
  std::optional<unsigned> month;       // "each July": 1..12
  std::optional<PartOfDay> part;
  double times = 1;                    // "twice a week" -> 2, "99999 times a day" as written
};

// Named days of the calendar: fixed dates and rule-based ones ("Thanksgiving": the fourth
// Thursday of November).
enum class Holiday : std::uint8_t {
  new_years_day, new_years_eve, valentines_day, independence_day, halloween, veterans_day,
  christmas_eve, christmas, boxing_day, thanksgiving, labor_day, memorial_day, election_day,
  martin_luther_king_day, presidents_day, mothers_day, fathers_day, easter, good_friday
};

// "Thanksgiving Day", "last Christmas", "Easter 2024".
struct HolidayRef {
  Relation relation = Relation::none;
  Holiday holiday = Holiday::christmas;
  std::optional<int> year;
};

// A clock time: "1:06 PM", "3:42 PM Eastern", "noon", "midnight", "10 a.m.".
struct ClockTime {
  unsigned hour = 0;
  unsigned minute = 0;
  Meridiem meridiem = Meridiem::none;
  std::string zone;  // as written: "EST", "Eastern", "GMT"
};

using Core = std::variant<CalendarDate, Decade, Century, Period, WeekdayRef, DayRef, RelativeUnit,
                          Offset, Narrative, Fuzzy, Duration, Recurrence, ClockTime, HolidayRef>;

// One temporal expression: what it names, how it is modified, and the clock time attached to a
// day ("10 p.m. Wednesday", "Feb 18, 2025 1:06 PM").
struct Expression {
  Mod mod = Mod::none;
  Core core;
  std::optional<ClockTime> time;
  bool adjectival = false;  // "a three-and-a-half-year war", "third-quarter results"
  // The week or weekend that holds the day named: "the week of March 6", "Easter week",
  // "Labor Day weekend".
  std::optional<Unit> enclosing;
};

}  // namespace reckon::grammar::ast
