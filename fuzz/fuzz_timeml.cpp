// The TimeML reader: the tag scanner, attributes, entities and character references, CDATA,
// comments and declarations, DCT anchors, gold TIMEX3/EVENT/<s> spans, strict and lenient UTF-8;
// then the document is tagged against its DCT as `reckon eval timeml` does. Also the .xml sniffing
// that decides whether a file is TimeML.
#include <optional>
#include <string>

#include "engine/ingest.hpp"
#include "engine/tagger.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using reckon::fuzz::expect;

constexpr std::string_view path = "fuzz.tml";

std::optional<reckon::Document> read(std::string_view input, bool lenient) {
  reckon::IngestOptions options;
  options.lenient = lenient;
  try {
    return reckon::read_timeml(path, std::string(path), input, options);
  } catch (const reckon::SourceError& error) {
    expect(error.file() == path, "a reading error names the file");
    expect(*error.what() != '\0', "a reading error says what is wrong");
    reckon::fuzz::expect_inside(input, error.where().line, error.where().column,
                                "a reading error points into the file");
    return std::nullopt;
  }
}

template <typename Span>
void expect_inside_text(const std::vector<Span>& spans, const reckon::Document& document, const char* what) {
  for (const Span& span : spans) expect(span.start <= span.end && span.end <= document.text.size(), what);
}

void analyse(std::string_view input, const reckon::Document& document) {
  reckon::fuzz::expect_sound_document(document, input);
  expect_inside_text(document.gold_timexes, document, "gold timexes lie inside the text");
  expect_inside_text(document.gold_events, document, "gold events lie inside the text");
  expect_inside_text(document.sentences, document, "marked sentences lie inside the text");
  for (const auto& gold : document.gold_timexes) {
    const reckon::SourcePosition where = reckon::source_position(document, gold.start);
    reckon::fuzz::expect_inside(input, where.line, where.column, "a gold timex maps back into the file");
  }
  const auto timexes = reckon::tag(document);
  reckon::fuzz::expect_ordered_spans(timexes, document.text.size(), "timexes are in order and never overlap");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = reckon::fuzz::as_text(data, size);
  (void)reckon::format_of("fuzz.xml", input);
  if (const auto strict = read(input, false))
    analyse(input, *strict);
  else if (const auto repaired = read(input, true))
    analyse(input, *repaired);
  return 0;
}
