#include "engine/claims.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "engine/reconcile.hpp"

namespace reckon {
namespace {

constexpr std::size_t kMaxCandidates = 5;  // when nothing matches: the closest events
constexpr std::size_t kMaxMatches = 10;    // when several match: all of them, up to this many

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool equal_ci(std::string_view a, std::string_view b) { return lower(a) == lower(b); }

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return lower(haystack).find(lower(needle)) != std::string::npos;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

bool is_fine(Granularity g) noexcept {
  return g == Granularity::day || g == Granularity::part_of_day || g == Granularity::hour ||
         g == Granularity::minute || g == Granularity::second;
}

// "on 2025-08-15" for a day, "in 2025-08" for anything coarser.
std::string when_phrase(const std::string& value, Granularity g) {
  return (is_fine(g) ? "on " : "in ") + value;
}

std::string period_phrase(const ClaimPeriod& p) { return when_phrase(p.value, p.granularity); }

date::local_seconds start_of(date::local_days d) { return date::local_seconds{d}; }

bool inside(const Interval& interval, const ClaimPeriod& p) {
  return start_of(p.begin) <= interval.begin && interval.end <= start_of(p.end);
}

bool overlaps(const Interval& interval, const ClaimPeriod& p) {
  return interval.overlaps(Interval{start_of(p.begin), start_of(p.end)});
}

// Decides whether a name in a selector refers to a participant of an event.
class NameMatcher {
 public:
  explicit NameMatcher(const std::vector<EntityAlias>& aliases) : aliases_(aliases) {}

  bool matches(std::string_view wanted, std::string_view participant) const {
    if (equal_ci(wanted, participant)) return true;
    for (const auto& entity : aliases_)
      if (names_entity(entity, wanted) && names_entity(entity, participant)) return true;
    const std::string key = person_key(wanted);
    if (key.empty()) return false;
    if (key.front() != '|') return key == person_key(participant);
    // One word: a surname, compared with the participant's last name word.
    const std::string full = person_key(participant);
    const auto bar = full.find('|');
    return bar != std::string::npos && full.substr(bar) == key;
  }

 private:
  static bool names_entity(const EntityAlias& entity, std::string_view name) {
    if (equal_ci(entity.canonical, name)) return true;
    return std::any_of(entity.aliases.begin(), entity.aliases.end(),
                       [&](const std::string& a) { return equal_ci(a, name); });
  }

  const std::vector<EntityAlias>& aliases_;
};

std::string event_label(const Event& e) {
  std::string label = e.id + " (" + e.type;
  if (!e.participants.empty()) label += ": " + join(e.participants, ", ");
  return label + ")";
}

std::string event_when(const Event& e) { return e.interval ? when_phrase(e.when, e.granularity) : "undated"; }

std::string dated_label(const Event& e) { return event_label(e) + (e.interval ? " " : ", ") + event_when(e); }

std::string event_summary(const Event& e) {
  std::string s = e.type;
  if (!e.participants.empty()) s += ": " + join(e.participants, ", ");
  return s + ", " + (e.interval ? e.when : std::string("undated"));
}

class Checker {
 public:
  Checker(const Timeline& timeline, const std::vector<EntityAlias>& aliases)
      : t_(timeline), names_(aliases) {}

  ClaimResult check(const Claim& claim) const {
    ClaimResult result;
    result.id = claim.id;
    result.description = claim.description;
    result.file = claim.file;
    result.line = claim.where.line;
    result.column = claim.where.column;
    std::visit([&](const auto& a) { evaluate(claim, a, result); }, claim.assertion);
    return result;
  }

 private:
  // ---- selection ----

  bool type_matches(const Event& e, const std::string& type) const {
    if (e.type == type || event_family(e.type) == type) return true;
    return std::any_of(e.mentions.begin(), e.mentions.end(),
                       [&](std::size_t m) { return t_.mentions[m].type == type; });
  }

  std::size_t participants_matched(const Event& e, const EventSelector& s) const {
    std::size_t n = 0;
    for (const auto& wanted : s.participants)
      if (std::any_of(e.participants.begin(), e.participants.end(),
                      [&](const std::string& p) { return names_.matches(wanted, p); }))
        ++n;
    return n;
  }

