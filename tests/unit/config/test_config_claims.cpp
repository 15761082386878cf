#include <catch2/catch.hpp>
#include <string>
#include <variant>
#include <vector>

#include "config/load.hpp"

using namespace reckon::config;

namespace {

Claim one_claim(const std::string& body) {
  const Settings s = parse_settings("[[claim]]\nid = \"c\"\n" + body, "claims.toml");
  REQUIRE(s.claims.size() == 1);
  return s.claims.front();
}

date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

// The message and position of the ConfigError that parsing `toml` throws.
struct Caught {
  std::string message;
  std::size_t line = 0;
  std::size_t column = 0;
};

Caught error_of(const std::string& toml) {
  try {
    parse_settings(toml, "claims.toml");
  } catch (const ConfigError& error) {
    return {error.what(), error.line(), error.column()};
  }
  FAIL("expected a ConfigError");
  return {};
}

}  // namespace

TEST_CASE("a claim keeps its id, description, selector and position", "[config][claims]") {
  const Settings s = parse_settings(R"(# claims
[[claim]]
id = "call-before-summit"
description = "The call came first"
event = { type = "call", participants = ["Marco Rubio", "Sergei Lavrov"], place = "Kuala Lumpur", text = "spoke" }
before = { type = "summit", participants = ["Donald Trump"] }
)",
                                    "claims.toml");
  REQUIRE(s.claims.size() == 1);
  const Claim& c = s.claims[0];
  CHECK(c.id == "call-before-summit");
  CHECK(c.description == "The call came first");
  CHECK(c.file == "claims.toml");
  CHECK(c.where.line == 2);
  CHECK(c.where.column == 1);
  CHECK(c.assertion_where.line == 6);
  REQUIRE(c.event);
  CHECK(c.event->type == "call");
  CHECK(c.event->participants == std::vector<std::string>{"Marco Rubio", "Sergei Lavrov"});
  CHECK(c.event->place == "Kuala Lumpur");
  CHECK(c.event->text == "spoke");
  const auto* before = std::get_if<BeforeAssertion>(&c.assertion);
  REQUIRE(before);
  CHECK(before->other.type == "summit");
  CHECK(std::string(assertion_name(c.assertion)) == "before");
}

TEST_CASE("on and within take TIMEX3 values of every granularity", "[config][claims]") {
  using G = Period::Granularity;
  struct Case {
    std::string value;
    G granularity;
    date::local_days begin;
    date::local_days end;
  };
  const std::vector<Case> cases = {
      {"2025-08-12", G::day, day(2025, 8, 12), day(2025, 8, 13)},
      {"2025-08", G::month, day(2025, 8, 1), day(2025, 9, 1)},
      {"2025-12", G::month, day(2025, 12, 1), day(2026, 1, 1)},
      {"2025-W33", G::week, day(2025, 8, 11), day(2025, 8, 18)},
      {"2026-W01", G::week, day(2025, 12, 29), day(2026, 1, 5)},
      {"2020-W53", G::week, day(2020, 12, 28), day(2021, 1, 4)},
      {"2025-Q3", G::quarter, day(2025, 7, 1), day(2025, 10, 1)},
      {"2025-Q4", G::quarter, day(2025, 10, 1), day(2026, 1, 1)},
      {"2024", G::year, day(2024, 1, 1), day(2025, 1, 1)},
  };
  for (const Case& c : cases) {
    INFO(c.value);
    const Claim claim = one_claim("event = { type = \"summit\" }\nwithin = \"" + c.value + "\"\n");
    const auto* within = std::get_if<WithinAssertion>(&claim.assertion);
    REQUIRE(within);
    CHECK(within->period.value == c.value);
    CHECK(within->period.granularity == c.granularity);
    CHECK(within->period.begin == c.begin);
    CHECK(within->period.end == c.end);
  }
}

TEST_CASE("on accepts a TOML date literal", "[config][claims]") {
  const Claim claim = one_claim("event = { type = \"summit\" }\non = 2025-08-15\n");
  const auto* on = std::get_if<OnAssertion>(&claim.assertion);
  REQUIRE(on);
  CHECK(on->period.begin == day(2025, 8, 15));
  CHECK(on->period.value == "2025-08-15");
}

TEST_CASE("selectors accept on and within periods", "[config][claims]") {
  const Claim claim = one_claim(
      "event = { type = \"call\", on = \"2025-08-12\" }\nafter = { type = \"summit\", within = \"2025-W32\" "
      "}\n");
  REQUIRE(claim.event);
  REQUIRE(claim.event->on);
  CHECK(claim.event->on->begin == day(2025, 8, 12));
  const auto* after = std::get_if<AfterAssertion>(&claim.assertion);
  REQUIRE(after);
  REQUIRE(after->other.within);
  CHECK(after->other.within->granularity == Period::Granularity::week);
}

