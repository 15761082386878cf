#pragma once
// The temporal expression grammar, rule by rule. Read top to bottom: vocabulary tables, numbers,
// the building blocks (dates, clock times, weekdays, periods...), then `expression`, the rule
// the scanner runs at each candidate position. Case: function words and units match in
// lower case, Capitalised or UPPER case; month names only Capitalised or UPPER, so that "may"
// and "march" stay verbs.
#include <boost/spirit/home/x3.hpp>

#include "grammar/ast.hpp"
#include "grammar/ast_adapted.hpp"
#include "grammar/temporal_rules.hpp"

namespace reckon::grammar::parser {

namespace ascii = x3::ascii;
using x3::attr;
using x3::eps;
using x3::lexeme;
using x3::lit;

// ---------------------------------------------------------------------------------------------
// Words

// A word matched case-insensitively (ASCII) and only as a whole word: "now" does not match
// "nowhere". The input is compared byte by byte, so non-ASCII text never reaches <cctype>.
struct keyword_parser : x3::parser<keyword_parser> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;

  char const* word;  // lower case

  constexpr explicit keyword_parser(char const* w) : word(w) {}

  static constexpr bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  static constexpr char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

  template <typename Iterator, typename Context, typename RContext, typename Attribute>
  bool parse(Iterator& first, Iterator const& last, Context const& context, RContext&,
             Attribute&) const {
    (void)context;  // the skipper is white space; skipping it inline is much cheaper
    Iterator it = first;
    while (it != last && (*it == ' ' || *it == '\t' || *it == '\n' || *it == '\r' ||
                          *it == '\f' || *it == '\v')) {
      ++it;
    }
    for (char const* w = word; *w != '\0'; ++w, ++it) {
      if (it == last || lower(*it) != *w) return false;
    }
    if (it != last && is_word_char(*it)) return false;
    first = it;
    return true;
  }
};

constexpr keyword_parser kw(char const* word) { return keyword_parser(word); }

// The end of a word: no letter or digit follows.
auto const word_end = !ascii::alnum;

// Adds a word to a symbol table in lower case, Capitalised and UPPER case.
template <typename Table, typename Value>
void add_word(Table& table, std::string const& word, Value value) {
  std::string capitalised = word;
  std::string upper = word;
  capitalised[0] = char(capitalised[0] - 'a' + 'A');
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  }
  table.add(word, value)(capitalised, value)(upper, value);
}

// Adds a proper name (month): Capitalised and UPPER case only.
template <typename Table, typename Value>
void add_name(Table& table, std::string const& name, Value value) {
  std::string upper = name;
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  }
  table.add(name, value)(upper, value);
}

struct month_names_table : x3::symbols<unsigned> {
  month_names_table() {
    char const* names[] = {"January", "February", "March",     "April",   "May",      "June",
                           "July",    "August",   "September", "October", "November", "December"};
    for (unsigned m = 0; m < 12; ++m) add_name(*this, names[m], m + 1);
  }
};

