// Finding and opening inputs; the readers for each format live in engine/ingest_*.cpp.
#include "engine/ingest.hpp"

#include <date/tz.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <system_error>

#include "engine/ingest_detail.hpp"

namespace reckon {
namespace ingest_detail {

SourceMapper::SourceMapper(std::string_view original, std::vector<Utf8Replacement> repairs,
                           std::size_t base_offset, SourcePosition base)
    : original_(original),
      repairs_(std::move(repairs)),
      base_offset_(base_offset),
      base_(base),
      cursor_(base) {}

std::size_t SourceMapper::original_offset(std::size_t scanned) const noexcept {
  if (repairs_.empty()) return scanned;
  auto after = std::upper_bound(
      repairs_.begin(), repairs_.end(), scanned,
      [](std::size_t offset, const Utf8Replacement& repair) { return offset < repair.text_offset; });
  if (after == repairs_.begin()) return scanned;
  const Utf8Replacement& repair = *std::prev(after);
  const std::size_t replaced_end = repair.text_offset + replacement_character.size();
  if (scanned < replaced_end) return repair.source_offset;
  return repair.source_offset + repair.source_length + (scanned - replaced_end);
}

SourcePosition SourceMapper::position(std::size_t scanned) const noexcept {
  const std::size_t offset = std::min(original_offset(scanned), original_.size());
  const SourcePosition local = position_of(original_, offset);
  if (local.line == 1) return {base_.line, base_.column + local.column - 1};
  return {base_.line + local.line - 1, local.column};
}

void SourceMapper::add_point(std::size_t text, std::size_t original) {
  original = std::min(original, original_.size());
  if (original < cursor_offset_) {
    cursor_offset_ = 0;
    cursor_ = base_;
  }
  // Advance the running position to `original`, a line at a time.
  while (cursor_offset_ < original) {
    const void* newline = std::memchr(original_.data() + cursor_offset_, '\n', original - cursor_offset_);
    if (newline == nullptr) {
      cursor_.column += original - cursor_offset_;
      cursor_offset_ = original;
      break;
    }
    cursor_offset_ = static_cast<std::size_t>(static_cast<const char*>(newline) - original_.data()) + 1;
    ++cursor_.line;
    cursor_.column = 1;
  }
  SourcePoint point{text, base_offset_ + original, cursor_.line, cursor_.column};
  if (!points_.empty() && points_.back().text_offset == text)
    points_.back() = point;
  else
    points_.push_back(point);
}

void SourceMapper::copied(std::size_t text, std::size_t scanned, std::size_t length) {
  if (length == 0) return;
  const bool continues = text == run_text_end_ && scanned == run_scanned_end_;
  run_text_end_ = text + length;
  run_scanned_end_ = scanned + length;
  if (!continues) add_point(text, original_offset(scanned));
  // A checkpoint every few KiB keeps source_position() from counting through a whole long run.
  std::size_t checkpoint = points_.back().text_offset + checkpoint_interval;
  const auto add_checkpoints_before = [&](std::size_t end) {
    for (; checkpoint < end; checkpoint += checkpoint_interval)
      add_point(checkpoint, original_offset(scanned + (checkpoint - text)));
  };
  // Each U+FFFD stands for bytes of another length: a point at it and one after it.
  auto repair =
      std::lower_bound(repairs_.begin(), repairs_.end(), scanned,
                       [](const Utf8Replacement& r, std::size_t offset) { return r.text_offset < offset; });
  for (; repair != repairs_.end() && repair->text_offset < scanned + length; ++repair) {
    const std::size_t at = text + (repair->text_offset - scanned);
    add_checkpoints_before(at);
    add_point(at, repair->source_offset);
    add_point(at + replacement_character.size(), repair->source_offset + repair->source_length);
    checkpoint = at + replacement_character.size() + checkpoint_interval;
  }
  add_checkpoints_before(text + length);
}

void SourceMapper::produced(std::size_t text, std::size_t scanned) {
  add_point(text, original_offset(scanned));
  run_text_end_ = run_scanned_end_ = static_cast<std::size_t>(-1);
}

void fail(std::string_view path, SourcePosition where, std::string message) {
  throw SourceError(std::string(path), where, std::move(message));
}

std::string_view trim(std::string_view text) noexcept {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  return true;
}

bool all_space(std::string_view text) noexcept { return std::all_of(text.begin(), text.end(), is_space); }

std::string describe(const Utf8Problem& problem, std::string_view bytes) {
  if (problem.nul) return "NUL byte (expected UTF-8 text)";
  const auto byte = static_cast<unsigned char>(bytes[problem.offset]);
  // A sequence cut short after its lead byte; a lone lead byte before ASCII is more likely
  // another encoding (Latin-1 "caf\xe9 ") and is named as an invalid byte.
  const bool lead = byte >= 0xC2 && byte <= 0xF4;
  if (lead && (problem.length > 1 || problem.offset + 1 == bytes.size()))
    return "incomplete UTF-8 sequence starting with byte " + hex_byte(byte) + " (expected UTF-8 text)";
  return "invalid UTF-8 byte " + hex_byte(byte) + " (expected UTF-8 text)";
}

std::string check_timezone(const std::string& name) {
  try {
    date::locate_zone(name);
    return {};
  } catch (const std::exception&) {
    return "unknown time zone '" + name + "' (expected an IANA name such as UTC or America/New_York)";
  }
}

}  // namespace ingest_detail

namespace {

using ingest_detail::fail;

std::string lower_extension(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), ingest_detail::to_lower);
  return extension;
}

