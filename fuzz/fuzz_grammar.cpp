// The temporal grammar over arbitrary text: the candidate scan (find_expressions), parsing the
// whole input as one expression (as `reckon explain` does), and the tagger with a fixed anchor (and
// sometimes without one), so that the anchor stage's calendar arithmetic sees every expression the
// grammar reads.
#include <chrono>
#include <string>

#include "engine/explain.hpp"
#include "engine/tagger.hpp"
#include "engine/utf8.hpp"
#include "fuzz/fuzz_check.hpp"
#include "grammar/temporal.hpp"

namespace {

using reckon::fuzz::expect;

reckon::Anchor fixed_anchor() {
  reckon::Anchor anchor;
  anchor.day = date::local_days{date::year{2026} / date::March / 10};
  anchor.time_of_day = std::chrono::hours{13} + std::chrono::minutes{6};
  anchor.timezone = "Europe/Berlin";
  return anchor;
}

void scan(std::string_view text) {
  const auto matches = reckon::grammar::find_expressions(text);
  reckon::fuzz::expect_ordered_spans(matches, text.size(), "grammar matches are in order and never overlap");
  for (const auto& match : matches) expect(match.start < match.end, "a grammar match is not empty");
}

void tag(std::string text, const std::optional<reckon::Anchor>& anchor) {
  reckon::Document document;
  document.id = "fuzz";
  document.text = std::move(text);
  document.anchor = anchor;
  const auto timexes = reckon::tag(document);
  reckon::fuzz::expect_ordered_spans(timexes, document.text.size(), "timexes are in order and never overlap");
  for (const auto& timex : timexes) {
    expect(timex.start < timex.end, "a timex is not empty");
    expect(!timex.interval || !(timex.interval->end < timex.interval->begin),
           "a resolved timex's interval does not end before it begins");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = reckon::fuzz::as_text(data, size);
  // Documents hold valid UTF-8 (the readers see to it), so the tagger gets the repaired text; the
  // grammar itself also sees the raw bytes when they differ.
  std::string text;
  if (reckon::is_valid_utf8(input)) {
    text = std::string(input);
  } else {
    reckon::repair_utf8(input, text);
    scan(input);
  }
  (void)reckon::grammar::parse_at(input, 0);
  (void)reckon::grammar::parse_expression(input);

  // One tagging per input (scanning dominates the cost): mostly against the fixed anchor, and for
  // one input size in four without an anchor, where relative expressions stay underspecified.
  static const std::optional<reckon::Anchor> anchor = fixed_anchor();
  const bool anchored = size % 4 != 3;
  tag(text, anchored ? anchor : std::nullopt);
  (void)reckon::explain(text, anchored ? anchor : std::nullopt, static_cast<reckon::Tense>(size % 4));
  return 0;
}
