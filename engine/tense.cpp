#include "engine/tense.hpp"

#include "grammar/word_table.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace reckon {

namespace {

// One word of the window, lower-cased into a fixed buffer (longer words are not cues).
// Left uninitialised on purpose: windows are filled word by word, per expression tagged.
struct Word {
  std::array<char, 16> buffer;
  std::size_t length;
  std::size_t start;
  std::size_t end;
  std::string_view text() const noexcept { return {buffer.data(), length}; }
};

constexpr char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
constexpr bool is_word_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
}

// Only the words this close to the expression are read; cues further away belong to other
// clauses and would lose to nearer ones anyway.
constexpr std::size_t words_each_side = 16;

// The words of a window, at most `max_words` of them, without allocating.
constexpr std::size_t max_words = 2 * words_each_side + 16;

struct Words {
  std::array<Word, max_words> items;
  std::size_t count = 0;
  std::size_t size() const noexcept { return count; }
  const Word& operator[](std::size_t i) const noexcept { return items[i]; }
  void push_back(const Word& w) noexcept {
    if (count < items.size()) items[count++] = w;
  }
};

Words words_of(std::string_view text, std::size_t start, std::size_t end) {
  Words words;
  std::size_t i = start;
  while (i < end) {
    if (!is_word_char(text[i])) {
      ++i;
      continue;
    }
    Word w;
    w.length = 0;
    w.start = i;
    while (i < end && is_word_char(text[i])) {
      if (w.length < w.buffer.size()) w.buffer[w.length] = lower(text[i]);
      ++w.length;
      ++i;
    }
    w.end = i;
    if (w.length > w.buffer.size()) w.length = 0;  // too long to be a cue
    words.push_back(w);
  }
  return words;
}

// What a word can say about tense. A word may be several things ("said": reporting verb and
// participle).
enum Kind : unsigned {
  past_form = 1,       // went, spoke, was
  participle = 2,      // been, gone, risen: past after has/have
  reporting = 4,       // said, told, says
  future_word = 8,     // will, scheduled, upcoming
  present_word = 16,   // is, are
  auxiliary = 32,      // be, been, is, was, has, will: a participle after one takes its tense
  not_regular = 64,    // ends in -ed but is no past verb ("hundred", "united")
};

// The tense lexicon, built once.
class Lexicon {
 public:
  Lexicon() {
    for (auto w : {"was", "were", "had", "did", "went", "came", "saw", "met", "spoke", "took",
                   "gave", "made", "held", "left", "began", "became", "brought", "bought",
                   "thought", "felt", "found", "got", "knew", "led", "lost", "meant", "paid", "ran",
                   "sent", "sat", "stood", "struck", "taught", "won", "wrote", "drove", "fell",
                   "flew", "forgot", "grew", "kept", "rose", "sold", "shot", "sought", "spent",
                   "threw", "understood", "woke", "wore", "broke", "chose", "drew", "ate",
                   "fought", "heard", "hid", "fled", "swore", "froze", "stole", "withdrew",
                   "overtook", "undertook", "wasn't", "weren't", "didn't", "hadn't", "ago"}) {
      add(w, past_form);
    }
    for (auto w : {"been", "gone", "seen", "taken", "given", "spoken", "written", "known", "grown",
                   "shown", "begun", "done", "risen", "fallen", "driven", "chosen", "broken",
                   "held", "met", "said", "made", "had", "told", "left", "lost", "won", "sold"}) {
      add(w, participle);
    }
    for (auto w : {"said", "told", "added", "says", "say", "stated", "noted", "according",
                   "reported", "announced", "wrote", "explained", "insisted", "argued"}) {
      add(w, reporting);
    }
    for (auto w : {"will", "shall", "won't", "i'll", "we'll", "he'll", "she'll", "they'll",
                   "it'll", "you'll", "would", "scheduled", "expected", "upcoming", "plans",
                   "plan", "intend", "intends", "aims", "hopes", "tomorrow", "next",
                   "forthcoming"}) {
      add(w, future_word);
    }
    for (auto w : {"is", "are", "am", "isn't", "aren't"}) add(w, present_word);
    for (auto w : {"be", "been", "being", "is", "are", "was", "were", "am", "has", "have", "had",
                   "will", "would", "to", "not", "get", "got"}) {
      add(w, auxiliary);
    }
    for (auto w : {"united", "hundred", "indeed", "proceed", "exceed", "succeed", "embed", "breed",
                   "speed", "need", "greed", "creed", "based", "limited", "related", "armed",
                   "detailed", "advanced", "skilled", "talented", "interested", "concerned",
                   "supposed", "used", "alleged", "unprecedented", "sustained", "shared",
                   "combined", "expected", "scheduled", "planned"}) {
      add(w, not_regular);
    }
  }

  unsigned kinds(std::string_view word) const noexcept { return table_.find(word); }

 private:
  void add(std::string_view word, unsigned kind) { table_.add(word, kind); }
  grammar::WordTable<unsigned, 512> table_;
};

const Lexicon& lexicon() {
  static const Lexicon table;
  return table;
}

bool regular_past(std::string_view w, unsigned kinds) {
  return w.size() >= 5 && w.substr(w.size() - 2) == "ed" && (kinds & not_regular) == 0;
}

enum class Cue { none, past, present, future, reporting_past, reporting_present };

