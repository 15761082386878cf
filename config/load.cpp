#include "config/load.hpp"

#include <date/date.h>
#include <date/iso_week.h>
#include <date/tz.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <initializer_list>
#include <map>
#include <sstream>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "config/glob.hpp"

namespace reckon::config {

const char* assertion_name(const Assertion& assertion) noexcept {
  constexpr std::array<const char*, std::variant_size_v<Assertion>> names = {
      "on", "within", "before", "after", "exists", "count", "no_conflicts", "gap"};
  return names[assertion.index()];
}

namespace {

constexpr std::array<std::string_view, 12> month_names = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};

constexpr std::string_view date_forms =
    "expected \"2025-08-12\" or \"2025-08-12T13:06\", optionally with Z or an offset such as +02:00";
constexpr std::string_view period_forms =
    "expected a TIMEX3 value such as 2025-08-12, 2025-08, 2025-W33, 2025-Q3 or 2025";
constexpr std::string_view duration_forms = "expected an ISO-8601 duration such as P3D, P1W, PT12H or P1Y2M";

constexpr std::array<std::string_view, 8> assertion_keys = {"on",     "within", "before",       "after",
                                                            "exists", "count",  "no_conflicts", "gap"};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string two_digits(int value) {
  return std::string{static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

std::string four_digits(int year) {
  const std::string digits = std::to_string(year);
  return digits.size() >= 4 ? digits : std::string(4 - digits.size(), '0') + digits;
}

std::string join(std::initializer_list<std::string_view> words) {
  std::string out;
  for (const std::string_view word : words) {
    if (!out.empty()) out += ", ";
    out += word;
  }
  return out;
}

std::string type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a float";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "nothing";
  }
}

// Why a year-month-day is not a calendar date, or "" when it is one.
std::string impossible_date(int year, int month, int day) {
  const std::string written = four_digits(year) + '-' + two_digits(month) + '-' + two_digits(day);
  if (month < 1 || month > 12)
    return written + " is not a valid date: there is no month " + std::to_string(month);
  const date::year_month_day_last last{date::year{year} / date::month{static_cast<unsigned>(month)} /
                                       date::last};
  const auto days = static_cast<int>(static_cast<unsigned>(last.day()));
  if (day < 1 || day > days)
    return written +
           " is not a valid date: " + std::string(month_names[static_cast<std::size_t>(month - 1)]) + ' ' +
           std::to_string(year) + " has " + std::to_string(days) + " days";
  return {};
}

date::local_days make_day(int year, int month, int day) {
  return date::local_days{date::year{year} / date::month{static_cast<unsigned>(month)} /
                          date::day{static_cast<unsigned>(day)}};
}

// A cursor over a string value being parsed.
struct Cursor {
  std::string_view text;
  std::size_t at = 0;

  bool done() const noexcept { return at >= text.size(); }
  bool take(char c) noexcept {
    if (done() || text[at] != c) return false;
    ++at;
    return true;
  }
  std::optional<int> digits(std::size_t count) noexcept {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (!is_digit(text[at + i])) return std::nullopt;
      value = value * 10 + (text[at + i] - '0');
    }
    at += count;
    return value;
  }
  // One or more digits.
  std::optional<std::int64_t> number() noexcept {
    if (done() || !is_digit(text[at])) return std::nullopt;
    std::int64_t value = 0;
    while (!done() && is_digit(text[at])) {
      if (value > 100'000'000) return std::nullopt;
      value = value * 10 + (text[at++] - '0');
    }
    return value;
  }
};

// The outcome of parsing a string value: the value, or an error message.
template <typename T>
struct Parsed {
  std::optional<T> value;
  std::string error;
};

