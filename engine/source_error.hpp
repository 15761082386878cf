#pragma once
// An input error that points at its source: file, line and column (1-based), as every user-facing
// error in reckon does. Thrown at the edges (ingest, output); the CLI prints it as
// "FILE:LINE:COL: error: MESSAGE" and exits 2.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace reckon {

struct SourcePosition {
  std::size_t line = 0;    // 1-based; 0 when the error concerns the file as a whole
  std::size_t column = 0;  // 1-based, counted in bytes
};

class SourceError : public std::runtime_error {
 public:
  SourceError(std::string file, SourcePosition where, std::string message)
      : std::runtime_error(message), file_(std::move(file)), where_(where) {}

  const std::string& file() const noexcept { return file_; }
  SourcePosition where() const noexcept { return where_; }

 private:
  std::string file_;
  SourcePosition where_;
};

// Line and column of a byte offset in a text (1-based).
SourcePosition position_of(std::string_view text, std::size_t offset) noexcept;

}  // namespace reckon
