#include "engine/eval_timeline.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "engine/source_error.hpp"

namespace reckon {
namespace {

namespace fs = std::filesystem;

// The line as written, tabs between fields: the task's scorer sorts whole lines.
std::string line_text(const TimelineLine& line) {
  std::string s = std::to_string(line.order) + '\t' + line.date;
  for (const auto& m : line.mentions) s += '\t' + m;
  return s;
}

// "Natural" order of two lines: runs of digits compare as numbers, the text between them byte by
// byte; a key that is a prefix of the other sorts first.
bool natural_less(std::string_view a, std::string_view b) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0, j = 0;
  while (true) {
    // A text run (maybe empty), then a number run, alternately, on both sides in step.
    const std::size_t ti = i, tj = j;
    while (i < a.size() && !digit(a[i])) ++i;
    while (j < b.size() && !digit(b[j])) ++j;
    const std::string_view ta = a.substr(ti, i - ti), tb = b.substr(tj, j - tj);
    if (ta != tb) return ta < tb;
    if (i == a.size() || j == b.size()) return i == a.size() && j < b.size();
    std::size_t ni = i, nj = j;
    while (ni < a.size() && digit(a[ni])) ++ni;
    while (nj < b.size() && digit(b[nj])) ++nj;
    std::string_view na = a.substr(i, ni - i), nb = b.substr(j, nj - j);
    while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
    while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
    if (na.size() != nb.size()) return na.size() < nb.size();
    if (na != nb) return na < nb;
    i = ni;
    j = nj;
  }
}

// The explicit relations a timeline stands for, in the order the task's scorer states them. Lines
// are sorted naturally and ORDER 0 lines dropped. Every mention is an event node (the k-th
// occurrence of a mention string, k > 1, is "MENTION#k") and every DATE string a time node
// ("@" + the string as written). First each event SIMULTANEOUS its date, in line order; then each
// event and the next one in that order: BEFORE when the ORDER grows, else SIMULTANEOUS.
std::vector<TimelineRelation> explicit_relations(const SemevalTimeline& timeline) {
  std::vector<const TimelineLine*> lines;
  for (const auto& line : timeline.lines)
    if (line.order > 0) lines.push_back(&line);
  std::vector<std::string> keys;
  for (const auto* line : lines) keys.push_back(line_text(*line));
  std::vector<std::size_t> by_key(lines.size());
  for (std::size_t i = 0; i < by_key.size(); ++i) by_key[i] = i;
  std::stable_sort(by_key.begin(), by_key.end(),
                   [&](std::size_t x, std::size_t y) { return natural_less(keys[x], keys[y]); });

  struct Event {
    std::string node;
    int order;
  };
  std::vector<Event> events;
  std::map<std::string, int, std::less<>> seen;
  std::vector<TimelineRelation> out;
  for (const std::size_t i : by_key) {
    for (const auto& m : lines[i]->mentions) {
      const int k = ++seen[m];
      std::string node = k == 1 ? m : m + '#' + std::to_string(k);
      out.push_back({false, node, '@' + lines[i]->date});
      events.push_back({std::move(node), lines[i]->order});
    }
  }
  for (std::size_t i = 0; i + 1 < events.size(); ++i)
    out.push_back({events[i].order < events[i + 1].order, events[i].node, events[i + 1].node});
  return out;
}

// A point-algebra graph grown one relation at a time: SIMULTANEOUS classes (union-find) with
// BEFORE edges between them.
class PointGraph {
 public:
  enum class Outcome { added, entailed, contradicted };

  Outcome add(const TimelineRelation& r) {
    const std::size_t x = find(node(r.a)), y = find(node(r.b));
    if (r.before) {
      if (reaches(x, y)) return Outcome::entailed;
      if (x == y || reaches(y, x)) return Outcome::contradicted;
      before_.emplace_back(x, y);
      return Outcome::added;
    }
    if (x == y) return Outcome::entailed;
    if (reaches(x, y) || reaches(y, x)) return Outcome::contradicted;
    parent_[y] = x;
    return Outcome::added;
  }

  // Whether the relations added so far entail `r`; false when either node is unknown.
  bool entails(const TimelineRelation& r) const {
    const auto a = index_.find(r.a), b = index_.find(r.b);
    if (a == index_.end() || b == index_.end()) return false;
    const std::size_t x = find(a->second), y = find(b->second);
    return r.before ? reaches(x, y) : x == y;
  }

 private:
  std::size_t node(const std::string& name) {
    const auto [it, added] = index_.emplace(name, parent_.size());
    if (added) parent_.push_back(parent_.size());
    return it->second;
  }

  std::size_t find(std::size_t i) const {
    while (parent_[i] != i) i = parent_[i];
    return i;
  }

