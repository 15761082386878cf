#include "engine/event_vocabulary.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <cstdint>

#include "grammar/word_table.hpp"

namespace reckon {
namespace {

namespace wc = events_text;

struct Irregular {
  std::string_view lemma;
  std::string_view past;
  std::string_view participle;
};

// Verbs whose past forms the regular rules get wrong: the common irregular verbs of English, and
// their compounds that news uses ("undergo", "withdraw", "uphold"). Sorted by lemma.
constexpr Irregular kIrregular[] = {
    {"arise", "arose", "arisen"},       {"bear", "bore", "borne"},          {"beat", "beat", "beaten"},
    {"become", "became", "become"},     {"begin", "began", "begun"},        {"bid", "bid", "bid"},
    {"bind", "bound", "bound"},         {"blow", "blew", "blown"},          {"break", "broke", "broken"},
    {"bring", "brought", "brought"},    {"broadcast", "broadcast", "broadcast"},
    {"build", "built", "built"},        {"buy", "bought", "bought"},        {"catch", "caught", "caught"},
    {"choose", "chose", "chosen"},      {"come", "came", "come"},           {"cost", "cost", "cost"},
    {"cut", "cut", "cut"},              {"deal", "dealt", "dealt"},         {"do", "did", "done"},
    {"draw", "drew", "drawn"},          {"drink", "drank", "drunk"},        {"drive", "drove", "driven"},
    {"eat", "ate", "eaten"},            {"fall", "fell", "fallen"},         {"feed", "fed", "fed"},
    {"feel", "felt", "felt"},           {"fight", "fought", "fought"},      {"find", "found", "found"},
    {"flee", "fled", "fled"},           {"fly", "flew", "flown"},           {"forbid", "forbade", "forbidden"},
    {"forecast", "forecast", "forecast"}, {"foresee", "foresaw", "foreseen"}, {"forget", "forgot", "forgotten"},
    {"forgive", "forgave", "forgiven"}, {"freeze", "froze", "frozen"},      {"get", "got", "gotten"},
    {"give", "gave", "given"},          {"go", "went", "gone"},             {"grow", "grew", "grown"},
    {"hang", "hung", "hung"},           {"have", "had", "had"},             {"hear", "heard", "heard"},
    {"hide", "hid", "hidden"},          {"hit", "hit", "hit"},              {"hold", "held", "held"},
    {"hurt", "hurt", "hurt"},           {"keep", "kept", "kept"},           {"know", "knew", "known"},
    {"lay", "laid", "laid"},            {"lead", "led", "led"},             {"leave", "left", "left"},
    {"lend", "lent", "lent"},           {"let", "let", "let"},              {"lie", "lay", "lain"},
    {"lose", "lost", "lost"},           {"make", "made", "made"},           {"mean", "meant", "meant"},
    {"meet", "met", "met"},             {"mislead", "misled", "misled"},    {"outbid", "outbid", "outbid"},
    {"overcome", "overcame", "overcome"}, {"oversee", "oversaw", "overseen"}, {"overtake", "overtook", "overtaken"},
    {"overthrow", "overthrew", "overthrown"}, {"pay", "paid", "paid"},      {"put", "put", "put"},
    {"quit", "quit", "quit"},           {"read", "read", "read"},           {"rebuild", "rebuilt", "rebuilt"},
    {"rethink", "rethought", "rethought"}, {"rewrite", "rewrote", "rewritten"}, {"ride", "rode", "ridden"},
    {"ring", "rang", "rung"},           {"rise", "rose", "risen"},          {"run", "ran", "run"},
    {"say", "said", "said"},            {"see", "saw", "seen"},             {"seek", "sought", "sought"},
    {"sell", "sold", "sold"},           {"send", "sent", "sent"},           {"set", "set", "set"},
    {"shake", "shook", "shaken"},       {"shoot", "shot", "shot"},          {"show", "showed", "shown"},
    {"shut", "shut", "shut"},           {"sing", "sang", "sung"},           {"sink", "sank", "sunk"},
    {"sit", "sat", "sat"},              {"sleep", "slept", "slept"},        {"speak", "spoke", "spoken"},
    {"spend", "spent", "spent"},        {"split", "split", "split"},        {"spread", "spread", "spread"},
    {"stand", "stood", "stood"},        {"steal", "stole", "stolen"},       {"stick", "stuck", "stuck"},
    {"strike", "struck", "struck"},     {"swear", "swore", "sworn"},        {"sweep", "swept", "swept"},
    {"take", "took", "taken"},          {"teach", "taught", "taught"},      {"tear", "tore", "torn"},
    {"tell", "told", "told"},           {"think", "thought", "thought"},    {"throw", "threw", "thrown"},
    {"undergo", "underwent", "undergone"}, {"understand", "understood", "understood"},
    {"undertake", "undertook", "undertaken"}, {"uphold", "upheld", "upheld"}, {"upset", "upset", "upset"},
    {"wake", "woke", "woken"},          {"wear", "wore", "worn"},           {"win", "won", "won"},
    {"withdraw", "withdrew", "withdrawn"}, {"withhold", "withheld", "withheld"}, {"write", "wrote", "written"},
};
static_assert(std::is_sorted(std::begin(kIrregular), std::end(kIrregular),
                             [](const Irregular& a, const Irregular& b) { return a.lemma < b.lemma; }));

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool consonant(char c) { return !vowel(c); }
bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::vector<std::string> split_words(std::string_view phrase) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    std::size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) out.push_back(wc::lower(phrase.substr(i, j - i)));
    i = j;
  }
  return out;
}

