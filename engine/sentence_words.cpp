#include "engine/sentence_words.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace reckon {
namespace {

using events_text::Token;
using events_text::TokenKind;

// A sentence's byte offsets must fit a PackedToken's 16 bits (and so must its token and name
// counts, which are smaller still).
constexpr std::size_t kMaxPackedSentence = std::numeric_limits<std::uint16_t>::max();

static_assert(events_text::name_suffix <= std::numeric_limits<std::uint16_t>::max(),
              "every word class fits a packed token");

// Token and name numbers are kept in 32 bits: a document would need 4 GiB of text to pass them.
std::uint32_t narrow(std::size_t count) {
  if (count > std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("SentenceWords: more tokens than 32 bits count");
  return static_cast<std::uint32_t>(count);
}

}  // namespace

SentenceWords::SentenceWords(const Document& document, const std::vector<Sentence>& sentences,
                             const EventVocabulary* vocabulary)
    : text_(document.text), vocabulary_(vocabulary) {
  first_token_.reserve(sentences.size() + 1);
  first_name_.reserve(sentences.size() + 1);
  // Running text has about one token in five bytes: reserving one in four spares the copies of
  // growing (and of shrinking to fit) for nearly every document.
  tokens_.reserve(document.text.size() / 4 + 16);
  flags_.assign(sentences.size(), 0);
  std::vector<Token> tokens;  // one sentence at a time, reused
  TokenFacts facts;
  std::vector<PersonName> sentence_names;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    std::size_t const first = tokens_.size();
    first_token_.push_back(narrow(first));
    first_name_.push_back(narrow(names_.size()));
    if (s.boilerplate) continue;
    if (s.end - s.start > kMaxPackedSentence)
      throw std::length_error("SentenceWords: a sentence longer than 64 KiB (split_sentences() gives at most 2 KiB)");
    events_text::tokenize(document.text, s.start, s.end, tokens);
    token_facts(document.text, tokens, facts);
    if (events_text::title_case(document.text, tokens)) flags_[i] |= kTitleCase;
    if (vocabulary != nullptr && vocabulary->may_start_trigger_in(document.text, tokens)) flags_[i] |= kMayHoldTrigger;
    find_person_names(document.text, tokens, facts, sentence_names);
    for (const PersonName& n : sentence_names) {
      names_.push_back({static_cast<std::uint16_t>(n.first_token), static_cast<std::uint16_t>(n.last_token),
                        static_cast<std::uint16_t>(n.span_start - s.start), static_cast<std::uint16_t>(n.words),
                        n.titled, n.possessive});
    }
    tokens_.resize(first + tokens.size());
    PackedToken* out = tokens_.data() + first;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      if (const auto& place = facts.places[k]) {
        if (place->canonical.size() > 0xFFFF || place->level < 0 || place->level > 0xFF || place->tokens > 0xFF)
          throw std::length_error("SentenceWords: a gazetteer place past what a packed place holds");
        places_.push_back({place->canonical.data(), narrow(first + k),
                           static_cast<std::uint16_t>(place->canonical.size()), static_cast<std::uint8_t>(place->level),
                           static_cast<std::uint8_t>(place->tokens)});
      }
      out[k] = {static_cast<std::uint16_t>(t.start - s.start), static_cast<std::uint16_t>(t.end - t.start),
                static_cast<std::uint16_t>(facts.classes[k]), static_cast<std::uint8_t>(t.kind),
                static_cast<std::uint8_t>((t.capitalised ? 1 : 0) | (t.all_caps ? 2 : 0))};
    }
  }
  first_token_.push_back(narrow(tokens_.size()));
  first_name_.push_back(narrow(names_.size()));
  names_.shrink_to_fit();
  places_.shrink_to_fit();
  // The reservation above is a guess on the high side; every document's words stay until its
  // events are read, and on huge pages unused room is resident memory all the same.
  tokens_.shrink_to_fit();
}

void SentenceWords::release_sentences_without_triggers() {
  if (vocabulary_ == nullptr) return;
  // Kept sentences move down in place, in order: a sentence's new place never lies after its old.
  std::size_t tokens_kept = 0;
  std::size_t names_kept = 0;
  std::size_t places_kept = 0;
  std::size_t place = 0;
  std::size_t const sentences = flags_.size();
  for (std::size_t i = 0; i < sentences; ++i) {
    std::size_t const first = first_token_[i];
    std::size_t const last = first_token_[i + 1];
    std::size_t const first_name = first_name_[i];
    std::size_t const last_name = first_name_[i + 1];
    first_token_[i] = static_cast<std::uint32_t>(tokens_kept);
    first_name_[i] = static_cast<std::uint32_t>(names_kept);
    bool const keep = (flags_[i] & kMayHoldTrigger) != 0;
    for (; place < places_.size() && places_[place].token < last; ++place) {
      if (!keep) continue;
      Place moved = places_[place];
      moved.token = static_cast<std::uint32_t>(moved.token - first + tokens_kept);
      places_[places_kept++] = moved;
    }
    if (!keep) continue;
    std::copy(tokens_.begin() + first, tokens_.begin() + last, tokens_.begin() + tokens_kept);
    std::copy(names_.begin() + first_name, names_.begin() + last_name, names_.begin() + names_kept);
    tokens_kept += last - first;
    names_kept += last_name - first_name;
  }
  first_token_[sentences] = static_cast<std::uint32_t>(tokens_kept);
  first_name_[sentences] = static_cast<std::uint32_t>(names_kept);
  tokens_.resize(tokens_kept);
  names_.resize(names_kept);
  places_.resize(places_kept);
  tokens_.shrink_to_fit();
  names_.shrink_to_fit();
  places_.shrink_to_fit();
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
    facts.places[it->token - first] =
        PlaceMatch{std::string_view(it->canonical, it->canonical_size), it->level, it->tokens};
  }
}

void SentenceWords::names(std::size_t index, const Sentence& sentence, std::vector<PersonName>& out) const {
  // Names already in `out` are overwritten in place, keeping their strings' buffers: callers
  // reuse one `out` for every sentence of a document.
  std::size_t used = 0;
  const PackedToken* tokens = tokens_.data() + first_token_[index];
  for (std::size_t k = first_name_[index]; k < first_name_[index + 1]; ++k) {
    const PackedName& p = names_[k];
    if (used == out.size()) out.emplace_back();
    PersonName& n = out[used++];
    n.text.clear();
    n.title.clear();
    n.first_token = p.first_token;
    n.last_token = p.last_token;
    n.start = sentence.start + tokens[p.first_token].offset;
    n.end = sentence.start + tokens[p.last_token - 1].offset + tokens[p.last_token - 1].length;
    n.span_start = sentence.start + p.span_offset;
    // The name's words as find_person_names() joins them: a space where the text has one.
    for (std::size_t t = p.first_token; t < p.last_token; ++t) {
      if (t > p.first_token && tokens[t - 1].offset + tokens[t - 1].length != tokens[t].offset) n.text += ' ';
      n.text += text_.substr(sentence.start + tokens[t].offset, tokens[t].length);
    }
    n.titled = p.titled;
    n.possessive = p.possessive;
    n.words = p.words;
  }
  out.resize(used);
}

}  // namespace reckon
