// The anchor stage as a specification: each expression form, given the anchor 2025-08-12 (a
// Tuesday) and a tense, resolves to its TIMEX3 type, value and mod.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "engine/anchor.hpp"
#include "grammar/temporal.hpp"
#include "tests/unit/engine/test_document_support.hpp"

namespace ast = reckon::grammar::ast;
using reckon::Anchor;
using reckon::ResolveContext;
using reckon::Tense;
using reckon::Timex;
using reckon::TimexType;
using reckon::testing::anchor_on;

namespace {

Timex resolve_text(const char* text, Tense tense = Tense::unknown,
                   std::optional<Anchor> anchor = anchor_on(2025, 8, 12)) {
  auto const parsed = reckon::grammar::parse_expression(text);
  INFO("expression: " << text);
  REQUIRE(parsed);
  ResolveContext context;
  context.anchor = anchor;
  context.tense = tense;
  return reckon::resolve(*parsed, context);
}

struct Case {
  const char* text;
  Tense tense;
  TimexType type;
  const char* value;
  const char* mod;
};

void check(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    INFO("expression: " << c.text << " (tense " << reckon::to_string(c.tense) << ")");
    Timex const t = resolve_text(c.text, c.tense);
    CHECK(reckon::to_string(t.type) == std::string(reckon::to_string(c.type)));
    CHECK(t.value == c.value);
    CHECK(t.mod == c.mod);
  }
}

constexpr auto P = Tense::past;
constexpr auto F = Tense::future;
constexpr auto N = Tense::unknown;
constexpr auto DATE = TimexType::date;
constexpr auto TIME = TimexType::time;
constexpr auto DURATION = TimexType::duration;
constexpr auto SET = TimexType::set;

}  // namespace

TEST_CASE("absolute dates resolve to themselves", "[anchor]") {
  check({
      {"Feb 18, 2025", N, DATE, "2025-02-18", ""},
      {"18 February 2025", N, DATE, "2025-02-18", ""},
      {"February 2022", N, DATE, "2022-02", ""},
      {"2025-02-18", N, DATE, "2025-02-18", ""},
      {"8/12/2025", N, DATE, "2025-08-12", ""},
      {"2019", N, DATE, "2019", ""},
      {"fiscal 1998", N, DATE, "1998", ""},
      {"the 1990s", N, DATE, "199", ""},
      {"the '80s", N, DATE, "198", ""},
      {"the 20th century", N, DATE, "19", ""},
      {"Q3 2025", N, DATE, "2025-Q3", ""},
      {"summer 2024", N, DATE, "2024-SU", ""},
      {"the first half of 1990", N, DATE, "1990-H1", ""},
      {"mid-2024", N, DATE, "2024", "MID"},
      {"early 2024", N, DATE, "2024", "START"},
      {"the end of 1990", N, DATE, "1990", "END"},
      {"Feb 18, 2025 1:06 PM", N, TIME, "2025-02-18T13:06", ""},
  });
}

TEST_CASE("a year-less date takes the year the tense points to, within eight months", "[anchor]") {
  check({
      {"Aug. 8", P, DATE, "2025-08-08", ""},
      {"Aug. 8", N, DATE, "2025-08-08", ""},
      {"Sept. 1", F, DATE, "2025-09-01", ""},
      {"Sept. 1", P, DATE, "2025-09-01", ""},  // a year back would need its year written
      {"June 30", P, DATE, "2025-06-30", ""},
      {"June 30", F, DATE, "2025-06-30", ""},
      {"Aug. 8", F, DATE, "2025-08-08", ""},
      {"Dec. 15", F, DATE, "2025-12-15", ""},
      {"Jan. 3", N, DATE, "2026-01-03", ""},
      {"May", P, DATE, "2025-05", ""},
      {"August", P, DATE, "2025-08", ""},
      {"last May", N, DATE, "2025-05", ""},
      {"last December", N, DATE, "2024-12", ""},
      {"next March", N, DATE, "2026-03", ""},
      {"the third quarter", N, DATE, "2025-Q3", ""},
      {"the fourth quarter", N, DATE, "2025-Q4", ""},  // quarters: of the anchor's year,
      {"the third quarter", P, DATE, "2025-Q3", ""},   // one begun by the anchor in a past clause
      {"the fourth quarter", P, DATE, "2024-Q4", ""},  // a past clause: not one still ahead
      {"this year's third quarter", N, DATE, "2025-Q3", ""},
      {"next year's first quarter", N, DATE, "2026-Q1", ""},
      {"July last year", N, DATE, "2024-07", ""},
      {"January this year", N, DATE, "2025-01", ""},
      {"last fall", N, DATE, "2024-FA", ""},
  });
}

