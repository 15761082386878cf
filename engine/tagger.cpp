#include "engine/tagger.hpp"

#include "engine/anchor.hpp"
#include "engine/tense.hpp"
#include "grammar/temporal.hpp"

namespace reckon {

namespace {

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

}  // namespace

std::vector<Timex> tag(const Document& document) {
  return tag(document, split_sentences(document.text));
}

std::vector<Timex> tag(const Document& document, const std::vector<Sentence>& sentences) {
  std::string_view const text = document.text;
  std::vector<Timex> timexes;
  ResolveContext context;
  context.anchor = document.anchor;
  for (const auto& match : grammar::find_expressions(text)) {
    auto const [window_start, window_end] = tense_window(text, sentences, match.start, match.end);
    context.tense = detect_tense(text, window_start, window_end, match.start, match.end);
    Timex timex = resolve(match.expression, context);
    timex.start = match.start;
    timex.end = match.end;
    if (timex.interval && timex.granularity == Granularity::quarter &&
        std::holds_alternative<grammar::ast::Period>(match.expression.core)) {
      date::year_month_day const first(date::floor<date::days>(timex.interval->begin));
      context.quarter = QuarterInFocus{int(first.year()), (unsigned(first.month()) - 1) / 3 + 1};
    }
    if (sets_narrative_time(timex)) {
      context.narrative = NarrativeTime{date::floor<date::days>(timex.interval->begin),
                                        timex.granularity};
    }
    if (const auto* weekday = std::get_if<grammar::ast::WeekdayRef>(&match.expression.core);
        weekday != nullptr && weekday->relation == grammar::ast::Relation::none &&
        !match.expression.time &&
        timex.interval && !context.weekdays[weekday->weekday % 7] &&
        (context.tense == Tense::past || context.tense == Tense::future)) {
      context.weekdays[weekday->weekday % 7] = date::floor<date::days>(timex.interval->begin);
    }
    timexes.push_back(std::move(timex));
  }
  return timexes;
}

}  // namespace reckon
