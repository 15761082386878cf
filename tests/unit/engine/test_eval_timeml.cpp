#include <catch2/catch.hpp>

#include "engine/eval_timeml.hpp"

using reckon::Document;
using reckon::Timex;
using reckon::TimexType;

namespace {

Timex make_timex(std::size_t start, std::size_t end, TimexType type, std::string value) {
  Timex t;
  t.start = start;
  t.end = end;
  t.type = type;
  t.value = std::move(value);
  return t;
}

Document gold_document() {
  Document d;
  d.id = "d";
  d.text = "He left on Friday and returned two days later, last week.";
  //        0123456789012345678901234567890123456789012345678901234567
  d.gold_timexes = {{11, 17, "t1", "DATE", "1998-01-09", ""},
                    {31, 45, "t2", "DATE", "1998-01-11", ""},
                    {47, 56, "t3", "DATE", "1998-W01", ""}};
  return d;
}

}  // namespace

TEST_CASE("an exact span is a strict and a relaxed match", "[eval]") {
  const auto doc = gold_document();
  const auto c = reckon::score_timexes(doc, {make_timex(11, 17, TimexType::date, "1998-01-09")});
  CHECK(c.gold == 3);
  CHECK(c.system == 1);
  CHECK(c.strict == 1);
  CHECK(c.relaxed == 1);
  CHECK(c.value_correct == 1);
}

TEST_CASE("an overlapping span is a relaxed match only, and its attributes still count", "[eval]") {
  const auto doc = gold_document();
  std::vector<reckon::TimexError> errors;
  const auto c = reckon::score_timexes(doc, {make_timex(35, 45, TimexType::date, "1998-01-10")}, &errors);
  CHECK(c.strict == 0);
  CHECK(c.relaxed == 1);
  CHECK(c.type_correct == 1);
  CHECK(c.value_correct == 0);
  // a wrong span, a wrong value, and two misses
  CHECK(errors.size() == 4);
}

TEST_CASE("a system timex overlapping no gold one is a false alarm", "[eval]") {
  const auto doc = gold_document();
  std::vector<reckon::TimexError> errors;
  const auto c = reckon::score_timexes(doc, {make_timex(0, 2, TimexType::date, "x")}, &errors);
  CHECK(c.relaxed == 0);
  REQUIRE(errors.size() == 4);
  CHECK(errors.front().kind == reckon::TimexErrorKind::false_alarm);
  CHECK(errors.front().system_text == "He");
}

TEST_CASE("attribute F1 is attribute accuracy over relaxed matches times relaxed F1", "[eval]") {
  reckon::TimexCounts c;
  c.gold = 10;
  c.system = 8;
  c.relaxed = 8;
  c.strict = 6;
  c.type_correct = 8;
  c.value_correct = 4;
  const auto s = reckon::scores_of(c);
  CHECK(s.relaxed.precision == Approx(1.0));
  CHECK(s.relaxed.recall == Approx(0.8));
  CHECK(s.relaxed.f1 == Approx(2 * 0.8 / 1.8));
  CHECK(s.strict.f1 == Approx(2 * 0.75 * 0.6 / 1.35));
  CHECK(s.value_f1 == Approx(0.5 * 2 * 0.8 / 1.8));
  CHECK(s.type_f1 == Approx(s.relaxed.f1));
}
