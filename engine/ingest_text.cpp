// Plain text documents: UTF-8 checked, an optional "Key: value" header block at the top.
#include <algorithm>
#include <array>

#include "engine/ingest.hpp"
#include "engine/ingest_detail.hpp"

namespace reckon {
namespace {

using ingest_detail::fail;

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Keys that make a block of "Key: value" lines a header rather than the first lines of the story.
constexpr std::array<std::string_view, 13> known_keys = {
    "date",    "published", "title",    "source",  "url",  "author", "byline",
    "updated", "timezone",  "language", "section", "tags", "id"};

bool is_known_key(std::string_view key) {
  return std::any_of(known_keys.begin(), known_keys.end(),
                     [&](std::string_view known) { return ingest_detail::iequals(key, known); });
}

struct HeaderLine {
  HeaderField field;
  std::size_t value_offset = 0;  // scanned offset of the value's first byte
};

struct HeaderBlock {
  std::vector<HeaderLine> lines;
  std::size_t body_offset = 0;  // scanned offset where the body starts
};

// "Key: value", key = letter followed by letters, digits, '-' or '_'.
std::optional<HeaderLine> parse_header_line(std::string_view line, std::size_t line_offset) {
  if (line.empty() || !ingest_detail::is_alpha(line[0])) return std::nullopt;
  std::size_t colon = 1;
  while (colon < line.size() &&
         (ingest_detail::is_alpha(line[colon]) || ingest_detail::is_digit(line[colon]) ||
          line[colon] == '-' || line[colon] == '_'))
    ++colon;
  if (colon >= line.size() || line[colon] != ':' || colon > 32) return std::nullopt;
  std::size_t value = colon + 1;
  while (value < line.size() && (line[value] == ' ' || line[value] == '\t')) ++value;
  HeaderLine header;
  header.field.key = std::string(line.substr(0, colon));
  header.field.value = std::string(ingest_detail::trim(line.substr(value)));
  header.value_offset = line_offset + value;
  return header;
}

// The header block at `start`: consecutive "Key: value" lines, at least one with a known key,
// ended by a blank line. Anything else means there is no header and the body starts at `start`.
HeaderBlock find_header(std::string_view bytes, std::size_t start) {
  HeaderBlock block;
  std::size_t at = start;
  while (at < bytes.size()) {
    const std::size_t newline = bytes.find('\n', at);
    if (newline == std::string_view::npos) break;  // a header must be followed by a blank line
    std::string_view line = bytes.substr(at, newline - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (ingest_detail::all_space(line)) {
      const bool known = std::any_of(block.lines.begin(), block.lines.end(),
                                     [](const HeaderLine& h) { return is_known_key(h.field.key); });
      if (block.lines.empty() || !known) break;
      block.body_offset = newline + 1;
      return block;
    }
    auto header = parse_header_line(line, at);
    if (!header) break;
    block.lines.push_back(std::move(*header));
    at = newline + 1;
  }
  return HeaderBlock{{}, start};
}

const HeaderLine* find_field(const HeaderBlock& block, std::string_view key) {
  for (const HeaderLine& line : block.lines)
    if (ingest_detail::iequals(line.field.key, key)) return &line;
  return nullptr;
}

void apply_header(const HeaderBlock& block, std::string_view path, const ingest_detail::SourceMapper& mapper,
                  Document& document) {
  const HeaderLine* date = find_field(block, "published");
  if (date == nullptr) date = find_field(block, "date");
  if (date != nullptr) {
    document.anchor =
        ingest_detail::parse_anchor_or_fail(date->field.value, path, mapper.position(date->value_offset));
    document.anchor_source = AnchorSource::header;
  }
  if (const HeaderLine* zone = find_field(block, "timezone")) {
    if (std::string error = ingest_detail::check_timezone(zone->field.value); !error.empty())
      fail(path, mapper.position(zone->value_offset), std::move(error));
    if (document.anchor) document.anchor->timezone = zone->field.value;
  }
  for (const HeaderLine& line : block.lines) document.header.push_back(line.field);
}

}  // namespace

Document read_text(std::string_view path, std::string id, std::string bytes, const IngestOptions& options) {
  if (bytes.size() > options.max_document_bytes)
    fail(path, position_of(bytes, options.max_document_bytes),
         ingest_detail::too_large(options.max_document_bytes, "document is larger"));
  if (bytes.empty()) fail(path, {1, 1}, "empty file (expected some text)");
  ingest_detail::refuse_binary(path, bytes);
  if (ingest_detail::all_space(bytes)) fail(path, {1, 1}, "empty document, only white space (expected some text)");

  std::string repaired;
  std::vector<Utf8Replacement> repairs;
  std::size_t replacements = 0;
  if (const Utf8Problem problem = find_invalid_utf8(bytes); problem.offset < bytes.size()) {
    if (!options.lenient)
      fail(path, position_of(bytes, problem.offset), ingest_detail::describe(problem, bytes));
    replacements = repair_utf8(bytes, repaired, &repairs);
  }
  const SourcePosition first_replacement =
      repairs.empty() ? SourcePosition{} : position_of(bytes, repairs.front().source_offset);
  const std::string_view scanned = replacements > 0 ? std::string_view(repaired) : bytes;
  ingest_detail::SourceMapper mapper{bytes, std::move(repairs)};

  const std::size_t start = scanned.substr(0, 3) == byte_order_mark ? byte_order_mark.size() : 0;
  const HeaderBlock header = find_header(scanned, start);

  Document document;
  document.id = std::move(id);
  document.path = std::string(path);
  document.utf8_replacements = replacements;
  document.first_utf8_replacement = first_replacement;
  apply_header(header, path, mapper, document);

  const std::size_t body_length = scanned.size() - header.body_offset;
  if (ingest_detail::all_space(scanned.substr(header.body_offset)))
    fail(path, mapper.position(header.body_offset), "empty document (expected text after the header block)");
  mapper.copied(0, header.body_offset, body_length);
  document.source_map = mapper.take();

  if (replacements > 0) {
    repaired.erase(0, header.body_offset);
    document.text = std::move(repaired);
  } else {
    bytes.erase(0, header.body_offset);
    document.text = std::move(bytes);
  }
  return document;
}

}  // namespace reckon