Parsed<DateTime> parse_date_time(std::string_view text) {
  const auto unrecognised = [&] {
    return Parsed<DateTime>{std::nullopt,
                            "'" + std::string(text) + "' is not a date (" + std::string(date_forms) + ")"};
  };
  Cursor in{text};
  const auto year = in.digits(4);
  const bool dash1 = in.take('-');
  const auto month = in.digits(2);
  const bool dash2 = in.take('-');
  const auto day = in.digits(2);
  if (!year || !dash1 || !month || !dash2 || !day) return unrecognised();
  if (std::string reason = impossible_date(*year, *month, *day); !reason.empty())
    return {std::nullopt, reason};
  DateTime result;
  result.day = make_day(*year, *month, *day);
  if (in.done()) return {result, {}};

  if (!in.take('T') && !in.take('t') && !in.take(' ')) return unrecognised();
  const auto hour = in.digits(2);
  const bool colon = in.take(':');
  const auto minute = in.digits(2);
  if (!hour || !colon || !minute) return unrecognised();
  if (in.take(':')) {
    const auto second = in.digits(2);
    if (!second || *second > 60) return unrecognised();
    if (in.take('.')) {
      if (!in.number()) return unrecognised();
    }
  }
  if (*hour > 23 || *minute > 59)
    return {std::nullopt, two_digits(*hour) + ':' + two_digits(*minute) +
                              " is not a valid time of day (expected 00:00 to 23:59)"};
  result.time_of_day = std::chrono::minutes{*hour * 60 + *minute};
  if (in.take('Z') || in.take('z')) {
    result.utc_offset = std::chrono::minutes{0};
  } else if (!in.done() && (text[in.at] == '+' || text[in.at] == '-')) {
    const int sign = text[in.at++] == '-' ? -1 : 1;
    const auto offset_hours = in.digits(2);
    const bool offset_colon = in.take(':');
    const auto offset_minutes = in.digits(2);
    if (!offset_hours || !offset_colon || !offset_minutes) return unrecognised();
    if (*offset_hours > 14 || *offset_minutes > 59)
      return {std::nullopt,
              "'" + std::string(text) + "' has an invalid UTC offset (expected -12:00 to +14:00)"};
    result.utc_offset = std::chrono::minutes{sign * (*offset_hours * 60 + *offset_minutes)};
  }
  if (!in.done()) return unrecognised();
  return {result, {}};
}

Parsed<Period> parse_period(std::string_view text) {
  using G = Period::Granularity;
  const auto unrecognised = [&] {
    return Parsed<Period>{std::nullopt,
                          "'" + std::string(text) + "' is not a period (" + std::string(period_forms) + ")"};
  };
  const auto invalid = [&](const std::string& why) {
    return Parsed<Period>{std::nullopt, "'" + std::string(text) + "' is not a valid period: " + why};
  };
  Cursor in{text};
  const auto year_number = in.digits(4);
  if (!year_number) return unrecognised();
  const date::year year{*year_number};
  Period period;
  period.value = std::string(text);
  if (in.done()) {
    period.granularity = G::year;
    period.begin = date::local_days{year / date::January / 1};
    period.end = date::local_days{(year + date::years{1}) / date::January / 1};
    return {period, {}};
  }
  if (!in.take('-')) return unrecognised();
  if (in.take('W')) {
    const auto week = in.digits(2);
    if (!week || !in.done()) return unrecognised();
    const auto weeks = static_cast<int>(
        static_cast<unsigned>(iso_week::year_lastweek{iso_week::year{*year_number}}.weeknum()));
    if (*week < 1 || *week > weeks)
      return invalid(std::to_string(*year_number) + " has ISO weeks 1 to " + std::to_string(weeks));
    const iso_week::year_weeknum_weekday monday{
        iso_week::year{*year_number}, iso_week::weeknum{static_cast<unsigned>(*week)}, iso_week::mon};
    period.granularity = G::week;
    period.begin = date::local_days{date::sys_days{monday}.time_since_epoch()};
    period.end = period.begin + date::days{7};
    return {period, {}};
  }
  if (in.take('Q')) {
    const auto quarter = in.digits(1);
    if (!quarter || !in.done()) return unrecognised();
    if (*quarter < 1 || *quarter > 4) return invalid("quarters are Q1 to Q4");
    const auto first = date::month{static_cast<unsigned>(3 * (*quarter - 1) + 1)};
    period.granularity = G::quarter;
    period.begin = date::local_days{year / first / 1};
    period.end = date::local_days{(year / first + date::months{3}) / 1};
    return {period, {}};
  }
  const auto month = in.digits(2);
  if (!month) return unrecognised();
  if (in.done()) {
    if (*month < 1 || *month > 12) return invalid("there is no month " + std::to_string(*month));
    const auto ym = year / date::month{static_cast<unsigned>(*month)};
    period.granularity = G::month;
    period.begin = date::local_days{ym / 1};
    period.end = date::local_days{(ym + date::months{1}) / 1};
    return {period, {}};
  }
  if (!in.take('-')) return unrecognised();
  const auto day = in.digits(2);
  if (!day || !in.done()) return unrecognised();
  if (std::string reason = impossible_date(*year_number, *month, *day); !reason.empty())
    return {std::nullopt, reason};
  period.granularity = G::day;
  period.begin = make_day(*year_number, *month, *day);
  period.end = period.begin + date::days{1};
  return {period, {}};
}