TEST_CASE("a past-tense weekday resolves to the most recent such day", "[anchor][weekday]") {
  check({
      {"Tuesday", P, DATE, "2025-08-12", ""},  // the anchor day itself
      {"Monday", P, DATE, "2025-08-11", ""},
      {"Friday", P, DATE, "2025-08-08", ""},
      {"Wednesday", P, DATE, "2025-08-06", ""},
  });
}

TEST_CASE("a future-tense weekday resolves to the next such day", "[anchor][weekday]") {
  check({
      {"Friday", F, DATE, "2025-08-15", ""},
      {"Wednesday", F, DATE, "2025-08-13", ""},
      {"Monday", F, DATE, "2025-08-18", ""},
      {"Friday afternoon", F, TIME, "2025-08-15TAF", ""},
      {"Friday morning", F, TIME, "2025-08-15TMO", ""},
  });
}

TEST_CASE("a weekday without tense resolves to the nearest such day", "[anchor][weekday]") {
  check({
      {"Friday", N, DATE, "2025-08-15", ""},
      {"Monday", N, DATE, "2025-08-11", ""},
      {"last Friday", N, DATE, "2025-08-08", ""},
      {"next Friday", N, DATE, "2025-08-15", ""},
      {"this Sunday", N, DATE, "2025-08-17", ""},
  });
}

TEST_CASE("days, weeks, months and years relative to the anchor", "[anchor]") {
  check({
      {"yesterday", N, DATE, "2025-08-11", ""},
      {"today", N, DATE, "2025-08-12", ""},
      {"tomorrow", N, DATE, "2025-08-13", ""},
      {"tonight", N, TIME, "2025-08-12TNI", ""},
      {"this morning", N, TIME, "2025-08-12TMO", ""},
      {"last night", N, TIME, "2025-08-11TNI", ""},
      {"last week", N, DATE, "2025-W32", ""},
      {"this week", N, DATE, "2025-W33", ""},
      {"next week", N, DATE, "2025-W34", ""},
      {"next month", N, DATE, "2025-09", ""},
      {"last month", N, DATE, "2025-07", ""},
      {"this year", N, DATE, "2025", ""},
      {"last year", N, DATE, "2024", ""},
      {"the past year", N, DATE, "2024", ""},
      {"earlier this week", N, DATE, "2025-W33", "START"},
      {"later this month", N, DATE, "2025-08", "END"},
      {"Earlier in the month", N, DATE, "2025-08", "START"},
      {"earlier this year", N, DATE, "2025", "START"},
      {"early next year", N, DATE, "2026", "START"},
      {"the end of the month", N, DATE, "2025-08", "END"},
      {"year-end", N, DATE, "2025", "END"},
      {"two days ago", N, DATE, "2025-08-10", ""},
      {"a year ago", N, DATE, "2024", ""},
      {"three weeks ago", N, DATE, "2025-W30", ""},
      {"two months from now", N, DATE, "2025-10", ""},
  });
}

