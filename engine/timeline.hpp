#pragma once
// The reconciled timeline: the events many documents report, each with the mentions that report
// it, in timeline order, and the conflicts between reports. What `reckon timeline` writes and
// `reckon check` reads.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/mention.hpp"
#include "engine/mention_table.hpp"
#include "engine/text_column.hpp"
#include "engine/timex.hpp"

namespace reckon {

// A document as the timeline names it: its id, anchor, and where the anchor came from.
struct TimelineDocument {
  std::string id;
  std::optional<Anchor> anchor;
  AnchorSource anchor_source = AnchorSource::none;
  // The day its lead names for what it reports (find_lead_day), for the SemEval writer to date
  // undated mentions by. Not written to files.
  std::optional<date::local_days> lead_day;
};

struct Event {
  std::string id;                         // "E1", "E2"... in timeline order
  std::string type;                       // the most frequent mention type (ties: alphabetical)
  std::vector<std::string> participants;  // canonical names, sorted
  std::optional<std::string> place;
  Modality modality = Modality::happened;  // happened when any mention reports it as happened
  // The event's time: the intersection of its (agreeing) mentions' intervals, and the TIMEX3 value
  // of the most precise mention time inside it. Empty for undated events.
  std::optional<Interval> interval;
  std::string when;
  Granularity granularity = Granularity::unknown;
  std::vector<std::size_t> mentions;      // indices into Timeline::mentions, in document order
};

enum class ConflictKind { date, order, anchor };

const char* to_string(ConflictKind kind) noexcept;  // "date", "order", "anchor"

// Reports that cannot all be true. Each side lists the mentions (indices into Timeline::mentions)
// that agree with one another; an anchor conflict names the document instead.
struct Conflict {
  ConflictKind kind = ConflictKind::date;
  std::optional<std::size_t> event;            // index into Timeline::events, when about one event
  std::vector<std::vector<std::size_t>> sides;  // mentions on each side
  std::string document;                        // for anchor conflicts
  std::string message;                         // one line for people
};

struct Timeline {
  std::vector<TimelineDocument> documents;  // sorted by id
  MentionTable mentions;                    // sorted by (document, start)
  TextColumn sentence_texts;                // the evidence sentence of each mention, same index
  TextColumn timex_texts;                   // the text of each mention's timex ("" when none)
  std::vector<Event> events;                // timeline order
  std::vector<Conflict> conflicts;          // sorted by kind, then event
  // Per input document, in the order build_timeline() was given them: the expressions that name no
  // possible time ("February 30", "year 0"), for the caller to warn about. Not written to files.
  std::vector<std::vector<Timex>> unresolved_timexes;
};

}  // namespace reckon