// True when the first element of an XML text is <TimeML>.
bool has_timeml_root(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::size_t at = 0;
  while (at < bytes.size()) {
    while (at < bytes.size() && ingest_detail::is_space(bytes[at])) ++at;
    const std::string_view rest = bytes.substr(at);
    std::string_view closer;
    if (rest.substr(0, 4) == "<!--")
      closer = "-->";
    else if (rest.substr(0, 2) == "<?")
      closer = "?>";
    else if (rest.substr(0, 2) == "<!")
      closer = ">";
    else
      break;
    const std::size_t end = bytes.find(closer, at + 2);
    if (end == std::string_view::npos) return false;
    at = end + closer.size();
  }
  const std::string_view rest = bytes.substr(at);
  if (rest.substr(0, 7) != "<TimeML") return false;
  return rest.size() == 7 || ingest_detail::is_space(rest[7]) || rest[7] == '>' || rest[7] == '/';
}

struct FileCloser {
  void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};

// The whole file, failing when it is larger than the limit.
std::string read_bytes(const std::string& path, std::size_t limit) {
  std::unique_ptr<std::FILE, FileCloser> file{std::fopen(path.c_str(), "rb")};
  if (!file) fail(path, {}, std::string("cannot open: ") + std::strerror(errno));
  std::string bytes;
  std::error_code ignored;
  const auto size = std::filesystem::file_size(path, ignored);
  if (!ignored && size <= limit) bytes.reserve(static_cast<std::size_t>(size));
  char buffer[1 << 16];
  while (true) {
    const std::size_t got = std::fread(buffer, 1, sizeof buffer, file.get());
    bytes.append(buffer, got);
    if (bytes.size() > limit)
      fail(path, {},
           "file is larger than max_document_bytes (" + std::to_string(limit) +
               " bytes; expected a smaller document or a larger limit)");
    if (got < sizeof buffer) break;
  }
  if (std::ferror(file.get())) fail(path, {}, std::string("cannot read: ") + std::strerror(errno));
  return bytes;
}

struct FoundFile {
  std::string relative;  // '/'-separated, relative to the directory argument
  std::string path;      // as it will be opened
};

