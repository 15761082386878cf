#include <cstdint>
#include <limits>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/ingest.hpp"

namespace reckon::cli {
namespace {

constexpr const char* size_forms = "expected a positive number of bytes such as 1048576, 64KiB, 256MiB or 1GiB";

// "1048576", "64k", "64KiB", "256 MiB", "1g": bytes, with binary units; case does not matter.
std::optional<std::uint64_t> parse_size(std::string text) {
  std::size_t at = 0;
  std::uint64_t value = 0;
  while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
    const auto digit = static_cast<std::uint64_t>(text[at++] - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  if (at == 0) return std::nullopt;
  while (at < text.size() && text[at] == ' ') ++at;
  std::string unit;
  for (; at < text.size(); ++at) unit += static_cast<char>(text[at] >= 'A' && text[at] <= 'Z' ? text[at] - 'A' + 'a' : text[at]);
  unsigned shift = 0;
  if (unit.empty() || unit == "b")
    shift = 0;
  else if (unit == "k" || unit == "kb" || unit == "kib")
    shift = 10;
  else if (unit == "m" || unit == "mb" || unit == "mib")
    shift = 20;
  else if (unit == "g" || unit == "gb" || unit == "gib")
    shift = 30;
  else
    return std::nullopt;
  if (value == 0 || value > (std::numeric_limits<std::uint64_t>::max() >> shift)) return std::nullopt;
  return value << shift;
}

// Turns the option's text into a number of bytes, or says what was expected.
const CLI::Validator byte_size{[](std::string& text) -> std::string {
                                 const auto bytes = parse_size(text);
                                 if (!bytes) return "'" + text + "' is not a size (" + size_forms + ")";
                                 if (*bytes > largest_max_document_bytes)
                                   return "'" + text + "' is more than the largest document reckon reads, " +
                                          std::to_string(largest_max_document_bytes) + " bytes (4GiB - 1)";
                                 text = std::to_string(*bytes);
                                 return {};
                               },
                               "BYTES"};

}  // namespace

void add_document_options(CLI::App& command, InputOptions& options) {
  command.add_option("--anchor", options.anchor,
                     "Anchor every document at this date or date-time (2025-08-12, 2025-08-12T13:06); "
                     "overrides the config and the documents' own dates");
  command.add_option("--threads", options.threads, "Worker threads (default: all cores); output is identical for every N")
      ->check(CLI::Range(1u, 1024u));
  command.add_flag("--lenient", options.lenient,
                   "Replace invalid UTF-8 with U+FFFD and go on instead of failing (with a warning per document)");
  command.add_flag("--keep-going", options.keep_going,
                   "Leave out documents with errors (each printed) and process the rest; exit 1 when any was left out");
  command.add_option("--max-document-bytes", options.max_document_bytes,
                     "Largest document (a file, or a JSON Lines line) accepted: bytes, or with a unit such as "
                     "64MiB (default: [defaults] max_document_bytes, else 256MiB)")
      ->transform(byte_size);
}

void add_input_options(CLI::App& command, InputOptions& options) {
  command.add_option("inputs", options.paths,
                     "Documents: files, directories (read recursively), or - for JSON Lines on stdin")
      ->required();
  command.add_option("--config", options.config_path,
                     "Config file (default: ./reckon.toml when it exists)");
  add_document_options(command, options);
}

}  // namespace reckon::cli
