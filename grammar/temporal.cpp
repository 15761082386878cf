// Instantiates the grammar for std::string_view iterators: the only translation unit that sees the
// rule definitions, so compile time stays in one place.
#include "grammar/temporal.hpp"

#include "grammar/temporal_def.hpp"

namespace reckon::grammar {

namespace parser {
BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)
}  // namespace parser

parser::expression_type const& expression() { return parser::expression; }

std::optional<Match> parse_at(std::string_view text, std::size_t offset) {
  if (offset >= text.size()) return std::nullopt;
  auto first = text.begin() + static_cast<std::ptrdiff_t>(offset);
  Match match;
  bool const ok = parser::x3::phrase_parse(first, text.end(), parser::expression, parser::ascii::space,
                                           match.expression, parser::x3::skip_flag::dont_post_skip);
  if (!ok) return std::nullopt;
  match.start = offset;
  match.end = static_cast<std::size_t>(first - text.begin());
  // A failed optional part may have skipped white space after the expression.
  while (match.end > offset && (text[match.end - 1] == ' ' || text[match.end - 1] == '\t' ||
                                text[match.end - 1] == '\n' || text[match.end - 1] == '\r')) {
    --match.end;
  }
  if (match.end == match.start) return std::nullopt;
  return match;
}

std::optional<ast::Expression> parse_expression(std::string_view whole) {
  std::size_t begin = 0;
  std::size_t end = whole.size();
  auto const blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (begin < end && blank(whole[begin])) ++begin;
  while (end > begin && blank(whole[end - 1])) --end;
  std::string_view const trimmed = whole.substr(begin, end - begin);
  auto match = parse_at(trimmed, 0);
  if (!match || match->end != trimmed.size()) return std::nullopt;
  return std::move(match->expression);
}

}  // namespace reckon::grammar