bool hidden(const std::filesystem::path& name) {
  const std::string text = name.filename().string();
  return !text.empty() && text.front() == '.';
}

std::vector<FoundFile> walk(const std::string& root) {
  namespace fs = std::filesystem;
  std::vector<FoundFile> found;
  std::error_code error;
  fs::recursive_directory_iterator it{root, error};
  if (error) fail(root, {}, "cannot read directory: " + error.message());
  for (; it != fs::recursive_directory_iterator{}; it.increment(error)) {
    if (error) fail(root, {}, "cannot read directory: " + error.message());
    const fs::directory_entry& entry = *it;
    if (hidden(entry.path())) {
      if (entry.is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(error)) continue;
    if (lower_extension(entry.path()) == ".toml") continue;
    std::string relative = entry.path().lexically_relative(root).generic_string();
    std::string path = root;
    if (!path.empty() && path.back() != '/') path += '/';
    path += relative;
    found.push_back({std::move(relative), std::move(path)});
  }
  if (error) fail(root, {}, "cannot read directory: " + error.message());
  std::sort(found.begin(), found.end(),
            [](const FoundFile& a, const FoundFile& b) { return a.relative < b.relative; });
  return found;
}

}  // namespace

InputFormat format_of(std::string_view path, std::string_view first_bytes) {
  const std::string extension = lower_extension(std::filesystem::path(path));
  if (extension == ".tml") return InputFormat::timeml;
  if (extension == ".jsonl" || extension == ".ndjson") return InputFormat::jsonl;
  if (extension == ".xml" && has_timeml_root(first_bytes)) return InputFormat::timeml;
  return InputFormat::text;
}

void read_file(const std::string& path, std::string id, InputFormat format, const IngestOptions& options,
               const std::function<void(Document&&)>& sink) {
  switch (format) {
    case InputFormat::jsonl: {
      std::ifstream in{path, std::ios::binary};
      if (!in) fail(path, {}, std::string("cannot open: ") + std::strerror(errno));
      read_jsonl(path, in, options, sink);
      return;
    }
    case InputFormat::timeml:
      sink(read_timeml(path, std::move(id), read_bytes(path, options.max_document_bytes), options));
      return;
    case InputFormat::text:
      sink(read_text(path, std::move(id), read_bytes(path, options.max_document_bytes), options));
      return;
  }
}

namespace {

void read_one(const std::string& path, std::string id, const IngestOptions& options,
              const std::function<void(Document&&)>& sink) {
  InputFormat format = format_of(path);
  if (format == InputFormat::text && lower_extension(std::filesystem::path(path)) == ".xml") {
    // Only .xml files need their first bytes to decide; read once and reuse them.
    std::string bytes = read_bytes(path, options.max_document_bytes);
    if (format_of(path, bytes) == InputFormat::timeml)
      sink(read_timeml(path, std::move(id), bytes, options));
    else
      sink(read_text(path, std::move(id), std::move(bytes), options));
    return;
  }
  read_file(path, std::move(id), format, options, sink);
}

}  // namespace

void read_inputs(const std::vector<std::string>& paths, const IngestOptions& options,
                 const std::function<void(Document&&)>& sink) {
  namespace fs = std::filesystem;
  for (const std::string& path : paths) {
    if (path == "-") {
      read_jsonl("-", std::cin, options, sink);
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status)) fail(path, {}, "no such file or directory");
    if (error) fail(path, {}, "cannot read: " + error.message());
    if (fs::is_directory(status)) {
      for (FoundFile& file : walk(path)) read_one(file.path, std::move(file.relative), options, sink);
    } else {
      read_one(path, fs::path(path).filename().string(), options, sink);
    }
  }
}

std::vector<Document> read_all(const std::vector<std::string>& paths, const IngestOptions& options) {
  std::vector<Document> documents;
  read_inputs(paths, options, [&](Document&& document) { documents.push_back(std::move(document)); });
  return documents;
}

}  // namespace reckon
