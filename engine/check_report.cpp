#include "engine/check_report.hpp"

#include <cstdint>

#include "engine/json_writer.hpp"

namespace reckon {
namespace {

// Text content keeps its line breaks; attribute values must encode them to keep them.
std::string escape_xml(std::string_view text, bool attribute);

bool failing(const ClaimResult& r) { return r.status != ClaimStatus::pass; }

std::string status_word(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::pass:
      return "PASS";
    case ClaimStatus::fail:
      return "FAIL";
    case ClaimStatus::error:
      return "ERROR";
  }
  return "?";
}

std::string location(const ClaimResult& r) {
  std::string out = r.file;
  if (r.line > 0) {
    out += ':';
    out += std::to_string(r.line);
    out += ':';
    out += std::to_string(r.column);
  }
  return out;
}

// One piece of evidence on one line: `E2 01-call.txt sentence 1, "spoke" → 2026-03-09: "Varga spoke ..."`.
std::string evidence_line(const ClaimEvidence& e) {
  std::string line = e.event;
  if (e.doc.empty()) return line + (e.event_summary.empty() ? "" : " (" + e.event_summary + ")");
  if (!line.empty()) line += ' ';
  line += e.doc;
  if (e.sentence > 0) line += " sentence " + std::to_string(e.sentence);
  if (!e.text.empty()) line += ", \"" + e.text + "\"";
  if (!e.timex.empty()) line += " \u2192 " + e.timex;
  if (!e.sentence_text.empty()) line += ": \"" + e.sentence_text + "\"";
  return line;
}

std::string evidence_block(const ClaimResult& r, std::string_view indent) {
  std::string out;
  for (const auto& e : r.evidence) {
    out += indent;
    out += evidence_line(e);
    out += '\n';
  }
  return out;
}

std::string summary_line(const CheckSummary& s) {
  std::string line = std::to_string(s.total) + (s.total == 1 ? " claim: " : " claims: ") +
                     std::to_string(s.passed) + " passed, " + std::to_string(s.failed) + " failed";
  if (s.errors > 0) line += ", " + std::to_string(s.errors) + " undecided (selector errors)";
  return line;
}

// A string value, or null when empty.
void string_or_null(JsonWriter& w, const std::string& s) {
  if (s.empty())
    w.null();
  else
    w.value(s);
}

}  // namespace

CheckSummary summarize(const std::vector<ClaimResult>& results) {
  CheckSummary s;
  s.total = results.size();
  for (const auto& r : results) {
    if (r.status == ClaimStatus::pass) ++s.passed;
    if (r.status == ClaimStatus::fail) ++s.failed;
    if (r.status == ClaimStatus::error) ++s.errors;
  }
  return s;
}

std::string check_report_text(const std::vector<ClaimResult>& results) {
  std::string out;
  for (const auto& r : results) {
    out += status_word(r.status) + " " + r.id + ": " + r.message + '\n';
    if (!failing(r)) continue;
    out += "  at " + location(r) + '\n';
    out += evidence_block(r, "  - ");
  }
  out += summary_line(summarize(results)) + '\n';
  return out;
}

std::string check_report_json(const std::vector<ClaimResult>& results) {
  std::string out;
  JsonWriter w(out);
  w.begin_object().key("claims").begin_array();
  for (const auto& r : results) {
    // clang-format off
    w.begin_object()
        .key("id").value(r.id)
        .key("description").value(r.description)
        .key("status").value(to_string(r.status))
        .key("message").value(r.message)
        .key("file").value(r.file)
        .key("line").value(static_cast<std::uint64_t>(r.line))
        .key("column").value(static_cast<std::uint64_t>(r.column));
    // clang-format on
    w.key("evidence").begin_array();
    for (const auto& e : r.evidence) {
      w.begin_object().key("event");
      string_or_null(w, e.event);
      w.key("event_summary").value(e.event_summary).key("doc");
      string_or_null(w, e.doc);
      w.key("sentence");
      if (e.sentence == 0)
        w.null();
      else
        w.value(static_cast<std::uint64_t>(e.sentence));
      w.key("sentence_text").value(e.sentence_text).key("text").value(e.text).key("timex");
      string_or_null(w, e.timex);
      w.end_object();
    }
    w.end_array().end_object();
  }
  const CheckSummary s = summarize(results);
  // clang-format off
  w.end_array()
      .key("summary").begin_object()
      .key("total").value(static_cast<std::uint64_t>(s.total))
      .key("passed").value(static_cast<std::uint64_t>(s.passed))
      .key("failed").value(static_cast<std::uint64_t>(s.failed))
      .key("errors").value(static_cast<std::uint64_t>(s.errors))
      .end_object().end_object();
  // clang-format on
  out += '\n';
  return out;
}

std::string check_report_junit(const std::vector<ClaimResult>& results) {
  const CheckSummary s = summarize(results);
  const std::string counts = " tests=\"" + std::to_string(s.total) + "\" failures=\"" +
                             std::to_string(s.failed + s.errors) + "\" errors=\"0\"";
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<testsuites name=\"reckon check\"" + counts + ">\n";
  out += "  <testsuite name=\"reckon check\"" + counts + ">\n";
  for (const auto& r : results) {
    out += "    <testcase name=\"" + xml_escape(r.id) + "\" classname=\"claims\"";
    if (!failing(r)) {
      out += "/>\n";
      continue;
    }
    out +=
        ">\n      <failure message=\"" + xml_escape(r.message) + "\" type=\"" + to_string(r.status) + "\">";
    out += escape_xml(location(r) + '\n' + r.message + '\n' + evidence_block(r, "- "), false);
    out += "</failure>\n    </testcase>\n";
  }
  out += "  </testsuite>\n</testsuites>\n";
  return out;
}

std::string check_report_github(const std::vector<ClaimResult>& results) {
  std::string out;
  for (const auto& r : results) {
    if (!failing(r)) continue;
    out += "::error ";
    if (!r.file.empty()) out += "file=" + github_escape_property(r.file) + ",";
    if (r.line > 0) out += "line=" + std::to_string(r.line) + ",col=" + std::to_string(r.column) + ",";
    out += "title=" + github_escape_property(r.id) + "::";
    std::string message = r.message;
    if (!r.evidence.empty()) message += '\n' + evidence_block(r, "- ");
    while (!message.empty() && message.back() == '\n') message.pop_back();
    out += github_escape_data(message) + '\n';
  }
  out += "::notice title=reckon check::" + github_escape_data(summary_line(summarize(results))) + '\n';
  return out;
}

namespace {

std::string escape_xml(std::string_view text, bool attribute) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        // Other control characters are not allowed in XML 1.0, even as references.
        if (static_cast<unsigned char>(c) < 0x20)
          out += "\xEF\xBF\xBD";
        else
          out += c;
    }
  }
  return out;
}

}  // namespace

std::string xml_escape(std::string_view text) { return escape_xml(text, true); }

std::string github_escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string github_escape_property(std::string_view text) {
  std::string out;
  for (const char c : github_escape_data(text)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace reckon
