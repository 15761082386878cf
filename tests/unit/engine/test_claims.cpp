#include <catch2/catch.hpp>

#include "tests/unit/engine/test_claims_support.hpp"

using namespace reckon;
using namespace reckon::test;
using Catch::Contains;

TEST_CASE("an on claim holds when the event lies on the claimed day", "[claims]") {
  const auto r =
      check_one(alaska_timeline(), claim("summit-day", summit, assertion::On{day_period(2025, 8, 15)}));
  CHECK(r.status == ClaimStatus::pass);
  CHECK_THAT(r.message, Contains("E2 (summit: Donald Trump, Vladimir Putin) is on 2025-08-15"));
  CHECK(r.file == "claims.toml");
  CHECK(r.line == 3);
}

TEST_CASE("a false on claim fails naming the event, its date and the documents reporting it", "[claims]") {
  const auto t = alaska_timeline();
  const auto wrong_day = check_one(t, claim("x", summit, assertion::On{day_period(2025, 8, 14)}));
  CHECK(wrong_day.status == ClaimStatus::fail);
  CHECK(wrong_day.message ==
        "E2 (summit: Donald Trump, Vladimir Putin) is on 2025-08-15, not on 2025-08-14 \u2014 reported by "
        "a.txt, b.txt");
  const auto wrong_year = check_one(t, claim("summit-in-2024", summit, assertion::On{year_period(2024)}));
  CHECK(wrong_year.status == ClaimStatus::fail);
  CHECK_THAT(wrong_year.message, Contains("is on 2025-08-15, not in 2024") && Contains("a.txt, b.txt"));
  REQUIRE(wrong_year.evidence.size() == 2);
  CHECK(wrong_year.evidence[0].event == "E2");
  CHECK(wrong_year.evidence[0].doc == "a.txt");
  CHECK(wrong_year.evidence[0].sentence == 2);
  CHECK(wrong_year.evidence[0].text == "summit");
  CHECK(wrong_year.evidence[0].timex == "2025-08-15");
  CHECK_THAT(wrong_year.evidence[0].sentence_text, Contains("took place in Anchorage"));
}

TEST_CASE("within claims hold for the day, month, ISO week, quarter and year containing the event",
          "[claims]") {
  const auto t = alaska_timeline();
  for (const auto& period : {day_period(2025, 8, 15), month_period(2025, 8), week_period(2025, 33),
                             quarter_period(2025, 3), year_period(2025)}) {
    INFO(period.value);
    CHECK(check_one(t, claim("x", summit, assertion::Within{period})).status == ClaimStatus::pass);
    CHECK(check_one(t, claim("x", summit, assertion::On{period})).status == ClaimStatus::pass);
  }
}

TEST_CASE("within claims fail for periods beside the event", "[claims]") {
  const auto t = alaska_timeline();
  for (const auto& period : {day_period(2025, 8, 16), month_period(2025, 7), week_period(2025, 34),
                             quarter_period(2025, 2), year_period(2024)}) {
    INFO(period.value);
    const auto r = check_one(t, claim("x", summit, assertion::Within{period}));
    CHECK(r.status == ClaimStatus::fail);
    CHECK_THAT(r.message, Contains("not within " + period.value));
  }
}

TEST_CASE("an event dated more coarsely than the claimed day does not prove the claim", "[claims]") {
  auto t = alaska_timeline();
  t.events[1].interval = Interval{date::local_seconds{ymd(2025, 8, 1)}, date::local_seconds{ymd(2025, 9, 1)}};
  t.events[1].when = "2025-08";
  t.events[1].granularity = Granularity::month;
  const auto r = check_one(t, claim("x", summit, assertion::On{day_period(2025, 8, 15)}));
  CHECK(r.status == ClaimStatus::fail);
  CHECK_THAT(r.message, Contains("is only dated in 2025-08, which does not place it on 2025-08-15"));
  CHECK(check_one(t, claim("x", summit, assertion::Within{month_period(2025, 8)})).status ==
        ClaimStatus::pass);
}

