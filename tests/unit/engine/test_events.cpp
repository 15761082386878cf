// Event mentions: which words report which events, who took part, where, when, and whether the
// text says the event happened, will happen, is merely proposed or did not happen.
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <vector>

#include "engine/events.hpp"
#include "engine/tagger.hpp"

using reckon::Mention;
using reckon::Modality;

namespace {

reckon::Document document(std::string text) {
  reckon::Document d;
  d.id = "test";
  d.text = std::move(text);
  reckon::Anchor a;
  a.day = date::local_days(date::year{2025} / 8 / 12);  // a Tuesday
  d.anchor = a;
  return d;
}

std::vector<Mention> mentions_in(const std::string& text,
                                 const reckon::EventVocabulary& vocabulary = reckon::EventVocabulary::defaults()) {
  auto const d = document(text);
  auto const sentences = reckon::split_sentences(d.text);
  reckon::EntityTable const table({}, reckon::collect_names(d, sentences));
  return reckon::extract_mentions(d, sentences, reckon::tag(d, sentences), vocabulary, table);
}

std::vector<std::string> types_of(const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const auto& m : mentions) out.push_back(m.type);
  return out;
}

std::vector<std::string> who(const Mention& m) {
  std::vector<std::string> out;
  for (const auto& p : m.participants) out.push_back(p.canonical);
  return out;
}

const Mention& only(const std::vector<Mention>& mentions, const std::string& type) {
  auto const n = std::count_if(mentions.begin(), mentions.end(), [&](const Mention& m) { return m.type == type; });
  REQUIRE(n == 1);
  return *std::find_if(mentions.begin(), mentions.end(), [&](const Mention& m) { return m.type == type; });
}

