#pragma once
// The timeline in the formats people and programs use. All writers are deterministic: the same
// Timeline gives the same bytes. docs/timeline-format.md documents the JSON schema.
#include <functional>
#include <string>
#include <string_view>

#include "engine/timeline.hpp"

namespace reckon {

inline constexpr int timeline_schema_version = 1;

std::string timeline_to_json(const Timeline& timeline);        // the reference format
// The same bytes handed to `sink` in pieces of about a megabyte, so a large timeline is written
// without first being held whole in memory.
void write_timeline_json(const Timeline& timeline, const std::function<void(std::string_view)>& sink);
std::string timeline_to_markdown(const Timeline& timeline);    // for people
std::string timeline_to_csv(const Timeline& timeline);         // one row per mention, RFC 4180
std::string timeline_to_timelinejs(const Timeline& timeline);  // TimelineJS3 JSON, dated events
std::string timeline_to_ics(const Timeline& timeline);         // iCalendar (RFC 5545), dated events

// An interval bound as the writers print it, "YYYY-MM-DDTHH:MM:SS" (what date::format("%FT%T")
// writes), without date::format's stream: the JSON writes two per event, the CSV two per mention.
std::string local_time_text(date::local_seconds t);

}  // namespace reckon
