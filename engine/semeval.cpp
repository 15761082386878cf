#include "engine/semeval.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "engine/event_vocabulary.hpp"
#include "engine/events_text.hpp"

namespace reckon {
namespace {

namespace wc = events_text;

// A mention's place on the timeline: the DATE string and the interval it was written from.
struct Dated {
  std::string text;  // "" when undated
  date::local_seconds begin{};
  date::local_seconds end{};
};

std::string lower(std::string_view s) { return wc::lower(s); }

bool contains_word(std::string_view haystack, std::string_view needle, bool ignore_case) {
  if (needle.empty()) return false;
  const std::string h = ignore_case ? lower(haystack) : std::string(haystack);
  const std::string n = ignore_case ? lower(needle) : std::string(needle);
  auto is_alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  for (std::size_t at = h.find(n); at != std::string::npos; at = h.find(n, at + 1)) {
    const bool left = at == 0 || !is_alnum(h[at - 1]);
    const bool right = at + n.size() == h.size() || !is_alnum(h[at + n.size()]);
    if (left && right) return true;
  }
  return false;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The words of a text in lower case (letters and digits).
std::vector<std::string> lower_words(std::string_view text) {
  std::vector<std::string> out;
  std::string word;
  for (char c : text) {
    const char l = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      word += l;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// Whether `wanted` occurs in `words` from `at` on, each next word right after the one before or
// with one word between.
bool matches_with_gaps(const std::vector<std::string>& words, std::size_t at, const std::vector<std::string>& wanted,
                       std::size_t next) {
  if (next == wanted.size()) return true;
  for (std::size_t step = 1; step <= 2; ++step)
    if (at + step < words.size() && words[at + step] == wanted[next] && matches_with_gaps(words, at + step, wanted, next + 1))
      return true;
  return false;
}

// Whether `text` names a multi-word entity in a longer or shorter form: its words in order with
// at most one word between each two ("iTunes Music Store" for "iTunes store"), or, for a name of
// three words or more ending in two capitalised words, those two ("Apple Corps" for "Beatles
// Apple Corps"; not "of America" for "Bank of America").
bool names_in_other_form(std::string_view text, std::string_view entity) {
  const auto wanted = lower_words(entity);
  if (wanted.size() < 2) return false;
  const auto words = lower_words(text);
  for (std::size_t start = 0; start < words.size(); ++start)
    if (words[start] == wanted[0] && matches_with_gaps(words, start, wanted, 1)) return true;
  const auto written = words_of(entity);
  const auto capitalised = [](const std::string& w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; };
  if (wanted.size() >= 3 && written.size() == wanted.size() && capitalised(written[written.size() - 2]) &&
      capitalised(written.back())) {
    const std::string& a = wanted[wanted.size() - 2];
    const std::string& b = wanted.back();
    for (std::size_t k = 0; k + 1 < words.size(); ++k)
      if (words[k] == a && words[k + 1] == b) return true;
  }
  return false;
}

bool names_entity(std::string_view text, std::string_view entity) {
  return contains_word(text, entity, true) || names_in_other_form(text, entity);
}

// The head of a trigger phrase: the verb of a verb phrase ("spoke by telephone" → "spoke"), the
// last word of a noun phrase ("press conference" → "conference").
std::string head_word(std::string_view trigger, const EventVocabulary& vocabulary) {
  const auto words = words_of(trigger);
  if (words.empty()) return "event";
  if (words.size() == 1) return words.front();
  std::vector<std::string> lowered;
  for (const auto& w : words) lowered.push_back(lower(w));
  for (const auto& p : vocabulary.patterns())
    if (p.kind == TriggerKind::verb && p.words == lowered) return words.front();
  return words.back();
}

std::string two_digits(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02u", v % 100);
  return buf;
}

// The DATE string of a time, as the task's gold writes its granularity; "" when too coarse.
std::string date_text(const Interval& interval, Granularity granularity) {
  const date::year_month_day ymd{date::floor<date::days>(interval.begin)};
  const std::string year = std::to_string(static_cast<int>(ymd.year()));
  const std::string month = year + "-" + two_digits(static_cast<unsigned>(ymd.month()));
  switch (granularity) {
    case Granularity::day:
    case Granularity::part_of_day:
    case Granularity::hour:
    case Granularity::minute:
    case Granularity::second:
      return month + "-" + two_digits(static_cast<unsigned>(ymd.day()));
    case Granularity::week:
    case Granularity::month:
      return month;
    case Granularity::year:
    case Granularity::half_year:
    case Granularity::quarter:
    case Granularity::season:
      return year;
    default:
      return {};
  }
}

Dated dated_of(const Event& event, const Mention& mention, const Document* document,
               const std::optional<date::local_days>& lead, const SemevalOptions& options) {
  Dated d;
  if (options.date_by_mention && mention.time && mention.time->interval) {
    d.text = date_text(*mention.time->interval, mention.time->granularity);
    d.begin = mention.time->interval->begin;
    d.end = mention.time->interval->end;
  } else if (!options.date_by_mention && event.interval) {
    d.text = date_text(*event.interval, event.granularity);
    d.begin = event.interval->begin;
    d.end = event.interval->end;
  }
  if (d.text.empty() && options.date_undated_by_anchor && document && document->anchor) {
    const date::local_days when = lead ? *lead : document->anchor->day;
    const Interval day{date::local_seconds{when}, date::local_seconds{when + date::days{1}}};
    d.text = date_text(day, Granularity::day);
    d.begin = day.begin;
    d.end = day.end;
  }
  return d;
}

// The <s id> of the TimeML sentence holding `offset`, else the split sentence's number.
std::string sentence_id(const Document* document, const Mention& m) {
  if (document)
    for (const auto& s : document->sentences)
      if (s.start <= m.start && m.start < s.end && !s.id.empty()) return s.id;
  return std::to_string(m.sentence + 1);
}

std::string mention_id(const Document* document, const Mention& m, const EventVocabulary& vocabulary) {
  const std::string docid = document && !document->docid.empty() ? document->docid : m.doc;
  return docid + "-" + sentence_id(document, m) + "-" + head_word(m.trigger, vocabulary);
}

struct Line {
  Dated date;
  std::size_t event = 0;
  std::vector<std::string> mentions;
};

}  // namespace

bool mention_involves(const Timeline& timeline, std::size_t mention, const Document* document,
                      std::string_view entity, std::size_t window) {
  const Mention& m = timeline.mentions[mention];
  const std::string wanted = lower(entity);
  for (const auto& p : m.participants)
    if (lower(p.canonical) == wanted) return true;
  std::string_view sentence =
      mention < timeline.sentence_texts.size() ? std::string_view(timeline.sentence_texts[mention]) : std::string_view();
  if (window > 0 && document) {
    // The part of the sentence within `window` bytes of the trigger.
    const std::size_t from = m.start > window ? m.start - window : 0;
    const std::size_t to = std::min(document->text.size(), m.end + window);
    const std::string_view near = std::string_view(document->text).substr(from, to - from);
    if (!names_entity(sentence, entity) && !contains_word(sentence, words_of(entity).back(), false)) return false;
    sentence = near;
  }
  if (names_entity(sentence, entity)) return true;
  const auto words = words_of(entity);
  if (words.size() < 2 || words.back().size() < 3 || !(words.back()[0] >= 'A' && words.back()[0] <= 'Z')) return false;
  return contains_word(sentence, words.back(), false) && document && contains_word(document->text, entity, true);
}

std::string timeline_to_semeval(const Timeline& timeline, const std::vector<const Document*>& documents,
                                std::string_view entity, const SemevalOptions& options) {
  std::map<std::string, const Document*, std::less<>> by_id;
  for (const Document* d : documents)
    if (d) by_id.emplace(d->id, d);
  auto document_of = [&](const Mention& m) -> const Document* {
    const auto it = by_id.find(m.doc);
    return it == by_id.end() ? nullptr : it->second;
  };
  const EventVocabulary vocabulary = EventVocabulary::defaults();
  std::map<std::string_view, std::optional<date::local_days>> lead_of;  // document id -> its lead's day
  for (const TimelineDocument& d : timeline.documents) lead_of.emplace(d.id, d.lead_day);

  std::vector<Line> lines;
  std::set<std::string> written;
  for (std::size_t e = 0; e < timeline.events.size(); ++e) {
    const Event& event = timeline.events[e];
    std::map<std::string, std::size_t> line_of_date;  // one line per date the event's mentions take
    for (std::size_t index : event.mentions) {
      const Mention& m = timeline.mentions[index];
      const Document* document = document_of(m);
      if (!mention_involves(timeline, index, document, entity, options.window)) continue;
      std::string id = mention_id(document, m, vocabulary);
      if (!written.insert(id).second) continue;
      const auto lead = lead_of.find(m.doc);
      Dated date = dated_of(event, m, document, lead == lead_of.end() ? std::nullopt : lead->second, options);
      auto [it, added] = line_of_date.emplace(date.text, lines.size());
      if (added) lines.push_back(Line{std::move(date), e, {}});
      lines[it->second].mentions.push_back(std::move(id));
    }
  }

  // Undated lines first (ORDER 0), then by time; the timeline's own order breaks ties.
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    const bool ad = !a.date.text.empty(), bd = !b.date.text.empty();
    if (ad != bd) return !ad;
    return std::tie(a.date.begin, a.date.end, a.event) < std::tie(b.date.begin, b.date.end, b.event);
  });

  std::string out(entity);
  out += '\n';
  int order = 0;
  std::string previous;
  for (const Line& line : lines) {
    if (!line.date.text.empty() && (order == 0 || line.date.text != previous)) ++order;
    previous = line.date.text;
    out += std::to_string(line.date.text.empty() ? 0 : order);
    out += '\t';
    out += line.date.text.empty() ? "XXXX-XX-XX" : line.date.text;
    for (const auto& id : line.mentions) {
      out += '\t';
      out += id;
    }
    out += '\n';
  }
  return out;
}

std::string semeval_file_name(std::string_view entity) {
  std::string name;
  for (char c : entity) {
    if (c == ' ' || c == '\t' || c == '/' || c == '\\') {
      if (!name.empty() && name.back() != '_') name += '_';
    } else {
      name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  return (name.empty() ? std::string("timeline") : name) + ".txt";
}

}  // namespace reckon