TEST_CASE("holidays fall on their day of the year the tense points to", "[anchor][holiday]") {
  check({
      {"Thanksgiving", F, DATE, "2025-11-27", ""},
      {"Thanksgiving Day 2024", N, DATE, "2024-11-28", ""},
      {"Christmas 2024", N, DATE, "2024-12-25", ""},
      {"last Christmas", N, DATE, "2024-12-25", ""},
      {"Easter", P, DATE, "2025-04-20", ""},
      {"Easter 2024", N, DATE, "2024-03-31", ""},
      {"Memorial Day", P, DATE, "2025-05-26", ""},
      {"Labor Day", F, DATE, "2025-09-01", ""},
      {"Election Day 2024", N, DATE, "2024-11-05", ""},
  });
}

TEST_CASE("fuzzy references name only their side of the present", "[anchor]") {
  check({
      {"now", N, DATE, "PRESENT_REF", ""},
      {"currently", N, DATE, "PRESENT_REF", ""},
      {"recently", N, DATE, "PAST_REF", ""},
      {"the past", N, DATE, "PAST_REF", ""},
      {"the future", N, DATE, "FUTURE_REF", ""},
      {"several years ago", N, DATE, "PAST_REF", ""},
  });
}

TEST_CASE("durations are ISO 8601 periods", "[anchor][duration]") {
  check({
      {"40 minutes", N, DURATION, "PT40M", ""},
      {"around 40 minutes", N, DURATION, "PT40M", "APPROX"},
      {"three-and-a-half-year", N, DURATION, "P3Y6M", ""},
      {"a decade", N, DURATION, "P10Y", ""},
      {"nearly three hours", N, DURATION, "PT3H", "LESS_THAN"},
      {"the last twenty four hours", N, DURATION, "P1D", ""},
      {"several years", N, DURATION, "PXY", ""},
      {"recent weeks", N, DURATION, "PXW", ""},
      {"a week", N, DURATION, "P1W", ""},
      {"two-year", N, DURATION, "P2Y", ""},
      {"the past two months", N, DURATION, "P2M", ""},
      {"more than a decade", N, DURATION, "P10Y", "MORE_THAN"},
      {"at least 30 days", N, DURATION, "P30D", "EQUAL_OR_MORE"},
      {"half an hour", N, DURATION, "PT30M", ""},
      {"2.5 hours", N, DURATION, "PT2H30M", ""},
      {"5 1/2 hours", N, DURATION, "PT5H30M", ""},
      {"a minute and a half", N, DURATION, "PT1M30S", ""},
      {"up to 180 days", N, DURATION, "P180D", "EQUAL_OR_LESS"},
  });
}

TEST_CASE("recurring times are SETs", "[anchor][set]") {
  check({
      {"every Tuesday", N, SET, "XXXX-WXX-2", ""},
      {"daily", N, SET, "P1D", ""},
      {"weekly", N, SET, "P1W", ""},
      {"annually", N, SET, "P1Y", ""},
      {"each year", N, SET, "P1Y", ""},
      {"every two weeks", N, SET, "P2W", ""},
  });
  Timex const t = resolve_text("twice a week");
  CHECK(t.value == "P1W");
  CHECK(t.freq == std::optional<std::string>("2X"));
  CHECK(resolve_text("every Tuesday").quant == std::optional<std::string>("EVERY"));
}

TEST_CASE("without an anchor, relative expressions stay underspecified", "[anchor]") {
  auto const none = std::optional<Anchor>();
  CHECK(resolve_text("Friday", Tense::past, none).value == "XXXX-WXX-5");
  CHECK(resolve_text("Aug. 15", Tense::past, none).value == "XXXX-08-15");
  CHECK(resolve_text("today", Tense::past, none).value == "PRESENT_REF");
  CHECK(resolve_text("last week", Tense::past, none).value == "XXXX-WXX");
  CHECK_FALSE(resolve_text("Friday", Tense::past, none).resolved());
  CHECK(resolve_text("February 2022", Tense::past, none).value == "2022-02");
}

