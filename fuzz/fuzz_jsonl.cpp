// The JSON Lines reader: line splitting, JSON syntax, the fields and their types, ids, NUL
// escapes, "published" dates and time zones, strict and lenient UTF-8, the line length limit,
// stopping at the first bad line or going on past it; then each document is tagged against its
// own anchor.
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/ingest.hpp"
#include "engine/tagger.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using reckon::fuzz::expect;

constexpr std::string_view path = "fuzz.jsonl";

void expect_pointing(const reckon::SourceError& error, std::string_view input) {
  expect(error.file() == path, "a reading error names the file");
  expect(*error.what() != '\0', "a reading error says what is wrong");
  reckon::fuzz::expect_inside(input, error.where().line, error.where().column, "a reading error points into the file");
}

// The documents read, up to the first error unless `keep_going` passes bad lines to a handler.
struct Read {
  std::vector<reckon::Document> documents;
  bool failed = false;
};

Read read(std::string_view input, bool lenient, std::size_t limit, bool keep_going) {
  reckon::IngestOptions options;
  options.lenient = lenient;
  options.max_document_bytes = limit;
  Read result;
  std::istringstream in{std::string(input)};
  const auto sink = [&](reckon::Document&& document) { result.documents.push_back(std::move(document)); };
  const auto on_error = [&](const reckon::SourceError& error) {
    result.failed = true;
    expect_pointing(error, input);
  };
  try {
    if (keep_going)
      reckon::read_jsonl(path, in, options, sink, on_error);
    else
      reckon::read_jsonl(path, in, options, sink);
  } catch (const reckon::SourceError& error) {
    result.failed = true;
    expect_pointing(error, input);
  }
  return result;
}

void analyse(std::string_view input, const std::vector<reckon::Document>& documents) {
  std::set<std::string_view> ids;
  for (const reckon::Document& document : documents) {
    expect(!document.id.empty() && ids.insert(document.id).second, "ids are non-empty and unique");
    reckon::fuzz::expect_sound_document(document, input);
    const auto timexes = reckon::tag(document);
    reckon::fuzz::expect_ordered_spans(timexes, document.text.size(), "timexes are in order and never overlap");
    for (const auto& timex : timexes) {
      const reckon::SourcePosition where = reckon::source_position(document, timex.start);
      reckon::fuzz::expect_inside(input, where.line, where.column, "a timex maps back into the file");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = reckon::fuzz::as_text(data, size);
  const std::size_t limit = reckon::IngestOptions{}.max_document_bytes;
  const Read strict = read(input, false, limit, false);
  analyse(input, strict.documents);
  // Past the first error: lenient repair, and every good line read around the bad ones.
  if (strict.failed) analyse(input, read(input, true, limit, true).documents);
  // A small limit makes some lines too long, including lines cut in the middle of a character.
  (void)read(input, true, 48, true);
  return 0;
}
