#include <catch2/catch.hpp>

#include <deque>

#include <nlohmann/json.hpp>

#include "engine/reconcile.hpp"
#include "engine/timeline_writers.hpp"

using namespace reckon;

namespace {

using date::days;

Anchor anchor_at(date::year_month_day day) {
  Anchor a;
  a.day = date::local_days{day};
  return a;
}


Timex day_timex(date::year_month_day ymd) {
  Timex t;
  t.type = TimexType::date;
  t.value = date::format("%F", ymd);
  const date::local_days d{ymd};
  t.interval = Interval{d, d + days{1}};
  t.granularity = Granularity::day;
  return t;
}

Timex week_timex(date::year_month_day monday, std::string value) {
  Timex t = day_timex(monday);
  t.value = std::move(value);
  t.interval->end = t.interval->begin + days{7};
  t.granularity = Granularity::week;
  return t;
}

// A corpus built by hand: documents with a text that holds each mention's sentence.
class Corpus {
 public:
  Corpus& doc(std::string id, date::year_month_day anchor) {
    Document& d = documents_.emplace_back();
    d.id = std::move(id);
    d.anchor = anchor_at(anchor);
    d.anchor_source = AnchorSource::config;
    analyzed_.push_back({});
    return *this;
  }

  // Adds a sentence to the last document with one mention per trigger word found in it, in order.
  Corpus& sentence(const std::string& text, std::vector<Mention> mentions) {
    Document& d = documents_.back();
    AnalyzedDocument& a = analyzed_.back();
    const std::size_t start = d.text.size();
    d.text += text + " ";
    a.sentences.push_back({start, start + text.size(), 0, false});
    std::size_t search = start;
    for (auto& m : mentions) {
      m.doc = d.id;
      m.sentence = a.sentences.size() - 1;
      m.start = d.text.find(m.trigger, search);
      m.end = m.start + m.trigger.size();
      search = m.end;
      a.mentions.push_back(std::move(m));
    }
    return *this;
  }

  Corpus& states(Anchor date, std::string where) {
    analyzed_.back().stated_date = date;
    analyzed_.back().stated_where = std::move(where);
    return *this;
  }

  Timeline reconcile() {
    for (std::size_t i = 0; i < documents_.size(); ++i) analyzed_[i].document = &documents_[i];
    return reckon::reconcile(analyzed_);
  }

 private:
  std::deque<Document> documents_;
  std::vector<AnalyzedDocument> analyzed_;
};

Mention mention(std::string trigger, std::string type, std::vector<std::string> people,
                std::optional<Timex> time = std::nullopt, Modality modality = Modality::happened) {
  Mention m;
  m.trigger = std::move(trigger);
  m.type = std::move(type);
  for (auto& p : people) m.participants.push_back({p, 0, 0});
  m.time = std::move(time);
  m.modality = modality;
  return m;
}

constexpr auto y2025 = date::year{2025};
constexpr auto y2026 = date::year{2026};

}  // namespace

TEST_CASE("mentions of one event in several documents on the same day are one event", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 12)
                     .sentence("Rubio spoke by telephone with Lavrov.",
                               {mention("spoke by telephone", "call", {"Marco Rubio", "Sergei Lavrov"}, day_timex(y2025 / 8 / 12))})
                     .doc("b", y2025 / 8 / 12)
                     .sentence("The ministers held a phone call.",
                               {mention("phone call", "call", {"Sergei Lavrov", "Marco Rubio"}, day_timex(y2025 / 8 / 12))})
                     .reconcile();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].when == "2025-08-12");
  CHECK(t.events[0].mentions.size() == 2);
  CHECK(t.events[0].participants == std::vector<std::string>{"Marco Rubio", "Sergei Lavrov"});
  CHECK(t.conflicts.empty());
}

