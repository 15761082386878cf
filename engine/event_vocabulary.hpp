#pragma once
// The event vocabulary: which words and phrases report which kind of event. A shipped default
// (see docs/events.md) that TOML `[events]` extends with extra words per type. Verbs are given
// as lemmas and inflected by a small morphology table ("meet" → meet, meets, met, meeting).
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/events_text.hpp"

namespace reckon {

enum class TriggerKind {
  noun,  // "summit", "phone call": participants come from its own phrase ("between X and Y")
  verb,  // "met", "spoke by telephone": the clause's subject takes part too
};

struct TriggerPattern {
  std::vector<std::string> words;  // lower-case words of the phrase, one inflected form
  std::string type;                // event type: meeting, summit, call...
  TriggerKind kind = TriggerKind::noun;
  // Ambiguous words ("spoke with", "called", "conversation") report an event only when a named
  // person takes part ("Trump called Putin", not "called for a ceasefire").
  bool needs_person = false;
};

struct TriggerMatch {
  const TriggerPattern* pattern = nullptr;
  std::size_t length = 0;  // tokens covered (hyphens included)
};

// The forms of a verb: base, third person, past (and participle), present participle. Irregular
// verbs come from a table ("meet" → "met", "speak" → "spoke", "spoken").
std::vector<std::string> verb_forms(std::string_view lemma);

class EventVocabulary {
 public:
  EventVocabulary() = default;  // empty; see defaults()

  // The shipped vocabulary: meeting, summit, call, visit, interview, statement, deadline, attack,
  // agreement, election, resignation.
  static EventVocabulary defaults();

  // A noun or noun phrase, taken as written (and its plural when it is one word).
  void add_noun(std::string_view type, std::string_view phrase, bool needs_person = false);
  // A verb phrase by its lemma: its first word is inflected ("hold talks" → held talks...).
  void add_verb(std::string_view type, std::string_view phrase, bool needs_person = false);

  // Every pattern whose words start at token `i` (case-insensitive), longest first, then in
  // registration order (a noun before the verb spelled the same: "calls", "visit").
  std::vector<TriggerMatch> matches(std::string_view text, const std::vector<events_text::Token>& tokens,
                                    std::size_t i) const;

  // Whether some pattern starts with this word (as written): a cheap test that lets a reader
  // skip sentences in which no trigger can start.
  // Inline, as readers ask it of nearly every word.
  bool may_start_trigger(std::string_view word) const {
    std::size_t const bit = filter_bit(word);
    if ((first_word_filter_[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) return false;
    return by_first_word_.find(word) != by_first_word_.end();
  }

  // Whether a word of a tokenized sentence (events_text::tokenize over `text`) may start a
  // trigger: the sentences without one hold no event mention.
  bool may_start_trigger_in(std::string_view text, const std::vector<events_text::Token>& tokens) const {
    for (const events_text::Token& t : tokens)
      if (t.kind == events_text::TokenKind::word && may_start_trigger(events_text::text_of(text, t))) return true;
    return false;
  }

  const std::vector<TriggerPattern>& patterns() const noexcept { return patterns_; }

 private:
  void insert(TriggerPattern pattern);
  std::vector<TriggerPattern> patterns_;
  // ASCII case-insensitive hashing and equality, so running text is looked up as written.
  struct FoldedHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view word) const noexcept;
  };
  struct FoldedEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept;
  };
  // A cheap first test of a word before the hash lookup: bits by length and the letters at its ends.
  static constexpr unsigned kFilterBitsLog2 = 14;
  // Two bytes from each end and the length, mixed by one multiplication: common words that start
  // no trigger ("the", "said", "minister") rarely share a bit with the vocabulary's. Setting 0x20
  // folds ASCII case (and maps other bytes consistently, which is all a filter needs).
  static std::size_t filter_bit(std::string_view word) noexcept {
    std::size_t const n = word.size();
    if (n == 0) return 0;
    auto const at = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(word[k])}; };
    std::uint64_t const key = (at(0) | at(n > 1 ? 1 : 0) << 8 | at(n - 1) << 16 | at(n > 1 ? n - 2 : 0) << 24 |
                               0x20202020ull) |
                              std::uint64_t{n} << 32;
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kFilterBitsLog2));
  }
  std::array<std::uint64_t, (std::size_t{1} << kFilterBitsLog2) / 64> first_word_filter_{};
  // Lower-case first word (up to its first hyphen) → patterns, longest first.
  std::unordered_map<std::string, std::vector<std::size_t>, FoldedHash, FoldedEqual> by_first_word_;
};

}  // namespace reckon
