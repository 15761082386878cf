// People and places: names found with their titles stripped, spelling variants of one person
// matched without configuration, surnames resolved to full names, and the canonical spelling a
// pure function of the corpus.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/entities.hpp"

using reckon::EntityAlias;
using reckon::EntityTable;
using reckon::NameOccurrence;

namespace {

// Every candidate, single untitled words included ("Lavrov" may be a surname, "Asked" is not).
std::vector<std::string> candidates_in(const std::string& text) {
  auto const tokens = reckon::events_text::tokenize(text, 0, text.size());
  std::vector<std::string> out;
  for (const auto& n : reckon::find_person_names(text, tokens)) out.push_back(n.text);
  return out;
}

// Names that are names by their form: two words or more, or a title before them.
std::vector<std::string> names_in(const std::string& text) {
  auto const tokens = reckon::events_text::tokenize(text, 0, text.size());
  std::vector<std::string> out;
  for (const auto& n : reckon::find_person_names(text, tokens))
    if (n.words >= 2 || n.titled) out.push_back(n.text);
  return out;
}

reckon::PersonName first_name_in(const std::string& text) {
  auto const tokens = reckon::events_text::tokenize(text, 0, text.size());
  auto const names = reckon::find_person_names(text, tokens);
  REQUIRE_FALSE(names.empty());
  return names.front();
}

std::vector<NameOccurrence> occurrences(std::initializer_list<std::pair<const char*, const char*>> doc_names) {
  std::vector<NameOccurrence> out;
  for (auto [doc, name] : doc_names) out.push_back({doc, name, false});
  return out;
}

}  // namespace

