#pragma once
// Helpers shared by the ingest tests.
#include <functional>
#include <stdexcept>
#include <string>

#include "engine/document.hpp"
#include "engine/source_error.hpp"

namespace reckon::testing {

// The SourceError `body` throws; any other outcome fails the test.
inline SourceError caught(const std::function<void()>& body) {
  try {
    body();
  } catch (const SourceError& error) {
    return error;
  }
  throw std::logic_error("expected a SourceError, but none was thrown");
}

// "LINE:COLUMN", so that positions compare and print in one piece.
inline std::string line_col(SourcePosition position) {
  return std::to_string(position.line) + ":" + std::to_string(position.column);
}

// The text a span covers.
inline std::string span_text(const Document& document, std::size_t start, std::size_t end) {
  return document.text.substr(start, end - start);
}

}  // namespace reckon::testing