TEST_CASE("mentions of one event that disagree on its date are one event with a date conflict", "[reconcile]") {
  const auto t = Corpus()
                     .doc("01.txt", y2026 / 3 / 10)
                     .sentence("Varga spoke by telephone Monday with Dorin.",
                               {mention("spoke by telephone", "call", {"Anika Varga", "Pavel Dorin"}, day_timex(date::year{2026} / 3 / 9))})
                     .doc("03.txt", y2026 / 3 / 11)
                     .sentence("Varga and Dorin held a phone call on Sunday.",
                               {mention("phone call", "call", {"Anika Varga", "Pavel Dorin"}, day_timex(date::year{2026} / 3 / 8))})
                     .reconcile();
  REQUIRE(t.events.size() == 1);
  REQUIRE(t.conflicts.size() == 1);
  const Conflict& c = t.conflicts[0];
  CHECK(c.kind == ConflictKind::date);
  CHECK(c.event == 0u);
  REQUIRE(c.sides.size() == 2);
  CHECK(t.mentions[c.sides[0][0]].doc == "03.txt");
  CHECK(t.mentions[c.sides[1][0]].doc == "01.txt");
  CHECK_THAT(c.message, Catch::Contains("03.txt says 2026-03-08") && Catch::Contains("01.txt says 2026-03-09"));
}

TEST_CASE("conflicting reports of two kinds of event interleaved in time each merge with their own kind", "[reconcile]") {
  const std::vector<std::string> both = {"Anika Varga", "Pavel Dorin"};
  const auto t = Corpus()
                     .doc("a", y2026 / 3 / 12)
                     .sentence("Varga had a call with Dorin.", {mention("call", "call", both, day_timex(y2026 / 3 / 9))})
                     .doc("b", y2026 / 3 / 12)
                     .sentence("Varga met Dorin at a summit.", {mention("summit", "summit", both, day_timex(y2026 / 3 / 10))})
                     .doc("c", y2026 / 3 / 12)
                     .sentence("Varga had a call with Dorin.", {mention("call", "call", both, day_timex(y2026 / 3 / 8))})
                     .doc("d", y2026 / 3 / 12)
                     .sentence("Varga met Dorin at a summit.", {mention("summit", "summit", both, day_timex(y2026 / 3 / 11))})
                     .reconcile();
  REQUIRE(t.events.size() == 2);
  CHECK(t.events[0].type == "call");
  CHECK(t.events[0].mentions.size() == 2);
  CHECK(t.events[1].type == "summit");
  CHECK(t.events[1].mentions.size() == 2);
  REQUIRE(t.conflicts.size() == 2);
  CHECK(t.conflicts[0].kind == ConflictKind::date);
  CHECK(t.conflicts[1].kind == ConflictKind::date);
}

TEST_CASE("a report joins a day's event through any earlier report of it that it overlaps", "[reconcile]") {
  // Two reports of the same call by the same people: the second (an evening, into the next day)
  // ends later. A third report, of the next day only, overlaps the second but not the first, and
  // all three come from one document, so only day-level clustering can join them.
  const auto evening = [] {
    Timex x = day_timex(y2026 / 3 / 9);
    x.type = TimexType::time;
    x.value = "2026-03-09TEV";
    x.interval = Interval{x.interval->begin + std::chrono::hours{18}, x.interval->end + std::chrono::hours{6}};
    x.granularity = Granularity::part_of_day;
    return x;
  };
  const auto t = Corpus()
                     .doc("a", y2026 / 3 / 12)
                     .sentence("Varga had a call with Dorin.", {mention("call", "call", {"Anika Varga", "Pavel Dorin"}, day_timex(y2026 / 3 / 9))})
                     .sentence("Varga had a call with Dorin.", {mention("call", "call", {"Anika Varga", "Pavel Dorin"}, evening())})
                     .sentence("Varga, Kos and Dorin had a call.",
                               {mention("call", "call", {"Anika Varga", "Pavel Dorin", "Ivo Kos"}, day_timex(y2026 / 3 / 10))})
                     .reconcile();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].mentions.size() == 3);
}

TEST_CASE("a summit and a phone call between the same two people days apart stay two events", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 19)
                     .sentence("Trump met Putin at the summit.",
                               {mention("summit", "summit", {"Donald Trump", "Vladimir Putin"}, day_timex(y2025 / 8 / 15))})
                     .sentence("Trump called Putin on Monday.",
                               {mention("called", "call", {"Donald Trump", "Vladimir Putin"}, day_timex(y2025 / 8 / 18))})
                     .reconcile();
  REQUIRE(t.events.size() == 2);
  CHECK(t.events[0].type == "summit");
  CHECK(t.events[1].type == "call");
  CHECK(t.conflicts.empty());
}

