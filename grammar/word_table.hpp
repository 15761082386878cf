#pragma once
// A small, fixed vocabulary looked up per word of running text: words of up to 16 ASCII bytes,
// case-folded and packed into two integers, in an open-addressing table built once. Lookups
// compare integers, never strings, and allocate nothing.
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>

namespace reckon::grammar {

struct WordKey {
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  friend constexpr bool operator==(const WordKey&, const WordKey&) = default;
};

// The case-folded key of a word, or nothing when it is empty or longer than 16 bytes.
constexpr std::optional<WordKey> word_key(std::string_view word) noexcept {
  if (word.empty() || word.size() > 16) return std::nullopt;
  WordKey key;
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    auto const byte = std::uint64_t(static_cast<unsigned char>(c));
    if (i < 8) key.low |= byte << (8 * i);
    else key.high |= byte << (8 * (i - 8));
  }
  return key;
}

// Eight bytes with their ASCII capitals in lower case, other bytes as they are (as word_key does):
// a byte is a capital when its low seven bits are at least 'A' and at most 'Z' and its high bit
// is clear.
constexpr std::uint64_t lower_eight(std::uint64_t x) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x8080808080808080ull;
  std::uint64_t const low7 = x & ~highs;
  std::uint64_t const at_least_a = low7 + ones * (0x80 - 'A');
  std::uint64_t const above_z = low7 + ones * (0x80 - 'Z' - 1);
  std::uint64_t const capital = at_least_a & ~above_z & ~x & highs;
  return x | (capital >> 2);
}

// word_key() for running text: the same key, built with a few fixed-size loads that stay inside
// the word and lower-cased eight bytes at a time, instead of byte by byte.
inline std::optional<WordKey> fast_word_key(std::string_view word) noexcept {
  if constexpr (std::endian::native != std::endian::little) return word_key(word);
  if (word.empty() || word.size() > 16) return std::nullopt;
  const char* const p = word.data();
  std::size_t const n = word.size();
  std::uint64_t low = 0;
  std::uint64_t high = 0;
  if (n >= 8) {
    std::memcpy(&low, p, 8);
    if (n > 8) {
      std::memcpy(&high, p + n - 8, 8);  // the last eight bytes: keep those past the first eight
      high >>= (16 - n) * 8;
    }
  } else if (n >= 4) {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
    std::memcpy(&first, p, 4);
    std::memcpy(&last, p + n - 4, 4);  // overlaps `first` where n < 8: the same bytes
    low = first | (std::uint64_t{last} << ((n - 4) * 8));
  } else {
    for (std::size_t i = 0; i < n; ++i) low |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
  }
  WordKey key;
  key.low = lower_eight(low);
  key.high = lower_eight(high);
  return key;
}

// A word key mixed into 64 well-spread bits: WordTable's slot, and a hash for other tables keyed
// by folded words.
constexpr std::uint64_t mix(const WordKey& key) noexcept {
  std::uint64_t h = key.low * 0x9E3779B97F4A7C15ull ^ (key.high + 0x632BE59BD9B4E019ull);
  h ^= h >> 29;
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

template <typename Value, std::size_t Slots = 1024>
class WordTable {
  static_assert((Slots & (Slots - 1)) == 0, "Slots must be a power of two");

 public:
  // Adds `value` to a word's entry (values combine with |).
  void add(std::string_view word, Value value) {
    auto const key = word_key(word);
    if (!key) return;
    std::size_t slot = index(*key);
    while (used_[slot] && !(keys_[slot] == *key)) slot = (slot + 1) & (Slots - 1);
    used_[slot] = true;
    keys_[slot] = *key;
    values_[slot] = static_cast<Value>(values_[slot] | value);
  }

  // The word's value, or Value{} when the word is not in the table.
  Value find(std::string_view word) const noexcept {
    auto const key = word_key(word);
    return key ? find(*key) : Value{};
  }

  // The same by key, for callers that fold the word while reading it.
  Value find(const WordKey& key) const noexcept {
    std::size_t slot = index(key);
    while (used_[slot]) {
      if (keys_[slot] == key) return values_[slot];
      slot = (slot + 1) & (Slots - 1);
    }
    return Value{};
  }

 private:
  static std::size_t index(const WordKey& key) noexcept { return static_cast<std::size_t>(mix(key)) & (Slots - 1); }

  std::array<WordKey, Slots> keys_{};
  std::array<Value, Slots> values_{};
  std::array<bool, Slots> used_{};
};

}  // namespace reckon::grammar