  // Whether class `from` is strictly before class `to` by the BEFORE edges so far.
  bool reaches(std::size_t from, std::size_t to) const {
    std::vector<std::size_t> stack{from};
    std::vector<bool> seen(parent_.size(), false);
    while (!stack.empty()) {
      const std::size_t c = stack.back();
      stack.pop_back();
      for (const auto& [x, y] : before_) {
        if (find(x) != c) continue;
        const std::size_t d = find(y);
        if (d == to) return true;
        if (!seen[d]) {
          seen[d] = true;
          stack.push_back(d);
        }
      }
    }
    return false;
  }

  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<std::size_t> parent_;
  std::vector<std::pair<std::size_t, std::size_t>> before_;
};

// A timeline read as the scorer reads it: its graph, its explicit relations, and the reduced
// ones (explicit relations not entailed by those stated before them; contradicted ones stay in,
// though the graph does not take them).
struct ScoredGraph {
  PointGraph graph;
  std::set<std::tuple<bool, std::string, std::string>> stated;
  std::vector<TimelineRelation> reduced;

  explicit ScoredGraph(const SemevalTimeline& timeline) {
    for (auto& r : explicit_relations(timeline)) {
      stated.emplace(r.before, r.a, r.b);
      if (!r.before) stated.emplace(false, r.b, r.a);
      if (graph.add(r) != PointGraph::Outcome::entailed) reduced.push_back(std::move(r));
    }
  }

  // A relation of the other timeline holds here when stated here or entailed here.
  bool holds(const TimelineRelation& r) const {
    return stated.contains({r.before, r.a, r.b}) || graph.entails(r);
  }
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw SourceError(path.string(), {}, "cannot read the file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> timeline_files(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw SourceError(dir.string(), {}, "not a directory");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") names.push_back(entry.path().filename().string());
  if (ec) throw SourceError(dir.string(), {}, "cannot list the directory: " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

SemevalTimeline parse_semeval_timeline(std::string_view text, const std::string& file) {
  SemevalTimeline t;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line_number == 1) {
      t.entity = std::string(line);
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    std::vector<std::string_view> fields;
    std::vector<std::size_t> columns;
    std::size_t start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      columns.push_back(start + 1);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() < 3)
      throw SourceError(file, {line_number, 1}, "expected ORDER<TAB>DATE<TAB>DOCID-SENTENCE-WORD");
    TimelineLine entry;
    const auto [ptr, ec] = std::from_chars(fields[0].data(), fields[0].data() + fields[0].size(), entry.order);
    if (ec != std::errc{} || ptr != fields[0].data() + fields[0].size() || entry.order < 0)
      throw SourceError(file, {line_number, 1}, "expected an ORDER number, found '" + std::string(fields[0]) + "'");
    entry.date = std::string(fields[1]);
    for (std::size_t i = 2; i < fields.size(); ++i) {
      const std::string_view m = fields[i];
      if (m.empty()) continue;
      if (std::count(m.begin(), m.end(), '-') < 2)
        throw SourceError(file, {line_number, columns[i]},
                          "expected a mention DOCID-SENTENCE-WORD, found '" + std::string(m) + "'");
      entry.mentions.emplace_back(m);
    }
    if (entry.mentions.empty()) throw SourceError(file, {line_number, 1}, "a line without a mention");
    t.lines.push_back(std::move(entry));
  }
  return t;
}

std::vector<TimelineRelation> reduced_relations(const SemevalTimeline& timeline) {
  return ScoredGraph(timeline).reduced;
}

TimelineCounts& TimelineCounts::operator+=(const TimelineCounts& other) noexcept {
  system += other.system;
  system_found += other.system_found;
  gold += other.gold;
  gold_found += other.gold_found;
  return *this;
}

TimelinePRF prf_of(const TimelineCounts& c) noexcept {
  TimelinePRF s;
  s.precision = c.system ? static_cast<double>(c.system_found) / static_cast<double>(c.system) : 0.0;
  s.recall = c.gold ? static_cast<double>(c.gold_found) / static_cast<double>(c.gold) : 0.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  return s;
}

TimelineCounts score_timeline(const SemevalTimeline& gold, const SemevalTimeline& system) {
  const ScoredGraph g(gold);
  const ScoredGraph s(system);
  TimelineCounts c;
  for (const auto& r : s.reduced) {
    ++c.system;
    if (g.holds(r)) ++c.system_found;
  }
  for (const auto& r : g.reduced) {
    ++c.gold;
    if (s.holds(r)) ++c.gold_found;
  }
  return c;
}

TimelineEvaluation evaluate_timeline_dirs(const fs::path& gold_dir, const fs::path& system_dir) {
  const auto gold_names = timeline_files(gold_dir);
  const auto system_names = timeline_files(system_dir);
  TimelineEvaluation e;
  for (const auto& name : gold_names) {
    const fs::path gold_path = gold_dir / name;
    const SemevalTimeline gold = parse_semeval_timeline(read_file(gold_path), gold_path.string());
    TimelineFileScore score;
    score.name = name;
    score.entity = gold.entity;
    if (std::binary_search(system_names.begin(), system_names.end(), name)) {
      const fs::path system_path = system_dir / name;
      score.counts = score_timeline(gold, parse_semeval_timeline(read_file(system_path), system_path.string()));
    } else {
      score.missing = true;
      score.counts = score_timeline(gold, SemevalTimeline{});
    }
    e.total += score.counts;
    e.timelines.push_back(std::move(score));
  }
  for (const auto& name : system_names)
    if (!std::binary_search(gold_names.begin(), gold_names.end(), name)) e.unmatched.push_back(name);
  return e;
}

}  // namespace reckon
