#include "engine/entities.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "engine/sentence_words.hpp"
#include "grammar/word_table.hpp"

namespace reckon {
namespace {

using events_text::Token;
using events_text::TokenKind;
namespace wc = events_text;

// The gazetteer: canonical name, level (0 country or region, 1 state or province, 2 city), and
// the other ways it is written, separated by '|'.
struct PlaceEntry {
  std::string_view canonical;
  int level;
  std::string_view variants;
};

constexpr PlaceEntry kPlaces[] = {
    // Countries and regions.
    {"United States", 0, "US|U.S.|USA|U.S.A.|America|United States of America"},
    {"United Kingdom", 0, "UK|U.K.|Britain|Great Britain"},
    {"Russia", 0, "Russian Federation"}, {"Ukraine", 0, ""}, {"Belarus", 0, ""},
    {"China", 0, "People's Republic of China"}, {"Taiwan", 0, ""}, {"Japan", 0, ""},
    {"South Korea", 0, "Republic of Korea"}, {"North Korea", 0, ""}, {"India", 0, ""},
    {"Pakistan", 0, ""}, {"Afghanistan", 0, ""}, {"Iran", 0, ""}, {"Iraq", 0, ""},
    {"Syria", 0, ""}, {"Lebanon", 0, ""}, {"Israel", 0, ""}, {"Palestine", 0, ""}, {"Gaza", 0, "Gaza Strip"},
    {"West Bank", 0, ""}, {"Jordan", 0, ""}, {"Egypt", 0, ""}, {"Saudi Arabia", 0, ""},
    {"Qatar", 0, ""}, {"United Arab Emirates", 0, "UAE|U.A.E."}, {"Oman", 0, ""}, {"Yemen", 0, ""},
    {"Kuwait", 0, ""}, {"Bahrain", 0, ""}, {"Turkey", 0, "Türkiye|Turkiye"}, {"Greece", 0, ""},
    {"Cyprus", 0, ""}, {"Italy", 0, ""}, {"France", 0, ""}, {"Germany", 0, ""}, {"Spain", 0, ""},
    {"Portugal", 0, ""}, {"Netherlands", 0, "Holland"}, {"Belgium", 0, ""}, {"Luxembourg", 0, ""},
    {"Switzerland", 0, ""}, {"Austria", 0, ""}, {"Poland", 0, ""}, {"Czech Republic", 0, "Czechia"},
    {"Slovakia", 0, ""}, {"Hungary", 0, ""}, {"Romania", 0, ""}, {"Bulgaria", 0, ""},
    {"Moldova", 0, ""}, {"Serbia", 0, ""}, {"Croatia", 0, ""}, {"Bosnia", 0, "Bosnia and Herzegovina"},
    {"Slovenia", 0, ""}, {"Albania", 0, ""}, {"Kosovo", 0, ""}, {"North Macedonia", 0, "Macedonia"},
    {"Montenegro", 0, ""}, {"Estonia", 0, ""}, {"Latvia", 0, ""}, {"Lithuania", 0, ""},
    {"Finland", 0, ""}, {"Sweden", 0, ""}, {"Norway", 0, ""}, {"Denmark", 0, ""}, {"Iceland", 0, ""},
    {"Ireland", 0, ""}, {"Scotland", 0, ""}, {"Wales", 0, ""}, {"England", 0, ""},
    {"Georgia", 0, ""}, {"Armenia", 0, ""}, {"Azerbaijan", 0, ""}, {"Kazakhstan", 0, ""},
    {"Uzbekistan", 0, ""}, {"Turkmenistan", 0, ""}, {"Kyrgyzstan", 0, ""}, {"Tajikistan", 0, ""},
    {"Mongolia", 0, ""}, {"Vietnam", 0, ""}, {"Thailand", 0, ""}, {"Cambodia", 0, ""},
    {"Myanmar", 0, "Burma"}, {"Malaysia", 0, ""}, {"Singapore", 0, ""}, {"Indonesia", 0, ""},
    {"Philippines", 0, ""}, {"Australia", 0, ""}, {"New Zealand", 0, ""}, {"Canada", 0, ""},
    {"Mexico", 0, ""}, {"Cuba", 0, ""}, {"Venezuela", 0, ""}, {"Colombia", 0, ""}, {"Brazil", 0, ""},
    {"Argentina", 0, ""}, {"Chile", 0, ""}, {"Peru", 0, ""}, {"Ecuador", 0, ""}, {"Bolivia", 0, ""},
    {"Panama", 0, ""}, {"Greenland", 0, ""}, {"Libya", 0, ""}, {"Tunisia", 0, ""}, {"Algeria", 0, ""},
    {"Morocco", 0, ""}, {"Sudan", 0, ""}, {"South Sudan", 0, ""}, {"Ethiopia", 0, ""},
    {"Somalia", 0, ""}, {"Kenya", 0, ""}, {"Nigeria", 0, ""}, {"Ghana", 0, ""}, {"Mali", 0, ""},
    {"Niger", 0, ""}, {"South Africa", 0, ""}, {"Congo", 0, "Democratic Republic of the Congo|DRC"},
    {"Rwanda", 0, ""}, {"Uganda", 0, ""}, {"Tanzania", 0, ""}, {"Zimbabwe", 0, ""},
    {"Europe", 0, ""}, {"Asia", 0, ""}, {"Africa", 0, ""}, {"Middle East", 0, ""},
    {"Latin America", 0, ""}, {"Crimea", 1, ""}, {"Donbas", 1, "Donbass"}, {"Donetsk", 1, ""},
    {"Luhansk", 1, "Lugansk"}, {"Zaporizhzhia", 1, ""}, {"Kherson", 1, ""}, {"Kursk", 1, ""},
    // US states.
    {"Alabama", 1, ""}, {"Alaska", 1, ""}, {"Arizona", 1, ""}, {"Arkansas", 1, ""},
    {"California", 1, ""}, {"Colorado", 1, ""}, {"Connecticut", 1, ""}, {"Delaware", 1, ""},
    {"Florida", 1, ""}, {"Hawaii", 1, ""}, {"Idaho", 1, ""}, {"Illinois", 1, ""}, {"Indiana", 1, ""},
    {"Iowa", 1, ""}, {"Kansas", 1, ""}, {"Kentucky", 1, ""}, {"Louisiana", 1, ""}, {"Maine", 1, ""},
    {"Maryland", 1, ""}, {"Massachusetts", 1, ""}, {"Michigan", 1, ""}, {"Minnesota", 1, ""},
    {"Mississippi", 1, ""}, {"Missouri", 1, ""}, {"Montana", 1, ""}, {"Nebraska", 1, ""},
    {"Nevada", 1, ""}, {"New Hampshire", 1, ""}, {"New Jersey", 1, ""}, {"New Mexico", 1, ""},
    {"New York State", 1, ""}, {"North Carolina", 1, ""}, {"North Dakota", 1, ""}, {"Ohio", 1, ""},
    {"Oklahoma", 1, ""}, {"Oregon", 1, ""}, {"Pennsylvania", 1, ""}, {"Rhode Island", 1, ""},
    {"South Carolina", 1, ""}, {"South Dakota", 1, ""}, {"Tennessee", 1, ""}, {"Texas", 1, ""},
    {"Utah", 1, ""}, {"Vermont", 1, ""}, {"Virginia", 1, ""}, {"West Virginia", 1, ""},
    {"Wisconsin", 1, ""}, {"Wyoming", 1, ""},
    // Capitals and major cities.
    {"Washington", 2, "Washington DC|Washington D.C."}, {"New York", 2, "New York City|NYC"},
    {"Los Angeles", 2, ""}, {"Chicago", 2, ""}, {"San Francisco", 2, ""}, {"Miami", 2, ""},
    {"Anchorage", 2, ""}, {"Moscow", 2, ""}, {"St. Petersburg", 2, "Saint Petersburg|St Petersburg"},
    {"Sochi", 2, ""}, {"Kyiv", 2, "Kiev"}, {"Kharkiv", 2, "Kharkov"}, {"Odesa", 2, "Odessa"},
    {"Lviv", 2, ""}, {"Minsk", 2, ""}, {"London", 2, ""}, {"Paris", 2, ""}, {"Berlin", 2, ""},
    {"Munich", 2, ""}, {"Rome", 2, ""}, {"Madrid", 2, ""}, {"Lisbon", 2, ""}, {"Brussels", 2, ""},
    {"Amsterdam", 2, ""}, {"The Hague", 2, ""}, {"Geneva", 2, ""}, {"Bern", 2, ""},
    {"Davos", 2, ""}, {"Vienna", 2, ""}, {"Warsaw", 2, ""}, {"Prague", 2, ""}, {"Budapest", 2, ""},
    {"Bucharest", 2, ""}, {"Sofia", 2, ""}, {"Athens", 2, ""}, {"Istanbul", 2, ""},
    {"Ankara", 2, ""}, {"Helsinki", 2, ""}, {"Stockholm", 2, ""}, {"Oslo", 2, ""},
    {"Copenhagen", 2, ""}, {"Dublin", 2, ""}, {"Vilnius", 2, ""}, {"Riga", 2, ""},
    {"Tallinn", 2, ""}, {"Tbilisi", 2, ""}, {"Yerevan", 2, ""}, {"Baku", 2, ""}, {"Astana", 2, ""},
    {"Tashkent", 2, ""}, {"Beijing", 2, ""}, {"Shanghai", 2, ""}, {"Hong Kong", 2, ""},
    {"Taipei", 2, ""}, {"Tokyo", 2, ""}, {"Seoul", 2, ""}, {"Pyongyang", 2, ""},
    {"New Delhi", 2, "Delhi"}, {"Islamabad", 2, ""}, {"Kabul", 2, ""}, {"Tehran", 2, ""},
    {"Baghdad", 2, ""}, {"Damascus", 2, ""}, {"Beirut", 2, ""}, {"Amman", 2, ""},
    {"Jerusalem", 2, ""}, {"Tel Aviv", 2, ""}, {"Cairo", 2, ""}, {"Riyadh", 2, ""},
    {"Jeddah", 2, ""}, {"Doha", 2, ""}, {"Dubai", 2, ""}, {"Abu Dhabi", 2, ""}, {"Muscat", 2, ""},
    {"Ottawa", 2, ""}, {"Toronto", 2, ""}, {"Mexico City", 2, ""}, {"Havana", 2, ""},
    {"Caracas", 2, ""}, {"Bogota", 2, "Bogotá"}, {"Brasilia", 2, "Brasília"},
    {"Buenos Aires", 2, ""}, {"Canberra", 2, ""}, {"Sydney", 2, ""}, {"Singapore City", 2, ""},
    {"Bangkok", 2, ""}, {"Hanoi", 2, ""}, {"Jakarta", 2, ""}, {"Manila", 2, ""},
    {"Nairobi", 2, ""}, {"Addis Ababa", 2, ""}, {"Lagos", 2, ""}, {"Pretoria", 2, ""},
    {"Johannesburg", 2, ""}, {"Camp David", 2, ""}, {"Mar-a-Lago", 2, ""}};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// Folded place text ("u.s.", "new york") → entry index, and every prefix of such a text, so that
// a lookup stops as soon as no place can start with the words read so far; built once.
constexpr std::size_t kPlaceKeyCapacity = 96;

struct PlaceIndex {
  static constexpr std::size_t prefix_only = static_cast<std::size_t>(-1);
  // Every key and every prefix of one; a prefix that is no key maps to prefix_only.
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> keys;
  // Every prefix of a key that ends where a word of it does (before ' ', '.', '-' or at its end):
  // a place's first token, folded, is one of these. Most capitalised words are no place, and this
  // table turns them away without hashing a string.
  grammar::WordTable<bool, 2048> first_words;

