// Publication dates as documents and users write them (header blocks, JSON Lines, --anchor).
#include <date/date.h>

#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include "engine/ingest.hpp"
#include "engine/ingest_detail.hpp"

namespace reckon {
namespace {

using ingest_detail::is_alpha;
using ingest_detail::is_digit;
using ingest_detail::is_space;
using ingest_detail::to_lower;

constexpr std::array<std::string_view, 12> month_names = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

constexpr std::array<std::string_view, 7> weekday_names = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                           "Thursday", "Friday", "Saturday"};

constexpr std::string_view expected_forms =
    "expected a date such as 2025-08-12, 2025-08-12T13:06, August 12, 2025 or 12 August 2025";

// A small cursor over the text being parsed.
struct Scanner {
  std::string_view text;
  std::size_t at = 0;

  bool done() const noexcept { return at >= text.size(); }
  char peek() const noexcept { return done() ? '\0' : text[at]; }
  bool take(char c) noexcept {
    if (peek() != c) return false;
    ++at;
    return true;
  }
  // Exactly `count` digits, or nothing consumed.
  std::optional<int> digits(std::size_t count) noexcept {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const char c = text[at + i];
      if (!is_digit(c)) return std::nullopt;
      value = value * 10 + (c - '0');
    }
    at += count;
    return value;
  }
  // One or two digits.
  std::optional<int> short_number() noexcept {
    if (!is_digit(peek())) return std::nullopt;
    int value = text[at++] - '0';
    if (is_digit(peek())) value = value * 10 + (text[at++] - '0');
    if (is_digit(peek())) return std::nullopt;
    return value;
  }
  std::string_view word() noexcept {
    const std::size_t start = at;
    while (is_alpha(peek())) ++at;
    return text.substr(start, at - start);
  }
  void skip_spaces() noexcept {
    while (!done() && is_space(text[at])) ++at;
  }
};

