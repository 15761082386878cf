#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

using reckon::e2e::fixture;
using reckon::e2e::run;

TEST_CASE("reckon --version names the program and exits 0", "[e2e][cli]") {
  const auto r = run("--version");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("reckon "));
}

TEST_CASE("every command has its own --help", "[e2e][cli]") {
  for (const char* command : {"tag", "explain", "eval timeml"}) {
    const auto r = run(std::string(command) + " --help");
    INFO(command);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Usage"));
  }
}

TEST_CASE("explain reads a phrase around expressions and exits 0", "[e2e][cli][explain]") {
  const auto r = run("explain 'since 2014' --anchor 2025-08-12");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("expression 1: \"2014\"") && Catch::Contains("TIMEX3: type=DATE value=2014"));
  CHECK(r.err.empty());
}

TEST_CASE("an unknown command or option is a usage error with exit code 2", "[e2e][cli]") {
  CHECK(run("frobnicate").exit_code == 2);
  CHECK(run("tag --no-such-option x").exit_code == 2);
  CHECK(run("tag --format yaml " + fixture("e2e/plain.txt")).exit_code == 2);
  CHECK(run("").exit_code == 2);
}

TEST_CASE("a missing input file is an input error naming the file", "[e2e][cli]") {
  const auto r = run("tag /nonexistent/reckon-input.txt");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("/nonexistent/reckon-input.txt") && Catch::Contains("error:"));
}

TEST_CASE("invalid UTF-8 is an input error at its line and column", "[e2e][cli]") {
  const auto dir = reckon::e2e::scratch_dir("utf8");
  const auto path = dir / "bad.txt";
  std::ofstream(path, std::ios::binary) << "Line one.\nSecond \xff line.\n";
  const auto r = run("tag '" + path.string() + "'");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith(path.string() + ":2:8: error:"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("tag writes one JSON object per document with byte offsets into its text", "[e2e][tag]") {
  const auto r = run("tag --anchor 2025-08-12 " + fixture("e2e/plain.txt"));
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["doc"] == "plain.txt");
  CHECK(j["anchor"] == "2025-08-12");
  REQUIRE(j["timexes"].is_array());
  REQUIRE_FALSE(j["timexes"].empty());
  const std::string text = reckon::e2e::slurp(fixture("e2e/plain.txt"));
  for (const auto& t : j["timexes"]) {
    const auto start = t["start"].get<std::size_t>(), end = t["end"].get<std::size_t>();
    CHECK(text.substr(start, end - start) == t["text"].get<std::string>());
  }
}

TEST_CASE("JSON Lines on standard input carry their own anchors", "[e2e][tag]") {
  const auto r = run("tag -", R"({"id":"a","text":"They met on Friday.","published":"2025-08-12"})" "\n"
                               R"({"id":"b","text":"Nothing here.","published":"2025-08-19"})" "\n");
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> docs;
  while (std::getline(lines, line)) docs.push_back(nlohmann::json::parse(line));
  REQUIRE(docs.size() == 2);
  CHECK(docs[0]["doc"] == "a");
  CHECK(docs[0]["anchor"] == "2025-08-12");
  CHECK(docs[1]["anchor"] == "2025-08-19");
  CHECK(docs[1]["timexes"].empty());
}

TEST_CASE("tag output is byte-identical for every thread count", "[e2e][tag]") {
  const std::string inputs = std::string(RECKON_EXAMPLES) + "/articles";
  const auto one = run("tag --threads 1 '" + inputs + "'");
  const auto two = run("tag --threads 2 '" + inputs + "'");
  const auto many = run("tag --threads 7 '" + inputs + "'");
  REQUIRE(one.exit_code == 0);
  CHECK(one.out == two.out);
  CHECK(one.out == many.out);
}

TEST_CASE("a failed run leaves an existing output file untouched", "[e2e][output]") {
  const auto dir = reckon::e2e::scratch_dir("keep");
  const auto out = dir / "out.jsonl";
  std::ofstream(out) << "previous result\n";
  const auto r = run("tag -o '" + out.string() + "' " + fixture("e2e/plain.txt") + " /nonexistent/x.txt");
  CHECK(r.exit_code == 2);
  CHECK(reckon::e2e::slurp(out) == "previous result\n");
  CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);
  const auto ok = run("tag -o '" + out.string() + "' " + fixture("e2e/plain.txt"));
  CHECK(ok.exit_code == 0);
  CHECK_THAT(reckon::e2e::slurp(out), Catch::StartsWith("{\"doc\":\"plain.txt\""));
  std::filesystem::remove_all(dir);
}

TEST_CASE("eval timeml scores a TimeML file against its own gold", "[e2e][eval]") {
  const auto r = run("eval timeml --format json " + fixture("e2e/sample.tml"));
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["documents"] == 1);
  CHECK(j["gold"] == 3);
  CHECK(j["relaxed"]["f1"].get<double>() >= 0.0);
}
