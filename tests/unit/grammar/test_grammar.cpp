// The temporal grammar as a specification: which stretches of running text it tags, and how
// it reads them. Values are the anchor stage's business (tests/unit/engine/test_anchor*.cpp).
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "grammar/scanner.hpp"
#include "grammar/temporal.hpp"

namespace ast = reckon::grammar::ast;
using reckon::grammar::find_expressions;
using reckon::grammar::parse_expression;

namespace {

std::vector<std::string> spans(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& m : find_expressions(text)) out.emplace_back(text.substr(m.start, m.end - m.start));
  return out;
}

struct SpanCase {
  const char* text;
  std::vector<std::string> expected;
};

void check_spans(const std::vector<SpanCase>& cases) {
  for (const auto& c : cases) {
    INFO("text: " << c.text);
    CHECK(spans(c.text) == c.expected);
  }
}

double quantity_of(const char* text) {
  auto e = parse_expression(text);
  REQUIRE(e);
  auto const* d = std::get_if<ast::Duration>(&e->core);
  REQUIRE(d != nullptr);
  return d->quantity.value;
}

}  // namespace

TEST_CASE("absolute dates are tagged in every common news form", "[grammar]") {
  check_spans({
      {"It happened on Feb 18, 2025 in Riyadh.", {"Feb 18, 2025"}},
      {"It happened on 18 February 2025.", {"18 February 2025"}},
      {"since his invasion of Ukraine in February 2022.", {"February 2022"}},
      {"an Aug. 8 deadline", {"Aug. 8"}},
      {"filed 2025-02-18 by the clerk", {"2025-02-18"}},
      {"signed on 8/12/2025.", {"8/12/2025"}},
      {"growth in the 1990s and the '80s", {"the 1990s", "the '80s"}},
      {"the first time since 2019 that", {"2019"}},
      {"a recovery in mid-2024", {"mid-2024"}},
      {"results for Q3 2025 were", {"Q3 2025"}},
      {"in summer 2024 and last fall", {"summer 2024", "last fall"}},
      {"profit in the third quarter rose", {"the third quarter"}},
      {"third-quarter profit", {"third-quarter"}},
      {"it earned $2 million in the 1988 quarter", {"the 1988 quarter"}},
      {"For the quarter a year ago, it lost", {"the quarter a year ago"}},
      {"net for the corresponding period last year", {"the corresponding period last year"}},
      {"down from last year's quarter", {"last year's quarter"}},
      {"in fiscal 1998", {"fiscal 1998"}},
      {"for the fiscal-first quarter ended Sept. 30", {"the fiscal-first quarter", "Sept. 30"}},
      {"Friday, Oct. 23, was", {"Friday, Oct. 23"}},
      {"in the 20th century", {"the 20th century"}},
      {"January nineteen ninety-seven", {"January nineteen ninety-seven"}},
  });
}

TEST_CASE("weekdays, parts of day and clock times", "[grammar]") {
  check_spans({
      {"spoke by telephone Tuesday with", {"Tuesday"}},
      {"will travel Friday morning to", {"Friday morning"}},
      {"during Tuesday's press briefing", {"Tuesday"}},
      {"he will speak tonight", {"tonight"}},
      {"said this morning that", {"this morning"}},
      {"Feb 18, 2025 1:06 PM", {"Feb 18, 2025 1:06 PM"}},
      {"February 17, 2025 - 3:42 PM Eastern", {"February 17, 2025 - 3:42 PM Eastern"}},
      {"was at 3:42 PM Eastern", {"3:42 PM Eastern"}},
      {"at noon and at midnight", {"noon", "midnight"}},
      {"at 10 a.m. Wednesday", {"10 a.m. Wednesday"}},
      {"by 10 a.m.", {"10 a.m."}},
  });
}

TEST_CASE("a clock time keeps its zone as written, and nothing of the text after it", "[grammar]") {
  auto e = parse_expression("3:42 PM Eastern");
  REQUIRE(e);
  auto const* bare = std::get_if<ast::ClockTime>(&e->core);
  REQUIRE(bare != nullptr);
  CHECK(bare->zone == "Eastern");
  auto const matches = find_expressions("met on Feb 18, 2025 1:06 PM EST, and talks went on with more text after it");
  REQUIRE(matches.size() == 1);
  REQUIRE(matches[0].expression.time);
  CHECK(matches[0].expression.time->zone == "EST");
}

TEST_CASE("relative and fuzzy expressions", "[grammar]") {
  check_spans({
      {"yesterday, today and tomorrow", {"yesterday", "today", "tomorrow"}},
      {"last week and next month", {"last week", "next month"}},
      {"two days ago", {"two days ago"}},
      {"three years earlier", {"three years earlier"}},
      {"the following day", {"the following day"}},
      {"the next day", {"the next day"}},
      {"earlier this week", {"earlier this week"}},
      {"later this month", {"later this month"}},
      {"Earlier in the month, Trump", {"Earlier in the month"}},
      {"this year", {"this year"}},
      {"a year ago", {"a year ago"}},
      {"recently, in recent weeks", {"recently", "recent weeks"}},
      {"for now it is currently open", {"now", "currently"}},
      {"in the past and in the future", {"the past", "the future"}},
  });
}

