#pragma once
// The bytes a JSON string literal cannot hold as they are (control characters, '"' and '\\'),
// tested eight at a time: the writer escapes them, the reader stops at them.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace reckon {

// Whether any of the eight bytes in `word` is a control character, '"' or '\\': the usual "has a
// zero byte" test on the word and on its XOR with each special.
constexpr bool has_json_special_byte(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  auto const has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  bool const control = ((word - ones * 0x20) & ~word & highs) != 0;  // a byte below 0x20
  return control || has_zero(word ^ (ones * '"')) || has_zero(word ^ (ones * '\\'));
}

// Whether any of the eight bytes in `word` is '"' or '\\': where a JSON string literal's content
// stops being copied as it is.
constexpr bool has_quote_or_backslash(std::uint64_t word) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  auto const has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
  return has_zero(word ^ (ones * '"')) || has_zero(word ^ (ones * '\\'));
}

// The eight bytes of `s` from `at` (at + 8 <= s.size()).
inline std::uint64_t load_eight(std::string_view s, std::size_t at) noexcept {
  std::uint64_t word;
  std::memcpy(&word, s.data() + at, sizeof word);
  return word;
}

}  // namespace reckon
