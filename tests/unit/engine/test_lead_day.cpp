// The day a news story's lead names: what the SemEval writer dates undated mentions by.
#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "engine/pipeline.hpp"
#include "engine/tagger.hpp"
#include "tests/unit/engine/test_document_support.hpp"

namespace {

std::optional<date::local_days> lead_day_of(const std::string& text) {
  const reckon::Document d = reckon::testing::document(text, reckon::testing::anchor_on(2005, 6, 7));
  const auto sentences = reckon::split_sentences(d.text);
  const auto timexes = reckon::tag(d, sentences);
  return reckon::find_lead_day(d, sentences, timexes, reckon::find_dateline(d, sentences, timexes));
}

}  // namespace

TEST_CASE("a lead's day is the first day its opening sentences name after the dateline", "[pipeline]") {
  CHECK(lead_day_of("June 7, 2005\nYesterday, Jobs unveiled it. Steve Jobs spoke by telephone.") ==
        date::local_days{date::year{2005} / 6 / 6});
  CHECK(lead_day_of("June 7, 2005\nJobs unveiled it. Cook said so on Friday.") ==
        date::local_days{date::year{2005} / 6 / 3});
}

TEST_CASE("a lead names no day when its dates are history, or when it has none", "[pipeline]") {
  CHECK_FALSE(lead_day_of("June 7, 2005\nFounded on April 1, 1976, Apple unveiled it. Jobs spoke."));
  CHECK_FALSE(lead_day_of("June 7, 2005\nJobs unveiled it. Cook spoke. Jobs said so. On Monday he left."));
}