TEST_CASE("durations and recurring times", "[grammar]") {
  check_spans({
      {"lasted around 40 minutes", {"around 40 minutes"}},
      {"to end the three-and-a-half-year Russia-Ukraine conflict", {"three-and-a-half-year"}},
      {"for a decade", {"a decade"}},
      {"nearly three hours", {"nearly three hours"}},
      {"In the last twenty four hours, stocks fell", {"the last twenty four hours"}},
      {"for several years", {"several years"}},
      {"every Tuesday", {"every Tuesday"}},
      {"published daily", {"daily"}},
      {"each year", {"each year"}},
      {"about three weeks", {"about three weeks"}},
      {"net income for the year ended Sept. 30 rose", {"the year", "Sept. 30"}},
      {"in the fiscal year ending June 30, 1990,", {"the fiscal year", "June 30, 1990"}},
      {"a loss for the year ending tomorrow", {"the year", "tomorrow"}},
      {"The year ended with a record, the company said.", {}},
  });
}

TEST_CASE("a range or an anchoring preposition is not part of the span", "[grammar]") {
  check_spans({
      {"territories captured since 2014", {"2014"}},
      {"from May to July", {"May", "July"}},
      {"between 2019 and 2021", {"2019", "2021"}},
      {"the meeting on Friday in Alaska", {"Friday"}},
  });
}

TEST_CASE("false friends are not tagged", "[grammar][false-friends]") {
  check_spans({
      {"They may decide later.", {}},
      {"They May decide.", {}},
      {"Protesters march on the capital.", {}},
      {"Lt. March said", {}},
      {"the Sunday Times reported", {}},
      {"the Sunday Telegraph said", {}},
      {"to end the war on \"day one\" of his term", {}},
      {"\"Friday Night Lights\" is a show", {}},
      {"30 percent of the region", {}},
      {"a $40 billion fund", {}},
      {"179 tankers", {}},
      {"the KC-45 tanker", {}},
      {"1,000 soldiers", {}},
      {"rose 3.5 points", {}},
      {"the COVID-19 pandemic", {}},
      {"an F-16 jet", {}},
      {"see example.com/2025/08/story", {}},
      {"a Boeing 747", {}},
      {"call 555-1234 now-ish", {}},
      {"John 3:16 says", {}},
      {"a second meeting", {}},
      {"about three-quarters of voters", {}},
      {"a quarterly dividend", {}},
      {"about 50 people and more than 60 others", {}},
      {"at least one of them", {}},
  });
}

TEST_CASE("holidays and year ends are dates", "[grammar]") {
  check_spans({
      {"on Thanksgiving Day they", {"Thanksgiving Day"}},
      {"by Christmas 2024", {"Christmas 2024"}},
      {"before New Year's Day", {"New Year's Day"}},
      {"results at year-end", {"year-end"}},
  });
}

TEST_CASE("running text in UTF-8 is scanned byte-safely", "[grammar]") {
  check_spans({
      {"\xE2\x80\x9CWe met on Tuesday\xE2\x80\x9D, said Zelenskyy\xE2\x80\x99s aide.", {"Tuesday"}},
      {"Caf\xC3\xA9 owners in the \xE2\x80\x99" "80s", {"the \xE2\x80\x99" "80s"}},
      {"\xE2\x80\x94 since 2014 \xE2\x80\x94", {"2014"}},
      {"Tuesday\xE2\x80\x99s press briefing", {"Tuesday"}},
  });
}

TEST_CASE("the months May and March are months with a day, a year or a time preposition", "[grammar][false-friends]") {
  check_spans({
      {"on May 5 they met", {"May 5"}},
      {"wrote in May, after", {"May"}},
      {"by May 2025", {"May 2025"}},
      {"since March", {"March"}},
      {"last May", {"last May"}},
  });
}

TEST_CASE("number words are parsed compositionally", "[grammar][numbers]") {
  CHECK(quantity_of("twenty-four hours") == 24);
  CHECK(quantity_of("twenty four hours") == 24);
  CHECK(quantity_of("one hundred years") == 100);
  CHECK(quantity_of("a hundred and twenty days") == 120);
  CHECK(quantity_of("three-and-a-half years") == 3.5);
  CHECK(quantity_of("three and a half years") == 3.5);
  CHECK(quantity_of("ninety-nine days") == 99);
  CHECK(quantity_of("seventeen minutes") == 17);
  CHECK(quantity_of("40 minutes") == 40);
  CHECK(quantity_of("2.5 hours") == 2.5);
  CHECK(quantity_of("half an hour") == 0.5);
  CHECK(quantity_of("a couple of years") == 2);
  CHECK(quantity_of("5 1/2 hours") == 5.5);
  CHECK(quantity_of("a minute and a half") == 1.5);
  CHECK(quantity_of("two and a half years") == 2.5);
  auto q = parse_expression("the twenty-first century");
  REQUIRE(q);
  REQUIRE(std::holds_alternative<ast::Century>(q->core));
  CHECK(std::get<ast::Century>(q->core).number == 21);
}

