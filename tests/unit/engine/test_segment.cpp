#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "engine/segment.hpp"

namespace {

std::vector<std::string> sentence_texts(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : reckon::split_sentences(text)) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

}  // namespace

TEST_CASE("a period followed by a capital ends a sentence", "[segment]") {
  CHECK(sentence_texts("Rubio met Lavrov. They spoke for hours.") ==
        std::vector<std::string>{"Rubio met Lavrov.", "They spoke for hours."});
}

TEST_CASE("titles, initials, dotted acronyms and month abbreviations do not end a sentence", "[segment]") {
  CHECK(sentence_texts("Mr. Trump met Dr. Smith on Aug. 8 in the U.S. Capitol with J. Doe.").size() == 1);
}

TEST_CASE("a dotted acronym or a company ending ends a sentence before a word that opens one", "[segment]") {
  using V = std::vector<std::string>;
  CHECK(sentence_texts("Lavrov flew to the U.S. According to officials, he left.") ==
        V{"Lavrov flew to the U.S.", "According to officials, he left."});
  CHECK(sentence_texts("They met at 9 a.m. The talks ran late.") == V{"They met at 9 a.m.", "The talks ran late."});
  CHECK(sentence_texts("He joined Apple Inc. It was 1997.") == V{"He joined Apple Inc.", "It was 1997."});
  CHECK(sentence_texts("He joined Apple Inc. It's big.") == V{"He joined Apple Inc.", "It's big."});
  // Names and titles after them are no sentence opening; nor is "A" of "A.I.".
  CHECK(sentence_texts("The U.S. Army and U.S. A.I. policy met Mr. The Rock.").size() == 1);
}

TEST_CASE("sentences are trimmed of no-break spaces as of other white space", "[segment]") {
  CHECK(sentence_texts("\xC2\xA0Trump met Putin.\xC2\xA0\xC2\xA0") == std::vector<std::string>{"Trump met Putin."});
  CHECK(sentence_texts("Trump met Putin.\xC2\xA0\nThen they left.\xC2\xA0") ==
        std::vector<std::string>{"Trump met Putin.", "Then they left."});
}

TEST_CASE("a no-break space after a full stop separates sentences", "[segment]") {
  CHECK(sentence_texts("Trump met Putin.\xC2\xA0Then they left.") ==
        std::vector<std::string>{"Trump met Putin.", "Then they left."});
  CHECK(sentence_texts("Trump met Putin. \xC2\xA0 Then they left.").size() == 2);
}

TEST_CASE("decimals do not end a sentence", "[segment]") {
  CHECK(sentence_texts("Prices fell 3.5 percent. Then they rose.").size() == 2);
}

TEST_CASE("a closing quote stays with the sentence it closes", "[segment]") {
  CHECK(sentence_texts("He said, \u201cIt was good.\u201d She agreed.") ==
        std::vector<std::string>{"He said, \u201cIt was good.\u201d", "She agreed."});
}

TEST_CASE("a newline ends a sentence in text whose lines are paragraphs", "[segment]") {
  const auto s = sentence_texts("Rubio holds call with Lavrov ahead of summit\nState Department says so\n");
  CHECK(s == std::vector<std::string>{"Rubio holds call with Lavrov ahead of summit", "State Department says so"});
}

TEST_CASE("single newlines continue a sentence in hard-wrapped text", "[segment]") {
  const std::string text =
      "The company said its third-quarter earnings rose sharply from a year\n"
      "earlier, helped by strong demand for its products in the United States\n"
      "and Europe, and by lower costs at its plants in the Midwest and the South.\n"
      "Analysts had expected a smaller gain in the quarter, which ended in\n"
      "September, because of weak sales in the company's Asian markets.\n";
  CHECK(sentence_texts(text).size() == 2);
}

TEST_CASE("a blank line always ends a sentence and starts a paragraph", "[segment]") {
  const auto sentences = reckon::split_sentences("First line without stop\n\nSecond paragraph here.");
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].paragraph == 0);
  CHECK(sentences[1].paragraph == 1);
}

TEST_CASE("page furniture and related-article lists are marked boilerplate", "[segment]") {
  const std::string text =
      "Rubio met Lavrov on Tuesday.\n\nAdvertisement\n\nThe talks went on.\n\nMore like this\n\n"
      "Rubio to Meet with Kremlin Officials\n\nAndrew Day February 17, 2025\n";
  const auto sentences = reckon::split_sentences(text);
  std::vector<bool> flags;
  for (const auto& s : sentences) flags.push_back(s.boilerplate);
  CHECK(flags == std::vector<bool>{false, true, false, true, true, true});
}

TEST_CASE("sentence_at finds the sentence that holds an offset", "[segment]") {
  const std::string text = "One. Two.";
  const auto sentences = reckon::split_sentences(text);
  REQUIRE(sentences.size() == 2);
  CHECK(reckon::sentence_at(sentences, 0) == 0);
  CHECK(reckon::sentence_at(sentences, 6) == 1);
  CHECK(reckon::sentence_at(sentences, 4) == sentences.size());  // the space between them
}

TEST_CASE("a run of text without sentence ends is cut at white space into pieces of at most 2 KiB", "[segment]") {
  std::string text;
  for (int i = 0; text.size() < 20000; ++i) text += "word" + std::to_string(i) + ' ';
  const auto sentences = reckon::split_sentences(text);
  REQUIRE(sentences.size() > 9);
  std::string rejoined;
  for (const auto& s : sentences) {
    CHECK(s.end - s.start <= 2048);
    CHECK(s.paragraph == 0);
    if (!rejoined.empty()) rejoined += ' ';
    rejoined += text.substr(s.start, s.end - s.start);
  }
  CHECK(rejoined + ' ' == text);  // every word kept, none cut in two
}

TEST_CASE("a long run without white space is cut between UTF-8 characters", "[segment]") {
  std::string text;
  while (text.size() < 9000) text += "\xC3\xA9";  // é
  text = "x" + text;  // so that a 2048-byte cut would fall inside a character
  const auto sentences = reckon::split_sentences(text);
  REQUIRE(sentences.size() == 5);
  std::size_t covered = 0;
  for (const auto& s : sentences) {
    CHECK(s.start == covered);
    CHECK(s.end - s.start <= 2048);
    CHECK((static_cast<unsigned char>(text[s.start]) & 0xC0) != 0x80);
    covered = s.end;
  }
  CHECK(covered == text.size());
}

TEST_CASE("sentences of ordinary length are never cut", "[segment]") {
  std::string sentence = "A";
  while (sentence.size() < 2000) sentence += " word";
  sentence += '.';
  REQUIRE(sentence.size() <= 2048);
  CHECK(sentence_texts(sentence) == std::vector<std::string>{sentence});
  CHECK(sentence_texts(sentence + ' ' + sentence) == std::vector<std::string>{sentence, sentence});
}
