#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/ingest.hpp"
#include "test_ingest_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using reckon::Document;
using reckon::IngestOptions;
using reckon::source_position;
using reckon::testing::caught;
using reckon::testing::line_col;

namespace {

std::vector<Document> jsonl(const std::string& input, IngestOptions options = {}) {
  std::istringstream in{input};
  std::vector<Document> documents;
  reckon::read_jsonl("wire.jsonl", in, options, [&](Document&& d) { documents.push_back(std::move(d)); });
  return documents;
}

}  // namespace

TEST_CASE("JSON Lines give one document per line, in order", "[ingest][jsonl]") {
  const auto documents = jsonl(
      R"({"id": "a", "text": "First.", "published": "2025-08-12"})"
      "\n"
      R"({"id": "b", "text": "Second.", "published": "2025-02-18T13:06", "timezone": "America/New_York"})"
      "\n"
      R"({"id": "c", "text": "Third, no date.", "source": "ignored", "tags": [1, 2]})"
      "\n");
  REQUIRE(documents.size() == 3);
  CHECK(documents[0].id == "a");
  CHECK(documents[0].path == "wire.jsonl");
  CHECK(documents[0].text == "First.");
  REQUIRE(documents[0].anchor);
  CHECK(reckon::to_iso(*documents[0].anchor) == "2025-08-12");
  CHECK(documents[0].anchor_source == reckon::AnchorSource::jsonl);
  REQUIRE(documents[1].anchor);
  CHECK(reckon::to_iso(*documents[1].anchor) == "2025-02-18T13:06");
  CHECK(documents[1].anchor->timezone == "America/New_York");
  CHECK_FALSE(documents[2].anchor);
}

TEST_CASE("blank lines and CRLF line ends in JSON Lines are accepted", "[ingest][jsonl]") {
  const auto documents =
      jsonl("\r\n{\"id\": \"a\", \"text\": \"x\"}\r\n   \n{\"id\": \"b\", \"text\": \"y\"}");
  REQUIRE(documents.size() == 2);
  CHECK(documents[1].id == "b");
  CHECK(source_position(documents[1], 0).line == 4);
}

TEST_CASE("malformed JSON is an error at the line and the parser's column", "[ingest][jsonl]") {
  const auto error =
      caught([] { jsonl("{\"id\": \"a\", \"text\": \"ok\"}\n\n{\"id\": \"b\",, \"text\": \"x\"}\n"); });
  CHECK(error.file() == "wire.jsonl");
  CHECK(error.where().line == 3);
  CHECK(error.where().column == 12);
  CHECK_THAT(error.what(), StartsWith("invalid JSON: syntax error"));
}

TEST_CASE("a line without an id is an error at that line", "[ingest][jsonl]") {
  const auto error = caught([] { jsonl("{\"id\": \"a\", \"text\": \"x\"}\n{\"text\": \"no id\"}\n"); });
  CHECK(error.where().line == 2);
  CHECK(error.where().column == 1);
  CHECK_THAT(error.what(), StartsWith("missing \"id\""));
}

TEST_CASE("an id that is not a string is an error at its value", "[ingest][jsonl]") {
  const auto error = caught([] { jsonl("{\"text\": \"x\", \"id\": 17}\n"); });
  CHECK(error.where().column == 21);
  CHECK(std::string(error.what()) == "\"id\" must be a string, found a number");
}

TEST_CASE("a line that is not an object is an error", "[ingest][jsonl]") {
  const auto error = caught([] { jsonl("  [1, 2]\n"); });
  CHECK(error.where().column == 3);
  CHECK_THAT(error.what(), Contains("found an array"));
}

TEST_CASE("a duplicate id within one input is an error naming the first line", "[ingest][jsonl]") {
  const auto error = caught([] {
    jsonl(
        "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"y\"}\n{\"id\": \"a\", \"text\": "
        "\"z\"}\n");
  });
  CHECK(error.where().line == 3);
  CHECK(error.where().column == 8);
  CHECK(std::string(error.what()) == "duplicate id 'a' (first used on line 1)");
}

TEST_CASE("invalid UTF-8 in a JSON line is an error at its byte", "[ingest][jsonl]") {
  const auto error = caught([] { jsonl("{\"id\": \"a\", \"text\": \"bad \xC3\x28 byte\"}\n"); });
  CHECK(error.where().line == 1);
  CHECK(error.where().column == 26);
  CHECK(std::string(error.what()) == "invalid UTF-8 byte 0xc3 (expected UTF-8 text)");
}