TEST_CASE("titles and roles are stripped from a person's name", "[entities]") {
  struct Case {
    const char* text;
    const char* name;
    const char* title;
  };
  Case const cases[] = {
      {"Russian Foreign Minister Sergei Lavrov said.", "Sergei Lavrov", "foreign minister"},
      {"US Secretary of State Marco Rubio spoke.", "Marco Rubio", "secretary of state"},
      {"Then Mr. Trump said.", "Trump", "mr"},
      {"Then President Trump said.", "Trump", "president"},
      {"the press secretary Karoline Leavitt told reporters", "Karoline Leavitt", "press secretary"},
      {"said Ukrainian President Volodymyr Zelensky.", "Volodymyr Zelensky", "president"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto const n = first_name_in(c.text);
    CHECK(n.text == c.name);
    CHECK(n.titled);
    CHECK(n.title == c.title);
  }
}

TEST_CASE("a plural title covers every name it coordinates", "[entities]") {
  CHECK(names_in("the summit between Presidents Donald Trump and Vladimir Putin") ==
        std::vector<std::string>{"Donald Trump", "Vladimir Putin"});
  std::string const text = "Messrs. Putin and Zelensky will meet.";
  auto const tokens = reckon::events_text::tokenize(text, 0, text.size());
  auto const names = reckon::find_person_names(text, tokens);
  REQUIRE(names.size() == 2);
  CHECK(names[0].text == "Putin");
  CHECK(names[1].text == "Zelensky");
  CHECK(names[0].titled);
  CHECK(names[1].titled);
}

TEST_CASE("months, weekdays, places, organisations and function words are not names", "[entities]") {
  CHECK(names_in("On Friday in August the White House said.").empty());
  CHECK(names_in("The State Department and the Kremlin met in Alaska.").empty());
  CHECK(names_in("However, Russia and Ukraine disagree.").empty());
}

TEST_CASE("a sentence adverb that opens a sentence is not the first word of a name", "[entities]") {
  CHECK(candidates_in("Recently Apple introduced a phone.") == std::vector<std::string>{"Apple"});
  CHECK(names_in("Reportedly Sergei Lavrov declined.") == std::vector<std::string>{"Sergei Lavrov"});
}

TEST_CASE("names keep initials, particles, hyphenated first names and UTF-8 letters", "[entities]") {
  CHECK(names_in("George W. Bush spoke") == std::vector<std::string>{"George W. Bush"});
  CHECK(names_in("with Ursula von der Leyen today") == std::vector<std::string>{"Ursula von der Leyen"});
  CHECK(names_in("Jean-Claude Juncker said") == std::vector<std::string>{"Jean-Claude Juncker"});
  CHECK(names_in("Recep Tayyip Erdoğan said") == std::vector<std::string>{"Recep Tayyip Erdoğan"});
}

TEST_CASE("a hyphen between two surnames joins two people", "[entities]") {
  CHECK(candidates_in("ahead of the Trump-Putin summit") == std::vector<std::string>{"Trump", "Putin"});
}

TEST_CASE("transliteration variants of one name share a key", "[entities]") {
  std::vector<std::vector<const char*>> const same = {
      {"Sergei", "Sergey", "Sergej"},
      {"Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij", "Zelenski"},
      {"Yuri", "Yury", "Yurii"},
      {"Dmitry", "Dmitri", "Dmitriy"},
      {"Andrei", "Andrey", "Andrej"},
      {"Alexei", "Aleksei", "Alexey"},
      {"Lavrov", "Lawrow"},
      {"Erdoğan", "Erdogan"},
  };
  for (const auto& group : same) {
    for (const char* variant : group) {
      CAPTURE(group.front(), variant);
      CHECK(reckon::name_key(variant) == reckon::name_key(group.front()));
    }
  }
}

TEST_CASE("distinct names keep distinct keys", "[entities]") {
  std::vector<std::pair<const char*, const char*>> const different = {
      {"Putin", "Pushkin"}, {"Ivan", "Ivana"},     {"Ivanov", "Ivanova"}, {"Sergei", "Sergio"},
      {"Vladimir", "Volodymyr"}, {"Mark", "Marc"}, {"Jan", "Ian"},       {"Peskov", "Pesko"}};
  for (auto [a, b] : different) {
    CAPTURE(a, b);
    CHECK(reckon::name_key(a) != reckon::name_key(b));
  }
}

TEST_CASE("spelling variants of a full name resolve to one person", "[entities]") {
  EntityTable const table({}, occurrences({{"a", "Sergei Lavrov"}, {"b", "Sergey Lavrov"}, {"c", "Sergey Lavrov"},
                                           {"a", "Volodymyr Zelensky"}, {"b", "Volodymyr Zelenskyy"}}));
  CHECK(table.person("Sergei Lavrov", "a") == "Sergey Lavrov");
  CHECK(table.person("Sergej Lavrov", "x") == "Sergey Lavrov");
  CHECK(table.person("Volodymyr Zelenskiy", "x") == table.person("Volodymyr Zelensky", "a"));
}

TEST_CASE("the canonical spelling is the most complete, then most frequent, then first in order", "[entities]") {
  EntityTable const table({}, occurrences({{"a", "Donald Trump"}, {"b", "Donald J. Trump"}, {"c", "Donald Trump"},
                                           {"a", "Yuri Ushakov"}, {"b", "Yury Ushakov"}}));
  CHECK(table.person("Donald Trump", "a") == "Donald J. Trump");
  CHECK(table.person("Yury Ushakov", "a") == "Yuri Ushakov");  // a tie: lexicographically first
}

TEST_CASE("canonical names do not depend on the order documents are read in", "[entities]") {
  auto forward = occurrences({{"a", "Sergei Lavrov"}, {"b", "Sergey Lavrov"}, {"c", "Marco Rubio"},
                              {"c", "Yuri Ushakov"}, {"d", "Yury Ushakov"}});
  auto backward = forward;
  std::reverse(backward.begin(), backward.end());
  EntityTable const one({}, forward);
  EntityTable const other({}, backward);
  for (const char* name : {"Lavrov", "Sergei Lavrov", "Ushakov", "Yury Ushakov", "Rubio"}) {
    CAPTURE(name);
    CHECK(one.person(name, "a") == other.person(name, "a"));
  }
}

TEST_CASE("a bare surname resolves to the full name seen for it", "[entities]") {
  EntityTable const table({}, occurrences({{"a", "Donald Trump"}, {"a", "Marco Rubio"}, {"b", "Melania Trump"},
                                           {"c", "Donald Trump"}}));
  CHECK(table.person("Rubio", "z") == "Marco Rubio");
  SECTION("within its document first") { CHECK(table.person("Trump", "b") == "Melania Trump"); }
  SECTION("else the corpus' most frequent") { CHECK(table.person("Trump", "z") == "Donald Trump"); }
  SECTION("an unknown single word is nobody") { CHECK_FALSE(table.person("Asked", "a").has_value()); }
}

TEST_CASE("a titled surname alone is a person of its own", "[entities]") {
  EntityTable const table({}, {{"a", "Smith", true}});
  CHECK(table.person("Smith", "b") == "Smith");
}

TEST_CASE("configured aliases win over variant matching", "[entities]") {
  std::vector<EntityAlias> const aliases = {{"Sergei Lavrov", {"Sergey Lavrov", "Lavrov"}}};
  EntityTable const table(aliases, occurrences({{"a", "Sergey Lavrov"}, {"b", "Sergey Lavrov"}}));
  CHECK(table.person("Sergey Lavrov", "a") == "Sergei Lavrov");
  CHECK(table.person("Sergej Lavrov", "a") == "Sergei Lavrov");
  CHECK(table.person("Lavrov", "c") == "Sergei Lavrov");
}

TEST_CASE("places are canonical gazetteer names", "[entities]") {
  EntityTable const table;
  CHECK(table.place("U.S.") == "United States");
  CHECK(table.place("Kiev") == "Kyiv");
  CHECK(table.place("Alaska") == "Alaska");
  CHECK_FALSE(table.place("Narnia").has_value());
  std::string const text = "in Anchorage, Alaska";
  auto const tokens = reckon::events_text::tokenize(text, 0, text.size());
  auto const place = reckon::find_place(text, tokens, 1);
  REQUIRE(place);
  CHECK(place->canonical == "Anchorage");
  CHECK(place->level == 2);
}

TEST_CASE("a word is all capitals when every letter is one and it has two or more", "[events_text]") {
  struct Case {
    std::string_view word;
    bool capitalised;
    bool all_caps;
  };
  for (const Case& c : {Case{"NATO", true, true}, Case{"Nato", true, false}, Case{"nATO", false, false},
                        Case{"G7", true, false}, Case{"G20S", true, true}, Case{"A", true, false},
                        Case{"U.S.", true, true}, Case{"O'BRIEN", true, true}, Case{"O'Brien", true, false},
                        Case{"\xC3\x89LYS\xC3\x89" "E", true, true}, Case{"\xC3\x89lys\xC3\xA9" "e", true, false},
                        Case{"UKRAINE\xE2\x80\x99S", true, true}, Case{"iPhone", false, false}, Case{"2025", false, false}}) {
    std::string const text = std::string("The ") + std::string(c.word) + " said";
    auto const tokens = reckon::events_text::tokenize(text, 0, text.size());
    INFO(c.word);
    REQUIRE(tokens.size() >= 3);
    CHECK(text.substr(tokens[1].start, tokens[1].end - tokens[1].start).substr(0, 1) == c.word.substr(0, 1));
    CHECK(tokens[1].capitalised == c.capitalised);
    CHECK(tokens[1].all_caps == c.all_caps);
  }
}

TEST_CASE("lower case eight bytes at a time changes the ASCII capitals and nothing else", "[events_text]") {
  // Every byte value, at every alignment and length up to 40, against a byte-by-byte reference.
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  for (std::size_t from = 0; from < 8; ++from) {
    for (std::size_t n = 0; n <= 40; ++n) {
      for (std::size_t start = 0; start + n <= all.size(); start += 37) {
        std::string text = all.substr(start, n);
        std::string expected = text;
        for (char& c : expected)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        std::string padded = std::string(from, 'X') + text;
        reckon::events_text::lower_in_place(padded.data() + from, n);
        INFO("start " << start << " length " << n << " offset " << from);
        CHECK(padded.substr(from) == expected);
        CHECK(padded.substr(0, from) == std::string(from, 'X'));  // nothing before it touched
      }
    }
  }
  CHECK(reckon::events_text::lower("The SUMMIT in Anchorage, ALASKA") == "the summit in anchorage, alaska");
}

TEST_CASE("a word's table key built eight bytes at a time is the one the word table builds", "[events_text]") {
  // Boundaries of the capital range ('@', '[', '`', '{'), bytes beyond ASCII, both key halves.
  for (std::string_view const word :
       {"a", "The", "MINISTER", "@AZ[", "`az{", "U.S.", "Zelenskyy", "\xC3\x89LYS\xC3\x89" "E", "0123456789",
        "Secretary-General", "spokespersonsXYZ", "spokespersonsXYZW", ""}) {
    auto const fast = reckon::events_text::fast_word_key(word);
    auto const slow = reckon::grammar::word_key(word);
    INFO(word);
    REQUIRE(fast.has_value() == slow.has_value());
    if (fast) CHECK(*fast == *slow);
  }
  // Every length, so that each way of loading the bytes (under four, four to seven, eight, nine to
  // sixteen) is compared, none reading past the word: the word is cut from a longer text.
  std::string_view const text = "AbCdEfGhIjKlMnOpQrS";
  for (std::size_t n = 1; n <= 17; ++n) {
    std::string_view const word = text.substr(1, n);
    auto const fast = reckon::events_text::fast_word_key(word);
    auto const slow = reckon::grammar::word_key(word);
    INFO(word);
    REQUIRE(fast.has_value() == slow.has_value());
    if (fast) CHECK(*fast == *slow);
  }
}
