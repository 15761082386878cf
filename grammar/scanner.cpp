// The candidate scanner and the context checks that keep false friends out of the tags.
#include "grammar/scanner.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#include "grammar/temporal.hpp"
#include "grammar/word_table.hpp"

namespace reckon::grammar {

namespace {

using namespace detail;

bool equals_lower(std::string_view word, std::string_view lower_word) noexcept;

constexpr char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// Open-addressing table of the grammar's vocabulary, lower case. Built once.
class Vocabulary {
 public:
  Vocabulary() {
    for (auto w : {"january", "february", "march", "april", "may", "june", "july", "august",
                   "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                   "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}) {
      insert(w, strong_start | follower | capitalised);
    }
    for (auto w : {"nearly", "almost", "approximately", "roughly", "around", "about"}) {
      insert(w, amount_start);
    }
    for (auto w : {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                   "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                   "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
                   "seventy", "eighty", "ninety", "several", "couple", "few", "dozen"}) {
      insert(w, weak_start | follower);
    }
    for (auto w : {"sunday", "monday",
                   "tuesday", "wednesday", "thursday", "friday", "saturday", "yesterday", "today",
                   "tomorrow", "tonight", "now", "currently", "nowadays", "recently", "lately",
                   "recent", "fiscal", "every", "each", "twice", "hourly", "daily", "weekly",
                   "monthly", "yearly", "annually", "noon", "midnight", "summer", "winter",
                   "autumn", "early", "earlier", "late", "later", "mid", "last", "next", "coming",
                   "current", "right", "third", "fourth", "twentieth", "nineteenth", "eleventh", "twelfth",
                   "nineties", "eighties", "seventies", "sixties", "fifties", "forties",
                   "thirties", "twenties", "christmas", "thanksgiving", "halloween", "easter",
                   "valentine", "martin", "midday", "sundays", "mondays", "tuesdays", "wednesdays",
                   "thursdays", "fridays", "saturdays"}) {
      insert(w, strong_start | follower);
    }
    for (auto w : {"this", "that", "these", "past", "previous", "one", "first", "second", "half",
                   "some", "many", "end", "beginning", "start", "middle", "close", "spring",
                   "fall", "hundred", "thousand", "fifth", "sixth", "seventh", "eighth", "ninth",
                   "tenth", "near", "distant", "foreseeable", "future", "same", "following",
                   "year", "comparable", "corresponding", "new", "independence", "veterans",
                   "boxing", "labor", "memorial", "election", "presidents", "mother", "father",
                   "good"}) {
      insert(w, weak_start | follower);
    }
    insert("the", the_start);
    insert("a", article_start | follower);  // "a.m."
    insert("an", article_start);
    for (auto w : {"at", "up", "no", "just", "more", "less", "fewer"}) insert(w, pair_start);
    for (auto w : {"least", "to", "than", "over", "under", "more"}) insert(w, pair_follow);
    for (auto w : {"day", "days", "week", "weeks", "weekend", "weekends", "month", "months",
                   "year", "years", "decade", "decades", "century", "centuries", "hour", "hours",
                   "minute", "minutes", "seconds", "quarter", "quarters", "fortnight", "morning",
                   "afternoon", "evening", "night", "midday", "present", "of", "other",
                   "preceding", "prior", "subsequent", "least", "than", "over", "under",
                   "trading", "business", "working", "full", "and", "times", "latest", "period",
                   "p", "o", "am", "pm", "hrs", "mins"}) {
      insert(w, follower);
    }
    for (auto w : {"next", "following", "previous", "preceding", "prior", "subsequent", "same",
                   "past", "future", "near", "distant", "foreseeable", "present", "last",
                   "coming", "current", "latest", "most", "first", "second", "third", "fourth",
                   "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                   "nineteenth", "twentieth", "half", "end", "beginning", "start", "middle",
                   "close", "early", "earlier", "late", "later", "mid", "weekend", "year", "day",
                   "week", "month", "quarter", "summer", "winter", "spring", "fall", "autumn",
                   "fiscal", "comparable", "corresponding", "one", "two", "three", "four", "five",
                   "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                   "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                   "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                   "few", "several", "nineties", "eighties", "seventies", "sixties", "fifties",
                   "forties", "thirties", "twenties", "couple", "hundred"}) {
      insert(w, after_the);
    }
    for (auto w : {"minute", "hour", "day", "week", "weekend", "fortnight", "month", "year",
                   "decade", "century", "few", "couple", "dozen", "hundred", "thousand", "half",
                   "trading", "business", "working", "full", "additional", "extra", "later"}) {
      insert(w, after_article);
    }
    for (auto w : {"minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
                   "months", "year", "years", "decade", "decades", "century", "centuries"}) {
      insert(w, long_unit);
    }
    for (auto w : {"same", "most", "latest", "first", "second", "third", "fourth", "fifth",
                   "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                   "nineteenth", "twentieth", "comparable", "corresponding", "one", "two",
                   "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                   "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                   "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
                   "seventy", "eighty", "ninety", "few", "several", "couple", "hundred"}) {
      insert(w, needs_third);
    }
  }

