#pragma once
// The grammar's entry rule as X3 sees it: its type, the iterator and context it is instantiated
// for (temporal.cpp), and its declaration. Only grammar/*.cpp include this; the rest of reckon
// uses grammar/temporal.hpp, which hides X3.
#include <string_view>

#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"

namespace reckon::grammar::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = std::string_view::const_iterator;
using skipper_type = x3::ascii::space_type;
using context_type = x3::phrase_parse_context<skipper_type>::type;

using expression_type = x3::rule<class expression, ast::Expression>;
BOOST_SPIRIT_DECLARE(expression_type)

}  // namespace reckon::grammar::parser

namespace reckon::grammar {
// The entry rule, defined in temporal.cpp.
parser::expression_type const& expression();
}  // namespace reckon::grammar
