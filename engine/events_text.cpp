#include "engine/events_text.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>

#include "grammar/word_table.hpp"

namespace reckon::events_text {
namespace {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
};

// Decodes one UTF-8 sequence (the text is validated at ingest; stray bytes decode as themselves).
CodePoint decode(std::string_view text, std::size_t i) noexcept {
  auto const byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char const b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  if (length == 1 || i + length > text.size()) return {b0, 1};
  char32_t value = b0 & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {b0, 1};
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  return {value, length};
}

bool ascii_letter(char32_t c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters beyond ASCII: everything from U+00C0 up that is not punctuation or a symbol block.
bool letter(char32_t c) noexcept {
  if (c < 0x80) return ascii_letter(c);
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x2BFF) return false;  // punctuation, currency, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFE30 && c <= 0xFE6F) return false;
  if (c >= 0xFF00 && c <= 0xFF20) return false;
  return true;
}

bool upper(char32_t c) noexcept {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x137) return c % 2 == 0;
  if (c >= 0x139 && c <= 0x148) return c % 2 == 1;
  if (c >= 0x14A && c <= 0x177) return c % 2 == 0;
  if (c >= 0x178 && c <= 0x17E) return c == 0x178 || c % 2 == 1;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x400 && c <= 0x42F) return true;
  return false;
}

bool digit(char32_t c) noexcept { return c >= '0' && c <= '9'; }
bool space(char32_t c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0;
}
bool apostrophe(char32_t c) noexcept { return c == '\'' || c == 0x2019; }

