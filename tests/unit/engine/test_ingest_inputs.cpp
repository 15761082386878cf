#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "engine/ingest.hpp"
#include "test_ingest_support.hpp"

using Catch::Matchers::StartsWith;
using reckon::Document;
using reckon::InputFormat;
using reckon::testing::caught;
using reckon::testing::line_col;

namespace {

const std::string fixtures = std::string(RECKON_FIXTURES) + "/ingest";

std::vector<std::string> ids_of(const std::vector<Document>& documents) {
  std::vector<std::string> ids;
  for (const Document& d : documents) ids.push_back(d.id);
  return ids;
}

}  // namespace

TEST_CASE("a directory is walked in byte order of relative paths, skipping hidden and .toml files",
          "[ingest][inputs]") {
  const auto documents = reckon::read_all({fixtures + "/corpus"}, {});
  // "a-c.txt" sorts before "a/b.txt": '-' is 0x2d, '/' is 0x2f. The JSON Lines file gives two.
  CHECK(ids_of(documents) == std::vector<std::string>{"000_alaska.txt", "a-c.txt", "a/b.txt", "b.txt",
                                                      "wire-1", "wire-2", "e.tml", "sub/c.txt"});
  CHECK(documents[0].path == fixtures + "/corpus/000_alaska.txt");
  CHECK(documents[2].path == fixtures + "/corpus/a/b.txt");
  REQUIRE(documents[0].anchor);
  CHECK(reckon::to_iso(*documents[0].anchor) == "2025-08-12");
  CHECK(documents[6].docid == "E1");
  CHECK(documents[6].gold_timexes.size() == 1);
  REQUIRE(documents[5].anchor);
  CHECK(reckon::to_iso(*documents[5].anchor) == "2025-08-13T09:30");
  CHECK(documents[5].source_map.at(0).line == 3);
}

TEST_CASE("a file named on the command line is identified by its base name", "[ingest][inputs]") {
  const auto documents = reckon::read_all({fixtures + "/corpus/sub/c.txt", fixtures + "/corpus/b.txt"}, {});
  CHECK(ids_of(documents) == std::vector<std::string>{"c.txt", "b.txt"});
  CHECK(documents[0].path == fixtures + "/corpus/sub/c.txt");
}

TEST_CASE("inputs are read in the order they are given", "[ingest][inputs]") {
  const auto documents = reckon::read_all(
      {fixtures + "/corpus/b.txt", fixtures + "/corpus/sub", fixtures + "/corpus/a-c.txt"}, {});
  CHECK(ids_of(documents) == std::vector<std::string>{"b.txt", "c.txt", "a-c.txt"});
}

TEST_CASE("read_inputs hands each document to the sink as it is read", "[ingest][inputs]") {
  std::vector<std::string> seen;
  reckon::read_inputs({fixtures + "/corpus/d.jsonl"}, {}, [&](Document&& d) { seen.push_back(d.id); });
  CHECK(seen == std::vector<std::string>{"wire-1", "wire-2"});
}

TEST_CASE("the format of a file follows from its extension", "[ingest][inputs]") {
  CHECK(reckon::format_of("a/b.tml") == InputFormat::timeml);
  CHECK(reckon::format_of("b.TML") == InputFormat::timeml);
  CHECK(reckon::format_of("feed.jsonl") == InputFormat::jsonl);
  CHECK(reckon::format_of("feed.ndjson") == InputFormat::jsonl);
  CHECK(reckon::format_of("story.txt") == InputFormat::text);
  CHECK(reckon::format_of("story") == InputFormat::text);
  CHECK(reckon::format_of("doc.xml", "<?xml version='1.0'?>\n<!-- c -->\n<TimeML>") == InputFormat::timeml);
  CHECK(reckon::format_of("doc.xml", "<?xml version='1.0'?><Document>") == InputFormat::text);
  CHECK(reckon::format_of("doc.xml", "<TimeMLX>") == InputFormat::text);
}

TEST_CASE("an .xml file is read as TimeML only when its root is <TimeML>", "[ingest][inputs]") {
  const auto documents = reckon::read_all({fixtures + "/timeml.xml", fixtures + "/other.xml"}, {});
  REQUIRE(documents.size() == 2);
  CHECK(documents[0].docid == "X1");
  CHECK(documents[0].text == "Apple shipped Tiger .");
  CHECK(documents[1].docid.empty());
  CHECK_THAT(documents[1].text, StartsWith("<?xml"));
}

TEST_CASE("a missing input is an error naming it", "[ingest][inputs]") {
  const std::string missing = fixtures + "/no-such-file.txt";
  const auto error = caught([&] { reckon::read_all({missing}, {}); });
  CHECK(error.file() == missing);
  CHECK(error.where().line == 0);
  CHECK(std::string(error.what()) == "no such file or directory");
}

TEST_CASE("an empty file among the inputs is an error naming the file", "[ingest][inputs]") {
  const auto error = caught([&] { reckon::read_all({fixtures + "/empty.txt"}, {}); });
  CHECK(error.file() == fixtures + "/empty.txt");
  CHECK(line_col(error.where()) == "1:1");
  CHECK_THAT(error.what(), StartsWith("empty file"));
}

