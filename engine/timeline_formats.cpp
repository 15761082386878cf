// Markdown, CSV, TimelineJS3 and iCalendar renderings of a timeline.
#include <algorithm>
#include <set>

#include "engine/json_writer.hpp"
#include "engine/timeline_writers.hpp"

namespace reckon {
namespace {

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

std::vector<std::string> documents_of(const Timeline& t, const Event& e) {
  std::set<std::string> docs;
  for (std::size_t m : e.mentions) docs.insert(t.mentions[m].doc);
  return {docs.begin(), docs.end()};
}

std::string headline(const Event& e) {
  std::string h = e.type;
  if (!e.participants.empty()) h += ": " + joined(e.participants, ", ");
  if (e.place) h += " (" + *e.place + ")";
  return h;
}

// Markdown table cells: pipes escaped, line breaks folded.
std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// iCalendar TEXT values escape backslash, semicolon, comma and newline.
std::string ics_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') { out += '\\'; out += c; }
    else if (c == '\n') out += "\\n";
    else if (c != '\r') out += c;
  }
  return out;
}

// Content lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 sequence.
void ics_line(std::string& out, const std::string& line) {
  std::size_t at = 0, limit = 75;
  while (line.size() - at > limit) {
    std::size_t cut = at + limit;
    while (cut > at && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out.append(line, at, cut - at);
    out += "\r\n ";
    at = cut;
    limit = 74;  // the leading space counts
  }
  out.append(line, at, std::string::npos);
  out += "\r\n";
}

std::string compact_date(date::local_days d) { return date::format("%Y%m%d", d); }
std::string compact_time(date::local_seconds t) { return date::format("%Y%m%dT%H%M%S", t); }

bool whole_days(const Interval& i) {
  return date::floor<date::days>(i.begin) == i.begin && date::floor<date::days>(i.end) == i.end;
}

}  // namespace

std::string timeline_to_markdown(const Timeline& t) {
  std::string out = "# Timeline\n\n";
  out += std::to_string(t.events.size()) + " events from " + std::to_string(t.documents.size()) + " documents";
  out += t.conflicts.empty() ? ", no conflicting reports.\n\n" : ", " + std::to_string(t.conflicts.size()) + " conflicts.\n\n";
  out += "| # | when | event | participants | place | sources |\n|---|---|---|---|---|---|\n";
  for (const auto& e : t.events) {
    out += "| " + e.id + " | " + (e.interval ? e.when : std::string("undated")) + " | " + cell(e.type) +
           (e.modality == Modality::scheduled ? " (scheduled)" : "") + " | " + cell(joined(e.participants, ", ")) +
           " | " + cell(e.place.value_or("")) + " | " + cell(joined(documents_of(t, e), ", ")) + " |\n";
  }
  if (!t.conflicts.empty()) {
    out += "\n## Conflicts\n";
    for (const auto& c : t.conflicts) {
      out += "\n- **" + std::string(to_string(c.kind)) + "**" + (c.event ? " (" + t.events[*c.event].id + ")" : "") +
             ": " + c.message + "\n";
      for (const auto& side : c.sides)
        for (std::size_t m : side) {
          const Mention& mention = t.mentions[m];
          out += "  - " + mention.doc + ", sentence " + std::to_string(mention.sentence + 1) + ": \"" +
                 cell(std::string(t.sentence_texts[m])) + "\"";
          if (mention.time) out += " → `" + mention.time->value + "`";
          out += "\n";
        }
    }
  }
  out += "\n## Documents\n\n| document | anchor | from |\n|---|---|---|\n";
  for (const auto& d : t.documents)
    out += "| " + cell(d.id) + " | " + (d.anchor ? to_iso(*d.anchor) : std::string("none")) + " | " +
           to_string(d.anchor_source) + " |\n";
  return out;
}

