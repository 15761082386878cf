#include "engine/eval_timeml.hpp"

#include <algorithm>

namespace reckon {
namespace {

PRF prf(std::size_t matched, std::size_t system, std::size_t gold) noexcept {
  PRF out;
  out.precision = system ? static_cast<double>(matched) / static_cast<double>(system) : 0.0;
  out.recall = gold ? static_cast<double>(matched) / static_cast<double>(gold) : 0.0;
  const double sum = out.precision + out.recall;
  out.f1 = sum > 0 ? 2 * out.precision * out.recall / sum : 0.0;
  return out;
}

std::string span_text(const Document& document, std::size_t start, std::size_t end) {
  if (start >= document.text.size() || end <= start) return {};
  return document.text.substr(start, std::min(end, document.text.size()) - start);
}

}  // namespace

TimexCounts& TimexCounts::operator+=(const TimexCounts& other) noexcept {
  gold += other.gold;
  system += other.system;
  strict += other.strict;
  relaxed += other.relaxed;
  type_correct += other.type_correct;
  value_correct += other.value_correct;
  return *this;
}

TimexScores scores_of(const TimexCounts& c) noexcept {
  TimexScores s;
  s.strict = prf(c.strict, c.system, c.gold);
  s.relaxed = prf(c.relaxed, c.system, c.gold);
  if (c.relaxed) {
    s.type_accuracy = static_cast<double>(c.type_correct) / static_cast<double>(c.relaxed);
    s.value_accuracy = static_cast<double>(c.value_correct) / static_cast<double>(c.relaxed);
  }
  s.type_f1 = s.type_accuracy * s.relaxed.f1;
  s.value_f1 = s.value_accuracy * s.relaxed.f1;
  return s;
}

const char* to_string(TimexErrorKind kind) noexcept {
  switch (kind) {
    case TimexErrorKind::miss: return "miss";
    case TimexErrorKind::false_alarm: return "false-alarm";
    case TimexErrorKind::wrong_span: return "wrong-span";
    case TimexErrorKind::wrong_type: return "wrong-type";
    case TimexErrorKind::wrong_value: return "wrong-value";
  }
  return "?";
}

TimexCounts score_timexes(const Document& document, const std::vector<Timex>& system,
                          std::vector<TimexError>* errors) {
  std::vector<const GoldTimex*> gold;
  for (const auto& g : document.gold_timexes) gold.push_back(&g);
  std::vector<const Timex*> sys;
  for (const auto& t : system) sys.push_back(&t);
  std::sort(gold.begin(), gold.end(), [](auto* a, auto* b) { return a->start < b->start; });
  std::sort(sys.begin(), sys.end(), [](auto* a, auto* b) { return a->start < b->start; });

  TimexCounts counts;
  counts.gold = gold.size();
  counts.system = sys.size();

  auto report = [&](TimexErrorKind kind, const GoldTimex* g, const Timex* t) {
    if (!errors) return;
    TimexError e{kind, document.id, g ? g->start : t->start, g ? g->end : t->end, {}, {}, {}, {}, {}, {}};
    if (g) {
      e.gold_text = span_text(document, g->start, g->end);
      e.gold_type = g->type;
      e.gold_value = g->value;
    }
    if (t) {
      e.system_text = span_text(document, t->start, t->end);
      e.system_type = to_string(t->type);
      e.system_value = t->value;
    }
    errors->push_back(std::move(e));
  };

  // Both sides are sorted and non-overlapping within themselves, so a merge pairs each gold
  // timex with the first unmatched system timex that overlaps it.
  std::size_t si = 0;
  for (const GoldTimex* g : gold) {
    while (si < sys.size() && sys[si]->end <= g->start) report(TimexErrorKind::false_alarm, nullptr, sys[si++]);
    if (si < sys.size() && sys[si]->start < g->end) {
      const Timex* t = sys[si++];
      ++counts.relaxed;
      const bool exact = t->start == g->start && t->end == g->end;
      if (exact) ++counts.strict;
      const bool type_ok = g->type == to_string(t->type);
      const bool value_ok = g->value == t->value;
      counts.type_correct += type_ok;
      counts.value_correct += value_ok;
      if (!exact) report(TimexErrorKind::wrong_span, g, t);
      if (!type_ok) report(TimexErrorKind::wrong_type, g, t);
      if (!value_ok) report(TimexErrorKind::wrong_value, g, t);
    } else {
      report(TimexErrorKind::miss, g, nullptr);
    }
  }
  while (si < sys.size()) report(TimexErrorKind::false_alarm, nullptr, sys[si++]);
  return counts;
}

}  // namespace reckon
