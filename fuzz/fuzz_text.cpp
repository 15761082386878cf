// The plain-text reader: UTF-8 checks (strict, then lenient repair), the header block with its
// date and time zone, then what the pipeline does next with a text document: sentences, tagging
// against the header's anchor, and the dateline search.
#include <optional>
#include <string>

#include "engine/ingest.hpp"
#include "engine/pipeline.hpp"
#include "engine/segment.hpp"
#include "engine/tagger.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using reckon::fuzz::expect;

constexpr std::string_view path = "fuzz.txt";

std::optional<reckon::Document> read(std::string_view input, bool lenient) {
  reckon::IngestOptions options;
  options.lenient = lenient;
  try {
    return reckon::read_text(path, std::string(path), std::string(input), options);
  } catch (const reckon::SourceError& error) {
    expect(error.file() == path, "a reading error names the file");
    expect(*error.what() != '\0', "a reading error says what is wrong");
    reckon::fuzz::expect_inside(input, error.where().line, error.where().column,
                                "a reading error points into the file");
    return std::nullopt;
  }
}

void analyse(std::string_view input, const reckon::Document& document) {
  reckon::fuzz::expect_sound_document(document, input);
  const auto sentences = reckon::split_sentences(document.text);
  reckon::fuzz::expect_ordered_spans(sentences, document.text.size(), "sentences are in order and never overlap");
  const auto timexes = reckon::tag(document, sentences);
  reckon::fuzz::expect_ordered_spans(timexes, document.text.size(), "timexes are in order and never overlap");
  for (const auto& timex : timexes) {
    const reckon::SourcePosition where = reckon::source_position(document, timex.start);
    reckon::fuzz::expect_inside(input, where.line, where.column, "a timex maps back into the file");
  }
  (void)reckon::find_dateline(document, sentences, timexes);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = reckon::fuzz::as_text(data, size);
  if (const auto strict = read(input, false)) {
    // Without repairs the text is the file's tail: the body after the header block, byte for byte.
    expect(input.ends_with(strict->text), "the text is the body of the file as written");
    expect(reckon::source_offset(*strict, 0) == input.size() - strict->text.size(),
           "the text's first byte maps to the body's first byte");
    const auto lenient = read(input, true);
    expect(lenient && lenient->text == strict->text && lenient->utf8_replacements == 0,
           "lenient reading changes nothing in valid UTF-8");
    analyse(input, *strict);
  } else if (const auto repaired = read(input, true)) {
    analyse(input, *repaired);
  }
  return 0;
}
