#pragma once
// What the fuzz targets share: the input as text, and checks that turn a broken promise of the
// code under test into an abort, which libFuzzer records as a finding like any crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/utf8.hpp"

namespace reckon::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

inline void expect(bool holds, const char* promise) {
  if (holds) return;
  std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
  std::abort();
}

// An error position points into the input it is reported against: line 0 (the file as a whole)
// or a line that exists, at a column no further than one past that line's last byte.
inline void expect_inside(std::string_view input, std::size_t line, std::size_t column, const char* what) {
  if (line == 0) return;
  std::size_t start = 0;
  for (std::size_t n = 1; n < line; ++n) {
    const std::size_t newline = input.find('\n', start);
    expect(newline != std::string_view::npos, what);
    start = newline + 1;
  }
  const std::size_t newline = input.find('\n', start);
  const std::size_t length = (newline == std::string_view::npos ? input.size() : newline) - start;
  expect(column >= 1 && column <= length + 1, what);
}

// Spans [start, end) lie inside a text of `size` bytes, in order and without overlapping.
template <typename Span>
void expect_ordered_spans(const std::vector<Span>& spans, std::size_t size, const char* what) {
  std::size_t previous_end = 0;
  for (const Span& span : spans) {
    expect(span.start >= previous_end && span.start <= span.end && span.end <= size, what);
    previous_end = span.end;
  }
}

// What every reader promises of the documents it returns: the text is valid UTF-8 without NUL,
// every text offset maps back into the source it was read from, and so does the place of the
// first lenient repair.
inline void expect_sound_document(const Document& document, std::string_view source) {
  const std::size_t source_size = source.size();
  expect(is_valid_utf8(document.text), "document text is valid UTF-8 without NUL");
  if (document.utf8_replacements > 0) {
    expect(document.first_utf8_replacement.line > 0, "a document with repairs says where the first was");
    expect_inside(source, document.first_utf8_replacement.line, document.first_utf8_replacement.column,
                  "the first lenient repair is in the file");
  }
  expect(document.source_map.empty() || document.source_map.front().text_offset == 0,
         "the source map starts at text offset 0");
  for (std::size_t i = 1; i < document.source_map.size(); ++i)
    expect(document.source_map[i - 1].text_offset < document.source_map[i].text_offset,
           "the source map is sorted by text offset");
  for (const std::size_t offset : {std::size_t{0}, document.text.size() / 2, document.text.size()})
    expect(source_offset(document, offset) <= source_size, "text offsets map into the source");
}

}  // namespace reckon::fuzz