  void add(std::string key, std::size_t entry) {
    // Two bytes to spare, so a separator after any key still fits the lookup buffer.
    if (key.size() + 2 > kPlaceKeyCapacity) throw std::logic_error("gazetteer name too long: " + key);
    for (std::size_t n = 1; n < key.size(); ++n) keys.emplace(key.substr(0, n), prefix_only);
    for (std::size_t n = 1; n <= key.size(); ++n)
      if (n == key.size() || key[n] == ' ' || key[n] == '.' || key[n] == '-') first_words.add(key.substr(0, n), true);
    auto const [it, added] = keys.emplace(std::move(key), entry);
    if (!added && it->second == prefix_only) it->second = entry;  // the first entry of a key wins
  }
  // The entry of a key, prefix_only for a mere prefix, nothing when no key starts so.
  std::optional<std::size_t> find(std::string_view key) const {
    auto const it = keys.find(key);
    if (it == keys.end()) return std::nullopt;
    return it->second;
  }
};

const PlaceIndex& place_index() {
  static const PlaceIndex index = [] {
    PlaceIndex m;
    for (std::size_t i = 0; i < std::size(kPlaces); ++i) {
      m.add(wc::fold(kPlaces[i].canonical), i);
      std::string_view rest = kPlaces[i].variants;
      while (!rest.empty()) {
        auto const bar = rest.find('|');
        m.add(wc::fold(rest.substr(0, bar)), i);
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
    }
    return m;
  }();
  return index;
}

// Whether a place may start with this word. Only ASCII words of up to 16 bytes (the table's
// keys) are turned away: any other word folds to something else and is looked up in full.
bool may_start_place(const PlaceIndex& index, std::string_view word) {
  if (word.size() > 16) return true;
  for (char const c : word)
    if (static_cast<unsigned char>(c) >= 0x80) return true;
  return index.first_words.find(word);
}

std::string_view word_at(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  return i < tokens.size() ? wc::text_of(text, tokens[i]) : std::string_view();
}

bool is_punct(std::string_view text, const std::vector<Token>& tokens, std::size_t i, std::string_view p) {
  return i < tokens.size() && tokens[i].kind == TokenKind::punct && wc::text_of(text, tokens[i]) == p;
}

// A capitalised word that can be part of a person's name.
bool name_word(std::string_view text, const std::vector<Token>& tokens, const TokenFacts& facts, std::size_t i) {
  if (i >= tokens.size()) return false;
  const Token& t = tokens[i];
  if (t.kind != TokenKind::word || !t.capitalised || t.all_caps) return false;
  std::string_view const w = wc::text_of(text, t);
  if (w.size() < 2 || (w[0] >= '0' && w[0] <= '9')) return false;
  constexpr unsigned not_names = wc::title | wc::honorific | wc::role | wc::nationality | wc::organisation |
                                 wc::function | wc::calendar | wc::name_suffix;
  if ((facts.classes[i] & not_names) != 0) return false;
  return !facts.places[i].has_value();
}

// A single capital letter with a period: an initial ("George W. Bush").
bool initial(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  return i + 1 < tokens.size() && tokens[i].kind == TokenKind::word && tokens[i].end - tokens[i].start == 1 &&
         tokens[i].capitalised && is_punct(text, tokens, i + 1, ".");
}

bool adjacent(const std::vector<Token>& tokens, std::size_t i) {
  return i > 0 && i < tokens.size() && tokens[i - 1].end == tokens[i].start;
}

// The title words before a name (walking back from token `first`): returns the index where
// the title begins, the lower-case title text, and whether a title or honorific was seen.
struct TitlePrefix {
  std::size_t begin;
  std::string title;
  bool titled = false;
  bool plural = false;
};

TitlePrefix title_before(std::string_view text, const std::vector<Token>& tokens, const TokenFacts& facts,
                         std::size_t first) {
  TitlePrefix p{first, {}, false, false};
  std::vector<std::string> words;
  std::size_t i = first;
  while (i > 0) {
    std::size_t const k = i - 1;
    const Token& t = tokens[k];
    if (t.kind == TokenKind::punct && wc::text_of(text, t) == "." && k > 0 &&
        (facts.classes[k - 1] & wc::honorific) != 0) {
      i = k;
      continue;
    }
    if (t.kind != TokenKind::word) break;
    std::string_view const w = wc::text_of(text, t);
    unsigned const cls = facts.classes[k];
    bool const of = w == "of" && !words.empty();
    constexpr unsigned title_like = wc::title | wc::honorific | wc::role | wc::nationality | wc::organisation;
    if ((cls & title_like) == 0 && !of) {
      if (!t.all_caps || !facts.places[k]) break;  // "US Secretary of State ..."
    }
    if ((cls & (wc::title | wc::honorific)) != 0) p.titled = true;
    if ((cls & wc::plural_title) != 0) p.plural = true;
    if ((cls & (wc::title | wc::honorific | wc::role)) != 0 || of) words.push_back(wc::lower(w));
    i = k;
    p.begin = tokens[k].start;
  }
  std::reverse(words.begin(), words.end());
  while (!words.empty() && words.back() == "of") words.pop_back();
  while (!words.empty() && words.front() == "of") words.erase(words.begin());
  for (const auto& w : words) {
    if (!p.title.empty()) p.title += ' ';
    p.title += w;
  }
  return p;
}

// Calls `f` with each word of a name ("George W. Bush" → George, W., Bush).
template <typename F>
void for_each_name_word(std::string_view name, F f) {
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    std::size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    if (j > i) f(name.substr(i, j - i));
    i = j;
  }
}

std::vector<std::string_view> name_words(std::string_view name) {
  std::vector<std::string_view> out;
  for_each_name_word(name, [&](std::string_view w) { out.push_back(w); });
  return out;
}

// Whether a word of a name identifies the person: no initial, lower-case particle or suffix.
bool identifying(std::string_view w) {
  if (w.size() <= 2 && w.back() == '.') return false;
  unsigned const cls = wc::word_class(w);
  if ((cls & wc::name_suffix) != 0) return false;
  return (cls & wc::particle) == 0 || (w[0] >= 'A' && w[0] <= 'Z');
}

// The words that identify a person.
std::vector<std::string_view> identifying_words(std::string_view name) {
  std::vector<std::string_view> out;
  for (auto w : name_words(name))
    if (identifying(w)) out.push_back(w);
  return out;
}

std::string surname_key(std::string_view name) {
  auto const words = identifying_words(name);
  return words.empty() ? std::string() : name_key(words.back());
}

}  // namespace

std::optional<PlaceMatch> find_place(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
  if (i >= tokens.size() || tokens[i].kind != TokenKind::word || !tokens[i].capitalised) return std::nullopt;
  const auto& index = place_index();
  if (!may_start_place(index, wc::text_of(text, tokens[i]))) return std::nullopt;
  std::optional<PlaceMatch> best;
  // The folded words read so far; no gazetteer key is longer than the buffer.
  char key[kPlaceKeyCapacity];
  std::size_t size = 0;
  std::size_t k = i;
  for (std::size_t n = 1; n <= 4 && k < tokens.size(); ++n, ++k) {
    const Token& t = tokens[k];
    if (t.kind == TokenKind::punct) {
      // Inner punctuation of a place name: "St. Petersburg", "Mar-a-Lago".
      std::string_view const p = wc::text_of(text, t);
      if ((p != "." && p != "-") || !adjacent(tokens, k)) break;
      key[size++] = p[0];  // fits: the key so far is a gazetteer key or prefix (see PlaceIndex::add)
      if (!index.find(std::string_view(key, size))) break;
      continue;
    }
    if (t.kind != TokenKind::word) break;
    // Separators fit for the same reason.
    if (k > i && size > 0 && key[size - 1] != '-' && key[size - 1] != '.') key[size++] = ' ';
    if (k > i && key[size - 1] == '.' && !adjacent(tokens, k)) key[size++] = ' ';
    std::size_t const folded = wc::fold_into(wc::text_of(text, t), key + size, kPlaceKeyCapacity - size);
    if (folded > kPlaceKeyCapacity - size) break;
    size += folded;
    auto const entry = index.find(std::string_view(key, size));
    if (!entry) break;  // no gazetteer key starts so: no longer one either
    if (*entry != PlaceIndex::prefix_only) {
      best = PlaceMatch{kPlaces[*entry].canonical, kPlaces[*entry].level, k - i + 1};
    }
  }
  return best;
}

TokenFacts token_facts(std::string_view text, const std::vector<Token>& tokens) {
  TokenFacts facts;
  token_facts(text, tokens, facts);
  return facts;
}

void token_facts(std::string_view text, const std::vector<Token>& tokens, TokenFacts& facts) {
  facts.classes.assign(tokens.size(), 0u);
  facts.places.assign(tokens.size(), std::nullopt);
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    // Numbers, possessives and punctuation are in no word class.
    if (tokens[k].kind != TokenKind::word) continue;
    facts.classes[k] = wc::word_class(wc::text_of(text, tokens[k]));
    if (tokens[k].capitalised) facts.places[k] = find_place(text, tokens, k);
  }
}