Parsed<Duration> parse_duration(std::string_view text) {
  const auto unrecognised = [&] {
    return Parsed<Duration>{
        std::nullopt, "'" + std::string(text) + "' is not a duration (" + std::string(duration_forms) + ")"};
  };
  Cursor in{text};
  if (!in.take('P')) return unrecognised();
  Duration duration;
  duration.value = std::string(text);
  bool in_time = false;
  bool any = false;
  std::string_view order = "YMWD";  // designators still allowed, in order
  while (!in.done()) {
    if (!in_time && in.take('T')) {
      in_time = true;
      order = "HMS";
      if (in.done()) return unrecognised();
      continue;
    }
    const auto number = in.number();
    if (!number || in.done()) return unrecognised();
    const char designator = text[in.at++];
    const std::size_t slot = order.find(designator);
    if (slot == std::string_view::npos) return unrecognised();
    order.remove_prefix(slot + 1);
    any = true;
    if (!in_time) {
      if (designator == 'Y')
        duration.years = *number;
      else if (designator == 'M')
        duration.months = *number;
      else if (designator == 'W')
        duration.weeks = *number;
      else
        duration.days = *number;
    } else {
      if (designator == 'H')
        duration.hours = *number;
      else if (designator == 'M')
        duration.minutes = *number;
      else
        duration.seconds = *number;
    }
  }
  if (!any) return unrecognised();
  return {duration, {}};
}

bool is_identifier(std::string_view text) {
  if (text.empty() || !((text[0] >= 'a' && text[0] <= 'z') || (text[0] >= 'A' && text[0] <= 'Z')))
    return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-';
  });
}

// A key and its value, for walking tables in file order (toml++ tables are sorted by key).
struct Entry {
  const toml::key* key;
  const toml::node* node;
};

std::vector<Entry> in_file_order(const toml::table& table) {
  std::vector<Entry> entries;
  for (auto&& [key, node] : table) entries.push_back({&key, &node});
  std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    const auto& x = a.key->source().begin;
    const auto& y = b.key->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  return entries;
}

// Where a line starts, for each line of a text (the first line is [0]).
std::vector<std::size_t> line_starts(std::string_view text) {
  std::vector<std::size_t> starts{0};
  for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
    starts.push_back(at + 1);
  return starts;
}

// Reads one document's tables into structs, failing at the first problem.
class Reader {
 public:
  Reader(std::string file, std::string_view text)
      : file_(std::move(file)), text_(text), line_starts_(line_starts(text)) {}

