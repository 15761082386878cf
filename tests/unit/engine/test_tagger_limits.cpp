// The tagger on long, repetitive and binary documents: every expression is resolved from a
// bounded neighbourhood, problems are carried on the timex, and the writers keep up.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "engine/tag_output.hpp"
#include "engine/tagger.hpp"
#include "engine/tense.hpp"
#include "grammar/temporal.hpp"
#include "tests/unit/engine/test_document_support.hpp"

using reckon::Anchor;
using reckon::Document;
using reckon::Timex;
using reckon::TimexProblem;
using reckon::testing::anchor_on;
using reckon::testing::document;

namespace {

std::string repeated(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

}  // namespace

TEST_CASE("the tense of each expression on a long line is read from a bounded neighbourhood",
          "[tagger][tense][limits]") {
  // No words between the years: without a bound, each one would read the whole line.
  std::string const text = repeated("2025 ", 100000);
  std::size_t read = 0;
  std::size_t count = 0;
  for (const auto& m : reckon::grammar::find_expressions(text)) {
    auto const [begin, end] = reckon::tense_reach(text, 0, text.size(), m.start, m.end);
    CHECK(begin <= m.start);
    CHECK(end >= m.end);
    read += end - begin;
    ++count;
  }
  CHECK(count == 100000);
  CHECK(read <= count * (2 * reckon::tense_bytes_each_side + 5));
  // A cue inside the reach still counts; one beyond it does not.
  std::string const near = "They met" + std::string(100, ',') + " Friday";
  CHECK(reckon::detect_tense(near, 0, near.size(), near.size() - 6, near.size()) == reckon::Tense::past);
  std::string const far = "They met" + std::string(2 * reckon::tense_bytes_each_side, ',') + " Friday";
  CHECK(reckon::detect_tense(far, 0, far.size(), far.size() - 6, far.size()) == reckon::Tense::unknown);
}

TEST_CASE("a long run of the day before counts back one day each, down to the first year",
          "[tagger][limits]") {
  auto const timexes = reckon::tag(document(repeated("the day before ", 10000), anchor_on(2025, 1, 1)));
  REQUIRE(timexes.size() == 10000);
  CHECK(timexes.front().value == "2024-12-31");
  CHECK(timexes.back().value == "1997-08-16");  // 10000 days before 2025-01-01

  auto const early = reckon::tag(document(repeated("the day before ", 40), anchor_on(1, 1, 31)));
  REQUIRE(early.size() == 40);
  CHECK(early[29].value == "0001-01-01");
  for (std::size_t i = 30; i < early.size(); ++i) {
    CHECK(early[i].value == "XXXX-XX-XX");
    CHECK(early[i].problem == TimexProblem::out_of_range);
  }
}

TEST_CASE("binary junk is tagged without crashing", "[tagger][limits]") {
  std::mt19937 random(7);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string text(1 << 20, '\0');
  for (char& c : text) c = static_cast<char>(byte(random));
  // Some expressions among the junk, so that tense and anchoring run too.
  for (std::size_t at = 1000; at + 40 < text.size(); at += 65536) {
    text.replace(at, 30, " said Friday, Feb. 30, 2025 was");
  }
  auto const timexes = reckon::tag(document(text, anchor_on(2025, 8, 12)));
  std::size_t previous_end = 0;
  for (const Timex& t : timexes) {
    REQUIRE(t.start >= previous_end);
    REQUIRE(t.end <= text.size());
    previous_end = t.end;
  }
  CHECK(timexes.size() >= 16);
}

TEST_CASE("a timex with a problem says so in JSON Lines", "[tagger][output][limits]") {
  Document const d = document("It was set for February 30, 2025, or 40000 years ago.", anchor_on(2025, 1, 1));
  auto const timexes = reckon::tag(d);
  REQUIRE(timexes.size() == 2);
  CHECK(timexes[0].problem == TimexProblem::no_such_day);
  CHECK(timexes[1].problem == TimexProblem::out_of_range);
  CHECK(d.text.substr(timexes[1].start, timexes[1].end - timexes[1].start) == "40000 years ago");
  std::string out;
  reckon::append_tag_jsonl(out, d, timexes);
  CHECK_THAT(out, Catch::Contains(R"("value":"XXXX-XX-XX","problem":"no_such_day")"));
  CHECK_THAT(out, Catch::Contains(R"("value":"XXXX","problem":"out_of_range")"));
}

TEST_CASE("the text output gives the line and column of every timex on a long line",
          "[tagger][output][limits]") {
  Document const d = document("Title\n" + repeated("Monday ", 20000) + "\nTuesday", anchor_on(2025, 1, 1));
  auto const timexes = reckon::tag(d);
  REQUIRE(timexes.size() == 20001);
  std::string out;
  reckon::append_tag_text(out, d, timexes);
  CHECK_THAT(out, Catch::Contains("\n2:1\tDATE\t"));
  CHECK_THAT(out, Catch::Contains("\n2:" + std::to_string(7 * 19999 + 1) + "\tDATE\t"));
  CHECK_THAT(out, Catch::Contains("\n3:1\tDATE\t"));
}
