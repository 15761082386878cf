// Output files that are complete or untouched: the temporary is invisible while it is written,
// several files appear together, and failures leave nothing behind.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "engine/atomic_file.hpp"
#include "engine/source_error.hpp"

namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("reckon-atomic-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("an output being written is invisible in its directory until commit", "[output][atomic]") {
  const auto dir = scratch("invisible");
  {
    reckon::AtomicFile out((dir / "out.json").string());
    out.write(std::string(100000, 'x'));
    CHECK(names_in(dir).empty());
    out.commit();
  }
  CHECK(names_in(dir) == std::vector<std::string>{"out.json"});
  CHECK(read(dir / "out.json").size() == 100000);
  fs::remove_all(dir);
}

TEST_CASE("staged files appear together at commit, and not at all without it", "[output][atomic]") {
  const auto dir = scratch("staged");
  std::ofstream(dir / "a.tml") << "old a";
  {
    reckon::StagedFiles files;
    files.add((dir / "a.tml").string(), "new a");
    files.add((dir / "b.tml").string(), std::string(3 << 20, 'b'));
    CHECK(names_in(dir) == std::vector<std::string>{"a.tml"});
  }
  CHECK(read(dir / "a.tml") == "old a");
  CHECK(names_in(dir) == std::vector<std::string>{"a.tml"});
  {
    reckon::StagedFiles files;
    files.add((dir / "a.tml").string(), "new a");
    files.add((dir / "b.tml").string(), std::string(3 << 20, 'b'));
    files.commit();
  }
  CHECK(read(dir / "a.tml") == "new a");
  CHECK(read(dir / "b.tml") == std::string(3 << 20, 'b'));
  CHECK(names_in(dir) == std::vector<std::string>{"a.tml", "b.tml"});
  fs::remove_all(dir);
}

TEST_CASE("an output path is checked before any work", "[output][atomic]") {
  const auto dir = scratch("check");
  std::ofstream(dir / "file") << "x";
  const auto message = [](const std::string& path) {
    try {
      reckon::check_output_path(path);
    } catch (const reckon::SourceError& error) {
      CHECK(error.file() == path);
      CHECK(error.where().line == 0);
      return std::string(error.what());
    }
    return std::string();
  };
  CHECK(message("-").empty());
  CHECK(message((dir / "new.json").string()).empty());
  CHECK_THAT(message(dir.string()), Catch::StartsWith("is a directory"));
  CHECK_THAT(message((dir / "missing" / "x.json").string()), Catch::Contains("does not exist"));
  CHECK_THAT(message((dir / "file" / "x.json").string()), Catch::Contains("is not a directory"));
  CHECK_THROWS_AS(reckon::StagedFiles().add((dir / "missing" / "x.tml").string(), "x"), reckon::SourceError);
  fs::remove_all(dir);
}
