#include "engine/timeline_read.hpp"

#include <charconv>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>
#include <variant>

#include "engine/ingest.hpp"
#include "engine/source_error.hpp"
#include "engine/timeline_writers.hpp"

namespace reckon {
namespace {

using nlohmann::json;

// Where a value sits in the document: object keys and array indices from the root.
using PathStep = std::variant<std::string, std::size_t>;
using Path = std::vector<PathStep>;

std::string path_text(const Path& path) {
  std::string out;
  for (const auto& step : path) {
    if (const auto* key = std::get_if<std::string>(&step)) {
      if (!out.empty()) out += '.';
      out += *key;
    } else {
      out += '[' + std::to_string(std::get<std::size_t>(step)) + ']';
    }
  }
  return out.empty() ? "the document" : "'" + out + "'";
}

Path operator/(Path path, PathStep step) {
  path.push_back(std::move(step));
  return path;
}

// Finds the byte offset of the value at `path` in JSON text that is known to be well formed, by
// skipping over everything else. nlohmann keeps no positions, so errors about a parsed value come
// back here to point at it.
class Locator {
 public:
  explicit Locator(std::string_view text) : text_(text) {}

  std::size_t offset_of(const Path& path) {
    pos_ = 0;
    skip_space();
    for (const auto& step : path) {
      if (!enter(step)) break;
    }
    return pos_;
  }

 private:
  bool enter(const PathStep& step) {
    if (pos_ >= text_.size()) return false;
    const std::size_t start = pos_;
    if (const auto* key = std::get_if<std::string>(&step)) {
      if (text_[pos_] != '{') return false;
      ++pos_;
      for (skip_space(); pos_ < text_.size() && text_[pos_] != '}'; skip_separator()) {
        const std::string_view name = read_string();
        skip_space();
        ++pos_;  // ':'
        skip_space();
        if (name == *key) return true;
        skip_value();
      }
    } else {
      if (text_[pos_] != '[') return false;
      ++pos_;
      std::size_t index = 0;
      for (skip_space(); pos_ < text_.size() && text_[pos_] != ']'; skip_separator(), ++index) {
        if (index == std::get<std::size_t>(step)) return true;
        skip_value();
      }
    }
    pos_ = start;  // not found: point at the enclosing value
    return false;
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t'))
      ++pos_;
  }

  void skip_separator() {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
    skip_space();
  }

  // The raw text between the quotes (keys in our schema need no unescaping).
  std::string_view read_string() {
    const std::size_t start = ++pos_;
    while (pos_ < text_.size() && text_[pos_] != '"') pos_ += text_[pos_] == '\\' ? 2 : 1;
    const std::string_view s = text_.substr(start, std::min(pos_, text_.size()) - start);
    ++pos_;
    return s;
  }

