#pragma once
// The document model every stage reads: one article's text (UTF-8, validated), its id and its
// anchor (publication time). Offsets anywhere in reckon are byte offsets into `text`.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "engine/source_error.hpp"
#include "engine/source_map.hpp"

namespace reckon {

// Where a document's anchor came from, in order of increasing precedence.
enum class AnchorSource { none, header, dateline, dct, jsonl, config, cli };

const char* to_string(AnchorSource source) noexcept;

// The reference time a document speaks from: its publication date in its own local calendar,
// optionally with a time of day, and the IANA zone that calendar belongs to.
struct Anchor {
  date::local_days day{};
  std::optional<std::chrono::minutes> time_of_day{};  // since local midnight
  std::string timezone = "UTC";
  // The fixed UTC offset the source wrote after the time ("Z", "+02:00"), when it wrote one; `day`
  // and `time_of_day` stay as written, in that offset's local time.
  std::optional<std::chrono::minutes> utc_offset{};

  friend bool operator==(const Anchor&, const Anchor&) = default;
};

// "2025-08-12" or "2025-08-12T13:06".
std::string to_iso(const Anchor& anchor);

// A sentence span as the source marked it (TimeML <s id="...">); segmentation makes its own.
struct MarkedSentence {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string id;
};

// A gold TIMEX3 from a TimeML source, kept for evaluation. Not produced by the tagger.
struct GoldTimex {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string tid;
  std::string type;
  std::string value;
  std::string mod;
};

// A gold EVENT from a TimeML source (for the SemEval timeline task).
struct GoldEvent {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string eid;
};

// One "Key: value" line of a plain-text header block, as written (key case kept).
struct HeaderField {
  std::string key;
  std::string value;
};

struct Document {
  std::string id;    // file name relative to the input root, or the JSONL "id"
  std::string path;  // where it was read from ("-" for standard input), for error messages
  std::string text;  // UTF-8 body; for TimeML the <TEXT> content with tags stripped
  std::optional<Anchor> anchor;
  AnchorSource anchor_source = AnchorSource::none;
  // What the document said of its own date (header, DCT, JSON Lines "published") when a config
  // rule or --anchor replaced it; the reconciler reports a disagreement as an anchor conflict.
  std::optional<Anchor> own_anchor;
  AnchorSource own_anchor_source = AnchorSource::none;

  // Only for TimeML sources.
  std::string docid;                     // <DOCID>
  std::vector<MarkedSentence> sentences; // <s id=...> spans, when present
  std::vector<GoldTimex> gold_timexes;
  std::vector<GoldEvent> gold_events;

  // Plain text only: the header block's fields, in file order.
  std::vector<HeaderField> header;

  // Invalid UTF-8 sequences (and NUL bytes) replaced by U+FFFD in lenient mode, and where in the
  // source file the first of them was (line 0 when there was none).
  std::size_t utf8_replacements = 0;
  SourcePosition first_utf8_replacement;

  // How offsets in `text` map back to the source file, sorted by text_offset; the first point has
  // text_offset 0. Empty when text is the source byte for byte (positions then follow from text).
  SourceMap source_map;
};

// Line and column in the source file of a byte offset in `document.text` (see source_map).
SourcePosition source_position(const Document& document, std::size_t text_offset) noexcept;

// Byte offset in the source file of a byte offset in `document.text`.
std::size_t source_offset(const Document& document, std::size_t text_offset) noexcept;

}  // namespace reckon