std::string plural(std::string_view noun) {
  std::string s(noun);
  if (ends_with(s, "s") || ends_with(s, "x") || ends_with(s, "ch") || ends_with(s, "sh")) return s + "es";
  if (s.size() > 1 && s.back() == 'y' && consonant(s[s.size() - 2])) return s.substr(0, s.size() - 1) + "ies";
  return s + "s";
}

// Whether a verb ends consonant-vowel-consonant ("ship", "admit", "visit"), where English may
// double the last letter before -ed and -ing; and whether it has one syllable, where it must.
// The "u" of "qu" is a consonant in spelling: "quit" and "equip" end consonant-vowel-consonant.
bool vowel_at(const std::string& word, std::size_t k) {
  return vowel(word[k]) && !(word[k] == 'u' && k > 0 && word[k - 1] == 'q');
}
bool cvc_ending(const std::string& base) {
  std::size_t const n = base.size();
  if (n < 3) return false;
  char const last = base[n - 1];
  return consonant(last) && last != 'w' && last != 'x' && last != 'y' && vowel_at(base, n - 2) && !vowel_at(base, n - 3);
}
bool one_syllable(const std::string& base) {
  std::size_t groups = 0;
  for (std::size_t k = 0; k < base.size(); ++k)
    if (vowel_at(base, k) && (k == 0 || !vowel_at(base, k - 1))) ++groups;
  return groups == 1;
}

// "goes", "fixes", "carries", "meets", "quizzes"; "has".
std::string third_person(const std::string& base) {
  if (base == "have") return "has";
  if (base.size() > 1 && base.back() == 'o' && consonant(base[base.size() - 2])) return base + "es";
  if (ends_with(base, "z")) return base + (cvc_ending(base) && one_syllable(base) ? "zes" : "es");  // quizzes, waltzes
  return plural(base);
}

// A verb in "-ic" takes a "k" before -ed and -ing: "panicked", "mimicking", "trafficking".
bool takes_k(const std::string& base) { return base.size() > 3 && ends_with(base, "ic"); }

// The -ing form by the spelling rules: "coming", "agreeing", "dying", "carrying", "stopping".
std::vector<std::string> ing_forms(const std::string& base) {
  if (takes_k(base)) return {base + "king"};
  if (ends_with(base, "ie")) return {base.substr(0, base.size() - 2) + "ying"};
  if (ends_with(base, "ee") || ends_with(base, "ye") || ends_with(base, "oe")) return {base + "ing"};
  if (ends_with(base, "e") && base.size() > 2) return {base.substr(0, base.size() - 1) + "ing"};
  if (cvc_ending(base)) {
    std::string doubled = base + base.back() + "ing";
    // Stress decides for longer verbs ("admitting", "visiting"): a spelling that is no word does no harm.
    if (one_syllable(base)) return {doubled};
    return {doubled, base + "ing"};
  }
  return {base + "ing"};
}