TEST_CASE("meetings of the same people months apart stay apart without a conflict", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 19)
                     .sentence("Rubio met Lavrov in Riyadh.",
                               {mention("met", "meeting", {"Marco Rubio", "Sergei Lavrov"}, day_timex(y2025 / 2 / 18))})
                     .doc("b", y2025 / 8 / 19)
                     .sentence("Rubio met Lavrov in Alaska.",
                               {mention("met", "meeting", {"Marco Rubio", "Sergei Lavrov"}, day_timex(y2025 / 8 / 15))})
                     .reconcile();
  CHECK(t.events.size() == 2);
  CHECK(t.conflicts.empty());
}

TEST_CASE("one document reporting two dates for the same people reports two events, not a conflict", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 19)
                     .sentence("Negotiators met on Monday.",
                               {mention("met", "meeting", {"Ann Lee", "Bo Chan"}, day_timex(y2025 / 8 / 11))})
                     .sentence("They met again on Wednesday.",
                               {mention("met", "meeting", {"Ann Lee", "Bo Chan"}, day_timex(y2025 / 8 / 13))})
                     .reconcile();
  CHECK(t.events.size() == 2);
  CHECK(t.conflicts.empty());
}

TEST_CASE("a week-long report agrees with a day inside it and the event takes the precise day", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 12)
                     .sentence("The summit will take place on Friday.",
                               {mention("summit", "summit", {"Donald Trump", "Vladimir Putin"}, day_timex(y2025 / 8 / 15), Modality::scheduled)})
                     .doc("b", y2025 / 8 / 19)
                     .sentence("Lavrov attended last week's summit.",
                               {mention("summit", "summit", {"Donald Trump", "Vladimir Putin"}, week_timex(y2025 / 8 / 11, "2025-W33"))})
                     .reconcile();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].when == "2025-08-15");
  CHECK(t.events[0].modality == Modality::happened);
  CHECK(t.conflicts.empty());
}

TEST_CASE("a denied or merely proposed event is not on the timeline", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 19)
                     .sentence("Russia won't commit to a meeting.",
                               {mention("meeting", "meeting", {"Vladimir Putin", "Volodymyr Zelensky"}, std::nullopt, Modality::denied)})
                     .sentence("Trump floated a meeting.",
                               {mention("meeting", "meeting", {"Donald Trump"}, std::nullopt, Modality::proposed)})
                     .reconcile();
  CHECK(t.events.empty());
}

TEST_CASE("events are ordered by time, undated events last", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 19)
                     .sentence("The deadline passed.", {mention("deadline", "deadline", {"Donald Trump"})})
                     .sentence("Trump called Putin on Monday.",
                               {mention("called", "call", {"Donald Trump", "Vladimir Putin"}, day_timex(y2025 / 8 / 18))})
                     .sentence("Rubio met Lavrov in February.",
                               {mention("met", "meeting", {"Marco Rubio", "Sergei Lavrov"}, day_timex(y2025 / 2 / 18))})
                     .reconcile();
  REQUIRE(t.events.size() == 3);
  CHECK(t.events[0].type == "meeting");
  CHECK(t.events[1].type == "call");
  CHECK(t.events[2].type == "deadline");
  CHECK_FALSE(t.events[2].interval.has_value());
  CHECK(t.events[0].id == "E1");
  CHECK(t.events[2].id == "E3");
}

TEST_CASE("an explicit cue orders events whose times overlap", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 12)
                     .sentence("The summit in August comes after the call this month.",
                               {mention("summit", "summit", {"Donald Trump", "Vladimir Putin"}, week_timex(y2025 / 8 / 11, "2025-W33")),
                                mention("call", "call", {"Marco Rubio", "Sergei Lavrov"}, week_timex(y2025 / 8 / 11, "2025-W33"))})
                     .reconcile();
  REQUIRE(t.events.size() == 2);
  CHECK(t.events[0].type == "call");
  CHECK(t.events[1].type == "summit");
}

TEST_CASE("a cue that contradicts the dates is an order conflict", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 19)
                     .sentence("The call came ahead of the summit.",
                               {mention("call", "call", {"Marco Rubio", "Sergei Lavrov"}, day_timex(y2025 / 8 / 18)),
                                mention("summit", "summit", {"Donald Trump", "Vladimir Putin"}, day_timex(y2025 / 8 / 15))})
                     .reconcile();
  REQUIRE(t.conflicts.size() == 1);
  CHECK(t.conflicts[0].kind == ConflictKind::order);
  CHECK(t.conflicts[0].sides.size() == 2);
}

