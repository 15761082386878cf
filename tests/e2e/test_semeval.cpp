#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/e2e/run.hpp"

using nlohmann::json;
using reckon::e2e::fixture;
using reckon::e2e::run;
using reckon::e2e::scratch_dir;
using reckon::e2e::slurp;
namespace fs = std::filesystem;

namespace {

const fs::path trial = fs::path(RECKON_SHARED) / "data" / "timeline-trial";

// The target for the micro-F1 from raw text on the trial data (22.9 in docs/accuracy.md).
constexpr double kMinimumF1 = 20.0;

}  // namespace

TEST_CASE("reckon eval timeline scores a gold directory against itself at 100", "[e2e][semeval]") {
  const auto gold = scratch_dir("semeval-gold");
  const auto system = scratch_dir("semeval-system");
  const std::string timeline = "Steve Jobs\n1\t2005\t1-1-a\n2\t2006\t1-2-b\n";
  for (const auto& dir : {gold, system}) std::ofstream(dir / "steve_jobs.txt") << timeline;
  const auto r = run("eval timeline --format json '" + gold.string() + "' '" + system.string() + "'");
  REQUIRE(r.exit_code == 0);
  const json report = json::parse(r.out);
  CHECK(report["micro"]["f1"].get<double>() == Approx(100.0));
  CHECK(report["timelines"][0]["entity"] == "Steve Jobs");
  fs::remove_all(gold);
  fs::remove_all(system);
}

TEST_CASE("reckon timeline --format semeval needs an entity", "[e2e][semeval]") {
  const auto r = run("timeline --format semeval " + fixture("e2e"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--entity") != std::string::npos);
}

TEST_CASE("the SemEval-2015 Task 4 trial timelines from raw text reach the accuracy floor", "[e2e][semeval]") {
  if (!fs::is_directory(trial)) {
    WARN("no trial data at " << trial.string() << "; skipped");
    return;
  }
  const auto out = scratch_dir("semeval-out");
  const auto written = run("timeline --config '" + fixture("semeval/news-events.toml") +
                           "' --format semeval --semeval-window 80 --entities-from '" +
                           (trial / "gold-timelines").string() + "' -o '" + out.string() + "' '" +
                           (trial / "documents-timeml").string() + "'");
  REQUIRE(written.exit_code == 0);
  CHECK(fs::exists(out / "steve_jobs.txt"));
  CHECK(slurp(out / "steve_jobs.txt").rfind("Steve Jobs\n", 0) == 0);
  const auto r = run("eval timeline --format json '" + (trial / "gold-timelines").string() + "' '" + out.string() + "'");
  REQUIRE(r.exit_code == 0);
  const json report = json::parse(r.out);
  CHECK(report["timelines"].size() == 6);
  CHECK(report["micro"]["f1"].get<double>() >= kMinimumF1);
  fs::remove_all(out);
}
