#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "config/glob.hpp"
#include "config/load.hpp"

using reckon::config::glob_match;

TEST_CASE("glob patterns match whole document ids", "[config][glob]") {
  struct Case {
    std::string pattern;
    std::string text;
    bool matches;
  };
  const std::vector<Case> cases = {
      {"a.txt", "a.txt", true},
      {"a.txt", "xa.txt", false},
      {"*.txt", "a.txt", true},
      {"*.txt", ".txt", true},
      {"*.txt", "dir/a.txt", false},  // '*' stays within one path segment
      {"articles/000_*.txt", "articles/000_alaska.txt", true},
      {"articles/000_*.txt", "articles/001_alaska.txt", false},
      {"**/*.txt", "a.txt", true},  // "**/" also matches no directory
      {"**/*.txt", "x/y/a.txt", true},
      {"**", "x/y/a.txt", true},
      {"x/**", "x/y/a.txt", true},
      {"x/**/a.txt", "x/a.txt", true},
      {"x/**/a.txt", "x/y/z/a.txt", true},
      {"x/**/a.txt", "xy/a.txt", false},
      {"?.txt", "a.txt", true},
      {"?.txt", "ab.txt", false},
      {"?.txt", "/.txt", false},
      {"?.txt", "\xC3\xA9.txt", true},  // one character, two bytes
      {"[abc].txt", "b.txt", true},
      {"[abc].txt", "d.txt", false},
      {"[a-c][0-9].txt", "c7.txt", true},
      {"[!a-c].txt", "d.txt", true},
      {"[^a-c].txt", "a.txt", false},
      {"[]x].txt", "].txt", true},
      {"\\*.txt", "*.txt", true},
      {"\\*.txt", "a.txt", false},
      {"*a*a*a*a*b", std::string(60, 'a'), false},
      {"*a*a*a*a*b", std::string(60, 'a') + "b", true},
  };
  for (const Case& c : cases) {
    INFO(c.pattern << " vs " << c.text);
    CHECK(glob_match(c.pattern, c.text) == c.matches);
  }
}

TEST_CASE("glob syntax is checked", "[config][glob]") {
  CHECK(reckon::config::is_glob("a/*.txt"));
  CHECK(reckon::config::is_glob("a?.txt"));
  CHECK(reckon::config::is_glob("[ab].txt"));
  CHECK_FALSE(reckon::config::is_glob("articles/a.txt"));
  CHECK_FALSE(reckon::config::glob_error("a/**/[a-z]*.txt"));
  CHECK(reckon::config::glob_error("a[bc") == "unclosed '[' at character 2 (expected ']')");
  CHECK(reckon::config::glob_error("[z-a]") == "reversed range in '[...]' at character 1");
  CHECK(reckon::config::glob_error("a\\") ==
        "'\\' at the end of the pattern (expected a character to escape)");
  CHECK_FALSE(glob_match("a[bc", "ab"));
}

TEST_CASE("an exact anchor name beats any glob, whatever the file order", "[config][glob]") {
  const auto s = reckon::config::parse_settings(R"([anchors]
"articles/*.txt" = "2025-08-01"
"articles/003.txt" = "2025-08-03"
)",
                                                "reckon.toml");
  const auto* rule = reckon::config::match_anchor(s, "articles/003.txt");
  REQUIRE(rule);
  CHECK(rule->pattern == "articles/003.txt");
  rule = reckon::config::match_anchor(s, "articles/004.txt");
  REQUIRE(rule);
  CHECK(rule->pattern == "articles/*.txt");
}

TEST_CASE("among matching globs the first in file order wins", "[config][glob]") {
  const auto s = reckon::config::parse_settings(R"([anchors]
"z/00[0-4]_*.txt" = "2025-08-02"
"z/*.txt" = "2025-08-01"
"a/*.txt" = "2025-08-05"
)",
                                                "reckon.toml");
  const auto* rule = reckon::config::match_anchor(s, "z/003_talks.txt");
  REQUIRE(rule);
  CHECK(rule->pattern == "z/00[0-4]_*.txt");
  rule = reckon::config::match_anchor(s, "z/007_talks.txt");
  REQUIRE(rule);
  CHECK(rule->pattern == "z/*.txt");
  CHECK_FALSE(reckon::config::match_anchor(s, "b/x.txt"));
}

TEST_CASE("anchors are matched against the document id and its base name", "[config][glob]") {
  const auto s = reckon::config::parse_settings(R"([anchors]
"*.tml" = "2025-08-01"
"003_interview.txt" = "2025-08-03"
)",
                                                "reckon.toml");
  const auto* rule = reckon::config::match_anchor(s, "articles/003_interview.txt");
  REQUIRE(rule);
  CHECK(rule->pattern == "003_interview.txt");
  rule = reckon::config::match_anchor(s, "trial/deep/1514.tml");
  REQUIRE(rule);
  CHECK(rule->pattern == "*.tml");
}

TEST_CASE("an exact match on the full id beats an exact match on the base name", "[config][glob]") {
  const auto s = reckon::config::parse_settings(R"([anchors]
"a.txt" = "2025-08-01"
"x/a.txt" = "2025-08-02"
)",
                                                "reckon.toml");
  const auto* rule = reckon::config::match_anchor(s, "x/a.txt");
  REQUIRE(rule);
  CHECK(rule->pattern == "x/a.txt");
}