std::string time_of(const Mention& m) { return m.time ? m.time->value : "<none>"; }

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("each event type has triggers in the default vocabulary", "[events]") {
  struct Case {
    const char* text;
    const char* type;
  };
  Case const cases[] = {
      {"The ministers met in Geneva.", "meeting"},
      {"The ministers held talks in Geneva.", "meeting"},
      {"The summit opened in Geneva.", "summit"},
      {"The leaders spoke by telephone.", "call"},
      {"The phone call lasted an hour.", "call"},
      {"The chancellor visited Kyiv.", "visit"},
      {"The minister gave an interview to state television.", "interview"},
      {"The ministry issued a statement.", "statement"},
      {"The government announced new sanctions.", "statement"},
      {"The deadline passed.", "deadline"},
      {"The attack killed four people.", "attack"},
      {"Both sides signed the accord.", "agreement"},
      {"The election was held peacefully.", "election"},
      {"The minister resigned.", "resignation"},
      {"His resignation surprised everyone.", "resignation"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto const types = types_of(mentions_in(c.text));
    CHECK(std::find(types.begin(), types.end(), c.type) != types.end());
  }
}

TEST_CASE("verbs are matched in every inflected form", "[events]") {
  auto const meet = reckon::verb_forms("meet");
  for (const char* form : {"meet", "meets", "met", "meeting"}) {
    CHECK(std::find(meet.begin(), meet.end(), form) != meet.end());
  }
  auto const speak = reckon::verb_forms("speak");
  CHECK(std::find(speak.begin(), speak.end(), "spoke") != speak.end());
  auto const announce = reckon::verb_forms("announce");
  for (const char* form : {"announces", "announced", "announcing"}) {
    CHECK(std::find(announce.begin(), announce.end(), form) != announce.end());
  }
}

TEST_CASE("verb forms follow English spelling rules and the irregular verbs", "[events]") {
  auto const has = [](std::string_view lemma, std::initializer_list<const char*> forms) {
    auto const all = reckon::verb_forms(lemma);
    for (const char* form : forms) {
      INFO(lemma << " -> " << form);
      CHECK(std::find(all.begin(), all.end(), form) != all.end());
    }
  };
  has("say", {"says", "said", "saying"});
  has("sell", {"sells", "sold", "selling"});
  has("go", {"goes", "went", "gone", "going"});
  has("undergo", {"undergoes", "underwent", "undergone"});
  has("carry", {"carries", "carried", "carrying"});
  has("die", {"dies", "died", "dying"});
  has("agree", {"agrees", "agreed", "agreeing"});
  has("ship", {"ships", "shipped", "shipping"});
  has("admit", {"admits", "admitted", "admitting"});
  has("visit", {"visits", "visited", "visiting"});
  has("fix", {"fixes", "fixed", "fixing"});
  has("show", {"shows", "showed", "shown", "showing"});
  has("quit", {"quits", "quit", "quitting"});
  has("equip", {"equips", "equipped", "equipping"});
  has("have", {"has", "had", "having"});
  has("quiz", {"quizzes", "quizzed", "quizzing"});
  has("waltz", {"waltzes", "waltzed", "waltzing"});
  has("panic", {"panics", "panicked", "panicking"});
  has("traffic", {"traffics", "trafficked", "trafficking"});
  // One syllable always doubles: "hopped" is "hop", "hoped" is "hope".
  auto const hop = reckon::verb_forms("hop");
  CHECK(std::find(hop.begin(), hop.end(), "hoped") == hop.end());
}

TEST_CASE("the vocabulary takes extra trigger words per type", "[events]") {
  auto vocabulary = reckon::EventVocabulary::defaults();
  CHECK(mentions_in("The parley ended.", vocabulary).empty());
  vocabulary.add_noun("summit", "parley");
  CHECK(types_of(mentions_in("The parley ended.", vocabulary)) == std::vector<std::string>{"summit"});
}

TEST_CASE("trigger words are found however they are capitalised, short or long", "[events]") {
  auto vocabulary = reckon::EventVocabulary::defaults();
  for (auto const word : {"summit", "Summit", "SUMMIT", "sUmMiT"}) CHECK(vocabulary.may_start_trigger(word));
  CHECK_FALSE(vocabulary.may_start_trigger("summits-"));
  // Words of more than sixteen bytes are hashed another way; case still does not matter.
  CHECK_FALSE(vocabulary.may_start_trigger("videoconferencing"));
  vocabulary.add_noun("meeting", "videoconferencing session");
  for (auto const word : {"videoconferencing", "Videoconferencing", "VIDEOCONFERENCING"})
    CHECK(vocabulary.may_start_trigger(word));
  CHECK(types_of(mentions_in("The VIDEOCONFERENCING SESSION ended.", vocabulary)) == std::vector<std::string>{"meeting"});
}

TEST_CASE("a user's verb is matched in every form, with its subject as a participant", "[events]") {
  auto vocabulary = reckon::EventVocabulary::defaults();
  vocabulary.add_verb("launch", "unveil");
  const auto mentions = mentions_in("Tim Cook unveiled the tablet on Monday. He unveils a phone every June.", vocabulary);
  REQUIRE(types_of(mentions) == std::vector<std::string>{"launch", "launch"});
  CHECK(who(mentions[0]) == Names{"Tim Cook"});
  CHECK(time_of(mentions[0]) == "2025-08-11");
  CHECK(mentions[0].trigger == "unveiled");
  CHECK(mentions[1].trigger == "unveils");

  // The same word as a noun is not read after a pronoun: "he unveils" is a verb.
  auto nouns = reckon::EventVocabulary::defaults();
  nouns.add_noun("launch", "unveils");
  CHECK(mentions_in("He unveils a phone every June.", nouns).empty());
}

TEST_CASE("ambiguous words report an event only with a named participant", "[events]") {
  CHECK(mentions_in("The minister called for a ceasefire.").empty());
  CHECK(mentions_in("He spoke to reporters.").empty());
  CHECK(mentions_in("Such proposals are met with resistance.").empty());
  CHECK(types_of(mentions_in("Donald Trump called Vladimir Putin.")) == std::vector<std::string>{"call"});
}

TEST_CASE("participants are the subject and the with-phrase", "[events]") {
  auto const m = mentions_in(
      "US Secretary of State Marco Rubio spoke by telephone Tuesday with Russian Foreign Minister Sergei Lavrov.");
  CHECK(who(only(m, "call")) == Names{"Marco Rubio", "Sergei Lavrov"});
  CHECK(only(m, "call").trigger == "spoke by telephone");
}

TEST_CASE("participants of a noun come from between, hyphenated names and a light verb's subject", "[events]") {
  CHECK(who(only(mentions_in("They prepared the summit between Presidents Donald Trump and Vladimir Putin."),
                 "summit")) == Names{"Donald Trump", "Vladimir Putin"});
  CHECK(who(only(mentions_in("Donald Trump and Vladimir Putin talk. A Trump-Putin summit is near."), "summit")) ==
        Names{"Donald Trump", "Vladimir Putin"});
  CHECK(who(only(mentions_in("Marco Rubio held talks with Sergei Lavrov."), "meeting")) ==
        Names{"Marco Rubio", "Sergei Lavrov"});
}

TEST_CASE("a bare surname takes the full name the document gives", "[events]") {
  auto const m = mentions_in("Donald Trump and Vladimir Putin are presidents. Trump spoke with Putin on Monday.");
  const Mention& call = only(m, "call");
  CHECK(who(call) == Names{"Donald Trump", "Vladimir Putin"});
  CHECK(time_of(call) == "2025-08-11");
}

TEST_CASE("someone merely near the event is no participant", "[events]") {
  auto const m = mentions_in("Volodymyr Zelensky has described the meeting as a victory.");
  CHECK(who(only(m, "meeting")).empty());
  // "has" is a light verb when it governs the event, not when it is another verb's auxiliary.
  CHECK(who(only(mentions_in("Volodymyr Zelensky has long talks with Donald Trump."), "meeting")) ==
        Names{"Donald Trump", "Volodymyr Zelensky"});
}

TEST_CASE("a timex attached to the trigger is its time", "[events]") {
  struct Case {
    const char* text;
    const char* type;
    const char* value;
  };
  Case const cases[] = {
      {"Marco Rubio spoke by telephone Tuesday with Sergei Lavrov.", "call", "2025-08-12"},
      {"Marco Rubio met with the Russian foreign minister Sergei Lavrov on Tuesday.", "meeting", "2025-08-12"},
      {"The president set an August 8 deadline.", "deadline", "2025-08-08"},
      {"Karoline Leavitt spoke during Tuesday's press briefing.", "statement", "2025-08-12"},
      {"Donald Trump is limiting expectations for his summit in Alaska Friday.", "summit", "2025-08-15"},
      {"Putin requested the meeting, which will take place on Friday in Alaska.", "meeting", "2025-08-15"},
      // A fronted time dates the clause it opens, also across asides.
      {"On Monday, Marco Rubio met Sergei Lavrov.", "meeting", "2025-08-11"},
      {"Yesterday, at this year's forum in Geneva (WEF), Marco Rubio met Sergei Lavrov.", "meeting", "2025-08-11"},
      {"On Monday, according to aides, Marco Rubio met Sergei Lavrov.", "meeting", "2025-08-11"},
      {"This week, on Monday, Marco Rubio met Sergei Lavrov.", "meeting", "2025-08-11"},
      // Determiners other than articles and possessives may stand before a verb.
      {"Marco Rubio and Sergei Lavrov both met in Geneva on Monday.", "meeting", "2025-08-11"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(time_of(only(mentions_in(c.text), c.type)) == c.value);
  }
}

TEST_CASE("a summit named as the purpose of a call does not take the call's time", "[events]") {
  auto const m = mentions_in(
      "US Secretary of State Marco Rubio spoke by telephone Tuesday with Russian Foreign Minister Sergei Lavrov "
      "to prepare for the summit in Alaska between Presidents Donald Trump and Vladimir Putin, the State "
      "Department said.");
  CHECK(time_of(only(m, "call")) == "2025-08-12");
  const Mention& summit = only(m, "summit");
  CHECK(time_of(summit) == "<none>");
  CHECK(summit.place == "Alaska");
  CHECK(who(summit) == Names{"Donald Trump", "Vladimir Putin"});
  CHECK_FALSE(summit.time_from_context);
}

TEST_CASE("a bounding preposition keeps a timex from timing the event", "[events]") {
  CHECK(time_of(only(mentions_in("It was the first summit since 2021."), "summit")) == "<none>");
  CHECK(time_of(only(mentions_in("Officials met before Friday."), "meeting")) == "<none>");
}

TEST_CASE("the place is the most specific one after in, or the one before the noun", "[events]") {
  CHECK(only(mentions_in("Trump will travel for a meeting in Anchorage, Alaska."), "meeting").place == "Anchorage");
  CHECK(only(mentions_in("The meeting will take place in the US state of Alaska."), "meeting").place == "Alaska");
  CHECK(only(mentions_in("They criticised the Alaska summit."), "summit").place == "Alaska");
  CHECK_FALSE(only(mentions_in("The first US-Russia summit was long."), "summit").place.has_value());
}

TEST_CASE("negation makes a mention denied", "[events]") {
  for (const char* text : {"Russia won't commit to a Putin-Zelensky meeting.", "Trump did not meet Putin.",
                           "There was no meeting.", "Russia is refusing to commit to a meeting.",
                           "The Kremlin denied the meeting."}) {
    CAPTURE(text);
    auto const m = mentions_in(text);
    REQUIRE(m.size() == 1);
    CHECK(m.front().modality == Modality::denied);
  }
}

TEST_CASE("future and plans make a mention scheduled", "[events]") {
  for (const char* text : {"Trump will meet Putin on Friday.", "The meeting is scheduled for Friday.",
                           "Trump plans to meet Putin.", "They will hold a virtual meeting with Trump on Wednesday."}) {
    CAPTURE(text);
    auto const m = mentions_in(text);
    REQUIRE(m.size() == 1);
    CHECK(m.front().modality == Modality::scheduled);
  }
}

TEST_CASE("proposals and conditions make a mention proposed", "[events]") {
  for (const char* text : {"A meeting could take place soon.", "Putin proposed a meeting.",
                           "Any peace deal would involve swaps.", "If all goes well, Trump will meet Putin."}) {
    CAPTURE(text);
    auto const m = mentions_in(text);
    REQUIRE(m.size() == 1);
    CHECK(m.front().modality == Modality::proposed);
  }
}

TEST_CASE("a plain past report happened", "[events]") {
  auto const m = mentions_in("Marco Rubio met Sergei Lavrov in Riyadh on Tuesday.");
  REQUIRE(m.size() == 1);
  CHECK(m.front().modality == Modality::happened);
  CHECK(m.front().tense == reckon::Tense::past);
  CHECK(m.front().place == "Riyadh");
}

TEST_CASE("one sentence reports one event once", "[events]") {
  auto const m = mentions_in(
      "They will hold a virtual meeting before the Putin summit, the first US-Russia summit in years.");
  CHECK(std::count_if(m.begin(), m.end(), [](const Mention& x) { return x.type == "summit"; }) == 1);
}

TEST_CASE("boilerplate makes no mention", "[events]") {
  std::string const text = "Officials said little.\n\nMore like this\n\nDonald Trump met Vladimir Putin in Alaska\n";
  auto const d = document(text);
  auto const sentences = reckon::split_sentences(d.text);
  REQUIRE(std::any_of(sentences.begin(), sentences.end(), [](const reckon::Sentence& s) { return s.boilerplate; }));
  reckon::EntityTable const table({}, reckon::collect_names(d, sentences));
  CHECK(reckon::extract_mentions(d, sentences, reckon::tag(d, sentences), reckon::EventVocabulary::defaults(), table)
            .empty());
}

TEST_CASE("a headline in title case still names its participants", "[events]") {
  auto const m = mentions_in("Rubio Meets With Lavrov to Discuss Ukraine\n\nMarco Rubio and Sergei Lavrov talked.");
  CHECK(who(only(m, "meeting")) == Names{"Marco Rubio", "Sergei Lavrov"});
}

TEST_CASE("mention spans point at the trigger and participants at their names", "[events]") {
  std::string const text = "US President Donald Trump called Vladimir Putin.";
  auto const m = mentions_in(text);
  REQUIRE(m.size() == 1);
  CHECK(text.substr(m[0].start, m[0].end - m[0].start) == "called");
  REQUIRE(m[0].participants.size() == 2);
  // Sorted by canonical name; each span is the name as written, its title included.
  const auto& trump = m[0].participants[0];
  const auto& putin = m[0].participants[1];
  CHECK(trump.canonical == "Donald Trump");
  CHECK(text.substr(trump.start, trump.end - trump.start) == "US President Donald Trump");
  CHECK(putin.canonical == "Vladimir Putin");
  CHECK(text.substr(putin.start, putin.end - putin.start) == "Vladimir Putin");
  CHECK(std::string(reckon::to_string(Modality::denied)) == "denied");
}

TEST_CASE("each sentence finds its own timexes whatever order they are given in", "[events]") {
  auto const d = document(
      "Marco Rubio spoke by telephone Tuesday with Sergei Lavrov. Donald Trump will meet Vladimir Putin on "
      "Friday in Alaska. On Feb 18, 2025 Rubio met Lavrov in Riyadh.");
  auto const sentences = reckon::split_sentences(d.text);
  reckon::EntityTable const table({}, reckon::collect_names(d, sentences));
  auto timexes = reckon::tag(d, sentences);
  REQUIRE(timexes.size() == 3);
  auto const in_order = reckon::extract_mentions(d, sentences, timexes, reckon::EventVocabulary::defaults(), table);
  std::reverse(timexes.begin(), timexes.end());
  auto const reversed = reckon::extract_mentions(d, sentences, timexes, reckon::EventVocabulary::defaults(), table);
  REQUIRE(in_order.size() == 3);
  REQUIRE(reversed.size() == in_order.size());
  for (std::size_t i = 0; i < in_order.size(); ++i) {
    INFO("mention " << i);
    REQUIRE(in_order[i].time);
    REQUIRE(reversed[i].time);
    CHECK(reversed[i].time->value == in_order[i].time->value);
    CHECK(reversed[i].time->start == in_order[i].time->start);
  }
  CHECK(in_order[0].time->value == "2025-08-12");
  CHECK(in_order[1].time->value == "2025-08-15");
  CHECK(in_order[2].time->value == "2025-02-18");
}

TEST_CASE("punctuation ends clauses, and makes no call of the so-called", "[events]") {
  CHECK(mentions_in("Donald Trump hailed his so-called friendship with Vladimir Putin.").empty());
  // A semicolon, a colon, a dash or a hyphen with spaces around it ends a clause: a time on one
  // side dates nothing on the other.
  for (std::string const mark : {";", ":", " \xE2\x80\x94", " \xE2\x80\x93", " -"}) {
    INFO("mark '" << mark << "'");
    auto const fronted = mentions_in("Talks stalled on Monday" + mark + " Donald Trump called Vladimir Putin.");
    CHECK_FALSE(only(fronted, "call").time.has_value());
    auto const after = mentions_in("Donald Trump met Vladimir Putin on Friday" + mark +
                                   " Marco Rubio called Sergei Lavrov.");
    REQUIRE(only(after, "meeting").time.has_value());
    CHECK(only(after, "meeting").time->value == "2025-08-08");
    CHECK_FALSE(only(after, "call").time.has_value());
  }
  // An appositive between commas does not cut the trigger off from its time.
  auto const apposed = mentions_in("Donald Trump met Vladimir Putin, the Russian president, on Friday.");
  REQUIRE(only(apposed, "meeting").time.has_value());
  CHECK(only(apposed, "meeting").time->value == "2025-08-08");
}
