#pragma once
// The cheap first pass of the tagger: positions in running text where a temporal expression can
// start. A position is a candidate when it begins a word whose lower-case form is a start word
// of the grammar ("yesterday", "last", "Tuesday", "three"...), a digit run, or "'80s"/"Q3".
// Weak start words ("the", "a", "this", "about"...) also need a temporal word right after them.
// One table lookup per word; no allocation.
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace reckon::grammar {

// Whether `word` (any case) can begin a temporal expression by itself.
bool is_start_word(std::string_view word) noexcept;

// Calls `visit(offset)` for every candidate position in text order. `visit` returns the offset
// where scanning resumes (at least offset + 1), so a caller that accepted a match skips it.
template <typename Visit>
void scan_candidates(std::string_view text, Visit&& visit);

// The candidate positions of a whole text (for tests and benchmarks).
std::vector<std::size_t> candidate_positions(std::string_view text);

namespace detail {

// What a word can do in an expression (bits).
enum WordClass : unsigned {
  not_temporal = 0,
  strong_start = 1u << 0,   // begins an expression by itself: "yesterday", "Tuesday"
  weak_start = 1u << 1,     // begins one when a temporal word follows: "past", "one"
  follower = 1u << 2,       // continues one: "days", "morning"
  the_start = 1u << 3,      // "the": begins one before a word that may follow "the"
  article_start = 1u << 4,  // "a", "an": before a unit or an amount word
  pair_start = 1u << 5,     // "at", "up", "more"...: only in "at least", "up to", "more than"
  after_the = 1u << 6,      // "the next day", "the 1990s", "the past"
  after_article = 1u << 7,  // "a year", "a few", "a couple"
  pair_follow = 1u << 8,    // "least", "to", "than"
  digits_next = 1u << 9,    // (class_of_next_word only) a number or "'80s" follows
  capitalised = 1u << 10,   // a start only when capitalised: month names ("may", "march")
  amount_start = 1u << 11,  // "about", "nearly": before a number or an amount word
  needs_third = 1u << 12,   // after "the", temporal only with a third word: "the same day"
  long_unit = 1u << 13,     // a unit that begins an expression before "-long": "day-long"
};

unsigned classify_word(std::string_view word) noexcept;

// The longest word the context checks compare the word before a match with ("throughout" and
// some room): a longer word never equals one of them.
inline constexpr std::size_t longest_context_word = 16;

// The word before `pos` (letters and dots: "Lt."), after blanks, for the context checks. At most
// its last `longest_context_word` bytes are read, so that "May.May.May..." does not read back to
// the start of the text for every "May".
std::string_view word_before(std::string_view text, std::size_t pos) noexcept;

// Character classes by table: the scanner looks at every byte of the text.
enum CharClass : unsigned char { letter = 1, digit = 2, opener = 4 };  // opener: ' and the first byte of ’
inline constexpr std::array<unsigned char, 256> char_classes = [] {
  std::array<unsigned char, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[std::size_t(c)] = letter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[std::size_t(c)] = letter;
  for (int c = '0'; c <= '9'; ++c) classes[std::size_t(c)] = digit;
  classes[std::size_t('\'')] = opener;
  classes[0xE2] = opener;
  return classes;
}();
constexpr unsigned char char_class(char c) noexcept { return char_classes[static_cast<unsigned char>(c)]; }

constexpr bool is_alpha(char c) noexcept { return (char_class(c) & letter) != 0; }
constexpr bool is_digit(char c) noexcept { return (char_class(c) & digit) != 0; }
constexpr bool is_alnum(char c) noexcept { return (char_class(c) & (letter | digit)) != 0; }

// The class of the word after position `pos` (skipping one hyphen and white space);
// `digits_next` when a number or an apostrophe follows.
unsigned class_of_next_word(std::string_view text, std::size_t pos) noexcept;

// At a word start `at`: whether an expression may begin there, and where the word ends.
struct Probe {
  bool candidate = false;
  std::size_t word_end = 0;
};
Probe probe(std::string_view text, std::size_t at) noexcept;

}  // namespace detail

template <typename Visit>
void scan_candidates(std::string_view text, Visit&& visit) {
  using namespace detail;
  std::size_t const n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (char_class(text[i]) == 0 || (i > 0 && is_alnum(text[i - 1]))) {
      ++i;
      continue;
    }
    Probe const p = probe(text, i);
    if (p.candidate) {
      std::size_t const next = visit(i);
      i = next > p.word_end ? next : p.word_end;
    } else {
      i = p.word_end > i ? p.word_end : i + 1;
    }
  }
}

}  // namespace reckon::grammar
