#include <catch2/catch.hpp>
#include <filesystem>

#include "engine/ingest.hpp"
#include "engine/pipeline.hpp"
#include "engine/source_error.hpp"
#include "engine/timeline_read.hpp"
#include "engine/timeline_writers.hpp"
#include "tests/unit/engine/test_claims_support.hpp"

using namespace reckon;
using namespace reckon::test;
using Catch::Contains;

namespace {

// The error a text gives, as "LINE:COL: message".
std::string error_of(const std::string& text) {
  try {
    parse_timeline_json(text, "t.json");
  } catch (const SourceError& e) {
    CHECK(e.file() == "t.json");
    return std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + ": " + e.what();
  }
  return "no error";
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a timeline written, read back and written again gives the same bytes", "[timeline_read]") {
  auto t = alaska_timeline();
  t.mentions[4].time_from_context = true;
  t.mentions[4].time->mod = "APPROX";
  const std::string json = timeline_to_json(t);
  const Timeline read = parse_timeline_json(json, "t.json");
  CHECK(timeline_to_json(read) == json);
}

TEST_CASE("timelines built from real articles survive the round trip byte for byte", "[timeline_read]") {
  std::vector<std::string> corpora = {std::string(RECKON_EXAMPLES) + "/articles"};
  const std::string alaska = std::string(RECKON_SHARED) + "/corpora/alaska-2025";
  if (std::filesystem::exists(alaska)) corpora.push_back(alaska);
  for (const auto& corpus : corpora) {
    INFO(corpus);
    std::vector<Document> documents;
    read_inputs({corpus}, IngestOptions{}, [&](Document&& d) { documents.push_back(std::move(d)); });
    const std::string json = timeline_to_json(build_timeline(documents, PipelineOptions{}));
    CHECK(timeline_to_json(parse_timeline_json(json, "t.json")) == json);
  }
}

TEST_CASE("a timeline read back keeps what claims are checked against", "[timeline_read]") {
  const Timeline t = parse_timeline_json(timeline_to_json(alaska_timeline()), "t.json");
  REQUIRE(t.events.size() == 4);
  REQUIRE(t.mentions.size() == 6);
  CHECK(t.documents[1].anchor->timezone == "America/New_York");
  CHECK(t.documents[1].anchor->time_of_day == std::chrono::minutes{13 * 60 + 6});
  CHECK(t.documents[1].anchor_source == AnchorSource::header);
  CHECK(t.events[1].interval == day_interval(2025, 8, 15));
  CHECK(t.events[1].granularity == Granularity::day);
  CHECK(t.events[1].place == "Anchorage");
  CHECK_FALSE(t.events[3].interval);
  REQUIRE(t.conflicts.size() == 1);
  CHECK(t.conflicts[0].event == 0U);
  CHECK(t.mentions[t.conflicts[0].sides[0][0]].doc == "b.txt");
  CHECK(t.sentence_texts[t.events[2].mentions[0]] == "Trump met Zelenskyy at the White House on Monday.");
  const auto results = check_claims(t, {claim("x", summit, assertion::On{day_period(2025, 8, 15)})}, {});
  CHECK(results[0].status == ClaimStatus::pass);
}

TEST_CASE("malformed timeline JSON is an error at the line and column where parsing stopped",
          "[timeline_read]") {
  CHECK_THAT(error_of("{\n  \"reckon_timeline\": 1,\n  \"documents\": [,]\n}"),
             Catch::StartsWith("3:17: not a timeline JSON file"));
}

TEST_CASE("a timeline of another version is refused at its version number", "[timeline_read]") {
  CHECK(error_of("{\n  \"reckon_timeline\": 2\n}") == "2:22: unsupported timeline version 2 (expected 1)");
  CHECK_THAT(error_of("[]"), Contains("must be an object"));
}

TEST_CASE("a missing or mistyped field is an error pointing at it", "[timeline_read]") {
  const std::string json = timeline_to_json(alaska_timeline());
  CHECK_THAT(error_of(replace(json, "\"type\":\"summit\"", "\"type\":7")),
             Contains("'events[1].type' must be a string, found a number"));
  CHECK_THAT(error_of(replace(json, "\"granularity\":\"day\"", "\"granularity\":\"fortnight\"")),
             Contains("unknown granularity 'fortnight'"));
  const std::string missing = replace(json, "\"doc\":\"a.txt\",", "");
  CHECK_THAT(error_of(missing), Contains("missing field 'doc' in 'events[0].mentions[0]'"));
  const auto column = missing.find("\"mentions\":[{") + std::string("\"mentions\":[").size() + 1;
  CHECK_THAT(error_of(missing), Catch::StartsWith("1:" + std::to_string(column) + ":"));
}

TEST_CASE("a conflict naming an event that is not in the timeline is an error", "[timeline_read]") {
  const std::string json = timeline_to_json(alaska_timeline());
  CHECK_THAT(error_of(replace(json, "\"event\":\"E1\"", "\"event\":\"E9\"")), Contains("names event 'E9'"));
}

TEST_CASE("a timeline file that cannot be read is an error naming it", "[timeline_read]") {
  CHECK_THROWS_AS(read_timeline_file("/nonexistent/timeline.json"), SourceError);
}
