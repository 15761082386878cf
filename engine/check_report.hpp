#pragma once
// The report of `reckon check` in four formats, all deterministic (the same results give the
// same bytes): text for people, JSON for programs, JUnit XML for CI test views, and GitHub
// Actions workflow commands that annotate the claims file. docs/claims.md shows each.
#include <string>
#include <string_view>
#include <vector>

#include "engine/claims.hpp"

namespace reckon {

struct CheckSummary {
  std::size_t total = 0, passed = 0, failed = 0, errors = 0;
  bool all_pass() const noexcept { return passed == total; }
};

CheckSummary summarize(const std::vector<ClaimResult>& results);

// One line per claim ("PASS id: message"), the evidence of each failure indented below it, and
// a summary line.
std::string check_report_text(const std::vector<ClaimResult>& results);

// {"claims": [{"id", "description", "status", "message", "file", "line", "column", "evidence"}],
//  "summary": {"total", "passed", "failed", "errors"}}
std::string check_report_json(const std::vector<ClaimResult>& results);

// <testsuites><testsuite name="reckon check"> with one <testcase> per claim and a <failure> for
// each claim that fails or cannot be decided.
std::string check_report_junit(const std::vector<ClaimResult>& results);

// "::error file=F,line=L,col=C,title=ID::message" per failing claim, then a "::notice" summary.
std::string check_report_github(const std::vector<ClaimResult>& results);

// Escaping for the formats above, exposed for tests.
std::string xml_escape(std::string_view text);
std::string github_escape_data(std::string_view text);      // % CR LF
std::string github_escape_property(std::string_view text);  // % CR LF : ,

}  // namespace reckon
