#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/e2e/run.hpp"

using Catch::Contains;
using nlohmann::json;
using reckon::e2e::fixture;
using reckon::e2e::run;
using reckon::e2e::slurp;
namespace fs = std::filesystem;

namespace {

const std::string examples = RECKON_EXAMPLES;
const fs::path alaska = fs::path(RECKON_SHARED) / "corpora" / "alaska-2025";

std::string q(const std::string& s) { return "'" + s + "'"; }

// `reckon check` on the example story with the given claims files and extra arguments.
reckon::e2e::Result check_examples(const std::string& claims, const std::string& extra = {}) {
  return run("check --config " + q(examples + "/reckon.toml") + " " + claims + " " +
             q(examples + "/articles") + " " + extra);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("the example claims all hold and check exits 0", "[e2e][check]") {
  const auto r = check_examples(q(examples + "/claims.toml"));
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 11);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) CHECK_THAT(lines[i], Catch::StartsWith("PASS "));
  CHECK(lines.back() == "10 claims: 10 passed, 0 failed");
}

TEST_CASE("a false claim of every assertion kind fails and check exits 1", "[e2e][check]") {
  const auto r = check_examples(q(fixture("check/false-claims.toml")), "--report json");
  INFO(r.err);
  REQUIRE(r.exit_code == 1);
  const auto report = json::parse(r.out);
  REQUIRE(report["claims"].size() == 9);
  for (const auto& c : report["claims"]) {
    INFO(c["id"]);
    CHECK(c["status"] == "fail");
    CHECK_FALSE(c["evidence"].empty());
  }
  CHECK(report["summary"]["failed"] == 9);
  const auto& first = report["claims"][0];
  CHECK(first["message"] ==
        "E3 (summit: Elena Sorel, Tomas Brenner) is on 2026-03-13, not on 2026-03-12 \u2014 reported by "
        "01-ministers-call.txt, 02-summit.txt, 03-regional-digest.txt");
  CHECK(first["line"] == 2);
  CHECK_THAT(report["claims"][7]["message"].get<std::string>(),
             Contains("03-regional-digest.txt says 2026-03-08"));
}

TEST_CASE("selectors that match no event or several make their claims fail listing the candidates",
          "[e2e][check]") {
  const auto r = check_examples(q(fixture("check/selector-errors.toml")), "--report json");
  REQUIRE(r.exit_code == 1);
  const auto report = json::parse(r.out);
  CHECK(report["claims"][0]["status"] == "error");
  CHECK_THAT(report["claims"][0]["message"].get<std::string>(),
             Contains("no event matches") && Contains("closest: E3 (summit: Elena Sorel, Tomas Brenner)"));
  CHECK(report["claims"][1]["status"] == "error");
  CHECK_THAT(report["claims"][1]["message"].get<std::string>(), Contains("2 events match") &&
                                                                    Contains("E1 (visit: Anika Varga)") &&
                                                                    Contains("E2 (call: Anika Varga"));
  CHECK(report["summary"]["errors"] == 2);
}

TEST_CASE("claims are checked the same against a timeline file written earlier", "[e2e][check]") {
  const auto dir = reckon::e2e::scratch_dir("check-timeline");
  const std::string timeline = (dir / "timeline.json").string();
  REQUIRE(run("timeline --config " + q(examples + "/reckon.toml") + " " + q(examples + "/articles") + " -o " +
              q(timeline))
              .exit_code == 0);
  const auto from_file = run("check --config " + q(examples + "/reckon.toml") + " " +
                             q(fixture("check/false-claims.toml")) + " --timeline " + q(timeline));
  const auto from_documents = check_examples(q(fixture("check/false-claims.toml")));
  CHECK(from_file.exit_code == 1);
  CHECK(from_file.out == from_documents.out);
  CHECK(run("check --config " + q(examples + "/reckon.toml") + " " + q(examples + "/claims.toml") +
            " --timeline " + q(timeline))
            .exit_code == 0);
  fs::remove_all(dir);
}

TEST_CASE("the config's own claims are checked together with those of claims files", "[e2e][check]") {
  const auto dir = reckon::e2e::scratch_dir("check-config");
  const auto config = dir / "reckon.toml";
  std::ofstream(config) << slurp(examples + "/reckon.toml") << "\n[[claim]]\nid = \"call-exists\"\n"
                        << "event = { type = \"call\" }\nexists = true\n";
  const auto r = run("check --config " + q(config.string()) + " " + q(fixture("check/one-true-claim.toml")) +
                     " " + q(examples + "/articles"));
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("PASS call-exists") && Contains("PASS summit-exists") &&
                        Contains("2 claims: 2 passed"));

  std::ofstream(dir / "dup.toml")
      << "[[claim]]\nid = \"call-exists\"\nevent = { type = \"call\" }\nexists = false\n";
  const auto dup = run("check --config " + q(config.string()) + " " + q((dir / "dup.toml").string()) + " " +
                       q(examples + "/articles"));
  CHECK(dup.exit_code == 2);
  CHECK_THAT(dup.err, Contains("dup.toml:1:1: error: duplicate claim id 'call-exists'"));
  fs::remove_all(dir);
}

TEST_CASE("a malformed claim is an input error naming file, line and column, exit 2", "[e2e][check]") {
  const auto r = check_examples(q(fixture("check/malformed.toml")));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("check/malformed.toml:4:6: error:") && Contains("no month 13"));
}

