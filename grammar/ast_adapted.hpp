#pragma once
// Fusion adaptation of the AST nodes whose rules build them by plain attribute propagation.
#include <boost/fusion/include/adapt_struct.hpp>

#include "grammar/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(reckon::grammar::ast::Quantity, value, vague)
BOOST_FUSION_ADAPT_STRUCT(reckon::grammar::ast::WeekdayRef, anaphoric, relation, weekday, part, possessive)
BOOST_FUSION_ADAPT_STRUCT(reckon::grammar::ast::DayRef, offset, part)
BOOST_FUSION_ADAPT_STRUCT(reckon::grammar::ast::RelativeUnit, relation, unit)
BOOST_FUSION_ADAPT_STRUCT(reckon::grammar::ast::Narrative, offset, unit, part)
BOOST_FUSION_ADAPT_STRUCT(reckon::grammar::ast::Decade, first_year, century_known)