TEST_CASE("narrative expressions count from the last resolved date", "[anchor][narrative]") {
  auto const parsed = reckon::grammar::parse_expression("the next day");
  REQUIRE(parsed);
  ResolveContext context;
  context.anchor = anchor_on(2025, 8, 12);
  CHECK(reckon::resolve(*parsed, context).value == "2025-08-13");
  context.narrative = reckon::NarrativeTime{date::local_days(date::year{2025} / 8 / 15)};
  CHECK(reckon::resolve(*parsed, context).value == "2025-08-16");
  auto const later = reckon::grammar::parse_expression("two days later");
  REQUIRE(later);
  CHECK(reckon::resolve(*later, context).value == "2025-08-17");
  auto const that_day = reckon::grammar::parse_expression("that day");
  REQUIRE(that_day);
  CHECK(reckon::resolve(*that_day, context).value == "2025-08-15");
}

TEST_CASE("resolved dates carry their interval and granularity", "[anchor]") {
  Timex const week = resolve_text("last week");
  REQUIRE(week.interval);
  CHECK(week.granularity == reckon::Granularity::week);
  CHECK(week.interval->begin == date::local_seconds(date::local_days(date::year{2025} / 8 / 4)));
  CHECK(week.interval->end == date::local_seconds(date::local_days(date::year{2025} / 8 / 11)));
  Timex const month = resolve_text("February 2022");
  REQUIRE(month.interval);
  CHECK(month.granularity == reckon::Granularity::month);
  CHECK(month.interval->end == date::local_seconds(date::local_days(date::year{2022} / 3 / 1)));
}

namespace {

// Resolves the expressions of `text` in order, as the tagger does, with one tense throughout.
std::vector<Timex> resolve_in_order(std::string_view text, Tense tense) {
  ResolveContext context;
  context.anchor = anchor_on(2025, 8, 12);
  context.tense = tense;
  std::vector<Timex> out;
  for (const auto& match : reckon::grammar::find_expressions(text)) {
    out.push_back(reckon::resolve(match.expression, context));
    reckon::remember(context, match.expression, out.back());
  }
  return out;
}

std::string last_value(std::string_view text, Tense tense = Tense::unknown) {
  auto const timexes = resolve_in_order(text, tense);
  REQUIRE_FALSE(timexes.empty());
  return timexes.back().value;
}

}  // namespace

TEST_CASE("a possessive weekday names the most recent such day, whatever the tense",
          "[anchor][weekday]") {
  struct Case {
    const char* text;
    Tense tense;
    const char* value;
  };
  for (const Case& c : {Case{"above Thursday's closing price", N, "2025-08-07"},
                        Case{"will appeal Friday's ruling", F, "2025-08-08"},
                        Case{"Tuesday's meeting", F, "2025-08-12"},  // the anchor day itself
                        Case{"after Monday's vote", P, "2025-08-11"}}) {
    INFO("text: " << c.text);
    CHECK(last_value(c.text, c.tense) == c.value);
  }
}

TEST_CASE("a possessive weekday fixes the day later bare mentions keep", "[anchor][weekday]") {
  auto const timexes = resolve_in_order("will appeal Friday's ruling, made on Friday", F);
  REQUIRE(timexes.size() == 2);
  CHECK(timexes[1].value == "2025-08-08");
}

TEST_CASE("the quarter in focus is the last reported quarter, one that has ended by the anchor",
          "[anchor][narrative]") {
  struct Case {
    const char* text;
    const char* value;  // of the last expression
  };
  for (const Case& c : {
           Case{"profit in the second quarter rose from a year earlier", "2024-Q2"},
           Case{"the second quarter; a fourth-quarter charge; a year earlier", "2024-Q2"},
           Case{"the second quarter; the third quarter of next year; a year earlier", "2024-Q2"},
           Case{"a fourth-quarter charge; a year earlier", "2024"},
           Case{"the second quarter; a third-quarter charge; the latest quarter", "2025-Q2"},
           Case{"the latest quarter", "2025-Q2"},  // no quarter named: the last completed one
           Case{"the first quarter; the latest period", "2025-Q1"},
       }) {
    INFO("text: " << c.text);
    CHECK(last_value(c.text) == c.value);
  }
}

