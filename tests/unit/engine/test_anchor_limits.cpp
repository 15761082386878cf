// The anchor stage's limits as a specification: reckon resolves times in the years 1-9999 and
// amounts up to `largest_supported_amount`; anything else is a timex with a problem to ask
// about, whose value is the TIMEX3 unknown form, never a wrapped, clamped or impossible date.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/anchor.hpp"
#include "engine/explain.hpp"
#include "grammar/temporal.hpp"
#include "tests/unit/engine/test_document_support.hpp"

namespace ast = reckon::grammar::ast;
using reckon::Anchor;
using reckon::ResolveContext;
using reckon::Tense;
using reckon::Timex;
using reckon::TimexProblem;
using reckon::TimexType;
using reckon::testing::anchor_on;

namespace {

Timex resolve_text(const std::string& text, Anchor anchor, Tense tense = Tense::unknown) {
  auto const parsed = reckon::grammar::parse_expression(text);
  INFO("expression: " << text);
  REQUIRE(parsed);
  ResolveContext context;
  context.anchor = anchor;
  context.tense = tense;
  return reckon::resolve(*parsed, context);
}

Timex resolve_node(const ast::Core& core, std::optional<Anchor> anchor = anchor_on(2025, 1, 1)) {
  ast::Expression expression;
  expression.core = core;
  ResolveContext context;
  context.anchor = anchor;
  return reckon::resolve(expression, context);
}

// Syntax trees as the grammar would build them, and some it never builds.
ast::CalendarDate calendar_date(std::optional<int> year, std::optional<unsigned> month = {},
                                std::optional<unsigned> day = {}) {
  ast::CalendarDate d;
  d.year = year;
  d.month = month;
  d.day = day;
  return d;
}

ast::Period period(ast::PeriodKind kind, unsigned index, std::optional<int> year = {}) {
  ast::Period p;
  p.kind = kind;
  p.index = index;
  p.year = year;
  return p;
}

ast::ClockTime clock(unsigned hour, unsigned minute, ast::Meridiem meridiem = ast::Meridiem::none) {
  ast::ClockTime c;
  c.hour = hour;
  c.minute = minute;
  c.meridiem = meridiem;
  return c;
}

struct Unresolved {
  std::string text;
  const char* value;
  TimexProblem problem;
};

void check_unresolved(const std::vector<Unresolved>& cases, Anchor anchor) {
  for (const auto& c : cases) {
    INFO("expression: " << c.text);
    Timex const t = resolve_text(c.text, anchor);
    CHECK(t.value == c.value);
    CHECK(t.problem == c.problem);
    CHECK(t.has_problem());
    CHECK_FALSE(t.interval);
  }
}

struct Resolved {
  std::string text;
  const char* value;
};

void check_resolved(const std::vector<Resolved>& cases, Anchor anchor) {
  for (const auto& c : cases) {
    INFO("expression: " << c.text);
    Timex const t = resolve_text(c.text, anchor);
    CHECK(t.value == c.value);
    CHECK_FALSE(t.has_problem());
  }
}

constexpr auto out_of_range = TimexProblem::out_of_range;
constexpr auto no_such_day = TimexProblem::no_such_day;
constexpr auto no_such_period = TimexProblem::no_such_period;
constexpr auto no_such_time = TimexProblem::no_such_time;

// The year a resolved value begins with ("2025-W01" -> 2025), or -1 when it has none.
int value_year(const std::string& value) {
  if (value.size() < 4) return -1;
  for (int i = 0; i < 4; ++i) {
    if (value[std::size_t(i)] < '0' || value[std::size_t(i)] > '9') return -1;
  }
  return std::stoi(value.substr(0, 4));
}

}  // namespace

TEST_CASE("an offset beyond the supported years is unresolved, not wrapped", "[anchor][limits]") {
  check_unresolved(
      {
          {"99999999999999999999 years ago", "XXXX", out_of_range},
          {"40000 years ago", "XXXX", out_of_range},
          {"2147483648 years ago", "XXXX", out_of_range},
          {"65536 years from now", "XXXX", out_of_range},  // 2025 again in a 16-bit year
          {"8000 years from now", "XXXX", out_of_range},
          {"2500 years ago", "XXXX", out_of_range},
          {"3000000 days ago", "XXXX-XX-XX", out_of_range},
          {"5000000000 weeks ago", "XXXX-WXX", out_of_range},
          {"99999999999999999999 months ago", "XXXX-XX", out_of_range},
          {"99999999999999999999 decades ago", "XXXX", out_of_range},
          {"99999999999999999999 centuries ago", "XXXX", out_of_range},
          {"99999999999999999999 hours ago", "XXXX-XX-XX", out_of_range},
          {"999999999999 minutes ago", "XXXX-XX-XX", out_of_range},
          {"500 centuries later", "XXXX", out_of_range},
      },
      anchor_on(2025, 1, 1));
}

