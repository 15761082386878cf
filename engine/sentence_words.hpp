#pragma once
// A document's sentences read into words once: tokens, word classes, gazetteer places and person
// names of every non-boilerplate sentence, kept packed between the two passes of the events
// stage. Name collection (pass 1) and the sentence reader (pass 3, see events.hpp) both need
// them; reading them costs more than keeping them (8 bytes a token, 10 a name: about twice the
// text). Given the event vocabulary, it also notes which sentences have a word a trigger may start
// with: only those does the sentence reader need, so the others' words can go once names are
// collected (release_sentences_without_triggers).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/entities.hpp"
#include "engine/event_vocabulary.hpp"
#include "engine/events_text.hpp"
#include "engine/segment.hpp"

namespace reckon {

class SentenceWords {
 public:
  SentenceWords() = default;
  // Tokenizes every non-boilerplate sentence and looks up its token_facts(). With a vocabulary
  // (which must outlive this object), notes the sentences where one of its triggers may start.
  SentenceWords(const Document& document, const std::vector<Sentence>& sentences,
                const EventVocabulary* vocabulary = nullptr);

  // The vocabulary whose trigger starts were noted, or null.
  const EventVocabulary* vocabulary() const noexcept { return vocabulary_; }
  // Whether a trigger of vocabulary() may start in sentence `index` (a word of it may begin one).
  // True for every sentence when no vocabulary was given.
  bool may_hold_trigger(std::size_t index) const {
    return vocabulary_ == nullptr || (flags_[index] & kMayHoldTrigger) != 0;
  }
  // Drops the tokens, names and places of the sentences that hold no trigger start: read() and
  // names() give nothing for them afterwards, so the words are then fit only for extracting
  // mentions with that same vocabulary. Without a vocabulary, does nothing.
  void release_sentences_without_triggers();

  // Sentence `index`'s tokens and facts, as events_text::tokenize() and token_facts() give them
  // (a boilerplate sentence has none). `sentence` is that sentence.
  void read(std::size_t index, const Sentence& sentence, std::vector<events_text::Token>& tokens,
            TokenFacts& facts) const;

  // Sentence `index`'s find_person_names(), without their `title` (which nobody reading them
  // here asks for; it stays empty).
  void names(std::size_t index, const Sentence& sentence, std::vector<PersonName>& out) const;

  // Whether sentence `index` is set in title case (events_text::title_case).
  bool title_case(std::size_t index) const { return (flags_[index] & kTitleCase) != 0; }

 private:
  static constexpr std::uint8_t kTitleCase = 1;
  static constexpr std::uint8_t kMayHoldTrigger = 2;

  // Eight bytes a token: offsets within a sentence fit 16 bits, since split_sentences() cuts every
  // sentence at 2 KiB (the constructor refuses a sentence past 64 KiB).
  struct PackedToken {
    std::uint16_t offset = 0;  // from the sentence's start
    std::uint16_t length = 0;
    std::uint16_t word_class = 0;
    std::uint8_t kind = 0;
    std::uint8_t case_bits = 0;  // 1 capitalised, 2 all caps
  };
  struct PackedName {
    std::uint16_t first_token = 0;  // within the sentence
    std::uint16_t last_token = 0;
    std::uint16_t span_offset = 0;  // span_start, from the sentence's start
    std::uint16_t words = 0;
    bool titled = false;
    bool possessive = false;
  };
  // Sixteen bytes a gazetteer place instead of PlaceMatch's forty: its canonical name points into
  // the gazetteer, which lives as long as the program.
  struct Place {
    const char* canonical = nullptr;
    std::uint32_t token = 0;  // index into tokens_
    std::uint16_t canonical_size = 0;
    std::uint8_t level = 0;
    std::uint8_t tokens = 0;
  };

  std::string_view text_;  // the document's
  std::vector<PackedToken> tokens_;
  std::vector<std::uint32_t> first_token_;  // per sentence, and one past the last
  std::vector<PackedName> names_;
  std::vector<std::uint32_t> first_name_;   // per sentence, and one past the last
  std::vector<std::uint8_t> flags_;         // per sentence: kTitleCase, kMayHoldTrigger
  std::vector<Place> places_;               // in token order
  const EventVocabulary* vocabulary_ = nullptr;
};

}  // namespace reckon
