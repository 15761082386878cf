#pragma once
// Reading a timeline JSON file (schema version 1, docs/timeline-format.md) back into a Timeline,
// so `reckon check --timeline` can check claims against a timeline written earlier. Reading what
// timeline_to_json wrote and writing it again gives the same bytes.
#include <string>
#include <string_view>

#include "engine/timeline.hpp"

namespace reckon {

// Throws SourceError naming `path_for_errors`, line and column: for malformed JSON at the byte
// where parsing stopped; for a missing or mistyped field, a wrong version or an unknown name, at
// the value at fault (or its enclosing object when the field is missing).
Timeline parse_timeline_json(std::string_view json_text, const std::string& path_for_errors);

// Reads the file; a file that cannot be read is a SourceError without a position.
Timeline read_timeline_file(const std::string& path);

}  // namespace reckon