namespace {

// The spelling key of a folded name word, through put(char): see name_key().
template <typename Put>
void spell_name_key(std::string_view folded, Put put) {
  auto const vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  char last = 0;
  auto const emit = [&](char c) {
    if (last != c) put(c);  // one letter for a doubled one ("Lavrov"/"Lavrrov")
    last = c;
  };
  for (std::size_t i = 0; i < folded.size(); ++i) {
    char const c = folded[i];
    if (c == '\'' || c == '.') continue;
    if (c == 'x') {
      emit('k');
      emit('s');
    } else if (c == 'y' && i > 0) {
      emit('i');
    } else if (c == 'j' && i > 0 && vowel(folded[i - 1])) {
      emit('i');
    } else if (c == 'w' && i > 0 && folded[i - 1] != '-') {
      emit('v');
    } else {
      emit(c);
    }
  }
}

// The longest name word whose key EntityTable::person builds on the stack; longer ones allocate.
constexpr std::size_t kKeyWord = 48;

// Appends name_key(word) to `out` (at most 2 * kKeyWord chars) and returns the new size, or
// returns nullopt when the folded word is longer than kKeyWord.
std::optional<std::size_t> name_key_into(std::string_view word, char* out, std::size_t size) {
  char folded[kKeyWord];
  std::size_t const n = wc::fold_into(word, folded, kKeyWord);
  if (n > kKeyWord) return std::nullopt;
  spell_name_key(std::string_view(folded, n), [&](char c) { out[size++] = c; });
  return size;
}

// The first and the last identifying word of a name (see identifying_words), and how many there are.
struct IdentifyingEnds {
  std::string_view first;
  std::string_view last;
  std::size_t count = 0;
};

IdentifyingEnds identifying_ends(std::string_view name) {
  IdentifyingEnds ends;
  for_each_name_word(name, [&](std::string_view w) {
    if (!identifying(w)) return;
    if (ends.count++ == 0) ends.first = w;
    ends.last = w;
  });
  return ends;
}

}  // namespace

