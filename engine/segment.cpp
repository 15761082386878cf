#include "engine/segment.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace reckon {
namespace {

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
bool is_alpha(char c) noexcept { return is_upper(c) || is_lower(c); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
char lower(char c) noexcept { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

// Words that end with a period without ending the sentence (compared without the period).
constexpr std::array<std::string_view, 52> kAbbreviations = {
    "mr",   "mrs",  "ms",   "dr",    "prof", "gen",  "col",  "lt",   "sgt", "capt", "cmdr",
    "adm",  "rep",  "sen",  "gov",   "pres", "st",   "jr",   "sr",   "inc", "corp", "co",
    "ltd",  "vs",   "etc",  "no",    "jan",  "feb",  "mar",  "apr",  "jun", "jul",  "aug",
    "sep",  "sept", "oct",  "nov",   "dec",  "mon",  "tue",  "tues", "wed", "thu",  "thurs",
    "fri",  "sat",  "sun",  "approx", "est", "dept", "messrs", "mt"};

// Abbreviations that also end sentences ("... with the U.S. The talks", "Apple Inc. It said").
constexpr std::array<std::string_view, 7> kSentenceFinalAbbreviations = {"inc", "corp", "co", "ltd",
                                                                         "etc", "jr", "sr"};

// Words that open sentences and seldom follow an abbreviation inside one ("U.S. Army" does not
// open one, "U.S. The" does). Compared in lower case.
constexpr std::array<std::string_view, 40> kSentenceOpeners = {
    "the",   "a",     "an",    "but",   "and",   "he",       "she",  "it",       "they",  "we",
    "in",    "on",    "at",    "this",  "that",  "these",    "those", "according", "however", "meanwhile",
    "its",   "his",   "her",   "their", "there", "when",     "while", "after",    "before", "if",
    "as",    "some",  "many",  "what",  "why",   "how",      "still", "yet",      "so",    "both"};

// Opening of a line that is page furniture rather than article text.
constexpr std::array<std::string_view, 22> kBoilerplateOpenings = {
    "advertisement", "credit:",      "photo:",        "photograph:",   "image source",
    "image:",        "image caption", "getty images",  "(reporting by", "reporting by",
    "editing by",    "copyright",     "all rights reserved", "sign up",  "subscribe",
    "follow us",     "loading the",   "click here",    "share this",    "(except for the headline",
    "donate ",       "related:"};

// A line after which the rest of the page lists other articles.
constexpr std::array<std::string_view, 5> kRelatedListHeadings = {
    "more like this", "related", "related articles", "read more", "more stories"};

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// The word (letters and inner periods) that ends just before `dot`.
std::string_view word_before(std::string_view text, std::size_t dot) noexcept {
  std::size_t begin = dot;
  while (begin > 0 && (is_alpha(text[begin - 1]) || text[begin - 1] == '.')) --begin;
  return text.substr(begin, dot - begin);
}

bool is_abbreviation(std::string_view word) noexcept {
  if (word.empty()) return false;
  // Initials and dotted acronyms: "J", "U.S", "a.m".
  if (word.size() == 1 && is_upper(word[0])) return true;
  if (word.find('.') != std::string_view::npos) return true;
  return std::any_of(kAbbreviations.begin(), kAbbreviations.end(),
                     [&](std::string_view a) { return iequals(a, word); });
}

// An abbreviation after which a sentence may still end: a dotted acronym ("U.S", "a.m") or a
// company or list ending ("Inc", "etc").
bool may_end_sentence(std::string_view abbreviation) noexcept {
  if (abbreviation.size() > 1 && abbreviation.find('.') != std::string_view::npos) return true;
  return std::any_of(kSentenceFinalAbbreviations.begin(), kSentenceFinalAbbreviations.end(),
                     [&](std::string_view a) { return iequals(a, abbreviation); });
}

// Whether the word at `i` is one that opens sentences, as a whole word ("It's" is; "A" of "A.I."
// or of "A's" is not).
bool opens_sentence(std::string_view text, std::size_t i) noexcept {
  std::size_t end = i;
  while (end < text.size() && is_alpha(text[end])) ++end;
  if (end == i || (end < text.size() && text[end] == '.')) return false;
  if (end - i == 1 && end < text.size() && text[end] == '\'') return false;
  const std::string_view word = text.substr(i, end - i);
  return std::any_of(kSentenceOpeners.begin(), kSentenceOpeners.end(), [&](std::string_view w) { return iequals(w, word); });
}

// The length of the white space at `i`: an ASCII space character, or a no-break space (U+00A0,
// which web pages put after full stops); 0 when there is none.
std::size_t space_at(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size()) return 0;
  if (is_space(text[i])) return 1;
  if (i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC2 && static_cast<unsigned char>(text[i + 1]) == 0xA0)
    return 2;
  return 0;
}

// The length of the white space that ends at `end` (see space_at); 0 when there is none.
std::size_t space_before(std::string_view text, std::size_t end) noexcept {
  if (end == 0) return 0;
  if (is_space(text[end - 1])) return 1;
  return end >= 2 && space_at(text, end - 2) == 2 ? 2 : 0;
}

bool closes_quote(std::string_view text, std::size_t i) noexcept {
  const char c = text[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return true;
  // U+201D RIGHT DOUBLE QUOTATION MARK and U+2019 RIGHT SINGLE QUOTATION MARK (E2 80 9D / 99).
  return i + 2 < text.size() && static_cast<unsigned char>(c) == 0xE2 &&
         static_cast<unsigned char>(text[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(text[i + 2]) == 0x9D || static_cast<unsigned char>(text[i + 2]) == 0x99);
}

std::size_t quote_length(std::string_view text, std::size_t i) noexcept {
  return static_cast<unsigned char>(text[i]) == 0xE2 ? 3 : 1;
}

// Whether a sentence may begin at `i`: a capital, a digit, an opening quote or bracket.
bool can_open_sentence(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size()) return false;
  const auto c = static_cast<unsigned char>(text[i]);
  if (is_upper(text[i]) || is_digit(text[i]) || c == '"' || c == '\'' || c == '(' || c == '[') return true;
  return c == 0xE2;  // typographic quotes and dashes
}

// Lines of a hard-wrapped text (TimeBank's WSJ files) continue sentences across single newlines;
// in a text whose lines are paragraphs (most web articles), every newline ends a sentence.
bool looks_hard_wrapped(std::string_view text) noexcept {
  std::size_t lines = 0, wrapped = 0, longest = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(begin, end - begin));
    if (!line.empty()) {
      ++lines;
      longest = std::max(longest, line.size());
      const char last = line.back();
      if (line.size() >= 40 && last != '.' && last != '?' && last != '!' && last != '"') ++wrapped;
    }
    begin = end + 1;
  }
  return lines >= 4 && longest <= 100 && wrapped * 3 >= lines;
}

bool is_boilerplate_line(std::string_view line) noexcept {
  if (std::any_of(kBoilerplateOpenings.begin(), kBoilerplateOpenings.end(),
                  [&](std::string_view o) { return istarts_with(line, o); }))
    return true;
  // Keyword strings such as "Milwaukee,,Wisconsin,-,July,16": long, no spaces, comma separated.
  return line.size() > 20 && line.find(' ') == std::string_view::npos &&
         std::count(line.begin(), line.end(), ',') >= 3;
}

bool is_related_list_heading(std::string_view line) noexcept {
  return std::any_of(kRelatedListHeadings.begin(), kRelatedListHeadings.end(),
                     [&](std::string_view h) { return iequals(line, h) || (istarts_with(line, h) && line.size() <= h.size() + 1); });
}

// The first '.', '?' or '!' in [from, to) of `text`, or `to`. Sentences are long and these are
// rare, so the bytes are compared eight at a time where the machine allows.
std::size_t find_terminator(std::string_view text, std::size_t from, std::size_t to) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  constexpr std::uint64_t highs = 0x80 * ones;
  std::size_t i = from;
  if constexpr (std::endian::native == std::endian::little) {
    // A zero byte of `v` sets its high bit in `zero_bytes(v)`; the lowest such bit is exact.
    auto const zero_bytes = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    for (; i + 8 <= to; i += 8) {
      std::uint64_t bytes;
      std::memcpy(&bytes, text.data() + i, 8);
      std::uint64_t const hits =
          zero_bytes(bytes ^ ('.' * ones)) | zero_bytes(bytes ^ ('?' * ones)) | zero_bytes(bytes ^ ('!' * ones));
      if (hits != 0) return i + std::size_t(std::countr_zero(hits)) / 8;
    }
  }
  for (; i < to; ++i) {
    char const c = text[i];
    if (c == '.' || c == '?' || c == '!') return i;
  }
  return to;
}

