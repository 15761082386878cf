#pragma once
// The temporal expression grammar's public face: find every expression in running text, or
// parse one expression given whole. Spirit X3 stays behind this header.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"

namespace reckon::grammar {

// One expression found in a text: its byte span [start, end) and its syntax tree.
struct Match {
  std::size_t start = 0;
  std::size_t end = 0;
  ast::Expression expression;
};

// Every temporal expression in `text`, in text order. Spans never overlap; at each candidate
// position the grammar's match is taken whole, and scanning resumes after it. Spans follow the
// TIMEX3 extent rules: no leading preposition ("on Friday" -> "Friday"), determiners and
// modifiers kept ("the next day", "early 2024", "about three weeks").
std::vector<Match> find_expressions(std::string_view text);

// The expression that starts exactly at `offset` (the grammar's match, without the context
// checks find_expressions applies), or nothing.
std::optional<Match> parse_at(std::string_view text, std::size_t offset);

// `whole` parsed as one expression (surrounding white space allowed); nothing unless the grammar
// consumes all of it. For `reckon explain`.
std::optional<ast::Expression> parse_expression(std::string_view whole);

}  // namespace reckon::grammar