TEST_CASE("an undated event fails on, before, after and gap claims saying it is undated", "[claims]") {
  const auto t = alaska_timeline();
  const auto starmer = select("statement", {"Keir Starmer"});
  const std::vector<ClaimAssertion> assertions = {
      assertion::On{year_period(2025)}, assertion::Within{year_period(2025)}, assertion::Before{summit},
      assertion::After{summit}, assertion::Gap{summit, ClaimDuration{"P1D", 0, 0, 0, 1}, {}}};
  for (const auto& a : assertions) {
    const auto r = check_one(t, claim("x", starmer, a));
    CHECK(r.status == ClaimStatus::fail);
    CHECK_THAT(r.message, Contains("E4 (statement: Keir Starmer) is undated"));
  }
}

TEST_CASE("before and after claims compare the events' times strictly", "[claims]") {
  const auto t = alaska_timeline();
  const auto before = check_one(t, claim("x", call, assertion::Before{summit}));
  CHECK(before.status == ClaimStatus::pass);
  CHECK(before.message ==
        "E1 (call: Marco Rubio, Sergei Lavrov) on 2025-08-12 comes before "
        "E2 (summit: Donald Trump, Vladimir Putin) on 2025-08-15");
  CHECK(check_one(t, claim("x", summit, assertion::After{call})).status == ClaimStatus::pass);

  const auto wrong = check_one(t, claim("x", summit, assertion::Before{call}));
  CHECK(wrong.status == ClaimStatus::fail);
  CHECK_THAT(wrong.message,
             Contains("comes after E1 (call: Marco Rubio, Sergei Lavrov) on 2025-08-12, not before"));
  CHECK(check_one(t, claim("x", call, assertion::After{summit})).status == ClaimStatus::fail);
}

TEST_CASE("events whose times overlap are neither before nor after one another", "[claims]") {
  auto t = alaska_timeline();
  t.events[0].interval = day_interval(2025, 8, 15);
  const auto r = check_one(t, claim("x", call, assertion::Before{summit}));
  CHECK(r.status == ClaimStatus::fail);
  CHECK_THAT(r.message, Contains("overlap in time"));
}

TEST_CASE("exists claims hold when an event matches, and exists = false when none does", "[claims]") {
  const auto t = alaska_timeline();
  CHECK(check_one(t, claim("x", summit, assertion::Exists{true})).status == ClaimStatus::pass);
  CHECK(check_one(t, claim("x", select("visit"), assertion::Exists{false})).status == ClaimStatus::pass);
  const auto missing = check_one(t, claim("x", select("visit", {"Donald Trump"}), assertion::Exists{true}));
  CHECK(missing.status == ClaimStatus::fail);
  CHECK_THAT(missing.message,
             Contains("no event matches { type = \"visit\", participants = [\"Donald Trump\"] }"));
  const auto present = check_one(t, claim("x", summit, assertion::Exists{false}));
  CHECK(present.status == ClaimStatus::fail);
  CHECK_THAT(present.message, Contains("1 event matches") && Contains("expected none") && Contains("E2"));
}

TEST_CASE("count claims count the matching events, or all events without a selector", "[claims]") {
  const auto t = alaska_timeline();
  CHECK(check_one(t, claim("x", select(std::nullopt, {"Donald Trump"}), assertion::Count{2})).status ==
        ClaimStatus::pass);
  CHECK(check_one(t, claim("x", std::nullopt, assertion::Count{4})).status == ClaimStatus::pass);
  const auto r = check_one(t, claim("x", select(std::nullopt, {"Donald Trump"}), assertion::Count{1}));
  CHECK(r.status == ClaimStatus::fail);
  CHECK_THAT(r.message, Contains("expected 1, found 2 events matching") && Contains("E2") && Contains("E3"));
}

TEST_CASE("no_conflicts holds for an event nobody contradicts and fails for a contested one", "[claims]") {
  const auto t = alaska_timeline();
  const auto quiet = check_one(t, claim("x", summit, assertion::NoConflicts{}));
  CHECK(quiet.status == ClaimStatus::pass);
  const auto contested = check_one(t, claim("x", call, assertion::NoConflicts{}));
  CHECK(contested.status == ClaimStatus::fail);
  CHECK_THAT(contested.message, Contains("1 conflict about E1") && Contains("b.txt says 2025-08-11"));
  REQUIRE(contested.evidence.size() == 2);
  CHECK(contested.evidence[0].doc == "b.txt");
  CHECK(contested.evidence[0].timex == "2025-08-11");
  const auto corpus = check_one(t, claim("x", std::nullopt, assertion::NoConflicts{}));
  CHECK(corpus.status == ClaimStatus::fail);
  CHECK_THAT(corpus.message, Contains("in the timeline"));
  auto clean = t;
  clean.conflicts.clear();
  CHECK(check_one(clean, claim("x", std::nullopt, assertion::NoConflicts{})).status == ClaimStatus::pass);
}

