#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

using nlohmann::json;
using reckon::e2e::fixture;
using reckon::e2e::run;
namespace fs = std::filesystem;

namespace {

const std::string examples = RECKON_EXAMPLES;
const fs::path alaska = fs::path(RECKON_SHARED) / "corpora" / "alaska-2025";

// The event with this type whose participants include all of `people`; fails the test unless exactly one.
const json& event_with(const json& timeline, const std::string& type, const std::set<std::string>& people) {
  const json* found = nullptr;
  std::size_t count = 0;
  for (const auto& e : timeline["events"]) {
    if (e["type"] != type) continue;
    std::set<std::string> names;
    for (const auto& p : e["participants"]) names.insert(p.get<std::string>());
    if (!std::includes(names.begin(), names.end(), people.begin(), people.end())) continue;
    found = &e;
    ++count;
  }
  INFO("events of type " << type);
  REQUIRE(count == 1);
  return *found;
}

std::set<std::string> documents_of(const json& event) {
  std::set<std::string> docs;
  for (const auto& m : event["mentions"]) docs.insert(m["doc"].get<std::string>().substr(0, 3));
  return docs;
}

}  // namespace

TEST_CASE("the example corpus gives one call event with the planted date conflict", "[e2e][timeline]") {
  const auto r = run("timeline --config '" + examples + "/reckon.toml' '" + examples + "/articles'");
  REQUIRE(r.exit_code == 0);
  const auto t = json::parse(r.out);
  const auto& call = event_with(t, "call", {"Anika Varga", "Pavel Dorin"});
  CHECK(call["when"] == "2026-03-09");
  REQUIRE(t["conflicts"].size() == 1);
  const auto& c = t["conflicts"][0];
  CHECK(c["kind"] == "date");
  CHECK(c["event"] == call["id"]);
  REQUIRE(c["mentions"].size() == 2);
  CHECK(c["mentions"][0][0]["doc"] == "03-regional-digest.txt");
  CHECK(c["mentions"][0][0]["timex"]["value"] == "2026-03-08");
  CHECK_THAT(c["message"].get<std::string>(), Catch::Contains("03-regional-digest.txt") && Catch::Contains("01-ministers-call.txt"));
}

TEST_CASE("the committed example timelines are what the README's command writes today", "[e2e][timeline]") {
  // scripts/run-example.sh writes them; a change of behaviour must come with the new files.
  for (const std::string format : {"json", "md"}) {
    INFO("format " << format);
    const auto r = run("timeline --format " + format + " --config '" + examples + "/reckon.toml' '" + examples + "/articles'");
    REQUIRE(r.exit_code == 0);
    std::ifstream in(examples + "/timeline." + format, std::ios::binary);
    REQUIRE(in);
    const std::string committed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(r.out == committed);
  }
}

TEST_CASE("a timeline run asked to fail on conflicts exits 1 when one is found", "[e2e][timeline]") {
  CHECK(run("timeline --fail-on-conflict --config '" + examples + "/reckon.toml' '" + examples + "/articles'").exit_code == 1);
}

TEST_CASE("every timeline format is written and identical for every thread count", "[e2e][timeline]") {
  for (const char* format : {"json", "md", "csv", "timelinejs", "ics"}) {
    INFO(format);
    const std::string args = std::string("timeline --format ") + format + " --config '" + examples + "/reckon.toml' '" +
                             examples + "/articles'";
    const auto one = run(args + " --threads 1");
    const auto two = run(args + " --threads 2");
    REQUIRE(one.exit_code == 0);
    CHECK_FALSE(one.out.empty());
    CHECK(one.out == two.out);
  }
}

TEST_CASE("the timeline does not depend on the order of inputs on the command line", "[e2e][timeline]") {
  const std::string dir = examples + "/articles/";
  const std::string config = " --config '" + examples + "/reckon.toml' ";
  const auto forward = run("timeline" + config + dir + "01-ministers-call.txt " + dir + "02-summit.txt " + dir + "03-regional-digest.txt");
  const auto backward = run("timeline" + config + dir + "03-regional-digest.txt " + dir + "02-summit.txt " + dir + "01-ministers-call.txt");
  REQUIRE(forward.exit_code == 0);
  CHECK(forward.out == backward.out);
}

TEST_CASE("the Alaska articles give the five known events in order and no conflict", "[e2e][timeline][shared]") {
  if (!fs::exists(alaska)) {
    WARN("../shared/corpora/alaska-2025 not found; skipped");
    return;
  }
  const auto r = run("timeline --config '" + fixture("alaska/reckon.toml") + "' '" + alaska.string() + "'");
  REQUIRE(r.exit_code == 0);
  const auto t = json::parse(r.out);
  CHECK(t["conflicts"].empty());

  const auto& rubio_call = event_with(t, "call", {"Marco Rubio"});
  CHECK(rubio_call["when"] == "2025-08-12");
  CHECK(documents_of(rubio_call) == std::set<std::string>{"000", "002"});

  const auto& summit = event_with(t, "summit", {"Donald Trump", "Vladimir Putin"});
  CHECK(summit["when"] == "2025-08-15");
  CHECK(documents_of(summit) == std::set<std::string>{"000", "001", "002", "004"});

  const json* trump_call = nullptr;
  for (const auto& e : t["events"])
    if (e["type"] == "call" && e["when"] == "2025-08-18") trump_call = &e;
  REQUIRE(trump_call != nullptr);
  CHECK((*trump_call)["participants"] == json::array({"Donald Trump", "Vladimir Putin"}));

  const auto& riyadh = event_with(t, "meeting", {"Marco Rubio"});
  CHECK(riyadh["when"] == "2025-02-18");

  const auto& deadline = event_with(t, "deadline", {});
  CHECK(deadline["when"] == "2025-08-08");

  // Timeline order: the February meeting, the deadline, the call, the summit, the Trump-Putin call.
  std::vector<std::string> order;
  for (const auto& e : t["events"]) order.push_back(e["id"]);
  auto position = [&](const json& e) { return std::find(order.begin(), order.end(), e["id"]) - order.begin(); };
  CHECK(position(riyadh) < position(deadline));
  CHECK(position(deadline) < position(rubio_call));
  CHECK(position(rubio_call) < position(summit));
  CHECK(position(summit) < position(*trump_call));
}

TEST_CASE("an added article that puts the call on another day gives a date conflict naming both sides", "[e2e][timeline][shared]") {
  if (!fs::exists(alaska)) {
    WARN("../shared/corpora/alaska-2025 not found; skipped");
    return;
  }
  const auto dir = reckon::e2e::scratch_dir("alaska-plus");
  for (const auto& entry : fs::directory_iterator(alaska)) fs::copy_file(entry.path(), dir / entry.path().filename());
  fs::copy_file(fixture("alaska/added-conflicting-report.txt"), dir / "005_added.txt");
  const auto r = run("timeline --fail-on-conflict --config '" + fixture("alaska/reckon.toml") + "' '" + dir.string() + "'");
  fs::remove_all(dir);
  CHECK(r.exit_code == 1);
  const auto t = json::parse(r.out);
  REQUIRE(t["conflicts"].size() == 1);
  const auto& c = t["conflicts"][0];
  CHECK(c["kind"] == "date");
  std::set<std::string> sides;
  for (const auto& side : c["mentions"])
    for (const auto& m : side) sides.insert(m["doc"].get<std::string>().substr(0, 3) + "=" + m["timex"]["value"].get<std::string>());
  CHECK(sides.count("005=2025-08-11") == 1);
  CHECK(sides.count("000=2025-08-12") == 1);
}
