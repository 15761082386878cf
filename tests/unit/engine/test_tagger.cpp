// The tagger end to end: spans and values in running text, the narrative's reference time, and
// the Alaska corpus read as a careful reader would.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/tagger.hpp"
#include "tests/unit/engine/test_document_support.hpp"

using reckon::Anchor;
using reckon::Document;
using reckon::Timex;
using reckon::testing::anchor_on;
using reckon::testing::document;

namespace {

struct Tagged {
  std::string text;
  std::string value;
  std::string type;
  std::string mod;
};

std::vector<Tagged> tagged(const Document& d) {
  std::vector<Tagged> out;
  for (const Timex& t : reckon::tag(d)) {
    out.push_back({d.text.substr(t.start, t.end - t.start), t.value, reckon::to_string(t.type), t.mod});
  }
  return out;
}

// The value of the n-th (0-based) timex whose text is `text`.
std::string value_of(const std::vector<Tagged>& timexes, const std::string& text, int nth = 0) {
  for (const auto& t : timexes) {
    if (t.text == text && nth-- == 0) return t.value;
  }
  return "<not tagged>";
}

}  // namespace

TEST_CASE("tag returns non-overlapping spans in text order", "[tagger]") {
  Document const d = document("On Tuesday, two days ago, and last week, Trump said.", anchor_on(2025, 8, 14));
  auto const timexes = reckon::tag(d);
  REQUIRE(timexes.size() == 3);
  for (std::size_t i = 1; i < timexes.size(); ++i) CHECK(timexes[i - 1].end <= timexes[i].start);
  CHECK(d.text.substr(timexes[0].start, timexes[0].end - timexes[0].start) == "Tuesday");
}

TEST_CASE("the next day counts from the last date the narrative reached", "[tagger][narrative]") {
  auto const t = tagged(document(
      "The talks opened on Aug. 3, 2024. The next day the envoys left. Two days later they returned.",
      anchor_on(2025, 8, 12)));
  CHECK(value_of(t, "Aug. 3, 2024") == "2024-08-03");
  CHECK(value_of(t, "The next day") == "2024-08-04");
  CHECK(value_of(t, "Two days later") == "2024-08-06");
}

TEST_CASE("that year counts from the last calendar date named", "[tagger][narrative]") {
  auto const t = tagged(document("The plant opened in March 1998. Later that year it closed.",
                                 anchor_on(2025, 8, 12)));
  CHECK(value_of(t, "March 1998") == "1998-03");
  CHECK(value_of(t, "Later that year") == "1998");
}

TEST_CASE("a weekday keeps the day the document first gave it", "[tagger][weekday]") {
  auto const t = tagged(document(
      "The summit will take place on Friday. Officials tempered expectations, calling the meeting on "
      "Friday a listening exercise.",
      anchor_on(2025, 8, 12)));
  CHECK(value_of(t, "Friday", 0) == "2025-08-15");
  CHECK(value_of(t, "Friday", 1) == "2025-08-15");
}

TEST_CASE("a year earlier than a quarter in focus is that quarter a year before", "[tagger][narrative]") {
  auto const t = tagged(document(
      "Profit in the third quarter rose 5%. A year earlier, profit was flat. The quarter was strong, "
      "better than the year-ago quarter.",
      anchor_on(2025, 10, 20)));
  CHECK(value_of(t, "the third quarter") == "2025-Q3");
  CHECK(value_of(t, "A year earlier") == "2024-Q3");
  CHECK(value_of(t, "The quarter") == "2025-Q3");
  CHECK(value_of(t, "the year-ago quarter") == "2024-Q3");
}

TEST_CASE("the quarter in focus, named in another year, is that quarter of the year", "[tagger][narrative]") {
  auto const t = tagged(document(
      "Profit in the third quarter rose 5%. In the 1988 quarter, it earned $2 million. For the "
      "quarter a year ago, it reported a loss. The corresponding period last year was weak, and "
      "last year's quarter too. The quarter was strong.",
      anchor_on(1989, 10, 26)));
  CHECK(value_of(t, "the 1988 quarter") == "1988-Q3");
  CHECK(value_of(t, "the quarter a year ago") == "1988-Q3");
  CHECK(value_of(t, "The corresponding period last year") == "1988-Q3");
  CHECK(value_of(t, "last year's quarter") == "1988-Q3");
  CHECK(value_of(t, "The quarter") == "1989-Q3");  // the focus stays on 1989
}