TEST_CASE("exists, count, no_conflicts and gap assertions are read", "[config][claims]") {
  SECTION("exists") {
    const Claim claim = one_claim("event = { type = \"summit\" }\nexists = false\n");
    REQUIRE(std::holds_alternative<ExistsAssertion>(claim.assertion));
    CHECK_FALSE(std::get<ExistsAssertion>(claim.assertion).exists);
  }
  SECTION("count, with or without an event") {
    CHECK(std::get<CountAssertion>(one_claim("event = { type = \"call\" }\ncount = 2\n").assertion).count ==
          2);
    CHECK(std::get<CountAssertion>(one_claim("count = 0\n").assertion).count == 0);
  }
  SECTION("no_conflicts needs no event") {
    const Claim claim = one_claim("no_conflicts = true\n");
    CHECK(std::holds_alternative<NoConflictsAssertion>(claim.assertion));
    CHECK_FALSE(claim.event);
  }
  SECTION("gap") {
    const Claim claim = one_claim(
        "event = { type = \"summit\" }\ngap = { from = { type = \"call\" }, at_least = \"P3D\", at_most = "
        "\"P1W\" }\n");
    const auto* gap = std::get_if<GapAssertion>(&claim.assertion);
    REQUIRE(gap);
    CHECK(gap->from.type == "call");
    REQUIRE(gap->at_least);
    CHECK(gap->at_least->days == 3);
    REQUIRE(gap->at_most);
    CHECK(gap->at_most->weeks == 1);
  }
}

TEST_CASE("ISO-8601 durations are read component by component", "[config][claims]") {
  const Claim claim = one_claim(
      "event = { type = \"summit\" }\ngap = { from = { type = \"call\" }, at_least = \"P1Y2M3DT4H5M6S\" }\n");
  const Duration& d = *std::get<GapAssertion>(claim.assertion).at_least;
  CHECK(d.years == 1);
  CHECK(d.months == 2);
  CHECK(d.days == 3);
  CHECK(d.hours == 4);
  CHECK(d.minutes == 5);
  CHECK(d.seconds == 6);
  CHECK(d.value == "P1Y2M3DT4H5M6S");
}

TEST_CASE("a claim without an assertion is an error at the claim", "[config][claims]") {
  const Caught e =
      error_of("[defaults]\ntimezone = \"UTC\"\n\n[[claim]]\nid = \"c\"\nevent = { type = \"call\" }\n");
  CHECK(e.line == 4);
  CHECK(e.column == 1);
  CHECK(e.message ==
        "claim 'c' makes no assertion (expected exactly one of: on, within, before, after, exists, "
        "count, no_conflicts, gap)");
}

TEST_CASE("a claim with two assertions is an error at the claim", "[config][claims]") {
  const Caught e =
      error_of("[[claim]]\nid = \"c\"\nevent = { type = \"call\" }\non = \"2025-08-12\"\nexists = true\n");
  CHECK(e.line == 1);
  CHECK(e.message ==
        "claim 'c' makes 2 assertions, 'on' and 'exists' (expected exactly one; write one claim per "
        "assertion)");
}

