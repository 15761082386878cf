#pragma once
// Glob patterns for [anchors] keys, matched against document ids ('/'-separated paths):
//   *      any run of characters except '/'
//   **     any run of characters including '/'; "**/" also matches no directory at all
//   ?      one character (a whole UTF-8 sequence) except '/'
//   [abc] [a-z] [!a-z] [^a-z]   one character from (or not from) a set; ']' first is literal
//   \c     the character c itself
#include <optional>
#include <string>
#include <string_view>

namespace reckon::config {

// True when `pattern` uses any glob syntax (*, ?, [ or \); such a key is a glob, not a name.
bool is_glob(std::string_view pattern) noexcept;

// What is wrong with a pattern ("unclosed '[' at character 4"), or nullopt when it is valid.
std::optional<std::string> glob_error(std::string_view pattern);

// Whether `text` matches `pattern` as a whole. An invalid pattern matches nothing.
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace reckon::config