TEST_CASE("lenient mode repairs invalid UTF-8 in JSON Lines", "[ingest][jsonl]") {
  IngestOptions lenient;
  lenient.lenient = true;
  const auto documents = jsonl("{\"id\": \"a\", \"text\": \"bad \xFF byte\"}\n", lenient);
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].text == "bad \xEF\xBF\xBD byte");
  CHECK(documents[0].utf8_replacements == 1);
  const std::size_t byte = documents[0].text.find("byte");
  CHECK(source_position(documents[0], byte).column == 28);
}

TEST_CASE("a NUL character in the text is an error at its escape", "[ingest][jsonl]") {
  const std::string line = R"({"id": "a", "text": "nul \u0000 here"})"
                           "\n";
  const auto error = caught([&] { jsonl(line); });
  CHECK(error.where().column == 26);
  CHECK_THAT(error.what(), StartsWith("NUL character"));

  IngestOptions lenient;
  lenient.lenient = true;
  const auto documents = jsonl(line, lenient);
  CHECK(documents[0].text == "nul \xEF\xBF\xBD here");
  CHECK(documents[0].utf8_replacements == 1);
  CHECK(source_position(documents[0], documents[0].text.find("here")).column == 33);
}

TEST_CASE("an impossible published date is an error inside the string", "[ingest][jsonl]") {
  const auto error =
      caught([] { jsonl("{\"id\": \"a\", \"text\": \"x\", \"published\": \"2025-02-30\"}\n"); });
  CHECK(error.where().line == 1);
  CHECK(error.where().column == 40);
  CHECK(std::string(error.what()) == "2025-02-30 is not a valid date: February 2025 has 28 days");
}

TEST_CASE("an unknown time zone in JSON Lines is an error at its value", "[ingest][jsonl]") {
  const auto error = caught([] {
    jsonl(
        "{\"id\": \"a\", \"text\": \"x\", \"published\": \"2025-08-12\", \"timezone\": \"Nowhere/Land\"}\n");
  });
  CHECK(error.where().column == 66);
  CHECK_THAT(error.what(), StartsWith("unknown time zone 'Nowhere/Land'"));
}

TEST_CASE("offsets in JSON text map to columns of the line, escapes included", "[ingest][jsonl]") {
  const std::string line = R"({"id": "a", "text": "caf\u00e9 \"quoted\"\nnext \ud83d\ude00 end"})";
  const auto documents = jsonl(line + "\n");
  const Document& d = documents.at(0);
  CHECK(d.text == "caf\xC3\xA9 \"quoted\"\nnext \xF0\x9F\x98\x80 end");
  const auto column_of = [&](std::string_view needle) { return line.find(needle) + 1; };
  CHECK(source_position(d, 0).column == column_of("caf"));
  CHECK(source_position(d, d.text.find("quoted")).column == column_of("quoted"));
  CHECK(source_position(d, d.text.find("next")).column == column_of("next"));
  CHECK(source_position(d, d.text.find("next")).line == 1);
  CHECK(source_position(d, d.text.find("end")).column == column_of("end"));
}

TEST_CASE("a line longer than max_document_bytes is refused", "[ingest][jsonl]") {
  IngestOptions small;
  small.max_document_bytes = 40;
  const auto error = caught([&] {
    jsonl("{\"id\": \"a\", \"text\": \"short\"}\n{\"id\": \"b\", \"text\": \"" + std::string(100, 'x') +
              "\"}\n",
          small);
  });
  CHECK(line_col(error.where()) == "2:41");
  CHECK_THAT(error.what(), StartsWith("line is longer than max_document_bytes, 40 bytes"));
}

TEST_CASE("JSON Lines are read as a stream, a document at a time", "[ingest][jsonl]") {
  std::string input;
  for (int i = 0; i < 5000; ++i)
    input += "{\"id\": \"doc-" + std::to_string(i) + "\", \"text\": \"" + std::string(80, 'w') + "\"}\n";
  std::istringstream in{input};
  std::size_t count = 0;
  std::streamoff consumed_at_first = -1;
  reckon::read_jsonl("big.jsonl", in, {}, [&](Document&& d) {
    if (count == 0) consumed_at_first = in.rdbuf()->pubseekoff(0, std::ios::cur, std::ios::in);
    CHECK(d.id == "doc-" + std::to_string(count));
    ++count;
  });
  CHECK(count == 5000);
  CHECK(consumed_at_first > 0);
  CHECK(consumed_at_first < static_cast<std::streamoff>(input.size() / 2));
}