TEST_CASE("claim errors name the key or value at fault", "[config][claims]") {
  struct Case {
    std::string toml;
    std::size_t line;
    std::size_t column;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"[[claim]]\nevent = { type = \"call\" }\nexists = true\n", 1, 1,
       "claim has no 'id' (expected id = \"a-unique-name\")"},
      {"[[claim]]\nid = \"a\"\nexists = true\n", 1, 1,
       "claim 'a' has no 'event' (expected event = { type = \"...\", participants = [...] })"},
      {"[[claim]]\nid = \"a\"\nno_conflicts = true\n[[claim]]\nid = \"a\"\ncount = 1\n", 4, 1,
       "duplicate claim id 'a' (first used at claims.toml:1)"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"summit\" }\non = \"2025-W54\"\n", 4, 6,
       "'2025-W54' is not a valid period: 2025 has ISO weeks 1 to 52"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"summit\" }\nwithin = \"2025-Q5\"\n", 4, 10,
       "'2025-Q5' is not a valid period: quarters are Q1 to Q4"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"summit\" }\nwithin = \"2025-13\"\n", 4, 10,
       "'2025-13' is not a valid period: there is no month 13"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"summit\" }\non = \"2025-02-29\"\n", 4, 6,
       "2025-02-29 is not a valid date: February 2025 has 28 days"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"summit\" }\non = \"next week\"\n", 4, 6,
       "'next week' is not a period (expected a TIMEX3 value such as 2025-08-12, 2025-08, 2025-W33, 2025-Q3 "
       "or 2025)"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"summit\", on = \"2025-8-1\" }\nexists = true\n", 3, 33,
       "'2025-8-1' is not a period (expected a TIMEX3 value such as 2025-08-12, 2025-08, 2025-W33, 2025-Q3 "
       "or 2025)"},
      {"[[claim]]\nid = \"a\"\ncount = -1\n", 3, 9, "'count' in claim 'a' must be 0 or more, found -1"},
      {"[[claim]]\nid = \"a\"\nno_conflicts = false\n", 3, 16,
       "'no_conflicts' in claim 'a' must be true (to not check conflicts, leave the claim out)"},
      {"[[claim]]\nid = \"a\"\nevent = {}\nexists = true\n", 3, 9,
       "empty event selector 'event' (expected at least one of: type, participants, place, text, on, "
       "within)"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"call\" }\ngap = { at_least = \"P3D\" }\n", 4, 7,
       "'gap' has no 'from' (expected from = { ... }, the event the gap is measured from)"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"call\" }\ngap = { from = { type = \"x\" } }\n", 4, 7,
       "'gap' has neither 'at_least' nor 'at_most' (expected at least one duration such as \"P3D\")"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"call\" }\ngap = { from = { type = \"x\" }, at_least = \"3 "
       "days\" }\n",
       4, 43, "'3 days' is not a duration (expected an ISO-8601 duration such as P3D, P1W, PT12H or P1Y2M)"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"call\" }\ngap = { from = { type = \"x\" }, at_most = "
       "\"PT\" }\n",
       4, 42, "'PT' is not a duration (expected an ISO-8601 duration such as P3D, P1W, PT12H or P1Y2M)"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"call\" }\ngap = { from = { type = \"x\" }, at_most = "
       "\"P1D2Y\" }\n",
       4, 42, "'P1D2Y' is not a duration (expected an ISO-8601 duration such as P3D, P1W, PT12H or P1Y2M)"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"call\", participants = [\"A\", 2] }\nexists = true\n", 3,
       47, "'participants' in the selector 'event' in claim 'a' must hold only strings, found an integer"},
      {"[[claim]]\nid = \"a\"\nevent = { type = \"phone call\" }\nexists = true\n", 3, 18,
       "event type 'phone call' is not an identifier (expected letters, digits, '_' or '-', such as summit)"},
  };
  for (const Case& c : cases) {
    INFO(c.toml);
    const Caught e = error_of(c.toml);
    CHECK(e.message == c.message);
    CHECK(e.line == c.line);
    CHECK(e.column == c.column);
  }
}

TEST_CASE("a claims file holds only [[claim]] tables", "[config][claims]") {
  const std::string path = std::string(RECKON_FIXTURES) + "/config/claims.toml";
  const std::vector<Claim> claims = load_claims(path);
  REQUIRE(claims.size() == 2);
  CHECK(claims[0].id == "summit-in-august");
  CHECK(claims[0].file == path);
  CHECK(std::holds_alternative<NoConflictsAssertion>(claims[1].assertion));

  try {
    parse_claims("[defaults]\ntimezone = \"UTC\"\n", "claims.toml");
    FAIL("no error");
  } catch (const ConfigError& error) {
    CHECK(error.line() == 1);
    CHECK(error.column() == 2);
    CHECK(std::string(error.what()) ==
          "unknown key 'defaults' in a claims file (expected only [[claim]] tables)");
  }
  CHECK(parse_claims("", "empty.toml").empty());
}

TEST_CASE("claims added from a claims file must not reuse an id", "[config][claims]") {
  Settings settings = parse_settings("[[claim]]\nid = \"a\"\nno_conflicts = true\n", "reckon.toml");
  add_claims(settings, parse_claims("[[claim]]\nid = \"b\"\ncount = 1\n", "claims.toml"));
  CHECK(settings.claims.size() == 2);
  try {
    add_claims(settings, parse_claims("\n[[claim]]\nid = \"a\"\ncount = 1\n", "more.toml"));
    FAIL("no error");
  } catch (const ConfigError& error) {
    CHECK(error.file() == "more.toml");
    CHECK(error.line() == 2);
    CHECK(std::string(error.what()) == "duplicate claim id 'a' (first used at reckon.toml:1)");
  }
}
