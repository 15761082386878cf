#include "engine/tense.hpp"

#include "grammar/word_table.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>
#include <tuple>
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
  unsigned kinds;  // what the tense lexicon says of it (below)
  std::string_view text() const noexcept { return {buffer.data(), length}; }
};

constexpr char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
constexpr bool is_word_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'';
}

// Only the words this close to the expression are read; cues further away belong to other
// clauses and would lose to nearer ones anyway.
constexpr std::size_t words_each_side = 16;

// At most `max_words` words of a window are read, counted from its start.
constexpr std::size_t max_words = 2 * words_each_side + 16;

static_assert(tense_bytes_each_side >= 64 * words_each_side,
              "the byte reach holds words_each_side words of up to 64 bytes");
constexpr std::size_t bytes_each_side = tense_bytes_each_side;

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
  special = 128,       // cue_of() asks for it by name ("going", "soon", "set"...): a word it
                       // compares must carry some kind, or its first test passes the word by
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
    for (auto w : {"going", "next", "plans", "plan", "planned", "planning", "soon", "set", "due"}) add(w, special);
  }

  unsigned kinds(std::string_view word) const noexcept { return table_.find(word); }
  unsigned kinds(const grammar::WordKey& key) const noexcept { return table_.find(key); }

  // The same for a word already lower-cased into 16 zero-padded bytes: they are its table key.
  unsigned kinds(const std::array<char, 16>& folded) const noexcept {
    if constexpr (std::endian::native == std::endian::little) {
      grammar::WordKey key;
      std::memcpy(&key.low, folded.data(), 8);
      std::memcpy(&key.high, folded.data() + 8, 8);
      return table_.find(key);
    } else {
      return table_.find(std::string_view(folded.data(), 16 - std::size_t(std::count(folded.begin(), folded.end(), '\0'))));
    }
  }

 private:
  void add(std::string_view word, unsigned kind) { table_.add(word, kind); }
  grammar::WordTable<unsigned, 512> table_;
};

const Lexicon& lexicon() {
  static const Lexicon table;
  return table;
}

// The word [start, end) of `text`, lower-cased and looked up; empty when too long to be a cue.
Word make_word(std::string_view text, std::size_t start, std::size_t end) noexcept {
  Word w;
  w.start = start;
  w.end = end;
  w.length = end - start <= w.buffer.size() ? end - start : 0;
  if constexpr (std::endian::native == std::endian::little) {
    // The table key is the word lower-cased into 16 zero-padded bytes: the buffer itself (which
    // nothing reads past `length`, so an empty word leaves it as it is).
    if (w.length == 0) {
      w.kinds = 0;
      return w;
    }
    auto const key = grammar::fast_word_key(text.substr(start, w.length));
    std::memcpy(w.buffer.data(), &key->low, 8);
    std::memcpy(w.buffer.data() + 8, &key->high, 8);
    w.kinds = lexicon().kinds(*key);
    return w;
  }
  w.buffer.fill('\0');
  for (std::size_t i = 0; i < w.length; ++i) w.buffer[i] = lower(text[start + i]);
  w.kinds = w.length == 0 ? 0u : lexicon().kinds(w.buffer);
  return w;
}

Word no_word() noexcept {
  Word w;
  w.length = 0;
  w.start = w.end = 0;
  w.kinds = 0;
  return w;
}

bool regular_past(std::string_view w, unsigned kinds) {
  return w.size() >= 5 && w.substr(w.size() - 2) == "ed" && (kinds & not_regular) == 0;
}

// future_in_past: a future seen from a past point ("was scheduled to", "had been expected"):
// the time may lie on either side of the anchor.
enum class Cue { none, past, present, future, future_in_past, reporting_past, reporting_present };

