// JSON Lines: one {"id", "text", "published"?, "timezone"?} object per line, read as a stream.
#include <algorithm>
#include <cstring>
#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/ingest.hpp"
#include "engine/ingest_detail.hpp"
#include "engine/json_special_bytes.hpp"
#include "engine/json_flat_object.hpp"

namespace reckon {
namespace {

using ingest_detail::fail;
using nlohmann::json;

// Lines of a stream, read in blocks; a line longer than the limit is skipped over, not stored.
class LineReader {
 public:
  LineReader(std::istream& in, std::size_t limit) : in_(in), limit_(limit) {}

  // The next line without its '\n'; false at the end of the stream. `too_long` tells that the
  // line was longer than the limit (and `line` holds only its beginning).
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    while (true) {
      if (at_ == size_ && !refill()) return any;
      any = true;
      const char* begin = buffer_.data() + at_;
      const char* end = buffer_.data() + size_;
      const char* newline = static_cast<const char*>(std::memchr(begin, '\n', size_ - at_));
      const char* stop = newline != nullptr ? newline : end;
      const auto length = static_cast<std::size_t>(stop - begin);
      if (!too_long) {
        if (line.size() + length > limit_) {
          too_long = true;
          line.append(begin, limit_ - line.size());
        } else {
          line.append(begin, length);
        }
      }
      consumed_ += length;
      at_ += length;
      if (newline != nullptr) {
        ++at_;
        ++consumed_;
        return true;
      }
    }
  }

  // Bytes of the stream consumed so far.
  std::size_t consumed() const noexcept { return consumed_; }

 private:
  bool refill() {
    const std::streamsize got =
        in_.rdbuf()->sgetn(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    at_ = 0;
    size_ = got > 0 ? static_cast<std::size_t>(got) : 0;
    return size_ > 0;
  }

  std::istream& in_;
  std::size_t limit_;
  std::vector<char> buffer_ = std::vector<char>(std::size_t{1} << 16);
  std::size_t at_ = 0;
  std::size_t size_ = 0;
  std::size_t consumed_ = 0;
};

// The first byte at or after `at` for which pred holds, or npos. (std::string_view::find_first_of
// would run memchr over its set of characters once for every byte of the line.)
template <class Pred>
std::size_t find_byte(std::string_view line, std::size_t at, Pred pred) {
  for (; at < line.size(); ++at)
    if (pred(line[at])) return at;
  return std::string_view::npos;
}

// The first '"' or '\\' at or after `at`, or npos: the end of a run of string content. Eight
// bytes at a time while none of them is one, since a document's text is one long string.
std::size_t find_quote_or_backslash(std::string_view line, std::size_t at) {
  while (at + 8 <= line.size() && !has_quote_or_backslash(load_eight(line, at))) at += 8;
  return find_byte(line, at, [](char c) { return c == '"' || c == '\\'; });
}

// Offset in `line` of the value of top-level member `key` of the JSON object on the line (the
// last one when the key repeats, as the parser keeps), or nullopt. The line is known to be valid.
std::optional<std::size_t> find_member(std::string_view line, std::string_view key) {
  std::optional<std::size_t> found;
  int depth = 0;
  std::size_t at = 0;
  while (at < line.size()) {
    at = find_byte(line, at, [](char c) { return c == '{' || c == '}' || c == '[' || c == ']' || c == '"'; });
    if (at == std::string_view::npos) break;
    const char c = line[at];
    if (c != '"') {
      depth += c == '{' || c == '[' ? 1 : -1;
      ++at;
      continue;
    }
    const std::size_t start = ++at;
    while (true) {  // to the closing quote, past escaped characters
      at = find_quote_or_backslash(line, at);
      if (at == std::string_view::npos) return found;
      if (line[at] == '"') break;
      at += 2;
    }
    const std::string_view content = line.substr(start, at - start);
    ++at;
    if (depth != 1 || content != key) continue;
    std::size_t after = at;
    while (after < line.size() && ingest_detail::is_space(line[after])) ++after;
    if (after < line.size() && line[after] == ':') {
      ++after;
      while (after < line.size() && ingest_detail::is_space(line[after])) ++after;
      found = after;
      at = after;
    }
  }
  return found;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

unsigned code_unit_at(std::string_view line, std::size_t at) {
  unsigned value = 0;
  for (std::size_t i = 0; i < 4 && at + i < line.size(); ++i)
    value = value * 16 + static_cast<unsigned>(hex_value(line[at + i]));
  return value;
}

// Walks the JSON string literal at `at` (its opening quote), telling the mapper which text
// bytes were copied and which came from escapes. Returns the decoded length it accounted for.
std::size_t map_string(std::string_view line, std::size_t at, bool nul_replaced,
                       ingest_detail::SourceMapper& mapper) {
  std::size_t text = 0;
  std::size_t run = ++at;
  while (true) {
    at = std::min(find_quote_or_backslash(line, at), line.size());
    mapper.copied(text, run, at - run);
    text += at - run;
    if (at == line.size() || line[at] == '"') break;
    mapper.produced(text, at);
    const char escape = at + 1 < line.size() ? line[at + 1] : '\0';
    if (escape != 'u') {
      text += 1;
      at += 2;
    } else {
      const unsigned unit = code_unit_at(line, at + 2);
      at += 6;
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        text += 4;  // a surrogate pair: one supplementary character
        at += 6;
      } else {
        text += unit == 0      ? (nul_replaced ? replacement_character.size() : 1)
                : unit < 0x80  ? 1
                : unit < 0x800 ? 2
                               : 3;
      }
    }
    at = std::min(at, line.size());
    run = at;
  }
  return text;
}

std::string type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::string:
      return "a string";
    case json::value_t::array:
      return "an array";
    case json::value_t::object:
      return "an object";
    case json::value_t::discarded:
      return "nothing";
    default:
      return "a number";
  }
}