TEST_CASE("check without claims, without input, or with both a timeline and documents is a usage error",
          "[e2e][check]") {
  const auto none = run("check --config " + q(examples + "/reckon.toml") + " " + q(examples + "/articles"));
  CHECK(none.exit_code == 2);
  CHECK_THAT(none.err, Contains("no claims to check"));
  const auto nothing = run("check " + q(examples + "/claims.toml"));
  CHECK(nothing.exit_code == 2);
  CHECK_THAT(nothing.err, Contains("nothing to check against"));
  const auto both =
      check_examples(q(examples + "/claims.toml"), "--timeline " + q(examples + "/timeline.json"));
  CHECK(both.exit_code == 2);
  CHECK_THAT(both.err, Contains("not both"));
  CHECK(check_examples(q(examples + "/claims.toml"), "--report yaml").exit_code == 2);
}

TEST_CASE("a timeline file that is not valid timeline JSON is an input error at its position",
          "[e2e][check]") {
  const auto dir = reckon::e2e::scratch_dir("check-bad-timeline");
  const auto bad = dir / "timeline.json";
  std::ofstream(bad) << "{\n  \"reckon_timeline\": 1,\n  \"documents\": [}\n";
  const auto r = run("check " + q(examples + "/claims.toml") + " --timeline " + q(bad.string()));
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("timeline.json:3:17: error: not a timeline JSON file"));
  const auto missing =
      run("check " + q(examples + "/claims.toml") + " --timeline " + q((dir / "none.json").string()));
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Contains("none.json: error: no such file"));
  fs::remove_all(dir);
}

TEST_CASE("the JUnit report is written to -o with a testcase per claim and a failure per failing claim",
          "[e2e][check]") {
  const auto dir = reckon::e2e::scratch_dir("check-junit");
  const std::string out = (dir / "report.xml").string();
  const auto r = check_examples(q(fixture("check/false-claims.toml")) + " " + q(examples + "/claims.toml"),
                                "--report junit -o " + q(out));
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  const std::string xml = slurp(out);
  CHECK_THAT(
      xml, Catch::StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"reckon check\" "
                             "tests=\"19\" failures=\"9\" errors=\"0\">"));
  std::size_t testcases = 0, failures = 0;
  for (std::size_t at = 0; (at = xml.find("<testcase ", at)) != std::string::npos; ++at) ++testcases;
  for (std::size_t at = 0; (at = xml.find("<failure ", at)) != std::string::npos; ++at) ++failures;
  CHECK(testcases == 19);
  CHECK(failures == 9);
  CHECK_THAT(xml, Contains("<testcase name=\"summit-on-thursday\" classname=\"claims\">"));
  CHECK_THAT(xml, Contains("<testcase name=\"summit-on-friday\" classname=\"claims\"/>"));
  fs::remove_all(dir);
}

TEST_CASE("the GitHub report annotates each failing claim at its line in the claims file", "[e2e][check]") {
  const std::string claims = fixture("check/false-claims.toml");
  const auto r = check_examples(q(claims), "--report github");
  CHECK(r.exit_code == 1);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 10);
  std::string file = claims;
  for (std::size_t at = 0; (at = file.find_first_of(":,", at)) != std::string::npos;)
    file.replace(at, 1, file[at] == ':' ? "%3A" : "%2C");
  CHECK_THAT(lines[0], Catch::StartsWith("::error file=" + file +
                                         ",line=2,col=1,title=summit-on-thursday::E3 (summit: "
                                         "Elena Sorel, Tomas Brenner) is on 2026-03-13, not on 2026-03-12"));
  CHECK_THAT(lines[8],
             Catch::StartsWith("::error file=" + file + ",line=42,col=1,title=summit-a-week-after-call::"));
  for (const auto& line : lines) CHECK(line.find('\r') == std::string::npos);
  CHECK(lines[9] == "::notice title=reckon check::9 claims: 0 passed, 9 failed");
}

TEST_CASE("the Alaska claims hold and a false one fails naming the summit and its documents",
          "[e2e][check][shared]") {
  if (!fs::exists(alaska)) {
    WARN("skipped: " << alaska << " not present");
    return;
  }
  const std::string base = "check --config " + q(fixture("alaska/reckon.toml")) + " ";
  const auto ok = run(base + q(fixture("alaska/claims.toml")) + " " + q(alaska.string()));
  INFO(ok.out << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Contains("PASS summit-on-aug-15: ") && Contains("PASS call-before-summit: ") &&
                         Contains("PASS no-conflicting-reports: ") &&
                         Contains("5 claims: 5 passed, 0 failed"));

  const auto bad = run(base + q(fixture("check/alaska-false-claims.toml")) + " " + q(alaska.string()));
  CHECK(bad.exit_code == 1);
  CHECK_THAT(bad.out,
             Contains("FAIL summit-in-2024: ") && Contains("(summit: Donald Trump, Vladimir Putin) is on "
                                                           "2025-08-15, not within 2024"));
  for (const char* doc : {"000_", "001_", "002_", "004_"}) CHECK_THAT(bad.out, Contains(std::string(doc)));
}

TEST_CASE("the check report is the same for every thread count", "[e2e][check]") {
  const std::string claims = q(fixture("check/false-claims.toml"));
  const auto one = check_examples(claims, "--report json --threads 1");
  const auto two = check_examples(claims, "--report json --threads 2");
  CHECK(one.exit_code == 1);
  CHECK(one.out == two.out);
}