  [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const {
    const Location at = location_of(where.begin);
    throw ConfigError(file_, at.line, at.column, message);
  }

  // toml++ counts columns in code points and, at the end of the input, may point past the end of
  // the last line; reckon's columns count bytes (docs/cli.md) and always name a place in the file.
  Location location_of(const toml::source_position& position) const {
    if (position.line == 0) return {};
    const std::size_t line = std::min<std::size_t>(position.line, line_starts_.size());
    const std::size_t start = line_starts_[line - 1];
    const std::size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : text_.size();
    std::size_t at = start;
    for (std::size_t column = 1; column < position.column && at < end; ++column) {
      ++at;
      while (at < end && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;  // continuation bytes
    }
    return {line, at - start + 1};
  }
  Location location_of(const toml::source_region& region) const { return location_of(region.begin); }

  toml::table parse() const {
    try {
      return toml::parse(text_, std::string_view(file_));
    } catch (const toml::parse_error& error) {
      const Location at = location_of(error.source().begin);
      throw ConfigError(file_, at.line, at.column, "invalid TOML: " + std::string(error.description()));
    }
  }

  void check_keys(const toml::table& table, std::string_view context,
                  std::initializer_list<std::string_view> allowed) const {
    for (const Entry& entry : in_file_order(table)) {
      const std::string_view name = entry.key->str();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
        fail(entry.key->source(), "unknown key '" + std::string(name) + "' " + std::string(context) +
                                      " (expected one of: " + join(allowed) + ")");
    }
  }

  const toml::table& table_at(const Entry& entry, std::string_view what) const {
    const toml::table* table = entry.node->as_table();
    if (table == nullptr)
      fail(entry.key->source(), "'" + std::string(entry.key->str()) + "' must be " + std::string(what) +
                                    ", found " + type_name(*entry.node));
    return *table;
  }

  std::string string_at(const Entry& entry, std::string_view context, bool allow_empty = false) const {
    const auto* value = entry.node->as_string();
    if (value == nullptr)
      fail(entry.key->source(), "'" + std::string(entry.key->str()) + "' " + std::string(context) +
                                    " must be a string, found " + type_name(*entry.node));
    if (!allow_empty && value->get().empty())
      fail(entry.node->source(),
           "'" + std::string(entry.key->str()) + "' " + std::string(context) + " must not be empty");
    return value->get();
  }

  // A non-empty array of non-empty strings.
  std::vector<std::pair<std::string, toml::source_region>> strings_at(const Entry& entry,
                                                                      std::string_view context) const {
    const toml::array* array = entry.node->as_array();
    if (array == nullptr)
      fail(entry.key->source(), "'" + std::string(entry.key->str()) + "' " + std::string(context) +
                                    " must be an array of strings, found " + type_name(*entry.node));
    std::vector<std::pair<std::string, toml::source_region>> out;
    for (const toml::node& element : *array) {
      const auto* text = element.as_string();
      if (text == nullptr)
        fail(element.source(), "'" + std::string(entry.key->str()) + "' " + std::string(context) +
                                   " must hold only strings, found " + type_name(element));
      if (text->get().empty())
        fail(element.source(), "empty string in '" + std::string(entry.key->str()) + "' " +
                                   std::string(context) + " (expected a name or phrase)");
      out.emplace_back(text->get(), element.source());
    }
    return out;
  }

  // "2025-08-12", "2025-08-12T13:06[:ss][Z|+hh:mm]", or a TOML date or date-time.
  DateTime date_time_at(const Entry& entry, std::string_view context) const {
    const toml::node& node = *entry.node;
    if (const auto* text = node.as_string()) {
      Parsed<DateTime> parsed = parse_date_time(text->get());
      if (!parsed.value) fail(node.source(), parsed.error);
      return *parsed.value;
    }
    if (const auto* day = node.as_date()) return from_toml(day->get());
    if (const auto* stamp = node.as_date_time()) {
      DateTime result = from_toml(stamp->get().date);
      result.time_of_day = std::chrono::minutes{stamp->get().time.hour * 60 + stamp->get().time.minute};
      if (stamp->get().offset) result.utc_offset = std::chrono::minutes{stamp->get().offset->minutes};
      return result;
    }
    fail(entry.key->source(), "'" + std::string(entry.key->str()) + "' " + std::string(context) +
                                  " must be a date, found " + type_name(node) + " (" +
                                  std::string(date_forms) + ")");
  }

  static DateTime from_toml(const toml::date& day) {
    DateTime result;
    result.day = make_day(day.year, day.month, day.day);
    return result;
  }

  Period period_at(const Entry& entry, std::string_view context) const {
    const toml::node& node = *entry.node;
    Period period;
    if (const auto* text = node.as_string()) {
      Parsed<Period> parsed = parse_period(text->get());
      if (!parsed.value) fail(node.source(), parsed.error);
      period = std::move(*parsed.value);
    } else if (const auto* day = node.as_date()) {
      const toml::date& d = day->get();
      period.value = four_digits(d.year) + '-' + two_digits(d.month) + '-' + two_digits(d.day);
      period.begin = make_day(d.year, d.month, d.day);
      period.end = period.begin + date::days{1};
    } else {
      fail(entry.key->source(), "'" + std::string(entry.key->str()) + "' " + std::string(context) +
                                    " must be a string or a date, found " + type_name(node) + " (" +
                                    std::string(period_forms) + ")");
    }
    period.where = location_of(node.source());
    return period;
  }

  Duration duration_at(const Entry& entry, std::string_view context) const {
    const std::string text = string_at(entry, context);
    Parsed<Duration> parsed = parse_duration(text);
    if (!parsed.value) fail(entry.node->source(), parsed.error);
    parsed.value->where = location_of(entry.node->source());
    return *parsed.value;
  }

  std::string timezone_at(const Entry& entry, std::string_view context) const {
    std::string name = string_at(entry, context);
    try {
      date::locate_zone(name);
    } catch (const std::exception&) {
      fail(entry.node->source(),
           "unknown time zone '" + name + "' (expected an IANA name such as UTC or America/New_York)");
    }
    return name;
  }

  void read_defaults(const Entry& section, Defaults& defaults) const {
    const toml::table& table = table_at(section, "a table");
    check_keys(table, "in [defaults]", {"timezone", "max_document_bytes"});
    defaults.where = location_of(section.key->source());
    for (const Entry& entry : in_file_order(table)) {
      if (entry.key->str() == "timezone") {
        defaults.timezone = timezone_at(entry, "in [defaults]");
      } else {
        const auto* number = entry.node->as_integer();
        if (number == nullptr)
          fail(entry.key->source(), "'max_document_bytes' in [defaults] must be a positive integer, found " +
                                        type_name(*entry.node));
        if (number->get() <= 0)
          fail(entry.node->source(), "'max_document_bytes' in [defaults] must be a positive integer, found " +
                                         std::to_string(number->get()));
        defaults.max_document_bytes = static_cast<std::uint64_t>(number->get());
        defaults.max_document_bytes_where = location_of(entry.node->source());
      }
    }
  }

  void read_anchors(const Entry& section, std::vector<AnchorRule>& rules) const {
    const toml::table& table = table_at(section, "a table of document names or globs");
    for (const Entry& entry : in_file_order(table)) {
      AnchorRule rule;
      rule.pattern = std::string(entry.key->str());
      rule.where = location_of(entry.key->source());
      if (rule.pattern.empty())
        fail(entry.key->source(), "empty anchor key (expected a document name or glob)");
      rule.is_glob = is_glob(rule.pattern);
      if (rule.is_glob) {
        if (auto error = glob_error(rule.pattern))
          fail(entry.key->source(), "invalid glob '" + rule.pattern + "': " + *error);
      }
      const std::string context = "in [anchors]";
      if (const toml::table* details = entry.node->as_table()) {
        const std::string where = "in the anchor for '" + rule.pattern + "'";
        check_keys(*details, where, {"published", "timezone"});
        bool has_published = false;
        for (const Entry& field : in_file_order(*details)) {
          if (field.key->str() == "published") {
            rule.published = date_time_at(field, where);
            has_published = true;
          } else {
            rule.timezone = timezone_at(field, where);
          }
        }
        if (!has_published)
          fail(entry.key->source(), "anchor '" + rule.pattern +
                                        "' has no 'published' (expected { published = \"2025-08-12\", "
                                        "timezone = \"America/New_York\" })");
      } else {
        rule.published = date_time_at(entry, context);
      }
      rules.push_back(std::move(rule));
    }
  }

  void read_entities(const Entry& section, std::vector<Entity>& entities) const {
    const toml::table& table = table_at(section, "a table of names to arrays of aliases");
    struct Owner {
      std::string entity;
      std::size_t line;
    };
    std::map<std::string, Owner, std::less<>> owner;
    for (const Entry& entry : in_file_order(table)) {
      Entity entity;
      entity.canonical = std::string(entry.key->str());
      entity.where = location_of(entry.key->source());
      if (entity.canonical.empty())
        fail(entry.key->source(), "empty entity name (expected a canonical name)");
      if (auto it = owner.find(entity.canonical); it != owner.end())
        fail(entry.key->source(), "entity '" + entity.canonical + "' is already an alias of '" +
                                      it->second.entity + "' (line " + std::to_string(it->second.line) + ")");
      owner.emplace(entity.canonical, Owner{entity.canonical, entity.where.line});
      for (auto& [alias, where] : strings_at(entry, "in [entities]")) {
        if (alias == entity.canonical) continue;
        if (auto it = owner.find(alias); it != owner.end()) {
          const std::string message =
              it->second.entity == entity.canonical
                  ? "alias '" + alias + "' is listed twice for '" + entity.canonical + "'"
                  : "alias '" + alias + "' of '" + entity.canonical + "' already names '" +
                        it->second.entity + "' (line " + std::to_string(it->second.line) +
                        "; expected each name to belong to one entity)";
          fail(where, message);
        }
        owner.emplace(alias, Owner{entity.canonical, where.begin.line});
        entity.aliases.push_back(std::move(alias));
      }
      entities.push_back(std::move(entity));
    }
  }

  // Each type is an array of nouns (`summit = ["parley"]`) or a table of nouns and verb lemmas
  // (`[events.launch]` with `nouns = ["launch"]`, `verbs = ["unveil"]`).
  void read_events(const Entry& section, std::vector<EventTriggers>& events) const {
    const toml::table& table = table_at(section, "a table of event types to trigger words");
    for (const Entry& entry : in_file_order(table)) {
      EventTriggers triggers;
      triggers.type = std::string(entry.key->str());
      triggers.where = location_of(entry.key->source());
      if (!is_identifier(triggers.type))
        fail(entry.key->source(),
             "event type '" + triggers.type +
                 "' is not an identifier (expected letters, digits, '_' or '-', such as summit)");
      if (const toml::table* words = entry.node->as_table()) {
        const std::string context = "in [events." + triggers.type + "]";
        check_keys(*words, context, {"nouns", "verbs"});
        for (const Entry& list : in_file_order(*words)) {
          auto& into = list.key->str() == "nouns" ? triggers.nouns : triggers.verbs;
          for (auto& [word, where] : strings_at(list, context)) into.push_back(std::move(word));
        }
        if (triggers.nouns.empty() && triggers.verbs.empty())
          fail(entry.key->source(), "event type '" + triggers.type +
                                        "' in [events] lists no words (expected nouns = [...] or verbs = [...])");
      } else if (entry.node->is_array()) {
        for (auto& [word, where] : strings_at(entry, "in [events]")) triggers.nouns.push_back(std::move(word));
      } else {
        fail(entry.key->source(), "'" + triggers.type +
                                      "' in [events] must be an array of nouns or a table with nouns and verbs, found " +
                                      type_name(*entry.node));
      }
      events.push_back(std::move(triggers));
    }
  }

  void read_named(const Entry& section, std::vector<NamedTime>& named) const {
    const toml::table& table = table_at(section, "a table of names to dates");
    for (const Entry& entry : in_file_order(table)) {
      NamedTime time;
      time.name = std::string(entry.key->str());
      time.where = location_of(entry.key->source());
      if (time.name.empty())
        fail(entry.key->source(), "empty name in [named] (expected a name for the date)");
      time.when = date_time_at(entry, "in [named]");
      named.push_back(std::move(time));
    }
  }

  EventSelector selector_at(const Entry& entry, std::string_view context) const {
    const toml::table& table = table_at(entry, "an event selector table such as { type = \"summit\" }");
    const std::string where =
        "in the selector '" + std::string(entry.key->str()) + "' " + std::string(context);
    check_keys(table, where, {"type", "participants", "place", "text", "on", "within"});
    EventSelector selector;
    selector.where = location_of(entry.node->source());
    if (table.empty())
      fail(entry.node->source(),
           "empty event selector '" + std::string(entry.key->str()) +
               "' (expected at least one of: type, participants, place, text, on, within)");
    for (const Entry& field : in_file_order(table)) {
      const std::string_view name = field.key->str();
      if (name == "type") {
        selector.type = string_at(field, where);
        if (!is_identifier(*selector.type))
          fail(field.node->source(),
               "event type '" + *selector.type +
                   "' is not an identifier (expected letters, digits, '_' or '-', such as summit)");
      } else if (name == "participants") {
        for (auto& [participant, region] : strings_at(field, where))
          selector.participants.push_back(std::move(participant));
      } else if (name == "place") {
        selector.place = string_at(field, where);
      } else if (name == "text") {
        selector.text = string_at(field, where);
      } else if (name == "on") {
        selector.on = period_at(field, where);
      } else {
        selector.within = period_at(field, where);
      }
    }
    return selector;
  }

  GapAssertion gap_at(const Entry& entry, std::string_view context) const {
    const toml::table& table =
        table_at(entry, "a table such as { from = { type = \"call\" }, at_least = \"P3D\" }");
    const std::string where = "in 'gap' " + std::string(context);
    check_keys(table, where, {"from", "at_least", "at_most"});
    GapAssertion gap;
    bool has_from = false;
    for (const Entry& field : in_file_order(table)) {
      const std::string_view name = field.key->str();
      if (name == "from") {
        gap.from = selector_at(field, where);
        has_from = true;
      } else if (name == "at_least") {
        gap.at_least = duration_at(field, where);
      } else {
        gap.at_most = duration_at(field, where);
      }
    }
    if (!has_from)
      fail(entry.node->source(),
           "'gap' has no 'from' (expected from = { ... }, the event the gap is measured from)");
    if (!gap.at_least && !gap.at_most)
      fail(entry.node->source(),
           "'gap' has neither 'at_least' nor 'at_most' (expected at least one duration such as \"P3D\")");
    return gap;
  }

  Claim claim_at(const toml::node& node) const {
    const toml::table* table = node.as_table();
    if (table == nullptr) fail(node.source(), "each [[claim]] must be a table, found " + type_name(node));
    Claim claim;
    claim.file = file_;
    claim.where = location_of(table->source());
    const toml::source_region& at_claim = table->source();
    check_keys(*table, "in [[claim]]",
               {"id", "description", "event", "on", "within", "before", "after", "exists", "count",
                "no_conflicts", "gap"});
    const auto entries = in_file_order(*table);
    for (const Entry& field : entries)
      if (field.key->str() == "id") claim.id = string_at(field, "in [[claim]]");
    if (claim.id.empty()) fail(at_claim, "claim has no 'id' (expected id = \"a-unique-name\")");
    const std::string context = "in claim '" + claim.id + "'";

    std::vector<const Entry*> assertions;
    for (const Entry& field : entries) {
      const std::string_view name = field.key->str();
      if (name == "description")
        claim.description = string_at(field, context, true);
      else if (name == "event")
        claim.event = selector_at(field, context);
      else if (std::find(assertion_keys.begin(), assertion_keys.end(), name) != assertion_keys.end())
        assertions.push_back(&field);
    }
    if (assertions.empty())
      fail(at_claim, "claim '" + claim.id +
                         "' makes no assertion (expected exactly one of: on, within, before, after, exists, "
                         "count, no_conflicts, gap)");
    if (assertions.size() > 1)
      fail(at_claim, "claim '" + claim.id + "' makes " + std::to_string(assertions.size()) +
                         " assertions, '" + std::string(assertions[0]->key->str()) + "' and '" +
                         std::string(assertions[1]->key->str()) +
                         "' (expected exactly one; write one claim per assertion)");
    const Entry& assertion = *assertions.front();
    claim.assertion_where = location_of(assertion.key->source());
    claim.assertion = assertion_at(assertion, context);
    const bool needs_event = !std::holds_alternative<CountAssertion>(claim.assertion) &&
                             !std::holds_alternative<NoConflictsAssertion>(claim.assertion);
    if (needs_event && !claim.event)
      fail(at_claim, "claim '" + claim.id +
                         "' has no 'event' (expected event = { type = \"...\", participants = [...] })");
    return claim;
  }

  Assertion assertion_at(const Entry& entry, std::string_view context) const {
    const std::string_view name = entry.key->str();
    const std::string key = "'" + std::string(name) + "' " + std::string(context);
    if (name == "on") return OnAssertion{period_at(entry, context)};
    if (name == "within") return WithinAssertion{period_at(entry, context)};
    if (name == "before") return BeforeAssertion{selector_at(entry, context)};
    if (name == "after") return AfterAssertion{selector_at(entry, context)};
    if (name == "gap") return gap_at(entry, context);
    if (name == "count") {
      const auto* number = entry.node->as_integer();
      if (number == nullptr)
        fail(entry.key->source(), key + " must be an integer, found " + type_name(*entry.node));
      if (number->get() < 0)
        fail(entry.node->source(), key + " must be 0 or more, found " + std::to_string(number->get()));
      return CountAssertion{number->get()};
    }
    const auto* flag = entry.node->as_boolean();
    if (flag == nullptr)
      fail(entry.key->source(), key + " must be a boolean, found " + type_name(*entry.node));
    if (name == "exists") return ExistsAssertion{flag->get()};
    if (!flag->get())
      fail(entry.node->source(), key + " must be true (to not check conflicts, leave the claim out)");
    return NoConflictsAssertion{};
  }

  std::vector<Claim> read_claims(const Entry& section) const {
    const toml::array* array = section.node->as_array();
    if (array == nullptr || !array->is_array_of_tables())
      fail(section.key->source(),
           "'claim' must be an array of tables, written [[claim]], found " + type_name(*section.node));
    std::vector<Claim> claims;
    for (const toml::node& node : *array) claims.push_back(claim_at(node));
    check_unique(claims, 0);
    return claims;
  }

  // Claim ids are unique; checked from `first` on against all earlier ones.
  static void check_unique(const std::vector<Claim>& claims, std::size_t first) {
    std::map<std::string_view, const Claim*, std::less<>> seen;
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const Claim& claim = claims[i];
      const auto [it, inserted] = seen.emplace(claim.id, &claim);
      if (!inserted && i >= first)
        throw ConfigError(claim.file, claim.where.line, claim.where.column,
                          "duplicate claim id '" + claim.id + "' (first used at " + it->second->file + ":" +
                              std::to_string(it->second->where.line) + ")");
    }
  }

  const std::string& file() const noexcept { return file_; }

 private:
  std::string file_;
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

// Line and column (1-based, bytes) of an offset in a text.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const std::size_t newline = before.rfind('\n');
  return {1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')),
          newline == std::string_view::npos ? offset + 1 : offset - newline};
}

// Length of the well-formed UTF-8 sequence at `at` (Unicode table 3-7: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0 when it is not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80) return 1;
  std::size_t need = 0;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) need = 1;
  else if (lead == 0xE0) need = 2, low = 0xA0;
  else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) need = 2;
  else if (lead == 0xED) need = 2, high = 0x9F;
  else if (lead == 0xF0) need = 3, low = 0x90;
  else if (lead >= 0xF1 && lead <= 0xF3) need = 3;
  else if (lead == 0xF4) need = 3, high = 0x8F;
  else return 0;
  for (std::size_t i = 1; i <= need; ++i) {
    if (at + i >= text.size()) return 0;
    const unsigned char b = byte(at + i);
    if (b < (i == 1 ? low : 0x80) || b > (i == 1 ? high : 0xBF)) return 0;
  }
  return need + 1;
}

