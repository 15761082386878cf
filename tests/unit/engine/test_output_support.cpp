#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engine/atomic_file.hpp"
#include "engine/json_writer.hpp"
#include "engine/parallel.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path fresh_dir(const char* name) {
  const fs::path dir = fs::temp_directory_path() / ("reckon-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("a committed atomic file replaces the target and leaves no temporary", "[output]") {
  const auto dir = fresh_dir("commit");
  const auto target = dir / "out.json";
  std::ofstream(target) << "old";
  {
    reckon::AtomicFile f(target.string());
    f.write("new ");
    f.write("content");
    CHECK(slurp(target) == "old");  // not visible before commit
    f.commit();
  }
  CHECK(slurp(target) == "new content");
  CHECK(entries(dir) == 1);
  fs::remove_all(dir);
}

TEST_CASE("an uncommitted atomic file leaves the previous output intact and no temporary", "[output]") {
  const auto dir = fresh_dir("abandon");
  const auto target = dir / "out.json";
  std::ofstream(target) << "previous";
  {
    reckon::AtomicFile f(target.string());
    f.write("half a timel");
  }
  CHECK(slurp(target) == "previous");
  CHECK(entries(dir) == 1);
  fs::remove_all(dir);
}

TEST_CASE("an atomic file in a missing directory is an error naming the output", "[output]") {
  CHECK_THROWS_WITH(reckon::AtomicFile("/nonexistent-dir-for-reckon/out.json"),
                    Catch::Contains("directory '/nonexistent-dir-for-reckon' does not exist"));
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters and keep UTF-8", "[output]") {
  std::string out;
  reckon::append_json_string(out, "a\"b\\c\nd\x01 \xE2\x80\x9C");
  CHECK(out == "\"a\\\"b\\\\c\\nd\\u0001 \xE2\x80\x9C\"");
}

TEST_CASE("JSON strings escape every special byte wherever it stands in a long string", "[output]") {
  // Each byte that needs escaping, at each offset of a 40-byte string of plain and UTF-8 text,
  // against the escaping written out byte by byte.
  auto const reference = [](std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
      auto const c = static_cast<unsigned char>(ch);
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == 0x01) out += "\\u0001";
      else if (c == 0x1F) out += "\\u001f";
      else out += ch;
    }
    return out + "\"";
  };
  const std::string base = "plain text \xC3\xA9t\xC3\xA9 and more plain text!!";
  for (char special : {'"', '\\', '\n', '\x01', '\x1F'}) {
    for (std::size_t at = 0; at < base.size(); ++at) {
      std::string s = base;
      s[at] = special;
      std::string out;
      reckon::append_json_string(out, s);
      INFO("byte " << static_cast<int>(special) << " at " << at);
      CHECK(out == reference(s));
    }
  }
  std::string out;
  reckon::append_json_string(out, base);
  CHECK(out == "\"" + base + "\"");
}

TEST_CASE("the JSON writer separates members and elements with commas", "[output]") {
  std::string out;
  reckon::JsonWriter w(out);
  w.begin_object().key("a").value(1).key("b").begin_array().value("x").value(true).null().end_array()
      .key("c").fixed(0.5, 2).end_object();
  CHECK(out == R"({"a":1,"b":["x",true,null],"c":0.50})");
}

TEST_CASE("parallel_map keeps input order for any thread count", "[parallel]") {
  std::vector<int> items(1000);
  for (int i = 0; i < 1000; ++i) items[static_cast<std::size_t>(i)] = i;
  for (unsigned threads : {1u, 2u, 7u}) {
    const auto out = reckon::parallel_map<int>(items, threads, [](int x) { return x * x; });
    REQUIRE(out.size() == items.size());
    CHECK(out[999] == 999 * 999);
    CHECK(std::is_sorted(out.begin(), out.end()));
  }
}

TEST_CASE("parallel_map rethrows the first failure in input order", "[parallel]") {
  const std::vector<int> items{1, 2, 3, 4};
  CHECK_THROWS_WITH(reckon::parallel_map<int>(items, 3,
                                              [](int x) -> int {
                                                if (x >= 2) throw std::runtime_error("item " + std::to_string(x));
                                                return x;
                                              }),
                    "item 2");
}