TEST_CASE("a JSON Lines input without any document is an error at its start", "[ingest][jsonl]") {
  const auto empty = caught([] { jsonl(""); });
  CHECK(line_col(empty.where()) == "1:1");
  CHECK_THAT(empty.what(), StartsWith("empty input"));
  const auto blank = caught([] { jsonl("\n  \r\n\n"); });
  CHECK(line_col(blank.where()) == "1:1");
  CHECK_THAT(blank.what(), StartsWith("no documents, only blank lines"));
}

TEST_CASE("with an error handler, bad lines are reported and the good ones still read", "[ingest][jsonl]") {
  IngestOptions small;
  small.max_document_bytes = 60;
  std::istringstream in{"{\"id\": \"a\", \"text\": \"one\"}\n"
                        "{\"id\": \"b\", \"text\": \"two\",}\n"
                        "{\"id\": \"c\", \"text\": \"" + std::string(80, 'x') + "\"}\n"
                        "{\"id\": \"b\", \"text\": \"two, again\"}\n"
                        "{\"id\": \"a\", \"text\": \"a duplicate\"}\n"};
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  reckon::read_jsonl(
      "wire.jsonl", in, small, [&](Document&& d) { ids.push_back(d.id); },
      [&](const reckon::SourceError& e) { errors.push_back(line_col(e.where()) + " " + e.what()); });
  // A line that failed does not claim its id: "b" on line 4 is not a duplicate.
  CHECK(ids == std::vector<std::string>{"a", "b"});
  REQUIRE(errors.size() == 3);
  CHECK_THAT(errors[0], StartsWith("2:27 invalid JSON"));
  CHECK_THAT(errors[1], StartsWith("3:61 line is longer than max_document_bytes"));
  CHECK_THAT(errors[2], StartsWith("5:8 duplicate id 'a' (first used on line 1)"));
}

TEST_CASE("lenient JSON Lines remember where the first replacement of each line was", "[ingest][jsonl]") {
  IngestOptions lenient;
  lenient.lenient = true;
  const auto documents = jsonl("{\"id\": \"a\", \"text\": \"caf\xe9\"}\n{\"id\": \"b\", \"text\": \"x\\u0000y\"}\n", lenient);
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].utf8_replacements == 1);
  CHECK(line_col(documents[0].first_utf8_replacement) == "1:25");
  CHECK(documents[1].utf8_replacements == 1);
  CHECK(line_col(documents[1].first_utf8_replacement) == "2:23");
}

TEST_CASE("a JSON Lines file that is a binary file is refused as one", "[ingest][jsonl]") {
  const auto error = caught([] { jsonl(std::string("\x89PNG\r\n\x1a\n\0\0", 10)); });
  CHECK(line_col(error.where()) == "1:1");
  CHECK_THAT(error.what(), StartsWith("binary file: a PNG image"));
}

// Found by fuzz_jsonl: nlohmann reports a number that overflows a double as out_of_range, which
// escaped the reader (and aborted reckon) instead of being an error at the line.
TEST_CASE("a number too large for a double is an error at the number, in any field", "[ingest][jsonl]") {
  const std::string ignored_field = R"({"id": "a", "text": "On Monday.", "score": 1e999})";
  const auto error = caught([&] { jsonl(ignored_field + "\n"); });
  CHECK(error.file() == "wire.jsonl");
  CHECK(line_col(error.where()) == "1:" + std::to_string(ignored_field.find("1e999") + 1));
  CHECK(std::string(error.what()) ==
        "invalid JSON: number 1e999 is too large (expected a number a double can hold, up to about 1.8e308)");

  // The same characters inside strings are not the number.
  const std::string in_strings = R"({"id": "-1e999", "text": "x -1e999", "n": [-1e999]})";
  const auto negative = caught([&] { jsonl(in_strings + "\n"); });
  CHECK(line_col(negative.where()) == "1:" + std::to_string(in_strings.find("[-1e999") + 2));
  CHECK_THAT(negative.what(), StartsWith("invalid JSON: number -1e999 is too large"));
}

TEST_CASE("with an error handler, a line with an overflowing number is skipped like any bad line",
          "[ingest][jsonl]") {
  std::istringstream in{"1e999\n{\"id\": \"b\", \"text\": \"two\"}\n"};
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  reckon::read_jsonl(
      "wire.jsonl", in, {}, [&](Document&& d) { ids.push_back(d.id); },
      [&](const reckon::SourceError& e) { errors.push_back(line_col(e.where()) + " " + e.what()); });
  CHECK(ids == std::vector<std::string>{"b"});
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0], StartsWith("1:1 invalid JSON: number 1e999 is too large"));
}