// toml++ reports invalid UTF-8 a column early; find it ourselves and say it as ingest does.
void check_utf8(std::string_view text, const std::string& file) {
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t length = utf8_sequence_length(text, at);
    if (length > 0) {
      at += length;
      continue;
    }
    const auto [line, column] = line_and_column(text, at);
    constexpr char digits[] = "0123456789abcdef";
    const auto byte = static_cast<unsigned char>(text[at]);
    throw ConfigError(file, line, column,
                      std::string("invalid UTF-8 byte 0x") + digits[byte >> 4] + digits[byte & 0x0F] +
                          " (expected UTF-8 text)");
  }
}

// Configuration and claims files are small; a bigger one is a mistake (a wrong path, a device),
// refused once this much has been read instead of being read whole.
constexpr std::size_t max_config_bytes = std::size_t{16} << 20;

std::string read_file(const std::filesystem::path& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error))
    throw ConfigError(path.string(), 0, 0, "is a directory (expected a TOML file)");
  std::ifstream in{path, std::ios::binary};
  if (!in) {
    const std::string reason = std::filesystem::exists(path, error) ? "cannot open the file" : "no such file";
    throw ConfigError(path.string(), 0, 0, reason);
  }
  std::string text;
  std::vector<char> buffer(std::size_t{1} << 16);
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    text.append(buffer.data(), static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_config_bytes) {
      const auto [line, column] = line_and_column(text, max_config_bytes);
      throw ConfigError(path.string(), line, column,
                        "file is larger than 16 MiB (expected a TOML configuration or claims file)");
    }
  }
  if (in.bad()) throw ConfigError(path.string(), 0, 0, "cannot read the file");
  check_utf8(text, path.string());
  return text;
}

}  // namespace

