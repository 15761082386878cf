#include "engine/eval_timeline.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>

#include "engine/source_error.hpp"

namespace reckon {
namespace {

namespace fs = std::filesystem;

// Mentions sort before dates, so that a class's first member, which carries its BEFORE relations,
// is a mention whenever it has one: an ordering is then credited even when a date is wrong.
std::pair<int, std::string> sort_key(const std::string& node) { return {node.starts_with('@') ? 1 : 0, node}; }

// A point-algebra graph: SIMULTANEOUS classes (union-find) with BEFORE edges between them.
class PointGraph {
 public:
  bool add_simultaneous(const std::string& a, const std::string& b) {
    const std::size_t x = find(node(a)), y = find(node(b));
    if (x == y) return true;
    if (reaches(x, y) || reaches(y, x)) return false;
    parent_[y] = x;
    return true;
  }

  bool add_before(const std::string& a, const std::string& b) {
    const std::size_t x = find(node(a)), y = find(node(b));
    if (x == y || reaches(y, x)) return false;
    before_.emplace_back(x, y);
    return true;
  }

  void add_node(const std::string& a) { node(a); }

  // Freezes the graph: classes and their strict reachability.
  void close() {
    const std::size_t n = names_.size();
    class_of_.assign(n, 0);
    std::map<std::size_t, std::size_t> class_index;
    for (std::size_t i = 0; i < n; ++i) {
      const auto [it, added] = class_index.emplace(find(i), class_index.size());
      class_of_[i] = it->second;
    }
    const std::size_t k = class_index.size();
    reach_.assign(k, std::vector<bool>(k, false));
    std::vector<std::vector<std::size_t>> next(k);
    for (const auto& [x, y] : before_) next[class_of_[find(x)]].push_back(class_of_[find(y)]);
    for (std::size_t c = 0; c < k; ++c) {
      std::vector<std::size_t> stack(next[c].begin(), next[c].end());
      while (!stack.empty()) {
        const std::size_t d = stack.back();
        stack.pop_back();
        if (reach_[c][d]) continue;
        reach_[c][d] = true;
        stack.insert(stack.end(), next[d].begin(), next[d].end());
      }
    }
  }

  bool holds(const TimelineRelation& r) const {
    const auto a = index_.find(r.a), b = index_.find(r.b);
    if (a == index_.end() || b == index_.end()) return false;
    const std::size_t x = class_of_[a->second], y = class_of_[b->second];
    return r.before ? reach_[x][y] : x == y;
  }

  std::vector<TimelineRelation> reduced() const {
    const std::size_t k = reach_.size();
    std::vector<std::vector<std::string>> members(k);
    for (std::size_t i = 0; i < names_.size(); ++i) members[class_of_[i]].push_back(names_[i]);
    for (auto& m : members)
      std::sort(m.begin(), m.end(), [](const std::string& a, const std::string& b) { return sort_key(a) < sort_key(b); });
    std::vector<TimelineRelation> out;
    for (const auto& m : members)
      for (std::size_t i = 1; i < m.size(); ++i) out.push_back({false, m[i - 1], m[i]});
    for (std::size_t x = 0; x < k; ++x)
      for (std::size_t y = 0; y < k; ++y) {
        if (!reach_[x][y]) continue;
        bool covered = false;
        for (std::size_t z = 0; z < k && !covered; ++z) covered = reach_[x][z] && reach_[z][y];
        if (!covered) out.push_back({true, members[x].front(), members[y].front()});
      }
    std::sort(out.begin(), out.end(), [](const TimelineRelation& p, const TimelineRelation& q) {
      return std::tie(p.before, p.a, p.b) < std::tie(q.before, q.a, q.b);
    });
    return out;
  }

 private:
  std::size_t node(const std::string& name) {
    const auto [it, added] = index_.emplace(name, names_.size());
    if (added) {
      names_.push_back(name);
      parent_.push_back(parent_.size());
    }
    return it->second;
  }

  std::size_t find(std::size_t i) const {
    while (parent_[i] != i) i = parent_[i];
    return i;
  }

  // Whether class `from` is strictly before class `to` by the BEFORE edges so far.
  bool reaches(std::size_t from, std::size_t to) const {
    std::vector<std::size_t> stack{from};
    std::vector<bool> seen(names_.size(), false);
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
  std::vector<std::string> names_;
  std::vector<std::size_t> parent_;
  std::vector<std::pair<std::size_t, std::size_t>> before_;
  std::vector<std::size_t> class_of_;
  std::vector<std::vector<bool>> reach_;
};

PointGraph graph_of(const SemevalTimeline& timeline) {
  PointGraph g;
  for (const auto& line : timeline.lines) {
    for (const auto& m : line.mentions) g.add_node(m);
    for (std::size_t i = 1; i < line.mentions.size(); ++i) g.add_simultaneous(line.mentions.front(), line.mentions[i]);
  }
  std::map<int, std::vector<const std::string*>> groups;  // ORDER -> first mention of each line
  for (const auto& line : timeline.lines)
    if (line.order > 0 && !line.mentions.empty()) groups[line.order].push_back(&line.mentions.front());
  const std::string* previous = nullptr;
  for (const auto& [order, firsts] : groups) {
    for (std::size_t i = 1; i < firsts.size(); ++i) g.add_simultaneous(*firsts.front(), *firsts[i]);
    if (previous) g.add_before(*previous, *firsts.front());
    previous = firsts.front();
  }
  for (const auto& line : timeline.lines) {
    const std::string date = normalized_date(line.date);
    if (date.empty()) continue;
    for (const auto& m : line.mentions) g.add_simultaneous(m, "@" + date);
  }
  g.close();
  return g;
}

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

std::string normalized_date(std::string_view date) {
  std::string d(date);
  while (d.size() >= 3 && d.ends_with("-XX")) d.resize(d.size() - 3);
  if (std::all_of(d.begin(), d.end(), [](char c) { return c == 'X' || c == '-'; })) return {};
  return d;
}

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
  return graph_of(timeline).reduced();
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
  const PointGraph g = graph_of(gold);
  const PointGraph s = graph_of(system);
  TimelineCounts c;
  for (const auto& r : s.reduced()) {
    ++c.system;
    if (g.holds(r)) ++c.system_found;
  }
  for (const auto& r : g.reduced()) {
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