Cue cue_of(const Words& words, std::size_t i) {
  const Lexicon& lex = lexicon();
  std::string_view const w = words[i].text();
  if (w.empty()) return Cue::none;
  unsigned const kinds = lex.kinds(w);
  std::string_view const prev = i > 0 ? words[i - 1].text() : std::string_view();
  std::string_view const next = i + 1 < words.size() ? words[i + 1].text() : std::string_view();
  if ((kinds & reporting) != 0) {
    return (w == "says" || w == "say") ? Cue::reporting_present : Cue::reporting_past;
  }
  if (w == "going") return next == "to" ? Cue::future : Cue::none;
  if (w == "set" || w == "due") return next == "to" || next == "for" ? Cue::future : Cue::none;
  if ((kinds & present_word) != 0 && next == "to") return Cue::future;  // "is to visit"
  if ((kinds & future_word) != 0) return Cue::future;
  unsigned const prev_kinds = prev.empty() ? 0u : lex.kinds(prev);
  bool const has_have = prev == "has" || prev == "have" || prev == "had" || prev == "hasn't" ||
                        prev == "haven't";
  bool const finite_aux = w == "was" || w == "were" || w == "had" || w == "did";
  if (((kinds & past_form) != 0 || regular_past(w, kinds)) && !finite_aux) {
    // A participle after an auxiliary ("will be held", "has been") takes the auxiliary's tense.
    if ((prev_kinds & auxiliary) != 0) return has_have ? Cue::past : Cue::none;
    return Cue::past;
  }
  if ((kinds & past_form) != 0) return Cue::past;
  if ((kinds & participle) != 0 && has_have) return Cue::past;
  if ((kinds & present_word) != 0) return Cue::present;
  return Cue::none;
}

// Whether punctuation (a comma, a quotation mark) separates a word from the expression.
bool punctuated(std::string_view text, const Word& word, std::size_t start, std::size_t end) {
  std::size_t const from = word.end <= start ? word.end : end;
  std::size_t const to = word.end <= start ? start : word.start;
  for (std::size_t i = from; i < to && i < text.size(); ++i) {
    char const c = text[i];
    if (c == ',' || c == ';' || c == ':' || c == '"' || c == '\xE2') return true;
  }
  return false;
}

}  // namespace

const char* to_string(Tense tense) noexcept {
  switch (tense) {
    case Tense::past: return "past";
    case Tense::present: return "present";
    case Tense::future: return "future";
    case Tense::unknown: return "unknown";
  }
  return "unknown";
}

std::optional<Tense> parse_tense(std::string_view name) noexcept {
  if (name == "past") return Tense::past;
  if (name == "present") return Tense::present;
  if (name == "future") return Tense::future;
  if (name == "unknown" || name.empty()) return Tense::unknown;
  return std::nullopt;
}

namespace {

// The start of the `count`-th word before `from`, not before `limit`.
std::size_t words_back(std::string_view text, std::size_t from, std::size_t limit, std::size_t count) {
  std::size_t i = from;
  while (i > limit && count > 0) {
    --i;
    if (is_word_char(text[i]) && (i == limit || !is_word_char(text[i - 1]))) --count;
  }
  return i;
}

std::size_t words_forward(std::string_view text, std::size_t from, std::size_t limit, std::size_t count) {
  std::size_t i = from;
  while (i < limit && count > 0) {
    if (is_word_char(text[i]) && (i + 1 == limit || !is_word_char(text[i + 1]))) --count;
    ++i;
  }
  return i;
}

}  // namespace

Tense detect_tense(std::string_view text, std::size_t window_start, std::size_t window_end,
                   std::size_t expression_start, std::size_t expression_end) {
  window_end = std::min(window_end, text.size());
  window_start = words_back(text, std::max(expression_start, window_start), window_start, words_each_side);
  window_end = words_forward(text, std::min(expression_end, window_end), window_end, words_each_side);
  Words const words = words_of(text, window_start, window_end);
  // Word distance from the expression: the words before it count back from `first_after - 1`...
  std::size_t first_inside = 0;
  while (first_inside < words.size() && words[first_inside].end <= expression_start) ++first_inside;
  std::size_t first_after = first_inside;
  while (first_after < words.size() && words[first_after].start < expression_end) ++first_after;
  std::size_t best_distance = std::string::npos;
  Tense best = Tense::unknown;
  auto const consider = [&](std::size_t i, std::size_t distance) {
    Cue const cue = cue_of(words, i);
    if (cue == Cue::none) return;
    // A reporting verb right beside the expression times it ("said Friday"); further away it
    // frames a report whose content has its own tense. "would" is often a future in the past.
    bool const reported = cue == Cue::reporting_past || cue == Cue::reporting_present;
    if (reported && (distance > 2 || punctuated(text, words[i], expression_start, expression_end))) {
      distance += 4;
    }
    if (words[i].text() == "would") distance += 3;
    if (distance < best_distance) {
      best_distance = distance;
      best = (cue == Cue::past || cue == Cue::reporting_past) ? Tense::past
             : cue == Cue::future                             ? Tense::future
                                                              : Tense::present;
    }
  };
  // ...and outwards, nearest first, until no further word can beat the best cue found.
  for (std::size_t distance = 1; distance <= words.size() && distance < best_distance; ++distance) {
    if (distance <= first_inside) consider(first_inside - distance, distance);
    if (first_after + distance - 1 < words.size()) consider(first_after + distance - 1, distance);
  }
  return best;
}

}  // namespace reckon
