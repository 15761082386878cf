#pragma once
// UTF-8 validation and repair for everything reckon reads. Well-formed means the byte sequences of
// Unicode 15, table 3-7 (no overlongs, no surrogates, nothing above U+10FFFF); NUL is refused too,
// since a NUL in news text means a binary or corrupted file. Runs on every input byte, so the
// validator is a tight loop with an 8-bytes-at-a-time ASCII fast path.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

// Where a text stops being valid UTF-8, and why.
struct Utf8Problem {
  std::size_t offset = 0;  // byte offset of the first byte of the bad sequence (or of the NUL)
  std::size_t length = 0;  // bytes in the maximal invalid subpart (1 for a NUL)
  bool nul = false;        // a NUL byte rather than an ill-formed sequence
};

// The first ill-formed sequence or NUL byte in `bytes`, or offset == bytes.size() when none.
Utf8Problem find_invalid_utf8(std::string_view bytes) noexcept;

// True when `bytes` is well-formed UTF-8 without NUL bytes.
inline bool is_valid_utf8(std::string_view bytes) noexcept {
  return find_invalid_utf8(bytes).offset == bytes.size();
}

// One replacement made by repair_utf8: `source_length` bytes at `source_offset` in the input became
// U+FFFD (3 bytes) at `text_offset` in the output.
struct Utf8Replacement {
  std::size_t source_offset = 0;
  std::size_t source_length = 0;
  std::size_t text_offset = 0;
};

inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

// Copies `bytes` to `out`, replacing each maximal invalid subpart and each NUL byte with U+FFFD
// (the "substitution of maximal subparts" practice of Unicode chapter 3). Returns the number of
// replacements; when `where` is given, appends one entry per replacement to it.
std::size_t repair_utf8(std::string_view bytes, std::string& out,
                        std::vector<Utf8Replacement>* where = nullptr);

// Appends the UTF-8 encoding of a code point (one up to U+10FFFF, not a surrogate).
void append_utf8(std::string& out, char32_t code);

// "0xff" for a byte, for error messages.
std::string hex_byte(unsigned char byte);

}  // namespace reckon
