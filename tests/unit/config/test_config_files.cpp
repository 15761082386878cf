// Reading configuration files from disk: what is wrong with the file itself.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "config/load.hpp"

using reckon::config::ConfigError;
namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("reckon-config-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

ConfigError load_error(const fs::path& path) {
  try {
    reckon::config::load_settings(path);
  } catch (const ConfigError& error) {
    return error;
  }
  FAIL("no error for " << path);
  throw;
}

}  // namespace

TEST_CASE("invalid UTF-8 in a config file is an error at its byte, as in documents", "[config][file]") {
  const auto dir = scratch("utf8");
  std::ofstream(dir / "reckon.toml", std::ios::binary) << "[named]\n\"\xc3\xa9t\xc3\xa9 \xff\" = \"2025-08-12\"\n";
  const ConfigError error = load_error(dir / "reckon.toml");
  fs::remove_all(dir);
  CHECK(error.line() == 2);
  CHECK(error.column() == 8);
  CHECK(std::string(error.what()) == "invalid UTF-8 byte 0xff (expected UTF-8 text)");
}

TEST_CASE("a config file is not read past 16 MiB", "[config][file]") {
  const ConfigError error = load_error("/dev/zero");
  CHECK(error.line() == 1);
  CHECK(error.column() == (std::size_t{16} << 20) + 1);
  CHECK_THAT(error.what(), Catch::Matchers::StartsWith("file is larger than 16 MiB"));
}

TEST_CASE("a missing config file or a directory is an error about the whole file", "[config][file]") {
  const auto dir = scratch("dir");
  CHECK(std::string(load_error(dir / "none.toml").what()) == "no such file");
  CHECK_THAT(load_error(dir).what(), Catch::Matchers::StartsWith("is a directory"));
  CHECK(load_error(dir).line() == 0);
  fs::remove_all(dir);
}
