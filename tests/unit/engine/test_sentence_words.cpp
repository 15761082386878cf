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
