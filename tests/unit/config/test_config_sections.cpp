#include <catch2/catch.hpp>
#include <string>

#include "config/load.hpp"

using reckon::config::DateTime;
using reckon::config::parse_settings;
using reckon::config::Settings;

namespace {

date::local_days day(int y, unsigned m, unsigned d) {
  return date::local_days{date::year{y} / date::month{m} / date::day{d}};
}

}  // namespace

TEST_CASE("an empty configuration gives the defaults", "[config]") {
  const Settings s = parse_settings("", "reckon.toml");
  CHECK(s.file == "reckon.toml");
  CHECK(s.defaults.timezone == "UTC");
  CHECK_FALSE(s.defaults.max_document_bytes);
  CHECK(s.anchors.empty());
  CHECK(s.entities.empty());
  CHECK(s.events.empty());
  CHECK(s.named.empty());
  CHECK(s.claims.empty());
}

TEST_CASE("[defaults] sets the time zone and the document size limit", "[config]") {
  const Settings s =
      parse_settings("[defaults]\ntimezone = \"America/New_York\"\nmax_document_bytes = 4096\n", "r.toml");
  CHECK(s.defaults.timezone == "America/New_York");
  CHECK(s.defaults.max_document_bytes == 4096u);
  CHECK(s.defaults.where.line == 1);
}

TEST_CASE("[anchors] accepts dates, date-times, TOML literals and tables, in file order", "[config]") {
  const Settings s = parse_settings(R"([anchors]
"zeta.txt" = "2025-08-12"
"alpha.txt" = "2025-08-12T13:06"
"b/*.txt" = "2025-08-12T13:06:30+02:00"
"c.txt" = 2025-08-13
"d.txt" = 2025-08-13T07:45:00Z
"e.txt" = { published = "2025-02-18T13:06", timezone = "America/New_York" }
)",
                                    "r.toml");
  REQUIRE(s.anchors.size() == 6);
  CHECK(s.anchors[0].pattern == "zeta.txt");  // file order, not key order
  CHECK(s.anchors[1].pattern == "alpha.txt");
  CHECK_FALSE(s.anchors[0].is_glob);
  CHECK(s.anchors[0].published == DateTime{day(2025, 8, 12), std::nullopt, std::nullopt});
  CHECK(s.anchors[1].published.time_of_day == std::chrono::minutes{13 * 60 + 6});
  CHECK(s.anchors[2].is_glob);
  CHECK(s.anchors[2].published.utc_offset == std::chrono::minutes{120});
  CHECK(s.anchors[3].published.day == day(2025, 8, 13));
  CHECK(s.anchors[4].published.time_of_day == std::chrono::minutes{7 * 60 + 45});
  CHECK(s.anchors[4].published.utc_offset == std::chrono::minutes{0});
  CHECK(s.anchors[5].timezone == "America/New_York");
  CHECK(s.anchors[5].published.day == day(2025, 2, 18));
  CHECK(s.anchors[0].where.line == 2);
  CHECK(s.anchors[5].where.line == 7);
  CHECK_FALSE(s.anchors[0].timezone);
}

TEST_CASE("[entities] maps canonical names to their aliases", "[config]") {
  const Settings s = parse_settings(R"([entities]
"Sergei Lavrov" = ["Sergey Lavrov", "Lavrov"]
"Marco Rubio" = ["Rubio"]
"NATO" = []
)",
                                    "r.toml");
  REQUIRE(s.entities.size() == 3);
  CHECK(s.entities[0].canonical == "Sergei Lavrov");
  CHECK(s.entities[0].aliases == std::vector<std::string>{"Sergey Lavrov", "Lavrov"});
  CHECK(s.entities[1].canonical == "Marco Rubio");
  CHECK(s.entities[2].aliases.empty());
}

TEST_CASE("[events] adds trigger words per event type", "[config]") {
  const Settings s = parse_settings(
      "[events]\nsummit = [\"summit\", \"talks\"]\nphone-call = [\"spoke by telephone\"]\n", "r.toml");
  REQUIRE(s.events.size() == 2);
  CHECK(s.events[0].type == "summit");
  CHECK(s.events[0].nouns == std::vector<std::string>{"summit", "talks"});
  CHECK(s.events[0].verbs.empty());
  CHECK(s.events[1].type == "phone-call");
}

TEST_CASE("[events] takes nouns and verb lemmas per type in a table", "[config]") {
  const Settings s = parse_settings(
      "[events]\nsummit = [\"parley\"]\n\n[events.launch]\nverbs = [\"unveil\", \"roll out\"]\nnouns = [\"debut\"]\n"
      "\n[events.call]\nverbs = [\"ring\"]\n",
      "r.toml");
  REQUIRE(s.events.size() == 3);
  CHECK(s.events[0].nouns == std::vector<std::string>{"parley"});
  CHECK(s.events[1].type == "launch");
  CHECK(s.events[1].verbs == std::vector<std::string>{"unveil", "roll out"});
  CHECK(s.events[1].nouns == std::vector<std::string>{"debut"});
  CHECK(s.events[2].verbs == std::vector<std::string>{"ring"});
  CHECK(s.events[2].nouns.empty());
}

TEST_CASE("[named] gives names to reference times", "[config]") {
  const Settings s = parse_settings(
      "[named]\n\"the Alaska summit\" = \"2025-08-15\"\n\"the call\" = 2025-08-12T10:30:00\n", "r.toml");
  REQUIRE(s.named.size() == 2);
  CHECK(s.named[0].name == "the Alaska summit");
  CHECK(s.named[0].when.day == day(2025, 8, 15));
  CHECK(s.named[1].when.time_of_day == std::chrono::minutes{10 * 60 + 30});
}

TEST_CASE("a configuration file with every section loads from disk", "[config]") {
  const std::string path = std::string(RECKON_FIXTURES) + "/config/reckon.toml";
  const Settings s = reckon::config::load_settings(path);
  CHECK(s.file == path);
  CHECK(s.defaults.timezone == "Europe/Moscow");
  CHECK(s.defaults.max_document_bytes == 1048576u);
  CHECK(s.anchors.size() == 4);
  CHECK(s.entities.size() == 2);
  CHECK(s.events.size() == 2);
  CHECK(s.named.size() == 2);
  REQUIRE(s.claims.size() == 2);
  CHECK(s.claims[0].id == "call-before-summit");
  CHECK(s.claims[0].file == path);
  CHECK(s.claims[0].where.line == 24);
  CHECK(s.claims[1].where.line == 30);
}

TEST_CASE("a missing configuration file is an error naming it", "[config]") {
  try {
    reckon::config::load_settings("/nonexistent/reckon.toml");
    FAIL("no error");
  } catch (const reckon::config::ConfigError& error) {
    CHECK(error.file() == "/nonexistent/reckon.toml");
    CHECK(error.line() == 0);
    CHECK(std::string(error.what()) == "no such file");
  }
  try {
    reckon::config::load_settings(RECKON_FIXTURES);
    FAIL("no error");
  } catch (const reckon::config::ConfigError& error) {
    CHECK(std::string(error.what()) == "is a directory (expected a TOML file)");
  }
}