TEST_CASE("an earlier quarter of the same year is a comparison, not the new focus", "[tagger][narrative]") {
  auto const t = tagged(document(
      "Third-quarter profit rose, after a flat second quarter. A year ago, it lost money. The "
      "company's fiscal second quarter ended Sept. 30. A year earlier, sales were flat.",
      anchor_on(1989, 11, 1)));
  CHECK(value_of(t, "A year ago") == "1988-Q3");
  // A fiscal quarter is numbered in the company's own year: it always takes the focus.
  CHECK(value_of(t, "A year earlier") == "1988-Q2");
}

TEST_CASE("a fiscal quarter written with a hyphen takes the focus too", "[tagger][narrative]") {
  auto const t = tagged(document(
      "It posted net income for the fiscal-first quarter ended Sept. 30. It had a loss a year ago.",
      anchor_on(1989, 10, 26)));
  CHECK(value_of(t, "the fiscal-first quarter") == "1989-Q1");
  CHECK(value_of(t, "a year ago") == "1988-Q1");
}

TEST_CASE("a past verb beside a year-less month reaches back a whole year", "[tagger][tense]") {
  auto const t = tagged(document(
      "Since KKR bought RJR in February, it has sold assets. In the fiscal year ended Jan. 31, the "
      "company reported sales of $59 million. It will be paid on a still unspecified date in "
      "January. The offer was extended to Nov. 16.",
      anchor_on(1989, 10, 30)));
  CHECK(value_of(t, "February") == "1989-02");
  CHECK(value_of(t, "Jan. 31") == "1989-01-31");
  CHECK(value_of(t, "January") == "1990-01");  // a future clause: the eight-month window stays
  CHECK(value_of(t, "Nov. 16") == "1989-11-16");
}

TEST_CASE("'the previous Friday' counts from the day the story is at", "[tagger][narrative]") {
  auto const t = tagged(document(
      "The London index fell Friday. It was down 4.5% from the previous Friday. On Wednesday, a "
      "vote was held; it was delayed to the following Monday.",
      anchor_on(1989, 10, 30)));
  CHECK(value_of(t, "Friday") == "1989-10-27");
  CHECK(value_of(t, "the previous Friday") == "1989-10-20");
  CHECK(value_of(t, "Wednesday") == "1989-10-25");
  CHECK(value_of(t, "the following Monday") == "1989-10-30");
  // Without a day in the story, from the anchor as "last Friday" is.
  auto const alone = tagged(document("Prices rose from the previous Friday.", anchor_on(1989, 10, 30)));
  CHECK(value_of(alone, "the previous Friday") == "1989-10-27");
}

TEST_CASE("without a quarter in focus, 'the 1988 period' is the year", "[tagger]") {
  auto const t = tagged(document("In the 1988 period, sales fell.", anchor_on(1989, 10, 26)));
  CHECK(value_of(t, "the 1988 period") == "1988");
}

TEST_CASE("a year named by the day it ends on is a year-long duration", "[tagger][duration]") {
  auto const t = tagged(document(
      "For the year ended Sept. 30, Ralston earned $422 million. In the fiscal year ending June 30, "
      "1990, it expects less.",
      anchor_on(1989, 11, 2)));
  CHECK(value_of(t, "the year") == "P1Y");
  CHECK(value_of(t, "Sept. 30") == "1989-09-30");
  CHECK(value_of(t, "the fiscal year") == "P1Y");
}

TEST_CASE("a weekday in a future seen from the past is the nearest one", "[tagger][tense]") {
  auto const t = tagged(document("The offer had been scheduled to expire at midnight Friday.",
                                 anchor_on(1989, 10, 30)));  // a Monday
  CHECK(value_of(t, "midnight Friday") == "1989-10-27T24:00");
}

TEST_CASE("tense decides the direction of bare weekdays in running text", "[tagger][tense]") {
  auto const t = tagged(document(
      "Rubio spoke by telephone Monday with Lavrov. They will meet again on Thursday.",
      anchor_on(2025, 8, 12)));
  CHECK(value_of(t, "Monday") == "2025-08-11");
  CHECK(value_of(t, "Thursday") == "2025-08-14");
}

TEST_CASE("a weekday sharing a plural part of the day with the next one is a set too", "[tagger][set]") {
  auto const t = tagged(document("The show airs Monday and Tuesday nights, and aired Monday.", anchor_on(2025, 8, 14)));
  REQUIRE(t.size() == 3);
  CHECK(t[0].text == "Monday");
  CHECK(t[0].type == "SET");
  CHECK(t[0].value == "XXXX-WXX-1TNI");
  CHECK(t[1].value == "XXXX-WXX-2TNI");
  CHECK(t[2].type == "DATE");  // a lone "Monday" stays a day
}