// The regular past: "announced", "carried", "stopped", "admitted"/"visited".
std::vector<std::string> past_forms(const std::string& base) {
  if (ends_with(base, "e")) return {base + "d"};
  if (takes_k(base)) return {base + "ked"};
  if (base.size() > 1 && base.back() == 'y' && consonant(base[base.size() - 2]))
    return {base.substr(0, base.size() - 1) + "ied"};
  if (cvc_ending(base)) {
    std::string doubled = base + base.back() + "ed";
    if (one_syllable(base)) return {doubled};
    return {doubled, base + "ed"};
  }
  return {base + "ed"};
}

}  // namespace

std::vector<std::string> verb_forms(std::string_view lemma) {
  std::string const base = wc::lower(lemma);
  std::vector<std::string> out{base, third_person(base)};
  auto const irregular = std::lower_bound(std::begin(kIrregular), std::end(kIrregular), base,
                                          [](const Irregular& v, const std::string& b) { return v.lemma < b; });
  if (irregular != std::end(kIrregular) && irregular->lemma == base) {
    out.emplace_back(irregular->past);
    out.emplace_back(irregular->participle);
  } else {
    for (auto& f : past_forms(base)) out.push_back(std::move(f));
  }
  for (auto& f : ing_forms(base)) out.push_back(std::move(f));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {
char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::size_t EventVocabulary::FoldedHash::operator()(std::string_view word) const noexcept {
  // Words of up to sixteen bytes (all but a few) hash their folded table key, built eight bytes at
  // a time; longer ones byte by byte. The choice depends on the length alone, so a word hashes
  // alike however it is capitalised.
  if (auto const key = grammar::fast_word_key(word)) return static_cast<std::size_t>(grammar::mix(*key));
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : word) h = (h ^ static_cast<unsigned char>(ascii_lower(c))) * 0x100000001b3ull;
  return static_cast<std::size_t>(h);
}

bool EventVocabulary::FoldedEqual::operator()(std::string_view a, std::string_view b) const noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (ascii_lower(a[k]) != ascii_lower(b[k])) return false;
  return true;
}

void EventVocabulary::insert(TriggerPattern pattern) {
  if (pattern.words.empty()) return;
  for (const auto& p : patterns_)
    if (p.words == pattern.words && p.kind == pattern.kind) return;  // the first registration wins
  patterns_.push_back(std::move(pattern));
  std::size_t const index = patterns_.size() - 1;
  std::string_view const first = patterns_[index].words.front();
  std::string_view const key = first.substr(0, first.find('-'));
  first_word_filter_[filter_bit(key) / 64] |= std::uint64_t{1} << (filter_bit(key) % 64);
  auto& list = by_first_word_[std::string(key)];
  list.push_back(index);
  std::stable_sort(list.begin(), list.end(),
                   [&](std::size_t a, std::size_t b) { return patterns_[a].words.size() > patterns_[b].words.size(); });
}

void EventVocabulary::add_noun(std::string_view type, std::string_view phrase, bool needs_person) {
  auto words = split_words(phrase);
  if (words.empty()) return;
  insert({words, std::string(type), TriggerKind::noun, needs_person});
  if (words.back().back() != 's') {
    words.back() = plural(words.back());
    insert({std::move(words), std::string(type), TriggerKind::noun, needs_person});
  }
}

void EventVocabulary::add_verb(std::string_view type, std::string_view phrase, bool needs_person) {
  auto const words = split_words(phrase);
  if (words.empty()) return;
  for (const auto& form : verb_forms(words.front())) {
    auto inflected = words;
    inflected.front() = form;
    insert({std::move(inflected), std::string(type), TriggerKind::verb, needs_person});
  }
}