TEST_CASE("parse_expression reads a whole expression or nothing", "[grammar]") {
  CHECK(parse_expression("  last week ").has_value());
  CHECK_FALSE(parse_expression("last week's summit").has_value());
  CHECK_FALSE(parse_expression("the cat").has_value());
  auto e = parse_expression("early 2024");
  REQUIRE(e);
  CHECK(e->mod == ast::Mod::start);
  auto w = parse_expression("last Friday");
  REQUIRE(w);
  REQUIRE(std::holds_alternative<ast::WeekdayRef>(w->core));
  CHECK(std::get<ast::WeekdayRef>(w->core).relation == ast::Relation::previous);
  CHECK(std::get<ast::WeekdayRef>(w->core).weekday == 5);
  CHECK_FALSE(std::get<ast::WeekdayRef>(w->core).anaphoric);
  auto p = parse_expression("the previous Friday");
  REQUIRE(p);
  CHECK(std::get<ast::WeekdayRef>(p->core).relation == ast::Relation::previous);
  CHECK(std::get<ast::WeekdayRef>(p->core).anaphoric);
}

TEST_CASE("the scanner proposes only plausible starts", "[grammar][scanner]") {
  using reckon::grammar::candidate_positions;
  CHECK(candidate_positions("The cat sat on the mat.").empty());
  CHECK(candidate_positions("Tuesday") == std::vector<std::size_t>{0});
  CHECK(candidate_positions("in the past") == std::vector<std::size_t>{3});
  CHECK(candidate_positions("in 2019") == std::vector<std::size_t>{3});
  CHECK(reckon::grammar::is_start_word("Yesterday"));
  CHECK_FALSE(reckon::grammar::is_start_word("cat"));
}

TEST_CASE("a weekday followed by a possessive is marked as one, outside the span", "[grammar]") {
  struct Case {
    const char* text;
    bool possessive;
  };
  for (const Case& c : {Case{"above Thursday's closing price", true},
                        Case{"after Friday\xE2\x80\x99s close", true},
                        Case{"Friday night's game", true},
                        Case{"trading resumed Monday", false},
                        Case{"on Friday 'sources' said", false}}) {
    INFO("text: " << c.text);
    auto const matches = find_expressions(c.text);
    REQUIRE(matches.size() == 1);
    auto const* weekday = std::get_if<ast::WeekdayRef>(&matches[0].expression.core);
    REQUIRE(weekday != nullptr);
    CHECK(weekday->possessive == c.possessive);
  }
  CHECK(spans("above Thursday's closing price") == std::vector<std::string>{"Thursday"});
}

TEST_CASE("reporting periods and 'current' are relative references", "[grammar]") {
  check_spans({
      {"sales in the current fiscal year", {"the current fiscal year"}},
      {"net in the latest period rose", {"the latest period"}},
      {"the most recent period", {"the most recent period"}},
      {"under current law", {"current"}},
      {"the current quarter", {"the current quarter"}},
  });
}

TEST_CASE("a week or weekend named by a day in it is one expression", "[grammar]") {
  check_spans({
      {"resolved in a court hearing the week of March 6, officials said", {"the week of March 6"}},
      {"the week of Oct. 23, 2025 was", {"the week of Oct. 23, 2025"}},
      {"prayed as Easter week began", {"Easter week"}},
      {"travel over Labor Day weekend", {"Labor Day weekend"}},
      {"the week of protests", {}},
  });
}

TEST_CASE("plural weekdays, parts of every such day and months of every year are sets", "[grammar]") {
  check_spans({
      {"The shop closes on Fridays", {"Fridays"}},
      {"broadcast on Tuesday nights from", {"Tuesday nights"}},
      {"dinner at TGI Fridays", {}},
      {"shown Monday and Tuesday nights", {"Monday", "Tuesday nights"}},
      {"each July, marchers", {"each July"}},
  });
}

TEST_CASE("midday, and a part of the day after early, mid or late", "[grammar]") {
  check_spans({
      {"to appear at midday, according to", {"midday"}},
      {"In London at mid-afternoon yesterday, shares", {"mid-afternoon yesterday"}},
      {"By mid afternoon, sources said", {"mid afternoon"}},
      {"the afternoon session", {}},
  });
}

TEST_CASE("'-long' amounts, additional units and 'a later date'", "[grammar]") {
  check_spans({
      {"a day-long strike and a decades-long feud", {"day-long", "decades-long"}},
      {"a two-week-long visit", {"two-week-long"}},
      {"a long day", {}},
      {"for an additional year", {"an additional year"}},
      {"at a later date", {"a later date"}},
  });
}
