#include "engine/tagger.hpp"

#include <algorithm>

#include "engine/anchor.hpp"
#include "engine/tense.hpp"
#include "grammar/temporal.hpp"

namespace reckon {

namespace {

// How far the search for the line around an expression goes: the tense reads only a few words
// each side, and a long line must not be searched from end to end for every expression on it.
constexpr std::size_t line_search_reach = 4096;

// The stretch of text whose words decide the tense: the sentence holding the expression, or,
// when the caller's sentences do not cover it, the text between the nearest line breaks (within
// `line_search_reach`).
std::pair<std::size_t, std::size_t> tense_window(std::string_view text,
                                                 const std::vector<Sentence>& sentences,
                                                 std::size_t start, std::size_t end) {
  std::size_t const index = sentence_at(sentences, start);
  if (index < sentences.size() && sentences[index].end >= end) {
    return {sentences[index].start, sentences[index].end};
  }
  std::size_t const low = start - std::min(start, line_search_reach);
  std::size_t const high = end + std::min(text.size() - end, line_search_reach);
  std::size_t const before = text.substr(low, start - low).rfind('\n');
  std::size_t const after = text.substr(end, high - end).find('\n');
  return {before == std::string_view::npos ? low : low + before + 1,
          after == std::string_view::npos ? high : end + after};
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
    TenseCue const cue = detect_tense_cue(text, window_start, window_end, match.start, match.end);
    context.tense = cue.tense;
    context.near_past = cue.near_past;
    Timex timex = resolve(match.expression, context);
    timex.start = match.start;
    timex.end = match.end;
    remember(context, match.expression, timex);
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