// One line: the context errors on it need.
struct Line {
  std::string_view path;
  std::size_t number = 0;
  std::string_view scanned;  // after lenient repair
  const ingest_detail::SourceMapper* mapper = nullptr;

  SourcePosition at(std::size_t offset) const noexcept { return mapper->position(offset); }
  SourcePosition member(std::string_view key) const noexcept {
    const auto offset = find_member(scanned, key);
    return at(offset ? *offset : 0);
  }
  [[noreturn]] void error(SourcePosition where, std::string message) const {
    fail(path, where, std::move(message));
  }
};

json* optional_string(json& object, const char* key, const Line& line) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  if (!it->is_string())
    line.error(line.member(key), std::string("\"") + key + "\" must be a string, found " + type_name(*it));
  return &*it;
}

json& required_string(json& object, const char* key, const Line& line) {
  json* value = optional_string(object, key, line);
  if (value == nullptr)
    line.error(line.at(0), std::string("missing \"") + key +
                               "\" (expected every line to have \"id\" and \"text\" strings)");
  return *value;
}

std::string parse_error_message(const json::parse_error& error) {
  std::string message = error.what();
  // "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ..."
  const std::size_t column = message.find("column ");
  const std::size_t colon = column == std::string::npos ? std::string::npos : message.find(": ", column);
  if (colon != std::string::npos) message.erase(0, colon + 2);
  return "invalid JSON: " + message;
}

// Where the number literal `token` stands in `line` from `from` on: the first place outside a
// string where it appears whole. npos when it is not found.
std::size_t find_number(std::string_view line, std::size_t from, std::string_view token) {
  const auto part_of_number = [](char c) {
    return ingest_detail::is_digit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
  };
  for (std::size_t at = from; at < line.size(); ++at) {
    if (line[at] == '"') {  // skip the string, escapes included
      for (++at; at < line.size() && line[at] != '"'; ++at)
        if (line[at] == '\\') ++at;
      continue;
    }
    const bool whole = line.substr(at, token.size()) == token && (at == 0 || !part_of_number(line[at - 1])) &&
                       (at + token.size() == line.size() || !part_of_number(line[at + token.size()]));
    if (whole) return at;
  }
  return std::string_view::npos;
}