  unsigned find(std::string_view word) const noexcept { return table_.find(word); }
  unsigned find(const WordKey& key) const noexcept { return table_.find(key); }

 private:
  void insert(std::string_view word, unsigned cls) { table_.add(word, cls); }

  grammar::WordTable<unsigned> table_;
};

Vocabulary const& word_table() {
  static Vocabulary const table;
  return table;
}

// The letters of a word, read from its start: where they end, and their table key (case-folded;
// none past 16 letters). Eight bytes are classified at a time where the text allows: the scanner
// reads every word of the text.
struct Letters {
  std::size_t end = 0;
  WordKey key;
  bool keyed = true;
};

[[gnu::always_inline]] inline Letters read_letters(std::string_view text, std::size_t at) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  Letters word;
  word.end = at;
  std::size_t const n = text.size();
  if constexpr (std::endian::native == std::endian::little) {
    for (std::size_t block = 0; word.end + 8 <= n; ++block) {
      std::uint64_t bytes;
      std::memcpy(&bytes, text.data() + word.end, 8);
      // A byte is a letter when, with bit 5 set (lower case), it lies in 'a'..'z'.
      std::uint64_t const folded = bytes | (0x20 * ones);
      std::uint64_t const seven = folded & (0x7F * ones);
      std::uint64_t const letters =
          (seven + (0x80 - 'a') * ones) & ~(seven + (0x80 - 'z' - 1) * ones) & ~folded & (0x80 * ones);
      std::uint64_t const others = ~letters & (0x80 * ones);
      unsigned const count = others == 0 ? 8u : unsigned(std::countr_zero(others)) / 8;
      std::uint64_t const part = count == 8 ? folded : folded & ((std::uint64_t(1) << (8 * count)) - 1);
      if (block == 0) word.key.low = part;
      else if (block == 1) word.key.high = part;
      word.end += count;
      if (count < 8) {
        word.keyed = word.end - at <= 16;
        return word;
      }
    }
  }
  for (; word.end < n && is_alpha(text[word.end]); ++word.end) {
    std::size_t const k = word.end - at;
    auto const folded = std::uint64_t(static_cast<unsigned char>(text[word.end]) | 0x20u);
    if (k < 8) word.key.low |= folded << (8 * k);
    else if (k < 16) word.key.high |= folded << (8 * (k - 8));
  }
  word.keyed = word.end - at <= 16;
  return word;
}

// --- context checks -------------------------------------------------------------------------

std::string_view word_after(std::string_view text, std::size_t pos) noexcept {
  std::size_t start = pos;
  while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
  std::size_t end = start;
  while (end < text.size() && is_alpha(text[end])) ++end;
  return text.substr(start, end - start);
}

bool equals_lower(std::string_view word, std::string_view lower_word) noexcept {
  if (word.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(word[i]) != lower_word[i]) return false;
  }
  return true;
}

