#pragma once
// The JSON Lines reader's fast path: a JSON object whose members are all strings, true, false or
// null ({"id": "...", "text": "...", "published": "..."}), the shape of nearly every line,
// decoded in one pass over the bytes. Anything else (numbers, nested values, duplicate keys,
// anything malformed) gives nullopt, and the caller parses the line the general way, which also
// words the errors. For the inputs it accepts, the value equals nlohmann::json::parse's, given
// that the line is valid UTF-8 (the JSON Lines reader checks or repairs every line first; this
// parser does not look at the bytes inside strings).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon {

struct FlatJsonObject {
  nlohmann::json value;
  // Where each member's value starts in the line (its opening quote, or the literal), so that a
  // caller can point into the line without scanning it again.
  std::vector<std::pair<std::string, std::size_t>> value_offsets;

  std::optional<std::size_t> offset_of(std::string_view key) const;
};

std::optional<FlatJsonObject> parse_flat_json_object(std::string_view line);

}  // namespace reckon
