#include "engine/tag_output.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "engine/json_writer.hpp"
#include "engine/source_error.hpp"

namespace reckon {
namespace {

std::string_view span(const Document& d, const Timex& t) {
  return std::string_view(d.text).substr(t.start, t.end - t.start);
}

void append_xml_escaped(std::string& out, std::string_view s, bool attribute) {
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute) {
          out += "&quot;";
          break;
        }
        [[fallthrough]];
      default: out += c;
    }
  }
}

void append_attribute(std::string& out, std::string_view name, std::string_view value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_xml_escaped(out, value, true);
  out += '"';
}

// Line and column of offsets in increasing order, each counted on from the one before: a
// document with many timexes on one long line is read once, not once per timex.
class PositionCursor {
 public:
  explicit PositionCursor(std::string_view text) : text_(text) {}

  SourcePosition at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < offset_) *this = PositionCursor(text_);
    for (; offset_ < offset; ++offset_) {
      if (text_[offset_] == '\n') {
        ++line_;
        line_start_ = offset_ + 1;
      }
    }
    return {line_, offset - line_start_ + 1};
  }

 private:
  std::string_view text_;
  std::size_t offset_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;
};

}  // namespace

void append_tag_jsonl(std::string& out, const Document& document, const std::vector<Timex>& timexes) {
  JsonWriter w(out);
  w.begin_object().key("doc").value(document.id).key("anchor");
  if (document.anchor) w.value(to_iso(*document.anchor));
  else w.null();
  w.key("timexes").begin_array();
  for (const Timex& t : timexes) {
    w.begin_object()
        .key("start").value(static_cast<std::uint64_t>(t.start))
        .key("end").value(static_cast<std::uint64_t>(t.end))
        .key("text").value(span(document, t))
        .key("type").value(to_string(t.type))
        .key("value").value(t.value);
    if (!t.mod.empty()) w.key("mod").value(t.mod);
    if (t.quant) w.key("quant").value(*t.quant);
    if (t.freq) w.key("freq").value(*t.freq);
    if (t.has_problem()) w.key("problem").value(to_string(t.problem));
    w.end_object();
  }
  w.end_array().end_object();
  out += '\n';
}

void append_tag_text(std::string& out, const Document& document, const std::vector<Timex>& timexes) {
  out += "# ";
  out += document.id;
  out += document.anchor ? "  (anchor " + to_iso(*document.anchor) + ")" : std::string("  (no anchor)");
  out += '\n';
  PositionCursor positions(document.text);
  for (const Timex& t : timexes) {
    const SourcePosition at = positions.at(t.start);
    out += std::to_string(at.line) + ':' + std::to_string(at.column);
    out += '\t';
    out += to_string(t.type);
    out += '\t';
    out += t.value;
    out += '\t';
    out += t.mod;
    out += '\t';
    out += span(document, t);
    out += '\n';
  }
  out += '\n';
}

std::string to_timeml(const Document& document, const std::vector<Timex>& timexes) {
  std::string out = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>";
  append_xml_escaped(out, document.docid.empty() ? document.id : document.docid, false);
  out += "</DOCID>\n";
  if (document.anchor) {
    const std::string dct = to_iso(*document.anchor);
    out += "<DCT><TIMEX3 tid=\"t0\"";
    append_attribute(out, "type", document.anchor->time_of_day ? "TIME" : "DATE");
    append_attribute(out, "value", dct);
    out += " temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">";
    out += dct;
    out += "</TIMEX3></DCT>\n";
  }
  out += "<TEXT>";
  std::size_t at = 0;
  std::size_t tid = 1;
  for (const Timex& t : timexes) {
    append_xml_escaped(out, std::string_view(document.text).substr(at, t.start - at), false);
    out += "<TIMEX3";
    std::string id = "t";
    id += std::to_string(tid++);
    append_attribute(out, "tid", id);
    append_attribute(out, "type", to_string(t.type));
    append_attribute(out, "value", t.value);
    if (!t.mod.empty()) append_attribute(out, "mod", t.mod);
    if (t.quant) append_attribute(out, "quant", *t.quant);
    if (t.freq) append_attribute(out, "freq", *t.freq);
    out += '>';
    append_xml_escaped(out, span(document, t), false);
    out += "</TIMEX3>";
    at = t.end;
  }
  append_xml_escaped(out, std::string_view(document.text).substr(at), false);
  out += "</TEXT>\n</TimeML>\n";
  return out;
}

}  // namespace reckon
