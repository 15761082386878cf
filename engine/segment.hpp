#pragma once
// Sentences and paragraphs over a document's text, without copying it. Abbreviations ("Mr.",
// "U.S.", "Aug."), initials, decimals and closing quotes do not end a sentence; a blank line
// always does. Lines that are boilerplate (bylines, photo credits, related-article lists) are
// marked so later stages can skip them. A sentence is at most 2 KiB: a longer run without
// sentence ends is cut at white space (between two characters where its second KiB has none).
#include <cstddef>
#include <string_view>
#include <vector>

namespace reckon {

struct Sentence {
  std::size_t start = 0;  // byte span in the text, surrounding white space trimmed
  std::size_t end = 0;
  std::size_t paragraph = 0;  // 0-based paragraph number
  bool boilerplate = false;
};

std::vector<Sentence> split_sentences(std::string_view text);

// The sentence that holds a byte offset (index into `sentences`), or sentences.size().
std::size_t sentence_at(const std::vector<Sentence>& sentences, std::size_t offset) noexcept;

}  // namespace reckon