  bool place_matches(const Event& e, const std::string& place) const {
    if (e.place && equal_ci(*e.place, place)) return true;
    return std::any_of(e.mentions.begin(), e.mentions.end(), [&](std::size_t m) {
      return t_.mentions[m].place && equal_ci(*t_.mentions[m].place, place);
    });
  }

  bool text_matches(const Event& e, const std::string& text) const {
    return std::any_of(e.mentions.begin(), e.mentions.end(), [&](std::size_t m) {
      return contains_ci(t_.mentions[m].trigger, text) || contains_ci(t_.sentence_texts[m], text);
    });
  }

  static bool period_matches(const Event& e, const std::optional<ClaimPeriod>& p) {
    return !p || (e.interval && inside(*e.interval, *p));
  }

  bool matches(const Event& e, const EventSelector& s) const {
    return (!s.type || type_matches(e, *s.type)) && participants_matched(e, s) == s.participants.size() &&
           (!s.place || place_matches(e, *s.place)) && (!s.text || text_matches(e, *s.text)) &&
           period_matches(e, s.on) && period_matches(e, s.within);
  }

  std::vector<std::size_t> select(const EventSelector& s) const {
    std::vector<std::size_t> found;
    for (std::size_t i = 0; i < t_.events.size(); ++i)
      if (matches(t_.events[i], s)) found.push_back(i);
    return found;
  }

  // Events that share the selector's type or one of its participants, closest first.
  std::vector<std::size_t> candidates(const EventSelector& s) const {
    std::vector<std::pair<std::size_t, std::size_t>> scored;  // (score, event)
    for (std::size_t i = 0; i < t_.events.size(); ++i) {
      const Event& e = t_.events[i];
      const bool type = s.type && type_matches(e, *s.type);
      const std::size_t people = participants_matched(e, s);
      if (!type && people == 0) continue;
      const std::size_t score = (type ? 2 : 0) + 2 * people +
                                (s.place && place_matches(e, *s.place) ? 1 : 0) +
                                (s.text && text_matches(e, *s.text) ? 1 : 0) +
                                (period_matches(e, s.on) ? 1 : 0) + (period_matches(e, s.within) ? 1 : 0);
      scored.emplace_back(score, i);
    }
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < scored.size() && i < kMaxCandidates; ++i) out.push_back(scored[i].second);
    return out;
  }

  std::string labels(const std::vector<std::size_t>& events, std::size_t limit) const {
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < events.size() && i < limit; ++i)
      parts.push_back(dated_label(t_.events[events[i]]));
    std::string out = join(parts, "; ");
    if (events.size() > limit) out += "; and " + std::to_string(events.size() - limit) + " more";
    return out;
  }

  std::string no_match_message(const EventSelector& s) const {
    std::string message = "no event matches " + describe(s);
    const auto near = candidates(s);
    if (near.empty()) return message + "; no event shares its type or participants";
    return message + "; closest: " + labels(near, kMaxCandidates);
  }

  struct Selection {
    std::optional<std::size_t> event;
    std::string problem;
    std::vector<std::size_t> listed;  // the candidates or matches the problem names
  };

  // The one event a selector names; `role` prefixes problems ("'before': ").
  Selection select_one(const EventSelector& s, const std::string& role) const {
    const auto found = select(s);
    if (found.size() == 1) return {found.front(), {}, {}};
    if (found.empty()) return {std::nullopt, role + no_match_message(s), candidates(s)};
    return {
        std::nullopt,
        role + std::to_string(found.size()) + " events match " + describe(s) +
            " where one is needed (narrow it with participants, on or text): " + labels(found, kMaxMatches),
        found};
  }

  // ---- evidence ----

  // The reports that date the event (all of them when none does): they are what a reader checks.
  void add_event_evidence(std::size_t index, std::vector<ClaimEvidence>& out) const {
    const Event& e = t_.events[index];
    const bool any_dated = std::any_of(e.mentions.begin(), e.mentions.end(),
                                       [&](std::size_t m) { return t_.mentions[m].time.has_value(); });
    for (std::size_t m : e.mentions)
      if (!any_dated || t_.mentions[m].time) add_mention_evidence(&e, m, out);
  }