std::string name_key(std::string_view word) {
  std::string key;
  spell_name_key(wc::fold(word), [&](char c) { key += c; });
  return key;
}

std::string person_key(std::string_view name) {
  auto const words = identifying_words(name);
  if (words.empty()) return {};
  std::string key = words.size() == 1 ? std::string() : name_key(words.front());
  key += '|';
  key += name_key(words.back());
  return key;
}

std::vector<PersonName> find_person_names(std::string_view text, const std::vector<Token>& tokens) {
  return find_person_names(text, tokens, token_facts(text, tokens));
}

std::vector<PersonName> find_person_names(std::string_view text, const std::vector<Token>& tokens,
                                          const TokenFacts& facts) {
  std::vector<PersonName> out;
  find_person_names(text, tokens, facts, out);
  return out;
}

void find_person_names(std::string_view text, const std::vector<Token>& tokens, const TokenFacts& facts,
                       std::vector<PersonName>& out) {
  // Names already in `out` are overwritten in place, so their strings keep their capacity: a
  // reader of many sentences allocates only while its names grow.
  std::size_t used = 0;
  // Which tokens can be name words: on the stack for all but very long sentences.
  constexpr std::size_t kOnStack = 512;
  std::array<char, kOnStack> small{};
  std::vector<char> large;
  char* is_name = small.data();
  if (tokens.size() + 3 > kOnStack) {
    large.assign(tokens.size() + 3, 0);
    is_name = large.data();
  }
  for (std::size_t k = 0; k < tokens.size(); ++k) is_name[k] = name_word(text, tokens, facts, k) ? 1 : 0;
  auto const name_at = [&](std::size_t k) { return k < tokens.size() && is_name[k] != 0; };
  std::size_t previous_end = 0;
  bool previous_plural = false;
  std::string previous_title;
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (!name_at(i)) {
      ++i;
      continue;
    }
    if (used == out.size()) out.emplace_back();
    PersonName& name = out[used++];
    name.first_token = i;
    name.words = 0;
    name.text.clear();
    std::size_t j = i;
    while (j < tokens.size()) {
      if (name_at(j)) {
        // A hyphenated first name ("Jean-Claude Juncker") joins only when a name word follows;
        // otherwise the hyphen joins two names ("Trump-Putin summit").
        ++name.words;
        ++j;
        while (is_punct(text, tokens, j, "-") && adjacent(tokens, j) && adjacent(tokens, j + 1) &&
               name_at(j + 1) && name_at(j + 2)) {
          j += 2;
        }
        continue;
      }
      if (name.words > 0 && initial(text, tokens, j)) {
        j += 2;
        continue;
      }
      // Lower-case particles inside a name: "Ursula von der Leyen", "Mohammed bin Salman".
      std::size_t particles = 0;
      while (name.words > 0 && j + particles < tokens.size() && tokens[j + particles].kind == TokenKind::word &&
             !tokens[j + particles].capitalised &&
             (facts.classes[j + particles] & wc::particle) != 0) {
        ++particles;
      }
      if (particles > 0 && name_at(j + particles)) {
        j += particles;
        continue;
      }
      break;
    }
    // "Jr." after a name belongs to it.
    if (j < tokens.size() && tokens[j].kind == TokenKind::word &&
        (facts.classes[j] & wc::name_suffix) != 0 && tokens[j].capitalised) {
      ++j;
      if (is_punct(text, tokens, j, ".")) ++j;
    }
    name.last_token = j;
    name.start = tokens[i].start;
    name.end = tokens[j - 1].end;
    for (std::size_t k = i; k < j; ++k) {
      if (k > i && !adjacent(tokens, k)) name.text += ' ';
      name.text += wc::text_of(text, tokens[k]);
    }
    name.possessive = j < tokens.size() && tokens[j].kind == TokenKind::possessive;
    TitlePrefix const prefix = title_before(text, tokens, facts, i);
    name.span_start = prefix.titled ? prefix.begin : name.start;
    if (prefix.titled) name.title = prefix.title;
    else name.title.clear();
    name.titled = prefix.titled;
    // "Presidents Donald Trump and Vladimir Putin", "Messrs. Putin and Zelensky": the plural
    // title covers every name of the coordination.
    if (!name.titled && previous_plural && used > 1) {
      bool joined = true;
      for (std::size_t k = previous_end; k < i; ++k) {
        std::string_view const w = word_at(text, tokens, k);
        if (w != "and" && w != ",") joined = false;
      }
      if (joined) {
        name.titled = true;
        name.title = previous_title;
      }
    }
    if (prefix.plural) {
      previous_plural = true;
      previous_title = name.title;
    } else if (!name.titled) {
      previous_plural = false;
    }
    previous_end = j;
    i = j;
  }
  out.resize(used);
}

