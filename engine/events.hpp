#pragma once
// The events stage: event mentions (who met whom, where, when) from one document's sentences and
// timexes, by an event vocabulary and a corpus-wide entity table.
//
// Use it in two passes over a corpus, so that names are canonical across documents:
//   1. names = collect_names(doc, sentences) for every document (entities.hpp);
//   2. table = EntityTable(aliases, all names);
//   3. extract_mentions(doc, sentences, tag(doc, sentences), vocabulary, table) per document.
// Each pass is a pure function of its inputs, so documents may be processed in any order or in
// parallel. Rules in brief (docs/events.md has them in full):
//   - one mention per reported event per sentence: triggers of one type in one sentence merge
//     unless they carry different times or modalities; boilerplate sentences make no mention;
//   - a timex governs a trigger only when attached to it: a pre-modifier ("Tuesday's briefing",
//     "an August 8 deadline"), the trigger's own phrase ("met with X on Tuesday", "summit in
//     Alaska Friday"), a relative clause on it ("the meeting, which will take place on Friday"),
//     or, for a verb, its clause before it ("On Monday Trump called Putin"); never through "since",
//     "before", "after", "until", "by", and never across a clause boundary, so a summit named as
//     the purpose of a call ("to prepare for the summit") does not take the call's time;
//   - without a governing timex, `time` stays empty (the mention is undated); the stage never
//     guesses a time from context, so `time_from_context` is always false;
//   - participants: the trigger's own phrase ("with X", "between X and Y", "Trump-Putin summit"),
//     plus the clause's subject for verbs and for nouns under a light verb ("held talks");
//   - modality: negation near the trigger → denied; "would", "could", "if", "proposed",
//     "potential" → proposed; "will", "scheduled", "plans to", future tense → scheduled.
#include <vector>

#include "engine/document.hpp"
#include "engine/entities.hpp"
#include "engine/event_vocabulary.hpp"
#include "engine/mention.hpp"
#include "engine/segment.hpp"
#include "engine/sentence_words.hpp"
#include "engine/timex.hpp"

namespace reckon {

// Every event mention of a document, in text order. `sentences` are the document's
// split_sentences(); `timexes` its tagged timexes (any order).
std::vector<Mention> extract_mentions(const Document& document, const std::vector<Sentence>& sentences,
                                      const std::vector<Timex>& timexes, const EventVocabulary& vocabulary,
                                      const EntityTable& entities);
// The same from the sentences' words read already (sentence_words.hpp); words read with this
// vocabulary tell which sentences no trigger can start in, and those are not read again.
std::vector<Mention> extract_mentions(const Document& document, const std::vector<Sentence>& sentences,
                                      const SentenceWords& words, const std::vector<Timex>& timexes,
                                      const EventVocabulary& vocabulary, const EntityTable& entities);

}  // namespace reckon
