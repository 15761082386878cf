#pragma once
// `reckon explain "EXPRESSION"`: how the grammar reads one expression and how the anchor stage
// resolves it, step by step.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/tense.hpp"
#include "engine/timex.hpp"

namespace reckon {

struct Explanation {
  std::string tree;                // the syntax tree, indented, one node field per line
  std::vector<std::string> steps;  // the resolution steps, in order
  Timex timex;                     // the result (span = the whole expression)
};

// Nothing when the grammar does not read all of `expression` as one temporal expression.
std::optional<Explanation> explain_expression(std::string_view expression,
                                              const std::optional<Anchor>& anchor, Tense tense);

// One expression found inside a longer phrase ("spoke Tuesday", "since 2014", "from May to July"),
// with its byte span in the phrase.
struct FoundExplanation {
  std::size_t start = 0;
  std::size_t end = 0;
  Explanation explanation;
};

// Every expression the tagger would find in `phrase`, explained in text order: each resolved as
// the tagger resolves it, the narrative carried from one to the next. With Tense::unknown the
// tense is read from the phrase's own words ("will meet Friday"), as the tagger reads it.
std::vector<FoundExplanation> explain_phrase(std::string_view phrase, const std::optional<Anchor>& anchor,
                                             Tense tense);

// The same as text for the terminal: the whole expression, else each expression found in the
// phrase, else what went wrong.
std::string explain(std::string_view expression, const std::optional<Anchor>& anchor,
                    Tense tense = Tense::unknown);

// The same, also saying whether any expression was read (the command's exit code).
std::string explain(std::string_view expression, const std::optional<Anchor>& anchor, Tense tense,
                    bool& read);

}  // namespace reckon
