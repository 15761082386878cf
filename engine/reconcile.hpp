#pragma once
// The reconciler: mentions of one event across documents become one Event, even when the reports
// disagree on its date (then a `date` Conflict names both sides); events are ordered by time and
// then by explicit cues ("ahead of", "after", "following"); a document whose own dateline
// contradicts its anchor gets an `anchor` Conflict.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/mention.hpp"
#include "engine/segment.hpp"
#include "engine/timeline.hpp"

namespace reckon {

// One document after the earlier stages, as the reconciler needs it.
struct AnalyzedDocument {
  const Document* document = nullptr;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  // A date the document states about itself (header, DCT, dateline) that differs from the anchor
  // it was given, with where it was found; empty when they agree or it states none.
  std::optional<Anchor> stated_date;
  std::string stated_where;  // "header", "dateline 'Feb 18, 2025'"...
  std::optional<date::local_days> lead_day;  // see find_lead_day
};

struct ReconcileOptions {
  // Mentions of one event in different documents whose times are disjoint but no further apart
  // than this are taken as one event reported with conflicting dates; further apart, as two events.
  int conflict_window_days = 7;
};

// Event families: types that can name the same happening ("summit" and "meeting"). The first
// type of a family is the most specific and names the event when any mention uses it.
std::string_view event_family(std::string_view type) noexcept;

// Takes the documents by value and moves their mentions into the timeline: pass them with
// std::move when they are not needed afterwards.
Timeline reconcile(std::vector<AnalyzedDocument> documents, const ReconcileOptions& options = {});

}  // namespace reckon
