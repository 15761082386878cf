#pragma once
// A small, fixed vocabulary looked up per word of running text: words of up to 16 ASCII bytes,
// case-folded and packed into two integers, in an open-addressing table built once. Lookups
// compare integers, never strings, and allocate nothing.
#include <array>
#include <cstddef>
#include <cstdint>
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
  static std::size_t index(const WordKey& key) noexcept {
    std::uint64_t h = key.low * 0x9E3779B97F4A7C15ull ^ (key.high + 0x632BE59BD9B4E019ull);
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return static_cast<std::size_t>(h) & (Slots - 1);
  }

  std::array<WordKey, Slots> keys_{};
  std::array<Value, Slots> values_{};
  std::array<bool, Slots> used_{};
};

}  // namespace reckon::grammar
