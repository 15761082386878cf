// Tense detection: the words around an expression decide which way a bare weekday points.
#include <catch2/catch.hpp>

#include <string>

#include "engine/tense.hpp"

using reckon::Tense;

namespace {

Tense tense_of(std::string_view sentence, std::string_view expression) {
  std::size_t const at = sentence.find(expression);
  REQUIRE(at != std::string_view::npos);
  return reckon::detect_tense(sentence, 0, sentence.size(), at, at + expression.size());
}

}  // namespace

TEST_CASE("future auxiliaries and plans point forward", "[tense]") {
  CHECK(tense_of("the meeting, which will take place on Friday in Alaska", "Friday") == Tense::future);
  CHECK(tense_of("Trump is scheduled to conduct a call on Wednesday", "Wednesday") == Tense::future);
  CHECK(tense_of("He is to visit Moscow on Monday", "Monday") == Tense::future);
  CHECK(tense_of("The summit is expected to end Friday", "Friday") == Tense::future);
  CHECK(tense_of("The vote will be held Thursday", "Thursday") == Tense::future);
  CHECK(tense_of("They plan to meet Sunday", "Sunday") == Tense::future);
}

TEST_CASE("past forms point back", "[tense]") {
  CHECK(tense_of("Rubio spoke by telephone Tuesday with Lavrov", "Tuesday") == Tense::past);
  CHECK(tense_of("Trump spoke with Putin on Monday", "Monday") == Tense::past);
  CHECK(tense_of("Lavrov argued Tuesday that", "Tuesday") == Tense::past);
  CHECK(tense_of("The vote was held Thursday", "Thursday") == Tense::past);
  CHECK(tense_of("Prices have risen since May", "May") == Tense::past);
}

TEST_CASE("a future seen from a past point leaves the direction open", "[tense]") {
  // "was scheduled to expire Friday" in a Monday paper: the Friday may be the one just gone.
  CHECK(tense_of("The offer had been scheduled to expire at midnight Friday", "Friday") == Tense::unknown);
  CHECK(tense_of("The vote was expected Thursday", "Thursday") == Tense::unknown);
  CHECK(tense_of("The vote is expected Thursday", "Thursday") == Tense::future);
}

TEST_CASE("a participle with its agent after the expression is no verb of the clause", "[tense]") {
  CHECK(tense_of("Qantas will almost double its flights by August in the search for new markets "
                 "untouched by the crisis", "August") == Tense::future);
  CHECK(tense_of("Rubio met Lavrov Tuesday, accompanied by aides", "Tuesday") == Tense::past);
  // The verb right after an empty span (how the events stage asks) keeps its tense.
  std::string_view const call = "Varga spoke by telephone Monday with Dorin";
  CHECK(reckon::detect_tense(call, 0, call.size(), 6, 6) == Tense::past);
  std::string_view const talk = "Varga talked by phone Monday with Dorin";
  CHECK(reckon::detect_tense(talk, 0, talk.size(), 6, 6) == Tense::past);
}

TEST_CASE("'was planned for' is a future seen from the past", "[tense]") {
  CHECK(tense_of("The official said the accession was planned for early March", "early March") ==
        Tense::unknown);
  CHECK(tense_of("Albright set aside vacation plans for the trip on Friday", "Friday") != Tense::future);
}

namespace {

bool near_past(std::string_view sentence, std::string_view expression) {
  std::size_t const at = sentence.find(expression);
  REQUIRE(at != std::string_view::npos);
  return reckon::detect_tense_cue(sentence, 0, sentence.size(), at, at + expression.size()).near_past;
}

}  // namespace

TEST_CASE("a past verb right beside the expression is a near past cue", "[tense]") {
  CHECK(near_past("In the fiscal year ended Jan. 31, the company reported", "Jan. 31"));
  CHECK(near_past("Since KKR bought RJR in February for $25 billion", "February"));
  CHECK(near_past("The meeting was in March", "March"));
  // An "-ed" word further away may be an adjective before a noun.
  CHECK_FALSE(near_past("would be paid on a still unspecified date in January", "January"));
  CHECK_FALSE(near_past("it will redeem Series H preferred shares on Oct. 31", "Oct. 31"));
  // Across a comma the verb belongs to another clause.
  CHECK_FALSE(near_past("talks that are supposed to conclude by May, invited Sinn Fein", "May"));
  // An end point lies after the verb's time.
  CHECK_FALSE(near_past("The offer was extended to Nov. 16", "Nov. 16"));
}

TEST_CASE("present tense is neither", "[tense]") {
  CHECK(tense_of("Trump is limiting expectations for his summit Friday", "Friday") == Tense::present);
}

TEST_CASE("a reporting verb counts only when nothing else speaks", "[tense]") {
  CHECK(tense_of("The spokesman said the talks will resume Monday", "Monday") == Tense::future);
  CHECK(tense_of("The White House said Thursday", "Thursday") == Tense::past);
  CHECK(tense_of("Nothing here Friday", "Friday") == Tense::unknown);
}

TEST_CASE("tense names round-trip", "[tense]") {
  for (Tense t : {Tense::past, Tense::present, Tense::future, Tense::unknown}) {
    CHECK(reckon::parse_tense(reckon::to_string(t)) == t);
  }
  CHECK_FALSE(reckon::parse_tense("pluperfect"));
}