TEST_CASE("without an anchor the tagger keeps underspecified values", "[tagger]") {
  auto const t = tagged(document("He spoke Friday and will speak again now.", std::nullopt));
  CHECK(value_of(t, "Friday") == "XXXX-WXX-5");
  CHECK(value_of(t, "now") == "PRESENT_REF");
}

namespace {

std::optional<std::string> read_corpus_file(const std::string& prefix) {
  std::filesystem::path const dir = std::filesystem::path(RECKON_SHARED) / "corpora" / "alaska-2025";
  if (!std::filesystem::is_directory(dir)) return std::nullopt;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      return buffer.str();
    }
  }
  return std::nullopt;
}

struct Expected {
  const char* text;
  int nth;
  const char* value;
};

void check_article(const char* prefix, Anchor anchor, const std::vector<Expected>& expected) {
  auto const text = read_corpus_file(prefix);
  if (!text) {
    WARN("shared Alaska corpus not found; skipped");
    return;
  }
  auto const t = tagged(document(*text, anchor));
  for (const auto& e : expected) {
    INFO("article " << prefix << ": \"" << e.text << "\" #" << e.nth);
    CHECK(value_of(t, e.text, e.nth) == e.value);
  }
}

}  // namespace

TEST_CASE("Alaska corpus: the Rubio-Lavrov call (000)", "[tagger][corpus]") {
  check_article("000_", anchor_on(2025, 8, 12),
                {{"Tuesday", 0, "2025-08-12"},
                 {"Friday", 0, "2025-08-15"},
                 {"February 2022", 0, "2022-02"},
                 {"earlier Tuesday", 0, "2025-08-12"},
                 {"Tuesday", 1, "2025-08-12"},
                 {"Friday", 1, "2025-08-15"},
                 {"Wednesday", 0, "2025-08-13"},
                 {"2021", 0, "2021"},
                 {"Tuesday", 2, "2025-08-12"},
                 {"Tuesday", 3, "2025-08-12"}});
}

TEST_CASE("Alaska corpus: Russia won't commit (001)", "[tagger][corpus]") {
  check_article("001_", anchor_on(2025, 8, 19),
                {{"Tuesday", 0, "2025-08-19"},
                 {"last week", 0, "2025-W33"},
                 {"Monday", 0, "2025-08-18"},
                 {"around 40 minutes", 0, "PT40M"},
                 {"three-and-a-half-year", 0, "P3Y6M"},
                 {"Tuesday", 3, "2025-08-19"}});
}

TEST_CASE("Alaska corpus: the phone call ahead of the summit (002)", "[tagger][corpus]") {
  check_article("002_", anchor_on(2025, 8, 12),
                {{"Tuesday", 0, "2025-08-12"},
                 {"later this week", 0, "2025-W33"},
                 {"Friday morning", 0, "2025-08-15TMO"},
                 {"2014", 0, "2014"},
                 {"Earlier in the month", 0, "2025-08"},
                 {"August 8", 0, "2025-08-08"},
                 {"Wednesday", 0, "2025-08-13"},
                 {"2015", 0, "2015"}});
}

TEST_CASE("Alaska corpus: Rubio meets Lavrov in Riyadh (003)", "[tagger][corpus]") {
  check_article("003_", anchor_on(2025, 2, 18),
                {{"Feb 18, 2025 1:06 PM", 0, "2025-02-18T13:06"},
                 {"Tuesday", 0, "2025-02-18"},
                 {"February 2022", 0, "2022-02"},
                 {"earlier this week", 0, "2025-W08"},
                 {"February 18, 2025", 0, "2025-02-18"},
                 {"February 17, 2025 - 3:42 PM Eastern", 0, "2025-02-17T15:42"},
                 {"the future", 0, "FUTURE_REF"}});
}

TEST_CASE("Alaska corpus: Trump limits expectations (004)", "[tagger][corpus]") {
  check_article("004_", anchor_on(2025, 8, 14),
                {{"Friday", 0, "2025-08-15"},
                 {"recent weeks", 0, "PXW"},
                 {"earlier this year", 0, "2025"},
                 {"May", 0, "2025-05"},
                 {"Thursday", 0, "2025-08-14"},
                 {"2019", 0, "2019"},
                 {"Thursday", 1, "2025-08-14"},
                 {"Friday afternoon", 0, "2025-08-15TAF"}});
}
