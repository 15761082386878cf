// Finding and opening inputs; the readers for each format live in engine/ingest_*.cpp.
#include "engine/ingest.hpp"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
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

std::string too_large(std::size_t limit, std::string_view what) {
  return std::string(what) + " than max_document_bytes, " + std::to_string(limit) +
         " bytes (expected a smaller document, or a larger limit: --max-document-bytes or [defaults] "
         "max_document_bytes)";
}

namespace {

struct Signature {
  std::string_view magic;
  std::string_view name;
};

// File types that are plainly not text, by the bytes they start with.
constexpr std::array<Signature, 11> binary_signatures = {{
    {"\x89PNG\r\n\x1a\n", "a PNG image"},
    {"\xFF\xD8\xFF", "a JPEG image"},
    {"GIF87a", "a GIF image"},
    {"GIF89a", "a GIF image"},
    {"%PDF-", "a PDF document"},
    {"PK\x03\x04", "a ZIP archive (or an office document)"},
    {"\x1F\x8B", "gzip-compressed data"},
    {"\xFD" "7zXZ", "xz-compressed data"},
    {"\x28\xB5\x2F\xFD", "zstd-compressed data"},
    {"\x7F" "ELF", "an executable"},
    {"\xD0\xCF\x11\xE0", "an old Microsoft Office document"},
}};

}  // namespace

std::string_view binary_kind(std::string_view first_bytes) noexcept {
  // Bytes shorter than a signature match when they are its start (at least 4 bytes of it): a JSON
  // Lines reader sees a PNG's first line, which ends inside the signature.
  for (const Signature& signature : binary_signatures) {
    const std::size_t length = std::min(signature.magic.size(), first_bytes.size());
    if (length >= std::min<std::size_t>(signature.magic.size(), 4) &&
        first_bytes.substr(0, length) == signature.magic.substr(0, length))
      return signature.name;
  }
  return {};
}

void refuse_binary(std::string_view path, std::string_view bytes) {
  if (const std::string_view kind = binary_kind(bytes); !kind.empty())
    fail(path, {1, 1}, "binary file: " + std::string(kind) + " (expected UTF-8 text)");
  if (const std::size_t nul = bytes.substr(0, binary_probe_bytes).find('\0'); nul != std::string_view::npos)
    fail(path, position_of(bytes, nul),
         "binary file (NUL byte at byte offset " + std::to_string(nul) + "; expected UTF-8 text)");
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

// The whole file, failing as soon as it is larger than the limit (at the byte where it crosses
// it) and, when `refuse_binary` is set, as soon as its first block shows it is not text.
std::string read_bytes(const std::string& path, std::size_t limit, bool refuse_binary) {
  std::unique_ptr<std::FILE, FileCloser> file{std::fopen(path.c_str(), "rb")};
  if (!file) fail(path, {}, std::string("cannot open the file: ") + std::strerror(errno));
  std::string bytes;
  std::error_code ignored;
  const auto size = std::filesystem::file_size(path, ignored);
  if (!ignored && size <= limit) bytes.reserve(static_cast<std::size_t>(size));
  std::vector<char> buffer(std::size_t{1} << 16);
  bool first = true;
  while (true) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
    bytes.append(buffer.data(), got);
    if (first && refuse_binary) ingest_detail::refuse_binary(path, bytes);
    first = false;
    if (bytes.size() > limit)
      fail(path, position_of(bytes, limit), ingest_detail::too_large(limit, "document is larger"));
    if (got < buffer.size()) break;
  }
  if (std::ferror(file.get())) fail(path, {}, std::string("cannot read the file: ") + std::strerror(errno));
  return bytes;
}

struct FoundFile {
  std::string relative;  // '/'-separated, relative to the directory argument
  std::string path;      // as it will be opened
  std::string error;     // set for a directory that could not be read
};

bool hidden(const std::filesystem::path& name) {
  const std::string text = name.filename().string();
  return !text.empty() && text.front() == '.';
}

std::string joined(const std::string& root, const std::string& relative) {
  if (relative.empty()) return root;
  return !root.empty() && root.back() != '/' ? root + '/' + relative : root + relative;
}