EventVocabulary EventVocabulary::defaults() {
  EventVocabulary v;
  // Nouns first: "meeting" is the noun before it is a form of "meet".
  for (auto n : {"meeting", "talks", "face-to-face meeting", "sit-down", "tete-a-tete"}) v.add_noun("meeting", n);
  for (auto n : {"summit", "summit meeting", "summit talks"}) v.add_noun("summit", n);
  for (auto n : {"phone call", "telephone call", "video call", "call", "phone conversation",
                 "telephone conversation", "video conference", "videoconference"}) {
    v.add_noun("call", n);
  }
  v.add_noun("call", "conversation", true);
  for (auto n : {"visit", "state visit", "official visit", "trip"}) v.add_noun("visit", n);
  v.add_noun("interview", "interview");
  for (auto n : {"statement", "press conference", "news conference", "press briefing", "briefing",
                 "speech", "press release", "communique", "announcement", "declaration"}) {
    v.add_noun("statement", n);
  }
  for (auto n : {"deadline", "ultimatum"}) v.add_noun("deadline", n);
  for (auto n : {"attack", "airstrike", "air strike", "missile strike", "drone strike", "bombing",
                 "invasion", "offensive", "shelling"}) {
    v.add_noun("attack", n);
  }
  for (auto n : {"agreement", "deal", "peace deal", "treaty", "peace treaty", "accord"}) v.add_noun("agreement", n);
  for (auto n : {"election", "presidential election", "referendum", "runoff"}) v.add_noun("election", n);
  v.add_noun("resignation", "resignation");

  v.add_verb("meeting", "meet");
  v.add_verb("meeting", "hold talks");
  v.add_verb("meeting", "sit down with");
  for (auto p : {"speak by telephone", "speak by phone", "speak on the phone", "speak on the telephone",
                 "talk by phone", "talk by telephone", "talk on the phone", "phone"}) {
    v.add_verb("call", p);
  }
  for (auto p : {"speak with", "speak to", "call"}) v.add_verb("call", p, true);
  v.add_verb("visit", "visit");
  for (auto p : {"announce", "declare"}) v.add_verb("statement", p);
  for (auto p : {"attack", "invade", "bomb", "shell"}) v.add_verb("attack", p);
  for (auto p : {"sign", "sign an agreement", "sign a deal"}) v.add_verb("agreement", p);
  v.add_verb("election", "elect");
  for (auto p : {"resign", "step down"}) v.add_verb("resignation", p);
  return v;
}

std::vector<TriggerMatch> EventVocabulary::matches(std::string_view text,
                                                  const std::vector<events_text::Token>& tokens,
                                                  std::size_t i) const {
  std::vector<TriggerMatch> out;
  if (i >= tokens.size() || tokens[i].kind != wc::TokenKind::word) return out;
  std::string_view const first = wc::text_of(text, tokens[i]);
  std::size_t const bit = filter_bit(first);
  if ((first_word_filter_[bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) return out;
  auto const it = by_first_word_.find(first);
  if (it == by_first_word_.end()) return out;
  for (std::size_t index : it->second) {
    const TriggerPattern& p = patterns_[index];
    std::size_t k = i;
    std::size_t w = 0;
    for (; w < p.words.size(); ++w) {
      // Words of a pattern may be written with a hyphen in the text ("sit-down" for "sit down").
      if (w > 0 && k < tokens.size() && wc::text_of(text, tokens[k]) == "-") ++k;
      // A pattern word may itself hold hyphens ("face-to-face"): match it token by token.
      std::string_view word = p.words[w];
      bool matched = true;
      while (matched) {
        auto const dash = word.find('-');
        std::string_view const part = word.substr(0, dash);
        matched = k < tokens.size() && tokens[k].kind == wc::TokenKind::word &&
                  wc::equals_lower(wc::text_of(text, tokens[k]), part);
        ++k;
        if (!matched || dash == std::string_view::npos) break;
        matched = k < tokens.size() && wc::text_of(text, tokens[k]) == "-";
        ++k;
        word = word.substr(dash + 1);
      }
      if (!matched) break;
    }
    if (w == p.words.size()) out.push_back({&p, k - i});
  }
  // Longest first; equally long ones in registration order (nouns before verbs).
  if (out.size() > 1) {
    std::stable_sort(out.begin(), out.end(),
                     [](const TriggerMatch& a, const TriggerMatch& b) { return a.length > b.length; });
  }
  return out;
}

}  // namespace reckon
