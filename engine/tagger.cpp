#include "engine/tagger.hpp"

#include "engine/anchor.hpp"
#include "engine/tense.hpp"
#include "grammar/temporal.hpp"

namespace reckon {

namespace {

namespace ast = grammar::ast;

// The stretch of text whose words decide the tense: the sentence holding the expression, or,
// when the caller's sentences do not cover it, the text between the nearest line breaks.
std::pair<std::size_t, std::size_t> tense_window(std::string_view text,
                                                 const std::vector<Sentence>& sentences,
                                                 std::size_t start, std::size_t end) {
  std::size_t const index = sentence_at(sentences, start);
  if (index < sentences.size() && sentences[index].end >= end) {
    return {sentences[index].start, sentences[index].end};
  }
  std::size_t const before = text.rfind('\n', start);
  std::size_t const after = text.find('\n', end);
  return {before == std::string_view::npos ? 0 : before + 1,
          after == std::string_view::npos ? text.size() : after};
}

// Expressions that move the narrative on: dates and times that name a day or part of one.
bool sets_narrative_time(const Timex& timex) {
  if (!timex.interval || timex.type == TimexType::duration || timex.type == TimexType::set) {
    return false;
  }
  return timex.granularity == Granularity::day || timex.granularity == Granularity::part_of_day ||
         timex.granularity == Granularity::hour || timex.granularity == Granularity::minute;
}

date::local_days first_day(const Timex& timex) {
  return date::floor<date::days>(timex.interval->begin);
}

// What a resolved expression tells the ones after it: the narrative's day, the last calendar
// date named, the quarter reported on, and the day a bare weekday stands for.
void remember(ResolveContext& context, const grammar::Match& match, const Timex& timex) {
  if (!timex.interval) return;
  ast::Core const& core = match.expression.core;
  if (timex.granularity == Granularity::quarter && std::holds_alternative<ast::Period>(core)) {
    date::year_month_day const first(first_day(timex));
    context.quarter = QuarterInFocus{int(first.year()), (unsigned(first.month()) - 1) / 3 + 1};
  }
  if (timex.type == TimexType::date && std::holds_alternative<ast::CalendarDate>(core)) {
    context.narrative_period = NarrativeTime{first_day(timex), timex.granularity};
  }
  if (sets_narrative_time(timex)) {
    context.narrative = NarrativeTime{first_day(timex), timex.granularity};
  }
  // A bare weekday keeps, through the document, the day its first tensed mention gave it.
  if (const auto* weekday = std::get_if<ast::WeekdayRef>(&core);
      weekday != nullptr && weekday->relation == ast::Relation::none && !match.expression.time &&
      !context.weekdays[weekday->weekday % 7] &&
      (context.tense == Tense::past || context.tense == Tense::future)) {
    context.weekdays[weekday->weekday % 7] = first_day(timex);
  }
}

// Resolves the matches in text order, carrying the narrative's reference times along.
std::vector<Timex> resolve_matches(const Document& document, const std::vector<Sentence>& sentences,
                                   const std::vector<grammar::Match>& matches) {
  std::string_view const text = document.text;
  std::vector<Timex> timexes;
  timexes.reserve(matches.size());
  ResolveContext context;
  context.anchor = document.anchor;
  for (const auto& match : matches) {
    auto const [window_start, window_end] = tense_window(text, sentences, match.start, match.end);
    context.tense = detect_tense(text, window_start, window_end, match.start, match.end);
    Timex timex = resolve(match.expression, context);
    timex.start = match.start;
    timex.end = match.end;
    remember(context, match, timex);
    timexes.push_back(std::move(timex));
  }
  return timexes;
}

}  // namespace

std::vector<Timex> tag(const Document& document) {
  auto const matches = grammar::find_expressions(document.text);
  if (matches.empty()) return {};  // nothing to resolve: no need to segment the text
  return resolve_matches(document, split_sentences(document.text), matches);
}

std::vector<Timex> tag(const Document& document, const std::vector<Sentence>& sentences) {
  return resolve_matches(document, sentences, grammar::find_expressions(document.text));
}

}  // namespace reckon
