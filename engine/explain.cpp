#include "engine/explain.hpp"

#include <cmath>
#include <cstdio>
#include <variant>

#include "engine/anchor.hpp"
#include "engine/tense.hpp"
#include "grammar/temporal.hpp"

namespace reckon {

namespace ast = grammar::ast;

namespace {

const char* unit_name(ast::Unit unit) {
  static const char* const names[] = {"second", "minute",  "hour",    "day",       "week",
                                      "weekend", "fortnight", "month", "quarter",   "half_year",
                                      "year",    "decade",  "century"};
  return names[static_cast<int>(unit)];
}

const char* relation_name(ast::Relation relation) {
  switch (relation) {
    case ast::Relation::none: return "none";
    case ast::Relation::previous: return "previous";
    case ast::Relation::current: return "current";
    case ast::Relation::next: return "next";
  }
  return "none";
}

const char* part_name(ast::PartOfDay part) {
  static const char* const names[] = {"morning", "afternoon", "evening", "night", "daytime"};
  return names[static_cast<int>(part)];
}

std::string number(double value) {
  if (!(std::abs(value) < 1e15)) {  // beyond exact integers (or not a number): its magnitude
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", value);
    return buffer;
  }
  std::string text = std::to_string(value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::string quantity(const ast::Quantity& q) { return q.vague ? "some (vague)" : number(q.value); }

struct Describe {
  std::string operator()(const ast::CalendarDate& n) const {
    std::string s = "CalendarDate";
    if (n.relation != ast::Relation::none) s += std::string("\n  relation: ") + relation_name(n.relation);
    if (n.weekday) s += "\n  weekday: " + std::to_string(*n.weekday) + " (0 = Sunday)";
    if (n.year) s += "\n  year: " + std::to_string(*n.year);
    if (n.month) s += "\n  month: " + std::to_string(*n.month);
    if (n.day) s += "\n  day: " + std::to_string(*n.day);
    if (n.fiscal) s += "\n  fiscal: yes";
    return s;
  }
  std::string operator()(const ast::Decade& n) const {
    return "Decade\n  first year: " + std::to_string(n.first_year) +
           (n.century_known ? "" : " (century not written)");
  }
  std::string operator()(const ast::Century& n) const {
    return "Century\n  number: " + std::to_string(n.number);
  }
  std::string operator()(const ast::Period& n) const {
    static const char* const kinds[] = {"quarter", "half", "season"};
    std::string s = std::string("Period\n  kind: ") + kinds[static_cast<int>(n.kind)];
    if (!n.in_focus) s += "\n  index: " + std::to_string(n.index);
    if (n.year) s += "\n  year: " + std::to_string(*n.year);
    if (n.relation != ast::Relation::none) s += std::string("\n  relation: ") + relation_name(n.relation);
    if (n.fiscal) s += "\n  fiscal: yes";
    if (n.in_focus) s += "\n  which: the quarter in focus";
    return s;
  }
  std::string operator()(const ast::WeekdayRef& n) const {
    std::string s = "WeekdayRef\n  weekday: " + std::to_string(n.weekday) + " (0 = Sunday)";
    if (n.relation != ast::Relation::none) s += std::string("\n  relation: ") + relation_name(n.relation);
    if (n.part) s += std::string("\n  part of day: ") + part_name(*n.part);
    return s;
  }
  std::string operator()(const ast::DayRef& n) const {
    std::string s = "DayRef\n  offset: " + std::to_string(n.offset) + " day(s)";
    if (n.part) s += std::string("\n  part of day: ") + part_name(*n.part);
    return s;
  }
  std::string operator()(const ast::RelativeUnit& n) const {
    return std::string("RelativeUnit\n  relation: ") + relation_name(n.relation) +
           "\n  unit: " + unit_name(n.unit);
  }
  std::string operator()(const ast::Offset& n) const {
    return "Offset\n  quantity: " + quantity(n.quantity) + "\n  unit: " + unit_name(n.unit) +
           "\n  direction: " + (n.direction == ast::Direction::before ? "before" : "after") +
           "\n  from: " + (n.origin == ast::Origin::anchor ? "anchor" : "narrative time");
  }
  std::string operator()(const ast::Narrative& n) const {
    std::string s = "Narrative\n  offset: " + std::to_string(n.offset) + "\n  unit: " + unit_name(n.unit);
    if (n.part) s += std::string("\n  part of day: ") + part_name(*n.part);
    return s;
  }
  std::string operator()(const ast::Fuzzy& n) const {
    static const char* const refs[] = {"past", "present", "future"};
    return std::string("Fuzzy\n  reference: ") + refs[static_cast<int>(n.ref)];
  }
  std::string operator()(const ast::Duration& n) const {
    std::string s = "Duration\n  quantity: " + quantity(n.quantity) + "\n  unit: " + unit_name(n.unit);
    if (n.relation != ast::Relation::none) s += std::string("\n  relation: ") + relation_name(n.relation);
    if (n.adjectival) s += "\n  adjectival: yes";
    return s;
  }
  std::string operator()(const ast::Recurrence& n) const {
    std::string s = "Recurrence";
    if (n.each) s += "\n  quantifier: every";
    if (n.month) s += "\n  month: " + std::to_string(*n.month);
    else if (n.weekday) s += "\n  weekday: " + std::to_string(*n.weekday) + " (0 = Sunday)";
    else s += "\n  every: " + quantity(n.interval) + " " + unit_name(n.unit);
    if (n.part) s += std::string("\n  part of day: ") + part_name(*n.part);
    if (n.times > 1) s += "\n  times: " + number(n.times);
    return s;
  }
  std::string operator()(const ast::HolidayRef& n) const {
    std::string s = "HolidayRef\n  holiday: " + std::to_string(static_cast<int>(n.holiday));
    if (n.relation != ast::Relation::none) s += std::string("\n  relation: ") + relation_name(n.relation);
    if (n.year) s += "\n  year: " + std::to_string(*n.year);
    return s;
  }
  std::string operator()(const ast::ClockTime& n) const {
    static const char* const meridiems[] = {"", " a.m.", " p.m."};
    std::string s = "ClockTime\n  time: " + std::to_string(n.hour) + ":" +
                    (n.minute < 10 ? "0" : "") + std::to_string(n.minute) +
                    meridiems[static_cast<int>(n.meridiem)];
    if (!n.zone.empty()) s += "\n  zone: " + n.zone;
    return s;
  }
};

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out = prefix;
  for (char c : text) {
    out += c;
    if (c == '\n') out += prefix;
  }
  return out;
}

std::string describe(const ast::Expression& expression) {
  std::string s = "Expression";
  if (expression.mod != ast::Mod::none) s += std::string("\n  mod: ") + to_string(expression.mod);
  s += "\n" + indent(std::visit(Describe{}, expression.core), "  ");
  if (expression.time) s += "\n" + indent("at " + Describe{}(*expression.time), "  ");
  if (expression.enclosing) {
    s += std::string("\n  the ") + unit_name(*expression.enclosing) + " holding it";
  }
  return s;
}

// The resolution of one parsed expression, its steps after `preamble`.
Explanation explained(const ast::Expression& parsed, ResolveContext& context, std::vector<std::string> preamble) {
  Explanation explanation;
  explanation.tree = describe(parsed);
  explanation.steps = std::move(preamble);
  explanation.timex = resolve(parsed, context, &explanation.steps);
  return explanation;
}

std::string anchor_step(const std::optional<Anchor>& anchor) {
  return anchor ? "anchor: " + to_iso(*anchor) : std::string("no anchor");
}

std::string describe_result(const Explanation& explanation) {
  std::string out = "parse:\n" + indent(explanation.tree, "  ") + "\nresolution:\n";
  int step = 1;
  for (const auto& s : explanation.steps) out += "  " + std::to_string(step++) + ". " + s + "\n";
  const Timex& t = explanation.timex;
  out += std::string("TIMEX3: type=") + to_string(t.type) + " value=" + t.value;
  if (!t.mod.empty()) out += " mod=" + t.mod;
  if (t.quant) out += " quant=" + *t.quant;
  if (t.freq) out += " freq=" + *t.freq;
  if (t.has_problem()) out += std::string(" problem=") + to_string(t.problem);
  out += "\n";
  if (t.interval) {
    out += std::string("interval: [") + date::format("%Y-%m-%dT%H:%M", t.interval->begin) + ", " +
           date::format("%Y-%m-%dT%H:%M", t.interval->end) + ") granularity=" +
           to_string(t.granularity) + "\n";
  }
  return out;
}

}  // namespace

std::optional<Explanation> explain_expression(std::string_view expression,
                                              const std::optional<Anchor>& anchor, Tense tense) {
  auto const parsed = grammar::parse_expression(expression);
  if (!parsed) return std::nullopt;
  ResolveContext context;
  context.anchor = anchor;
  context.tense = tense;
  Explanation explanation = explained(*parsed, context, {anchor_step(anchor), std::string("tense: ") + to_string(tense)});
  explanation.timex.end = expression.size();
  return explanation;
}

std::vector<FoundExplanation> explain_phrase(std::string_view phrase, const std::optional<Anchor>& anchor,
                                             Tense tense) {
  std::vector<FoundExplanation> found;
  ResolveContext context;
  context.anchor = anchor;
  for (const auto& match : grammar::find_expressions(phrase)) {
    std::string tense_step;
    if (tense == Tense::unknown) {
      context.tense = detect_tense(phrase, 0, phrase.size(), match.start, match.end);
      tense_step = std::string("tense: ") + to_string(context.tense) + " (read from the words around it)";
    } else {
      context.tense = tense;
      tense_step = std::string("tense: ") + to_string(tense);
    }
    Explanation explanation = explained(match.expression, context, {anchor_step(anchor), tense_step});
    explanation.timex.start = match.start;
    explanation.timex.end = match.end;
    remember(context, match.expression, explanation.timex);
    found.push_back({match.start, match.end, std::move(explanation)});
  }
  return found;
}

std::string explain(std::string_view expression, const std::optional<Anchor>& anchor, Tense tense) {
  bool read = false;
  return explain(expression, anchor, tense, read);
}

std::string explain(std::string_view expression, const std::optional<Anchor>& anchor, Tense tense,
                    bool& read) {
  read = true;
  if (auto const whole = explain_expression(expression, anchor, tense)) return describe_result(*whole);
  auto const found = explain_phrase(expression, anchor, tense);
  if (found.empty()) {
    read = false;
    return "\"" + std::string(expression) + "\" is not a temporal expression reckon can read as a whole\n";
  }
  std::string out = "\"" + std::string(expression) + "\" is no single expression; the tagger finds " +
                    std::to_string(found.size()) + (found.size() == 1 ? " expression" : " expressions") +
                    " in it (a TIMEX3 span leaves out prepositions such as 'on', 'since', 'from', and "
                    "a possessive's noun):\n";
  for (std::size_t i = 0; i < found.size(); ++i) {
    const auto& f = found[i];
    out += "\nexpression " + std::to_string(i + 1) + ": \"" +
           std::string(expression.substr(f.start, f.end - f.start)) + "\" (bytes " + std::to_string(f.start) +
           "-" + std::to_string(f.end) + ")\n";
    out += describe_result(f.explanation);
  }
  return out;
}

}  // namespace reckon