bool one_of(std::string_view word, std::initializer_list<std::string_view> list) noexcept {
  for (auto w : list) {
    if (equals_lower(word, w)) return true;
  }
  return false;
}

// Part of an identifier, a number, a URL or a path: "KC-45", "COVID-19", "F-16",
// "example.com/2025/08/story", "$40", "555-1234".
bool glued_to_token(std::string_view text, std::size_t start, std::size_t end) noexcept {
  if (start > 0) {
    char const before = text[start - 1];
    if (before == '-' || before == '/' || before == '$' || before == '#' || before == '@' ||
        before == '_' || before == '\\' || before == '=' || before == '+') {
      return true;
    }
    if ((before == '.' || before == ':' || before == ',') && start >= 2 &&
        is_alnum(text[start - 2]) && is_digit(text[start])) {
      return true;
    }
  }
  if (end < text.size()) {
    char const after = text[end];
    if (after == '%' || after == '_') return true;
    if ((after == '-' || after == '/' || after == '.' || after == ':' || after == ',') &&
        end + 1 < text.size() && is_alnum(text[end + 1]) && is_digit(text[end - 1])) {
      return true;
    }
    if (after == '-' && end + 1 < text.size() && is_alpha(text[end + 1])) return true;
  }
  return false;
}

bool is_only_year_digits(std::string_view span) noexcept {
  if (span.size() != 4) return false;
  for (char c : span) {
    if (!is_digit(c)) return false;
  }
  return true;
}

// Month names that are also verbs, modals or given names ("they may", "Lt. March", "April
// Ryan") count as months only when written with a day or year, or after a word that
// introduces a time ("in May", "since March", "last May").
bool ambiguous_bare_month(std::string_view text, std::size_t start, std::string_view span) {
  if (!one_of(span, {"may", "march", "april", "june", "august"})) return false;
  std::string_view const before = word_before(text, start);
  return !one_of(before, {"in", "since", "until", "till", "by", "from", "through", "to", "during",
                          "before", "after", "of", "early", "late", "mid", "last", "next",
                          "this", "between", "and", "or", "into", "throughout", "until", "since",
                          "in", "for", "each", "every", "on"});
}

// "Sunday Times", "Sunday Telegraph", "Saturday Night Live", "Friday Night Lights",
// "Bloody Sunday", "TGI Fridays": a weekday inside a name.
bool weekday_in_name(std::string_view text, std::size_t start, std::size_t end,
                     const ast::Expression& expression) {
  if (const auto* set = std::get_if<ast::Recurrence>(&expression.core)) {
    return set->weekday && one_of(word_before(text, start), {"tgi", "t.g.i."});
  }
  if (!std::holds_alternative<ast::WeekdayRef>(expression.core)) return false;
  std::string_view const after = word_after(text, end);
  if (!after.empty() && after[0] >= 'A' && after[0] <= 'Z' &&
      one_of(after, {"times", "telegraph", "express", "mirror", "post", "herald", "tribune",
                     "star", "sport", "independent", "observer", "review", "magazine", "edition",
                     "lights", "live", "night", "people", "mail", "world", "school", "service"})) {
    return true;
  }
  return one_of(word_before(text, start), {"bloody"});
}

bool acceptable(std::string_view text, const Match& match) {
  std::string_view const span = text.substr(match.start, match.end - match.start);
  if (glued_to_token(text, match.start, match.end)) return false;
  if (is_only_year_digits(span)) {
    std::string_view const after = word_after(text, match.end);
    if (one_of(after, {"percent", "per"})) return false;
  }
  if (ambiguous_bare_month(text, match.start, span)) return false;
  if (const auto* d = std::get_if<ast::Duration>(&match.expression.core)) {
    // "three-quarters" is a fraction; "the 1988 quarter" names a quarter, not 1988 of them.
    if (d->unit == ast::Unit::quarter && span.find("-quarter") != std::string_view::npos) return false;
    if (d->adjectival && d->quantity.value >= 1000) return false;
  }
  if (weekday_in_name(text, match.start, match.end, match.expression)) return false;
  return true;
}

