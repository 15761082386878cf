#pragma once
// People and places named in news text, and the one canonical name each goes by across a corpus.
//
// Names are found as runs of capitalised words, with titles and roles stripped ("Russian Foreign
// Minister Sergei Lavrov" → "Sergei Lavrov", "Mr. Trump" → "Trump"). They are canonicalised in
// this order: (1) the configured alias table; (2) variant matching without configuration, by a
// per-token spelling key that folds transliteration variants ("Sergei/Sergey/Sergej",
// "Zelensky/Zelenskyy/Zelenskiy"); (3) a bare surname resolves to the full name seen with that
// surname in the same document, else in the corpus. The canonical spelling is the configured
// name, else the most complete spelling seen (most words), then the most frequent, then the
// lexicographically first: a pure function of the corpus' names, whatever the document order.
//
// Two passes: `collect_names` over every document (independent, may run in parallel), then one
// `EntityTable` built from all of them, then the events stage asks it per mention.
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/document.hpp"
#include "engine/events_text.hpp"
#include "engine/segment.hpp"

namespace reckon {

// A configured entity: its canonical name and the other names it goes by (`[entities]` in TOML;
// the CLI converts config::Entity into this).
struct EntityAlias {
  std::string canonical;
  std::vector<std::string> aliases;
};

// A person's name as found in a sentence.
struct PersonName {
  std::size_t start = 0;       // byte span of the name itself ("Sergei Lavrov")
  std::size_t end = 0;
  std::size_t span_start = 0;  // where its title begins ("Russian Foreign Minister ..."), else start
  std::size_t first_token = 0; // token range [first_token, last_token) of the name
  std::size_t last_token = 0;
  std::string text;            // the name, words separated by single spaces
  std::string title;           // lower-case title words before it ("foreign minister"), or ""
  bool titled = false;         // a title or honorific precedes it ("President", "Mr.", "Messrs.")
  bool possessive = false;     // followed by "'s"
  std::size_t words = 0;       // name words, not counting particles, initials and suffixes
};

// A place from the gazetteer: countries, US states, capitals and major cities (data, not rules).
struct PlaceMatch {
  std::string_view canonical;  // "United States", "Alaska", "Anchorage"
  int level = 0;               // 0 country or region, 1 state or province, 2 city
  std::size_t tokens = 0;      // how many tokens matched
};

// The gazetteer place that starts at token `i` (longest match), if any.
std::optional<PlaceMatch> find_place(std::string_view text, const std::vector<events_text::Token>& tokens,
                                     std::size_t i);

// What the name and place rules ask of each token of a sentence, computed once: its word class
// (events_text::word_class) and the gazetteer place that starts there (capitalised words only).
struct TokenFacts {
  std::vector<unsigned> classes;
  std::vector<std::optional<PlaceMatch>> places;
};
TokenFacts token_facts(std::string_view text, const std::vector<events_text::Token>& tokens);
// The same into `facts`, reusing its buffers.
void token_facts(std::string_view text, const std::vector<events_text::Token>& tokens, TokenFacts& facts);

// Candidate person names among a sentence's tokens, in text order. A single untitled word
// ("Lavrov", "Asked") is a candidate only: EntityTable::person decides whether it is a person.
std::vector<PersonName> find_person_names(std::string_view text,
                                          const std::vector<events_text::Token>& tokens);
// The same with the sentence's token_facts() already at hand.
std::vector<PersonName> find_person_names(std::string_view text, const std::vector<events_text::Token>& tokens,
                                          const TokenFacts& facts);
// The same into `out` (replacing what it held), reusing its names' buffers.
void find_person_names(std::string_view text, const std::vector<events_text::Token>& tokens, const TokenFacts& facts,
                       std::vector<PersonName>& out);

// The variant-matching key of one name word: lower case without diacritics, then the spelling
// alternatives of transliteration folded: "x" → "ks"; a non-initial "y" → "i"; "j" after a vowel
// → "i"; a non-initial "w" → "v"; apostrophes dropped; doubled letters single. So "Sergey",
// "Sergej", "Sergei" → "sergei"; "Zelenskyy", "Zelenskiy", "Zelenskij" → "zelenski". Vowel
// endings are kept: "Ivan" and "Ivana", "Ivanov" and "Ivanova" are different people.
std::string name_key(std::string_view word);

// The identity key of a full name: the keys of its first and last words ("sergei|lavrov"),
// ignoring initials, particles and suffixes; of a one-word name, "|" and its key.
std::string person_key(std::string_view name);

// One person name a document uses, for building the table.
struct NameOccurrence {
  std::string doc;
  std::string name;  // titles stripped
  bool titled = false;
  std::size_t count = 1;  // how often the document writes it so
};

// Every multi-word person name and every titled surname in a document's non-boilerplate
// sentences (sentences set in title case are skipped: capitals there say nothing).
std::vector<NameOccurrence> collect_names(const Document& document, const std::vector<Sentence>& sentences);
// The same from the sentences' words read already (sentence_words.hpp).
class SentenceWords;
std::vector<NameOccurrence> collect_names(const Document& document, const std::vector<Sentence>& sentences,
                                          const SentenceWords& words);

class EntityTable {
 public:
  EntityTable() = default;
  // `names` from collect_names over the whole corpus, in any order.
  EntityTable(const std::vector<EntityAlias>& aliases, const std::vector<NameOccurrence>& names);

  // The canonical person a name as written in document `doc` refers to: a configured alias, a
  // known full name (variant spellings included), or a surname resolved within the document, then
  // the corpus. Nothing when a one-word name is no known person.
  std::optional<std::string> person(std::string_view name, std::string_view doc) const;

  // The canonical name of a place as written ("U.S." → "United States"): configured aliases
  // first, then the gazetteer.
  std::optional<std::string> place(std::string_view name) const;

 private:
  struct Group {
    std::string canonical;
    std::size_t count = 0;
  };
  std::optional<std::size_t> best_of(const std::vector<std::size_t>& groups) const;

  // Hash tables looked up by string_view: the events stage asks person() of every name candidate
  // of every sentence. Nothing iterates them, so their order cannot reach an output.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const noexcept { return std::hash<std::string_view>{}(key); }
  };
  template <typename Value>
  using KeyMap = std::unordered_map<std::string, Value, KeyHash, std::equal_to<>>;

  std::vector<Group> groups_;
  KeyMap<std::string> alias_exact_;  // folded text → canonical
  KeyMap<std::size_t> by_identity_;  // person_key → group
  KeyMap<std::vector<std::size_t>> by_surname_;
  KeyMap<KeyMap<std::vector<std::size_t>>> by_doc_surname_;  // document → surname key → groups
};

}  // namespace reckon
