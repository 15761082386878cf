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

// The same as text for the terminal; says what went wrong when the expression does not parse.
std::string explain(std::string_view expression, const std::optional<Anchor>& anchor,
                    Tense tense = Tense::unknown);

}  // namespace reckon
