#pragma once
// Internals shared by the ingest readers (engine/ingest_*.cpp); not part of the public API.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/source_error.hpp"
#include "engine/utf8.hpp"

namespace reckon::ingest_detail {

// Builds Document::source_map while a reader copies text out of the bytes it scans. The scanned
// bytes are the original file (or line) after lenient UTF-8 repair, if any; positions reported
// are always those of the original bytes.
class SourceMapper {
 public:
  // `original`: the bytes as read; `repairs`: the replacements that turned them into the scanned
  // bytes (empty when nothing was repaired); `base_offset`/`base`: where `original` starts in
  // the file (a JSON Lines line starts mid-file).
  SourceMapper(std::string_view original, std::vector<Utf8Replacement> repairs, std::size_t base_offset = 0,
               SourcePosition base = {1, 1});

  // `length` bytes at scanned offset `scanned` were copied unchanged to text offset `text`.
  void copied(std::size_t text, std::size_t scanned, std::size_t length);
  // Text at offset `text` was produced from the construct at scanned offset `scanned` (an entity,
  // an escape sequence); the next copied() starts a new point.
  void produced(std::size_t text, std::size_t scanned);

  SourceMap take() const { return SourceMap(points_); }

  // Position in the file of a scanned offset; any order of calls.
  SourcePosition position(std::size_t scanned) const noexcept;
  std::size_t original_offset(std::size_t scanned) const noexcept;

 private:
  void add_point(std::size_t text, std::size_t original);

  static constexpr std::size_t checkpoint_interval = 4096;

  std::string_view original_;
  std::vector<Utf8Replacement> repairs_;
  std::size_t base_offset_;
  SourcePosition base_;
  std::vector<SourcePoint> points_;
  // Running position, so that building the map is linear in the input.
  std::size_t cursor_offset_ = 0;
  SourcePosition cursor_;
  // Where the last copied run ended, to merge runs that continue each other.
  std::size_t run_text_end_ = static_cast<std::size_t>(-1);
  std::size_t run_scanned_end_ = static_cast<std::size_t>(-1);
};

[[noreturn]] void fail(std::string_view path, SourcePosition where, std::string message);

inline bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char to_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view text) noexcept;
bool iequals(std::string_view a, std::string_view b) noexcept;
bool all_space(std::string_view text) noexcept;

// Message for invalid UTF-8 found by find_invalid_utf8, e.g. "invalid UTF-8 byte 0xff (expected
// UTF-8 text)".
std::string describe(const Utf8Problem& problem, std::string_view bytes);

// A date as the anchor of a document; fails with the position of `value` in the file.
Anchor parse_anchor_or_fail(std::string_view value, std::string_view path, SourcePosition where);

// How many bytes at the start of a file are searched for a NUL byte, the mark of a binary file.
inline constexpr std::size_t binary_probe_bytes = 8192;

// "a PNG image" when `first_bytes` start with a known binary file signature (or are the first 4
// or more bytes of one), else empty.
std::string_view binary_kind(std::string_view first_bytes) noexcept;

// Fails at the evidence when `bytes` (a file's first bytes, or all of them) are plainly not text:
// a known binary signature (at 1:1) or a NUL byte among the first binary_probe_bytes.
void refuse_binary(std::string_view path, std::string_view bytes);

// "document is larger than max_document_bytes, N bytes (expected ...)" for `what` = "document is
// larger".
std::string too_large(std::size_t limit, std::string_view what);

// Checks an IANA time zone name; returns an error message, empty when the zone exists.
std::string check_timezone(const std::string& name);

}  // namespace reckon::ingest_detail
