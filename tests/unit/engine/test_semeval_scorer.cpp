#include <catch2/catch.hpp>

#include "engine/eval_timeline.hpp"
#include "engine/source_error.hpp"

using namespace reckon;

namespace {

SemevalTimeline parse(const std::string& text) { return parse_semeval_timeline(text, "test.txt"); }

// Two events, a in 2005 before b in 2006: reduced graph a=@2005, b=@2006, a<b (3 relations).
const std::string two_events = "E\n1\t2005\t1-1-a\n2\t2006\t1-2-b\n";

}  // namespace

TEST_CASE("a timeline file parses into ORDER, DATE and coreferent mentions", "[semeval]") {
  const auto t = parse("Steve Jobs\r\n0\tXXXX-XX-XX\t1-2-said\n1\t2005-06-06\t1-3-keynote\t2-4-keynote\n\n");
  CHECK(t.entity == "Steve Jobs");
  REQUIRE(t.lines.size() == 2);
  CHECK(t.lines[0].order == 0);
  CHECK(t.lines[1].date == "2005-06-06");
  CHECK(t.lines[1].mentions == std::vector<std::string>{"1-3-keynote", "2-4-keynote"});
}

TEST_CASE("a malformed timeline line is an error naming its line and column", "[semeval]") {
  try {
    parse("E\n1\t2005\t1-1-a\nx\t2005\t1-2-b\n");
    FAIL("no error");
  } catch (const SourceError& e) {
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 1);
  }
  CHECK_THROWS_AS(parse("E\n1\t2005\tnot_a_mention\n"), SourceError);
  CHECK_THROWS_AS(parse("E\n1\t2005\n"), SourceError);
}

TEST_CASE("the reduced graph states each event's date, then each event against the next", "[semeval]") {
  const auto r = reduced_relations(parse(two_events));
  REQUIRE(r.size() == 3);
  CHECK(r[0] == TimelineRelation{false, "1-1-a", "@2005"});
  CHECK(r[1] == TimelineRelation{false, "1-2-b", "@2006"});
  CHECK(r[2] == TimelineRelation{true, "1-1-a", "1-2-b"});
}

TEST_CASE("lines are read in natural order: ORDER 10 comes after ORDER 9", "[semeval]") {
  const auto r = reduced_relations(parse("E\n10\t2005\t1-1-x\n9\t2004\t1-1-y\n"));
  REQUIRE(r.size() == 3);
  CHECK(r[0] == TimelineRelation{false, "1-1-y", "@2004"});
  CHECK(r[2] == TimelineRelation{true, "1-1-y", "1-1-x"});
}

TEST_CASE("ORDER 0 lines are left out of the graph", "[semeval]") {
  CHECK(reduced_relations(parse("E\n0\tXXXX-XX-XX\t1-1-a\n0\tXXXX-XX-XX\t1-2-b\n")).empty());
  CHECK(reduced_relations(parse("E\n0\tXXXX-XX-XX\t1-1-a\t2-1-a\n")).empty());
}

TEST_CASE("a DATE is a time of its own, compared as written", "[semeval]") {
  // Two events on "XXXX-XX-XX" are simultaneous through it: their own link adds nothing.
  const auto r = reduced_relations(parse("E\n1\tXXXX-XX-XX\t1-1-a\n1\tXXXX-XX-XX\t1-2-b\n"));
  REQUIRE(r.size() == 2);
  CHECK(r[1] == TimelineRelation{false, "1-2-b", "@XXXX-XX-XX"});
  // "2005-XX-XX" says nothing of "2005-06-06".
  const auto c = score_timeline(parse("E\n1\t2005-06-06\t1-1-a\n"), parse("E\n1\t2005-XX-XX\t1-1-a\n"));
  CHECK(c.system_found == 0);
  CHECK(c.gold_found == 0);
}

