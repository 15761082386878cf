#pragma once
// The SemEval-2015 Task 4 (TimeLine) measure: temporal awareness (UzZaman & Allen 2011) of a
// system timeline against a gold one, over the TimeML-style relation graph each timeline stands
// for, micro-averaged over timelines. See docs/accuracy.md for how the graph is built.
//
// A timeline file: the entity on the first line, then one line per event,
// "ORDER<TAB>DATE<TAB>DOCID-SENTENCE-WORD[<TAB>coreferent mention...]".
//
// The graph follows the conversion of the task's own scorer (evaluation_timeline.py in the
// task's evaluation tool): lines sorted in natural order (numbers by value), ORDER 0 lines left
// out; every mention an event, every DATE string as written a time ("2005-XX-XX" and "XXXX-XX-XX"
// are times of their own, unrelated to "2005-06-06"). Relations, in this order: each event
// SIMULTANEOUS its time; each event and the next one BEFORE when the ORDER grows, else
// SIMULTANEOUS. The reduced graph keeps the relations not entailed by those before them; one that
// contradicts them stays in it but is not taken into the graph.
// Scores: precision = reduced system relations that the gold states or entails, over all reduced
// system relations; recall the same the other way round. Where this differs from the task's script
// (see docs/accuracy.md): entailment is full point-algebra closure, and a missing system file
// scores zero recall instead of being left out.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

struct TimelineLine {
  int order = 0;                      // 0: not ordered
  std::string date;                   // as written: "2005-06-06", "2006-03", "1976", "XXXX-XX-XX"
  std::vector<std::string> mentions;  // "DOCID-SENTENCE-WORD", coreferent mentions of one event
};

struct SemevalTimeline {
  std::string entity;
  std::vector<TimelineLine> lines;
};

// Parses a timeline file; throws SourceError (naming `file`, line and column) when malformed.
SemevalTimeline parse_semeval_timeline(std::string_view text, const std::string& file);

// A relation of the reduced graph: `a` SIMULTANEOUS or BEFORE `b`. Nodes are mentions ("1-2-said";
// "1-2-said#2" for a second line naming it) and dates with a leading '@' ("@2005-06-06").
struct TimelineRelation {
  bool before = false;
  std::string a;
  std::string b;
  friend bool operator==(const TimelineRelation&, const TimelineRelation&) = default;
};

// The reduced graph of a timeline, in the order its relations are stated.
std::vector<TimelineRelation> reduced_relations(const SemevalTimeline& timeline);

struct TimelineCounts {
  std::size_t system = 0;        // relations in the system's reduced graph
  std::size_t system_found = 0;  // ... that the gold closure holds
  std::size_t gold = 0;          // relations in the gold's reduced graph
  std::size_t gold_found = 0;    // ... that the system closure holds

  TimelineCounts& operator+=(const TimelineCounts& other) noexcept;
};

struct TimelinePRF {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

TimelinePRF prf_of(const TimelineCounts& counts) noexcept;

TimelineCounts score_timeline(const SemevalTimeline& gold, const SemevalTimeline& system);

struct TimelineFileScore {
  std::string name;          // file name, as in the gold directory
  std::string entity;        // the gold's first line
  bool missing = false;      // no system file of that name: it scores zero recall
  TimelineCounts counts;
};

struct TimelineEvaluation {
  std::vector<TimelineFileScore> timelines;  // gold files, sorted by name
  std::vector<std::string> unmatched;        // system files with no gold file of that name
  TimelineCounts total;                      // micro-average: counts summed before dividing
};

// Scores every "*.txt" of `gold_dir` against the file of the same name in `system_dir`. Throws
// SourceError when a directory cannot be read or a file is malformed.
TimelineEvaluation evaluate_timeline_dirs(const std::filesystem::path& gold_dir,
                                          const std::filesystem::path& system_dir);

}  // namespace reckon