class Splitter {
 public:
  // Longer sentences are cut (see emit). News sentences stay far below it.
  static constexpr std::size_t kMaxSentenceBytes = 2048;

  explicit Splitter(std::string_view text) : text_(text) {}

  std::vector<Sentence> run() {
    const bool wrapped = looks_hard_wrapped(text_);
    std::size_t pos = 0;
    while (pos < text_.size()) {
      // A paragraph ends at a blank line, or at any newline when lines are paragraphs.
      std::size_t end = pos;
      while (end < text_.size()) {
        const std::size_t nl = text_.find('\n', end);
        if (nl == std::string_view::npos) { end = text_.size(); break; }
        if (!wrapped || trim(text_.substr(nl + 1, text_.find('\n', nl + 1) - nl - 1)).empty()) { end = nl; break; }
        end = nl + 1;
      }
      paragraph(pos, end);
      pos = end + 1;
    }
    return std::move(out_);
  }

 private:
  void paragraph(std::size_t begin, std::size_t end) {
    const std::string_view whole = trim(text_.substr(begin, end - begin));
    if (whole.empty()) return;
    if (is_related_list_heading(whole)) in_related_list_ = true;
    const bool boilerplate = in_related_list_ || is_boilerplate_line(whole);
    const std::size_t first = out_.size();
    std::size_t start = begin;
    for (std::size_t i = find_terminator(text_, begin, end); i < end; i = find_terminator(text_, i + 1, end)) {
      const char c = text_[i];
      std::size_t after = i + 1;
      while (after < end && (text_[after] == '.' || text_[after] == '?' || text_[after] == '!')) ++after;
      while (after < end && closes_quote(text_, after)) after += quote_length(text_, after);
      if (after >= end || space_at(text_, after) == 0) continue;
      std::size_t next = after;
      while (next < end && space_at(text_, next) > 0) next += space_at(text_, next);
      if (!can_open_sentence(text_, next)) continue;
      if (c == '.') {
        const std::string_view abbreviation = word_before(text_, i);
        if (is_abbreviation(abbreviation) && !(may_end_sentence(abbreviation) && opens_sentence(text_, next))) continue;
      }
      if (c == '.' && i > begin && is_digit(text_[i - 1]) && is_digit(text_[next])) continue;
      emit(start, after, boilerplate);
      start = next;
      i = next - 1;
    }
    emit(start, end, boilerplate);
    for (std::size_t s = first; s < out_.size(); ++s) out_[s].paragraph = paragraph_count_;
    if (out_.size() > first) ++paragraph_count_;
  }