  void add_mention_evidence(const Event* e, std::size_t m, std::vector<ClaimEvidence>& out) const {
    const Mention& mention = t_.mentions[m];
    ClaimEvidence ev;
    if (e != nullptr) {
      ev.event = e->id;
      ev.event_summary = event_summary(*e);
    }
    ev.doc = mention.doc;
    ev.sentence = mention.sentence + 1;
    ev.sentence_text = t_.sentence_texts[m];
    ev.text = mention.trigger;
    if (mention.time) ev.timex = mention.time->value;
    out.push_back(std::move(ev));
  }

  void add_listed_evidence(const std::vector<std::size_t>& events, std::vector<ClaimEvidence>& out) const {
    for (std::size_t i : events) {
      const Event& e = t_.events[i];
      out.push_back({e.id, event_summary(e), {}, 0, {}, {}, {}});
    }
  }

  std::string reported_by(const Event& e) const {
    std::set<std::string> docs;
    for (std::size_t m : e.mentions) docs.insert(t_.mentions[m].doc);
    return std::string(" \u2014 reported by ") + join({docs.begin(), docs.end()}, ", ");
  }

  bool fail_selection(const Selection& s, ClaimResult& r) const {
    if (s.event) return false;
    r.status = ClaimStatus::error;
    r.message = s.problem;
    add_listed_evidence(s.listed, r.evidence);
    return true;
  }

  void fail(ClaimResult& r, std::string message) const {
    r.status = ClaimStatus::fail;
    r.message = std::move(message);
  }

  static const EventSelector& event_of(const Claim& c) {
    static const EventSelector any;
    return c.event ? *c.event : any;
  }

  // ---- assertions ----

  void check_period(const Claim& c, const ClaimPeriod& p, bool within, ClaimResult& r) const {
    const Selection s = select_one(event_of(c), "");
    if (fail_selection(s, r)) return;
    const Event& e = t_.events[*s.event];
    add_event_evidence(*s.event, r.evidence);
    const std::string wanted = within ? "within " + p.value : period_phrase(p);
    if (!e.interval)
      return fail(r, event_label(e) + " is undated, so it cannot be shown to be " + wanted + reported_by(e));
    if (inside(*e.interval, p)) {
      r.message = event_label(e) + " is " + event_when(e) + (event_when(e) == wanted ? "" : ", " + wanted);
      return;
    }
    if (overlaps(*e.interval, p))
      return fail(r, event_label(e) + " is only dated " + event_when(e) + ", which does not place it " +
                         wanted + reported_by(e));
    fail(r, event_label(e) + " is " + event_when(e) + ", not " + wanted + reported_by(e));
  }

  void evaluate(const Claim& c, const assertion::On& a, ClaimResult& r) const {
    check_period(c, a.period, false, r);
  }
  void evaluate(const Claim& c, const assertion::Within& a, ClaimResult& r) const {
    check_period(c, a.period, true, r);
  }

  // Selects the claim's event and the other one, both dated; false when the result is decided.
  bool select_pair(const Claim& c, const EventSelector& other, const std::string& role, std::size_t& first,
                   std::size_t& second, ClaimResult& r) const {
    const Selection a = select_one(event_of(c), "");
    if (fail_selection(a, r)) return false;
    const Selection b = select_one(other, "'" + role + "': ");
    if (fail_selection(b, r)) return false;
    first = *a.event;
    second = *b.event;
    add_event_evidence(first, r.evidence);
    if (first == second) {
      fail(r, "the event and '" + role + "' both select " + event_label(t_.events[first]));
      return false;
    }
    add_event_evidence(second, r.evidence);
    for (std::size_t i : {first, second})
      if (!t_.events[i].interval) {
        fail(r, event_label(t_.events[i]) + " is undated, so its " + (role == "gap" ? "distance" : "order") +
                    " cannot be checked" + reported_by(t_.events[i]));
        return false;
      }
    return true;
  }