// The documents under `relative` (a directory below `root`): regular files and symbolic links to
// them, not hidden, not *.toml. Symbolic links to directories are not followed, so the walk ends.
// A directory that cannot be read is recorded, not thrown, so the rest can still be read.
void walk_into(const std::string& root, const std::string& relative, std::vector<FoundFile>& found) {
  namespace fs = std::filesystem;
  const std::string directory = joined(root, relative);
  std::error_code error;
  fs::directory_iterator it{directory, error};
  for (; !error && it != fs::directory_iterator{}; it.increment(error)) {
    const fs::directory_entry& entry = *it;
    if (hidden(entry.path())) continue;
    const std::string name = entry.path().filename().string();
    const std::string child = relative.empty() ? name : relative + '/' + name;
    std::error_code ignored;
    if (entry.is_directory(ignored) && !entry.is_symlink(ignored)) {
      walk_into(root, child, found);
    } else if (entry.is_regular_file(ignored) && lower_extension(entry.path()) != ".toml") {
      found.push_back({child, joined(root, child), {}});
    }
  }
  if (error) found.push_back({relative, directory, "cannot read the directory: " + error.message()});
}

std::vector<FoundFile> walk(const std::string& root) {
  std::vector<FoundFile> found;
  walk_into(root, "", found);
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
      if (!in) fail(path, {}, std::string("cannot open the file: ") + std::strerror(errno));
      read_jsonl(path, in, options, sink);
      return;
    }
    case InputFormat::timeml:
      sink(read_timeml(path, std::move(id), read_bytes(path, options.max_document_bytes, true), options));
      return;
    case InputFormat::text:
      sink(read_text(path, std::move(id), read_bytes(path, options.max_document_bytes, true), options));
      return;
  }
}

namespace {

void read_one(const std::string& path, std::string id, const IngestOptions& options,
              const std::function<void(Document&&)>& sink, const InputErrorHandler& on_error) {
  const InputFormat format = format_of(path);
  if (format == InputFormat::jsonl) {
    std::ifstream in{path, std::ios::binary};
    if (!in) fail(path, {}, std::string("cannot open the file: ") + std::strerror(errno));
    read_jsonl(path, in, options, sink, on_error);
    return;
  }
  // Build the document before handing it on, so that an error of the sink is never taken for
  // one of the document.
  std::string bytes = read_bytes(path, options.max_document_bytes, true);
  Document document = format == InputFormat::timeml || format_of(path, bytes) == InputFormat::timeml
                          ? read_timeml(path, std::move(id), bytes, options)
                          : read_text(path, std::move(id), std::move(bytes), options);
  sink(std::move(document));
}

// Reads one command-line argument.
void read_argument(const std::string& path, const IngestOptions& options,
                   const std::function<void(Document&&)>& sink, const InputErrorHandler& on_error) {
  namespace fs = std::filesystem;
  if (path == "-") {
    read_jsonl("-", std::cin, options, sink, on_error);
    return;
  }
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (!fs::exists(status)) {
    if (error && error != std::errc::no_such_file_or_directory) fail(path, {}, "cannot read: " + error.message());
    fail(path, {}, "no such file or directory");
  }
  if (!fs::is_directory(status)) {
    read_one(path, fs::path(path).filename().string(), options, sink, on_error);
    return;
  }
  std::size_t count = 0;
  const auto counting_sink = [&](Document&& document) {
    ++count;
    sink(std::move(document));
  };
  bool reported = false;
  for (FoundFile& file : walk(path)) {
    try {
      if (!file.error.empty()) fail(file.path, {}, file.error);
      read_one(file.path, std::move(file.relative), options, counting_sink, on_error);
    } catch (const SourceError& e) {
      if (!on_error) throw;
      reported = true;
      on_error(e);
    }
  }
  if (count == 0 && !reported)
    fail(path, {}, "no documents in the directory (expected files to read; names starting with '.' and "
                   "*.toml files are skipped)");
}

// Carries an exception thrown by the caller's sink past the handlers for document errors.
struct SinkFailure {
  std::exception_ptr error;
};

}  // namespace

void read_inputs(const std::vector<std::string>& paths, const IngestOptions& options,
                 const std::function<void(Document&&)>& sink, const InputErrorHandler& on_error) {
  const auto guarded_sink = [&](Document&& document) {
    try {
      sink(std::move(document));
    } catch (const SourceError&) {
      throw SinkFailure{std::current_exception()};
    }
  };
  for (const std::string& path : paths) {
    try {
      read_argument(path, options, guarded_sink, on_error);
    } catch (const SinkFailure& failure) {
      std::rethrow_exception(failure.error);
    } catch (const SourceError& e) {
      if (!on_error) throw;
      on_error(e);
    }
  }
}

std::vector<Document> read_all(const std::vector<std::string>& paths, const IngestOptions& options) {
  std::vector<Document> documents;
  read_inputs(paths, options, [&](Document&& document) { documents.push_back(std::move(document)); });
  return documents;
}

}  // namespace reckon
