// reckon explain's engine side: a whole expression, or each expression of a phrase around some.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "engine/explain.hpp"
#include "tests/unit/engine/test_document_support.hpp"

using reckon::Tense;
using reckon::testing::anchor_on;

namespace {

std::string found_text(std::string_view phrase, const reckon::FoundExplanation& f) {
  return std::string(phrase.substr(f.start, f.end - f.start));
}

}  // namespace

TEST_CASE("a whole expression is explained as one, with the tense it is given", "[explain]") {
  auto const e = reckon::explain_expression("Friday afternoon", anchor_on(2025, 8, 14), Tense::future);
  REQUIRE(e);
  CHECK(e->timex.value == "2025-08-15TAF");
  CHECK(e->steps.at(1) == "tense: future");
}

TEST_CASE("a phrase is explained expression by expression, as the tagger reads it", "[explain]") {
  std::string_view const phrase = "spoke Tuesday, and will meet again Friday afternoon";
  auto const found = reckon::explain_phrase(phrase, anchor_on(2025, 8, 12), Tense::unknown);
  REQUIRE(found.size() == 2);
  CHECK(found_text(phrase, found[0]) == "Tuesday");
  CHECK(found[0].explanation.timex.value == "2025-08-12");  // past tense, read from 'spoke'
  CHECK(found_text(phrase, found[1]) == "Friday afternoon");
  CHECK(found[1].explanation.timex.value == "2025-08-15TAF");  // future, read from 'will'
}

TEST_CASE("prepositions, ranges and possessives are explained through the expressions in them", "[explain]") {
  struct Case {
    const char* phrase;
    std::vector<std::string> values;
  };
  for (const Case& c : {Case{"since 2014", {"2014"}}, Case{"from May to July", {"2025-05", "2025-07"}},
                        Case{"between 2019 and 2021", {"2019", "2021"}}, Case{"in recent weeks", {"PXW"}},
                        Case{"Tuesday's press briefing", {"2025-08-12"}}, Case{"last week's summit", {"2025-W32"}}}) {
    INFO(c.phrase);
    CHECK_FALSE(reckon::explain_expression(c.phrase, anchor_on(2025, 8, 12), Tense::unknown));
    std::vector<std::string> values;
    for (const auto& f : reckon::explain_phrase(c.phrase, anchor_on(2025, 8, 12), Tense::unknown))
      values.push_back(f.explanation.timex.value);
    CHECK(values == c.values);
  }
}

TEST_CASE("the narrative carries from one expression of a phrase to the next", "[explain]") {
  auto const found = reckon::explain_phrase("on March 3, 2024 and the next day", anchor_on(2025, 8, 12), Tense::unknown);
  REQUIRE(found.size() == 2);
  CHECK(found[1].explanation.timex.value == "2024-03-04");
}

TEST_CASE("the text explanation says when nothing can be read", "[explain]") {
  CHECK_THAT(reckon::explain("blah blah", std::nullopt), Catch::Contains("is not a temporal expression"));
  CHECK_THAT(reckon::explain("since 2014", std::nullopt),
             Catch::Contains("expression 1: \"2014\" (bytes 6-10)") && Catch::Contains("value=2014"));
}

TEST_CASE("a week named by a day is explained through the day", "[explain]") {
  auto const e = reckon::explain_expression("the week of March 6", anchor_on(2025, 3, 10), Tense::unknown);
  REQUIRE(e);
  CHECK(e->timex.value == "2025-W10");
  CHECK(e->tree.find("the week holding it") != std::string::npos);
  CHECK(std::find(e->steps.begin(), e->steps.end(), "the week (Monday to Sunday) holding 2025-03-06") !=
        e->steps.end());
}