TEST_CASE("gap claims bound the time from one event's beginning to the other's", "[claims]") {
  const auto t = alaska_timeline();
  const ClaimDuration three_days{"P3D", 0, 0, 0, 3};
  const ClaimDuration one_week{"P1W", 0, 0, 1, 0};
  const ClaimDuration two_days{"P2D", 0, 0, 0, 2};
  const auto ok = check_one(t, claim("x", summit, assertion::Gap{call, three_days, one_week}));
  CHECK(ok.status == ClaimStatus::pass);
  CHECK_THAT(ok.message, Contains("begins 3 days after E1"));
  const auto too_short = check_one(t, claim("x", summit, assertion::Gap{call, one_week, {}}));
  CHECK(too_short.status == ClaimStatus::fail);
  CHECK_THAT(too_short.message, Contains("less than the claimed at least P1W"));
  const auto too_long = check_one(t, claim("x", summit, assertion::Gap{call, {}, two_days}));
  CHECK(too_long.status == ClaimStatus::fail);
  CHECK_THAT(too_long.message, Contains("more than the claimed at most P2D"));
  const auto backwards = check_one(t, claim("x", call, assertion::Gap{summit, {}, one_week}));
  CHECK_THAT(backwards.message, Contains("begins 3 days before"));
}

TEST_CASE("durations in months and years follow the calendar", "[claims]") {
  const auto at = [](int y, unsigned m, unsigned d) { return date::local_seconds{ymd(y, m, d)}; };
  CHECK(add_duration(at(2025, 1, 31), {"P1M", 0, 1}) == at(2025, 2, 28));
  CHECK(add_duration(at(2024, 2, 29), {"P1Y", 1}) == at(2025, 2, 28));
  CHECK(add_duration(at(2025, 8, 12), {"P1W3D", 0, 0, 1, 3}) == at(2025, 8, 22));
  CHECK(add_duration(at(2025, 12, 15), {"P1Y2M", 1, 2}) == at(2027, 2, 15));
  CHECK(add_duration(at(2025, 8, 12), {"PT36H", 0, 0, 0, 0, 36}) == at(2025, 8, 13) + std::chrono::hours{12});
}

TEST_CASE("a selector that matches no event is an error listing the closest candidates", "[claims]") {
  const auto t = alaska_timeline();
  const auto r = check_one(
      t, claim("x", select("summit", {"Donald Trump", "Xi Jinping"}), assertion::On{year_period(2025)}));
  CHECK(r.status == ClaimStatus::error);
  CHECK_THAT(
      r.message,
      Contains("no event matches { type = \"summit\", participants = [\"Donald Trump\", \"Xi Jinping\"] }") &&
          Contains("closest: E2 (summit: Donald Trump, Vladimir Putin) on 2025-08-15; "
                   "E3 (meeting: Donald Trump, Volodymyr Zelenskyy) on 2025-08-18"));
  REQUIRE(r.evidence.size() == 2);
  CHECK(r.evidence[0].event == "E2");
  const auto nothing = check_one(t, claim("x", select("parade"), assertion::On{year_period(2025)}));
  CHECK(nothing.status == ClaimStatus::error);
  CHECK_THAT(nothing.message, Contains("no event shares its type or participants"));
}

TEST_CASE("a selector that matches several events where one is needed is an error listing them all",
          "[claims]") {
  const auto t = alaska_timeline();
  const auto r = check_one(t, claim("x", select(std::nullopt, {"Trump"}), assertion::On{year_period(2025)}));
  CHECK(r.status == ClaimStatus::error);
  CHECK_THAT(r.message, Contains("2 events match { participants = [\"Trump\"] } where one is needed") &&
                            Contains("E2 (summit") && Contains("E3 (meeting"));
  const auto other = check_one(t, claim("x", call, assertion::Before{select("meeting")}));
  CHECK(other.status == ClaimStatus::error);
  CHECK_THAT(other.message, Contains("'before': 2 events match { type = \"meeting\" }"));
}