Settings parse_settings(std::string_view toml_text, std::string_view path_for_errors) {
  const Reader reader{std::string(path_for_errors), toml_text};
  const toml::table root = reader.parse();
  reader.check_keys(root, "at the top level",
                    {"defaults", "anchors", "entities", "events", "named", "claim"});
  Settings settings;
  settings.file = std::string(path_for_errors);
  for (const Entry& section : in_file_order(root)) {
    const std::string_view name = section.key->str();
    if (name == "defaults")
      reader.read_defaults(section, settings.defaults);
    else if (name == "anchors")
      reader.read_anchors(section, settings.anchors);
    else if (name == "entities")
      reader.read_entities(section, settings.entities);
    else if (name == "events")
      reader.read_events(section, settings.events);
    else if (name == "named")
      reader.read_named(section, settings.named);
    else
      settings.claims = reader.read_claims(section);
  }
  return settings;
}

Settings load_settings(const std::filesystem::path& path) {
  return parse_settings(read_file(path), path.string());
}

std::vector<Claim> parse_claims(std::string_view toml_text, std::string_view path_for_errors) {
  const Reader reader{std::string(path_for_errors), toml_text};
  const toml::table root = reader.parse();
  for (const Entry& entry : in_file_order(root))
    if (entry.key->str() != "claim")
      reader.fail(entry.key->source(), "unknown key '" + std::string(entry.key->str()) +
                                           "' in a claims file (expected only [[claim]] tables)");
  const auto entries = in_file_order(root);
  if (entries.empty()) return {};
  return reader.read_claims(entries.front());
}

std::vector<Claim> load_claims(const std::filesystem::path& path) {
  return parse_claims(read_file(path), path.string());
}

void add_claims(Settings& settings, std::vector<Claim> claims) {
  const std::size_t first = settings.claims.size();
  for (Claim& claim : claims) settings.claims.push_back(std::move(claim));
  Reader::check_unique(settings.claims, first);
}

}  // namespace reckon::config
