#pragma once
// An event mention: one sentence's report of something that happened or will happen (a meeting,
// a call, a summit...), with who took part, where, and when, as the events stage extracts it.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/tense.hpp"
#include "engine/timex.hpp"

namespace reckon {

// Whether the sentence says the event happened, will happen, is merely proposed, or did not/will
// not happen ("Russia won't commit to a meeting" is not a meeting that happened).
enum class Modality { happened, scheduled, proposed, denied };

const char* to_string(Modality modality) noexcept;  // "happened", "scheduled", "proposed", "denied"

struct Participant {
  std::string canonical;  // canonical name after aliases and variant matching
  // Byte span of the name as written, title included ("Russian Foreign Minister Sergei Lavrov"),
  // in the document text.
  std::size_t start = 0;
  std::size_t end = 0;
};

// The part of a timex a mention keeps: where it is written, its TIMEX3 type, value and mod, and
// the time it denotes. A full Timex also carries SET attributes and resolution problems, which no
// mention needs; a timeline holds hundreds of thousands of mentions, so they keep only this.
struct MentionTime {
  MentionTime() = default;
  // Implicit, so that a mention takes its time straight from a timex (`m.time = timex`).
  MentionTime(const Timex& t)
      : start(t.start), end(t.end), type(t.type), granularity(t.granularity), value(t.value), mod(t.mod),
        interval(t.interval) {}
  MentionTime(Timex&& t)
      : start(t.start), end(t.end), type(t.type), granularity(t.granularity), value(std::move(t.value)),
        mod(std::move(t.mod)), interval(t.interval) {}

  std::size_t start = 0;  // byte span in the document text
  std::size_t end = 0;
  TimexType type = TimexType::date;
  Granularity granularity = Granularity::unknown;
  std::string value;  // TIMEX3 value
  std::string mod;    // TIMEX3 mod, "" when none
  std::optional<Interval> interval;
};

struct Mention {
  std::string doc;             // document id
  std::size_t sentence = 0;    // index into the document's split_sentences()
  std::size_t start = 0;       // byte span of the trigger ("summit", "spoke by telephone")
  std::size_t end = 0;
  std::string trigger;         // the trigger text
  std::string type;            // event type: meeting, summit, call, visit, interview, statement...
  std::vector<Participant> participants;  // sorted by canonical name, no duplicates
  std::optional<std::string> place;       // canonical place name ("Alaska", "Anchorage")
  // The timex that governs the trigger, or the sentence's reference time when none does.
  std::optional<MentionTime> time;
  bool time_from_context = false;  // true when `time` is the reference time, not a timex of the sentence
  Tense tense = Tense::unknown;
  Modality modality = Modality::happened;
};

}  // namespace reckon