std::string two_digits(int value) {
  return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

std::string iso_date_text(int year, int month, int day) {
  return std::to_string(year) + '-' + two_digits(month) + '-' + two_digits(day);
}

// Why year-month-day is not a calendar date, or "" when it is one.
std::string impossible_date_reason(int year, int month, int day) {
  const std::string written = iso_date_text(year, month, day);
  if (month < 1 || month > 12)
    return written + " is not a valid date: there is no month " + std::to_string(month);
  const date::year_month_day_last last{date::year{year} / date::month{static_cast<unsigned>(month)} /
                                       date::last};
  const auto days_in_month = static_cast<int>(static_cast<unsigned>(last.day()));
  if (day < 1 || day > days_in_month)
    return written +
           " is not a valid date: " + std::string(month_names[static_cast<std::size_t>(month - 1)]) + ' ' +
           std::to_string(year) + " has " + std::to_string(days_in_month) + " days";
  return {};
}

// Month from a full name, a three-letter abbreviation or "Sept", any case.
std::optional<int> month_from_word(std::string_view word) {
  if (word.size() < 3) return std::nullopt;
  for (std::size_t i = 0; i < month_names.size(); ++i) {
    const std::string_view name = month_names[i];
    const bool full = ingest_detail::iequals(word, name);
    const bool abbreviated =
        ingest_detail::iequals(word, name.substr(0, 3)) || (i == 8 && ingest_detail::iequals(word, "Sept"));
    if (full || abbreviated) return static_cast<int>(i + 1);
  }
  return std::nullopt;
}

bool is_weekday_word(std::string_view word) {
  for (const std::string_view name : weekday_names)
    if (ingest_detail::iequals(word, name) || ingest_detail::iequals(word, name.substr(0, 3))) return true;
  return false;
}

AnchorParse failure(std::string message, std::size_t offset) {
  return AnchorParse{std::nullopt, std::move(message), offset};
}

AnchorParse unrecognised(std::string_view text) {
  return failure("unrecognised date '" + std::string(text) + "' (" + std::string(expected_forms) + ")", 0);
}

AnchorParse make_anchor(int year, int month, int day, std::optional<std::chrono::minutes> time,
                        std::optional<std::chrono::minutes> offset) {
  if (std::string reason = impossible_date_reason(year, month, day); !reason.empty())
    return failure(std::move(reason), 0);
  Anchor anchor;
  anchor.day = date::local_days{date::year{year} / date::month{static_cast<unsigned>(month)} /
                                date::day{static_cast<unsigned>(day)}};
  anchor.time_of_day = time;
  anchor.utc_offset = offset;
  return AnchorParse{std::move(anchor), {}, 0};
}

// After "YYYY-MM-DD": optional "THH:MM[:SS[.fff]]" and "Z" or "+HH:MM".
AnchorParse parse_iso(Scanner& in, std::string_view original) {
  const auto year = in.digits(4);
  const bool dash1 = in.take('-');
  const auto month = in.digits(2);
  const bool dash2 = in.take('-');
  const auto day = in.digits(2);
  if (!year || !dash1 || !month || !dash2 || !day) return unrecognised(original);
  if (in.done()) return make_anchor(*year, *month, *day, std::nullopt, std::nullopt);

  if (!in.take('T') && !in.take(' ')) return unrecognised(original);
  const std::size_t time_at = in.at;
  const auto hour = in.digits(2);
  const bool colon = in.take(':');
  const auto minute = in.digits(2);
  if (!hour || !colon || !minute) return unrecognised(original);
  if (in.take(':')) {
    const auto second = in.digits(2);
    if (!second || *second > 60) return unrecognised(original);
    if (in.take('.') || in.take(',')) {
      if (!is_digit(in.peek())) return unrecognised(original);
      while (is_digit(in.peek())) ++in.at;
    }
  }
  if (*hour > 23 || *minute > 59)
    return failure(two_digits(*hour) + ':' + two_digits(*minute) +
                       " is not a valid time of day (expected 00:00 to 23:59)",
                   time_at);
  const std::chrono::minutes time{*hour * 60 + *minute};

  std::optional<std::chrono::minutes> offset;
  const std::size_t offset_at = in.at;
  if (in.take('Z') || in.take('z')) {
    offset = std::chrono::minutes{0};
  } else if (in.peek() == '+' || in.peek() == '-') {
    const int sign = in.text[in.at++] == '-' ? -1 : 1;
    const auto offset_hours = in.digits(2);
    in.take(':');
    const auto offset_minutes = in.digits(2);
    if (!offset_hours || !offset_minutes) return unrecognised(original);
    if (*offset_hours > 14 || *offset_minutes > 59)
      return failure(
          std::string(original.substr(offset_at)) + " is not a valid UTC offset (expected -12:00 to +14:00)",
          offset_at);
    offset = std::chrono::minutes{sign * (*offset_hours * 60 + *offset_minutes)};
  }
  if (!in.done()) return unrecognised(original);
  return make_anchor(*year, *month, *day, time, offset);
}

// "August 12, 2025", "Aug. 12 2025", "12 August 2025", "12 Aug. 2025", optionally after a weekday.
AnchorParse parse_words(Scanner& in, std::string_view original) {
  std::string_view word = in.word();
  if (is_weekday_word(word)) {
    in.take('.');
    in.take(',');
    in.skip_spaces();
    word = in.word();
  }
  std::optional<int> month;
  std::optional<int> day;
  if (!word.empty()) {
    month = month_from_word(word);
    if (!month) return unrecognised(original);
    in.take('.');
    in.skip_spaces();
    day = in.short_number();
    if (!day) return unrecognised(original);
    const std::string_view suffix = in.word();  // "12th"
    if (!suffix.empty() && !ingest_detail::iequals(suffix, "st") && !ingest_detail::iequals(suffix, "nd") &&
        !ingest_detail::iequals(suffix, "rd") && !ingest_detail::iequals(suffix, "th"))
      return unrecognised(original);
    in.take(',');
  } else {
    day = in.short_number();
    if (!day) return unrecognised(original);
    in.skip_spaces();
    month = month_from_word(in.word());
    if (!month) return unrecognised(original);
    in.take('.');
    in.take(',');
  }
  in.skip_spaces();
  const auto year = in.digits(4);
  if (!year || !in.done()) return unrecognised(original);
  return make_anchor(*year, *month, *day, std::nullopt, std::nullopt);
}

}  // namespace

AnchorParse parse_anchor_date(std::string_view text) {
  const std::string_view trimmed = ingest_detail::trim(text);
  const std::size_t lead = trimmed.empty() ? 0 : static_cast<std::size_t>(trimmed.data() - text.data());
  if (trimmed.empty()) return failure("empty date (" + std::string(expected_forms) + ")", 0);
  Scanner in{trimmed};
  AnchorParse result = is_digit(trimmed[0]) && trimmed.size() >= 5 && trimmed[4] == '-'
                           ? parse_iso(in, trimmed)
                           : parse_words(in, trimmed);
  result.error_offset += lead;
  return result;
}

namespace ingest_detail {

Anchor parse_anchor_or_fail(std::string_view value, std::string_view path, SourcePosition where) {
  AnchorParse parsed = parse_anchor_date(value);
  if (!parsed.anchor) {
    where.column += parsed.error_offset;
    fail(path, where, std::move(parsed.error));
  }
  return std::move(*parsed.anchor);
}

}  // namespace ingest_detail
}  // namespace reckon