  void skip_value() {
    if (pos_ >= text_.size()) return;
    const char c = text_[pos_];
    if (c == '"') {
      read_string();
    } else if (c == '{' || c == '[') {
      int depth = 0;
      while (pos_ < text_.size()) {
        const char d = text_[pos_];
        if (d == '"') {
          read_string();
          continue;
        }
        ++pos_;
        if (d == '{' || d == '[') ++depth;
        if ((d == '}' || d == ']') && --depth == 0) return;
      }
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']' &&
             text_[pos_] != ' ' && text_[pos_] != '\n' && text_[pos_] != '\r' && text_[pos_] != '\t')
        ++pos_;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

template <typename Enum, std::size_t N>
std::optional<Enum> enum_named(std::string_view name, const Enum (&values)[N]) {
  for (Enum v : values)
    if (name == to_string(v)) return v;
  return std::nullopt;
}

constexpr AnchorSource kAnchorSources[] = {AnchorSource::none, AnchorSource::header, AnchorSource::dateline,
                                           AnchorSource::dct,  AnchorSource::jsonl,  AnchorSource::config,
                                           AnchorSource::cli};
constexpr Modality kModalities[] = {Modality::happened, Modality::scheduled, Modality::proposed,
                                    Modality::denied};
constexpr Tense kTenses[] = {Tense::unknown, Tense::past, Tense::present, Tense::future};
constexpr TimexType kTimexTypes[] = {TimexType::date, TimexType::time, TimexType::duration, TimexType::set};
constexpr ConflictKind kConflictKinds[] = {ConflictKind::date, ConflictKind::order, ConflictKind::anchor};
constexpr Granularity kGranularities[] = {
    Granularity::millennium, Granularity::century, Granularity::decade,      Granularity::year,
    Granularity::half_year,  Granularity::quarter, Granularity::season,      Granularity::month,
    Granularity::week,       Granularity::day,     Granularity::part_of_day, Granularity::hour,
    Granularity::minute,     Granularity::second,  Granularity::unknown};

const char* json_type(const json& j) {
  switch (j.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string:
      return "a string";
    case json::value_t::boolean:
      return "a boolean";
    case json::value_t::binary:
      return "binary";
    case json::value_t::discarded:
      return "nothing";
    default:
      return "a number";
  }
}

class Reader {
 public:
  Reader(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

  Timeline read(const json& root) {
    expect(root, json::value_t::object, {}, "an object");
    const json& version = field(root, {}, "reckon_timeline");
    if (!version.is_number_integer() || version.get<std::int64_t>() != timeline_schema_version)
      fail({"reckon_timeline"}, "unsupported timeline version " + version.dump() + " (expected " +
                                    std::to_string(timeline_schema_version) + ")");
    Timeline t;
    const json& documents = array(root, {}, "documents");
    for (std::size_t i = 0; i < documents.size(); ++i)
      t.documents.push_back(document(documents[i], Path{"documents", i}));
    const json& events = array(root, {}, "events");
    for (std::size_t i = 0; i < events.size(); ++i) t.events.push_back(event(events[i], Path{"events", i}));
    const json& conflicts = array(root, {}, "conflicts");
    for (std::size_t i = 0; i < conflicts.size(); ++i)
      t.conflicts.push_back(conflict(conflicts[i], Path{"conflicts", i}, t));
    finish_mentions(t);
    return t;
  }

 private:
  [[noreturn]] void fail(const Path& path, const std::string& message) {
    Locator locator(text_);
    throw SourceError(file_, position_of(text_, locator.offset_of(path)), message);
  }

  void expect(const json& j, json::value_t type, const Path& path, const char* what) {
    const bool ok =
        j.type() == type || (type == json::value_t::number_unsigned && j.is_number_unsigned()) ||
        (type == json::value_t::number_unsigned && j.is_number_integer() && j.get<std::int64_t>() >= 0);
    if (!ok) fail(path, path_text(path) + " must be " + what + ", found " + json_type(j));
  }

  const json& field(const json& object, const Path& path, const char* key) {
    const auto it = object.find(key);
    if (it == object.end()) fail(path, "missing field '" + std::string(key) + "' in " + path_text(path));
    return *it;
  }

  const json& array(const json& object, const Path& path, const char* key) {
    const json& j = field(object, path, key);
    expect(j, json::value_t::array, path / key, "an array");
    return j;
  }

  const json& object(const json& j, const Path& path) {
    expect(j, json::value_t::object, path, "an object");
    return j;
  }

  std::string string(const json& object, const Path& path, const char* key) {
    const json& j = field(object, path, key);
    expect(j, json::value_t::string, path / key, "a string");
    return j.get<std::string>();
  }

  std::optional<std::string> nullable_string(const json& object, const Path& path, const char* key) {
    const json& j = field(object, path, key);
    if (j.is_null()) return std::nullopt;
    expect(j, json::value_t::string, path / key, "a string or null");
    return j.get<std::string>();
  }

  std::size_t number(const json& object, const Path& path, const char* key) {
    const json& j = field(object, path, key);
    if (!j.is_number_integer() || j.get<std::int64_t>() < 0)
      fail(path / key, path_text(path / key) + " must be a whole number of 0 or more, found " + j.dump());
    return j.get<std::size_t>();
  }

  bool boolean(const json& object, const Path& path, const char* key) {
    const json& j = field(object, path, key);
    expect(j, json::value_t::boolean, path / key, "true or false");
    return j.get<bool>();
  }

  template <typename Enum, std::size_t N>
  Enum named(const json& object, const Path& path, const char* key, const Enum (&values)[N]) {
    const std::string name = string(object, path, key);
    const auto value = enum_named(name, values);
    if (!value) {
      std::string expected;
      for (Enum v : values) expected += (expected.empty() ? "" : ", ") + std::string(to_string(v));
      fail(path / key, "unknown " + std::string(key) + " '" + name + "' in " + path_text(path / key) +
                           " (expected one of " + expected + ")");
    }
    return *value;
  }

  std::vector<std::string> strings(const json& object, const Path& path, const char* key) {
    const json& list = array(object, path, key);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      expect(list[i], json::value_t::string, path / key / i, "a string");
      out.push_back(list[i].get<std::string>());
    }
    return out;
  }

  // "2025-08-15T00:00:00", as the writer gives interval bounds.
  date::local_seconds local_time(const json& object, const Path& path, const char* key) {
    const std::string text = string(object, path, key);
    const auto number = [&](std::size_t at, std::size_t digits) -> std::optional<int> {
      int value = 0;
      const char* first = text.data() + at;
      const auto [end, ec] = std::from_chars(first, first + digits, value);
      if (ec != std::errc() || end != first + digits) return std::nullopt;
      return value;
    };
    const bool shaped = text.size() == 19 && text[4] == '-' && text[7] == '-' && text[10] == 'T' &&
                        text[13] == ':' && text[16] == ':';
    const auto y = shaped ? number(0, 4) : std::nullopt, mo = shaped ? number(5, 2) : std::nullopt,
               d = shaped ? number(8, 2) : std::nullopt, h = shaped ? number(11, 2) : std::nullopt,
               mi = shaped ? number(14, 2) : std::nullopt, s = shaped ? number(17, 2) : std::nullopt;
    const date::year_month_day day{date::year{y.value_or(0)},
                                   date::month{static_cast<unsigned>(mo.value_or(0))},
                                   date::day{static_cast<unsigned>(d.value_or(0))}};
    if (!y || !mo || !d || !h || !mi || !s || !day.ok() || *h > 23 || *mi > 59 || *s > 59)
      fail(path / key,
           path_text(path / key) + ": '" + text + "' is not a local time such as 2025-08-15T00:00:00");
    return date::local_days{day} + std::chrono::hours{*h} + std::chrono::minutes{*mi} +
           std::chrono::seconds{*s};
  }

  TimelineDocument document(const json& j, const Path& path) {
    object(j, path);
    TimelineDocument d;
    d.id = string(j, path, "id");
    if (const auto anchor = nullable_string(j, path, "anchor")) {
      const AnchorParse parsed = parse_anchor_date(*anchor);
      if (!parsed.anchor) fail(path / "anchor", path_text(path / "anchor") + ": " + parsed.error);
      d.anchor = parsed.anchor;
      d.anchor->timezone = string(j, path, "timezone");
    }
    d.anchor_source = named(j, path, "anchor_source", kAnchorSources);
    return d;
  }

  Event event(const json& j, const Path& path) {
    object(j, path);
    Event e;
    e.id = string(j, path, "id");
    e.type = string(j, path, "type");
    e.modality = named(j, path, "modality", kModalities);
    const auto when = nullable_string(j, path, "when");
    const json& interval = field(j, path, "interval");
    if (!interval.is_null()) {
      const Path at = path / "interval";
      object(interval, at);
      e.interval = Interval{local_time(interval, at, "start"), local_time(interval, at, "end")};
      e.granularity = named(interval, at, "granularity", kGranularities);
      if (!when) fail(path / "when", path_text(path / "when") + " is null but the event has an interval");
      e.when = *when;
    }
    e.participants = strings(j, path, "participants");
    e.place = nullable_string(j, path, "place");
    const json& mentions = array(j, path, "mentions");
    for (std::size_t i = 0; i < mentions.size(); ++i)
      e.mentions.push_back(mention(mentions[i], path / "mentions" / i));
    return e;
  }

  Conflict conflict(const json& j, const Path& path, const Timeline& t) {
    object(j, path);
    Conflict c;
    c.kind = named(j, path, "kind", kConflictKinds);
    if (const auto event = nullable_string(j, path, "event")) {
      std::size_t i = 0;
      while (i < t.events.size() && t.events[i].id != *event) ++i;
      if (i == t.events.size())
        fail(path / "event", "conflict names event '" + *event + "', which is not in 'events'");
      c.event = i;
    }
    if (j.contains("document")) c.document = string(j, path, "document");
    c.message = string(j, path, "message");
    const json& sides = array(j, path, "mentions");
    for (std::size_t s = 0; s < sides.size(); ++s) {
      expect(sides[s], json::value_t::array, path / "mentions" / s, "an array of mentions");
      std::vector<std::size_t> side;
      for (std::size_t i = 0; i < sides[s].size(); ++i)
        side.push_back(mention(sides[s][i], path / "mentions" / s / i));
      c.sides.push_back(std::move(side));
    }
    return c;
  }

  // Reads a mention and returns its provisional index; one mention written in several places
  // (an event and a conflict) is read once.
  std::size_t mention(const json& j, const Path& path) {
    object(j, path);
    Mention m;
    m.doc = string(j, path, "doc");
    const std::size_t sentence = number(j, path, "sentence");
    if (sentence == 0) fail(path / "sentence", path_text(path / "sentence") + " must be 1 or more");
    m.sentence = sentence - 1;
    m.start = number(j, path, "start");
    m.end = number(j, path, "end");
    m.trigger = string(j, path, "text");
    m.type = string(j, path, "type");
    m.modality = named(j, path, "modality", kModalities);
    m.tense = named(j, path, "tense", kTenses);
    const std::string sentence_text = string(j, path, "sentence_text");
    for (auto& name : strings(j, path, "participants")) m.participants.push_back({name, 0, 0});
    std::string timex_text;
    const json& timex = field(j, path, "timex");
    if (!timex.is_null()) {
      const Path at = path / "timex";
      object(timex, at);
      Timex x;
      m.time_from_context = boolean(timex, at, "from_context");
      if (!m.time_from_context) {
        x.start = number(timex, at, "start");
        x.end = number(timex, at, "end");
        timex_text = string(timex, at, "text");
      }
      x.type = named(timex, at, "type", kTimexTypes);
      x.value = string(timex, at, "value");
      if (timex.contains("mod")) x.mod = string(timex, at, "mod");
      m.time = std::move(x);
    }
    const auto key = std::make_tuple(m.doc, m.start, m.end, m.type);
    const auto [it, inserted] = index_.emplace(key, mentions_.size());
    if (inserted) mentions_.push_back({std::move(m), sentence_text, timex_text});
    return it->second;
  }

  // Sorts the mentions by (document, start) as a built timeline has them and renumbers references.
  void finish_mentions(Timeline& t) {
    std::vector<std::size_t> order(mentions_.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const Mention& x = mentions_[a].mention;
      const Mention& y = mentions_[b].mention;
      return std::tie(x.doc, x.start, x.end, x.type) < std::tie(y.doc, y.start, y.end, y.type);
    });
    std::vector<std::size_t> new_index(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
      new_index[order[i]] = i;
      auto& read = mentions_[order[i]];
      t.mentions.push_back(std::move(read.mention));
      t.sentence_texts.push_back(std::move(read.sentence_text));
      t.timex_texts.push_back(std::move(read.timex_text));
    }
    for (auto& e : t.events)
      for (auto& m : e.mentions) m = new_index[m];
    for (auto& c : t.conflicts)
      for (auto& side : c.sides)
        for (auto& m : side) m = new_index[m];
  }

  struct ReadMention {
    Mention mention;
    std::string sentence_text;
    std::string timex_text;
  };

  std::string_view text_;
  std::string file_;
  std::vector<ReadMention> mentions_;
  std::map<std::tuple<std::string, std::size_t, std::size_t, std::string>, std::size_t> index_;
};

}  // namespace

Timeline parse_timeline_json(std::string_view json_text, const std::string& path_for_errors) {
  json root;
  try {
    root = json::parse(json_text.begin(), json_text.end());
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    const auto column = what.find("column ");
    const auto colon = what.find(": ", column == std::string::npos ? 0 : column);
    if (colon != std::string::npos) what = what.substr(colon + 2);
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    throw SourceError(path_for_errors, position_of(json_text, std::min(offset, json_text.size())),
                      "not a timeline JSON file: " + what);
  }
  return Reader(json_text, path_for_errors).read(root);
}

Timeline read_timeline_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SourceError(path, {}, "cannot read the timeline file");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  return parse_timeline_json(text, path);
}

}  // namespace reckon