TEST_CASE("a mention named on two lines is two events", "[semeval]") {
  const auto r = reduced_relations(parse("E\n1\t2005\t1-1-a\n2\t2006\t1-1-a\n"));
  REQUIRE(r.size() == 3);
  CHECK(r[1] == TimelineRelation{false, "1-1-a#2", "@2006"});
  CHECK(r[2] == TimelineRelation{true, "1-1-a", "1-1-a#2"});
}

TEST_CASE("a relation contradicting the earlier ones stays in the reduced graph", "[semeval]") {
  // a before b, both on one day: the order contradicts the dates, stated first.
  const auto gold = parse("E\n1\t2005-06-06\t1-1-a\n2\t2005-06-06\t1-2-b\n");
  const auto r = reduced_relations(gold);
  REQUIRE(r.size() == 3);
  CHECK(r[2] == TimelineRelation{true, "1-1-a", "1-2-b"});
  // A timeline that states it too is credited with it.
  const auto c = score_timeline(gold, gold);
  CHECK(c.system_found == 3);
  CHECK(c.gold_found == 3);
}

TEST_CASE("temporal awareness of hand-made timelines", "[semeval]") {
  const auto gold = parse(two_events);
  SECTION("identical timelines score 100") {
    const auto p = prf_of(score_timeline(gold, gold));
    CHECK(p.precision == Approx(1.0));
    CHECK(p.recall == Approx(1.0));
    CHECK(p.f1 == Approx(1.0));
  }
  SECTION("one wrong date: 2 of 3 relations either way") {
    const auto c = score_timeline(gold, parse("E\n1\t2005\t1-1-a\n2\t2007\t1-2-b\n"));
    CHECK(c.system == 3);
    CHECK(c.system_found == 2);  // a=@2005, a<b
    CHECK(c.gold == 3);
    CHECK(c.gold_found == 2);
    CHECK(prf_of(c).f1 == Approx(2.0 / 3));
  }
  SECTION("one missing event: precision 3/3, recall 2/5") {
    const auto gold3 = parse("E\n1\t2005\t1-1-a\n2\t2006\t1-2-b\n3\t2007\t1-3-c\n");
    const auto c = score_timeline(gold3, parse("E\n1\t2005\t1-1-a\n2\t2007\t1-3-c\n"));
    CHECK(c.system == 3);        // a=@2005, c=@2007, a<c
    CHECK(c.system_found == 3);  // a<c follows from a<b<c
    CHECK(c.gold == 5);          // a=@2005, b=@2006, c=@2007, a<b, b<c
    CHECK(c.gold_found == 2);
    CHECK(prf_of(c).f1 == Approx(2 * 1.0 * 0.4 / 1.4));
  }
  SECTION("order swapped with the dates kept: only the anchors count") {
    const auto c = score_timeline(gold, parse("E\n1\t2006\t1-2-b\n2\t2005\t1-1-a\n"));
    CHECK(c.system_found == 2);
    CHECK(c.gold_found == 2);
  }
  SECTION("an undated event is not on the gold's date") {
    const auto c = score_timeline(gold, parse("E\n1\t2005\t1-1-a\n2\tXXXX-XX-XX\t1-2-b\n"));
    CHECK(c.system == 3);
    CHECK(c.system_found == 2);  // a=@2005, a<b
    CHECK(c.gold_found == 2);
  }
  SECTION("an empty system timeline finds nothing") {
    const auto c = score_timeline(gold, SemevalTimeline{});
    CHECK(c.system == 0);
    CHECK(c.gold == 3);
    CHECK(prf_of(c).f1 == 0.0);
  }
}

TEST_CASE("micro-averaging sums counts before dividing", "[semeval]") {
  TimelineCounts a{3, 3, 3, 3};
  a += TimelineCounts{1, 0, 5, 0};
  const auto p = prf_of(a);
  CHECK(p.precision == Approx(3.0 / 4));
  CHECK(p.recall == Approx(3.0 / 8));
}