TEST_CASE("a document whose own date contradicts its anchor is an anchor conflict", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a.txt", y2025 / 8 / 12)
                     .states(anchor_at(y2025 / 8 / 11), "dateline")
                     .sentence("Nothing happened.", {})
                     .reconcile();
  REQUIRE(t.conflicts.size() == 1);
  CHECK(t.conflicts[0].kind == ConflictKind::anchor);
  CHECK(t.conflicts[0].document == "a.txt");
  CHECK_THAT(t.conflicts[0].message, Catch::Contains("2025-08-11") && Catch::Contains("2025-08-12"));
}

TEST_CASE("an undated mention without participants joins the one event of its kind in its document", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 12)
                     .sentence("Trump will meet Putin at a summit on Friday.",
                               {mention("summit", "summit", {"Donald Trump", "Vladimir Putin"}, day_timex(y2025 / 8 / 15), Modality::scheduled)})
                     .sentence("Rubio rejected criticism of the summit.", {mention("summit", "summit", {})})
                     .reconcile();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].mentions.size() == 2);
}

TEST_CASE("an undated mention without participants joins the one recent event of its kind reported elsewhere", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 16)
                     .sentence("Trump met Putin at a summit on Friday.",
                               {mention("summit", "summit", {"Donald Trump", "Vladimir Putin"}, day_timex(y2025 / 8 / 15))})
                     .doc("b", y2025 / 8 / 14)
                     .sentence("The meeting will be the first in years.", {mention("meeting", "meeting", {}, std::nullopt, Modality::scheduled)})
                     .reconcile();
  REQUIRE(t.events.size() == 1);
  CHECK(t.events[0].mentions.size() == 2);
}

TEST_CASE("an undated mention without participants that fits several events is left out", "[reconcile]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 16)
                     .sentence("Trump met Putin at a summit on Friday.",
                               {mention("summit", "summit", {"Donald Trump", "Vladimir Putin"}, day_timex(y2025 / 8 / 15))})
                     .sentence("Macron met Merz on Thursday.",
                               {mention("met", "meeting", {"Emmanuel Macron", "Friedrich Merz"}, day_timex(y2025 / 8 / 14))})
                     .doc("b", y2025 / 8 / 17)
                     .sentence("The meeting was brief.", {mention("meeting", "meeting", {})})
                     .reconcile();
  REQUIRE(t.events.size() == 2);
  CHECK(t.events[0].mentions.size() == 1);
  CHECK(t.events[1].mentions.size() == 1);
}

TEST_CASE("an undated mention without participants prefers the one event of its kind in its own document", "[reconcile]") {
  // Other documents' summits fit it as well; its own document's one is the choice, and the
  // search among the others is cut short.
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 16)
                     .sentence("Trump met Putin at a summit on Friday.",
                               {mention("summit", "summit", {"Donald Trump", "Vladimir Putin"}, day_timex(y2025 / 8 / 15))})
                     .sentence("The summit ended without a deal.", {mention("summit", "summit", {})})
                     .doc("b", y2025 / 8 / 16)
                     .sentence("Macron met Merz at a summit on Thursday.",
                               {mention("summit", "summit", {"Emmanuel Macron", "Friedrich Merz"}, day_timex(y2025 / 8 / 14))})
                     .doc("c", y2025 / 8 / 16)
                     .sentence("Modi met Lula at a summit on Wednesday.",
                               {mention("summit", "summit", {"Narendra Modi", "Lula da Silva"}, day_timex(y2025 / 8 / 13))})
                     .reconcile();
  REQUIRE(t.events.size() == 3);
  std::size_t with_two = 0;
  for (const Event& e : t.events) {
    if (e.mentions.size() != 2) continue;
    ++with_two;
    CHECK(e.participants == std::vector<std::string>{"Donald Trump", "Vladimir Putin"});
    CHECK(t.mentions[e.mentions[1]].trigger == "summit");
    CHECK(t.mentions[e.mentions[1]].participants.empty());
  }
  CHECK(with_two == 1);
}

