// The JSON Lines reader: line splitting, JSON syntax, the fields and their types, ids, NUL
// escapes, "published" dates and time zones, strict and lenient UTF-8, the line length limit;
// then each document is tagged against its own anchor.
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

// The documents read before the first error (all of them when there is none).
struct Read {
  std::vector<reckon::Document> documents;
  bool failed = false;
};

Read read(std::string_view input, bool lenient, std::size_t limit) {
  reckon::IngestOptions options;
  options.lenient = lenient;
  options.max_document_bytes = limit;
  Read result;
  std::istringstream in{std::string(input)};
  try {
    reckon::read_jsonl(path, in, options, [&](reckon::Document&& document) {
      result.documents.push_back(std::move(document));
    });
  } catch (const reckon::SourceError& error) {
    result.failed = true;
    expect(error.file() == path, "a reading error names the file");
    expect(*error.what() != '\0', "a reading error says what is wrong");
    reckon::fuzz::expect_inside(input, error.where().line, error.where().column,
                                "a reading error points into the file");
  }
  return result;
}

void analyse(std::string_view input, const std::vector<reckon::Document>& documents) {
  std::set<std::string_view> ids;
  for (const reckon::Document& document : documents) {
    expect(!document.id.empty() && ids.insert(document.id).second, "ids are non-empty and unique");
    reckon::fuzz::expect_sound_document(document, input.size());
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
  const reckon::IngestOptions defaults;
  const Read strict = read(input, false, defaults.max_document_bytes);
  analyse(input, strict.documents);
  if (strict.failed) analyse(input, read(input, true, defaults.max_document_bytes).documents);
  // A small limit makes some lines too long, including lines cut in the middle of a character.
  (void)read(input, true, 48);
  return 0;
}
