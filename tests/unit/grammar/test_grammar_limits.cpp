// The grammar and the scanner at their limits: absurd numbers are read as written (the anchor
// stage judges them), impossible calendar numbers are no dates, and long, repetitive or binary
// input is scanned word by word without nesting, reading back, or crashing.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <variant>
#include <vector>

#include "grammar/scanner.hpp"
#include "grammar/temporal.hpp"

namespace ast = reckon::grammar::ast;
using reckon::grammar::find_expressions;
using reckon::grammar::Match;
using reckon::grammar::parse_expression;

namespace {

std::string repeated(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

// Matches lie inside the text, in order, without overlapping.
void check_well_formed(std::string_view text, const std::vector<Match>& matches) {
  std::size_t previous_end = 0;
  for (const auto& m : matches) {
    REQUIRE(m.start < m.end);
    REQUIRE(m.end <= text.size());
    REQUIRE(m.start >= previous_end);
    previous_end = m.end;
  }
}

}  // namespace

TEST_CASE("amounts are plain decimals: no exponent, no nan, no infinity", "[grammar][limits]") {
  for (const char* text :
       {"1e5 years ago", "2.5e9 hours", "inf years", "infinity years ago", "nan years ago", "NaN days"}) {
    INFO("expression: " << text);
    CHECK_FALSE(parse_expression(text));
  }
  auto const half = parse_expression("3.5 years");
  REQUIRE(half);
  CHECK(std::get<ast::Duration>(half->core).quantity.value == 3.5);
}

TEST_CASE("an absurd amount is read as written, finite, for the anchor stage to judge", "[grammar][limits]") {
  auto const offset = parse_expression("99999999999999999999 years ago");
  REQUIRE(offset);
  CHECK(std::get<ast::Offset>(offset->core).quantity.value == Approx(1e20));
  auto const long_number = parse_expression(std::string(300, '9') + " years ago");
  REQUIRE(long_number);
  CHECK(std::get<ast::Offset>(long_number->core).quantity.value == Approx(1e300));
  // Beyond what a double holds, digits are no amount at all.
  CHECK_FALSE(parse_expression(std::string(400, '9') + " years ago"));
  std::string const megabyte_of_digits = std::string(1 << 20, '1') + " years ago";
  auto const matches = find_expressions(megabyte_of_digits);
  check_well_formed(megabyte_of_digits, matches);
  CHECK(matches.empty());
}

TEST_CASE("a century and a count of times keep the number written", "[grammar][limits]") {
  auto const century = parse_expression("the 4294967295th century");
  REQUIRE(century);
  CHECK(std::get<ast::Century>(century->core).number == 4294967295u);
  CHECK_FALSE(parse_expression("the 4294967296th century"));  // more than an ordinal holds
  auto const times = parse_expression("99999999999999999999 times a week");
  REQUIRE(times);
  CHECK(std::get<ast::Recurrence>(times->core).times == Approx(1e20));
}

TEST_CASE("numbers that fit no month or day of a month are no dates", "[grammar][limits]") {
  for (const char* text : {"2025-13-01", "2025-00-10", "2025-12-32", "2025-12-00", "13/12/2025", "0/12/2025",
                           "12/45/2025", "12/0/2025"}) {
    INFO("expression: " << text);
    auto const e = parse_expression(text);
    CHECK_FALSE((e && std::holds_alternative<ast::CalendarDate>(e->core)));
  }
  // A day no month of that year has is a date; the anchor stage calls it no_such_day.
  auto const february = parse_expression("2025-02-30");
  REQUIRE(february);
  CHECK(std::get<ast::CalendarDate>(february->core).day == 30u);
}

TEST_CASE("24:00 is a clock time and 24:30 is not", "[grammar][limits]") {
  CHECK(parse_expression("24:00"));
  CHECK_FALSE(parse_expression("24:30"));
  CHECK_FALSE(parse_expression("25:99"));
  CHECK_FALSE(parse_expression("13 p.m."));
}

TEST_CASE("deeply repeated expressions are found one by one, never nested", "[grammar][limits]") {
  SECTION("the day before the day before ...") {
    std::string const text = repeated("the day before ", 10000);
    auto const matches = find_expressions(text);
    REQUIRE(matches.size() == 10000);
    for (const auto& m : matches) {
      CHECK(text.substr(m.start, m.end - m.start) == "the day before");
    }
  }
  SECTION("last last last ... week") {
    std::string const text = repeated("last ", 10000) + "week";
    auto const matches = find_expressions(text);
    REQUIRE(matches.size() == 1);
    CHECK(text.substr(matches[0].start) == "last week");
  }
  SECTION("Monday Monday Monday ...") {
    std::string const text = repeated("Monday ", 100000);
    CHECK(find_expressions(text).size() == 100000);
  }
  SECTION("May.May.May... and long runs of blanks") {
    std::string const months = repeated("May.", 100000);
    CHECK(find_expressions(months).empty());
    std::string const blanks = "in May" + std::string(1 << 20, ' ') + "Monday";
    CHECK(find_expressions(blanks).size() == 2);
  }
}

TEST_CASE("the word before a match is read to at most longest_context_word bytes", "[grammar][limits]") {
  using reckon::grammar::detail::longest_context_word;
  using reckon::grammar::detail::word_before;
  CHECK(word_before("in May", 3) == "in");
  CHECK(word_before("Lt. March", 4) == "Lt.");
  CHECK(word_before("May", 0).empty());
  // Every candidate of a line of "May." reads a bounded word before it, so the line is
  // checked in work linear in its length.
  std::string const text = repeated("May.", 50000);
  std::size_t read = 0;
  for (std::size_t at : reckon::grammar::candidate_positions(text)) read += word_before(text, at).size();
  CHECK(read <= longest_context_word * 50000);
}

TEST_CASE("binary junk does not crash the scanner", "[grammar][limits]") {
  std::mt19937 random(20250101);
  SECTION("random bytes") {
    std::uniform_int_distribution<int> byte(0, 255);
    std::string text(1 << 20, '\0');
    for (char& c : text) c = static_cast<char>(byte(random));
    auto const matches = find_expressions(text);
    check_well_formed(text, matches);
  }
  SECTION("temporal words among binary bytes, digits and punctuation") {
    std::vector<std::string> const pieces{
        "the",         "last", "next", "day",   "before", "May",    "Monday",       "2025",
        "12",          ":",    "/",    "-",     ",",      "'8",     "\xE2\x80\x99", "\xE2",
        "\x80",        "Q3",   "a.m.", "years", "ago",    "1/2",    "and a half",   std::string(1, '\0'),
        "\xFF",        "\n",   " ",    "  ",    ".",      "fiscal", "quarter",      "century",
        "99999999999", "th"};
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    std::string text;
    while (text.size() < (1 << 20)) text += pieces[pick(random)];
    auto const matches = find_expressions(text);
    check_well_formed(text, matches);
    CHECK_FALSE(matches.empty());
  }
  SECTION("text that ends inside an expression") {
    for (const char* text : {"'8", "\xE2", "\xE2\x80", "Q", "12:", "Feb 18,", "the", "a", "at least", "5 1/",
                             "the 1990", "twenty-", "3.", "Monday,", "Jan.", "10 a."}) {
      INFO("text: " << text);
      check_well_formed(text, find_expressions(text));
    }
  }
}