struct month_abbreviations_table : x3::symbols<unsigned> {
  month_abbreviations_table() {
    char const* names[] = {"Jan", "Feb", "Mar", "Apr", "", "Jun",
                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (unsigned m = 0; m < 12; ++m) {
      if (*names[m] != '\0') add_name(*this, names[m], m + 1);
    }
    add_name(*this, "Sept", 9u);
  }
};

struct weekday_names_table : x3::symbols<unsigned> {
  weekday_names_table() {
    char const* names[] = {"sunday",   "monday", "tuesday", "wednesday",
                           "thursday", "friday", "saturday"};
    for (unsigned d = 0; d < 7; ++d) add_word(*this, names[d], d);
  }
};

struct parts_of_day_table : x3::symbols<ast::PartOfDay> {
  parts_of_day_table() {
    add_word(*this, "morning", ast::PartOfDay::morning);
    add_word(*this, "afternoon", ast::PartOfDay::afternoon);
    add_word(*this, "evening", ast::PartOfDay::evening);
    add_word(*this, "night", ast::PartOfDay::night);
  }
};

// "Tuesday nights", "Sunday mornings": a part of every such day.
struct plural_parts_of_day_table : x3::symbols<ast::PartOfDay> {
  plural_parts_of_day_table() {
    add_word(*this, "mornings", ast::PartOfDay::morning);
    add_word(*this, "afternoons", ast::PartOfDay::afternoon);
    add_word(*this, "evenings", ast::PartOfDay::evening);
    add_word(*this, "nights", ast::PartOfDay::night);
  }
};

struct unit_fillers_table : x3::symbols<unsigned> {
  unit_fillers_table() {
    for (char const* w : {"more", "trading", "business", "working", "full", "additional", "extra"}) {
      add_word(*this, w, 0u);
    }
  }
};

// Clock times named by a word: "noon", "midday" (TimeML: "T12:00"), "midnight" (the end of the day).
struct named_hours_table : x3::symbols<unsigned> {
  named_hours_table() {
    add_word(*this, "noon", 12u);
    add_word(*this, "midday", 12u);
    add_word(*this, "midnight", 24u);
  }
};

struct seasons_table : x3::symbols<ast::Season> {
  explicit seasons_table(bool ambiguous_too) {
    add_word(*this, "summer", ast::Season::summer);
    add_word(*this, "winter", ast::Season::winter);
    add_word(*this, "autumn", ast::Season::fall);
    if (ambiguous_too) {  // also common nouns and verbs: "hot spring", "prices fall"
      add_word(*this, "spring", ast::Season::spring);
      add_word(*this, "fall", ast::Season::fall);
    }
  }
};

struct units_table : x3::symbols<ast::UnitWord> {
  explicit units_table(bool with_ambiguous) {
    using ast::Unit;
    auto both = [this](std::string const& singular, std::string const& plural, Unit unit) {
      add_word(*this, singular, ast::UnitWord{unit, false});
      add_word(*this, plural, ast::UnitWord{unit, true});
    };
    both("minute", "minutes", Unit::minute);
    both("hour", "hours", Unit::hour);
    both("day", "days", Unit::day);
    both("week", "weeks", Unit::week);
    both("weekend", "weekends", Unit::weekend);
    both("fortnight", "fortnights", Unit::fortnight);
    both("month", "months", Unit::month);
    both("year", "years", Unit::year);
    both("decade", "decades", Unit::decade);
    both("century", "centuries", Unit::century);
    add_word(*this, "seconds", ast::UnitWord{Unit::second, true});
    add_word(*this, "quarters", ast::UnitWord{Unit::quarter, true});
    add_word(*this, "hrs", ast::UnitWord{Unit::hour, true});
    add_word(*this, "mins", ast::UnitWord{Unit::minute, true});
    if (with_ambiguous) {  // "a second meeting", "a quarter of the vote"
      add_word(*this, "second", ast::UnitWord{Unit::second, false});
      add_word(*this, "quarter", ast::UnitWord{Unit::quarter, false});
    }
  }
};

// Units a relative reference can name: "last week", "this quarter", "next year".
struct calendar_units_table : x3::symbols<ast::Unit> {
  calendar_units_table() {
    add_word(*this, "week", ast::Unit::week);
    add_word(*this, "weekend", ast::Unit::weekend);
    add_word(*this, "month", ast::Unit::month);
    add_word(*this, "quarter", ast::Unit::quarter);
    add_word(*this, "year", ast::Unit::year);
    add_word(*this, "decade", ast::Unit::decade);
    add_word(*this, "century", ast::Unit::century);
  }
};

// The units a narrative reference steps by: "the next day", "that year".
struct narrative_units_table : x3::symbols<ast::Unit> {
  narrative_units_table() {
    add_word(*this, "day", ast::Unit::day);
    add_word(*this, "week", ast::Unit::week);
    add_word(*this, "month", ast::Unit::month);
    add_word(*this, "year", ast::Unit::year);
  }
};

struct number_words_table : x3::symbols<unsigned> {
  number_words_table(char const* const* words, unsigned count, unsigned first, unsigned step) {
    for (unsigned i = 0; i < count; ++i) add_word(*this, words[i], first + i * step);
  }
};

char const* const unit_number_words[] = {"one", "two", "three", "four", "five",
                                         "six", "seven", "eight", "nine"};
char const* const teen_number_words[] = {"ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                         "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
char const* const tens_number_words[] = {"twenty", "thirty",  "forty",  "fifty",
                                         "sixty",  "seventy", "eighty", "ninety"};
char const* const unit_ordinal_words[] = {"first", "second",  "third",  "fourth", "fifth",
                                          "sixth", "seventh", "eighth", "ninth"};
char const* const teen_ordinal_words[] = {"tenth",       "eleventh",    "twelfth",
                                          "thirteenth",  "fourteenth",  "fifteenth",
                                          "sixteenth",   "seventeenth", "eighteenth",
                                          "nineteenth"};
char const* const tens_ordinal_words[] = {"twentieth", "thirtieth",  "fortieth",  "fiftieth",
                                          "sixtieth",  "seventieth", "eightieth", "ninetieth"};
char const* const decade_words[] = {"twenties", "thirties", "forties", "fifties",
                                    "sixties",  "seventies", "eighties", "nineties"};

// TIMEX3 mod of words before a point in time: "early 2024", "the end of May", "mid-June".
struct point_mods_table : x3::symbols<ast::Mod> {
  point_mods_table() {
    add_word(*this, "early", ast::Mod::start);
    add_word(*this, "earlier", ast::Mod::start);
    add_word(*this, "late", ast::Mod::end);
    add_word(*this, "later", ast::Mod::end);
    add_word(*this, "mid", ast::Mod::mid);
  }
};

// TIMEX3 mod of words before an amount: "about three weeks", "nearly three hours".
struct amount_mods_table : x3::symbols<ast::Mod> {
  amount_mods_table() {
    add_word(*this, "about", ast::Mod::approx);
    add_word(*this, "around", ast::Mod::approx);
    add_word(*this, "approximately", ast::Mod::approx);
    add_word(*this, "roughly", ast::Mod::approx);
    add_word(*this, "some", ast::Mod::approx);
    add_word(*this, "nearly", ast::Mod::less_than);
    add_word(*this, "almost", ast::Mod::less_than);
  }
};

struct zones_table : x3::symbols<unsigned> {
  zones_table() {
    for (char const* z : {"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "GMT", "UTC",
                          "BST", "CET", "CEST", "ET", "PT", "Eastern", "Central", "Mountain",
                          "Pacific"}) {
      add(z, 0u);
    }
  }
};

struct meridiems_table : x3::symbols<ast::Meridiem> {
  meridiems_table() {
    for (char const* am : {"a.m.", "a.m", "am", "A.M.", "A.M", "AM"}) add(am, ast::Meridiem::am);
    for (char const* pm : {"p.m.", "p.m", "pm", "P.M.", "P.M", "PM"}) add(pm, ast::Meridiem::pm);
  }
};

// Adverbs of frequency: "daily", "annually".
struct frequency_adverbs_table : x3::symbols<ast::Unit> {
  frequency_adverbs_table() {
    add_word(*this, "hourly", ast::Unit::hour);
    add_word(*this, "daily", ast::Unit::day);
    add_word(*this, "weekly", ast::Unit::week);
    add_word(*this, "monthly", ast::Unit::month);
    add_word(*this, "yearly", ast::Unit::year);
    add_word(*this, "annually", ast::Unit::year);
  }
};

struct holidays_table : x3::symbols<ast::Holiday> {
  holidays_table() {
    using ast::Holiday;
    auto name = [this](std::string const& n, Holiday h) {
      add_name(*this, n, h);
      std::string curly = n;  // the same name with a typographic apostrophe
      if (auto const at = curly.find('\''); at != std::string::npos) {
        curly.replace(at, 1, "\xE2\x80\x99");
        add_name(*this, curly, h);
      }
    };
    name("New Year's Day", Holiday::new_years_day);
    name("New Year's Eve", Holiday::new_years_eve);
    name("Valentine's Day", Holiday::valentines_day);
    name("Independence Day", Holiday::independence_day);
    name("Fourth of July", Holiday::independence_day);
    name("Halloween", Holiday::halloween);
    name("Veterans Day", Holiday::veterans_day);
    name("Christmas Eve", Holiday::christmas_eve);
    name("Christmas Day", Holiday::christmas);
    name("Christmas", Holiday::christmas);
    name("Boxing Day", Holiday::boxing_day);
    name("Thanksgiving Day", Holiday::thanksgiving);
    name("Thanksgiving", Holiday::thanksgiving);
    name("Labor Day", Holiday::labor_day);
    name("Memorial Day", Holiday::memorial_day);
    name("Election Day", Holiday::election_day);
    name("Martin Luther King Day", Holiday::martin_luther_king_day);
    name("Martin Luther King Jr. Day", Holiday::martin_luther_king_day);
    name("Presidents' Day", Holiday::presidents_day);
    name("Presidents Day", Holiday::presidents_day);
    name("Mother's Day", Holiday::mothers_day);
    name("Father's Day", Holiday::fathers_day);
    name("Easter Sunday", Holiday::easter);
    name("Easter", Holiday::easter);
    name("Good Friday", Holiday::good_friday);
  }
};

// The tables, built once; parsing only reads them.
struct vocabulary {
  month_names_table const months;
  month_abbreviations_table const month_abbreviations;
  weekday_names_table const weekdays;
  parts_of_day_table const parts_of_day;
  plural_parts_of_day_table const plural_parts_of_day;
  seasons_table const seasons{true};
  seasons_table const unambiguous_seasons{false};
  units_table const units{true};
  units_table const units_after_article{false};
  unit_fillers_table const unit_fillers;
  calendar_units_table const calendar_units;
  narrative_units_table const narrative_units;
  number_words_table const unit_numbers{unit_number_words, 9, 1, 1};
  number_words_table const teen_numbers{teen_number_words, 10, 10, 1};
  number_words_table const tens_numbers{tens_number_words, 8, 20, 10};
  number_words_table const unit_ordinals{unit_ordinal_words, 9, 1, 1};
  number_words_table const teen_ordinals{teen_ordinal_words, 10, 10, 1};
  number_words_table const tens_ordinals{tens_ordinal_words, 8, 20, 10};
  number_words_table const decades{decade_words, 8, 20, 10};
  point_mods_table const point_mods;
  amount_mods_table const amount_mods;
  zones_table const zones;
  meridiems_table const meridiems;
  named_hours_table const named_hours;
  frequency_adverbs_table const frequency_adverbs;
  holidays_table const holidays;
};

vocabulary const words;

// ---------------------------------------------------------------------------------------------
// Semantic actions: small named steps that fill the node a rule builds.

auto const assign = [](auto& ctx) { x3::_val(ctx) = x3::_attr(ctx); };
auto const add = [](auto& ctx) { x3::_val(ctx) += x3::_attr(ctx); };
auto const set_core = [](auto& ctx) { x3::_val(ctx).core = x3::_attr(ctx); };
auto const set_mod = [](auto& ctx) { x3::_val(ctx).mod = x3::_attr(ctx); };
auto const set_time = [](auto& ctx) { x3::_val(ctx).time = x3::_attr(ctx); };
auto const set_year = [](auto& ctx) { x3::_val(ctx).year = int(x3::_attr(ctx)); };
auto const set_month = [](auto& ctx) { x3::_val(ctx).month = unsigned(x3::_attr(ctx)); };
auto const set_day = [](auto& ctx) { x3::_val(ctx).day = unsigned(x3::_attr(ctx)); };
auto const set_weekday = [](auto& ctx) { x3::_val(ctx).weekday = x3::_attr(ctx); };
auto const set_relation = [](auto& ctx) { x3::_val(ctx).relation = x3::_attr(ctx); };
auto const set_part = [](auto& ctx) { x3::_val(ctx).part = x3::_attr(ctx); };
auto const set_quantity = [](auto& ctx) { x3::_val(ctx).quantity = x3::_attr(ctx); };
auto const set_fiscal = [](auto& ctx) { x3::_val(ctx).fiscal = true; };

template <typename T>
auto constant(T value) {
  return [value](auto& ctx) { x3::_val(ctx) = value; };
}
template <typename T>
auto multiply(T factor) {
  return [factor](auto& ctx) { x3::_val(ctx) *= factor; };
}
auto const add_half = [](auto& ctx) { x3::_val(ctx) += 0.5; };

// Fails the match unless the parsed number lies in [low, high]; `within` only checks.
template <typename T>
auto within(T low, T high) {
  return [low, high](auto& ctx) {
    auto const v = x3::_attr(ctx);
    x3::_pass(ctx) = (v >= low && v <= high);
  };
}
template <typename T>
auto in_range(T low, T high) {
  return [low, high](auto& ctx) {
    auto const v = x3::_attr(ctx);
    x3::_pass(ctx) = (v >= low && v <= high);
    x3::_val(ctx) = v;
  };
}

auto const set_unit = [](auto& ctx) { x3::_val(ctx).unit = x3::_attr(ctx).unit; };
auto const set_value = [](auto& ctx) { x3::_val(ctx).value = x3::_attr(ctx); };
auto const set_vague = [](auto& ctx) { x3::_val(ctx).vague = true; };

// ---------------------------------------------------------------------------------------------
// Rules

x3::rule<class number_below_hundred, double> const number_below_hundred = "number_below_hundred";
x3::rule<class cardinal_words, double> const cardinal_words = "cardinal_words";
x3::rule<class cardinal, double> const cardinal = "cardinal";
x3::rule<class ordinal, unsigned> const ordinal = "ordinal";
x3::rule<class quantity, ast::Quantity> const quantity = "quantity";
x3::rule<class year_number, int> const year_number = "year_number";
x3::rule<class spoken_year, int> const spoken_year = "spoken_year";
x3::rule<class day_of_month, unsigned> const day_of_month = "day_of_month";
x3::rule<class month_name, unsigned> const month_name = "month_name";
x3::rule<class full_month_name, unsigned> const full_month_name = "full_month_name";
x3::rule<class weekday_name, unsigned> const weekday_name = "weekday_name";
x3::rule<class part_of_day, ast::PartOfDay> const part_of_day = "part_of_day";
x3::rule<class relation, ast::Relation> const relation = "relation";
x3::rule<class duration_relation, ast::Relation> const duration_relation = "duration_relation";
x3::rule<class point_mod, ast::Mod> const point_mod = "point_mod";
x3::rule<class amount_mod, ast::Mod> const amount_mod = "amount_mod";
x3::rule<class in_the_unit, ast::RelativeUnit> const in_the_unit = "in_the_unit";
x3::rule<class the_unit, ast::RelativeUnit> const the_unit = "the_unit";
x3::rule<class calendar_date, ast::CalendarDate> const calendar_date = "calendar_date";
x3::rule<class iso_date, ast::CalendarDate> const iso_date = "iso_date";
x3::rule<class slash_date, ast::CalendarDate> const slash_date = "slash_date";
x3::rule<class month_day_year, ast::CalendarDate> const month_day_year = "month_day_year";
x3::rule<class day_month_year, ast::CalendarDate> const day_month_year = "day_month_year";
x3::rule<class month_year, ast::CalendarDate> const month_year = "month_year";
x3::rule<class related_month, ast::CalendarDate> const related_month = "related_month";
x3::rule<class year_date, ast::CalendarDate> const year_date = "year_date";
x3::rule<class decade, ast::Decade> const decade = "decade";
x3::rule<class century, ast::Century> const century = "century";
x3::rule<class period, ast::Period> const period = "period";
x3::rule<class weekday_ref, ast::WeekdayRef> const weekday_ref = "weekday_ref";
x3::rule<class day_ref, ast::DayRef> const day_ref = "day_ref";
x3::rule<class relative_unit, ast::RelativeUnit> const relative_unit = "relative_unit";
x3::rule<class offset, ast::Offset> const offset = "offset";
x3::rule<class narrative, ast::Narrative> const narrative = "narrative";
x3::rule<class fuzzy, ast::Fuzzy> const fuzzy = "fuzzy";
x3::rule<class duration, ast::Duration> const duration = "duration";
x3::rule<class recurrence, ast::Recurrence> const recurrence = "recurrence";
x3::rule<class weekday_set, ast::Recurrence> const weekday_set = "weekday_set";
x3::rule<class clock_time, ast::ClockTime> const clock_time = "clock_time";
x3::rule<class holiday_ref, ast::HolidayRef> const holiday_ref = "holiday_ref";
x3::rule<class year_end, ast::Expression> const year_end = "year_end";
x3::rule<class day_with_time, ast::Expression> const day_with_time = "day_with_time";
x3::rule<class modified_point, ast::Expression> const modified_point = "modified_point";
x3::rule<class modified_amount, ast::Expression> const modified_amount = "modified_amount";
x3::rule<class plain_expression, ast::Expression> const plain_expression = "plain_expression";
expression_type const expression = "expression";

// --- numbers ---------------------------------------------------------------------------------

// "seven", "seventeen", "twenty-four", "twenty four"
auto const number_below_hundred_def =
    lexeme[words.tens_numbers[assign] >>
           -((lit('-') | +ascii::blank) >> words.unit_numbers[add]) >> word_end] |
    lexeme[(words.teen_numbers[assign] | words.unit_numbers[assign]) >> word_end];

// "one hundred", "a hundred and twenty", "two thousand"
auto const cardinal_words_def =
    (number_below_hundred[assign] | (kw("a") >> &(kw("hundred") | kw("thousand")))[constant(1.0)]) >>
    -(kw("hundred")[multiply(100.0)] >> -(-kw("and") >> number_below_hundred[add])) >>
    -(kw("thousand")[multiply(1000.0)] >> -(-kw("and") >> number_below_hundred[add]));

// Plain decimals only: "3.5", "40", ".5"; no exponent ("1e5"), no "nan" or "inf", so every
// amount the grammar reads is a finite number as news writes numbers.
struct plain_decimal_policies : x3::ureal_policies<double> {
  template <typename Iterator>
  static bool parse_exp(Iterator&, Iterator const&) {
    return false;
  }
  template <typename Iterator, typename Attribute>
  static bool parse_nan(Iterator&, Iterator const&, Attribute&) {
    return false;
  }
  template <typename Iterator, typename Attribute>
  static bool parse_inf(Iterator&, Iterator const&, Attribute&) {
    return false;
  }
};

x3::real_parser<double, plain_decimal_policies> const unsigned_real;

// "40", "3.5", "5 1/2", "twenty-four", "three-and-a-half"; never "1,000" (a count).
auto const cardinal_def =
    (lexeme[unsigned_real[assign] >> word_end >> !(lit(',') >> ascii::digit)] >>
         -lexeme[lit("1/2") >> word_end][add_half] |
     cardinal_words[assign]) >>
    -(-lit('-') >> kw("and") >> -lit('-') >> kw("a") >> -lit('-') >> kw("half"))[add_half];

// "third", "twenty-first", "21st"
auto const ordinal_def =
    lexeme[x3::uint_[assign] >> (lit("st") | "nd" | "rd" | "th") >> word_end] |
    lexeme[words.tens_numbers[assign] >> lit('-') >> words.unit_ordinals[add] >> word_end] |
    lexeme[(words.unit_ordinals[assign] | words.teen_ordinals[assign] | words.tens_ordinals[assign]) >>
           word_end];

// How much: a number, an article, or a vague amount ("several", "a few").
auto const quantity_def =
    cardinal[set_value] |
    (-kw("a") >> kw("couple") >> -kw("of"))[([](auto& ctx) { x3::_val(ctx).value = 2; })] |
    (kw("a") >> kw("dozen"))[([](auto& ctx) { x3::_val(ctx).value = 12; })] |
    (kw("half") >> -lit('-') >> (kw("an") | kw("a")))[([](auto& ctx) { x3::_val(ctx).value = 0.5; })] |
    ((kw("a") >> kw("few")) | kw("few") | kw("several") | kw("many") | kw("some"))[set_vague];

// --- calendar pieces -------------------------------------------------------------------------

x3::uint_parser<unsigned, 10, 1, 2> const one_or_two_digits;
x3::uint_parser<unsigned, 10, 2, 2> const two_digits;
x3::uint_parser<int, 10, 4, 4> const four_digits;

// A year written in digits: 1000..2199, not part of a longer number ("2025.5", "2,000").
auto const year_number_def =
    lexeme[four_digits[in_range(1000, 2199)] >> word_end >>
           !((lit('.') | ',') >> ascii::digit)];

// "nineteen ninety-six", "two thousand"
auto const spoken_year_def =
    (number_below_hundred[in_range(11.0, 20.0)] >>
     number_below_hundred[([](auto& ctx) {
       double const tail = x3::_attr(ctx);
       x3::_pass(ctx) = tail >= 10;
       x3::_val(ctx) = int(x3::_val(ctx) * 100 + tail);
     })]) |
    (kw("two") >> kw("thousand"))[constant(2000)];

auto const day_of_month_def =
    lexeme[one_or_two_digits[in_range(1u, 31u)] >> -(lit("st") | "nd" | "rd" | "th") >> word_end >>
           !((lit(':') | '.') >> ascii::digit)];

auto const full_month_name_def = lexeme[words.months[assign] >> word_end];
auto const month_name_def =
    full_month_name[assign] |
    lexeme[words.month_abbreviations[assign] >> -lit('.') >> !(ascii::alnum | '-')];

auto const weekday_name_def = lexeme[words.weekdays[assign] >> word_end];
auto const part_of_day_def = lexeme[words.parts_of_day[assign] >> word_end];

auto const relation_def =
    (kw("this") >> kw("past"))[constant(ast::Relation::previous)] |
    (kw("this") >> kw("coming"))[constant(ast::Relation::next)] |
    (-kw("the") >> (kw("last") | kw("past") | kw("previous")))[constant(ast::Relation::previous)] |
    kw("this")[constant(ast::Relation::current)] |
    (-kw("the") >> kw("current"))[constant(ast::Relation::current)] |
    kw("next")[constant(ast::Relation::next)] |
    (-kw("the") >> kw("coming"))[constant(ast::Relation::next)];

// --- dates -----------------------------------------------------------------------------------

// Numbers that can be a month or a day of a month: "2025-13-45" and "13/45/2025" are no dates.
// A day that exists in no month ("2025-02-30") is the anchor stage's "no such day".
auto const month_number = [](auto& ctx) {
  unsigned const m = x3::_attr(ctx);
  x3::_pass(ctx) = m >= 1 && m <= 12;
  x3::_val(ctx).month = m;
};
auto const day_number = [](auto& ctx) {
  unsigned const d = x3::_attr(ctx);
  x3::_pass(ctx) = d >= 1 && d <= 31;
  x3::_val(ctx).day = d;
};

// "2025-02-18"
auto const iso_date_def =
    lexeme[four_digits[set_year] >> '-' >> two_digits[month_number] >> '-' >>
           two_digits[day_number] >> word_end];

// "8/12/2025" (month first, as US news writes it)
auto const slash_date_def =
    lexeme[one_or_two_digits[month_number] >> '/' >> one_or_two_digits[day_number] >> '/' >>
           (four_digits[set_year] |
            two_digits[([](auto& ctx) {
              unsigned const yy = x3::_attr(ctx);
              x3::_val(ctx).year = int(yy < 50 ? 2000 + yy : 1900 + yy);
            })]) >>
           !(ascii::alnum | '/')];

auto const weekday_prefix = -(weekday_name[set_weekday] >> -lit(','));

// "Feb 18, 2025", "Aug. 8", "Friday, Oct. 23", "August 21st"
auto const month_day_year_def =
    weekday_prefix >> month_name[set_month] >> -lit(',') >> day_of_month[set_day] >>
    -(*lit(',') >> year_number[set_year]);

// "18 February 2025", "the 8th of August"
auto const day_month_year_def =
    weekday_prefix >> -kw("the") >> day_of_month[set_day] >> -kw("of") >> month_name[set_month] >>
    -(-lit(',') >> year_number[set_year]);

// "February 2022", "January nineteen ninety-seven"
auto const month_year_def =
    month_name[set_month] >> -lit(',') >> (year_number[set_year] | spoken_year[set_year]);

// "last year", "this year", "next year" after a month or before a quarter
auto const year_offset_of = [](int offset) {
  return [offset](auto& ctx) { x3::_val(ctx).year_offset = offset; };
};
auto const relative_year =
    (kw("last")[year_offset_of(-1)] | kw("this")[year_offset_of(0)] |
     kw("next")[year_offset_of(1)]) >>
    kw("year");

// "last May", "this September", "July last year", and a bare "August"
auto const related_month_def =
    (full_month_name[set_month] >> relative_year) |
    (-relation[set_relation] >> full_month_name[set_month]);

// "2019", "fiscal 1998", "the year 2000", "nineteen ninety-six"
auto const year_date_def =
    (kw("fiscal")[set_fiscal] >> -kw("year") >> year_number[set_year]) |
    (kw("the") >> kw("year") >> (year_number[set_year] | spoken_year[set_year])) |
    (year_number[set_year] | spoken_year[set_year]);

auto const calendar_date_def = iso_date[assign] | slash_date[assign] | month_day_year[assign] |
                               day_month_year[assign] | month_year[assign] |
                               related_month[assign] | year_date[assign];

// "the 1990s", "the '80s", "the nineties"
auto const decade_def =
    -kw("the") >>
    (lexeme[four_digits[([](auto& ctx) {
              int const y = x3::_attr(ctx);
              x3::_pass(ctx) = y % 10 == 0 && y >= 1000 && y <= 2190;
              x3::_val(ctx).first_year = y;
            })] >>
            -lit('\'') >> 's' >> word_end] |
     lexeme[(lit('\'') | lit("\xE2\x80\x99")) >> two_digits[([](auto& ctx) {
              unsigned const y = x3::_attr(ctx);
              x3::_pass(ctx) = y % 10 == 0;
              x3::_val(ctx).first_year = int(y);
              x3::_val(ctx).century_known = false;
            })] >>
            's' >> word_end] |
     lexeme[words.decades[([](auto& ctx) {
       x3::_val(ctx).first_year = int(x3::_attr(ctx));
       x3::_val(ctx).century_known = false;
     })] >> word_end]);

// "the 20th century", "the twentieth century"
auto const century_def =
    -kw("the") >> ordinal[([](auto& ctx) { x3::_val(ctx).number = x3::_attr(ctx); })] >>
    -lit('-') >> kw("century");

// "of 1990", ", 2025", "2025"
auto const period_year = -(kw("of") | lit(',')) >> (year_number[set_year] | spoken_year[set_year]);

auto const set_quarter = [](auto& ctx) {
  unsigned const q = x3::_attr(ctx);
  x3::_pass(ctx) = q >= 1 && q <= 4;
  x3::_val(ctx).kind = ast::PeriodKind::quarter;
  x3::_val(ctx).index = q;
};
auto const set_half = [](unsigned half) {
  return [half](auto& ctx) {
    x3::_val(ctx).kind = ast::PeriodKind::half;
    x3::_val(ctx).index = half;
  };
};

auto const quarter_index =
    (ordinal[set_quarter] >> -lit('-') >> kw("quarter")) |
    lexeme[(lit('Q') | 'q') >> x3::uint_parser<unsigned, 10, 1, 1>{}[set_quarter] >> word_end];
auto const set_season = [](auto& ctx) {
  x3::_val(ctx).kind = ast::PeriodKind::season;
  x3::_val(ctx).index = unsigned(x3::_attr(ctx));
};

auto const half_index =
    (kw("first")[set_half(1)] | (kw("second") | kw("last"))[set_half(2)]) >> kw("half");

// "Q3 2025", "the third quarter of 1990", "third-quarter", "the fiscal-first quarter", "the 1988
// quarter", "the first half of 1990", "summer 2024", "last fall", "the winter of 1994"
auto const period_def =
    (-kw("the") >> relative_year >> lit("'s") >> -kw("fiscal")[set_fiscal] >> quarter_index) |
    (-kw("the") >> -relation[set_relation] >> -(kw("fiscal")[set_fiscal] >> -lit('-')) >>
     -year_number[set_year] >> quarter_index >> -period_year) |
    (kw("the") >> year_number[set_year] >> (kw("quarter") | kw("period")))[([](auto& ctx) {
      x3::_val(ctx).kind = ast::PeriodKind::quarter;
      x3::_val(ctx).in_focus = true;
    })] |
    (-kw("the") >> half_index >> -period_year) |
    (relation[set_relation] >> lexeme[words.seasons[set_season] >> word_end] >> -period_year) |
    (kw("the") >> lexeme[words.seasons[set_season] >> word_end] >> -period_year) |
    (lexeme[words.seasons[set_season] >> word_end] >> period_year) |
    lexeme[words.unambiguous_seasons[set_season] >> word_end];

// --- days and weeks --------------------------------------------------------------------------

auto const weekday_relation =
    (kw("this") >> kw("past") >> attr(ast::Relation::previous)) |
    (kw("this") >> kw("coming") >> attr(ast::Relation::next)) |
    (kw("last") >> attr(ast::Relation::previous)) | (kw("next") >> attr(ast::Relation::next)) |
    (kw("this") >> attr(ast::Relation::current)) | (kw("coming") >> attr(ast::Relation::next)) |
    (kw("the") >> kw("previous") >> attr(ast::Relation::previous)) |
    (kw("the") >> kw("following") >> attr(ast::Relation::next)) | attr(ast::Relation::none);

// A possessive after the expression, left outside the span: "Friday's close".
auto const possessive_mark =
    (&lexeme[(lit("'s") | lit("\xE2\x80\x99s")) >> !ascii::alnum] >> attr(true)) | attr(false);

// "the previous Friday", "the following Monday" count from the day the story is at, not from
// today; a look-ahead, so that weekday_relation still reads the words.
auto const anaphoric_mark =
    (&(kw("the") >> (kw("previous") | kw("following"))) >> attr(true)) | attr(false);

// "Tuesday", "Friday morning", "last Friday", "this coming Sunday", "Friday's close"
auto const weekday_ref_def =
    anaphoric_mark >> weekday_relation >> weekday_name >> -part_of_day >> possessive_mark;

auto const set_offset = [](int offset) {
  return [offset](auto& ctx) { x3::_val(ctx).offset = offset; };
};
auto const set_night = [](auto& ctx) { x3::_val(ctx).part = ast::PartOfDay::night; };

// "yesterday", "tomorrow morning", "tonight", "this morning", "last night"
auto const day_ref_def =
    (kw("yesterday")[set_offset(-1)] >> -part_of_day[set_part]) |
    (kw("today")[set_offset(0)]) |
    (kw("tomorrow")[set_offset(1)] >> -part_of_day[set_part]) |
    kw("tonight")[set_night] |
    (kw("this")[set_offset(0)] >> part_of_day[set_part]) |
    (kw("last") >> kw("night"))[([](auto& ctx) {
      x3::_val(ctx).offset = -1;
      x3::_val(ctx).part = ast::PartOfDay::night;
    })];

// "last week", "this month", "next year", "the current quarter", "the current fiscal year",
// "the weekend", "the latest quarter"
auto const relative_unit_def =
    (relation >> -kw("fiscal") >> lexeme[words.calendar_units >> word_end]) |
    (kw("the") >> kw("weekend") >> attr(ast::Relation::none) >> attr(ast::Unit::weekend)) |
    (kw("the") >> -(kw("latest") | (kw("most") >> kw("recent"))) >> kw("quarter") >>
     attr(ast::Relation::none) >> attr(ast::Unit::quarter)) |
    (kw("the") >> (kw("latest") | (kw("most") >> kw("recent"))) >> kw("period") >>
     attr(ast::Relation::none) >> attr(ast::Unit::quarter));

// "the next day", "the following year", "the previous day", "that day", "the same day",
// "the next morning", "the day before"
auto const narrative_step =
    ((kw("the") >> (kw("next") | kw("following") | kw("subsequent")))[set_offset(1)]) |
    ((kw("the") >> (kw("previous") | kw("preceding") | kw("prior")))[set_offset(-1)]) |
    ((kw("that") | (kw("the") >> kw("same")))[set_offset(0)]);

auto const narrative_def =
    (narrative_step >>
     (lexeme[words.narrative_units[([](auto& ctx) { x3::_val(ctx).unit = x3::_attr(ctx); })] >>
             word_end] |
      part_of_day[([](auto& ctx) {
        x3::_val(ctx).unit = ast::Unit::day;
        x3::_val(ctx).part = x3::_attr(ctx);
      })])) |
    (kw("the") >> kw("day") >> kw("before"))[set_offset(-1)] |
    (kw("the") >> kw("day") >> kw("after"))[set_offset(1)];

// --- fuzzy references ------------------------------------------------------------------------

auto const set_ref = [](ast::RefTime ref) {
  return [ref](auto& ctx) { x3::_val(ctx).ref = ref; };
};

// "now", "currently", "recently", "in recent weeks", "the past", "the future"
auto const fuzzy_def =
    ((kw("right") >> kw("now")) | kw("now") | kw("currently") | kw("nowadays") | kw("current") |
     (kw("these") >> kw("days")) | (kw("the") >> kw("present")))[set_ref(ast::RefTime::present)] |
    (kw("a") >> kw("later") >> kw("date"))[set_ref(ast::RefTime::future)] |
    (kw("recently") | kw("lately") |
     (kw("the") >> kw("past")))[set_ref(ast::RefTime::past)] |
    ((((kw("the") >> -(kw("near") | kw("distant") | kw("foreseeable"))) |
       kw("near") | kw("distant") | kw("foreseeable")) >>
      kw("future") >> !kw("of")) |
     (-kw("the") >> kw("coming") >>
      x3::omit[lexeme[words.units >> word_end]]))[set_ref(ast::RefTime::future)];

// --- amounts of time -------------------------------------------------------------------------

auto const duration_relation_def =
    (-kw("the") >> (kw("last") | kw("past") | kw("previous")))[constant(ast::Relation::previous)] |
    (-kw("the") >> (kw("next") | kw("coming") | kw("following")))[constant(ast::Relation::next)];

// A singular unit after a number other than one modifies a noun: "a two-year deal".
auto const set_duration_unit = [](auto& ctx) {
  auto& d = x3::_val(ctx);
  d.unit = x3::_attr(ctx).unit;
  d.adjectival = !x3::_attr(ctx).plural && (d.quantity.vague || d.quantity.value != 1);
};

// A word between an amount and its unit: "two more days", "30 trading days", "an additional year".
auto const unit_filler = -x3::omit[lexeme[words.unit_fillers >> word_end]];

// "40 minutes", "three-and-a-half-year", "a decade", "the last twenty four hours",
// "the next few days", "the first nine months", "a couple of years"
// "recent weeks": an unknown number of the units up to now
auto const set_recent_unit = [](auto& ctx) {
  auto& d = x3::_val(ctx);
  d.unit = x3::_attr(ctx).unit;
  d.quantity.vague = true;
  d.relation = ast::Relation::previous;
  x3::_pass(ctx) = x3::_attr(ctx).plural;
};

// "day-long", "a two-week-long strike", "decades-long": an amount that modifies a noun; a plural
// unit without a number is an unknown amount of it.
auto const long_suffix = lexeme[lit("-long") >> word_end][([](auto& ctx) {
  x3::_val(ctx).adjectival = true;
})];
auto const set_long_unit = [](auto& ctx) {
  auto& d = x3::_val(ctx);
  d.unit = x3::_attr(ctx).unit;
  d.quantity.vague = x3::_attr(ctx).plural;
  d.adjectival = true;
};

// "a year and a half"
auto const and_a_half = (kw("and") >> kw("a") >> kw("half"))[([](auto& ctx) {
  x3::_val(ctx).quantity.value += 0.5;
})];

// "the year ended Sept. 30", "the fiscal year ending June 30": a reporting year named by the day
// it ends on, so an amount of time (TimeML: a duration whose end point is that day), not a year.
// Only before a day ("Sept. 30", "tomorrow"): in "the year ended with a record" the year is the
// subject, a date.
auto const year_by_its_end =
    (kw("the") >> -kw("fiscal") >> kw("year") >>
     &((kw("ended") | kw("ending")) >>
       (x3::omit[month_name] | x3::omit[weekday_name] | kw("today") | kw("tomorrow") |
        kw("yesterday"))))[([](auto& ctx) {
      x3::_val(ctx).unit = ast::Unit::year;
    })];

auto const duration_def =
    year_by_its_end |
    (kw("recent") >> lexeme[words.units[set_recent_unit] >> word_end]) |
    (-duration_relation[set_relation] >> -kw("the") >> -kw("first") >> quantity[set_quantity] >>
     -lit('-') >> unit_filler >> lexeme[words.units[set_duration_unit] >> word_end] >>
     (long_suffix | -and_a_half)) |
    (-duration_relation[set_relation] >> (kw("an") | kw("a")) >> unit_filler >>
     lexeme[words.units_after_article[set_unit] >> word_end] >> (long_suffix | -and_a_half)) |
    (&ascii::char_("CDHMWYcdhmwy") >> lexeme[words.units[set_long_unit] >> lit("-long") >> word_end]);

auto const offset_direction =
    kw("ago")[([](auto& ctx) {
      x3::_val(ctx).direction = ast::Direction::before;
      x3::_val(ctx).origin = ast::Origin::anchor;
    })] |
    kw("earlier")[([](auto& ctx) {
      x3::_val(ctx).direction = ast::Direction::before;
      x3::_val(ctx).origin = ast::Origin::narrative;
    })] |
    kw("later")[([](auto& ctx) {
      x3::_val(ctx).direction = ast::Direction::after;
      x3::_val(ctx).origin = ast::Origin::narrative;
    })] |
    ((kw("from") >> kw("now")) | kw("hence"))[([](auto& ctx) {
      x3::_val(ctx).direction = ast::Direction::after;
      x3::_val(ctx).origin = ast::Origin::anchor;
    })];

// "two days ago", "a year earlier", "three years later", "two weeks from now"
// "the year-earlier quarter", "year-ago", "the quarter a year ago": the same period a year before
// the one in focus
auto const year_before_focus = [](auto& ctx) {
  auto& o = x3::_val(ctx);
  o.unit = ast::Unit::year;
  o.direction = ast::Direction::before;
  o.origin = ast::Origin::narrative;
};

auto const reporting_period = kw("quarter") | kw("period");
auto const a_year_back = (kw("a") >> kw("year") >> (kw("ago") | kw("earlier"))) | (kw("last") >> kw("year"));

// ..., "the quarter a year ago", "the corresponding period last year", "last year's quarter"
auto const offset_def =
    ((quantity[set_quantity] | (kw("an") | kw("a"))) >> unit_filler >>
     lexeme[words.units[set_unit] >> word_end] >> offset_direction) |
    (-kw("the") >> -(kw("comparable") | kw("corresponding")) >>
     (kw("year-earlier") | kw("year-ago"))[year_before_focus] >> -reporting_period) |
    (kw("the") >> -(kw("comparable") | kw("corresponding") | kw("same")) >> reporting_period >>
     a_year_back)[year_before_focus] |
    (kw("last") >> kw("year") >> lit("'s") >> -(kw("comparable") | kw("corresponding")) >>
     reporting_period)[year_before_focus];

// --- recurring times -------------------------------------------------------------------------

auto const set_each = [](auto& ctx) { x3::_val(ctx).each = true; };

// "every Tuesday", "each year", "every two weeks", "daily", "twice a week"
auto const recurrence_def =
    ((kw("every") | kw("each"))[set_each] >>
     ((weekday_name[set_weekday] >> -part_of_day[set_part]) | full_month_name[set_month] |
      (-(kw("other")[([](auto& ctx) { x3::_val(ctx).interval.value = 2; })] |
         cardinal[([](auto& ctx) { x3::_val(ctx).interval.value = x3::_attr(ctx); })]) >>
       lexeme[words.units[set_unit] >> word_end]))) |
    lexeme[words.frequency_adverbs[([](auto& ctx) { x3::_val(ctx).unit = x3::_attr(ctx); })] >>
           word_end] |
    ((kw("twice")[([](auto& ctx) { x3::_val(ctx).times = 2; })] |
      (cardinal[([](auto& ctx) { x3::_val(ctx).times = x3::_attr(ctx); })] >>
       kw("times"))) >>
     (kw("a") | kw("an") | kw("per") | kw("each") | kw("every")) >>
     lexeme[words.units[set_unit] >> word_end]);

// "Fridays", "on Sunday mornings", "Tuesday nights": every such day (or part of it)
auto const plural_part_of_day = lexeme[words.plural_parts_of_day[set_part] >> word_end];
// (The first letters guard the table lookup, which every failing candidate would pay.)
// "Monday and Tuesday nights": the part of the day is shared, so "Monday" is a set as well.
auto const weekday_set_def = &ascii::char_("FMSTWfmstw") >> lexeme[
    words.weekdays[set_weekday] >>
    ((lit('s') >> word_end >> -(+ascii::blank >> plural_part_of_day)) |
     (word_end >> +ascii::blank >> plural_part_of_day) |
     (word_end >> &((kw("and") | kw("or")) >> +ascii::blank >> x3::omit[words.weekdays] >> word_end >>
                    +ascii::blank >> plural_part_of_day)))];

// --- clock times -----------------------------------------------------------------------------

auto const set_hour = [](auto& ctx) {
  unsigned const h = x3::_attr(ctx);
  x3::_pass(ctx) = h <= 24;
  x3::_val(ctx).hour = h;
};
// "24:00" is midnight at the end of a day; "24:30" is no time.
auto const set_minute = [](auto& ctx) {
  unsigned const m = x3::_attr(ctx);
  x3::_pass(ctx) = m <= 59 && (x3::_val(ctx).hour < 24 || m == 0);
  x3::_val(ctx).minute = m;
};
auto const set_meridiem = [](auto& ctx) {
  x3::_val(ctx).meridiem = x3::_attr(ctx);
  x3::_pass(ctx) = x3::_val(ctx).hour >= 1 && x3::_val(ctx).hour <= 12;
};
// The zone as written. Not `_where`: in an action, that is the input after the match up to the
// end of the text, which made every zone a copy of the rest of its document.
auto const set_zone = [](auto& ctx) {
  auto const& written = x3::_attr(ctx);
  x3::_val(ctx).zone.assign(written.begin(), written.end());
};
// A bare "14:30" is a clock time; a bare "3:16" (a verse, a score) is not.
auto const check_bare_clock = [](auto& ctx) {
  auto const& t = x3::_val(ctx);
  x3::_pass(ctx) = t.meridiem != ast::Meridiem::none || !t.zone.empty() || t.hour >= 13;
};

auto const meridiem = lexeme[words.meridiems >> !ascii::alnum];
auto const zone = lexeme[x3::raw[words.zones][set_zone] >> word_end];

// "1:06 PM", "3:42 PM Eastern", "10 a.m.", "noon", "midnight", "4 o'clock"
auto const clock_time_def =
    (lexeme[one_or_two_digits[set_hour] >> ':' >> two_digits[set_minute] >> !ascii::digit] >>
     -meridiem[set_meridiem] >> -zone >> eps[check_bare_clock]) |
    (lexeme[one_or_two_digits[set_hour] >> !ascii::digit] >>
     ((meridiem[set_meridiem] >> -zone) | kw("o'clock"))) |
    lexeme[words.named_hours[([](auto& ctx) { x3::_val(ctx).hour = x3::_attr(ctx); })] >> word_end];

// "Thanksgiving Day", "last Christmas", "Easter 2024"
auto const holiday_ref_def =
    -relation[set_relation] >>
    lexeme[words.holidays[([](auto& ctx) { x3::_val(ctx).holiday = x3::_attr(ctx); })] >> word_end] >>
    -(-lit(',') >> year_number[set_year]);

// "year-end", "the year's end": the end of the anchor's year
auto const year_end_def =
    (-kw("the") >> (kw("year-end") | (kw("year") >> -lit("'s") >> kw("end"))))[([](auto& ctx) {
      x3::_val(ctx).mod = ast::Mod::end;
      x3::_val(ctx).core = ast::RelativeUnit{ast::Relation::current, ast::Unit::year};
    })];

// "the week of March 6", "the weekend of Oct. 23", "Easter week", "Labor Day weekend": the week
// or weekend that holds the day named
auto const set_enclosing = [](ast::Unit unit) {
  return [unit](auto& ctx) { x3::_val(ctx).enclosing = unit; };
};
auto const enclosing_unit =
    kw("week")[set_enclosing(ast::Unit::week)] | kw("weekend")[set_enclosing(ast::Unit::weekend)];
auto const week_of_day =
    kw("the") >> enclosing_unit >> kw("of") >>
    (month_day_year[set_core] | day_month_year[set_core] | holiday_ref[set_core]);

// --- whole expressions -----------------------------------------------------------------------

auto const day_for_time =
    month_day_year[set_core] | day_month_year[set_core] | iso_date[set_core] |
    weekday_ref[set_core] | day_ref[set_core];

// "10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "Feb 18, 2025 1:06 PM", "Friday at 3 p.m."
auto const day_with_time_def =
    (clock_time[set_time] >> -lit(',') >> day_for_time) |
    (day_for_time >> -(lit(',') | lit('-') | lit("\xE2\x80\x93") | kw("at")) >> clock_time[set_time]);

auto const point_mod_def =
    (-kw("the") >> (kw("end") | kw("close")) >> kw("of"))[constant(ast::Mod::end)] |
    (-kw("the") >> (kw("beginning") | kw("start")) >> kw("of"))[constant(ast::Mod::start)] |
    (-kw("the") >> kw("middle") >> kw("of"))[constant(ast::Mod::mid)] |
    (-kw("the") >> lexeme[words.point_mods[assign] >> word_end] >> -lit('-'));

// "earlier in the month": the unit the narrative is in
auto const in_the_unit_def =
    (kw("in") >> kw("the") >> attr(ast::Relation::current) >>
     lexeme[words.calendar_units >> word_end]);

// "the year", "the month" after a modifier: "the end of the year"
auto const the_unit_def =
    kw("the") >> attr(ast::Relation::current) >> lexeme[words.calendar_units >> word_end];

// "mid-afternoon yesterday", "late afternoon Friday", "mid afternoon", "early morning": a part of
// a day, only after a modifier (a bare "afternoon" is too often generic). The part is read once,
// first as one of the story's day, then moved to the day written after it.
auto const story_day_part = [](auto& ctx) {
  x3::_val(ctx).core = ast::Narrative{0, ast::Unit::day, x3::_attr(ctx)};
};
auto const written_part = [](auto& ctx) { return std::get<ast::Narrative>(x3::_val(ctx).core).part; };
auto const day_part = [](int offset) {
  return [offset](auto& ctx) { x3::_val(ctx).core = ast::DayRef{offset, written_part(ctx)}; };
};
auto const part_of_day_point =
    part_of_day[story_day_part] >>
    -(kw("yesterday")[day_part(-1)] | kw("today")[day_part(0)] | kw("tomorrow")[day_part(1)] |
      weekday_name[([](auto& ctx) {
        ast::WeekdayRef ref;
        ref.part = written_part(ctx);
        ref.weekday = x3::_attr(ctx);
        x3::_val(ctx).core = ref;
      })]);

auto const point_in_time =
    day_with_time[([](auto& ctx) {
      x3::_val(ctx).core = x3::_attr(ctx).core;
      x3::_val(ctx).time = x3::_attr(ctx).time;
    })] |
    calendar_date[set_core] | holiday_ref[set_core] | decade[set_core] | century[set_core] |
    period[set_core] | weekday_ref[set_core] | day_ref[set_core] | relative_unit[set_core] |
    narrative[set_core] | in_the_unit[set_core] | the_unit[set_core] | part_of_day_point;

// "early 2024", "mid-2024", "the end of the month", "earlier this week", "late yesterday"
auto const modified_point_def = point_mod[set_mod] >> point_in_time;

// Every candidate the point modifiers reject tries these; the first letters of their first words
// ("more", "at", "up", "no", "just", "less", "fewer", "about", "roughly", "some"...) guard them, so
// a year or a weekday skips the lot.
auto const amount_mod_def =
    &ascii::char_("AFJLMNRSUafjlmnrsu") >>
    ((kw("more") >> kw("than"))[constant(ast::Mod::more_than)] |
    (kw("at") >> kw("least"))[constant(ast::Mod::equal_or_more)] |
    ((kw("up") >> kw("to")) |
     (kw("no") >> kw("more") >> kw("than")))[constant(ast::Mod::equal_or_less)] |
    (kw("just") >> kw("over"))[constant(ast::Mod::more_than)] |
    (kw("just") >> kw("under"))[constant(ast::Mod::less_than)] |
    ((kw("less") | kw("fewer")) >> kw("than"))[constant(ast::Mod::less_than)] |
    lexeme[words.amount_mods[assign] >> word_end]);

// "about three weeks", "nearly three hours", "more than a decade", "about two years ago"
auto const modified_amount_def = amount_mod[set_mod] >> (offset[set_core] | duration[set_core]);

auto const plain_expression_def =
    day_with_time[assign] | calendar_date[set_core] | (holiday_ref[set_core] >> -enclosing_unit) |
    year_end[assign] |
    decade[set_core] | century[set_core] |
    period[set_core] | weekday_set[set_core] | weekday_ref[set_core] | day_ref[set_core] | offset[set_core] |
    narrative[set_core] | week_of_day | relative_unit[set_core] | duration[set_core] | fuzzy[set_core] |
    recurrence[set_core] | clock_time[set_core];

auto const expression_def = modified_point[assign] | modified_amount[assign] | plain_expression[assign];

BOOST_SPIRIT_DEFINE(number_below_hundred, cardinal_words, cardinal, ordinal, quantity, year_number,
                    spoken_year, day_of_month, month_name, full_month_name, weekday_name,
                    part_of_day, relation, duration_relation, point_mod, amount_mod, in_the_unit,
                    the_unit,
                    calendar_date, iso_date, slash_date, month_day_year,
                    day_month_year, month_year, related_month, year_date, decade, century, period,
                    weekday_ref, day_ref, relative_unit, offset, narrative, fuzzy, duration,
                    recurrence, weekday_set, clock_time, holiday_ref, year_end, day_with_time, modified_point, modified_amount,
                    plain_expression, expression)

}  // namespace reckon::grammar::parser