// The cue of word `w`, given the words just before and after it (empty at the window's edges),
// and whether it follows the expression with other words between.
Cue cue_of(const Word& word, const Word& previous, const Word& following, bool well_after_expression) {
  std::string_view const w = word.text();
  if (w.empty()) return Cue::none;
  unsigned const kinds = word.kinds;
  // Most words are none of the lexicon's and no regular past: nothing below would match them.
  if ((kinds & ~unsigned{not_regular}) == 0 && !regular_past(w, kinds)) return Cue::none;
  std::string_view const prev = previous.text();
  std::string_view const next = following.text();
  if ((kinds & reporting) != 0) {
    return (w == "says" || w == "say") ? Cue::reporting_present : Cue::reporting_past;
  }
  if (w == "going") return next == "to" ? Cue::future : Cue::none;
  if (w == "next" && next == "to") return Cue::none;  // "next to": a place, not a time
  if (w == "plans" || w == "plan" || w == "planned" || w == "planning") {
    if (next == "for" && (prev == "was" || prev == "were" || prev == "been")) {
      return Cue::future_in_past;  // "the accession was planned for early March"
    }
    return next == "to" ? Cue::future : Cue::none;  // "plans to visit", not "vacation plans for"
  }
  if (w == "soon" && prev == "as") return Cue::future;  // "as soon as"
  if (w == "set" || w == "due") return next == "to" || next == "for" ? Cue::future : Cue::none;
  if ((kinds & present_word) != 0 && next == "to") return Cue::future;  // "is to visit"
  if ((kinds & future_word) != 0) {
    bool const past_frame = prev == "was" || prev == "were" || prev == "been";
    return past_frame ? Cue::future_in_past : Cue::future;
  }
  unsigned const prev_kinds = previous.kinds;
  bool const has_have = prev == "has" || prev == "have" || prev == "had" || prev == "hasn't" ||
                        prev == "haven't";
  bool const finite_aux = w == "was" || w == "were" || w == "had" || w == "did";
  if (((kinds & past_form) != 0 || regular_past(w, kinds)) && !finite_aux) {
    // Further after the expression, a participle with its agent describes a noun ("by August,
    // in new markets untouched by the crisis"): a reduced relative clause, not the clause's verb.
    // A plain past form ("spoke by telephone") is a verb wherever it stands.
    bool const participle_form = regular_past(w, kinds) || (kinds & participle) != 0;
    if (well_after_expression && participle_form && next == "by") return Cue::none;
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

// The words of a tense window: the window narrowed to `words_each_side` word starts before the
// expression and as many word ends after it, split into maximal runs of word characters, at
// most `max_words` of them. Words are numbered outwards from the expression, and read only as
// far as the search for a cue asks: most cues sit a few words away.
class Neighbourhood {
 public:
  Neighbourhood(std::string_view text, std::size_t window_start, std::size_t window_end,
                std::size_t expression_start, std::size_t expression_end) noexcept
      : text_(text), window_start_(window_start), window_end_(window_end) {
    bool const inside_window = window_start <= expression_start &&
                               expression_start <= expression_end && expression_end <= window_end;
    if (!inside_window || !read_inside(expression_start, expression_end)) {
      read_all(expression_start, expression_end);
    }
  }

  // The `k`-th word before / after the expression (1 = nearest), or nothing.
  const Word* before(std::size_t k) noexcept {
    while (before_count_ < k && !before_done_) read_before();
    return k <= before_count_ ? &slots_[center - k] : nullptr;
  }
  const Word* after(std::size_t k) noexcept {
    while (after_count_ < k && !after_done_) read_after();
    return k <= after_count_ ? &slots_[first_after() + k - 1] : nullptr;
  }

  // The words beside the `k`-th word before / after the expression in the window's order
  // (empty at the window's edges).
  std::pair<const Word&, const Word&> beside_before(std::size_t k) noexcept {
    before(k + 1);
    if (k == 1 && inside_count_ == 0) after(1);
    return {slots_[center - k - 1], slots_[center - k + 1]};
  }
  std::pair<const Word&, const Word&> beside_after(std::size_t k) noexcept {
    after(k + 1);
    if (k == 1 && inside_count_ == 0) before(1);
    std::size_t const slot = first_after() + k - 1;
    return {slots_[slot - 1], slots_[slot + 1]};
  }

 private:
  // The words before the expression sit below `center`, the words inside and after it from
  // `center` up; a slot past the last word of a side holds an empty word.
  static constexpr std::size_t center = max_words + 1;

  std::size_t first_after() const noexcept { return center + inside_count_; }

  // The words that overlap the expression; false when more of them than the window may hold.
  bool read_inside(std::size_t expression_start, std::size_t expression_end) noexcept {
    std::string_view const text = text_;
    // A word running across an edge of the expression is inside it, and counts among the words
    // that side may have.
    bool const straddles_start = expression_start > window_start_ && expression_start < window_end_ &&
                                 is_word_char(text[expression_start - 1]) &&
                                 is_word_char(text[expression_start]);
    bool const straddles_end = expression_end > window_start_ && expression_end < window_end_ &&
                               is_word_char(text[expression_end - 1]) && is_word_char(text[expression_end]);
    before_room_ = words_each_side - (straddles_start ? 1 : 0);
    after_room_ = words_each_side - (straddles_end ? 1 : 0);
    std::size_t i = expression_start;
    if (straddles_start) {
      while (i > window_start_ && is_word_char(text[i - 1])) --i;
    }
    before_cursor_ = i;
    while (true) {
      while (i < window_end_ && !is_word_char(text[i])) ++i;
      if (i >= window_end_ || (i >= expression_end && !(straddles_end && i < expression_end))) break;
      std::size_t end = i;
      while (end < window_end_ && is_word_char(text[end])) ++end;
      if (inside_count_ == words_each_side) return false;  // more than the window may hold
      slots_[center + inside_count_++] = make_word(text, i, end);
      i = end;
    }
    after_cursor_ = i;
    slots_[center - 1] = no_word();
    slots_[first_after()] = no_word();
    return true;
  }

  void read_before() noexcept {
    std::size_t i = before_cursor_;
    while (i > window_start_ && !is_word_char(text_[i - 1])) --i;
    if (i <= window_start_ || before_count_ == before_room_) {
      before_done_ = true;
      return;
    }
    std::size_t const end = i;
    while (i > window_start_ && is_word_char(text_[i - 1])) --i;
    ++before_count_;
    slots_[center - before_count_] = make_word(text_, i, end);
    slots_[center - before_count_ - 1] = no_word();
    before_cursor_ = i;
  }

  void read_after() noexcept {
    std::size_t i = after_cursor_;
    while (i < window_end_ && !is_word_char(text_[i])) ++i;
    if (i >= window_end_ || after_count_ == after_room_) {
      after_done_ = true;
      return;
    }
    std::size_t end = i;
    while (end < window_end_ && is_word_char(text_[end])) ++end;
    ++after_count_;
    slots_[first_after() + after_count_ - 1] = make_word(text_, i, end);
    slots_[first_after() + after_count_] = no_word();
    after_cursor_ = end;
  }

  // All words of the window at once, for windows that do not hold the expression or an
  // expression with more words than a window side.
  void read_all(std::size_t expression_start, std::size_t expression_end) noexcept {
    std::string_view const text = text_;
    std::size_t const limit = std::min(window_end_, text.size());
    std::size_t const start =
        words_back(text, std::max(expression_start, window_start_), window_start_, words_each_side);
    std::size_t const end =
        words_forward(text, std::min(expression_end, limit), limit, words_each_side);
    std::array<Word, max_words> words;
    std::size_t count = 0;
    for (std::size_t i = start; i < end && count < max_words;) {
      if (!is_word_char(text[i])) {
        ++i;
        continue;
      }
      std::size_t word_end = i;
      while (word_end < end && is_word_char(text[word_end])) ++word_end;
      words[count++] = make_word(text, i, word_end);
      i = word_end;
    }
    std::size_t first_inside = 0;
    while (first_inside < count && words[first_inside].end <= expression_start) ++first_inside;
    std::size_t first_after = first_inside;
    while (first_after < count && words[first_after].start < expression_end) ++first_after;
    before_count_ = first_inside;
    inside_count_ = first_after - first_inside;
    after_count_ = count - first_after;
    for (std::size_t j = 0; j < count; ++j) slots_[center - first_inside + j] = words[j];
    slots_[center - first_inside - 1] = no_word();
    slots_[center - first_inside + count] = no_word();
    before_done_ = after_done_ = true;
  }

  std::string_view text_;
  std::size_t window_start_;
  std::size_t window_end_;
  std::array<Word, 2 * max_words + 3> slots_;
  std::size_t before_count_ = 0;
  std::size_t inside_count_ = 0;
  std::size_t after_count_ = 0;
  std::size_t before_room_ = 0;
  std::size_t after_room_ = 0;
  std::size_t before_cursor_ = 0;
  std::size_t after_cursor_ = 0;
  bool before_done_ = false;
  bool after_done_ = false;
};

}  // namespace

std::pair<std::size_t, std::size_t> tense_reach(std::string_view text, std::size_t window_start,
                                                std::size_t window_end, std::size_t expression_start,
                                                std::size_t expression_end) noexcept {
  window_end = std::min(window_end, text.size());
  if (!(window_start <= expression_start && expression_start <= expression_end &&
        expression_end <= window_end)) {
    return {window_start, window_end};
  }
  // The new edges move off any word they cut: a cut word is not a word of the text.
  std::size_t start = std::max(window_start, expression_start - std::min(expression_start, bytes_each_side));
  if (start > window_start) {
    while (start < expression_start && is_word_char(text[start - 1]) && is_word_char(text[start])) ++start;
  }
  std::size_t end = std::min(window_end, expression_end + std::min(text.size() - expression_end, bytes_each_side));
  if (end < window_end) {
    while (end > expression_end && is_word_char(text[end - 1]) && is_word_char(text[end])) --end;
  }
  return {start, end};
}

Tense detect_tense(std::string_view text, std::size_t window_start, std::size_t window_end,
                   std::size_t expression_start, std::size_t expression_end) {
  return detect_tense_cue(text, window_start, window_end, expression_start, expression_end).tense;
}

TenseCue detect_tense_cue(std::string_view text, std::size_t window_start, std::size_t window_end,
                          std::size_t expression_start, std::size_t expression_end) {
  std::tie(window_start, window_end) =
      tense_reach(text, window_start, window_end, expression_start, expression_end);
  Neighbourhood words(text, window_start, window_end, expression_start, expression_end);
  std::size_t best_distance = std::string::npos;
  Tense best = Tense::unknown;
  bool near_past = false;
  // "was extended to Nov. 16", "postponed until March": an end point lies after the verb's time.
  const Word* const just_before = words.before(1);
  bool const end_point = just_before != nullptr &&
                         (just_before->text() == "to" || just_before->text() == "until" ||
                          just_before->text() == "till" || just_before->text() == "through");
  auto const consider = [&](const Word& word, std::pair<const Word&, const Word&> beside,
                            std::size_t distance) {
    Cue const cue = cue_of(word, beside.first, beside.second, word.start >= expression_end && distance > 1);
    if (cue == Cue::none) return;
    // A reporting verb right beside the expression times it ("said Friday"); further away it
    // frames a report whose content has its own tense. "would" is often a future in the past.
    bool const reported = cue == Cue::reporting_past || cue == Cue::reporting_present;
    if (reported && (distance > 2 || punctuated(text, word, expression_start, expression_end))) {
      distance += 4;
    }
    if (word.text() == "would") distance += 3;
    if (distance < best_distance) {
      near_past = cue == Cue::past && (distance == 1 || (distance <= 3 && (word.kinds & past_form) != 0)) &&
                  !punctuated(text, word, expression_start, expression_end) && !end_point;
      best_distance = distance;
      best = (cue == Cue::past || cue == Cue::reporting_past) ? Tense::past
             : cue == Cue::future                             ? Tense::future
             : cue == Cue::future_in_past                     ? Tense::unknown
                                                              : Tense::present;
    }
  };
  // Outwards from the expression, nearest first, until no further word can beat the best cue.
  for (std::size_t distance = 1; distance < best_distance; ++distance) {
    const Word* const before = words.before(distance);
    if (before != nullptr) consider(*before, words.beside_before(distance), distance);
    const Word* const after = words.after(distance);
    if (after != nullptr) consider(*after, words.beside_after(distance), distance);
    if (before == nullptr && after == nullptr) break;
  }
  return {best, near_past};
}

}  // namespace reckon