TEST_CASE("a family type selects every event of the family; a specific type only its own", "[claims]") {
  const auto t = alaska_timeline();
  CHECK(check_one(t, claim("x", select("meeting"), assertion::Count{2})).status == ClaimStatus::pass);
  CHECK(check_one(t, claim("x", select("summit"), assertion::Count{1})).status == ClaimStatus::pass);
  CHECK(check_one(t, claim("x", select("call"), assertion::Count{1})).status == ClaimStatus::pass);
}

TEST_CASE("participants match by alias, by variant spelling and by surname", "[claims]") {
  const auto t = alaska_timeline();
  const std::vector<EntityAlias> aliases = {{"Donald Trump", {"POTUS", "Donald J. Trump"}}};
  const auto on_day = assertion::On{day_period(2025, 8, 15)};
  CHECK(check_one(t, claim("x", select("summit", {"POTUS"}), on_day), aliases).status == ClaimStatus::pass);
  CHECK(check_one(t, claim("x", select("summit", {"donald trump", "Putin"}), on_day)).status ==
        ClaimStatus::pass);
  CHECK(check_one(t, claim("x", select("call", {"Sergey Lavrov"}), assertion::Exists{true})).status ==
        ClaimStatus::pass);
  CHECK(check_one(t, claim("x", select("meeting", {"Volodymyr Zelensky"}), assertion::Exists{true})).status ==
        ClaimStatus::pass);
  CHECK(check_one(t, claim("x", select("summit", {"POTUS"}), assertion::Exists{true})).status ==
        ClaimStatus::fail);
  CHECK(check_one(t, claim("x", select("call", {"Sergei Ivanov"}), assertion::Exists{true})).status ==
        ClaimStatus::fail);
}

TEST_CASE("place, text and period fields narrow the selection", "[claims]") {
  const auto t = alaska_timeline();
  EventSelector s;
  s.place = "anchorage";
  CHECK(check_one(t, claim("x", s, assertion::Count{1})).status == ClaimStatus::pass);
  s = {};
  s.text = "WHITE HOUSE";
  const auto by_text = check_one(t, claim("x", s, assertion::Exists{true}));
  CHECK(by_text.status == ClaimStatus::pass);
  CHECK_THAT(by_text.message, Contains("E3"));
  s = select(std::nullopt, {"Donald Trump"});
  s.on = day_period(2025, 8, 18);
  CHECK(check_one(t, claim("x", s, assertion::Count{1})).status == ClaimStatus::pass);
  s.on.reset();
  s.within = week_period(2025, 33);
  CHECK(check_one(t, claim("x", s, assertion::On{day_period(2025, 8, 15)})).status == ClaimStatus::pass);
}

TEST_CASE("claims are checked in order and keep their ids and positions", "[claims]") {
  auto first = claim("first", summit, assertion::Exists{true});
  auto second = claim("second", call, assertion::Exists{true});
  second.where = {9, 1};
  second.description = "the call happened";
  const auto results = check_claims(alaska_timeline(), {first, second}, {});
  REQUIRE(results.size() == 2);
  CHECK(results[0].id == "first");
  CHECK(results[1].id == "second");
  CHECK(results[1].line == 9);
  CHECK(results[1].description == "the call happened");
}

TEST_CASE("a selector is described as it would be written in TOML", "[claims]") {
  EventSelector s = select("summit", {"Donald Trump"});
  s.place = "Alaska";
  s.within = month_period(2025, 8);
  CHECK(describe(s) ==
        "{ type = \"summit\", participants = [\"Donald Trump\"], place = \"Alaska\", within = \"2025-08\" }");
  CHECK(describe(EventSelector{}) == "{}");
}

TEST_CASE("the evidence for an event is the reports that date it", "[claims]") {
  auto t = alaska_timeline();
  t.mentions.push_back(mention("c.txt", 0, 0, "summit", "summit", {"Donald Trump"}, ""));
  t.sentence_texts.push_back("The summit was closely watched.");
  t.timex_texts.emplace_back();
  t.events[1].mentions.push_back(t.mentions.size() - 1);
  const auto r = check_one(t, claim("x", summit, assertion::On{year_period(2024)}));
  REQUIRE(r.evidence.size() == 2);
  CHECK(r.evidence[0].doc == "a.txt");
  CHECK(r.evidence[1].doc == "b.txt");
  CHECK_THAT(r.message, Contains("reported by a.txt, b.txt, c.txt"));
}
