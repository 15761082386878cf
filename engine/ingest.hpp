#pragma once
// Reading documents: plain text (with an optional "Key: value" header block), JSON Lines and
// TimeML. Every reader validates UTF-8 and throws SourceError naming the file, line and column of
// the first problem and what was expected there. The formats, ids, anchors and offsets are
// described in docs/input-formats.md.
#include <cstddef>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/source_error.hpp"

namespace reckon {

inline constexpr std::size_t default_max_document_bytes = std::size_t{256} << 20;  // 256 MiB
// The largest limit a caller may set: 4 GiB - 1. The events stage keeps offsets within a sentence
// in 32 bits (engine/sentence_words.hpp), so no document may be longer.
inline constexpr std::size_t largest_max_document_bytes = (std::size_t{1} << 32) - 1;

struct IngestOptions {
  // Replace invalid UTF-8 (and NUL bytes past the binary check) with U+FFFD instead of failing;
  // Document::utf8_replacements counts the replacements.
  bool lenient = false;
  // Largest document accepted: a whole file (plain text, TimeML) or one JSON Lines line. Reading
  // stops as soon as the limit is crossed, so no input is held beyond it.
  std::size_t max_document_bytes = default_max_document_bytes;
};

// Called with the error of one document (a file, a JSON Lines line, an unreadable directory) when
// the caller wants reading to go on with the next document instead of stopping.
using InputErrorHandler = std::function<void(const SourceError&)>;

enum class InputFormat { text, jsonl, timeml };

// The format a file is read as, from its name (and, for .xml, from its first bytes: TimeML when
// the root element is <TimeML>, plain text otherwise).
InputFormat format_of(std::string_view path, std::string_view first_bytes = {});

// Reads every input and calls `sink` once per document, in a stable order: arguments in the order
// given; a directory is walked recursively, its files sorted by relative path (byte order),
// skipping hidden entries (names starting with '.') and files ending in .toml; "-" reads JSON
// Lines from standard input. Every argument must give at least one document (an empty JSON Lines
// input or a directory without documents is an error).
//
// Without `on_error` the first error is thrown as SourceError. With it, the error of a document
// is passed to it and reading goes on with the next document; errors thrown by `sink` itself
// always propagate.
void read_inputs(const std::vector<std::string>& paths, const IngestOptions& options,
                 const std::function<void(Document&&)>& sink, const InputErrorHandler& on_error = {});

std::vector<Document> read_all(const std::vector<std::string>& paths, const IngestOptions& options);

// One file read as `format`, with the given document id (JSON Lines files take ids from their
// lines instead).
void read_file(const std::string& path, std::string id, InputFormat format, const IngestOptions& options,
               const std::function<void(Document&&)>& sink);

// Plain text. `bytes` is the whole file as read.
Document read_text(std::string_view path_for_errors, std::string id, std::string bytes,
                   const IngestOptions& options);

// A TimeML document (TimeBank, AQUAINT, TempEval-3 and the SemEval-2015 timeline format).
Document read_timeml(std::string_view path_for_errors, std::string id, std::string_view bytes,
                     const IngestOptions& options);

// JSON Lines, one document per non-blank line, read as a stream: memory depends on the longest
// line, not on the size of the input. An input without any document is an error. With
// `on_error`, a bad line is passed to it and reading goes on with the next line.
void read_jsonl(std::string_view path_for_errors, std::istream& in, const IngestOptions& options,
                const std::function<void(Document&&)>& sink, const InputErrorHandler& on_error = {});

// A publication date as headers, JSON Lines "published" and --anchor write it: "2025-08-12",
// "2025-08-12T13:06", "2025-08-12 13:06:05" (seconds are dropped), each with an optional "Z" or
// "+02:00" offset; "August 12, 2025", "Aug. 12, 2025", "12 August 2025", optionally after a
// weekday ("Tuesday, August 12, 2025").
struct AnchorParse {
  std::optional<Anchor> anchor;  // set on success (timezone left at its default)
  std::string error;             // otherwise what is wrong and what was expected
  std::size_t error_offset = 0;  // byte offset in the parsed text the error points at
};
AnchorParse parse_anchor_date(std::string_view text);

}  // namespace reckon