TEST_CASE("a reporting period longer than a quarter ends the quarter focus",
          "[anchor][narrative]") {
  struct Case {
    const char* text;
    const char* value;
  };
  for (const Case& c : {
           Case{"the second quarter; for the nine months, a year earlier", "2024"},
           Case{"the second quarter; the first six months; a year earlier", "2024"},
           Case{"the second quarter; three months; a year earlier", "2024-Q2"},
           Case{"the second quarter; several months; a year earlier", "2024-Q2"},
       }) {
    INFO("text: " << c.text);
    CHECK(last_value(c.text) == c.value);
  }
}

TEST_CASE("'current' is the present and 'the current fiscal year' the anchor's year", "[anchor]") {
  check({
      {"current", N, DATE, "PRESENT_REF", ""},
      {"the current fiscal year", N, DATE, "2025", ""},
      {"last fiscal year", N, DATE, "2024", ""},
  });
}

TEST_CASE("a week or weekend named by a day in it is that day's ISO week or weekend",
          "[anchor][week]") {
  check({
      {"the week of Oct. 23", F, DATE, "2025-W43", ""},
      {"the week of March 6, 2000", N, DATE, "2000-W10", ""},
      {"the weekend of Oct. 25", F, DATE, "2025-W43-WE", ""},
      {"the week of Thanksgiving", F, DATE, "2025-W48", ""},
      {"Easter week", N, DATE, "2025-W16", ""},
      {"Thanksgiving weekend", F, DATE, "2025-W48-WE", ""},
      // A Monday holiday's weekend is the one just before it.
      {"Labor Day weekend", F, DATE, "2025-W35-WE", ""},
  });
  auto const none = std::optional<Anchor>();
  CHECK(resolve_text("the week of March 6", Tense::past, none).value == "XXXX-WXX");
  Timex const week = resolve_text("the week of Oct. 23", F);
  REQUIRE(week.interval);
  CHECK(week.granularity == reckon::Granularity::week);
}

TEST_CASE("plural weekdays, parts of every such day and months of every year are SETs",
          "[anchor][set]") {
  check({
      {"Fridays", N, SET, "XXXX-WXX-5", ""},
      {"Tuesday nights", N, SET, "XXXX-WXX-2TNI", ""},
      {"Saturday evenings", N, SET, "XXXX-WXX-6TEV", ""},
      {"Sunday mornings", N, SET, "XXXX-WXX-7TMO", ""},
      {"each July", N, SET, "XXXX-07", ""},
      {"every January", N, SET, "XXXX-01", ""},
  });
  CHECK(resolve_text("each July").quant == std::optional<std::string>("EVERY"));
}

TEST_CASE("midday is noon, and a modified part of the day is a time on its day", "[anchor][part-of-day]") {
  check({
      {"midday", N, TIME, "2025-08-12T12:00", ""},
      {"Friday midday", F, TIME, "2025-08-15T12:00", ""},
      {"mid-afternoon yesterday", N, TIME, "2025-08-11TAF", "MID"},
      {"mid afternoon", N, TIME, "2025-08-12TAF", "MID"},
      {"early morning", N, TIME, "2025-08-12TMO", "START"},
      {"late afternoon Friday", F, TIME, "2025-08-15TAF", "END"},
  });
}

TEST_CASE("'-long' amounts, additional units and 'a later date'", "[anchor][duration]") {
  check({
      {"day-long", N, DURATION, "P1D", ""},
      {"decades-long", N, DURATION, "PXY", ""},
      {"two-week-long", N, DURATION, "P2W", ""},
      {"a year-long", N, DURATION, "P1Y", ""},
      {"an additional year", N, DURATION, "P1Y", ""},
      {"an extra day", N, DURATION, "P1D", ""},
      {"a later date", N, DATE, "FUTURE_REF", ""},
  });
}
