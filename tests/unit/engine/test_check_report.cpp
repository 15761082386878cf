#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/check_report.hpp"
#include "tests/unit/engine/test_claims_support.hpp"

using namespace reckon;
using namespace reckon::test;
using Catch::Contains;

namespace {

// One passing, one failing and one undecidable claim against the hand-made timeline.
std::vector<ClaimResult> sample_results() {
  auto bad = claim("summit-in-2024", summit, assertion::On{year_period(2024)});
  bad.where = {7, 1};
  auto vague = claim("vague", select(std::nullopt, {"Donald Trump"}), assertion::On{year_period(2025)});
  vague.where = {12, 3};
  vague.file = "ci/claims, v2.toml";
  return check_claims(alaska_timeline(),
                      {claim("summit-day", summit, assertion::On{day_period(2025, 8, 15)}), bad, vague}, {});
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A minimal XML reader, enough to check that a report is well formed and to read it back:
// elements, attributes with the five predefined entities and character references, text.
struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::vector<XmlElement> children;
  std::string text;
};

class XmlParser {
 public:
  explicit XmlParser(std::string s) : s_(std::move(s)) {}

  XmlElement document() {
    skip_space();
    if (s_.compare(pos_, 5, "<?xml") == 0) pos_ = s_.find("?>", pos_) + 2;
    skip_space();
    XmlElement root = element();
    skip_space();
    if (pos_ != s_.size()) throw std::runtime_error("content after the root element");
    return root;
  }

 private:
  XmlElement element() {
    expect('<');
    XmlElement e;
    e.name = name();
    for (;;) {
      skip_space();
      if (peek() == '/') {
        ++pos_;
        expect('>');
        return e;
      }
      if (peek() == '>') {
        ++pos_;
        break;
      }
      const std::string key = name();
      expect('=');
      expect('"');
      const std::size_t end = s_.find('"', pos_);
      if (end == std::string::npos) throw std::runtime_error("unterminated attribute");
      const std::string raw = s_.substr(pos_, end - pos_);
      if (raw.find('<') != std::string::npos) throw std::runtime_error("'<' in an attribute");
      if (!e.attributes.emplace(key, unescape(raw)).second)
        throw std::runtime_error("duplicate attribute " + key);
      pos_ = end + 1;
    }
    for (;;) {
      if (pos_ >= s_.size()) throw std::runtime_error("unclosed element " + e.name);
      if (s_.compare(pos_, 2, "</") == 0) {
        pos_ += 2;
        if (name() != e.name) throw std::runtime_error("mismatched end tag for " + e.name);
        skip_space();
        expect('>');
        return e;
      }
      if (peek() == '<') {
        e.children.push_back(element());
      } else {
        const std::size_t end = s_.find('<', pos_);
        e.text += unescape(s_.substr(pos_, end - pos_));
        pos_ = end;
      }
    }
  }

  std::string unescape(const std::string& raw) {
    std::string out;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '&') {
        if (raw[i] == '>' || (static_cast<unsigned char>(raw[i]) < 0x20 && raw[i] != '\n' && raw[i] != '\t'))
          throw std::runtime_error("character that must be escaped");
        out += raw[i];
        continue;
      }
      const std::size_t semi = raw.find(';', i);
      if (semi == std::string::npos) throw std::runtime_error("bare '&'");
      const std::string entity = raw.substr(i + 1, semi - i - 1);
      static const std::map<std::string, std::string> named = {
          {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
      if (const auto it = named.find(entity); it != named.end())
        out += it->second;
      else if (entity.size() > 1 && entity[0] == '#')
        out += static_cast<char>(std::stoi(entity.substr(1)));
      else
        throw std::runtime_error("unknown entity &" + entity + ";");
      i = semi;
    }
    return out;
  }

  std::string name() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_' || s_[pos_] == '-'))
      ++pos_;
    if (pos_ == start) throw std::runtime_error("expected a name at " + std::to_string(pos_));
    return s_.substr(start, pos_ - start);
  }
  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  void expect(char c) {
    if (peek() != c) throw std::runtime_error(std::string("expected '") + c + "' at " + std::to_string(pos_));
    ++pos_;
  }
  void skip_space() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }

  std::string s_;
  std::size_t pos_ = 0;
};

}  // namespace

TEST_CASE("the text report gives one line per claim and the evidence under each failure", "[check_report]") {
  const auto lines = lines_of(check_report_text(sample_results()));
  REQUIRE(lines.size() >= 6);
  CHECK(lines[0] == "PASS summit-day: E2 (summit: Donald Trump, Vladimir Putin) is on 2025-08-15");
  CHECK(lines[1] ==
        "FAIL summit-in-2024: E2 (summit: Donald Trump, Vladimir Putin) is on 2025-08-15, not in 2024 "
        "\u2014 reported by a.txt, b.txt");
  CHECK(lines[2] == "  at claims.toml:7:1");
  CHECK(lines[3] ==
        "  - E2 a.txt sentence 2, \"summit\" \u2192 2025-08-15: \"The summit between Donald Trump and "
        "Vladimir Putin took place in Anchorage on Friday.\"");
  CHECK(lines[4] ==
        "  - E2 b.txt sentence 2, \"summit\" \u2192 2025-08-15: \"Trump and Putin met at a summit in Alaska "
        "on Friday.\"");
  CHECK_THAT(lines[5], Catch::StartsWith("ERROR vague: 2 events match"));
  CHECK(lines.back() == "3 claims: 1 passed, 1 failed, 1 undecided (selector errors)");
}