TEST_CASE("an offset that stays within the supported years resolves to the end of them", "[anchor][limits]") {
  check_resolved(
      {
          {"2499 years ago", "0001"},
          {"7499 years from now", "9999"},
          {"912741 days ago", "0001-01-01"},
          {"48 hours ago", "2499-12-30"},
      },
      anchor_on(2500, 1, 1));
  check_unresolved({{"2500 years ago", "XXXX", out_of_range},
                    {"7500 years from now", "XXXX", out_of_range},
                    {"912742 days ago", "XXXX-XX-XX", out_of_range}},
                   anchor_on(2500, 1, 1));
}

TEST_CASE("a day the calendar does not have is no_such_day, not an impossible date", "[anchor][limits]") {
  check_unresolved(
      {
          {"February 30, 2025", "XXXX-XX-XX", no_such_day},
          {"February 30", "XXXX-XX-XX", no_such_day},
          {"April 31", "XXXX-XX-XX", no_such_day},
          {"2/30/2025", "XXXX-XX-XX", no_such_day},
          {"2025-02-30", "XXXX-XX-XX", no_such_day},
          {"Feb. 29, 2023", "XXXX-XX-XX", no_such_day},
          {"2025-02-30 at 3 p.m.", "XXXX-XX-XXT15:00", no_such_day},
      },
      anchor_on(2025, 1, 1));
  check_resolved({{"Feb. 29, 2024", "2024-02-29"}, {"February 29", "2024-02-29"}}, anchor_on(2025, 1, 1));
  // Without a year, a February 29 must lie within a year of the anchor.
  check_unresolved({{"February 29", "XXXX-XX-XX", no_such_day}}, anchor_on(2022, 6, 1));
}

TEST_CASE("a year outside 1-9999 is out of range", "[anchor][limits]") {
  check_unresolved({{"0000-01-01", "XXXX-XX-XX", out_of_range}}, anchor_on(2025, 1, 1));
  CHECK(resolve_node(calendar_date(0)).problem == out_of_range);
  CHECK(resolve_node(calendar_date(10000)).value == "XXXX");
  CHECK(resolve_node(calendar_date(-5, 3u)).value == "XXXX-03");
  ast::HolidayRef easter;
  easter.holiday = ast::Holiday::easter;
  easter.year = 0;
  CHECK(resolve_node(easter).problem == out_of_range);
  CHECK(resolve_node(period(ast::PeriodKind::quarter, 3, 10000)).value == "XXXX-Q3");
  CHECK(resolve_node(ast::Decade{10000, true}).problem == out_of_range);
  CHECK(resolve_node(calendar_date(9999)).value == "9999");
  CHECK(resolve_node(calendar_date(1)).value == "0001");
}

TEST_CASE("relative expressions at the edges of the supported years stay inside them", "[anchor][limits]") {
  check_unresolved(
      {
          {"tomorrow", "XXXX-XX-XX", out_of_range},
          {"next week", "XXXX-WXX", out_of_range},
          {"next month", "XXXX-XX", out_of_range},
          {"next year", "XXXX", out_of_range},
          {"next quarter", "XXXX-QX", out_of_range},
          {"next winter", "XXXX-WI", out_of_range},
          {"next Monday", "XXXX-XX-XX", out_of_range},
          {"next Christmas", "XXXX-XX-XX", out_of_range},
          {"two days later", "XXXX-XX-XX", out_of_range},
          {"the next day", "XXXX-XX-XX", out_of_range},
          {"tomorrow night", "XXXX-XX-XXTNI", out_of_range},
      },
      anchor_on(9999, 12, 31));
  check_resolved({{"yesterday", "9999-12-30"}, {"this week", "9999-W52"}, {"Christmas", "9999-12-25"}},
                 anchor_on(9999, 12, 31));
  check_unresolved(
      {
          {"yesterday", "XXXX-XX-XX", out_of_range},
          {"last year", "XXXX", out_of_range},
          {"last month", "XXXX-XX", out_of_range},
          {"last Sunday", "XXXX-XX-XX", out_of_range},
          {"a year ago", "XXXX", out_of_range},
      },
      anchor_on(1, 1, 1));
  check_resolved({{"today", "0001-01-01"}, {"this week", "0001-W01"}, {"Sunday", "0001-01-07"}},
                 anchor_on(1, 1, 1));
  // An anchor in the year 0 (which ISO 8601 allows) resolves nothing relative to its own day.
  check_unresolved({{"today", "XXXX-XX-XX", out_of_range}, {"this week", "XXXX-WXX", out_of_range}},
                   anchor_on(0, 6, 1));
}

