#pragma once
// A configuration error that points at its source: file, line and column (1-based, 0 when the
// error concerns the file as a whole). what() is the message alone; the CLI prints
// "FILE:LINE:COL: error: MESSAGE" and exits 2.
#include <cstddef>
#include <stdexcept>
#include <string>

namespace reckon::config {

class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string file, std::size_t line, std::size_t column, const std::string& message)
      : std::runtime_error(message), file_(std::move(file)), line_(line), column_(column) {}

  const std::string& file() const noexcept { return file_; }
  std::size_t line() const noexcept { return line_; }
  std::size_t column() const noexcept { return column_; }

 private:
  std::string file_;
  std::size_t line_;
  std::size_t column_;
};

}  // namespace reckon::config
