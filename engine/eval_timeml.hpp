#pragma once
// TempEval-3 entity measures of the tagger against TimeML gold: strict (exact span) and relaxed
// (overlapping span) precision, recall and F1, and type and value F1 (attribute accuracy over the
// relaxed matches times relaxed F1). Counts are summed over the corpus before dividing. The DCT
// is not a gold timex: only <TEXT> timexes count.
#include <cstddef>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/timex.hpp"

namespace reckon {

struct TimexCounts {
  std::size_t gold = 0;
  std::size_t system = 0;
  std::size_t strict = 0;   // system spans equal to a gold span
  std::size_t relaxed = 0;  // system spans overlapping a gold span (one-to-one)
  std::size_t type_correct = 0;   // among relaxed matches
  std::size_t value_correct = 0;  // among relaxed matches

  TimexCounts& operator+=(const TimexCounts& other) noexcept;
};

struct PRF {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

struct TimexScores {
  PRF strict;
  PRF relaxed;
  double type_accuracy = 0;   // over relaxed matches
  double value_accuracy = 0;
  double type_f1 = 0;         // type_accuracy * relaxed F1
  double value_f1 = 0;
};

TimexScores scores_of(const TimexCounts& counts) noexcept;

enum class TimexErrorKind { miss, false_alarm, wrong_span, wrong_type, wrong_value };

const char* to_string(TimexErrorKind kind) noexcept;

struct TimexError {
  TimexErrorKind kind;
  std::string doc;
  std::size_t start = 0;  // the gold span, or the system span for a false alarm
  std::size_t end = 0;
  std::string gold_text, gold_type, gold_value;
  std::string system_text, system_type, system_value;
};

// Scores one document's system timexes against its gold. Both lists may come in any order; spans
// within each list must not overlap. When `errors` is given, every miss, false alarm, span
// mismatch, wrong type and wrong value is appended to it.
TimexCounts score_timexes(const Document& document, const std::vector<Timex>& system,
                          std::vector<TimexError>* errors = nullptr);

}  // namespace reckon
