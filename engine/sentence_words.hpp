#pragma once
// A document's sentences read into words once: tokens, word classes, gazetteer places and person
// names of every non-boilerplate sentence, kept packed between the two passes of the events
// stage. Name collection (pass 1) and the sentence reader (pass 3, see events.hpp) both need
// them; reading them costs more than keeping them (8 bytes a token, 10 a name: about twice the
// text).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/entities.hpp"
#include "engine/events_text.hpp"
#include "engine/segment.hpp"

namespace reckon {

class SentenceWords {
 public:
  SentenceWords() = default;
  // Tokenizes every non-boilerplate sentence and looks up its token_facts().
  SentenceWords(const Document& document, const std::vector<Sentence>& sentences);

  // Sentence `index`'s tokens and facts, as events_text::tokenize() and token_facts() give them
  // (a boilerplate sentence has none). `sentence` is that sentence.
  void read(std::size_t index, const Sentence& sentence, std::vector<events_text::Token>& tokens,
            TokenFacts& facts) const;

  // Sentence `index`'s find_person_names(), without their `title` (which nobody reading them
  // here asks for; it stays empty).
  void names(std::size_t index, const Sentence& sentence, std::vector<PersonName>& out) const;

  // Whether sentence `index` is set in title case (events_text::title_case).
  bool title_case(std::size_t index) const { return title_case_[index] != 0; }

 private:
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
  struct Place {
    std::size_t token = 0;  // index into tokens_
    PlaceMatch match;
  };

  std::string_view text_;  // the document's
  std::vector<PackedToken> tokens_;
  std::vector<std::size_t> first_token_;  // per sentence, and one past the last
  std::vector<PackedName> names_;
  std::vector<std::size_t> first_name_;  // per sentence, and one past the last
  std::vector<char> title_case_;          // per sentence
  std::vector<Place> places_;             // in token order
};

}  // namespace reckon
