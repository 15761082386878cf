#pragma once
// The whole pipeline over a corpus: segment, tag, collect names, extract event mentions,
// reconcile. Documents are processed in parallel; the timeline is identical for every thread count
// and every order of the input documents (only `unresolved_timexes`, which is for warnings, follows
// the input order).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/document.hpp"
#include "engine/entities.hpp"
#include "engine/reconcile.hpp"
#include "engine/segment.hpp"
#include "engine/timeline.hpp"
#include "engine/timex.hpp"

namespace reckon {

// Trigger words a user adds to an event type: nouns as written, verbs by their lemma.
struct ExtraTriggers {
  std::string type;
  std::vector<std::string> nouns;
  std::vector<std::string> verbs;
};

struct PipelineOptions {
  std::vector<EntityAlias> aliases;     // [entities]
  std::vector<ExtraTriggers> triggers;  // [events]
  ReconcileOptions reconcile;
  unsigned threads = 1;
};

// A document's dateline: a short line near the top that is only a full date (and maybe a time or
// a few words), such as "Feb 18, 2025 1:06 PM" under a byline. Boilerplate lines don't count.
struct Dateline {
  Anchor date;
  std::string text;
};
std::optional<Dateline> find_dateline(const Document& document, const std::vector<Sentence>& sentences,
                                      const std::vector<Timex>& timexes);

// The day a news story's lead names for what it reports ("Yesterday, at WWDC, Jobs unveiled...",
// "Apple announced Friday that..."): the first date of a day in the opening sentences after the
// dateline, within the month up to the anchor (a lead reports news, not history: "Apple, founded
// on April 1, 1976, said Friday..." has its day on Friday). Articles tell first what happened and
// when; what they report later without a date mostly happened then too.
std::optional<date::local_days> find_lead_day(const Document& document, const std::vector<Sentence>& sentences,
                                              const std::vector<Timex>& timexes,
                                              const std::optional<Dateline>& dateline);

Timeline build_timeline(const std::vector<Document>& documents, const PipelineOptions& options);

}  // namespace reckon