// Folding of Latin-1 and Latin Extended-A letters to ASCII (lower case).
std::string_view fold_latin(char32_t c) noexcept {
  if (c >= 0xC0 && c <= 0xFF) {
    static constexpr std::string_view latin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
    return latin1[c - 0xC0];
  }
  struct Range {
    char32_t first;
    char32_t last;
    std::string_view ascii;
  };
  static constexpr Range ranges[] = {
      {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
      {0x11C, 0x123, "g"}, {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
      {0x134, 0x135, "j"}, {0x136, 0x138, "k"}, {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
      {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
      {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
      {0x179, 0x17E, "z"}};
  for (const Range& r : ranges)
    if (c >= r.first && c <= r.last) return r.ascii;
  return {};
}

using Table = grammar::WordTable<unsigned, 2048>;

void add_all(Table& table, std::initializer_list<std::string_view> words, unsigned cls) {
  for (auto w : words) table.add(w, cls);
}

Table build_lexicon() {
  Table t;
  add_all(t,
          {"president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
           "envoy", "adviser", "advisor", "ambassador", "senator", "congressman", "congresswoman",
           "representative", "governor", "mayor", "chancellor", "premier", "king", "queen",
           "prince", "princess", "pope", "general", "admiral", "colonel", "captain", "commander",
           "director", "commissioner", "chairman", "chairwoman", "chair", "ceo", "leader",
           "head", "judge", "justice", "speaker", "sheikh", "emir", "sultan", "aide",
           "official", "diplomat", "negotiator", "deputy", "counselor", "attorney", "lawyer",
           "chief", "president-elect", "lady", "sir", "dame", "lord", "professor", "correspondent",
           "reporter", "analyst", "columnist", "editor", "anchor", "host", "commentator",
           "secretary-general", "presidents", "ministers", "leaders", "secretaries", "senators",
           "officials", "aides", "envoys", "spokespeople", "spokespersons", "diplomats"},
          title);
  add_all(t, {"presidents", "ministers", "leaders", "secretaries", "senators", "officials", "messrs",
              "aides", "envoys", "diplomats"},
          plural_title);
  add_all(t, {"mr", "mrs", "ms", "dr", "messrs", "mmes", "sen", "rep", "gov", "gen", "lt", "col",
              "capt", "cmdr", "adm", "sgt", "prof", "pres", "amb", "hon", "rev", "fr", "st"},
          honorific);
  add_all(t, {"foreign", "defense", "defence", "prime", "press", "special", "national", "security",
              "vice", "deputy", "chief", "top", "former", "acting", "interim", "senior", "finance",
              "interior", "home", "trade", "economy", "energy", "health", "justice", "state",
              "first", "supreme", "federal", "executive", "general", "policy", "affairs",
              "army", "navy", "military", "intelligence", "communications",
              "economic", "budget", "treasury", "commerce", "labor", "transport", "education",
              "culture", "environment", "emergency", "presidential", "government", "opposition",
              "party", "majority", "minority", "senate", "assistant", "associate", "principal"},
          role);
  add_all(t, {"russian", "american", "ukrainian", "us", "u.s.", "usa", "uk", "u.k.", "eu", "british",
              "french", "german", "chinese", "european", "israeli", "iranian", "saudi", "turkish",
              "polish", "italian", "spanish", "japanese", "indian", "canadian", "mexican",
              "brazilian", "korean", "syrian", "palestinian", "egyptian", "qatari", "emirati",
              "belarusian", "finnish", "swedish", "dutch", "belgian", "hungarian", "kazakh",
              "pakistani", "afghan", "iraqi", "lebanese", "jordanian", "venezuelan", "cuban",
              "australian", "estonian", "latvian", "lithuanian", "romanian", "bulgarian", "greek",
              "serbian", "croatian", "czech", "slovak", "austrian", "swiss", "norwegian",
              "danish", "irish", "scottish", "welsh", "portuguese", "argentine", "chilean",
              "colombian", "nigerian", "kenyan", "ethiopian", "south", "north", "western",
              "eastern", "soviet", "arab", "african", "asian", "latin", "nato", "un", "kremlin",
              "moldovan", "armenian", "azerbaijani", "uzbek", "taiwanese", "vietnamese", "thai",
              "indonesian", "filipino", "yemeni", "libyan", "sudanese", "algerian", "moroccan",
              "tunisian", "omani", "kuwaiti", "bahraini"},
          nationality);
  add_all(t, {"department", "house", "ministry", "office", "council", "union", "agency", "committee",
              "party", "parliament", "congress", "senate", "kremlin", "pentagon", "court", "bank",
              "fund", "nations", "army", "forces", "news", "times", "post", "press", "tv",
              "television", "network", "university", "institute", "company", "corp", "inc",
              "group", "association", "organization", "organisation", "assembly", "commission",
              "administration", "government", "embassy", "airport", "program", "programme",
              "affairs", "foundation", "media", "radio", "journal", "herald", "tribune",
              "social", "daily", "weekly", "magazine", "channel", "service", "services", "command",
              "guard", "police", "republic", "federation", "kingdom", "states", "emirates",
              "alliance", "coalition", "movement", "front", "brigade", "navy", "air", "force",
              "bureau", "authority", "board", "centre", "center", "club", "league", "cup",
              "festival", "summit", "conference", "forum", "war", "treaty", "accord", "act",
              "law", "bill", "plan", "street", "avenue", "square", "palace", "hall", "tower",
              "building", "hotel", "base", "station", "region", "province", "oblast", "county",
              "city", "island", "islands", "sea", "ocean", "river", "lake", "mountains", "valley",
              "desert", "day", "week", "month", "year", "capitol", "ministries", "reuters", "ap",
              "afp", "tass", "bbc", "cnn", "cbs", "nbc", "abc", "fox", "interfax",
              "ria", "xinhua", "politics", "show"},
          organisation);
  add_all(t, {"the", "a", "an", "and", "or", "but", "nor", "so", "yet", "for", "of", "in", "on",
              "at", "to", "from", "by", "with", "about", "as", "into", "over", "after", "before",
              "since", "until", "during", "while", "when", "where", "why", "how", "what", "who",
              "whom", "whose", "which", "that", "this", "these", "those", "there", "here", "it",
              "its", "he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your",
              "my", "me", "him", "them", "us", "if", "though", "although", "because", "however",
              "meanwhile", "also", "still", "then", "now", "today", "yesterday", "tomorrow",
              "earlier", "later", "according", "asked", "speaking", "reporting", "writing",
              "both", "all", "any", "some", "many", "most", "few", "several", "each", "every",
              "no", "not", "only", "just", "even", "more", "less", "other", "another", "such",
              "like", "unlike", "despite", "amid", "among", "between", "against", "without",
              "within", "across", "through", "toward", "towards", "upon", "under", "above",
              "below", "near", "instead", "rather", "whether", "once", "again", "further",
              "indeed", "yes", "oh", "well", "please", "thank", "thanks", "dear", "hello",
              "is", "are", "was", "were", "be", "been", "has", "have", "had", "do", "does", "did",
              "will", "would", "could", "should", "may", "might", "must", "can", "shall", "it's",
              "i'm", "we're", "they're", "you're", "he's", "she's", "that's", "there's",
              "i've", "we've", "i'll", "we'll", "don't", "didn't", "won't", "can't", "isn't",
              "wasn't", "following", "including", "regarding", "given", "under", "nearly",
              "almost", "around", "about", "per", "via", "versus", "vs", "new", "old", "first",
              "last", "next", "second", "third", "one", "two", "three", "four", "five", "ten",
              "both", "neither", "either", "let", "let's", "see", "watch", "read", "more",
              "advertisement", "credit", "photo", "image", "video", "source", "loading",
              "donate", "subscribe", "share", "related", "breaking", "live", "update", "updated",
              "opinion", "analysis", "editorial", "exclusive", "newsletter",
              // Sentence adverbs, capitalised when they open a sentence ("Recently Apple said").
              "recently", "currently", "finally", "previously", "originally", "initially",
              "eventually", "separately", "similarly", "additionally", "subsequently",
              "ultimately", "reportedly", "apparently", "fortunately", "unfortunately",
              "consequently", "likewise", "notably", "specifically", "allegedly", "officially",
              "publicly", "privately", "immediately", "shortly", "formerly", "afterwards",
              "afterward", "thereafter", "nonetheless", "nevertheless", "furthermore",
              "moreover", "otherwise", "overall", "hence", "thus", "therefore"},
          function);
  add_all(t, {"january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
              "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
              "thur", "thurs", "fri", "sat", "sun", "christmas", "easter", "ramadan"},
          calendar);
  add_all(t, {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin",
              "ibn", "al", "el", "ben", "dos", "das", "ter", "ten", "y", "zu", "af", "bint", "abu"},
          particle);
  add_all(t, {"jr", "sr", "ii", "iii", "iv"}, name_suffix);
  return t;
}

const Table& lexicon() {
  static const Table table = build_lexicon();
  return table;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, std::size_t from, std::size_t to) {
  std::vector<Token> out;
  tokenize(text, from, to, out);
  return out;
}

namespace {

// The ASCII bytes a word is made of: letters and digits.
constexpr std::array<bool, 256> kAsciiWordByte = [] {
  std::array<bool, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[static_cast<std::size_t>(c)] = true;
  for (int c = '0'; c <= '9'; ++c) table[static_cast<std::size_t>(c)] = true;
  return table;
}();

}  // namespace

void tokenize(std::string_view text, std::size_t from, std::size_t to, std::vector<Token>& out) {
  out.clear();
  if (to > text.size()) to = text.size();
  if (to > from) out.reserve((to - from) / 4 + 4);
  std::size_t i = from;
  while (i < to) {
    CodePoint const c = decode(text, i);
    if (space(c.value)) {
      i += c.length;
      continue;
    }
    Token t;
    t.start = i;
    if (apostrophe(c.value) && !out.empty() && out.back().end == i && out.back().kind == TokenKind::word) {
      // A possessive "'s" right after a word ("Putin's"), or a bare "'" after a plural ("leaders'").
      std::size_t j = i + c.length;
      if (j < to && (text[j] == 's' || text[j] == 'S') && (j + 1 >= to || !letter(decode(text, j + 1).value))) {
        t.end = j + 1;
        t.kind = TokenKind::possessive;
        out.push_back(t);
        i = t.end;
        continue;
      }
    }
    if (letter(c.value)) {
      t.kind = TokenKind::word;
      t.capitalised = upper(c.value);
      // Whether every letter is a capital matters only for a word that starts with one: only
      // then are the letters counted.
      bool every_upper = t.capitalised;
      std::size_t letters = 0;
      std::size_t j = i;
      while (j < to) {
        // ASCII letters and digits, the bulk of every word, with one table lookup a byte.
        std::size_t const run = j;
        while (j < to && kAsciiWordByte[static_cast<unsigned char>(text[j])]) ++j;
        if (every_upper) {
          for (std::size_t k = run; k < j; ++k) {
            auto const b = static_cast<unsigned char>(text[k]);
            if (b >= 'a' && b <= 'z') every_upper = false;
            if (b > '9') ++letters;
          }
        }
        if (j >= to) break;
        // Apostrophes and bytes beyond ASCII go the general way; other ASCII ends the word.
        if (auto const b = static_cast<unsigned char>(text[j]); b < 0x80 && b != '\'') break;
        CodePoint const d = decode(text, j);
        if (letter(d.value) || digit(d.value)) {
          if (letter(d.value)) {
            ++letters;
            every_upper = every_upper && upper(d.value);
          }
          j += d.length;
          continue;
        }
        // An inner apostrophe joins ("won't", "O'Brien") unless it starts a possessive "'s".
        if (apostrophe(d.value) && j + d.length < to) {
          std::size_t const k = j + d.length;
          CodePoint const e = decode(text, k);
          bool const possessive = (text[k] == 's' || text[k] == 'S') &&
                                  (k + 1 >= to || !letter(decode(text, k + 1).value));
          if (letter(e.value) && !possessive) {
            j = k;
            continue;
          }
        }
        break;
      }
      // Acronyms with periods: "U.S.", "D.C.", "U.K." (single letters each followed by a period).
      if (j - i == 1 && j < to && text[j] == '.' && j + 2 < to && letter(decode(text, j + 1).value) &&
          text[j + 2] == '.') {
        std::size_t k = j;
        while (k + 2 < to && text[k] == '.' && ascii_letter(static_cast<unsigned char>(text[k + 1])) &&
               text[k + 2] == '.') {
          k += 2;
          ++letters;
        }
        j = k + 1;
      }
      t.end = j;
      t.all_caps = every_upper && letters >= 2;
      out.push_back(t);
      i = j;
      continue;
    }
    if (digit(c.value)) {
      std::size_t j = i;
      while (j < to && (digit(static_cast<unsigned char>(text[j])) ||
                        ((text[j] == '.' || text[j] == ',') && j + 1 < to &&
                         digit(static_cast<unsigned char>(text[j + 1]))))) {
        ++j;
      }
      t.end = j;
      t.kind = TokenKind::number;
      out.push_back(t);
      i = j;
      continue;
    }
    t.end = i + c.length;
    t.kind = TokenKind::punct;
    out.push_back(t);
    i = t.end;
  }
}

std::string lower(std::string_view word) {
  std::string out(word);
  lower_in_place(out.data(), out.size());
  return out;
}

namespace {

// Appends the folded form of `word` through `put(const char*, std::size_t)`; fold() and fold_into()
// share it so that both spell every word the same.
template <typename Put>
void fold_each(std::string_view word, Put put) {
  std::size_t i = 0;
  while (i < word.size()) {
    auto const b = static_cast<unsigned char>(word[i]);
    if (b < 0x80) {
      char const ch = b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b);
      put(&ch, 1);
      ++i;
      continue;
    }
    CodePoint const c = decode(word, i);
    if (auto const ascii = fold_latin(c.value); !ascii.empty()) {
      put(ascii.data(), ascii.size());
    } else if (c.value >= 0x410 && c.value <= 0x42F) {
      // Cyrillic capitals to their lower-case forms, so case does not split names.
      char32_t const l = c.value + 0x20;
      char const two[2] = {static_cast<char>(0xC0 | (l >> 6)), static_cast<char>(0x80 | (l & 0x3F))};
      put(two, 2);
    } else {
      put(word.data() + i, c.length);
    }
    i += c.length;
  }
}

}  // namespace

std::string fold(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  fold_each(word, [&](const char* p, std::size_t n) { out.append(p, n); });
  return out;
}

std::size_t fold_into(std::string_view word, char* out, std::size_t capacity) noexcept {
  std::size_t size = 0;
  bool overflow = false;
  fold_each(word, [&](const char* p, std::size_t n) {
    if (overflow || size + n > capacity) {
      overflow = true;
      return;
    }
    for (std::size_t k = 0; k < n; ++k) out[size + k] = p[k];
    size += n;
  });
  return overflow ? capacity + 1 : size;
}

bool equals_lower(std::string_view word, std::string_view lower_case) noexcept {
  if (word.size() != lower_case.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    char c = word[k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower_case[k]) return false;
  }
  return true;
}


void lower_in_place(char* data, std::size_t n) noexcept {
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= n; i += 8) {
      std::uint64_t x;
      std::memcpy(&x, data + i, 8);
      x = grammar::lower_eight(x);
      std::memcpy(data + i, &x, 8);
    }
  }
  for (; i < n; ++i)
    if (data[i] >= 'A' && data[i] <= 'Z') data[i] = static_cast<char>(data[i] - 'A' + 'a');
}

std::optional<grammar::WordKey> fast_word_key(std::string_view word) noexcept {
  return grammar::fast_word_key(word);
}

unsigned word_class(std::string_view word) noexcept {
  if (!word.empty() && word.back() == '.' && word.size() > 1 && word.find('.') == word.size() - 1) {
    word.remove_suffix(1);
  }
  auto const key = fast_word_key(word);
  return key ? lexicon().find(*key) : 0u;
}

bool title_case(std::string_view text, const std::vector<Token>& tokens) {
  // Every longer word capitalised, function words included ("Rubio Meets With Lavrov to Discuss
  // Ukraine"); one lower-case content word ("called") and it is ordinary prose full of names.
  std::size_t long_words = 0;
  for (const Token& t : tokens) {
    if (t.kind != TokenKind::word || t.end - t.start < 4) continue;
    if (!t.capitalised) {
      if ((word_class(text_of(text, t)) & function) != 0) continue;
      return false;
    }
    ++long_words;
  }
  return long_words >= 4;
}

}  // namespace reckon::events_text
