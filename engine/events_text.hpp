#pragma once
// Words of running text as the events and entities stages read them: tokens over a byte range of
// the document (never copies), UTF-8 aware capitalisation, possessive "'s" split off, acronyms
// ("U.S.") kept whole, and a lexicon of word classes (titles, nationalities, organisations,
// function words) that tells a name from the words around it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/word_table.hpp"

namespace reckon::events_text {

enum class TokenKind { word, number, possessive, punct };

struct Token {
  std::size_t start = 0;  // byte span in the text
  std::size_t end = 0;
  TokenKind kind = TokenKind::punct;
  bool capitalised = false;  // first letter upper-case (ASCII, Latin-1/Extended-A, Greek, Cyrillic)
  bool all_caps = false;     // every letter upper-case and at least two letters ("NATO", "U.S.")
};

// Tokens of text[from, to): words (letters, inner apostrophes: "won't", "O'Brien"), numbers,
// a possessive "'s"/"’s" as its own token, acronyms with periods ("U.S.", "D.C.") as one word,
// and every other non-space character (one UTF-8 sequence) as a punctuation token.
std::vector<Token> tokenize(std::string_view text, std::size_t from, std::size_t to);
// The same into `out` (cleared first), so a reader of many sentences reuses one buffer.
void tokenize(std::string_view text, std::size_t from, std::size_t to, std::vector<Token>& out);

// ASCII lower case of a token's text; other bytes unchanged.
std::string lower(std::string_view word);
// The same in place over data[0, n), eight bytes at a time.
void lower_in_place(char* data, std::size_t n) noexcept;

// A word with its letters folded for comparison: lower case, Latin diacritics removed ("é" → "e",
// "ł" → "l", "ß" → "ss"); other characters kept.
std::string fold(std::string_view word);

// fold() written into out[0, capacity) without allocating: the folded length, or capacity + 1
// when it does not fit (out then holds an unspecified prefix).
std::size_t fold_into(std::string_view word, char* out, std::size_t capacity) noexcept;

// Whether lower(word) == lower_case, without building lower(word).
bool equals_lower(std::string_view word, std::string_view lower_case) noexcept;

// Word classes of the lexicon; a word may have several.
enum WordClass : unsigned {
  title = 1u << 0,        // president, minister, secretary, spokeswoman, envoy, adviser
  honorific = 1u << 1,    // mr, mrs, ms, dr, messrs, sen, rep, gov, gen (usually with a period)
  role = 1u << 2,         // words that build titles: foreign, defense, prime, press, special, vice
  nationality = 1u << 3,  // russian, american, ukrainian, us, european
  organisation = 1u << 4, // department, house, ministry, office, council, union, news, kremlin
  function = 1u << 5,     // the, a, but, however, this, we, who...: never part of a name
  calendar = 1u << 6,     // months and weekdays
  particle = 1u << 7,     // von, van, de, bin, al: lower-case inside names
  plural_title = 1u << 8, // presidents, messrs, ministers, leaders: "Presidents X and Y"
  name_suffix = 1u << 9,  // jr, sr, ii, iii
};

unsigned word_class(std::string_view word) noexcept;  // case-insensitive; 0 when unknown

// grammar::word_key(word), built eight bytes at a time: the events stage looks up nearly every
// word of a sentence in a word table, some twice.
std::optional<grammar::WordKey> fast_word_key(std::string_view word) noexcept;

// Inline: every rule of the events stage asks them, token by token.
inline bool is_word(const Token& t) noexcept { return t.kind == TokenKind::word; }
inline std::string_view text_of(std::string_view text, const Token& t) noexcept {
  return text.substr(t.start, t.end - t.start);
}

// Whether a sentence is set in title case ("Rubio Meets With Lavrov to Discuss Ukraine
// Negotiations"): then capitalisation says nothing about names.
bool title_case(std::string_view text, const std::vector<Token>& tokens);

}  // namespace reckon::events_text
