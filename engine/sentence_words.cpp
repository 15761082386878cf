#include "engine/sentence_words.hpp"

#include <algorithm>
#include <limits>

namespace reckon {
namespace {

using events_text::Token;
using events_text::TokenKind;

static_assert(events_text::name_suffix <= std::numeric_limits<std::uint16_t>::max(),
              "every word class fits a packed token");

}  // namespace

SentenceWords::SentenceWords(const Document& document, const std::vector<Sentence>& sentences) {
  first_token_.reserve(sentences.size() + 1);
  std::vector<Token> tokens;  // one sentence at a time, reused
  TokenFacts facts;
  for (const Sentence& s : sentences) {
    std::size_t const first = tokens_.size();
    first_token_.push_back(first);
    if (s.boilerplate) continue;
    events_text::tokenize(document.text, s.start, s.end, tokens);
    token_facts(document.text, tokens, facts);
    tokens_.resize(first + tokens.size());
    PackedToken* out = tokens_.data() + first;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      if (facts.places[k]) places_.push_back({first + k, *facts.places[k]});
      out[k] = {static_cast<std::uint32_t>(t.start - s.start), static_cast<std::uint32_t>(t.end - t.start),
                static_cast<std::uint16_t>(facts.classes[k]), static_cast<std::uint8_t>(t.kind),
                static_cast<std::uint8_t>((t.capitalised ? 1 : 0) | (t.all_caps ? 2 : 0))};
    }
  }
  first_token_.push_back(tokens_.size());
  tokens_.shrink_to_fit();
}

void SentenceWords::read(std::size_t index, const Sentence& sentence, std::vector<Token>& tokens,
                         TokenFacts& facts) const {
  std::size_t const first = first_token_[index];
  std::size_t const last = first_token_[index + 1];
  std::size_t const n = last - first;
  tokens.resize(n);
  facts.classes.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const PackedToken& p = tokens_[first + k];
    std::size_t const start = sentence.start + p.offset;
    tokens[k] = {start, start + p.length, static_cast<TokenKind>(p.kind), (p.case_bits & 1) != 0,
                 (p.case_bits & 2) != 0};
    facts.classes[k] = p.word_class;
  }
  facts.places.assign(n, std::nullopt);
  auto const starts_before = [](const Place& p, std::size_t token) { return p.token < token; };
  for (auto it = std::lower_bound(places_.begin(), places_.end(), first, starts_before);
       it != places_.end() && it->token < last; ++it) {
    facts.places[it->token - first] = it->match;
  }
}

}  // namespace reckon