// An amount used as a modifier ("the three-and-a-half-year conflict") is tagged without the
// noun phrase's determiner: TIMEX3 covers "three-and-a-half-year" only.
void drop_determiner_of_modifier(std::string_view text, Match& match) {
  const auto* duration = std::get_if<ast::Duration>(&match.expression.core);
  bool const adjectival_duration = duration != nullptr && duration->adjectival;
  bool const adjectival_quarter =
      std::holds_alternative<ast::Period>(match.expression.core) &&
      text.substr(match.start, match.end - match.start).find("-quarter") != std::string_view::npos;
  if (!adjectival_duration && !adjectival_quarter) return;
  std::string_view const first = word_after(text, match.start);
  if (!one_of(first, {"the", "a", "an"})) return;
  std::size_t start = match.start + first.size();
  while (start < match.end && (text[start] == ' ' || text[start] == '\t')) ++start;
  match.start = start;
}

}  // namespace

namespace detail {

unsigned classify_word(std::string_view word) noexcept { return word_table().find(word); }

std::string_view word_before(std::string_view text, std::size_t pos) noexcept {
  std::size_t end = pos;
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  std::size_t start = end;
  std::size_t const limit = end > longest_context_word ? end - longest_context_word : 0;
  while (start > limit && (is_alpha(text[start - 1]) || text[start - 1] == '.')) --start;
  return text.substr(start, end - start);
}

unsigned class_of_next_word(std::string_view text, std::size_t pos) noexcept {
  std::size_t i = pos;
  if (i < text.size() && text[i] == '-') ++i;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
  if (i >= text.size()) return not_temporal;
  if (is_digit(text[i]) || text[i] == '\'' || text[i] == '\xE2') return digits_next;
  Letters const word = read_letters(text, i);
  return word.keyed && word.end > i ? word_table().find(word.key) : not_temporal;
}

namespace {

bool equals_any_lower(std::string_view word, std::initializer_list<std::string_view> list) {
  for (auto w : list) {
    if (equals_lower(word, w)) return true;
  }
  return false;
}

// A number starts an expression only as a year ("2019"), a date or clock time ("8/12", "1:06"),
// an ordinal ("21st"), or a count of something temporal ("40 minutes", "18 February"); not
// "30 percent" or "1,000 soldiers".
bool number_may_start(std::string_view text, std::size_t start, std::size_t digits_end) {
  std::size_t const n = text.size();
  if (digits_end - start == 4) return true;
  if (digits_end >= n) return false;
  char const c = text[digits_end];
  if (c == ':' || c == '/') return true;
  if (is_alpha(c)) {
    std::size_t end = digits_end;
    while (end < n && is_alpha(text[end])) ++end;
    return equals_any_lower(text.substr(digits_end, end - digits_end), {"st", "nd", "rd", "th", "am", "pm"});
  }
  std::size_t k = digits_end;
  if (c == ',' && k + 1 < n && is_digit(text[k + 1])) return false;
  if (c == '.' && k + 1 < n && is_digit(text[k + 1])) {
    ++k;
    while (k < n && is_digit(text[k])) ++k;
  }
  if (k + 1 < n && text[k] == ' ' && text.substr(k + 1, 3) == "1/2") return true;  // "5 1/2"
  unsigned const next = class_of_next_word(text, k);
  return (next & (strong_start | weak_start | follower | after_article)) != 0;
}

// The end of the word that follows position `pos`.
std::size_t word_end_after(std::string_view text, std::size_t pos) noexcept {
  while (pos < text.size() && !is_alpha(text[pos])) ++pos;
  while (pos < text.size() && is_alpha(text[pos])) ++pos;
  return pos;
}

}  // namespace

Probe probe(std::string_view text, std::size_t at) noexcept {
  std::size_t const n = text.size();
  char const c = text[at];
  auto alnum_end = [&](std::size_t from) {
    while (from < n && is_alnum(text[from])) ++from;
    return from;
  };
  if (c == '\'' || c == '\xE2') {  // "'80s", "’80s"
    std::size_t const digit_at = c == '\'' ? at + 1 : at + 3;
    bool const apostrophe = c == '\'' || text.substr(at, 3) == "\xE2\x80\x99";
    bool const ok = apostrophe && digit_at + 1 < n && is_digit(text[digit_at]) &&
                    is_digit(text[digit_at + 1]);
    return {ok, at + 1};
  }
  if (is_digit(c)) {
    std::size_t digits_end = at;
    while (digits_end < n && is_digit(text[digits_end])) ++digits_end;
    return {number_may_start(text, at, digits_end), alnum_end(digits_end)};
  }
  Letters const word = read_letters(text, at);
  std::size_t const end = word.end;
  if (end < n && is_digit(text[end])) {  // "Q3"
    return {end == at + 1 && (c == 'Q' || c == 'q'), alnum_end(end)};
  }
  unsigned const cls = word.keyed && end > at ? word_table().find(word.key) : not_temporal;
  if ((cls & capitalised) != 0 && !(c >= 'A' && c <= 'Z')) return {false, end};
  if ((cls & strong_start) != 0) return {true, end};
  if ((cls & (weak_start | the_start | article_start | pair_start | amount_start | long_unit)) == 0) {
    return {false, end};
  }
  if ((cls & long_unit) != 0) {  // "day-long", "decades-long"
    if (end + 5 <= n && text[end] == '-' && equals_lower(text.substr(end + 1, 4), "long")) {
      return {true, end};
    }
    if ((cls & weak_start) == 0) return {false, end};
  }
  unsigned const next = class_of_next_word(text, end);
  unsigned constexpr amount_words = digits_next | after_the | article_start;
  bool candidate = false;
  if ((cls & the_start) != 0) {
    candidate = (next & (after_the | digits_next)) != 0;
    if (candidate && (next & needs_third) != 0) {
      unsigned const third = class_of_next_word(text, word_end_after(text, end));
      candidate = (third & (strong_start | weak_start | follower | after_the | digits_next)) != 0;
    }
  } else if ((cls & article_start) != 0) {
    candidate = (next & after_article) != 0;
  } else if ((cls & amount_start) != 0) {
    candidate = (next & amount_words) != 0;
  } else if ((cls & pair_start) != 0) {
    // "at least", "more than", "no more than": then an amount must follow.
    if ((next & pair_follow) != 0) {
      unsigned const third = class_of_next_word(text, word_end_after(text, end));
      candidate = (third & (amount_words | pair_follow)) != 0;
    }
  } else {
    candidate = (next & (strong_start | weak_start | follower | digits_next)) != 0;
  }
  return {candidate, end};
}

}  // namespace detail

bool is_start_word(std::string_view word) noexcept {
  return (classify_word(word) & strong_start) != 0;
}

std::vector<std::size_t> candidate_positions(std::string_view text) {
  std::vector<std::size_t> positions;
  scan_candidates(text, [&](std::size_t offset) {
    positions.push_back(offset);
    return offset + 1;
  });
  return positions;
}

std::vector<Match> find_expressions(std::string_view text) {
  std::vector<Match> matches;
  scan_candidates(text, [&](std::size_t offset) -> std::size_t {
    auto match = parse_at(text, offset);
    if (!match || !acceptable(text, *match)) return offset + 1;
    drop_determiner_of_modifier(text, *match);
    std::size_t const end = match->end;
    matches.push_back(std::move(*match));
    return end;
  });
  return matches;
}

}  // namespace reckon::grammar
