#pragma once
// The JSON Lines reader's fast path: a JSON object whose members are all strings, true, false or
// null ({"id": "...", "text": "...", "published": "..."}), the shape of nearly every line,
// decoded in one pass over the bytes. Anything else (numbers, nested values, duplicate keys,
// anything malformed) gives nullopt, and the caller parses the line the general way, which also
// words the errors. For the inputs it accepts, the value equals nlohmann::json::parse's.
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace reckon {

std::optional<nlohmann::json> parse_flat_json_object(std::string_view line);

}  // namespace reckon