std::string timeline_to_csv(const Timeline& t) {
  std::vector<std::string> conflicted(t.events.size());
  for (const auto& c : t.conflicts)
    if (c.event) conflicted[*c.event] += (conflicted[*c.event].empty() ? "" : ";") + std::string(to_string(c.kind));
  std::string out =
      "event,when,interval_start,interval_end,type,modality,participants,place,doc,sentence,trigger,trigger_start,"
      "trigger_end,expression,value,conflicts\r\n";
  for (std::size_t e = 0; e < t.events.size(); ++e) {
    const Event& ev = t.events[e];
    for (std::size_t m : ev.mentions) {
      const Mention& mention = t.mentions[m];
      const std::vector<std::string> fields = {
          ev.id,
          ev.interval ? ev.when : "",
          ev.interval ? local_time_text(ev.interval->begin) : "",
          ev.interval ? local_time_text(ev.interval->end) : "",
          ev.type,
          to_string(ev.modality),
          joined(ev.participants, "; "),
          ev.place.value_or(""),
          mention.doc,
          std::to_string(mention.sentence + 1),
          mention.trigger,
          std::to_string(mention.start),
          std::to_string(mention.end),
          std::string(t.timex_texts[m]),
          mention.time ? mention.time->value : "",
          conflicted[e]};
      std::string row;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) row += ',';
        row += csv_field(fields[i]);
      }
      out += row + "\r\n";
    }
  }
  return out;
}

std::string timeline_to_timelinejs(const Timeline& t) {
  std::string out;
  JsonWriter w(out);
  auto write_date = [&](const char* key, date::local_seconds when, bool with_time) {
    const date::local_days day = date::floor<date::days>(when);
    const date::year_month_day ymd{day};
    w.key(key).begin_object()
        .key("year").value(static_cast<int>(ymd.year()))
        .key("month").value(static_cast<int>(static_cast<unsigned>(ymd.month())))
        .key("day").value(static_cast<int>(static_cast<unsigned>(ymd.day())));
    if (with_time) {
      const date::hh_mm_ss hms{when - day};
      w.key("hour").value(static_cast<int>(hms.hours().count())).key("minute").value(static_cast<int>(hms.minutes().count()));
    }
    w.end_object();
  };
  w.begin_object().key("title").begin_object().key("text").begin_object()
      .key("headline").value("Timeline")
      .key("text").value(std::to_string(t.events.size()) + " events from " + std::to_string(t.documents.size()) + " documents")
      .end_object().end_object();
  w.key("events").begin_array();
  for (const auto& e : t.events) {
    if (!e.interval) continue;
    const bool days = whole_days(*e.interval);
    w.begin_object().key("unique_id").value(e.id);
    write_date("start_date", e.interval->begin, !days);
    if (e.interval->end - e.interval->begin > date::days{1})
      write_date("end_date", days ? e.interval->end - date::days{1} : e.interval->end, !days);
    std::string text = "Reported by " + joined(documents_of(t, e), ", ") + ".";
    w.key("text").begin_object().key("headline").value(headline(e)).key("text").value(text).end_object();
    w.key("group").value(e.type);
    w.end_object();
  }
  w.end_array().end_object();
  out += '\n';
  return out;
}

std::string timeline_to_ics(const Timeline& t) {
  // DTSTAMP must be present; the latest document anchor keeps the file deterministic.
  date::local_days stamp{};
  for (const auto& d : t.documents)
    if (d.anchor) stamp = std::max(stamp, d.anchor->day);
  std::string out;
  ics_line(out, "BEGIN:VCALENDAR");
  ics_line(out, "VERSION:2.0");
  ics_line(out, "PRODID:-//reckon//timeline//EN");
  ics_line(out, "CALSCALE:GREGORIAN");
  for (const auto& e : t.events) {
    if (!e.interval) continue;
    ics_line(out, "BEGIN:VEVENT");
    ics_line(out, "UID:" + e.id + "-" + compact_date(date::floor<date::days>(e.interval->begin)) + "@reckon");
    ics_line(out, "DTSTAMP:" + compact_date(stamp) + "T000000Z");
    if (whole_days(*e.interval)) {
      ics_line(out, "DTSTART;VALUE=DATE:" + compact_date(date::floor<date::days>(e.interval->begin)));
      ics_line(out, "DTEND;VALUE=DATE:" + compact_date(date::floor<date::days>(e.interval->end)));
    } else {
      ics_line(out, "DTSTART:" + compact_time(e.interval->begin));
      ics_line(out, "DTEND:" + compact_time(e.interval->end));
    }
    ics_line(out, "SUMMARY:" + ics_text(headline(e)));
    if (e.place) ics_line(out, "LOCATION:" + ics_text(*e.place));
    ics_line(out, "DESCRIPTION:" + ics_text("TIMEX3 " + e.when + "; reported by " + joined(documents_of(t, e), ", ")));
    ics_line(out, "END:VEVENT");
  }
  ics_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace reckon
