// Every configuration error names the file, line and column of the key or value at fault.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "config/load.hpp"

using reckon::config::ConfigError;

namespace {

struct ErrorCase {
  std::string toml;
  std::string at;       // the error points at the first occurrence of this text
  std::string message;  // the whole message
};

// Line and column (1-based) of the first occurrence of `needle` in `text`.
std::pair<std::size_t, std::size_t> position_of(const std::string& text, const std::string& needle) {
  const std::size_t offset = text.find(needle);
  REQUIRE(offset != std::string::npos);
  const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  const std::size_t line =
      1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
  const std::size_t column =
      line_start == std::string::npos || offset == 0 ? offset + 1 : offset - line_start;
  return {line, column};
}

void check_errors(const std::vector<ErrorCase>& cases) {
  for (const ErrorCase& c : cases) {
    INFO(c.toml);
    try {
      reckon::config::parse_settings(c.toml, "reckon.toml");
      FAIL_CHECK("no error for the configuration above");
    } catch (const ConfigError& error) {
      const auto [line, column] = position_of(c.toml, c.at);
      CHECK(error.file() == "reckon.toml");
      CHECK(std::string(error.what()) == c.message);
      CHECK(error.line() == line);
      CHECK(error.column() == column);
    }
  }
}

}  // namespace

TEST_CASE("a TOML syntax error is a config error at the parser's position", "[config]") {
  try {
    reckon::config::parse_settings("[defaults]\ntimezone = \"UTC\nx = 1\n", "reckon.toml");
    FAIL("no error");
  } catch (const ConfigError& error) {
    CHECK(error.line() == 2);
    CHECK(error.column() > 0);
    CHECK_THAT(error.what(), Catch::Matchers::StartsWith("invalid TOML: "));
  }
}

TEST_CASE("unknown keys are errors at the key, listing the expected ones", "[config]") {
  check_errors({
      {"[defaults]\ntimezon = \"UTC\"\n", "timezon",
       "unknown key 'timezon' in [defaults] (expected one of: timezone, max_document_bytes)"},
      {"[defualts]\ntimezone = \"UTC\"\n", "defualts",
       "unknown key 'defualts' at the top level (expected one of: defaults, anchors, entities, events, "
       "named, claim)"},
      {"[anchors]\n\"a.txt\" = { published = \"2025-08-12\", zone = \"UTC\" }\n", "zone",
       "unknown key 'zone' in the anchor for 'a.txt' (expected one of: published, timezone)"},
      {"[[claim]]\nid = \"c\"\nevent = { type = \"call\" }\non = \"2025-08-12\"\nseverity = 2\n", "severity",
       "unknown key 'severity' in [[claim]] (expected one of: id, description, event, on, within, before, "
       "after, "
       "exists, count, no_conflicts, gap)"},
      {"[[claim]]\nid = \"c\"\nevent = { kind = \"call\" }\non = \"2025-08-12\"\n", "kind",
       "unknown key 'kind' in the selector 'event' in claim 'c' (expected one of: type, participants, place, "
       "text, "
       "on, within)"},
  });
}

TEST_CASE("values of the wrong type are errors at their key", "[config]") {
  check_errors({
      {"defaults = 3\n", "defaults", "'defaults' must be a table, found an integer"},
      {"[defaults]\ntimezone = 3\n", "timezone",
       "'timezone' in [defaults] must be a string, found an integer"},
      {"[defaults]\nmax_document_bytes = \"big\"\n", "max_document_bytes",
       "'max_document_bytes' in [defaults] must be a positive integer, found a string"},
      {"[anchors]\n\"a.txt\" = 20250812\n", "\"a.txt\"",
       "'a.txt' in [anchors] must be a date, found an integer (expected \"2025-08-12\" or "
       "\"2025-08-12T13:06\", "
       "optionally with Z or an offset such as +02:00)"},
      {"[entities]\n\"NATO\" = \"North Atlantic Treaty Organization\"\n", "\"NATO\"",
       "'NATO' in [entities] must be an array of strings, found a string"},
      {"[events]\nsummit = [\"summit\", 3]\n", "3",
       "'summit' in [events] must hold only strings, found an integer"},
      {"claim = { id = \"x\" }\n", "claim",
       "'claim' must be an array of tables, written [[claim]], found a table"},
      {"[[claim]]\nid = \"c\"\ncount = \"two\"\n", "count",
       "'count' in claim 'c' must be an integer, found a string"},
      {"[[claim]]\nid = \"c\"\nevent = { type = \"x\" }\nexists = \"yes\"\n", "exists",
       "'exists' in claim 'c' must be a boolean, found a string"},
      {"[[claim]]\nid = \"c\"\nevent = \"summit\"\nexists = true\n", "event",
       "'event' must be an event selector table such as { type = \"summit\" }, found a string"},
  });
}

