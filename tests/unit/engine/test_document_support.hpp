#pragma once
// Helpers shared by the anchoring and tagger tests: an anchor on a calendar day, and a document
// with a text and an anchor.
#include <optional>
#include <string>
#include <utility>

#include "engine/document.hpp"

namespace reckon::testing {

inline Anchor anchor_on(int y, unsigned m, unsigned d) {
  Anchor a;
  a.day = date::local_days(date::year{y} / m / d);
  return a;
}

inline Document document(std::string text, std::optional<Anchor> anchor) {
  Document d;
  d.id = "test";
  d.text = std::move(text);
  d.anchor = std::move(anchor);
  return d;
}

}  // namespace reckon::testing