TEST_CASE("a file larger than the limit is refused before it is read whole", "[ingest][inputs]") {
  reckon::IngestOptions small;
  small.max_document_bytes = 16;
  const auto error = caught([&] { reckon::read_all({fixtures + "/corpus/a-c.txt"}, small); });
  CHECK_THAT(error.what(), StartsWith("document is larger than max_document_bytes, 16 bytes"));
  CHECK(error.where().line >= 1);
}

TEST_CASE("to_string names every anchor source", "[document]") {
  CHECK(std::string(reckon::to_string(reckon::AnchorSource::none)) == "none");
  CHECK(std::string(reckon::to_string(reckon::AnchorSource::header)) == "header");
  CHECK(std::string(reckon::to_string(reckon::AnchorSource::dateline)) == "dateline");
  CHECK(std::string(reckon::to_string(reckon::AnchorSource::dct)) == "dct");
  CHECK(std::string(reckon::to_string(reckon::AnchorSource::jsonl)) == "jsonl");
  CHECK(std::string(reckon::to_string(reckon::AnchorSource::config)) == "config");
  CHECK(std::string(reckon::to_string(reckon::AnchorSource::cli)) == "cli");
}

TEST_CASE("to_iso writes an anchor as a date or a date and minute", "[document]") {
  reckon::Anchor anchor;
  anchor.day = date::local_days{date::year{2025} / 8 / 12};
  CHECK(reckon::to_iso(anchor) == "2025-08-12");
  anchor.time_of_day = std::chrono::hours{9} + std::chrono::minutes{5};
  CHECK(reckon::to_iso(anchor) == "2025-08-12T09:05");
  anchor.time_of_day = std::chrono::hours{23} + std::chrono::minutes{59};
  CHECK(reckon::to_iso(anchor) == "2025-08-12T23:59");
}

TEST_CASE("a document without a source map maps offsets within its own text", "[document]") {
  Document d;
  d.text = "one\ntwo\n";
  CHECK(reckon::source_position(d, 5).line == 2);
  CHECK(reckon::source_position(d, 5).column == 2);
  CHECK(reckon::source_offset(d, 5) == 5);
}

TEST_CASE("\"-\" reads JSON Lines from standard input", "[ingest][inputs]") {
  std::istringstream fake_stdin{"{\"id\": \"in-1\", \"text\": \"From a pipe.\"}\n"};
  std::streambuf* saved = std::cin.rdbuf(fake_stdin.rdbuf());
  std::vector<Document> documents;
  try {
    documents = reckon::read_all({"-"}, {});
  } catch (...) {
    std::cin.rdbuf(saved);
    throw;
  }
  std::cin.rdbuf(saved);
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].id == "in-1");
  CHECK(documents[0].path == "-");
}

TEST_CASE("a hidden file named on the command line is read", "[ingest][inputs]") {
  const auto documents = reckon::read_all({fixtures + "/corpus/.hidden.txt"}, {});
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].id == ".hidden.txt");
}

TEST_CASE("with an error handler, every bad input is reported and the good ones still read", "[ingest][inputs]") {
  std::vector<std::string> ids;
  std::vector<std::string> errors;
  reckon::read_inputs({fixtures + "/empty.txt", "/nonexistent/reckon.txt", fixtures + "/corpus/b.txt"}, {},
                      [&](Document&& d) { ids.push_back(d.id); },
                      [&](const reckon::SourceError& e) { errors.push_back(e.file() + " " + e.what()); });
  CHECK(ids == std::vector<std::string>{"b.txt"});
  REQUIRE(errors.size() == 2);
  CHECK_THAT(errors[0], StartsWith(fixtures + "/empty.txt empty file"));
  CHECK_THAT(errors[1], StartsWith("/nonexistent/reckon.txt no such file"));
}

TEST_CASE("an error thrown by the sink ends reading even with an error handler", "[ingest][inputs]") {
  std::size_t reported = 0;
  const auto error = caught([&] {
    reckon::read_inputs(
        {fixtures + "/corpus"}, {},
        [](Document&& d) { throw reckon::SourceError("out.json", {}, "cannot write the output for " + d.id); },
        [&](const reckon::SourceError&) { ++reported; });
  });
  CHECK(error.file() == "out.json");
  CHECK(reported == 0);
}

TEST_CASE("a directory without documents is an error", "[ingest][inputs]") {
  const auto dir = std::filesystem::temp_directory_path() / ("reckon-empty-dir-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "sub");
  std::ofstream(dir / ".hidden.txt") << "Hidden text.";
  std::ofstream(dir / "reckon.toml") << "";
  const auto error = caught([&] { reckon::read_all({dir.string()}, {}); });
  std::filesystem::remove_all(dir);
  CHECK(error.file() == dir.string());
  CHECK_THAT(error.what(), StartsWith("no documents in the directory"));
}

TEST_CASE("a binary file is refused from its first block, without reading it whole", "[ingest][inputs]") {
  reckon::IngestOptions options;
  const auto error = caught([&] { reckon::read_all({"/dev/zero"}, options); });
  CHECK(line_col(error.where()) == "1:1");
  CHECK_THAT(error.what(), StartsWith("binary file (NUL byte at byte offset 0"));
}