  void check_order(const Claim& c, const EventSelector& other, bool before, ClaimResult& r) const {
    const std::string role = before ? "before" : "after";
    std::size_t i = 0, j = 0;
    if (!select_pair(c, other, role, i, j, r)) return;
    const Event& e = t_.events[i];
    const Event& o = t_.events[j];
    const bool earlier = e.interval->end <= o.interval->begin;
    const bool later = o.interval->end <= e.interval->begin;
    const std::string pair = dated_label(e) + " and " + dated_label(o);
    if (before ? earlier : later) {
      r.message = dated_label(e) + " comes " + role + " " + dated_label(o);
      return;
    }
    if (!earlier && !later)
      return fail(r, pair + " overlap in time, so the dates do not show that the first comes " + role +
                         " the second" + reported_by(e));
    fail(r, dated_label(e) + " comes " + (before ? "after " : "before ") + dated_label(o) + ", not " + role +
                reported_by(e));
  }

  void evaluate(const Claim& c, const assertion::Before& a, ClaimResult& r) const {
    check_order(c, a.other, true, r);
  }
  void evaluate(const Claim& c, const assertion::After& a, ClaimResult& r) const {
    check_order(c, a.other, false, r);
  }

  void evaluate(const Claim& c, const assertion::Exists& a, ClaimResult& r) const {
    const EventSelector& s = event_of(c);
    const auto found = select(s);
    if (a.exists) {
      if (found.empty()) {
        fail(r, no_match_message(s));
        add_listed_evidence(candidates(s), r.evidence);
        return;
      }
      r.message = "found " + labels(found, kMaxMatches);
      for (std::size_t i : found) add_event_evidence(i, r.evidence);
      return;
    }
    if (found.empty()) {
      r.message = "no event matches " + describe(s);
      return;
    }
    fail(r, std::to_string(found.size()) + (found.size() == 1 ? " event matches " : " events match ") +
                describe(s) + ", expected none: " + labels(found, kMaxMatches));
    for (std::size_t i : found) add_event_evidence(i, r.evidence);
  }

  void evaluate(const Claim& c, const assertion::Count& a, ClaimResult& r) const {
    const EventSelector& s = event_of(c);
    const auto found = select(s);
    const std::string what = c.event ? " matching " + describe(*c.event) : std::string(" in the timeline");
    const auto n = static_cast<std::int64_t>(found.size());
    const std::string counted = std::to_string(n) + (n == 1 ? " event" : " events") + what;
    for (std::size_t i : found) add_event_evidence(i, r.evidence);
    if (n == a.count) {
      r.message = counted;
      return;
    }
    fail(r, "expected " + std::to_string(a.count) + ", found " + counted +
                (found.empty() ? std::string() : ": " + labels(found, kMaxMatches)));
  }

  void evaluate(const Claim& c, const assertion::NoConflicts&, ClaimResult& r) const {
    std::optional<std::size_t> event;
    if (c.event) {
      const Selection s = select_one(*c.event, "");
      if (fail_selection(s, r)) return;
      event = s.event;
    }
    std::vector<std::string> messages;
    for (const auto& conflict : t_.conflicts) {
      if (event && conflict.event != event) continue;
      messages.push_back(std::string(to_string(conflict.kind)) + " conflict: " + conflict.message);
      const Event* e = conflict.event ? &t_.events[*conflict.event] : nullptr;
      for (const auto& side : conflict.sides)
        for (std::size_t m : side) add_mention_evidence(e, m, r.evidence);
      if (!conflict.document.empty() && conflict.sides.empty())
        r.evidence.push_back({{}, {}, conflict.document, 0, {}, {}, {}});
    }
    const std::string about =
        event ? "about " + event_label(t_.events[*event]) : std::string("in the timeline");
    if (messages.empty()) {
      r.message = "no conflicting reports " + about;
      if (event) add_event_evidence(*event, r.evidence);
      return;
    }
    fail(r, std::to_string(messages.size()) + (messages.size() == 1 ? " conflict " : " conflicts ") + about +
                ": " + join(messages, "; "));
  }

