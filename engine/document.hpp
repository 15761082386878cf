#pragma once
// The document model every stage reads: one article's text (UTF-8, validated), its id and its
// anchor (publication time). Offsets anywhere in reckon are byte offsets into `text`.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

namespace reckon {

// Where a document's anchor came from, in order of increasing precedence.
enum class AnchorSource { none, header, dateline, dct, jsonl, config, cli };

const char* to_string(AnchorSource source) noexcept;

// The reference time a document speaks from: its publication date in its own local calendar,
// optionally with a time of day, and the IANA zone that calendar belongs to.
struct Anchor {
  date::local_days day{};
  std::optional<std::chrono::minutes> time_of_day;  // since local midnight
  std::string timezone = "UTC";

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

struct Document {
  std::string id;    // file name relative to the input root, or the JSONL "id"
  std::string path;  // where it was read from ("-" for standard input), for error messages
  std::string text;  // UTF-8 body; for TimeML the <TEXT> content with tags stripped
  std::optional<Anchor> anchor;
  AnchorSource anchor_source = AnchorSource::none;

  // Only for TimeML sources.
  std::string docid;                     // <DOCID>
  std::vector<MarkedSentence> sentences; // <s id=...> spans, when present
  std::vector<GoldTimex> gold_timexes;
  std::vector<GoldEvent> gold_events;

  // Byte offset in the source file of text offset 0 of each text line, so that an error found
  // in `text` can name the line and column of the source file. Empty when text == source.
  std::vector<std::size_t> source_line_of_text_line;
};

}  // namespace reckon