std::vector<NameOccurrence> collect_names(const Document& document, const std::vector<Sentence>& sentences) {
  return collect_names(document, sentences, SentenceWords(document, sentences));
}

std::vector<NameOccurrence> collect_names(const Document& document, const std::vector<Sentence>& sentences,
                                          const SentenceWords& words) {
  // One occurrence per spelling with its count: articles repeat their names, and the entity
  // table's work grows with the occurrences it reads. First-seen order keeps it deterministic.
  std::vector<NameOccurrence> out;
  std::map<std::string, std::size_t, std::less<>> seen[2];  // by titled: name → index in out
  std::vector<PersonName> names;  // reused from sentence to sentence
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (s.boilerplate || words.title_case(i)) continue;
    words.names(i, s, names);
    for (const PersonName& n : names) {
      if (n.words < 2 && !n.titled) continue;
      auto& index = seen[n.titled ? 1 : 0];
      if (auto const it = index.find(n.text); it != index.end()) {
        ++out[it->second].count;
        continue;
      }
      index.emplace(n.text, out.size());
      out.push_back({document.id, n.text, n.titled, 1});
    }
  }
  return out;
}

EntityTable::EntityTable(const std::vector<EntityAlias>& aliases, const std::vector<NameOccurrence>& names) {
  // Configured people first: each is a group named by its configured canonical name.
  std::map<std::string, std::size_t, std::less<>> configured_surname;
  for (const EntityAlias& a : aliases) {
    std::size_t const g = groups_.size();
    groups_.push_back({a.canonical, 0});
    std::vector<std::string> all = a.aliases;
    all.push_back(a.canonical);
    for (const auto& s : all) {
      alias_exact_.emplace(wc::fold(s), a.canonical);
      if (identifying_words(s).size() >= 2) by_identity_.emplace(person_key(s), g);
      else if (auto const k = surname_key(s); !k.empty()) configured_surname.emplace(k, g);
    }
  }
  std::size_t const configured = groups_.size();

  // The keys of each distinct name, worked out once: a corpus names the same people over and over.
  struct NameKeys {
    std::size_t identifying = 0;  // how many words identify the person
    std::string person;           // person_key()
    std::string surname;          // surname_key()
  };
  std::unordered_map<std::string_view, NameKeys> known_keys;
  auto const keys_of = [&](std::string_view name) -> const NameKeys& {
    auto [it, added] = known_keys.try_emplace(name);
    if (added) {
      IdentifyingEnds const ends = identifying_ends(name);
      it->second.identifying = ends.count;
      if (ends.count > 0) {
        it->second.surname = name_key(ends.last);
        it->second.person = (ends.count >= 2 ? name_key(ends.first) : std::string()) + '|' + it->second.surname;
      }
    }
    return it->second;
  };

  // Full names: one group per identity key, named by its best spelling.
  std::map<std::string, std::map<std::string, std::size_t>> spellings;  // identity → spelling → count
  for (const auto& n : names) {
    const NameKeys& k = keys_of(n.name);
    if (k.identifying >= 2) spellings[k.person][n.name] += n.count;
  }
  for (const auto& [identity, counts] : spellings) {
    std::size_t total = 0;
    for (const auto& [s, c] : counts) total += c;
    auto const it = by_identity_.find(identity);
    if (it != by_identity_.end()) {
      groups_[it->second].count += total;
      continue;
    }
    // Most complete (most words), then most frequent, then lexicographically first.
    const std::string* best = nullptr;
    std::size_t best_words = 0;
    std::size_t best_count = 0;
    for (const auto& [s, c] : counts) {
      std::size_t const w = name_words(s).size();
      if (!best || w > best_words || (w == best_words && c > best_count)) {
        best = &s;
        best_words = w;
        best_count = c;
      }
    }
    by_identity_.emplace(identity, groups_.size());
    groups_.push_back({*best, total});
  }
  for (std::size_t g = configured; g < groups_.size(); ++g) {
    by_surname_[surname_key(groups_[g].canonical)].push_back(g);
  }
  // In key order, as the lists' order decides ties between groups of one surname (best_of).
  std::vector<std::pair<std::string_view, std::size_t>> identities(by_identity_.begin(), by_identity_.end());
  std::sort(identities.begin(), identities.end());
  for (const auto& [identity, g] : identities) {
    auto const bar = identity.find('|');
    auto& list = by_surname_[std::string(identity.substr(bar + 1))];
    if (std::find(list.begin(), list.end(), g) == list.end()) list.push_back(g);
  }
  for (const auto& [k, g] : configured_surname) {
    auto& list = by_surname_[k];
    if (std::find(list.begin(), list.end(), g) == list.end()) list.push_back(g);
  }
  for (const auto& n : names) {
    const NameKeys& k = keys_of(n.name);
    if (k.identifying < 2) continue;
    auto& list = by_doc_surname_[n.doc][k.surname];
    std::size_t const g = by_identity_.at(k.person);
    if (std::find(list.begin(), list.end(), g) == list.end()) list.push_back(g);
  }

  // Titled surnames no full name explains ("Mr. Smith" alone) are people of their own.
  std::map<std::string, std::map<std::string, std::size_t>> lone;  // surname key → spelling → count
  for (const auto& n : names) {
    const NameKeys& k = keys_of(n.name);
    if (k.identifying != 1 || !n.titled) continue;
    if (by_surname_.count(k.surname) == 0) lone[k.surname][n.name] += n.count;
  }
  for (const auto& [k, counts] : lone) {
    const std::string* best = nullptr;
    std::size_t best_count = 0;
    std::size_t total = 0;
    for (const auto& [s, c] : counts) {
      total += c;
      if (!best || c > best_count) {
        best = &s;
        best_count = c;
      }
    }
    by_surname_[k].push_back(groups_.size());
    groups_.push_back({*best, total});
  }
}

