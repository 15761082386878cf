// A document's sentences read into words once and kept packed between the events stage's passes:
// what comes back out must be what tokenizing and name finding give, wherever in a long document
// the sentence stands.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "engine/segment.hpp"
#include "engine/sentence_words.hpp"

using reckon::Document;
using reckon::Sentence;
using reckon::SentenceWords;

namespace {

Document document(std::string text) {
  Document d;
  d.id = "words";
  d.text = std::move(text);
  return d;
}

}  // namespace

TEST_CASE("packed words read back as tokenized, far past 64 KiB into a document", "[sentence_words]") {
  std::string text;
  while (text.size() < 100000) text += "Officials said little about the weather on the coast. ";
  text += "Russian Foreign Minister Sergei Lavrov's aides met Marco Rubio in Anchorage on Friday.";
  const Document d = document(text);
  const std::vector<Sentence> sentences = reckon::split_sentences(d.text);
  const std::size_t last = sentences.size() - 1;
  REQUIRE(sentences[last].start > 65536);

  const SentenceWords words(d, sentences);
  std::vector<reckon::events_text::Token> read;
  reckon::TokenFacts facts;
  words.read(last, sentences[last], read, facts);

  std::vector<reckon::events_text::Token> expected;
  reckon::events_text::tokenize(d.text, sentences[last].start, sentences[last].end, expected);
  const reckon::TokenFacts expected_facts = reckon::token_facts(d.text, expected);
  REQUIRE(read.size() == expected.size());
  for (std::size_t k = 0; k < read.size(); ++k) {
    CHECK(read[k].start == expected[k].start);
    CHECK(read[k].end == expected[k].end);
    CHECK(read[k].kind == expected[k].kind);
    CHECK(read[k].capitalised == expected[k].capitalised);
    CHECK(facts.classes[k] == expected_facts.classes[k]);
    CHECK(facts.places[k].has_value() == expected_facts.places[k].has_value());
  }

  std::vector<reckon::PersonName> names;
  words.names(last, sentences[last], names);
  REQUIRE(names.size() == 2);
  CHECK(names[0].text == "Sergei Lavrov");
  CHECK(d.text.substr(names[0].start, names[0].end - names[0].start) == "Sergei Lavrov");
  CHECK(d.text.substr(names[0].span_start, 7) == "Russian");
  CHECK(names[0].possessive);
  CHECK(names[1].text == "Marco Rubio");
}

TEST_CASE("a sentence too long for packed offsets is refused, not read wrong", "[sentence_words]") {
  const Document d = document(std::string(70000, 'a'));
  const std::vector<Sentence> whole{{0, d.text.size(), 0, false}};
  CHECK_THROWS_AS(SentenceWords(d, whole), std::length_error);
  // split_sentences() cuts such a run into pieces that can be packed.
  CHECK_NOTHROW(SentenceWords(d, reckon::split_sentences(d.text)));
}

TEST_CASE("sentences without a trigger start give up their words, the others read back unchanged",
          "[sentence_words]") {
  const Document d = document(
      "Sergei Lavrov praised the weather in Anchorage. Marco Rubio met Sergei Lavrov in Anchorage on Friday. "
      "Officials in Moscow gave no details. The Alaska summit with Vladimir Putin ended without a deal.");
  const std::vector<Sentence> sentences = reckon::split_sentences(d.text);
  const reckon::EventVocabulary vocabulary = reckon::EventVocabulary::defaults();
  const SentenceWords all(d, sentences);
  SentenceWords words(d, sentences, &vocabulary);
  CHECK(words.vocabulary() == &vocabulary);
  CHECK(all.vocabulary() == nullptr);

  std::vector<bool> expected_flags;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    std::vector<reckon::events_text::Token> tokens;
    reckon::events_text::tokenize(d.text, sentences[i].start, sentences[i].end, tokens);
    bool any = false;
    for (const auto& t : tokens)
      any = any || (t.kind == reckon::events_text::TokenKind::word &&
                    vocabulary.may_start_trigger(reckon::events_text::text_of(d.text, t)));
    expected_flags.push_back(any);
    CHECK(words.may_hold_trigger(i) == any);
    CHECK(all.may_hold_trigger(i));  // without a vocabulary nothing is ruled out
  }
  REQUIRE(sentences.size() == 4);
  CHECK(expected_flags == std::vector<bool>{false, true, false, true});

  words.release_sentences_without_triggers();
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    std::vector<reckon::events_text::Token> got, want;
    reckon::TokenFacts got_facts, want_facts;
    std::vector<reckon::PersonName> got_names, want_names;
    words.read(i, sentences[i], got, got_facts);
    words.names(i, sentences[i], got_names);
    all.read(i, sentences[i], want, want_facts);
    all.names(i, sentences[i], want_names);
    CHECK(words.title_case(i) == all.title_case(i));
    if (!expected_flags[i]) {
      CHECK(got.empty());
      CHECK(got_names.empty());
      continue;
    }
    REQUIRE(got.size() == want.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
      CHECK(got[k].start == want[k].start);
      CHECK(got[k].end == want[k].end);
      CHECK(got_facts.classes[k] == want_facts.classes[k]);
      REQUIRE(got_facts.places[k].has_value() == want_facts.places[k].has_value());
      if (got_facts.places[k]) {
        CHECK(got_facts.places[k]->canonical == want_facts.places[k]->canonical);
        CHECK(got_facts.places[k]->level == want_facts.places[k]->level);
        CHECK(got_facts.places[k]->tokens == want_facts.places[k]->tokens);
      }
    }
    REQUIRE(got_names.size() == want_names.size());
    for (std::size_t k = 0; k < got_names.size(); ++k) CHECK(got_names[k].text == want_names[k].text);
  }
  // Anchorage (sentence 2) and Alaska (sentence 4) are gazetteer places that survive the move.
  std::vector<reckon::events_text::Token> tokens;
  reckon::TokenFacts facts;
  words.read(3, sentences[3], tokens, facts);
  bool alaska = false;
  for (const auto& p : facts.places) alaska = alaska || (p && p->canonical == "Alaska");
  CHECK(alaska);
}