  void evaluate(const Claim& c, const assertion::Gap& a, ClaimResult& r) const {
    std::size_t i = 0, j = 0;
    if (!select_pair(c, a.from, "gap", i, j, r)) return;
    const Event& e = t_.events[i];
    const Event& from = t_.events[j];
    const date::local_seconds begin = e.interval->begin;
    const date::local_seconds origin = from.interval->begin;
    const std::string distance =
        dated_label(e) + " begins " + describe_distance(begin - origin) + " " + dated_label(from);
    if (a.at_least && begin < add_duration(origin, *a.at_least))
      return fail(r, distance + ", less than the claimed at least " + a.at_least->value + reported_by(e));
    if (a.at_most && add_duration(origin, *a.at_most) < begin)
      return fail(r, distance + ", more than the claimed at most " + a.at_most->value + reported_by(e));
    r.message = distance;
  }

  // "3 days after", "2 days 6 hours before", "at the same time as".
  static std::string describe_distance(std::chrono::seconds d) {
    if (d.count() == 0) return "at the same time as";
    const bool after = d.count() > 0;
    const auto abs = after ? d : -d;
    const auto days = std::chrono::duration_cast<date::days>(abs);
    const auto hours = std::chrono::duration_cast<std::chrono::hours>(abs - days);
    const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(abs - days - hours);
    std::vector<std::string> parts;
    const auto unit = [&](long long n, const char* name) {
      if (n != 0) parts.push_back(std::to_string(n) + " " + name + (n == 1 ? "" : "s"));
    };
    unit(days.count(), "day");
    unit(hours.count(), "hour");
    unit(minutes.count(), "minute");
    if (parts.empty()) parts.emplace_back("less than a minute");
    return join(parts, " ") + (after ? " after" : " before");
  }

  const Timeline& t_;
  NameMatcher names_;
};

}  // namespace

date::local_seconds add_duration(date::local_seconds when, const ClaimDuration& d) {
  const date::local_days day = date::floor<date::days>(when);
  const auto time_of_day = when - day;
  date::year_month_day ymd{day};
  if (d.years != 0 || d.months != 0) {
    const date::year_month ym =
        date::year_month{ymd.year(), ymd.month()} + date::months{d.years * 12 + d.months};
    const date::day last = (ym / date::last).day();
    ymd = ym / std::min(ymd.day(), last);
  }
  return date::local_seconds{date::local_days{ymd}} + time_of_day + date::days{7 * d.weeks + d.days} +
         std::chrono::hours{d.hours} + std::chrono::minutes{d.minutes} + std::chrono::seconds{d.seconds};
}

std::string describe(const EventSelector& s) {
  std::vector<std::string> fields;
  if (s.type) fields.push_back("type = " + quoted(*s.type));
  if (!s.participants.empty()) {
    std::vector<std::string> names;
    for (const auto& p : s.participants) names.push_back(quoted(p));
    fields.push_back("participants = [" + join(names, ", ") + "]");
  }
  if (s.place) fields.push_back("place = " + quoted(*s.place));
  if (s.text) fields.push_back("text = " + quoted(*s.text));
  if (s.on) fields.push_back("on = " + quoted(s.on->value));
  if (s.within) fields.push_back("within = " + quoted(s.within->value));
  if (fields.empty()) return "{}";
  return "{ " + join(fields, ", ") + " }";
}

const char* to_string(ClaimStatus status) noexcept {
  switch (status) {
    case ClaimStatus::pass:
      return "pass";
    case ClaimStatus::fail:
      return "fail";
    case ClaimStatus::error:
      return "error";
  }
  return "?";
}

std::vector<ClaimResult> check_claims(const Timeline& timeline, const std::vector<Claim>& claims,
                                      const std::vector<EntityAlias>& aliases) {
  const Checker checker(timeline, aliases);
  std::vector<ClaimResult> results;
  results.reserve(claims.size());
  for (const auto& claim : claims) results.push_back(checker.check(claim));
  return results;
}

}  // namespace reckon
