// Every TimeML file of the shared development data (TimeBank + AQUAINT, SemEval-2015 trial)
// ingests, and its gold spans agree with an independent reading of the raw tags.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/ingest.hpp"
#include "test_ingest_support.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in{path, std::ios::binary};
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> tml_files(const fs::path& directory) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(directory))
    if (entry.path().extension() == ".tml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// The raw <TEXT> element of a file.
std::string_view raw_text_element(std::string_view file) {
  const std::size_t open = file.find("<TEXT>");
  const std::size_t close = file.find("</TEXT>");
  return file.substr(open, close - open);
}

std::size_t count_of(std::string_view haystack, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1))
    ++count;
  return count;
}

// The inner text of each <TIMEX3 ...>...</TIMEX3> in order, tags removed, the entities of the
// data decoded: a second, naive reading to check the scanner against.
std::vector<std::string> raw_timex_texts(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t at = text.find("<TIMEX3"); at != std::string_view::npos;
       at = text.find("<TIMEX3", at + 1)) {
    const std::size_t inner = text.find('>', at) + 1;
    if (text[inner - 2] == '/') {
      out.emplace_back();
      continue;
    }
    const std::size_t end = text.find("</TIMEX3>", inner);
    std::string plain;
    bool in_tag = false;
    for (const char c : text.substr(inner, end - inner)) {
      if (c == '<')
        in_tag = true;
      else if (c == '>')
        in_tag = false;
      else if (!in_tag)
        plain += c;
    }
    for (std::size_t amp = plain.find("&amp;"); amp != std::string::npos; amp = plain.find("&amp;", amp + 1))
      plain.replace(amp, 5, 1, '&');
    out.push_back(plain);
  }
  return out;
}

void check_corpus(const fs::path& directory, std::size_t expected_files) {
  if (!fs::is_directory(directory)) {
    WARN("skipped: " << directory << " is absent");
    return;
  }
  const auto files = tml_files(directory);
  CHECK(files.size() == expected_files);
  for (const fs::path& path : files) {
    INFO(path.string());
    const std::string bytes = slurp(path);
    reckon::Document d;
    REQUIRE_NOTHROW(d = reckon::read_timeml(path.string(), path.filename().string(), bytes, {}));
    CHECK(d.anchor);
    CHECK_FALSE(d.docid.empty());
    CHECK_FALSE(d.text.empty());

    const std::string_view text_element = raw_text_element(bytes);
    CHECK(d.gold_timexes.size() == count_of(text_element, "<TIMEX3"));
    CHECK(d.gold_events.size() == count_of(text_element, "<EVENT"));
    const auto expected = raw_timex_texts(text_element);
    REQUIRE(expected.size() == d.gold_timexes.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const reckon::GoldTimex& timex = d.gold_timexes[i];
      CHECK(reckon::testing::span_text(d, timex.start, timex.end) == expected[i]);
      // The span maps back to the byte after its opening tag in the file.
      const std::size_t source = reckon::source_offset(d, timex.start);
      if (timex.start < timex.end) CHECK(bytes[source - 1] == '>');
    }
  }
}

}  // namespace

TEST_CASE("every TimeBank and AQUAINT file ingests with gold spans matching its tags",
          "[ingest][timeml][corpus]") {
  const fs::path root = fs::path(RECKON_SHARED) / "data" / "timeml-tbaq";
  check_corpus(root / "TimeBank", 183);
  check_corpus(root / "AQUAINT", 73);
}

TEST_CASE("every SemEval-2015 trial file ingests with gold spans matching its tags",
          "[ingest][timeml][corpus]") {
  const fs::path directory = fs::path(RECKON_SHARED) / "data" / "timeline-trial" / "documents-timeml";
  check_corpus(directory, 30);
}

TEST_CASE("the trial documents walk as a directory, in name order", "[ingest][timeml][corpus]") {
  const fs::path directory = fs::path(RECKON_SHARED) / "data" / "timeline-trial" / "documents-timeml";
  if (!fs::is_directory(directory)) {
    WARN("skipped: " << directory << " is absent");
    return;
  }
  const auto documents = reckon::read_all({directory.string()}, {});
  REQUIRE(documents.size() == 30);
  CHECK(std::is_sorted(documents.begin(), documents.end(),
                       [](const reckon::Document& a, const reckon::Document& b) { return a.id < b.id; }));
  for (const reckon::Document& d : documents) CHECK_FALSE(d.sentences.empty());
}
