#include "engine/pipeline.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "engine/event_vocabulary.hpp"
#include "engine/events.hpp"
#include "engine/parallel.hpp"
#include "engine/sentence_words.hpp"
#include "engine/tagger.hpp"

namespace reckon {
namespace {

// How far down a dateline may stand, and how much besides the date its line may hold.
constexpr std::size_t kDatelineSentences = 12;
constexpr std::size_t kDatelineSlack = 32;

// How many sentences after the dateline a lead may take to name its day, and how long before the
// story's date that day may be.
constexpr std::size_t kLeadSentences = 3;
constexpr date::days kLeadRecentDays{31};

struct Prepared {
  std::vector<Sentence> sentences;
  std::vector<Timex> timexes;
  std::vector<NameOccurrence> names;
  SentenceWords words;  // read once for names and again for mentions; dropped after those
};

bool is_full_date(const Timex& t) {
  // "YYYY-MM-DD", optionally with a time: a calendar day the text names with its year.
  const std::string& v = t.value;
  return t.interval && v.size() >= 10 && v[4] == '-' && v[7] == '-' &&
         std::all_of(v.begin(), v.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

bool mentions_year(std::string_view text) {
  for (std::size_t i = 0; i + 4 <= text.size(); ++i)
    if (std::all_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.begin() + static_cast<std::ptrdiff_t>(i + 4),
                    [](char c) { return c >= '0' && c <= '9'; }))
      return true;
  return false;
}

}  // namespace

std::optional<Dateline> find_dateline(const Document& document, const std::vector<Sentence>& sentences,
                                      const std::vector<Timex>& timexes) {
  std::size_t seen = 0;
  for (const Sentence& s : sentences) {
    if (s.boilerplate) continue;
    if (++seen > kDatelineSentences) break;
    for (const Timex& t : timexes) {
      if (t.start < s.start || t.end > s.end || !is_full_date(t)) continue;
      const std::string_view written = std::string_view(document.text).substr(t.start, t.end - t.start);
      if (!mentions_year(written)) continue;
      if ((s.end - s.start) > (t.end - t.start) + kDatelineSlack) continue;
      Anchor date;
      date.day = date::floor<date::days>(t.interval->begin);
      return Dateline{date, std::string(document.text.substr(s.start, s.end - s.start))};
    }
  }
  return std::nullopt;
}

std::optional<date::local_days> find_lead_day(const Document& document, const std::vector<Sentence>& sentences,
                                              const std::vector<Timex>& timexes,
                                              const std::optional<Dateline>& dateline) {
  if (!document.anchor) return std::nullopt;
  const date::local_days anchor = document.anchor->day;
  std::size_t seen = 0;
  for (const Sentence& s : sentences) {
    if (s.boilerplate) continue;
    if (dateline && std::string_view(document.text).substr(s.start, s.end - s.start) == dateline->text) continue;
    if (++seen > kLeadSentences) break;
    for (const Timex& t : timexes) {
      if (t.start < s.start || t.end > s.end || !t.interval || t.granularity != Granularity::day) continue;
      const auto day = date::floor<date::days>(t.interval->begin);
      if (day <= anchor && day >= anchor - kLeadRecentDays) return day;
    }
  }
  return std::nullopt;
}

Timeline build_timeline(const std::vector<Document>& documents, const PipelineOptions& options) {
  // Pass one: what the entity table needs from every document, its names, and the words of the
  // sentences where a trigger may start, for pass two. Tagging waits for pass two, so that no
  // document's timexes are held while the others are read.
  EventVocabulary vocabulary = EventVocabulary::defaults();
  for (const auto& extra : options.triggers) {
    for (const auto& noun : extra.nouns) vocabulary.add_noun(extra.type, noun);
    for (const auto& verb : extra.verbs) vocabulary.add_verb(extra.type, verb);
  }
  auto prepared = parallel_map<Prepared>(documents, options.threads, [&](const Document& d) {
    Prepared p;
    p.sentences = split_sentences(d.text);
    p.sentences.shrink_to_fit();  // kept to the end of the run: no growth slack (huge pages make slack resident)
    p.words = SentenceWords(d, p.sentences, &vocabulary);
    p.names = collect_names(d, p.sentences, p.words);
    p.words.release_sentences_without_triggers();  // pass two reads no others
    return p;
  });

  std::size_t name_count = 0;
  for (const auto& p : prepared) name_count += p.names.size();
  std::vector<NameOccurrence> names;
  names.reserve(name_count);
  for (auto& p : prepared) {
    names.insert(names.end(), std::make_move_iterator(p.names.begin()), std::make_move_iterator(p.names.end()));
    std::vector<NameOccurrence>().swap(p.names);
  }
  const EntityTable entities(options.aliases, names);
  std::vector<NameOccurrence>().swap(names);  // the table has what it needs

  std::vector<std::size_t> indices(documents.size());
  for (std::size_t i = 0; i < indices.size(); ++i) indices[i] = i;
  auto analyzed = parallel_map<AnalyzedDocument>(indices, options.threads, [&](std::size_t i) {
    const Document& d = documents[i];
    Prepared& p = prepared[i];
    AnalyzedDocument a;
    a.document = &d;
    p.timexes = tag(d, p.sentences);
    a.mentions = extract_mentions(d, p.sentences, p.words, p.timexes, vocabulary, entities);
    p.words = SentenceWords();  // its memory back before the reconciler needs more
    a.mentions.shrink_to_fit();  // the reconciler copies them out later: no growth slack meanwhile
    const auto line = find_dateline(d, p.sentences, p.timexes);
    a.lead_day = find_lead_day(d, p.sentences, p.timexes, line);
    if (d.own_anchor && d.anchor && d.own_anchor->day != d.anchor->day) {
      a.stated_date = d.own_anchor;
      a.stated_where = std::string(to_string(d.own_anchor_source)) + " date";
    } else if (line && d.anchor && line->date.day != d.anchor->day) {
      a.stated_date = line->date;
      a.stated_where = "dateline '" + line->text + "'";
    }
    a.sentences = std::move(p.sentences);  // nothing below reads them from `prepared`
    // Of the timexes only those naming no possible time are wanted later (for warnings): the
    // rest goes before the reconciler needs the memory.
    std::vector<Timex> unresolved;
    for (Timex& t : p.timexes)
      if (t.has_problem()) unresolved.push_back(std::move(t));
    p.timexes = std::move(unresolved);
    return a;
  });
  Timeline timeline = reconcile(std::move(analyzed), options.reconcile);
  timeline.unresolved_timexes.resize(prepared.size());
  for (std::size_t i = 0; i < prepared.size(); ++i) timeline.unresolved_timexes[i] = std::move(prepared[i].timexes);
  return timeline;
}

}  // namespace reckon
