#pragma once
// A small hand-made timeline of the Alaska story and builders for claims, shared by the claim,
// report and timeline-reading tests.
#include <date/date.h>
#include <date/iso_week.h>

#include <string>
#include <vector>

#include "engine/claims.hpp"
#include "engine/timeline.hpp"

namespace reckon::test {

inline date::local_days ymd(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

inline ClaimPeriod day_period(int y, unsigned m, unsigned d) {
  const auto begin = ymd(y, m, d);
  return {date::format("%F", begin), Granularity::day, begin, begin + date::days{1}};
}

inline ClaimPeriod month_period(int y, unsigned m) {
  const auto begin = ymd(y, m, 1);
  const auto end = date::local_days{(date::year{y} / date::month{m} + date::months{1}) / 1};
  return {date::format("%Y-%m", begin), Granularity::month, begin, end};
}

inline ClaimPeriod week_period(int y, unsigned w) {
  const date::sys_days monday{iso_week::year{y} / iso_week::weeknum{w} / iso_week::mon};
  const date::local_days begin{monday.time_since_epoch()};
  return {std::to_string(y) + "-W" + std::to_string(w), Granularity::week, begin, begin + date::days{7}};
}

inline ClaimPeriod quarter_period(int y, unsigned q) {
  const auto begin = ymd(y, 3 * q - 2, 1);
  const auto end = date::local_days{(date::year{y} / date::month{3 * q - 2} + date::months{3}) / 1};
  return {std::to_string(y) + "-Q" + std::to_string(q), Granularity::quarter, begin, end};
}

inline ClaimPeriod year_period(int y) {
  return {std::to_string(y), Granularity::year, ymd(y, 1, 1), ymd(y + 1, 1, 1)};
}

inline Interval day_interval(int y, unsigned m, unsigned d) {
  const auto begin = ymd(y, m, d);
  return {date::local_seconds{begin}, date::local_seconds{begin + date::days{1}}};
}

inline Mention mention(std::string doc, std::size_t sentence, std::size_t start, std::string trigger,
                       std::string type, std::vector<std::string> people, std::string value) {
  Mention m;
  m.doc = std::move(doc);
  m.sentence = sentence;
  m.start = start;
  m.end = start + trigger.size();
  m.trigger = std::move(trigger);
  m.type = std::move(type);
  for (auto& p : people) m.participants.push_back({p, 0, 0});
  m.tense = Tense::past;
  if (!value.empty()) {
    Timex x;
    x.start = m.end + 1;
    x.end = x.start + value.size();
    x.value = std::move(value);
    m.time = std::move(x);
  }
  return m;
}

inline Event event(std::string id, std::string type, std::vector<std::string> people,
                   std::optional<Interval> when, std::string value, std::vector<std::size_t> mentions) {
  Event e;
  e.id = std::move(id);
  e.type = std::move(type);
  e.participants = std::move(people);
  e.interval = when;
  if (when) {
    e.when = std::move(value);
    e.granularity = Granularity::day;
  }
  e.mentions = std::move(mentions);
  return e;
}

// E1 the Rubio–Lavrov call (2025-08-12, reported 2025-08-11 by b.txt: a date conflict), E2 the
// Trump–Putin summit in Anchorage (2025-08-15), E3 the Trump–Zelenskyy meeting (2025-08-18),
// E4 an undated statement by Keir Starmer.
inline Timeline alaska_timeline() {
  Timeline t;
  Anchor anchor;
  anchor.day = ymd(2025, 8, 19);
  t.documents.push_back({"a.txt", anchor, AnchorSource::config, std::nullopt});
  anchor.day = ymd(2025, 8, 20);
  anchor.time_of_day = std::chrono::minutes{13 * 60 + 6};
  anchor.timezone = "America/New_York";
  t.documents.push_back({"b.txt", anchor, AnchorSource::header, std::nullopt});
  t.mentions = {
      mention("a.txt", 0, 10, "phone call", "call", {"Marco Rubio", "Sergei Lavrov"}, "2025-08-12"),
      mention("a.txt", 1, 80, "summit", "summit", {"Donald Trump", "Vladimir Putin"}, "2025-08-15"),
      mention("b.txt", 0, 5, "spoke", "call", {"Marco Rubio", "Sergei Lavrov"}, "2025-08-11"),
      mention("b.txt", 1, 60, "summit", "summit", {"Donald Trump", "Vladimir Putin"}, "2025-08-15"),
      mention("b.txt", 2, 120, "met", "meeting", {"Donald Trump", "Volodymyr Zelenskyy"}, "2025-08-18"),
      mention("b.txt", 3, 200, "said", "statement", {"Keir Starmer"}, ""),
  };
  t.mentions[1].place = "Anchorage";
  t.sentence_texts = {
      "Secretary of State Marco Rubio held a phone call with Sergei Lavrov on Tuesday.",
      "The summit between Donald Trump and Vladimir Putin took place in Anchorage on Friday.",
      "Rubio spoke with Lavrov on Monday.",
      "Trump and Putin met at a summit in Alaska on Friday.",
      "Trump met Zelenskyy at the White House on Monday.",
      "Keir Starmer said Europe was ready to help.",
  };
  t.timex_texts = {"Tuesday", "Friday", "Monday", "Friday", "Monday", ""};
  t.events = {
      event("E1", "call", {"Marco Rubio", "Sergei Lavrov"}, day_interval(2025, 8, 12), "2025-08-12", {0, 2}),
      event("E2", "summit", {"Donald Trump", "Vladimir Putin"}, day_interval(2025, 8, 15), "2025-08-15",
            {1, 3}),
      event("E3", "meeting", {"Donald Trump", "Volodymyr Zelenskyy"}, day_interval(2025, 8, 18), "2025-08-18",
            {4}),
      event("E4", "statement", {"Keir Starmer"}, std::nullopt, "", {5}),
  };
  t.events[1].place = "Anchorage";
  Conflict c;
  c.kind = ConflictKind::date;
  c.event = 0;
  c.sides = {{2}, {0}};
  c.message =
      "reports disagree on the date of the call of Marco Rubio and Sergei Lavrov: b.txt says 2025-08-11; "
      "a.txt says 2025-08-12";
  t.conflicts.push_back(c);
  return t;
}

inline EventSelector select(std::optional<std::string> type, std::vector<std::string> people = {}) {
  EventSelector s;
  s.type = std::move(type);
  s.participants = std::move(people);
  return s;
}

inline Claim claim(std::string id, std::optional<EventSelector> event, ClaimAssertion assertion) {
  Claim c;
  c.id = std::move(id);
  c.event = std::move(event);
  c.assertion = std::move(assertion);
  c.file = "claims.toml";
  c.where = {3, 1};
  return c;
}

inline ClaimResult check_one(const Timeline& t, const Claim& c,
                             const std::vector<EntityAlias>& aliases = {}) {
  return check_claims(t, {c}, aliases).front();
}

inline const EventSelector summit = select("summit", {"Donald Trump", "Vladimir Putin"});
inline const EventSelector call = select("call", {"Marco Rubio", "Sergei Lavrov"});

}  // namespace reckon::test
