#include "engine/events.hpp"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "engine/tense.hpp"
#include "grammar/word_table.hpp"

namespace reckon {
namespace {

using events_text::Token;
using events_text::TokenKind;
namespace wc = events_text;

constexpr std::size_t none = static_cast<std::size_t>(-1);

bool one_of(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Word lists the rules below consult. They are about English grammar, not about any corpus. Each
// list is a bit of one table built once, so a word is looked up once whatever it is asked.
enum CueList : unsigned {
  k_determiner = 1u << 0,
  k_reporting_verb = 1u << 1,
  k_auxiliary = 1u << 2,
  k_phrase_word = 1u << 3,
  k_bounding_word = 1u << 4,
  k_relating_word = 1u << 5,
  k_clause_word = 1u << 6,
  k_negator = 1u << 7,
  k_proposal_cue = 1u << 8,
  k_schedule_cue = 1u << 9,
  k_light_verb = 1u << 10,
  k_noun_marker = 1u << 11,
  k_verb_marker = 1u << 12,
};

using CueTable = grammar::WordTable<unsigned, 1024>;

CueTable build_cues() {
  CueTable t;
  auto const add = [&](std::initializer_list<std::string_view> words, unsigned bit) {
    for (auto w : words) t.add(w, bit);
  };
  add({"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
                    "my", "your", "any", "some", "another", "each", "every", "both"},
      k_determiner);
  // After these the next word is a noun ("a phone", "his visit"); other determiners may stand
  // before a verb ("both met", "they each signed").
  add({"a", "an", "the", "his", "her", "its", "their", "our", "my", "your"}, k_noun_marker);
  // After these the next word is a verb ("to deal with", "will meet", "we meet").
  add({"to", "will", "would", "could", "can", "should", "may", "might", "must", "not", "didn't", "don't", "doesn't",
       "won't", "never", "i", "we", "they", "he", "she", "you", "who", "i'll", "we'll", "they'll", "he'll", "she'll",
       "you'll", "also", "and"},
      k_verb_marker);
  add({"said", "says", "say", "told", "tells", "added", "adding", "stated", "noted", "according",
                    "saying", "insisted", "argued", "explained", "wrote", "reported"},
      k_reporting_verb);
  add({"will", "would", "be", "is", "are", "was", "were", "been", "being", "has", "have", "had",
                    "take", "took", "takes", "taking", "place", "held", "scheduled", "set", "due", "expected",
                    "planned", "slated", "initially", "also", "then", "now", "later", "earlier"},
      k_auxiliary);
  add({"with", "between", "and", "by", "in", "at", "on", "of", "the", "a", "an", "his", "her",
                    "their", "its", "phone", "telephone", "video", "virtual", "from", "for", "to", "this",
                    "last", "next", "state", "city", "region", "capital", "alone", "only", "along"},
      k_phrase_word);
  add({"since", "until", "till", "before", "after", "by", "from", "through", "following", "prior",
                    "ahead", "than", "to", "of", "within", "past", "over", "throughout", "between"},
      k_bounding_word);
  add({"as", "ahead", "before", "after", "following", "prior", "since", "until", "amid", "despite",
                    "because", "including", "while", "instead", "than", "unlike"},
      k_relating_word);
  add({"that", "which", "who", "whom", "whose", "where", "when", "while", "because", "although",
                    "though", "if", "unless", "whether", "whereas", "but", "so"},
      k_clause_word);
  add({"not", "no", "never", "won't", "wouldn't", "didn't", "doesn't", "don't", "isn't", "aren't",
                    "wasn't", "weren't", "hasn't", "haven't", "hadn't", "cannot", "can't", "couldn't",
                    "shouldn't", "refused", "refuses", "refuse", "refusing", "declined", "declines",
                    "declining", "denied", "denies", "deny", "denying", "rejected", "rejects", "rejecting",
                    "cancelled", "canceled", "cancel", "cancels", "without", "nor", "neither"},
      k_negator);
  add({"would", "could", "might", "may", "should", "if", "unless", "proposed", "propose", "proposes",
                    "proposing", "proposal", "floated", "floats", "floating", "suggested", "suggests",
                    "suggesting", "possible", "possibly", "potential", "prospective", "any", "offered", "offer",
                    "offers", "invitation", "invited", "invite", "wants", "want", "wanted", "hopes", "hope",
                    "hoped", "seeks", "seek", "sought", "urged", "urges", "encouraged", "encourages", "whether",
                    "considering", "consider", "considers", "mulling", "idea", "must", "need", "needs"},
      k_proposal_cue);
  add({"will", "shall", "i'll", "we'll", "he'll", "she'll", "they'll", "you'll", "it'll",
                    "scheduled", "plans", "plan", "planned", "planning", "upcoming", "future", "next",
                    "expected", "slated", "due", "intends", "intend", "aims", "forthcoming", "gonna",
                    "preparing", "prepare", "prepared"},
      k_schedule_cue);
  // Verbs that take an event noun as their object and make their subject a participant ("held
  // talks", "had a conversation", "engaged in a phone call").
  for (auto lemma : {"hold", "have", "conduct", "host", "engage", "make", "pay", "give", "issue", "deliver",
                     "release", "sign", "reach", "strike", "broker", "launch", "set", "win", "stage", "arrange",
                     "request", "seek", "propose", "accept", "schedule", "plan", "agree"}) {
    for (const auto& f : verb_forms(lemma)) t.add(f, k_light_verb);
  }
  return t;
}

unsigned cues(std::string_view w) {
  static const CueTable table = build_cues();
  auto const key = wc::fast_word_key(w);
  return key ? table.find(*key) : 0u;
}

// What a punctuation token is, as bits: the rules ask of every token whether it is a comma, a
// quotation mark..., and a bit test spares comparing its text each time.
enum PunctMark : std::uint8_t {
  m_comma = 1u << 0,
  m_period = 1u << 1,
  m_hyphen = 1u << 2,
  m_quote = 1u << 3,          // " ' and the curly ones
  m_open_paren = 1u << 4,     // (
  m_close_paren = 1u << 5,    // )
  m_clause_mark = 1u << 6,    // ; : [ ] ? ! and the em and en dashes: they end a clause
};

std::uint8_t punct_mark(std::string_view p) {
  if (p.size() == 1) {
    switch (p[0]) {
      case ',': return m_comma;
      case '.': return m_period;
      case '-': return m_hyphen;
      case '"':
      case '\'': return m_quote;
      case '(': return m_open_paren;
      case ')': return m_close_paren;
      case ';':
      case ':':
      case '[':
      case ']':
      case '?':
      case '!': return m_clause_mark;
      default: return 0;
    }
  }
  if (p.size() == 3 && p[0] == '\xE2' && p[1] == '\x80') {
    switch (p[2]) {
      case '\x93':  // en dash
      case '\x94':  // em dash
        return m_clause_mark;
      case '\x98':
      case '\x99':
      case '\x9C':
      case '\x9D': return m_quote;
      default: return 0;
    }
  }
  return 0;
}

bool speech_type(std::string_view type) { return type == "interview" || type == "statement"; }

struct Person {
  std::size_t first = 0;  // token range
  std::size_t last = 0;
  std::size_t span_start = 0;  // bytes, title included
  std::size_t end = 0;
  std::string canonical;
  bool possessive = false;  // "Putin's spokesman", or a modifier: "the Trump administration"
};

struct Trigger {
  std::size_t first = 0;  // token range
  std::size_t last = 0;
  const TriggerPattern* pattern = nullptr;
  TriggerKind kind = TriggerKind::noun;
  std::size_t verb = none;  // the light verb that governs a noun trigger, or the verb trigger itself
};

// The buffers a SentenceReader fills, kept from one sentence to the next so that reading a
// document allocates only while its longest sentence grows them.
struct SentenceScratch {
  std::vector<Token> tokens;
  TokenFacts facts;
  std::vector<PersonName> names;
  bool title_case = false;
  std::string lowered;
  std::vector<std::string_view> words;
  std::vector<unsigned> cues;
  std::vector<std::uint8_t> marks;
  std::vector<Person> people;
  std::vector<std::size_t> person_of;
  std::vector<std::size_t> timex_of;
  std::vector<std::string> places;
  std::vector<int> place_level;
  std::vector<std::size_t> place_of;
  std::vector<Trigger> triggers;
  std::vector<std::size_t> trigger_of;
  std::vector<std::size_t> clause;
  std::vector<char> hard_boundary;  // find_clauses: where a clause must end, where one does
  std::vector<char> boundary;
};

// One sentence, read once: its tokens, their facts and its names (already in the scratch) and
// what each token is part of.
class SentenceReader {
 public:
  SentenceReader(const Document& document, const Sentence& sentence, std::size_t index, SentenceScratch& scratch,
                 const std::vector<Timex>& timexes, std::span<const std::size_t> sentence_timexes,
                 const EventVocabulary& vocabulary, const EntityTable& entities)
      : doc_(document),
        text_(document.text),
        sentence_(sentence),
        index_(index),
        timexes_(timexes),
        vocabulary_(vocabulary),
        entities_(entities),
        tokens_(scratch.tokens),
        headline_(scratch.title_case),
        names_(scratch.names),
        facts_(scratch.facts),
        lowered_(scratch.lowered),
        words_(scratch.words),
        cues_(scratch.cues),
        marks_(scratch.marks),
        people_(scratch.people),
        person_of_(scratch.person_of),
        timex_of_(scratch.timex_of),
        places_(scratch.places),
        place_level_(scratch.place_level),
        place_of_(scratch.place_of),
        triggers_(scratch.triggers),
        trigger_of_(scratch.trigger_of),
        clause_(scratch.clause),
        hard_(scratch.hard_boundary),
        boundary_(scratch.boundary) {
    // The sentence in lower case once; each token's word is a view into it.
    std::size_t const end = std::min(sentence.end, text_.size());
    std::size_t const begin = std::min(sentence.start, end);
    lowered_.assign(text_.substr(begin, end - begin));
    wc::lower_in_place(lowered_.data(), lowered_.size());
    words_.clear();
    for (const Token& t : tokens_) words_.push_back(std::string_view(lowered_).substr(t.start - begin, t.end - t.start));
    cues_.clear();
    for (std::string_view w : words_) cues_.push_back(cues(w));
    marks_.clear();
    for (const Token& t : tokens_) marks_.push_back(t.kind == TokenKind::punct ? punct_mark(wc::text_of(text_, t)) : 0);
    people_.clear();
    places_.clear();
    place_level_.clear();
    triggers_.clear();
    person_of_.assign(tokens_.size(), none);
    timex_of_.assign(tokens_.size(), none);
    place_of_.assign(tokens_.size(), none);
    trigger_of_.assign(tokens_.size(), none);
    find_timexes(sentence_timexes);
    find_people();
    find_places();
    find_triggers();
    find_clauses();
  }

  std::vector<Mention> mentions() const;

 private:
  void find_timexes(std::span<const std::size_t> candidates);
  void find_people();
  void add_person(std::size_t first, std::size_t last, std::size_t span_start, std::string canonical,
                  bool possessive);
  void find_places();
  void find_triggers();
  void find_clauses();

  bool word(std::size_t k) const { return k < tokens_.size() && tokens_[k].kind == TokenKind::word; }
  std::string_view lw(std::size_t k) const { return k < words_.size() ? words_[k] : std::string_view(); }
  bool is(std::size_t k, unsigned list) const { return k < cues_.size() && (cues_[k] & list) != 0; }
  unsigned word_class(std::size_t k) const { return k < tokens_.size() ? facts_.classes[k] : 0u; }
  // Whether token k is punctuation of one of the kinds `marks` (PunctMark bits) names.
  bool mark(std::size_t k, unsigned marks) const { return k < marks_.size() && (marks_[k] & marks) != 0; }
  bool comma(std::size_t k) const { return mark(k, m_comma); }
  bool hyphen(std::size_t k) const { return mark(k, m_hyphen); }
  bool quote(std::size_t k) const { return mark(k, m_quote); }
  bool entity_token(std::size_t k) const {
    return person_of_[k] != none || place_of_[k] != none || timex_of_[k] != none;
  }
  bool usable_timex(std::size_t t) const;
  std::size_t timex_first_token(std::size_t t) const;

  std::optional<Mention> mention_for(const Trigger& trigger) const;
  std::size_t light_verb_of(const Trigger& trigger) const;
  std::size_t phrase_end(std::size_t from, std::size_t clause) const;
  std::optional<std::size_t> governing_timex(const Trigger& trigger) const;
  std::optional<std::size_t> timex_in(std::size_t from, std::size_t to) const;
  bool aside(std::size_t from, std::size_t to) const;
  std::optional<std::size_t> relative_clause_timex(const Trigger& trigger) const;
  std::size_t relative_clause_after(const Trigger& trigger) const;
  std::vector<std::size_t> participants(const Trigger& trigger, bool& own_phrase_named) const;
  std::optional<std::string> place_of(const Trigger& trigger) const;
  std::size_t clause_subject(std::size_t k) const;
  Modality modality_of(const Trigger& trigger, Tense tense) const;

  const Document& doc_;
  std::string_view text_;
  const Sentence& sentence_;
  std::size_t index_;
  const std::vector<Timex>& timexes_;
  const EventVocabulary& vocabulary_;
  const EntityTable& entities_;
  // The rest lives in the SentenceScratch the reader was given.
  const std::vector<Token>& tokens_;
  bool headline_ = false;
  const std::vector<PersonName>& names_;  // the sentence's find_person_names()
  TokenFacts& facts_;                     // word classes and gazetteer places per token
  std::string& lowered_;                  // the sentence's text in lower case
  std::vector<std::string_view>& words_;  // each token's text in lowered_
  std::vector<unsigned>& cues_;           // each token's word lists (CueList bits)
  std::vector<std::uint8_t>& marks_;      // each token's PunctMark bits (0 for words)
  std::vector<Person>& people_;
  std::vector<std::size_t>& person_of_;  // token → index into people_
  std::vector<std::size_t>& timex_of_;   // token → index into timexes_
  std::vector<std::string>& places_;
  std::vector<int>& place_level_;
  std::vector<std::size_t>& place_of_;  // token → index into places_ (gazetteer places)
  std::vector<Trigger>& triggers_;
  std::vector<std::size_t>& trigger_of_;  // token → index into triggers_
  std::vector<std::size_t>& clause_;      // token → clause number
  std::vector<char>& hard_;               // find_clauses' buffers
  std::vector<char>& boundary_;
};

// `candidates` index the timexes that start inside the sentence, in text order: one pass over
// them and the tokens together, so a document's cost stays linear in its length.
void SentenceReader::find_timexes(std::span<const std::size_t> candidates) {
  std::size_t k = 0;
  for (std::size_t const t : candidates) {
    const Timex& x = timexes_[t];
    if (x.start < sentence_.start || x.end > sentence_.end) continue;
    while (k < tokens_.size() && tokens_[k].start < x.start) ++k;
    for (std::size_t j = k; j < tokens_.size() && tokens_[j].start < x.end; ++j)
      if (tokens_[j].end <= x.end && (timex_of_[j] == none || timex_of_[j] < t)) timex_of_[j] = t;  // overlaps: the later index
  }
}

void SentenceReader::add_person(std::size_t first, std::size_t last, std::size_t span_start, std::string canonical,
                                bool possessive) {
  for (std::size_t k = first; k < last; ++k)
    if (timex_of_[k] != none) return;
  if (last < tokens_.size() && tokens_[last].kind == TokenKind::word && !tokens_[last].capitalised &&
      (word_class(last) & wc::organisation) != 0) {
    possessive = true;
  }
  Person p{first, last, span_start, tokens_[last - 1].end, std::move(canonical), possessive};
  for (std::size_t k = first; k < last; ++k) person_of_[k] = people_.size();
  people_.push_back(std::move(p));
}

void SentenceReader::find_people() {
  for (const PersonName& n : names_) {
    // A multi-word run nobody knows, holding an event word ("Summit Talks"), is no name. Asked
    // only of names the entity table does not know: most names are known.
    auto const event_word = [&] {
      for (std::size_t k = n.first_token; k < n.last_token; ++k)
        if (!vocabulary_.matches(text_, tokens_, k).empty()) return true;
      return false;
    };
    if (auto c = entities_.person(n.text, doc_.id)) {
      add_person(n.first_token, n.last_token, n.span_start, std::move(*c), n.possessive);
    } else if (!headline_ && (n.words >= 2 || n.titled) && !event_word()) {
      add_person(n.first_token, n.last_token, n.span_start, n.text, n.possessive);
    } else if (n.words >= 2) {
      // In title case, capitals mark every word: keep only the words that are known people.
      for (std::size_t k = n.first_token; k < n.last_token; ++k) {
        if (auto c = entities_.person(wc::text_of(text_, tokens_[k]), doc_.id)) {
          bool const possessive = k + 1 < tokens_.size() && tokens_[k + 1].kind == TokenKind::possessive;
          add_person(k, k + 1, tokens_[k].start, std::move(*c), possessive);
        }
      }
    }
  }
}

void SentenceReader::find_places() {
  for (std::size_t k = 0; k < tokens_.size(); ++k) {
    if (person_of_[k] != none || timex_of_[k] != none) continue;
    const auto& match = facts_.places[k];
    if (!match) continue;
    for (std::size_t j = k; j < k + match->tokens && j < tokens_.size(); ++j) place_of_[j] = places_.size();
    places_.emplace_back(match->canonical);
    place_level_.push_back(match->level);
    k += match->tokens - 1;
  }
}

void SentenceReader::find_triggers() {
  for (std::size_t k = 0; k < tokens_.size(); ++k) {
    if (!word(k) || entity_token(k)) continue;
    // Most words start no trigger: a cheap test before the full match.
    if (!vocabulary_.may_start_trigger(wc::text_of(text_, tokens_[k]))) continue;
    auto const matches = vocabulary_.matches(text_, tokens_, k);
    if (matches.empty()) continue;
    std::size_t const length = matches.front().length;
    bool clear = true;
    for (std::size_t j = k; j < k + length; ++j)
      if (person_of_[j] != none || timex_of_[j] != none) clear = false;
    if (!clear) continue;
    const TriggerPattern* noun = nullptr;
    const TriggerPattern* verb = nullptr;
    for (const auto& m : matches) {
      if (m.length != length) continue;
      if (m.pattern->kind == TriggerKind::noun && !noun) noun = m.pattern;
      if (m.pattern->kind == TriggerKind::verb && !verb) verb = m.pattern;
    }
    std::string_view const before = k > 0 ? lw(k - 1) : "";
    std::string_view const after = lw(k + length);
    // After "to", a modal or a pronoun the word is a verb; after "and" only when it can be no noun.
    bool const verbal_context = k > 0 && is(k - 1, k_verb_marker) && !(before == "and" && noun);
    bool const person_next = k + length < tokens_.size() && person_of_[k + length] != none &&
                             !(person_of_[k + length] != none && people_[person_of_[k + length]].possessive);
    bool const after_noun_marker = k > 0 && is(k - 1, k_noun_marker);
    const TriggerPattern* chosen = noun;
    if (verb && !after_noun_marker && (verbal_context || person_next || !noun)) chosen = verb;
    if (!chosen || (chosen == noun && verbal_context && before != "and")) continue;
    // "call for", "calls on", "so-called": no telephone in sight.
    if (chosen->type == "call" && chosen->kind == TriggerKind::noun && chosen->words.size() == 1) {
      if (after == "for" || after == "to" || (after == "on" && !(k + length + 1 < tokens_.size() &&
                                                               timex_of_[k + length + 1] != none))) {
        continue;
      }
    }
    if (chosen->kind == TriggerKind::verb && chosen->type == "call" && k >= 2 && hyphen(k - 1) &&
        lw(k - 2) == "so") {
      continue;
    }
    // "are met with resistance", "is called the ...": a passive that names no event.
    if (chosen->kind == TriggerKind::verb && one_of(lw(k), {"met", "called"}) &&
        one_of(before, {"is", "are", "was", "were", "be", "been", "being", "so"})) {
      continue;
    }
    Trigger t{k, k + length, chosen, chosen->kind, chosen->kind == TriggerKind::verb ? k : none};
    for (std::size_t j = k; j < k + length; ++j) trigger_of_[j] = triggers_.size();
    triggers_.push_back(t);
    k += length - 1;
  }
}

void SentenceReader::find_clauses() {
  std::size_t const n = tokens_.size();
  std::vector<char>& hard = hard_;
  hard.assign(n, 0);
  for (std::size_t k = 0; k < n; ++k) {
    const Token& t = tokens_[k];
    if (t.kind == TokenKind::punct) {
      bool const spaced_hyphen = hyphen(k) && (k == 0 || tokens_[k - 1].end < t.start) &&
                                 (k + 1 >= n || tokens_[k + 1].start > t.end);
      // A period after a long word ends a sentence the segmenter did not split ("Russia.\u00A0Trump").
      bool const full_stop = mark(k, m_period) && k > 0 && tokens_[k - 1].end - tokens_[k - 1].start > 3;
      hard[k] = mark(k, m_clause_mark | m_open_paren | m_close_paren) || spaced_hyphen || full_stop;
      continue;
    }
    if (!word(k) || tokens_[k].capitalised || entity_token(k)) continue;
    std::string_view const w = lw(k);
    if (is(k, k_clause_word)) {
      // "that meeting": a determiner, not a clause.
      hard[k] = !(w == "that" && k + 1 < n && trigger_of_[k + 1] != none);
    } else if (w == "to" && word(k + 1) && !tokens_[k + 1].capitalised && !entity_token(k + 1) &&
               !is(k + 1, k_determiner) && trigger_of_[k + 1] == none &&
               !(k > 0 && one_of(lw(k - 1), {"according", "prior", "thanks", "owing", "next", "close", "compared",
                                             "contrary", "up"}))) {
      // An infinitive: "to prepare for the summit" is a clause of its own; "according to aides"
      // and the other compound prepositions are not.
      hard[k] = true;
    }
  }
  // A comma ends a clause unless what follows is only a name, a title or a place (an appositive:
  // ", the Russian foreign minister,"; ", Alaska,"), or it closes such an appositive.
  auto const nominal = [&](std::size_t from, std::size_t to) {
    if (from >= to) return false;
    for (std::size_t k = from; k < to; ++k) {
      const Token& t = tokens_[k];
      if (entity_token(k) || t.kind == TokenKind::possessive || t.kind == TokenKind::number) continue;
      if (t.kind == TokenKind::punct) {
        if (mark(k, m_hyphen | m_period | m_quote)) continue;
        return false;
      }
      if (t.capitalised) continue;
      unsigned const cls = word_class(k);
      if ((cls & (wc::title | wc::role | wc::nationality | wc::organisation)) != 0) continue;
      if (one_of(lw(k), {"the", "a", "an", "of", "and", "his", "her", "its", "their"})) continue;
      return false;
    }
    return true;
  };
  std::vector<char>& boundary = boundary_;
  boundary.assign(hard.begin(), hard.end());
  bool closing = false;
  for (std::size_t k = 0; k < n; ++k) {
    if (!comma(k)) continue;
    std::size_t end = k + 1;
    while (end < n && !comma(end) && !hard[end]) ++end;
    if (nominal(k + 1, end)) {
      closing = end < n && comma(end);
    } else if (closing) {
      closing = false;
    } else {
      boundary[k] = true;
    }
  }
  clause_.assign(n, 0);
  std::size_t id = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (boundary[k] && k > 0) ++id;
    clause_[k] = id;
  }
}

bool SentenceReader::usable_timex(std::size_t t) const {
  const Timex& x = timexes_[t];
  if (x.type != TimexType::date && x.type != TimexType::time) return false;
  if (!x.interval || x.granularity == Granularity::unknown) return false;
  return x.value.find("_REF") == std::string::npos;
}

std::size_t SentenceReader::timex_first_token(std::size_t t) const {
  for (std::size_t k = 0; k < tokens_.size(); ++k)
    if (timex_of_[k] == t) return k;
  return none;
}

// Where the trigger's own phrase ends: it runs through names, places, times, prepositions and at
// most one other word ("the summit ended on Friday"), and stops at another trigger, a reporting or
// relating word ("said", "ahead of", "as part of") or its clause's end.
std::size_t SentenceReader::phrase_end(std::size_t from, std::size_t clause) const {
  std::size_t unknown = 0;
  std::size_t k = from;
  for (; k < tokens_.size() && k < from + 18; ++k) {
    if (clause_[k] != clause || trigger_of_[k] != none) break;
    if (entity_token(k)) {
      if (timex_of_[k] != none && (k == 0 || timex_of_[k - 1] != timex_of_[k])) {
        // A timex after "since"/"before"/... or before "'s" ("Tuesday's briefing") is not ours.
        std::size_t last = k;
        while (last + 1 < tokens_.size() && timex_of_[last + 1] == timex_of_[k]) ++last;
        bool const bounded = is(k, k_bounding_word) || (k > 0 && is(k - 1, k_bounding_word));
        bool const owned = last + 1 < tokens_.size() && tokens_[last + 1].kind == TokenKind::possessive;
        if (bounded || owned) break;
      }
      continue;
    }
    const Token& t = tokens_[k];
    if (t.kind == TokenKind::possessive || t.kind == TokenKind::number) continue;
    if (t.kind == TokenKind::punct) {
      if (mark(k, m_hyphen | m_period | m_comma | m_quote)) continue;
      break;
    }
    if (is(k, k_reporting_verb) || is(k, k_relating_word)) break;
    if (t.capitalised || is(k, k_phrase_word) || is(k, k_auxiliary)) continue;
    if ((word_class(k) & (wc::title | wc::role | wc::nationality | wc::organisation)) != 0) continue;
    if (++unknown > 1) break;
  }
  return k;
}

// The first usable timex that starts in [from, to).
std::optional<std::size_t> SentenceReader::timex_in(std::size_t from, std::size_t to) const {
  for (std::size_t k = from; k < to && k < tokens_.size(); ++k) {
    std::size_t const t = timex_of_[k];
    if (t == none || (k > from && timex_of_[k - 1] == t)) continue;
    if (usable_timex(t)) return t;
  }
  return std::nullopt;
}

// The clause right after the trigger's phrase when it is a relative clause on the trigger
// ("the meeting, which will take place on Friday"), else none.
std::size_t SentenceReader::relative_clause_after(const Trigger& trigger) const {
  std::size_t const stop = phrase_end(trigger.last, clause_[trigger.first]);
  std::size_t k = stop;
  while (k < tokens_.size() && comma(k)) ++k;
  if (k >= tokens_.size() || !one_of(lw(k), {"which", "that"})) return none;
  if (k == stop && !comma(stop - 1) && lw(k) == "that") return none;
  return clause_[k];
}

std::optional<std::size_t> SentenceReader::relative_clause_timex(const Trigger& trigger) const {
  std::size_t const clause = relative_clause_after(trigger);
  if (clause == none) return std::nullopt;
  std::size_t from = 0;
  while (from < tokens_.size() && clause_[from] != clause) ++from;
  std::size_t const to = phrase_end(from + 1, clause);
  return timex_in(from + 1, to);
}

std::size_t SentenceReader::light_verb_of(const Trigger& trigger) const {
  // Words that may stand between a light verb and its noun ("held a first direct meeting").
  auto const filler = [&](std::size_t j) {
    return is(j, k_determiner) || one_of(lw(j), {"in", "part", "first", "second", "new", "brief", "direct", "bilateral",
                                                 "and", "quite", "very", "rather", "so", "more", "most"});
  };
  std::size_t unknown = 0;
  std::size_t k = trigger.first;
  while (k > 0) {
    --k;
    if (clause_[k] != clause_[trigger.first] || trigger_of_[k] != none || entity_token(k)) return none;
    if (mark(k, m_quote | m_hyphen)) continue;
    if (!word(k)) return none;
    if (is(k, k_light_verb)) {
      // "has described the meeting": a form of "have" right before a participle is its auxiliary
      // ("had long talks" keeps its light verb).
      std::string_view const next = k + 1 < trigger.first ? lw(k + 1) : std::string_view();
      bool const participle = next.size() > 3 && (next.ends_with("ed") || next.ends_with("en"));
      return is(k, k_auxiliary) && participle ? none : k;
    }
    if (filler(k)) continue;
    if (tokens_[k].capitalised || ++unknown > 2 || is(k, k_auxiliary) || is(k, k_negator)) return none;
  }
  return none;
}

std::optional<std::size_t> SentenceReader::governing_timex(const Trigger& trigger) const {
  std::size_t const clause = clause_[trigger.first];
  // A pre-modifier: "an August 8 deadline", "Tuesday's press briefing", "last week's summit".
  if (trigger.kind == TriggerKind::noun && trigger.verb == none) {
    std::size_t k = trigger.first;
    if (k > 0 && !entity_token(k - 1) && word(k - 1) && !tokens_[k - 1].capitalised &&
        !is(k - 1, k_determiner) && !is(k - 1, k_phrase_word) && k > 1 && entity_token(k - 2)) {
      --k;  // one adjective between: "Friday's planned summit"
    }
    if (k > 0 && tokens_[k - 1].kind == TokenKind::possessive) --k;
    if (k > 0 && timex_of_[k - 1] != none && usable_timex(timex_of_[k - 1])) {
      std::size_t const first = timex_first_token(timex_of_[k - 1]);
      if (first == 0 || !is(first - 1, k_bounding_word)) return timex_of_[k - 1];
    }
  }
  // The trigger's own phrase: "spoke by telephone Tuesday", "meeting on Friday with Putin".
  std::size_t const stop = phrase_end(trigger.last, clause);
  if (auto t = timex_in(trigger.last, stop)) return t;
  if (auto t = relative_clause_timex(trigger)) return t;
  // A verb's clause before it: "Trump on Monday spoke with Putin", "On Monday, Trump called".
  if (trigger.verb == none) return std::nullopt;
  std::size_t from = trigger.verb;
  while (from > 0 && clause_[from - 1] == clause) --from;
  for (std::size_t k = trigger.verb; k > from;) {
    --k;
    if (trigger_of_[k] != none && trigger_of_[k] != trigger_of_[trigger.first]) return std::nullopt;
    if (is(k, k_reporting_verb)) return std::nullopt;
    std::size_t const t = timex_of_[k];
    if (t == none) continue;
    std::size_t const first = timex_first_token(t);
    if (!usable_timex(t) || (first > 0 && is(first - 1, k_bounding_word))) return std::nullopt;
    return t;
  }
  // A fronted adverbial that is nothing but a time: "On Friday morning, Trump will travel", also
  // when asides stand between it and the clause: "Yesterday, at the conference (WWDC), Jobs unveiled".
  // A time inside an aside counts too, and the finest of them wins ("In 2018, on July 16, Trump
  // met Putin": July 16; "Yesterday, at this year's conference": yesterday).
  if (from == 0 || !comma(from)) return std::nullopt;
  std::optional<std::size_t> finest;
  auto const consider = [&](std::size_t t) {
    auto const length = [&](std::size_t x) { return timexes_[x].interval->end - timexes_[x].interval->begin; };
    if (!finest || length(t) <= length(*finest)) finest = t;
  };
  while (clause_[from - 1] != 0) {
    std::size_t start = from - 1;
    while (start > 0 && clause_[start - 1] == clause_[from - 1]) --start;
    if (!aside(start, from)) return std::nullopt;
    for (std::size_t j = start; j < from; ++j) {
      std::size_t const t = timex_of_[j];
      if (t == none || (j > start && timex_of_[j - 1] == t) || !usable_timex(t)) continue;
      if (j > 0 && is(j - 1, k_bounding_word)) continue;
      consider(t);
    }
    from = start;
  }
  std::optional<std::size_t> found;
  for (std::size_t j = 0; j < from; ++j) {
    if (timex_of_[j] != none) {
      if (!usable_timex(timex_of_[j]) || (found && *found != timex_of_[j])) return std::nullopt;
      found = timex_of_[j];
    } else if (!one_of(lw(j), {"on", "in", "at", "during", "early", "late", "later", "earlier"})) {
      return std::nullopt;
    }
  }
  if (!found) return std::nullopt;  // asides alone do not date the clause: the time must come first
  consider(*found);
  return finest;
}

// Whether tokens [from, to), a clause, are an aside between a fronted time and its clause: set off
// by a comma or a bracket, a prepositional phrase or a bracketed name, with no event, report or
// subordinate clause of its own (", at this year's conference", "(WWDC)", ", according to aides").
bool SentenceReader::aside(std::size_t from, std::size_t to) const {
  if (from >= to || !mark(from, m_comma | m_open_paren | m_close_paren)) return false;
  std::size_t first_word = from + 1;
  while (first_word < to && !word(first_word)) ++first_word;
  if (comma(from) && first_word < to &&
      !one_of(lw(first_word), {"at", "in", "on", "during", "amid", "after", "before", "following", "according"}))
    return false;
  for (std::size_t k = from; k < to; ++k) {
    bool const reports = is(k, k_reporting_verb) && lw(k) != "according";  // "according to" attributes
    if (trigger_of_[k] != none || reports || is(k, k_clause_word)) return false;
  }
  return true;
}

std::vector<std::size_t> SentenceReader::participants(const Trigger& trigger, bool& own_phrase_named) const {
  std::vector<std::size_t> out;
  auto const add = [&](std::size_t p) {
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  std::size_t const clause = clause_[trigger.first];
  // Its own phrase: "with Lavrov", "between Presidents Donald Trump and Vladimir Putin".
  std::size_t const stop = phrase_end(trigger.last, clause);
  for (std::size_t k = trigger.last; k < stop; ++k) {
    std::size_t const p = person_of_[k];
    if (p != none && people_[p].first == k && !people_[p].possessive) add(p);
  }
  // Names before a noun: "Trump-Putin Alaska summit", "the Putin summit", "Putin's first visit".
  if (trigger.kind == TriggerKind::noun) {
    std::size_t k = trigger.first;
    for (std::size_t adjectives = 0; k > 1 && adjectives < 2 && word(k - 1) && !tokens_[k - 1].capitalised &&
                                     !entity_token(k - 1) && trigger_of_[k - 1] == none && !is(k - 1, k_determiner) &&
                                     !is(k - 1, k_phrase_word);
         ++adjectives) {
      --k;
    }
    // Adjectives are skipped only between a possessive and the noun.
    if (k != trigger.first && tokens_[k - 1].kind != TokenKind::possessive) k = trigger.first;
    while (k > 0) {
      --k;
      if (person_of_[k] != none) {
        add(person_of_[k]);
        continue;
      }
      if (place_of_[k] != none || hyphen(k) || tokens_[k].kind == TokenKind::possessive) continue;
      break;
    }
  }
  own_phrase_named = !out.empty();
  // "his meeting": the one person the sentence named before.
  for (std::size_t k = trigger.first, skipped = 0; k > 0 && skipped < 3; ++skipped) {
    --k;
    if (lw(k) == "his" || lw(k) == "her") {
      std::vector<std::string_view> before;
      std::optional<std::size_t> who;
      for (std::size_t j = 0; j < k; ++j) {
        std::size_t const p = person_of_[j];
        if (p == none || people_[p].first != j) continue;
        if (std::find(before.begin(), before.end(), people_[p].canonical) == before.end()) {
          before.push_back(people_[p].canonical);
          who = p;
        }
      }
      if (before.size() == 1) add(*who);
      break;
    }
    if (!word(k) || tokens_[k].capitalised || entity_token(k) || trigger_of_[k] != none) break;
  }
  // The subject of a verb, or of a light verb over a noun ("Rubio held talks with Lavrov").
  if (trigger.verb != none) {
    std::size_t from = trigger.verb;
    while (from > 0 && clause_[from - 1] == clause_[trigger.verb]) --from;
    // "Trump is scheduled to conduct a call": the infinitive's subject is the clause's before.
    while (from > 0 && lw(from) == "to") {
      std::size_t const previous = clause_[from - 1];
      while (from > 0 && clause_[from - 1] == previous) --from;
    }
    bool subject = false;
    for (std::size_t k = from; k < trigger.verb; ++k) {
      std::size_t const p = person_of_[k];
      if (p != none && people_[p].first == k && !people_[p].possessive) {
        add(p);
        subject = true;
      }
    }
    // "Lavrov, who met ...": the relative pronoun stands for the name before it.
    if (!subject && lw(from) == "who" && from >= 2 && comma(from - 1) && person_of_[from - 2] != none) {
      add(person_of_[from - 2]);
    }
  }
  // Interviews and statements: the speaker is the subject of the same clause or the one before
  // ("Rubio, in a radio interview", "Zelensky said in a statement"); not "according to a statement".
  bool const according = trigger.first >= 2 && lw(trigger.first - 2) == "to";
  if (speech_type(trigger.pattern->type) && !according) {
    for (std::size_t k = trigger.first; k > 0;) {
      --k;
      if (trigger_of_[k] != none || clause_[k] + 1 < clause) break;
      if (std::size_t const p = clause_subject(k); p != none) {
        add(p);
        break;
      }
    }
  }
  return out;
}

// The person that opens the clause of token k, after nothing but titles, determiners and
// punctuation ("Zelensky said", "White House press secretary Karoline Leavitt told"), else none.
std::size_t SentenceReader::clause_subject(std::size_t k) const {
  std::size_t from = k;
  while (from > 0 && clause_[from - 1] == clause_[k]) --from;
  for (std::size_t j = from; j < tokens_.size() && clause_[j] == clause_[k]; ++j) {
    std::size_t const p = person_of_[j];
    if (p != none) return people_[p].possessive ? none : p;
    if (tokens_[j].kind == TokenKind::punct) continue;
    if (!word(j)) return none;
    unsigned const cls = word_class(j);
    if (tokens_[j].capitalised && (cls & wc::function) == 0) continue;
    if ((cls & (wc::title | wc::role | wc::nationality | wc::organisation | wc::honorific)) != 0) continue;
    if (!is(j, k_determiner)) return none;
  }
  return none;
}

std::optional<std::string> SentenceReader::place_of(const Trigger& trigger) const {
  std::size_t const stop = phrase_end(trigger.last, clause_[trigger.first]);
  bool const visit = trigger.pattern->type == "visit";
  // "visited Kyiv": a visit's object is its place.
  if (visit && trigger.kind == TriggerKind::verb && trigger.last < tokens_.size() && place_of_[trigger.last] != none) {
    return places_[place_of_[trigger.last]];
  }
  for (std::size_t k = trigger.last; k < stop; ++k) {
    std::string_view const w = lw(k);
    if (!(w == "in" || w == "at" || (visit && w == "to"))) continue;
    // "in Anchorage, Alaska", "in the US state of Alaska": the most specific place named.
    std::optional<std::size_t> best;
    std::size_t j = k + 1;
    for (; j < stop; ++j) {
      if (place_of_[j] != none) {
        std::size_t const p = place_of_[j];
        if (!best || place_level_[p] > place_level_[*best]) best = p;
        continue;
      }
      if (comma(j) || one_of(lw(j), {"the", "state", "city", "region", "province", "capital", "town", "of",
                                     "port", "resort"})) {
        continue;
      }
      if (word(j) && tokens_[j].all_caps && j == k + 1) continue;
      break;
    }
    if (best) return places_[*best];
    // A capitalised word nobody knows, after "in": a place the gazetteer lacks ("in Sochi").
    std::size_t first = k + 1;
    if (lw(first) == "the") ++first;
    std::string name;
    for (std::size_t m = first; m < stop && word(m) && tokens_[m].capitalised && !entity_token(m) &&
                                trigger_of_[m] == none;
         ++m) {
      unsigned const cls = word_class(m);
      if ((cls & (wc::function | wc::calendar | wc::organisation | wc::nationality | wc::title | wc::role)) != 0) {
        name.clear();
        break;
      }
      if (!name.empty()) name += ' ';
      name += wc::text_of(text_, tokens_[m]);
    }
    if (!name.empty()) return entities_.place(name).value_or(name);
  }
  // A place right before a noun: "the Alaska summit" (but not "US-Russia summit").
  if (trigger.kind == TriggerKind::noun && trigger.first > 0) {
    std::size_t const k = trigger.first - 1;
    std::size_t const p = place_of_[k];
    if (p != none) {
      std::size_t first = k;
      while (first > 0 && place_of_[first - 1] == p) --first;
      if (!(first > 0 && hyphen(first - 1))) return places_[p];
    }
  }
  return std::nullopt;
}

Modality SentenceReader::modality_of(const Trigger& trigger, Tense tense) const {
  std::size_t const clause = clause_[trigger.first];
  std::size_t const head = trigger.verb != none ? trigger.verb : trigger.first;
  // Negation close to the trigger: "won't commit to Putin-Zelensky meeting", "did not meet",
  // "no meeting", "refusing to commit to a meeting".
  std::size_t unknown = 0;
  std::size_t current = clause;
  for (std::size_t k = head; k > 0 && head - k < 8;) {
    --k;
    if (clause_[k] != current) {
      if (lw(k + 1) != "to") break;  // "refusing to commit to a meeting": one clause for negation
      current = clause_[k];
    }
    if (trigger_of_[k] != none) break;
    std::string_view const w = lw(k);
    if (is(k, k_negator)) return Modality::denied;
    if (entity_token(k) || mark(k, m_hyphen | m_quote) || tokens_[k].kind == TokenKind::possessive) continue;
    if (tokens_[k].capitalised) continue;
    if (is(k, k_determiner) || is(k, k_auxiliary) ||
        one_of(w, {"to", "commit", "committed", "committing", "hold", "have", "any", "further", "yet", "even"})) {
      continue;
    }
    if (++unknown > 1) break;
  }
  // Cues in the clause before the trigger, right after a noun, and in a relative clause on it.
  bool proposed = false;
  bool scheduled = tense == Tense::future;
  auto const cue = [&](std::size_t k) {
    std::string_view const w = lw(k);
    if (tokens_[k].capitalised && k > 0 && w == "may") return;
    if (is(k, k_proposal_cue)) proposed = true;
    if (is(k, k_schedule_cue)) scheduled = true;
    if (w == "going" && lw(k + 1) == "to") scheduled = true;
    if ((w == "is" || w == "are" || w == "set") && lw(k + 1) == "to") scheduled = true;
  };
  for (std::size_t k = 0; k < head; ++k) {
    // "if everything works out, I'll meet": a condition in the clause before counts too.
    if ((lw(k) == "if" || lw(k) == "unless") && clause_[k] + 1 >= clause) proposed = true;
    if (clause_[k] == clause && trigger_of_[k] == none) cue(k);
  }
  if (trigger.kind == TriggerKind::noun && trigger.verb != none) cue(trigger.verb);  // "proposed a meeting"
  // A headline's "Rubio to meet Lavrov": a plan.
  if (trigger.kind == TriggerKind::verb && head >= 2 && lw(head - 1) == "to" && person_of_[head - 2] != none) {
    scheduled = true;
  }
  // "have met", "had spoken": done, whatever the tense around says.
  bool const perfect = trigger.kind == TriggerKind::verb && head > 0 && one_of(lw(head - 1), {"has", "have", "had"});
  if (perfect && !proposed) return Modality::happened;
  if (trigger.kind == TriggerKind::noun) {
    for (std::size_t k = trigger.last; k < tokens_.size() && k < trigger.last + 4; ++k) {
      if (clause_[k] != clause || trigger_of_[k] != none) break;
      if (is(k, k_negator) && k + 1 < tokens_.size() && one_of(lw(k + 1), {"take", "happen", "go", "be"})) {
        return Modality::denied;
      }
      cue(k);
    }
    std::size_t const relative = relative_clause_after(trigger);
    for (std::size_t k = 0; relative != none && k < tokens_.size(); ++k)
      if (clause_[k] == relative && trigger_of_[k] == none) cue(k);
  }
  if (proposed) return Modality::proposed;
  if (scheduled) return Modality::scheduled;
  return Modality::happened;
}

std::optional<Mention> SentenceReader::mention_for(const Trigger& found) const {
  Trigger trigger = found;
  if (trigger.kind == TriggerKind::noun) trigger.verb = light_verb_of(trigger);
  bool own_phrase_named = false;
  auto const people = participants(trigger, own_phrase_named);
  if (trigger.pattern->needs_person) {
    bool const named = trigger.kind == TriggerKind::verb ? own_phrase_named : !people.empty();
    if (!named) return std::nullopt;
  }
  Mention m;
  m.doc = doc_.id;
  m.sentence = index_;
  m.start = tokens_[trigger.first].start;
  m.end = tokens_[trigger.last - 1].end;
  m.trigger = std::string(text_.substr(m.start, m.end - m.start));
  m.type = trigger.pattern->type;
  for (std::size_t p : people) {
    const Person& person = people_[p];
    m.participants.push_back({person.canonical, person.span_start, person.end});
  }
  std::sort(m.participants.begin(), m.participants.end(),
            [](const Participant& a, const Participant& b) { return a.canonical < b.canonical; });
  m.participants.erase(std::unique(m.participants.begin(), m.participants.end(),
                                   [](const Participant& a, const Participant& b) { return a.canonical == b.canonical; }),
                       m.participants.end());
  m.place = place_of(trigger);
  if (auto const t = governing_timex(trigger)) m.time = timexes_[*t];
  // A verb's own form speaks for its tense ("met"), so the tense is read from just before it.
  std::size_t const tense_end = trigger.kind == TriggerKind::verb ? m.start : m.end;
  m.tense = detect_tense(text_, sentence_.start, sentence_.end, m.start, tense_end);
  m.modality = modality_of(trigger, m.tense);
  // A time after the document's day is still to come, whatever the tense says ("his summit in
  // Alaska Friday", written on Thursday).
  if (m.modality == Modality::happened && m.time && m.time->interval && doc_.anchor &&
      m.time->interval->begin >= date::local_seconds(doc_.anchor->day + date::days{1})) {
    m.modality = Modality::scheduled;
  }
  return m;
}

// A noun that says nothing about its event's status ("after that meeting"): it takes the status
// of another mention of the same event in its sentence.
bool bare_reference(const Mention& m, TriggerKind kind) {
  return kind == TriggerKind::noun && m.modality == Modality::happened && !m.time;
}

// Two mentions of one type in one sentence report one event unless their times or modalities
// tell them apart.
bool same_event(const Mention& a, TriggerKind a_kind, const Mention& b, TriggerKind b_kind) {
  if (a.type != b.type) return false;
  if (a.time && b.time && a.time->value != b.time->value) return false;
  return a.modality == b.modality || bare_reference(a, a_kind) || bare_reference(b, b_kind);
}

void merge_into(Mention& into, TriggerKind& into_kind, const Mention& from, TriggerKind from_kind) {
  for (const auto& p : from.participants) {
    auto const it = std::lower_bound(into.participants.begin(), into.participants.end(), p,
                                     [](const Participant& a, const Participant& b) { return a.canonical < b.canonical; });
    if (it == into.participants.end() || it->canonical != p.canonical) into.participants.insert(it, p);
  }
  if (!into.place) into.place = from.place;
  if (bare_reference(into, into_kind) && !bare_reference(from, from_kind)) {
    into.modality = from.modality;
    into_kind = from_kind;
  }
  if (!into.time) {
    into.time = from.time;
    into.tense = from.tense;
  }
}

std::vector<Mention> SentenceReader::mentions() const {
  std::vector<Mention> out;
  std::vector<TriggerKind> kinds;
  for (const Trigger& t : triggers_) {
    auto m = mention_for(t);
    if (!m) continue;
    std::size_t i = 0;
    while (i < out.size() && !same_event(out[i], kinds[i], *m, t.kind)) ++i;
    if (i < out.size()) {
      merge_into(out[i], kinds[i], *m, t.kind);
    } else {
      out.push_back(std::move(*m));
      kinds.push_back(t.kind);
    }
  }
  return out;
}

}  // namespace

std::vector<Mention> extract_mentions(const Document& document, const std::vector<Sentence>& sentences,
                                      const std::vector<Timex>& timexes, const EventVocabulary& vocabulary,
                                      const EntityTable& entities) {
  return extract_mentions(document, sentences, SentenceWords(document, sentences, &vocabulary), timexes, vocabulary,
                          entities);
}

std::vector<Mention> extract_mentions(const Document& document, const std::vector<Sentence>& sentences,
                                      const SentenceWords& words, const std::vector<Timex>& timexes,
                                      const EventVocabulary& vocabulary, const EntityTable& entities) {
  // The timexes in text order, so each sentence finds its own by binary search.
  std::vector<std::size_t> by_start(timexes.size());
  for (std::size_t t = 0; t < timexes.size(); ++t) by_start[t] = t;
  std::stable_sort(by_start.begin(), by_start.end(),
                   [&](std::size_t a, std::size_t b) { return timexes[a].start < timexes[b].start; });
  std::vector<Mention> out;
  SentenceScratch scratch;
  // Mentions come only from triggers: a sentence where none can start needs no closer reading.
  // Words read with this vocabulary know those sentences already.
  bool const known = words.vocabulary() == &vocabulary;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (sentences[i].boilerplate || (known && !words.may_hold_trigger(i))) continue;
    words.read(i, sentences[i], scratch.tokens, scratch.facts);
    if (!known && !vocabulary.may_start_trigger_in(document.text, scratch.tokens)) continue;
    words.names(i, sentences[i], scratch.names);
    scratch.title_case = words.title_case(i);
    auto const starts_before = [&](std::size_t t, std::size_t offset) { return timexes[t].start < offset; };
    auto const first = std::lower_bound(by_start.begin(), by_start.end(), sentences[i].start, starts_before);
    auto const last = std::lower_bound(first, by_start.end(), sentences[i].end, starts_before);
    SentenceReader const reader(document, sentences[i], i, scratch, timexes, std::span<const std::size_t>(first, last),
                                vocabulary, entities);
    for (auto& m : reader.mentions()) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace reckon
