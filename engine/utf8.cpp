#include "engine/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace reckon {
namespace {

constexpr std::uint64_t low_bits = 0x0101010101010101ULL;
constexpr std::uint64_t high_bits = 0x8080808080808080ULL;

// True when the 8 bytes at p are all ASCII and none is NUL.
inline bool plain_ascii_word(const unsigned char* p) noexcept {
  std::uint64_t word = 0;
  std::memcpy(&word, p, sizeof word);
  const std::uint64_t has_zero = (word - low_bits) & ~word & high_bits;
  return ((word & high_bits) | has_zero) == 0;
}

inline bool in(unsigned char byte, unsigned char low, unsigned char high) noexcept {
  return byte >= low && byte <= high;
}

// Checks the sequence starting at p (p < end, *p >= 0x80). Returns its length when well-formed,
// or 0 and sets `bad` to the length of the maximal invalid subpart.
inline std::size_t check_sequence(const unsigned char* p, const unsigned char* end,
                                  std::size_t& bad) noexcept {
  const unsigned char lead = *p;
  std::size_t need = 0;
  unsigned char second_low = 0x80;
  unsigned char second_high = 0xBF;
  if (in(lead, 0xC2, 0xDF)) {
    need = 1;
  } else if (lead == 0xE0) {
    need = 2;
    second_low = 0xA0;
  } else if (in(lead, 0xE1, 0xEC) || in(lead, 0xEE, 0xEF)) {
    need = 2;
  } else if (lead == 0xED) {
    need = 2;
    second_high = 0x9F;
  } else if (lead == 0xF0) {
    need = 3;
    second_low = 0x90;
  } else if (in(lead, 0xF1, 0xF3)) {
    need = 3;
  } else if (lead == 0xF4) {
    need = 3;
    second_high = 0x8F;
  } else {
    bad = 1;
    return 0;
  }
  const std::size_t available = static_cast<std::size_t>(end - p) - 1;
  for (std::size_t i = 1; i <= need; ++i) {
    const unsigned char low = i == 1 ? second_low : 0x80;
    const unsigned char high = i == 1 ? second_high : 0xBF;
    if (i > available || !in(p[i], low, high)) {
      bad = i;
      return 0;
    }
  }
  return need + 1;
}

// The next problem at or after `p`; returns end when there is none.
inline const unsigned char* next_problem(const unsigned char* p, const unsigned char* end,
                                         std::size_t& bad) noexcept {
  while (p < end) {
    while (end - p >= 8 && plain_ascii_word(p)) p += 8;
    if (p == end) break;
    const unsigned char byte = *p;
    if (byte < 0x80) {
      if (byte == 0) {
        bad = 1;
        return p;
      }
      ++p;
      continue;
    }
    const std::size_t length = check_sequence(p, end, bad);
    if (length == 0) return p;
    p += length;
  }
  return end;
}

}  // namespace

Utf8Problem find_invalid_utf8(std::string_view bytes) noexcept {
  const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = begin + bytes.size();
  std::size_t bad = 0;
  const unsigned char* at = next_problem(begin, end, bad);
  if (at == end) return {bytes.size(), 0, false};
  return {static_cast<std::size_t>(at - begin), bad, *at == 0};
}

std::size_t repair_utf8(std::string_view bytes, std::string& out, std::vector<Utf8Replacement>* where) {
  out.clear();
  const auto* begin = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = begin + bytes.size();
  const unsigned char* p = begin;
  std::size_t count = 0;
  while (p < end) {
    std::size_t bad = 0;
    const unsigned char* problem = next_problem(p, end, bad);
    if (problem == end && count == 0) {
      out.assign(bytes);
      return 0;
    }
    if (count == 0) out.reserve(bytes.size() + 16);
    out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(problem - p));
    if (problem == end) break;
    if (where != nullptr) where->push_back({static_cast<std::size_t>(problem - begin), bad, out.size()});
    out.append(replacement_character);
    ++count;
    p = problem + bad;
  }
  return count;
}

void append_utf8(std::string& out, char32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

std::string hex_byte(unsigned char byte) {
  constexpr char digits[] = "0123456789abcdef";
  std::string text = "0x";
  text += digits[byte >> 4];
  text += digits[byte & 0x0F];
  return text;
}

}  // namespace reckon