TEST_CASE("an unknown time zone is an error at its value", "[config]") {
  check_errors({
      {"[defaults]\ntimezone = \"Europe/Atlantis\"\n", "\"Europe/Atlantis\"",
       "unknown time zone 'Europe/Atlantis' (expected an IANA name such as UTC or America/New_York)"},
      {"[anchors]\n\"a.txt\" = { published = \"2025-08-12\", timezone = \"EST5\" }\n", "\"EST5\"",
       "unknown time zone 'EST5' (expected an IANA name such as UTC or America/New_York)"},
  });
}

TEST_CASE("an impossible anchor date is an error at its value", "[config]") {
  check_errors({
      {"[anchors]\n\"a.txt\" = \"2025-02-30\"\n", "\"2025-02-30\"",
       "2025-02-30 is not a valid date: February 2025 has 28 days"},
      {"[anchors]\n\"a.txt\" = \"2025-13-01\"\n", "\"2025-13-01\"",
       "2025-13-01 is not a valid date: there is no month 13"},
      {"[anchors]\n\"a.txt\" = { published = \"2025-04-31T10:00\" }\n", "\"2025-04-31",
       "2025-04-31 is not a valid date: April 2025 has 30 days"},
      {"[anchors]\n\"a.txt\" = \"2025-08-12T24:30\"\n", "\"2025-08-12T24:30\"",
       "24:30 is not a valid time of day (expected 00:00 to 23:59)"},
      {"[anchors]\n\"a.txt\" = \"12/08/2025\"\n", "\"12/08/2025\"",
       "'12/08/2025' is not a date (expected \"2025-08-12\" or \"2025-08-12T13:06\", optionally with Z or an "
       "offset "
       "such as +02:00)"},
      {"[named]\n\"the summit\" = \"2023-02-29\"\n", "\"2023-02-29\"",
       "2023-02-29 is not a valid date: February 2023 has 28 days"},
  });
}

TEST_CASE("an impossible TOML date literal is reported by the TOML parser on its line", "[config]") {
  try {
    reckon::config::parse_settings("[anchors]\n\"a.txt\" = 2025-02-30\n", "reckon.toml");
    FAIL("no error");
  } catch (const ConfigError& error) {
    CHECK(error.line() == 2);
    CHECK_THAT(error.what(), Catch::Matchers::Contains("day"));
  }
}

TEST_CASE("malformed anchor rules are errors at the key", "[config]") {
  check_errors({
      {"[anchors]\n\"articles/[0-9.txt\" = \"2025-08-12\"\n", "\"articles/",
       "invalid glob 'articles/[0-9.txt': unclosed '[' at character 10 (expected ']')"},
      {"[anchors]\n\"a.txt\" = { timezone = \"UTC\" }\n", "\"a.txt\"",
       "anchor 'a.txt' has no 'published' (expected { published = \"2025-08-12\", timezone = "
       "\"America/New_York\" })"},
      {"[anchors]\n\"\" = \"2025-08-12\"\n", "\"\"", "empty anchor key (expected a document name or glob)"},
  });
}

TEST_CASE("[defaults] max_document_bytes must be positive", "[config]") {
  check_errors({
      {"[defaults]\nmax_document_bytes = 0\n", "0",
       "'max_document_bytes' in [defaults] must be a positive integer, found 0"},
  });
}