std::optional<std::size_t> EntityTable::best_of(const std::vector<std::size_t>& groups) const {
  std::optional<std::size_t> best;
  for (std::size_t g : groups) {
    if (!best || groups_[g].count > groups_[*best].count ||
        (groups_[g].count == groups_[*best].count && groups_[g].canonical < groups_[*best].canonical)) {
      best = g;
    }
  }
  return best;
}

std::optional<std::string> EntityTable::person(std::string_view name, std::string_view doc) const {
  if (!alias_exact_.empty()) {
    if (auto const it = alias_exact_.find(wc::fold(name)); it != alias_exact_.end()) return it->second;
  }
  IdentifyingEnds const words = identifying_ends(name);
  if (words.count == 0) return std::nullopt;
  // The key is built on the stack: this runs for every name candidate of every sentence. Two
  // words or more: person_key(name); one: that word's name_key, its surname key.
  char buffer[4 * kKeyWord + 1];
  auto size = name_key_into(words.first, buffer, 0);
  if (size && words.count >= 2) {
    buffer[(*size)++] = '|';
    size = name_key_into(words.last, buffer, *size);
  }
  std::string const fallback = size ? std::string() : words.count >= 2 ? person_key(name) : name_key(words.first);
  std::string_view const key = size ? std::string_view(buffer, *size) : std::string_view(fallback);
  if (words.count >= 2) {
    if (auto const it = by_identity_.find(key); it != by_identity_.end()) return groups_[it->second].canonical;
    return std::nullopt;
  }
  if (auto const in_doc = by_doc_surname_.find(doc); in_doc != by_doc_surname_.end()) {
    if (auto const it = in_doc->second.find(key); it != in_doc->second.end()) {
      if (auto const g = best_of(it->second)) return groups_[*g].canonical;
    }
  }
  if (auto const it = by_surname_.find(key); it != by_surname_.end()) {
    if (auto const g = best_of(it->second)) return groups_[*g].canonical;
  }
  return std::nullopt;
}

std::optional<std::string> EntityTable::place(std::string_view name) const {
  std::string const folded = wc::fold(name);
  if (auto const it = alias_exact_.find(folded); it != alias_exact_.end()) return it->second;
  if (auto const entry = place_index().find(folded); entry && *entry != PlaceIndex::prefix_only) {
    return std::string(kPlaces[*entry].canonical);
  }
  return std::nullopt;
}

}  // namespace reckon