TEST_CASE("a duration beyond the largest amount reckon counts is an unknown amount", "[anchor][limits]") {
  check_unresolved(
      {
          {"99999999999999999999 years", "PXY", out_of_range},
          {"1000000000000 years", "PXY", out_of_range},
          {"99999999999999999999 hours", "PTXH", out_of_range},
          {"99999999999999999999 minutes", "PTXM", out_of_range},
          {"every 99999999999999999999 years", "PXY", out_of_range},
      },
      anchor_on(2025, 1, 1));
  check_resolved(
      {
          {"999999999999 years", "P999999999999Y"},
          {"999999999999 centuries", "P99999999999900Y"},
          {"99999999999.5 years", "P99999999999Y6M"},
          {"2500000000 hours", "PT2500000000H"},
      },
      anchor_on(2025, 1, 1));
  CHECK(reckon::duration_value(1e20, ast::Unit::year) == "PXY");
  CHECK(reckon::duration_value(-3, ast::Unit::day) == "PXD");
}

TEST_CASE("a recurrence counted beyond the largest amount keeps no frequency", "[anchor][limits]") {
  Timex const huge = resolve_text("99999999999999999999 times a week", anchor_on(2025, 1, 1));
  CHECK(huge.problem == out_of_range);
  CHECK_FALSE(huge.freq);
  Timex const twice = resolve_text("twice a week", anchor_on(2025, 1, 1));
  CHECK_FALSE(twice.has_problem());
  CHECK(twice.freq == "2X");
}

TEST_CASE("a century is numbered from the 1st to the 100th", "[anchor][limits]") {
  check_unresolved(
      {
          {"the 0th century", "XX", no_such_period},
          {"the 101st century", "XX", out_of_range},
          {"the 99999999th century", "XX", out_of_range},
          {"the 4294967295th century", "XX", out_of_range},
      },
      anchor_on(2025, 1, 1));
  check_resolved({{"the 100th century", "99"}, {"the first century", "00"}, {"the 21st century", "20"}},
                 anchor_on(2025, 1, 1));
}

TEST_CASE("a quarter, half or season that does not exist is no_such_period", "[anchor][limits]") {
  CHECK(resolve_node(period(ast::PeriodKind::quarter, 5, 2025)).problem == no_such_period);
  CHECK(resolve_node(period(ast::PeriodKind::quarter, 0)).problem == no_such_period);
  CHECK(resolve_node(period(ast::PeriodKind::half, 3)).problem == no_such_period);
  CHECK(resolve_node(period(ast::PeriodKind::season, 7)).problem == no_such_period);
  CHECK(resolve_node(calendar_date(2025, 13u)).problem == no_such_period);
  CHECK(resolve_node(calendar_date(2025, 13u, 1u)).problem == no_such_day);
}

TEST_CASE("a clock time the clock does not have is no_such_time", "[anchor][limits]") {
  for (const auto& time : {clock(25, 99), clock(24, 30), clock(12, 60), clock(13, 0, ast::Meridiem::pm),
                           clock(0, 0, ast::Meridiem::am)}) {
    INFO("clock time " << time.hour << ":" << time.minute);
    Timex const t = resolve_node(time);
    CHECK(t.problem == no_such_time);
    CHECK(t.type == TimexType::time);
    CHECK(t.value == "XXXX-XX-XXTXX:XX");
    CHECK_FALSE(t.interval);
  }
  ast::Expression at_impossible_time;
  at_impossible_time.core = ast::DayRef{1, {}};
  at_impossible_time.time = clock(24, 30);
  ResolveContext context;
  context.anchor = anchor_on(2025, 1, 1);
  CHECK(reckon::resolve(at_impossible_time, context).problem == no_such_time);
  CHECK(resolve_node(clock(24, 0)).value == "2025-01-01T24:00");
}

