#include "engine/document.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

namespace reckon {

const char* to_string(AnchorSource source) noexcept {
  switch (source) {
    case AnchorSource::none:
      return "none";
    case AnchorSource::header:
      return "header";
    case AnchorSource::dateline:
      return "dateline";
    case AnchorSource::dct:
      return "dct";
    case AnchorSource::jsonl:
      return "jsonl";
    case AnchorSource::config:
      return "config";
    case AnchorSource::cli:
      return "cli";
  }
  return "none";
}

std::string to_iso(const Anchor& anchor) {
  std::string iso = date::format("%F", anchor.day);
  if (anchor.time_of_day) {
    const auto hours = std::chrono::duration_cast<std::chrono::hours>(*anchor.time_of_day);
    const auto minutes = *anchor.time_of_day - hours;
    const auto two_digits = [](long long value) {
      return std::string{static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
    };
    iso += 'T';
    iso += two_digits(hours.count());
    iso += ':';
    iso += two_digits(minutes.count());
  }
  return iso;
}

namespace {

// The map point that covers `text_offset`: the last one at or before it.
std::optional<SourcePoint> covering_point(const Document& document, std::size_t text_offset) noexcept {
  const std::size_t count = document.source_map.count_at_or_before(text_offset);
  if (count == 0) return std::nullopt;
  return document.source_map[count - 1];
}

}  // namespace

SourcePosition source_position(const Document& document, std::size_t text_offset) noexcept {
  const std::string_view text = document.text;
  text_offset = std::min(text_offset, text.size());
  const std::optional<SourcePoint> point = covering_point(document, text_offset);
  if (!point) return position_of(text, text_offset);

  // Between points the text is a verbatim copy of the file, so lines and columns follow by counting.
  const std::string_view run = text.substr(point->text_offset, text_offset - point->text_offset);
  const std::size_t last_newline = run.rfind('\n');
  if (last_newline == std::string_view::npos) return {point->line, point->column + run.size()};
  const auto newlines = static_cast<std::size_t>(std::count(run.begin(), run.end(), '\n'));
  return {point->line + newlines, run.size() - last_newline};
}

std::size_t source_offset(const Document& document, std::size_t text_offset) noexcept {
  text_offset = std::min(text_offset, document.text.size());
  const std::optional<SourcePoint> point = covering_point(document, text_offset);
  if (!point) return text_offset;
  return point->source_offset + (text_offset - point->text_offset);
}

}  // namespace reckon