TEST_CASE("the timeline JSON names documents, events with mentions, and conflicts with both sides", "[reconcile][output]") {
  const auto t = Corpus()
                     .doc("01.txt", y2026 / 3 / 10)
                     .sentence("Varga spoke by telephone Monday with Dorin.",
                               {mention("spoke by telephone", "call", {"Anika Varga", "Pavel Dorin"}, day_timex(date::year{2026} / 3 / 9))})
                     .doc("03.txt", y2026 / 3 / 11)
                     .sentence("Varga and Dorin held a phone call on Sunday.",
                               {mention("phone call", "call", {"Anika Varga", "Pavel Dorin"}, day_timex(date::year{2026} / 3 / 8))})
                     .reconcile();
  const auto j = nlohmann::json::parse(timeline_to_json(t));
  CHECK(j["reckon_timeline"] == 1);
  CHECK(j["documents"][0]["id"] == "01.txt");
  const auto& e = j["events"][0];
  CHECK(e["id"] == "E1");
  CHECK(e["interval"]["start"] == "2026-03-08T00:00:00");
  CHECK(e["mentions"][0]["doc"] == "01.txt");
  CHECK(e["mentions"][0]["text"] == "spoke by telephone");
  CHECK(e["mentions"][0]["sentence"] == 1);
  const auto& c = j["conflicts"][0];
  CHECK(c["kind"] == "date");
  CHECK(c["event"] == "E1");
  CHECK(c["mentions"].size() == 2);
  CHECK(timeline_to_json(t) == timeline_to_json(t));
}

TEST_CASE("a large timeline's JSON is handed out in pieces that together are the whole file", "[reconcile][output]") {
  Timeline t;
  t.documents.push_back({"a.txt", std::nullopt, AnchorSource::none, std::nullopt});
  Event e;
  e.id = "E1";
  e.type = "meeting";
  for (std::size_t k = 0; k < 3000; ++k) {
    Mention m;
    m.doc = "a.txt";
    m.sentence = k;
    m.trigger = "met";
    m.type = "meeting";
    t.mentions.push_back(m);
    t.sentence_texts.push_back(std::string(1000, 'x') + " \"quoted\" " + std::to_string(k));
    t.timex_texts.emplace_back();
    e.mentions.push_back(k);
  }
  t.events.push_back(e);
  std::vector<std::string> pieces;
  write_timeline_json(t, [&](std::string_view piece) { pieces.emplace_back(piece); });
  CHECK(pieces.size() > 1);
  std::string joined;
  for (const auto& p : pieces) joined += p;
  CHECK(joined == timeline_to_json(t));
  const auto j = nlohmann::json::parse(joined);
  CHECK(j["events"][0]["mentions"].size() == 3000);
  CHECK(j["events"][0]["mentions"][2999]["sentence_text"].get<std::string>().ends_with(" 2999"));
}

TEST_CASE("CSV quotes fields with commas and quotes; iCalendar folds long lines", "[reconcile][output]") {
  const auto t = Corpus()
                     .doc("a", y2025 / 8 / 12)
                     .sentence("Trump, \"the president\", met Putin.",
                               {mention("met", "meeting", {"Donald Trump", "Vladimir Putin, \"the\" president of a very long-named federation"},
                                        day_timex(y2025 / 8 / 15))})
                     .reconcile();
  const std::string csv = timeline_to_csv(t);
  CHECK_THAT(csv, Catch::Contains("\"Donald Trump; Vladimir Putin, \"\"the\"\" president"));
  const std::string ics = timeline_to_ics(t);
  CHECK_THAT(ics, Catch::StartsWith("BEGIN:VCALENDAR\r\n") && Catch::Contains("DTSTART;VALUE=DATE:20250815\r\n"));
  std::size_t at = 0;
  while (at < ics.size()) {
    const std::size_t end = ics.find("\r\n", at);
    CHECK(end - at <= 75);
    at = end + 2;
  }
  const auto js = nlohmann::json::parse(timeline_to_timelinejs(t));
  CHECK(js["events"][0]["start_date"]["day"] == 15);
  CHECK_THAT(timeline_to_markdown(t), Catch::Contains("| E1 | 2025-08-15 | meeting |"));
}