TEST_CASE("no count of narrative steps moves the narrative below the first year", "[anchor][limits]") {
  ResolveContext context;
  context.anchor = anchor_on(1, 1, 2);
  auto const day_before = reckon::grammar::parse_expression("the day before");
  REQUIRE(day_before);
  std::vector<std::string> values;
  for (int i = 0; i < 4; ++i) {
    Timex const t = reckon::resolve(*day_before, context);
    values.push_back(t.value);
    reckon::remember(context, *day_before, t);
  }
  CHECK(values == std::vector<std::string>{"0001-01-01", "XXXX-XX-XX", "XXXX-XX-XX", "XXXX-XX-XX"});
  REQUIRE(context.narrative);
  CHECK(context.narrative->day == date::local_days(date::year{1} / 1 / 1));
}

TEST_CASE("every resolved value lies within the supported years", "[anchor][limits]") {
  std::vector<std::string> const expressions{"today",
                                             "tomorrow",
                                             "yesterday",
                                             "tonight",
                                             "this week",
                                             "next week",
                                             "last week",
                                             "the weekend",
                                             "next month",
                                             "last month",
                                             "this year",
                                             "next year",
                                             "last year",
                                             "next quarter",
                                             "last quarter",
                                             "the quarter",
                                             "next winter",
                                             "last summer",
                                             "winter",
                                             "Friday",
                                             "next Friday",
                                             "last Friday",
                                             "Christmas",
                                             "last Christmas",
                                             "next Thanksgiving",
                                             "Easter",
                                             "February 29",
                                             "December 31",
                                             "January 1",
                                             "last May",
                                             "next January",
                                             "the '80s",
                                             "the nineties",
                                             "a year ago",
                                             "a decade ago",
                                             "a century ago",
                                             "three weeks ago",
                                             "two days later",
                                             "the next day",
                                             "the following year",
                                             "midnight",
                                             "10 p.m. tomorrow",
                                             "the end of the month",
                                             "year-end",
                                             "this decade",
                                             "next century",
                                             "two months from now",
                                             "36 hours ago"};
  for (const Anchor& anchor :
       {anchor_on(0, 1, 1), anchor_on(0, 12, 31), anchor_on(1, 1, 1), anchor_on(1, 1, 7),
        anchor_on(9999, 1, 1), anchor_on(9999, 12, 25), anchor_on(9999, 12, 31)}) {
    for (const auto& text : expressions) {
      for (Tense tense : {Tense::past, Tense::future, Tense::unknown}) {
        INFO("expression: " << text << ", anchor " << reckon::to_iso(anchor));
        Timex const t = resolve_text(text, anchor, tense);
        CHECK(t.has_problem() != t.resolved());
        if (!t.resolved()) continue;
        int const year = value_year(t.value);
        if (year >= 0 && t.granularity != reckon::Granularity::decade &&
            t.granularity != reckon::Granularity::century) {
          CHECK(year >= reckon::first_supported_year);
          CHECK(year <= reckon::last_supported_year);
        }
        CHECK(t.interval->end > date::local_seconds(date::local_days(date::year{1} / 1 / 1)));
        // Midnight at the end of 9999-12-31 ("T24:00") begins as the year 10000 does.
        CHECK(t.interval->begin <= date::local_seconds(date::local_days(date::year{10000} / 1 / 1)));
      }
    }
  }
}

TEST_CASE("explain says why a value is unresolved", "[anchor][limits][explain]") {
  std::string const years = reckon::explain("40000 years ago", anchor_on(2025, 1, 1));
  CHECK_THAT(years, Catch::Contains("40000 years before 2025 is outside the years 1–9999 reckon resolves"));
  CHECK_THAT(years, Catch::Contains("value=XXXX problem=out_of_range"));
  CHECK_THAT(years, !Catch::Contains("interval:"));
  std::string const day = reckon::explain("February 30, 2025", anchor_on(2025, 1, 1));
  CHECK_THAT(day, Catch::Contains("February 2025 has 28 days, so there is no February 30, 2025"));
  CHECK_THAT(day, Catch::Contains("value=XXXX-XX-XX problem=no_such_day"));
  CHECK_THAT(reckon::explain("99999999999999999999 years", std::nullopt),
             Catch::Contains("value=PXY problem=out_of_range"));
}