// The literal of a number too large for a double ("1e999"), which nlohmann reports as out_of_range,
// naming it in its message but without the byte a parse_error carries.
std::string overflowing_number(const json::out_of_range& error) {
  const std::string_view message = error.what();
  const std::size_t open = message.find('\'');
  const std::size_t close = open == std::string_view::npos ? open : message.find('\'', open + 1);
  return close == std::string_view::npos ? std::string() : std::string(message.substr(open + 1, close - open - 1));
}

}  // namespace

namespace {

// Reads the lines of one JSON Lines input into documents; one call per non-blank line.
class JsonlReader {
 public:
  JsonlReader(std::string_view path, const IngestOptions& options) : path_(path), options_(options) {}

  // The document on `raw`, line `number` starting at byte `line_offset` of the input.
  Document read(const std::string& raw, std::size_t number, std::size_t line_offset);

 private:
  std::string_view path_;
  const IngestOptions& options_;
  std::unordered_map<std::string, std::size_t> first_line_of_id_;
  std::string repaired_;
};

Document JsonlReader::read(const std::string& raw, std::size_t number, std::size_t line_offset) {
  std::string_view original = raw;
  if (!original.empty() && original.back() == '\r') original.remove_suffix(1);
  if (number == 1) {
    // The first line with the newline it ended at, since some signatures (PNG) hold one.
    const std::string head = raw.substr(0, 16) + '\n';
    if (const std::string_view kind = ingest_detail::binary_kind(head); !kind.empty())
      fail(path_, {1, 1}, "binary file: " + std::string(kind) + " (expected JSON Lines text)");
  }

  std::vector<Utf8Replacement> repairs;
  std::size_t replacements = 0;
  SourcePosition first_replacement;
  if (const Utf8Problem problem = find_invalid_utf8(original); problem.offset < original.size()) {
    if (!options_.lenient) fail(path_, {number, problem.offset + 1}, ingest_detail::describe(problem, original));
    replacements = repair_utf8(original, repaired_, &repairs);
    first_replacement = {number, problem.offset + 1};
  }
  std::string_view scanned = replacements > 0 ? std::string_view(repaired_) : original;
  ingest_detail::SourceMapper mapper{original, std::move(repairs), line_offset, {number, 1}};
  Line line{path_, number, scanned, &mapper};

  const std::size_t start = number == 1 && scanned.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  json object;
  std::optional<std::size_t> text_at;  // where the "text" value starts in `scanned`
  bool text_at_known = false;
  try {
    if (auto flat = parse_flat_json_object(scanned.substr(start))) {
      object = std::move(flat->value);
      if (const auto at = flat->offset_of("text")) text_at = start + *at;
      text_at_known = true;
    } else {
      object = json::parse(scanned.substr(start));
    }
  } catch (const json::parse_error& error) {
    line.error(line.at(start + (error.byte > 0 ? error.byte - 1 : 0)), parse_error_message(error));
  } catch (const json::out_of_range& error) {
    const std::string literal = overflowing_number(error);
    const std::size_t at = literal.empty() ? std::string_view::npos : find_number(scanned, start, literal);
    line.error(line.at(at == std::string_view::npos ? start : at),
               "invalid JSON: number " + (literal.empty() ? std::string() : literal + " ") +
                   "is too large (expected a number a double can hold, up to about 1.8e308)");
  }
  if (!object.is_object()) {
    std::size_t first = start;
    while (first < scanned.size() && ingest_detail::is_space(scanned[first])) ++first;
    line.error(line.at(first), "expected a JSON object with \"id\" and \"text\", found " + type_name(object));
  }

  Document document;
  document.path = std::string(path_);
  document.id = std::move(required_string(object, "id", line).get_ref<std::string&>());
  if (document.id.empty()) line.error(line.member("id"), "empty \"id\" (expected a non-empty string)");
  if (const auto previous = first_line_of_id_.find(document.id); previous != first_line_of_id_.end())
    line.error(line.member("id"), "duplicate id '" + document.id + "' (first used on line " +
                                      std::to_string(previous->second) + ")");

  document.text = std::move(required_string(object, "text", line).get_ref<std::string&>());
  if (!text_at_known) text_at = find_member(scanned, "text");
  const bool has_nul = document.text.find('\0') != std::string::npos;
  if (has_nul) {
    const std::size_t escape = scanned.find("\\u0000", text_at.value_or(0));
    const SourcePosition where = line.at(escape == std::string_view::npos ? text_at.value_or(0) : escape);
    if (!options_.lenient) line.error(where, "NUL character in \"text\" (expected text without NUL)");
    if (first_replacement.line == 0) first_replacement = where;
    std::string clean;
    replacements += repair_utf8(document.text, clean);
    document.text = std::move(clean);
  }
  if (ingest_detail::all_space(document.text))
    line.error(line.at(text_at.value_or(0)), "empty document (expected some text in \"text\")");
  if (text_at) {
    if (map_string(scanned, *text_at, has_nul, mapper) != document.text.size()) {
      mapper = ingest_detail::SourceMapper{original, {}, line_offset, {number, 1}};
      mapper.produced(0, *text_at);
    }
  }
  document.source_map = mapper.take();
  document.utf8_replacements = replacements;
  document.first_utf8_replacement = first_replacement;

  if (const json* published = optional_string(object, "published", line)) {
    AnchorParse parsed = parse_anchor_date(published->get_ref<const std::string&>());
    if (!parsed.anchor) {
      SourcePosition where = line.member("published");
      where.column += 1 + parsed.error_offset;  // into the string, past its opening quote
      line.error(where, std::move(parsed.error));
    }
    document.anchor = std::move(parsed.anchor);
    document.anchor_source = AnchorSource::jsonl;
  }
  if (const json* zone = optional_string(object, "timezone", line)) {
    const auto& name = zone->get_ref<const std::string&>();
    if (std::string error = ingest_detail::check_timezone(name); !error.empty()) {
      SourcePosition where = line.member("timezone");
      ++where.column;  // past the opening quote
      line.error(where, std::move(error));
    }
    if (document.anchor) document.anchor->timezone = name;
  }
  // Only a document that is read in full claims its id.
  first_line_of_id_.emplace(document.id, number);
  return document;
}

}  // namespace

void read_jsonl(std::string_view path, std::istream& in, const IngestOptions& options,
                const std::function<void(Document&&)>& sink, const InputErrorHandler& on_error) {
  LineReader reader{in, options.max_document_bytes};
  JsonlReader lines{path, options};
  std::string raw;
  bool too_long = false;
  std::size_t number = 0;
  std::size_t non_blank = 0;
  while (true) {
    const std::size_t line_offset = reader.consumed();
    if (!reader.next(raw, too_long)) break;
    ++number;
    if (!too_long && ingest_detail::all_space(raw)) continue;
    ++non_blank;
    Document document;
    try {
      if (too_long)
        fail(path, {number, options.max_document_bytes + 1}, ingest_detail::too_large(options.max_document_bytes, "line is longer"));
      document = lines.read(raw, number, line_offset);
    } catch (const SourceError& error) {
      if (!on_error) throw;
      on_error(error);
      continue;
    }
    sink(std::move(document));
  }
  if (non_blank == 0)
    fail(path, {1, 1},
         number == 0 ? "empty input (expected one JSON object per line)"
                     : "no documents, only blank lines (expected one JSON object per line)");
}

}  // namespace reckon