TEST_CASE("the JSON report lists every claim with status, message and evidence, and a summary",
          "[check_report]") {
  const auto j = nlohmann::json::parse(check_report_json(sample_results()));
  REQUIRE(j["claims"].size() == 3);
  CHECK(j["claims"][0]["status"] == "pass");
  CHECK(j["claims"][1]["id"] == "summit-in-2024");
  CHECK(j["claims"][1]["status"] == "fail");
  CHECK(j["claims"][1]["line"] == 7);
  CHECK(j["claims"][1]["evidence"][0]["doc"] == "a.txt");
  CHECK(j["claims"][1]["evidence"][0]["sentence"] == 2);
  CHECK(j["claims"][1]["evidence"][0]["timex"] == "2025-08-15");
  CHECK(j["claims"][2]["status"] == "error");
  CHECK(j["claims"][2]["evidence"][0]["doc"].is_null());
  CHECK(j["claims"][2]["evidence"][0]["event"] == "E2");
  CHECK(j["summary"] == nlohmann::json{{"total", 3}, {"passed", 1}, {"failed", 1}, {"errors", 1}});
}

TEST_CASE("the JUnit report is well-formed XML with one testcase per claim and a failure per failing claim",
          "[check_report]") {
  const XmlElement root = XmlParser(check_report_junit(sample_results())).document();
  CHECK(root.name == "testsuites");
  REQUIRE(root.children.size() == 1);
  const XmlElement& suite = root.children[0];
  CHECK(suite.name == "testsuite");
  CHECK(suite.attributes.at("name") == "reckon check");
  CHECK(suite.attributes.at("tests") == "3");
  CHECK(suite.attributes.at("failures") == "2");
  REQUIRE(suite.children.size() == 3);
  CHECK(suite.children[0].attributes.at("name") == "summit-day");
  CHECK(suite.children[0].attributes.at("classname") == "claims");
  CHECK(suite.children[0].children.empty());
  const XmlElement& failed = suite.children[1];
  REQUIRE(failed.children.size() == 1);
  CHECK(failed.children[0].name == "failure");
  CHECK(failed.children[0].attributes.at("type") == "fail");
  CHECK_THAT(failed.children[0].attributes.at("message"), Contains("not in 2024"));
  CHECK_THAT(failed.children[0].text, Contains("claims.toml:7:1") && Contains("a.txt sentence 2"));
  CHECK(suite.children[2].children.at(0).attributes.at("type") == "error");
}

TEST_CASE("the JUnit report escapes markup in ids, messages and evidence", "[check_report]") {
  ClaimResult r;
  r.id = "a<b>&\"c\"";
  r.status = ClaimStatus::fail;
  r.message = "x < y & 'z'\nsecond line";
  r.evidence.push_back({"E1", "call", "d&d.txt", 1, "<p>quoted \"text\"</p>\x01", "call", ""});
  const XmlElement root = XmlParser(check_report_junit({r})).document();
  const XmlElement& test = root.children.at(0).children.at(0);
  CHECK(test.attributes.at("name") == r.id);
  CHECK(test.children.at(0).attributes.at("message") == r.message);
  CHECK_THAT(test.children.at(0).text, Contains("d&d.txt") && Contains("<p>quoted \"text\"</p>\xEF\xBF\xBD"));
}

TEST_CASE("the GitHub report annotates each failing claim at its line and ends with a notice",
          "[check_report]") {
  const auto lines = lines_of(check_report_github(sample_results()));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] ==
        "::error file=claims.toml,line=7,col=1,title=summit-in-2024::E2 (summit: Donald Trump, Vladimir "
        "Putin) is on "
        "2025-08-15, not in 2024 \u2014 reported by a.txt, b.txt%0A- E2 a.txt sentence 2, \"summit\" \u2192 "
        "2025-08-15: "
        "\"The summit between Donald Trump and Vladimir Putin took place in Anchorage on Friday.\"%0A- E2 "
        "b.txt sentence "
        "2, \"summit\" \u2192 2025-08-15: \"Trump and Putin met at a summit in Alaska on Friday.\"");
  CHECK_THAT(lines[1], Catch::StartsWith(
                           "::error file=ci/claims%2C v2.toml,line=12,col=3,title=vague::2 events match"));
  CHECK(lines[2] ==
        "::notice title=reckon check::3 claims: 1 passed, 1 failed, 1 undecided (selector errors)");
}

TEST_CASE(
    "GitHub workflow-command values escape percent signs and line breaks, properties also colons and commas",
    "[check_report]") {
  CHECK(github_escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b");
  CHECK(github_escape_property("dir:a,b%\n") == "dir%3Aa%2Cb%25%0A");
}

TEST_CASE("a report with every claim passing has no GitHub errors, only the notice", "[check_report]") {
  const auto results = check_claims(alaska_timeline(), {claim("ok", summit, assertion::Exists{true})}, {});
  CHECK(check_report_github(results) == "::notice title=reckon check::1 claim: 1 passed, 0 failed\n");
  CHECK(summarize(results).all_pass());
}

TEST_CASE("reports are the same bytes for the same results", "[check_report]") {
  const auto results = sample_results();
  CHECK(check_report_text(results) == check_report_text(sample_results()));
  CHECK(check_report_json(results) == check_report_json(sample_results()));
  CHECK(check_report_junit(results) == check_report_junit(sample_results()));
  CHECK(check_report_github(results) == check_report_github(sample_results()));
}