  void emit(std::size_t begin, std::size_t end, bool boilerplate) {
    // Trimmed of white space, no-break spaces included: a sentence's text is its words.
    for (std::size_t n; begin < end && (n = space_at(text_.substr(0, end), begin)) > 0;) begin += n;
    for (std::size_t n; end > begin && (n = space_before(text_.substr(begin), end - begin)) > 0;) end -= n;
    // A run of text without sentence ends (a table, a scraped page without punctuation) is cut
    // into pieces at white space: later stages read a sentence as a whole, in time that grows
    // with the square of its length.
    while (end - begin > kMaxSentenceBytes) {
      std::size_t cut = begin + kMaxSentenceBytes;
      std::size_t space = cut;
      while (space > begin + kMaxSentenceBytes / 2 && !is_space(text_[space])) --space;
      if (is_space(text_[space])) {
        cut = space;
      } else {
        while (cut > begin && (static_cast<unsigned char>(text_[cut]) & 0xC0) == 0x80) --cut;
        if (cut == begin) cut = begin + kMaxSentenceBytes;  // not UTF-8: any cut will do
      }
      std::size_t piece_end = cut;
      while (piece_end > begin && is_space(text_[piece_end - 1])) --piece_end;
      if (begin < piece_end) out_.push_back({begin, piece_end, 0, boilerplate});
      begin = cut;
      while (begin < end && is_space(text_[begin])) ++begin;
    }
    if (begin < end) out_.push_back({begin, end, 0, boilerplate});
  }

  std::string_view text_;
  std::vector<Sentence> out_;
  std::size_t paragraph_count_ = 0;
  bool in_related_list_ = false;
};

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) { return Splitter(text).run(); }

std::size_t sentence_at(const std::vector<Sentence>& sentences, std::size_t offset) noexcept {
  const auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                                   [](std::size_t o, const Sentence& s) { return o < s.start; });
  if (it == sentences.begin()) return sentences.size();
  const auto index = static_cast<std::size_t>(std::prev(it) - sentences.begin());
  return offset < sentences[index].end ? index : sentences.size();
}

}  // namespace reckon
