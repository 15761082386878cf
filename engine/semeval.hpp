#pragma once
// The SemEval-2015 Task 4 (TimeLine) output: one entity's events, in time order, in the task's
// text format. The first line names the entity; then one line per event:
//   ORDER<TAB>DATE<TAB>DOCID-SENTENCE-WORD[<TAB>coreferent mention...]
// ORDER is 0 for undated events, then 1, 2... by time, events of one date sharing a number. DATE
// is written as the task's gold writes each granularity: "2005-06-06", "2006-03", "1976", and
// "XXXX-XX-XX" when undated. DOCID is the TimeML <DOCID> (the document id when it has none),
// SENTENCE the <s id> holding the trigger (else the sentence number from 1), WORD the trigger's
// head word. eval_timeline.hpp scores these files.
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/timeline.hpp"

namespace reckon {

struct SemevalOptions {
  // An undated mention takes its document's day: news reports mostly what just happened. That is
  // the day the story's lead names (TimelineDocument::lead_day, found by find_lead_day), else the
  // anchor day.
  bool date_undated_by_anchor = true;
  // How near the trigger (in bytes, either side) the entity's name must stand; 0: anywhere in the
  // sentence. Sentences of product news name many products; the ones near the trigger take part.
  std::size_t window = 0;
  // Date each mention by its own timex rather than by its event's reconciled time: the reconciler
  // may join reports of different happenings that share a type.
  bool date_by_mention = false;
};

// Whether a mention involves `entity`: a participant's canonical name equals it (ignoring case),
// its sentence names it (ignoring case; a name of several words also in a longer form with one
// word between its words, "iTunes Music Store" for "iTunes store", or by its last two words when
// it has three, "Apple Corps" for "Beatles Apple Corps"), or, for a name of several words ending in
// a capitalised word ("Steve Jobs"), its sentence has that last word and the document names the
// entity in full.
bool mention_involves(const Timeline& timeline, std::size_t mention, const Document* document,
                      std::string_view entity, std::size_t window = 0);

std::string timeline_to_semeval(const Timeline& timeline, const std::vector<const Document*>& documents,
                                std::string_view entity, const SemevalOptions& options = {});

// The file name the task gives an entity's timeline: "Steve Jobs" → "steve_jobs.txt".
std::string semeval_file_name(std::string_view entity);

}  // namespace reckon
