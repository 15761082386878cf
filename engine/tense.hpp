#pragma once
// The tense of the clause around a temporal expression, from the words near it: auxiliaries
// ("will", "is to", "plans to", "scheduled", "expected"), past forms (regular "-ed" verbs and a
// table of irregular ones, "said", "ago"), and present "is"/"are". The anchor stage uses it to
// choose the direction of a bare weekday, month or year-less date.
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace reckon {

enum class Tense { unknown, past, present, future };

const char* to_string(Tense tense) noexcept;  // "unknown", "past", "present", "future"
std::optional<Tense> parse_tense(std::string_view name) noexcept;

// The tense that governs the expression at [expression_start, expression_end) of `text`, judged
// from the words of the window [window_start, window_end) (normally its sentence). The cue
// nearest to the expression wins; reporting verbs ("said", "told") count only when nothing
// else speaks, since they frame a report rather than time its content.
Tense detect_tense(std::string_view text, std::size_t window_start, std::size_t window_end,
                   std::size_t expression_start, std::size_t expression_end);

// The tense, and whether it comes from a past verb right beside the expression, which leaves no
// doubt about the direction: a past form next to it ("the year ended Jan. 31") or an irregular
// one (a table word, never an adjective in "-ed") at most three words away ("bought RJR in
// February"), with no punctuation between.
struct TenseCue {
  Tense tense = Tense::unknown;
  bool near_past = false;
};
TenseCue detect_tense_cue(std::string_view text, std::size_t window_start, std::size_t window_end,
                          std::size_t expression_start, std::size_t expression_end);

// How far from the expression `detect_tense` reads, in bytes each side: far more than the words a
// cue is looked for in, and a bound on the reading when no words lie between one expression and
// the next (a line of numbers or punctuation), so that tagging a long line stays linear.
inline constexpr std::size_t tense_bytes_each_side = 1024;

// The part of the window `detect_tense` reads for the expression: the window narrowed to
// `tense_bytes_each_side` around it, without cutting a word.
std::pair<std::size_t, std::size_t> tense_reach(std::string_view text, std::size_t window_start,
                                                std::size_t window_end, std::size_t expression_start,
                                                std::size_t expression_end) noexcept;

}  // namespace reckon