TEST_CASE("an alias listed under two entities is an error at the second", "[config]") {
  const std::string toml =
      "[entities]\n\"Sergei Lavrov\" = [\"Lavrov\"]\n\"Ivan Lavrov\" = [\"Ivan\", \"Lavrov\"]\n";
  try {
    reckon::config::parse_settings(toml, "reckon.toml");
    FAIL("no error");
  } catch (const ConfigError& error) {
    CHECK(error.line() == 3);
    CHECK(error.column() == 26);
    CHECK(std::string(error.what()) ==
          "alias 'Lavrov' of 'Ivan Lavrov' already names 'Sergei Lavrov' (line 2; expected each name to "
          "belong to "
          "one entity)");
  }
  check_errors({
      {"[entities]\n\"NATO\" = [\"\"]\n", "\"\"]",
       "empty string in 'NATO' in [entities] (expected a name or phrase)"},
      {"[entities]\n\"A\" = [\"x\", \"x\"]\n", "\"x\"]", "alias 'x' is listed twice for 'A'"},
      {"[entities]\n\"Lavrov\" = [\"L\"]\n\"Sergei Lavrov\" = [\"Lavrov\"]\n", "\"Lavrov\"]",
       "alias 'Lavrov' of 'Sergei Lavrov' already names 'Lavrov' (line 2; expected each name to belong to "
       "one entity)"},
  });
}

TEST_CASE("event types must be identifiers", "[config]") {
  check_errors({
      {"[events]\n\"peace talks\" = [\"talks\"]\n", "\"peace talks\"",
       "event type 'peace talks' is not an identifier (expected letters, digits, '_' or '-', such as "
       "summit)"},
  });
}

TEST_CASE("an event type's words are an array of nouns or a table of nouns and verbs", "[config]") {
  check_errors({
      {"[events]\nlaunch = 3\n", "launch",
       "'launch' in [events] must be an array of nouns or a table with nouns and verbs, found an integer"},
      {"[events.launch]\nverb = [\"unveil\"]\n", "verb",
       "unknown key 'verb' in [events.launch] (expected one of: nouns, verbs)"},
      {"[events.launch]\nverbs = \"unveil\"\n", "verbs",
       "'verbs' in [events.launch] must be an array of strings, found a string"},
      {"[events.launch]\nverbs = [\"\"]\n", "\"\"",
       "empty string in 'verbs' in [events.launch] (expected a name or phrase)"},
      {"[events]\nlaunch = {}\n", "launch",
       "event type 'launch' in [events] lists no words (expected nouns = [...] or verbs = [...])"},
      {"[events.launch]\nnouns = []\n", "launch",
       "event type 'launch' in [events] lists no words (expected nouns = [...] or verbs = [...])"},
  });
}

// Found by fuzz_config: toml++ reports an error at the end of the input one column past the end
// of the last line, a place that is not in the file.
TEST_CASE("a TOML error at the end of the file points at a place in the file", "[config]") {
  const std::string toml = "[[claim]]\nid = \"a\"\ndescription = \"\"\"never closed\ncount = 1\n";
  try {
    reckon::config::parse_claims(toml, "claims.toml");
    FAIL("no error");
  } catch (const ConfigError& error) {
    CHECK_THAT(error.what(), Catch::Matchers::StartsWith("invalid TOML: "));
    CHECK(error.line() == 4);
    CHECK(error.column() == 10);  // one past "count = 1", the last line's last byte
  }
}

TEST_CASE("config error columns count bytes, as every reckon error does", "[config]") {
  check_errors({
      {"[named]\n\"Zürich café\" = \"2025-02-30\"\n", "\"2025-02-30\"",
       "2025-02-30 is not a valid date: February 2025 has 28 days"},
      {"[entities]\n\"Zürich\" = [\"Zürich\", \"\"]\n", "\"\"]",
       "empty string in 'Zürich' in [entities] (expected a name or phrase)"},
  });
  try {
    reckon::config::parse_settings("[defaults]\ntimezone = \"é\" x\n", "reckon.toml");
    FAIL("no error");
  } catch (const ConfigError& error) {
    CHECK(error.line() == 2);
    CHECK(error.column() == 17);  // "x", after the two bytes of "é"
  }
}
