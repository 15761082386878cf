#include "engine/reconcile.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <tuple>
#include <type_traits>
#include <utility>

namespace reckon {
namespace {

struct FamilyEntry {
  std::string_view type;
  std::string_view family;
};

// Types that can name one happening, most specific first within a family.
constexpr std::array<FamilyEntry, 4> kFamilies = {{
    {"summit", "meeting"}, {"meeting", "meeting"}, {"talks", "meeting"}, {"negotiation", "meeting"}}};

// Lower is more specific; types outside any family are their own family and most specific.
std::size_t specificity(std::string_view type) noexcept {
  for (std::size_t i = 0; i < kFamilies.size(); ++i)
    if (kFamilies[i].type == type) return i;
  return 0;
}

// Cue phrases between two mentions of one sentence: the first event comes before (true) or after
// (false) the second.
struct OrderCue {
  std::string_view phrase;
  bool first_is_earlier;
};
constexpr std::array<OrderCue, 12> kOrderCues = {{{"ahead of", true},
                                                  {"before", true},
                                                  {"prior to", true},
                                                  {"to prepare for", true},
                                                  {"in preparation for", true},
                                                  {"in anticipation of", true},
                                                  {"after", false},
                                                  {"following", false},
                                                  {"follows", false},
                                                  {"followed", false},
                                                  {"in the wake of", false},
                                                  {"since", false}}};

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), std::size_t{0}); }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller root survives, so clusters are named by their first mention whatever the order of unions.
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<std::size_t> parent_;
};

using Names = std::vector<std::uint32_t>;  // sorted ids of canonical participant names

std::size_t shared(const Names& a, const Names& b) {
  std::size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) ++i;
    else if (*j < *i) ++j;
    else { ++n; ++i; ++j; }
  }
  return n;
}

// Two named groups of participants can be the same event's when one contains the other, or
// they share at least two people ("Trump and Putin" vs "Trump, Putin and Lavrov").
bool compatible(const Names& a, const Names& b) {
  if (a.empty() || b.empty()) return true;
  const std::size_t n = shared(a, b);
  return n > 0 && (n == a.size() || n == b.size() || n >= 2);
}

Names merged(const Names& a, const Names& b) {
  Names out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::optional<Interval> interval_of(const Mention& m) {
  if (!m.time || !m.time->interval) return std::nullopt;
  if (m.time->type != TimexType::date && m.time->type != TimexType::time) return std::nullopt;
  return m.time->interval;
}

bool counts_as_event(const Mention& m) {
  return m.modality == Modality::happened || m.modality == Modality::scheduled;
}

// Clusters by time, for "which clusters overlap [from, to)" queries. Hulls are kept in classes of
// similar length (each class twice as long as the one before), each sorted by start: a query
// looks back in each class only as far as that class's longest hull, so one decade-long cluster
// does not make every query walk a decade of day-long ones.
class TimeIndex {
 public:
  void add(const Interval& hull, std::size_t root) {
    Class& c = class_for(length_class(hull));
    c.entries.push_back({hull.begin, hull.end, root});
    c.longest = std::max(c.longest, hull.end - hull.begin);
  }
  void sort() {
    for (Class& c : classes_)
      std::sort(c.entries.begin(), c.entries.end(),
                [](const Entry& a, const Entry& b) { return std::pair(a.begin, a.root) < std::pair(b.begin, b.root); });
  }
  // Calls fn(root) for each cluster whose hull overlaps [from, to), in no particular order; an fn
  // that returns bool stops the walk by returning false.
  template <class Fn>
  void overlapping(date::local_seconds from, date::local_seconds to, Fn fn) const {
    for (const Class& c : classes_) {
      auto it = std::partition_point(c.entries.begin(), c.entries.end(),
                                     [&](const Entry& e) { return e.begin < from - c.longest; });
      for (; it != c.entries.end() && it->begin < to; ++it) {
        if (!(from < it->end)) continue;
        if constexpr (std::is_same_v<std::invoke_result_t<Fn&, std::size_t>, bool>) {
          if (!fn(it->root)) return;
        } else {
          fn(it->root);
        }
      }
    }
  }

 private:
  struct Entry {
    date::local_seconds begin;
    date::local_seconds end;
    std::size_t root;
  };
  struct Class {
    int length = 0;  // bit width of the length in seconds: 17 for a day, 25 for a year
    std::vector<Entry> entries;
    date::local_seconds::duration longest{};
  };

  static int length_class(const Interval& hull) {
    const auto seconds = static_cast<std::uint64_t>(std::max<std::int64_t>(0, (hull.end - hull.begin).count()));
    return std::bit_width(seconds);
  }
  Class& class_for(int length) {
    for (Class& c : classes_)
      if (c.length == length) return c;
    return classes_.emplace_back(Class{length, {}, {}});
  }

  std::vector<Class> classes_;  // only the lengths that occur: a handful (day, week, month, year...)
};

// What the reconciler keeps per mention while it works.
struct Item {
  std::size_t index;          // into Timeline::mentions
  std::size_t document;       // into the sorted documents
  std::uint32_t family;       // interned event family
  Names names;
  std::optional<Interval> interval;
};

// Keys of the lookup tables: an event family with a participant, a document, or nothing.
std::uint64_t key_of(std::uint32_t family, std::uint64_t second) noexcept { return (second << 16) ^ family; }

bool contains(const std::vector<std::size_t>& sorted, std::size_t x) {
  return std::binary_search(sorted.begin(), sorted.end(), x);
}

// Whether two sorted lists share an element: the shorter one's elements looked up in the longer,
// each search starting where the last one ended.
bool intersects(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
  const auto& small = a.size() <= b.size() ? a : b;
  const auto& large = a.size() <= b.size() ? b : a;
  if (small.empty() || small.back() < large.front() || large.back() < small.front()) return false;
  auto from = large.begin();
  for (std::size_t x : small) {
    from = std::lower_bound(from, large.end(), x);
    if (from == large.end()) return false;
    if (*from == x) return true;
  }
  return false;
}

template <class T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The intervals of a cluster's members in order of their start, each with the latest end among it
// and those before it.
class MemberSpans {
 public:
  MemberSpans() = default;
  MemberSpans(const std::vector<Item>& items, const std::vector<std::size_t>& members) {
    for (std::size_t m : members) spans_.emplace_back(items[m].interval->begin, items[m].interval->end);
    std::sort(spans_.begin(), spans_.end());
    for (std::size_t k = 1; k < spans_.size(); ++k) spans_[k].second = std::max(spans_[k].second, spans_[k - 1].second);
  }
  bool any_overlaps(const Interval& iv) const {
    // The members starting before iv ends; one of them overlaps iv if the latest end among them
    // comes after iv begins.
    const auto starts_before_end = std::partition_point(spans_.begin(), spans_.end(), [&](const auto& s) { return s.first < iv.end; });
    return starts_before_end != spans_.begin() && iv.begin < std::prev(starts_before_end)->second;
  }

 private:
  std::vector<std::pair<date::local_seconds, date::local_seconds>> spans_;  // (begin, latest end so far)
};

struct Cluster {
  std::vector<std::size_t> items;  // indices into the item list
  Names names;
  std::vector<std::size_t> documents;  // sorted, unique
  std::optional<Interval> hull;
};

class Reconciler {
 public:
  Reconciler(std::vector<AnalyzedDocument>& docs, const ReconcileOptions& options)
      : options_(options) {
    for (auto& d : docs) order_.push_back(&d);
    std::sort(order_.begin(), order_.end(),
              [](auto* a, auto* b) { return a->document->id < b->document->id; });
  }

  Timeline run() {
    collect();
    cluster_dated();
    merge_conflicting();
    attach_weak();
    build_events();
    order_events();
    anchor_conflicts();
    std::stable_sort(out_.conflicts.begin(), out_.conflicts.end(), [](const Conflict& a, const Conflict& b) {
      return std::pair(a.kind, a.event.value_or(0)) < std::pair(b.kind, b.event.value_or(0));
    });
    return std::move(out_);
  }

 private:
  void collect() {
    // Items keep views into the mentions' type strings: the table never moves a mention it holds.
    // The items and texts are counted first (the texts in the order they are then stored), so each
    // array and column grows once; mentions of one sentence (next to one another) share its text.
    auto const by_start = [](const Mention& a, const Mention& b) { return a.start < b.start; };
    std::size_t total = 0, item_count = 0, sentence_bytes = 0, timex_bytes = 0;
    for (AnalyzedDocument* ad : order_) {
      // The events stage gives them in text order already; sorting would only move them about.
      if (!std::is_sorted(ad->mentions.begin(), ad->mentions.end(), by_start))
        std::stable_sort(ad->mentions.begin(), ad->mentions.end(), by_start);
      total += ad->mentions.size();
      for (std::size_t k = 0; k < ad->mentions.size(); ++k) {
        const Mention& m = ad->mentions[k];
        if (counts_as_event(m)) ++item_count;
        if (k == 0 || m.sentence != ad->mentions[k - 1].sentence) sentence_bytes += sentence_span(*ad, m).size();
        timex_bytes += timex_span(*ad, m).size();
      }
    }
    out_.sentence_texts.reserve(total, sentence_bytes);
    out_.timex_texts.reserve(total, timex_bytes);
    mention_document_.reserve(total);
    items_.reserve(item_count);  // allocated once, not doubled as it fills
    for (std::size_t d = 0; d < order_.size(); ++d) {
      AnalyzedDocument& ad = *order_[d];
      const Document& doc = *ad.document;
      out_.documents.push_back({doc.id, doc.anchor, doc.anchor_source, ad.lead_day});
      const std::size_t first = out_.mentions.size();
      out_.mentions.append(std::move(ad.mentions));
      for (std::size_t index = first; index < out_.mentions.size(); ++index) {
        const Mention* m = &out_.mentions[index];
        if (index > first && m->sentence == out_.mentions[index - 1].sentence)
          out_.sentence_texts.repeat_last();
        else
          out_.sentence_texts.push_back(sentence_span(ad, *m));
        out_.timex_texts.push_back(timex_span(ad, *m));
        mention_document_.push_back(d);
        if (!counts_as_event(*m)) continue;
        items_.push_back({index, d, family_id(event_family(m->type)), names_of(*m), interval_of(*m)});
      }
    }
  }

  // A mention's sentence, and its own timex as written ("" for none, or for the reference time).
  static std::string_view sentence_span(const AnalyzedDocument& ad, const Mention& m) {
    if (m.sentence >= ad.sentences.size()) return {};
    const Sentence& s = ad.sentences[m.sentence];
    return std::string_view(ad.document->text).substr(s.start, s.end - s.start);
  }
  static std::string_view timex_span(const AnalyzedDocument& ad, const Mention& m) {
    const std::string_view text = ad.document->text;
    if (!m.time || m.time_from_context || m.time->end > text.size()) return {};
    return text.substr(m.time->start, m.time->end - m.time->start);
  }

  // Dated mentions with named participants whose times overlap are one event. Reports of a day or
  // less are clustered first; a coarser report ("last week's summit") then joins the one cluster
  // it fits best, so that it cannot glue together two events of different days.
  void cluster_dated() {
    uf_ = std::make_unique<UnionFind>(items_.size());
    sweep([&](std::size_t i) { return is_strong(i) && is_fine(i); });
    std::map<std::size_t, std::pair<Names, std::vector<std::size_t>>> fine;  // root -> names, items
    for (std::size_t i = 0; i < items_.size(); ++i)
      if (is_strong(i) && is_fine(i)) {
        auto& [names, members] = fine[uf_->find(i)];
        names.insert(names.end(), items_[i].names.begin(), items_[i].names.end());
        members.push_back(i);
      }
    for (auto& [root, group] : fine) sort_unique(group.first);
    // Root item -> its group, and its members' intervals by start with the latest end so far, so
    // that "does a member overlap this report" is a binary search, not a walk over a big cluster.
    std::vector<const std::pair<Names, std::vector<std::size_t>>*> fine_at(items_.size(), nullptr);
    std::vector<MemberSpans> spans_at(items_.size());
    for (const auto& [root, group] : fine) {
      fine_at[root] = &group;
      spans_at[root] = MemberSpans(items_, group.second);
    }
    std::unordered_map<std::uint64_t, TimeIndex> fine_by_name;
    for (const auto& [root, group] : fine) {
      Interval hull = *items_[group.second.front()].interval;
      for (std::size_t m : group.second)
        hull = Interval{std::min(hull.begin, items_[m].interval->begin), std::max(hull.end, items_[m].interval->end)};
      for (const auto& name : group.first) fine_by_name[key_of(items_[root].family, name)].add(hull, root);
    }
    for (auto& [key, index] : fine_by_name) index.sort();
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (!is_strong(i) || is_fine(i)) continue;
      std::vector<std::size_t> candidates;
      for (const auto& name : items_[i].names)
        if (const auto it = fine_by_name.find(key_of(items_[i].family, name)); it != fine_by_name.end())
          it->second.overlapping(items_[i].interval->begin, items_[i].interval->end,
                                 [&](std::size_t root) { candidates.push_back(root); });
      sort_unique(candidates);
      std::vector<std::size_t> best;
      std::size_t best_shared = 0;
      for (std::size_t root : candidates) {
        const auto& group = *fine_at[root];
        if (!compatible(group.first, items_[i].names)) continue;
        if (!spans_at[root].any_overlaps(*items_[i].interval)) continue;
        const std::size_t n = shared(group.first, items_[i].names);
        if (n > best_shared) best.clear(), best_shared = n;
        if (n == best_shared) best.push_back(root);
      }
      if (best.size() == 1) uf_->unite(best.front(), i);
    }
    // Coarse reports that joined no day-level cluster group among themselves.
    sweep([&](std::size_t i) { return is_strong(i) && !is_fine(i) && uf_->find(i) == i; });
  }

  bool is_fine(std::size_t i) const {
    return items_[i].interval && items_[i].interval->end - items_[i].interval->begin <= date::days{1};
  }

  // Unites the selected items whose intervals overlap and whose participants are compatible,
  // sweeping each (family, participant) bucket in time order.
  template <class Select>
  void sweep(Select select) {
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < items_.size(); ++i)
      if (select(i))
        for (const auto& name : items_[i].names) buckets[key_of(items_[i].family, name)].push_back(i);
    for (auto& [key, members] : buckets) {
      std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
        return std::pair(items_[a].interval->begin, a) < std::pair(items_[b].interval->begin, b);
      });
      std::vector<std::size_t> active;
      for (std::size_t i : members) {
        const Interval& iv = *items_[i].interval;
        std::erase_if(active, [&](std::size_t a) { return !(iv.begin < items_[a].interval->end); });
        for (std::size_t a : active)
          if (compatible(items_[a].names, items_[i].names)) uf_->unite(a, i);
        // An active item with the same participants, already in i's cluster, would unite with
        // exactly what i unites with: keep whichever of the two stays active longer. Without
        // this, many reports of one day's event made every new report meet all earlier ones.
        const auto twin = std::find_if(active.begin(), active.end(), [&](std::size_t a) {
          return items_[a].names == items_[i].names && uf_->find(a) == uf_->find(i);
        });
        if (twin == active.end()) active.push_back(i);
        else if (items_[*twin].interval->end < iv.end) *twin = i;
      }
    }
  }

  std::uint32_t family_id(std::string_view family) {
    const auto [it, added] = family_ids_.try_emplace(std::string(family), static_cast<std::uint32_t>(family_ids_.size()));
    return it->second;
  }

  Names names_of(const Mention& m) {
    Names out;
    for (const auto& p : m.participants) {
      const auto [it, added] = name_ids_.try_emplace(p.canonical, static_cast<std::uint32_t>(name_texts_.size()));
      if (added) name_texts_.push_back(p.canonical);
      out.push_back(it->second);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  std::vector<std::string> texts_of(const Names& names) const {
    std::vector<std::string> out;
    for (std::uint32_t id : names) out.push_back(name_texts_[id]);
    std::sort(out.begin(), out.end());
    return out;
  }

  bool is_strong(std::size_t i) const { return items_[i].interval && !items_[i].names.empty(); }

  std::map<std::size_t, Cluster> clusters_of(bool strong_only) {
    std::map<std::size_t, Cluster> clusters;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (strong_only && !is_strong(i)) continue;
      if (!strong_only && !attached_[i]) continue;
      Cluster& c = clusters[uf_->find(i)];
      c.items.push_back(i);
      c.names.insert(c.names.end(), items_[i].names.begin(), items_[i].names.end());
      c.documents.push_back(items_[i].document);
      if (const auto& iv = items_[i].interval)
        c.hull = c.hull ? Interval{std::min(c.hull->begin, iv->begin), std::max(c.hull->end, iv->end)} : *iv;
    }
    for (auto& [root, c] : clusters) {
      sort_unique(c.names);
      sort_unique(c.documents);
    }
    return clusters;
  }

  // Reports of one event from different documents that put it on nearby but disjoint dates are
  // one event with a date conflict, not two events: same family, compatible participants, no
  // document on both sides (a document that reports both dates reports two events).
  void merge_conflicting() {
    auto clusters = clusters_of(true);
    // Clusters of different families never merge, and merging never changes a family, so each
    // family is swept on its own: the same merges as one sweep over all, with far fewer pairs.
    std::vector<Cluster*> cluster_at(items_.size(), nullptr);  // root item -> its cluster
    std::map<std::uint32_t, std::vector<std::pair<date::local_seconds, std::size_t>>> starts_by_family;
    for (auto& [root, c] : clusters) {
      cluster_at[root] = &c;
      starts_by_family[items_[c.items.front()].family].emplace_back(c.hull->begin, root);  // fixed before merging
    }
    const auto window = date::days{options_.conflict_window_days};
    for (auto& [family, starts] : starts_by_family) {
      std::sort(starts.begin(), starts.end());
      for (std::size_t x = 0; x < starts.size(); ++x) {
        for (std::size_t y = x + 1; y < starts.size(); ++y) {
          const std::size_t ra = uf_->find(starts[x].second), rb = uf_->find(starts[y].second);
          Cluster& a = *cluster_at[ra];
          if (starts[y].first > a.hull->end + window) break;
          if (ra == rb) continue;
          Cluster& b = *cluster_at[rb];
          // Calling two clusters one event needs strong identity: the same people, or two in common.
          const std::size_t common_names = shared(a.names, b.names);
          if (!(a.names == b.names || common_names >= 2)) continue;
          if (intersects(a.documents, b.documents)) continue;
          uf_->unite(ra, rb);
          const std::size_t keep = uf_->find(ra);
          Cluster& target = *cluster_at[keep];
          Cluster& other = *cluster_at[keep == ra ? rb : ra];
          target.items.insert(target.items.end(), other.items.begin(), other.items.end());
          target.names = merged(target.names, other.names);
          // Both lists are sorted and share no document (checked above): one linear merge keeps
          // them so, where sorting the whole list again made a big event's merges quadratic.
          const auto middle = static_cast<std::ptrdiff_t>(target.documents.size());
          target.documents.insert(target.documents.end(), other.documents.begin(), other.documents.end());
          std::inplace_merge(target.documents.begin(), target.documents.begin() + middle, target.documents.end());
          target.hull = Interval{std::min(target.hull->begin, other.hull->begin), std::max(target.hull->end, other.hull->end)};
        }
      }
    }
  }

  // Mentions without a date or without named participants join the one event they fit; failing
  // that, a dated or named one becomes an event of its own, and a bare undated one is left out.
  void attach_weak() {
    attached_.assign(items_.size(), false);
    for (std::size_t i = 0; i < items_.size(); ++i) attached_[i] = is_strong(i);
    auto clusters = clusters_of(false);
    // Where to look: clusters of the same document, and clusters by (family, participant) or by
    // family in time order, queried over the window the mention can refer to (its own interval,
    // or for an undated one the month around its document's date).
    std::unordered_map<std::uint64_t, TimeIndex> by_name;
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_document;
    std::unordered_map<std::uint32_t, TimeIndex> by_family;
    for (const auto& [root, c] : clusters) {
      const std::uint32_t family = items_[c.items.front()].family;
      for (std::size_t d : c.documents) by_document[key_of(family, d)].push_back(root);
      if (!c.hull) continue;
      for (const auto& name : c.names) by_name[key_of(family, name)].add(*c.hull, root);
      by_family[family].add(*c.hull, root);
    }
    for (auto& [key, index] : by_name) index.sort();
    for (auto& [key, index] : by_family) index.sort();
    std::vector<const Cluster*> cluster_at(items_.size(), nullptr);  // root item -> its cluster
    for (const auto& [root, c] : clusters) cluster_at[root] = &c;
    // Which item last weighed a cluster as its candidate: each is weighed once, in no particular
    // order (the choice below depends only on the set).
    constexpr std::size_t nobody = static_cast<std::size_t>(-1);
    std::vector<std::size_t> weighed_for(items_.size(), nobody);
    std::vector<std::size_t> fits, same_document;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (attached_[i]) continue;
      const Item& item = items_[i];
      fits.clear();
      same_document.clear();
      // Among the events it fits, those sharing the most participants with it are the choice.
      const Plausible plausible = plausible_for(item);
      std::size_t best_shared = 0;
      auto weigh = [&](std::size_t root) {
        if (weighed_for[root] == i) return;
        weighed_for[root] = i;
        const Cluster& c = *cluster_at[root];
        if (!compatible(c.names, item.names)) return;
        if (item.interval && c.hull && !item.interval->overlaps(*c.hull)) return;
        if (!item.interval && c.hull && !plausible(*c.hull) && !contains(c.documents, item.document)) return;
        const std::size_t n = shared(c.names, item.names);
        if (n < best_shared) return;
        if (n > best_shared) {
          best_shared = n;
          fits.clear();
          same_document.clear();
        }
        fits.push_back(root);
        if (contains(c.documents, item.document)) same_document.push_back(root);
      };
      // Where to look: the clusters of its own document first, then those of its participants, or
      // for a mention naming nobody those of its family, over the time it can refer to.
      if (const auto it = by_document.find(key_of(item.family, item.document)); it != by_document.end())
        for (std::size_t root : it->second) weigh(root);
      const std::optional<Interval> window = item.interval ? item.interval : recent_window(item);
      if (window) {
        for (const auto& name : item.names)
          if (const auto it = by_name.find(key_of(item.family, name)); it != by_name.end())
            it->second.overlapping(window->begin, window->end, weigh);
        // Naming nobody, it shares no one with any cluster, so every cluster it fits is a fit, and
        // those of its own document were all weighed above: one of them is the choice, and two or
        // more leave it unattached. Only when there is none does the rest of its family count,
        // and then only whether exactly one fits: the walk over the family's clusters (thousands
        // in a month on a dense corpus) stops at the second fit.
        if (item.names.empty() && same_document.empty())
          if (const auto it = by_family.find(item.family); it != by_family.end())
            it->second.overlapping(window->begin, window->end, [&](std::size_t root) {
              weigh(root);
              return fits.size() < 2;
            });
      }
      const auto& choice = same_document.size() == 1 ? same_document : fits;
      if (choice.size() == 1) {
        uf_->unite(choice.front(), i);
        attached_[i] = true;
      } else if (item.interval || !item.names.empty()) {
        attached_[i] = true;  // an event of its own; undated named ones group by family and names below
      }
    }
    // Undated mentions with the same family and participants that joined nothing are one event.
    std::map<std::pair<std::uint32_t, Names>, std::size_t> undated;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      if (!attached_[i] || items_[i].interval || uf_->find(i) != i) continue;
      const auto key = std::pair(items_[i].family, items_[i].names);
      if (const auto it = undated.find(key); it != undated.end()) uf_->unite(it->second, i);
      else undated.emplace(key, i);
    }
  }

  // Whether an undated mention can refer to an event at `when` of another document: a report of
  // something that happened cannot be about a time after its own document's date, and news
  // reports refer to recent events, within a month of their date.
  struct Plausible {
    std::optional<date::local_seconds> day;  // the document's date, if it has one
    bool happened = false;
    bool operator()(const Interval& when) const {
      if (!day) return true;
      if (happened && !(when.begin < *day + date::days{1})) return false;
      return when.end + date::days{kRecentDays} > *day && when.begin < *day + date::days{kRecentDays};
    }
  };
  Plausible plausible_for(const Item& item) const {
    const auto& anchor = order_[item.document]->document->anchor;
    if (!anchor) return {};
    return {date::local_seconds{anchor->day}, out_.mentions[item.index].modality == Modality::happened};
  }

  static constexpr int kRecentDays = 31;

  // The times an undated mention of another document can refer to: the month around its date.
  std::optional<Interval> recent_window(const Item& item) const {
    const auto& anchor = order_[item.document]->document->anchor;
    if (!anchor) return std::nullopt;
    const date::local_seconds day{anchor->day};
    return Interval{day - date::days{kRecentDays}, day + date::days{kRecentDays}};
  }

  void build_events() {
    std::map<std::size_t, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < items_.size(); ++i)
      if (attached_[i]) groups[uf_->find(i)].push_back(i);
    // Reused from event to event: most events have a handful of mentions, and the reconciler
    // builds one per cluster.
    Names names;
    std::vector<std::pair<std::string_view, std::size_t>> places;  // place, how many mentions name it
    for (auto& [root, members] : groups) {
      Event e;
      e.mentions.reserve(members.size());
      names.clear();
      places.clear();
      bool happened = false;
      std::string_view type;  // into the mentions, which stay put
      for (std::size_t i : members) {
        const Mention& m = out_.mentions[items_[i].index];
        e.mentions.push_back(items_[i].index);
        names.insert(names.end(), items_[i].names.begin(), items_[i].names.end());
        if (m.place) {
          auto const it = std::find_if(places.begin(), places.end(), [&](const auto& p) { return p.first == *m.place; });
          if (it != places.end()) ++it->second;
          else places.emplace_back(*m.place, 1);
        }
        happened |= m.modality == Modality::happened;
        if (type.empty() || specificity(m.type) < specificity(type) ||
            (specificity(m.type) == specificity(type) && m.type < type))
          type = m.type;
      }
      sort_unique(names);
      std::sort(e.mentions.begin(), e.mentions.end());
      e.type = type;
      e.participants = texts_of(names);
      e.modality = happened ? Modality::happened : Modality::scheduled;
      // The place most mentions name; among equals, the first in alphabetical order.
      if (!places.empty())
        e.place = std::string(std::min_element(places.begin(), places.end(), [](const auto& a, const auto& b) {
                                return a.second != b.second ? a.second > b.second : a.first < b.first;
                              })->first);
      const std::size_t event_index = out_.events.size();
      resolve_time(e, event_index);
      out_.events.push_back(std::move(e));
    }
  }

  // The event's time: its dated mentions split into sides whose intervals overlap; one side is
  // agreement, several are a date conflict. The side with the most documents (then mentions,
  // then the earliest) gives the event's interval, the intersection of its mentions' intervals.
  void resolve_time(Event& e, std::size_t event_index) {
    // Each dated report's interval, read once: a big event has thousands, and the mentions
    // themselves are large and far apart in memory.
    struct Dated {
      date::local_seconds::duration length;
      Interval interval;
      std::size_t mention;
    };
    std::vector<Dated> dated;
    for (std::size_t m : e.mentions)
      if (const auto iv = interval_of(out_.mentions[m])) dated.push_back({iv->end - iv->begin, *iv, m});
    if (dated.empty()) return;
    // Finest reports first; each joins the first side whose common interval it overlaps, so a
    // week-long report cannot bridge two disagreeing days.
    std::sort(dated.begin(), dated.end(), [](const Dated& a, const Dated& b) {
      return std::tuple(a.length, a.interval.begin, a.mention) < std::tuple(b.length, b.interval.begin, b.mention);
    });
    std::vector<std::vector<std::size_t>> sides;
    std::vector<Interval> common;
    for (const Dated& d : dated) {
      const Interval& iv = d.interval;
      std::size_t s = 0;
      while (s < sides.size() && !common[s].overlaps(iv)) ++s;
      if (s == sides.size()) {
        sides.push_back({});
        common.push_back(iv);
      }
      sides[s].push_back(d.mention);
      common[s] = Interval{std::max(common[s].begin, iv.begin), std::min(common[s].end, iv.end)};
    }
    for (auto& side : sides) std::sort(side.begin(), side.end());
    // Sides in time order, so messages and outputs read chronologically.
    std::vector<std::size_t> by_time(sides.size());
    std::iota(by_time.begin(), by_time.end(), std::size_t{0});
    std::sort(by_time.begin(), by_time.end(), [&](std::size_t a, std::size_t b) { return common[a].begin < common[b].begin; });
    {
      std::vector<std::vector<std::size_t>> sorted_sides;
      std::vector<Interval> sorted_common;
      for (std::size_t i : by_time) {
        sorted_sides.push_back(std::move(sides[i]));
        sorted_common.push_back(common[i]);
      }
      sides = std::move(sorted_sides);
      common = std::move(sorted_common);
    }
    // The side most documents report wins; between equals, the one with more reports, then the
    // earlier one.
    std::size_t best = 0;
    std::pair<std::size_t, std::size_t> best_support{0, 0};
    std::vector<std::size_t> documents;
    for (std::size_t s = 0; s < sides.size(); ++s) {
      documents.clear();
      for (std::size_t m : sides[s]) documents.push_back(mention_document_[m]);
      sort_unique(documents);
      const std::pair support{documents.size(), sides[s].size()};
      if (s == 0 || best_support < support) {
        best = s;
        best_support = support;
      }
    }
    const std::vector<std::size_t>& chosen = sides[best];
    // The chosen side's common interval is the event's; its most precise report names the time.
    const Interval meet = common[best];
    auto length = [&](std::size_t m) { const Interval iv = *interval_of(out_.mentions[m]); return iv.end - iv.begin; };
    std::size_t finest = chosen.front();
    for (std::size_t m : chosen)
      if (length(m) < length(finest)) finest = m;
    e.interval = meet;
    e.when = out_.mentions[finest].time->value;
    e.granularity = out_.mentions[finest].time->granularity;
    if (sides.size() > 1) out_.conflicts.push_back(date_conflict(e, event_index, sides));
  }

  Conflict date_conflict(const Event& e, std::size_t event_index, const std::vector<std::vector<std::size_t>>& sides) {
    Conflict c;
    c.kind = ConflictKind::date;
    c.event = event_index;
    c.sides = sides;
    c.message = "reports disagree on the date of the " + e.type;
    if (!e.participants.empty()) {
      c.message += " of ";
      for (std::size_t i = 0; i < e.participants.size(); ++i)
        c.message += (i ? (i + 1 == e.participants.size() ? " and " : ", ") : "") + e.participants[i];
    }
    c.message += ":";
    for (std::size_t s = 0; s < sides.size(); ++s) {
      std::set<std::string> docs;
      for (std::size_t m : sides[s]) docs.insert(out_.documents[mention_document_[m]].id);
      std::string names;
      for (const auto& d : docs) names += (names.empty() ? "" : ", ") + d;
      c.message += (s ? "; " : " ") + names + (docs.size() == 1 ? " says " : " say ") +
                   out_.mentions[sides[s].front()].time->value;
    }
    return c;
  }

  // Timeline order: by interval, then explicit cues where intervals overlap, undated last. A cue
  // that contradicts the dates is an `order` conflict.
  void order_events() {
    std::vector<std::size_t> order(out_.events.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto key = [&](std::size_t i) {
      const Event& e = out_.events[i];
      return std::tuple(!e.interval.has_value(), e.interval ? e.interval->begin : date::local_seconds{},
                        e.interval ? e.interval->end : date::local_seconds{}, e.mentions.front());
    };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });

    std::vector<std::size_t> event_of(out_.mentions.size(), out_.events.size());
    for (std::size_t e = 0; e < out_.events.size(); ++e)
      for (std::size_t m : out_.events[e].mentions) event_of[m] = e;

    for (const auto& [earlier, later, first_mention, second_mention] : cues(event_of)) {
      const Event& a = out_.events[earlier];
      const Event& b = out_.events[later];
      if (!a.interval || !b.interval) continue;
      if (!(a.interval->begin < b.interval->end)) {
        Conflict c;
        c.kind = ConflictKind::order;
        c.event = earlier;
        c.sides = {{first_mention}, {second_mention}};
        c.message = "the text puts the " + a.type + " (" + a.when + ") before the " + b.type + " (" + b.when +
                    "), but the dates put it after";
        out_.conflicts.push_back(std::move(c));
      } else if (a.interval->overlaps(*b.interval)) {
        const auto pa = std::find(order.begin(), order.end(), earlier);
        const auto pb = std::find(order.begin(), order.end(), later);
        if (pb < pa) std::rotate(pb, pa, pa + 1);
      }
    }
    renumber(order);
  }

  // (earlier event, later event, mention of the one written first, mention of the other) for each
  // pair of neighbouring mentions of different events in one sentence with a cue between them.
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> cues(const std::vector<std::size_t>& event_of) {
    std::vector<std::tuple<std::size_t, std::size_t, std::size_t, std::size_t>> out;
    for (std::size_t m = 0; m + 1 < out_.mentions.size(); ++m) {
      const Mention& x = out_.mentions[m];
      const Mention& y = out_.mentions[m + 1];
      if (x.doc != y.doc || x.sentence != y.sentence) continue;
      const std::size_t ex = event_of[m], ey = event_of[m + 1];
      if (ex == out_.events.size() || ey == out_.events.size() || ex == ey) continue;
      const Document& doc = *order_[mention_document_[m]]->document;
      if (y.start < x.end) continue;
      const std::string_view between = std::string_view(doc.text).substr(x.end, y.start - x.end);
      for (const OrderCue& cue : kOrderCues) {
        if (!contains_phrase(between, cue.phrase)) continue;
        if (cue.first_is_earlier) out.emplace_back(ex, ey, m, m + 1);
        else out.emplace_back(ey, ex, m + 1, m);
        break;
      }
    }
    return out;
  }

  static bool contains_phrase(std::string_view text, std::string_view phrase) {
    for (std::size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
      const bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(text[at - 1]));
      const std::size_t end = at + phrase.size();
      const bool right = end == text.size() || !std::isalpha(static_cast<unsigned char>(text[end]));
      if (left && right) return true;
    }
    return false;
  }

  void renumber(const std::vector<std::size_t>& order) {
    std::vector<std::size_t> position(order.size());
    for (std::size_t p = 0; p < order.size(); ++p) position[order[p]] = p;
    std::vector<Event> events(order.size());
    for (std::size_t p = 0; p < order.size(); ++p) {
      events[p] = std::move(out_.events[order[p]]);
      events[p].id = std::to_string(p + 1);
      events[p].id.insert(events[p].id.begin(), 'E');
    }
    out_.events = std::move(events);
    for (auto& c : out_.conflicts)
      if (c.event) c.event = position[*c.event];
  }

  void anchor_conflicts() {
    for (std::size_t d = 0; d < order_.size(); ++d) {
      const AnalyzedDocument& ad = *order_[d];
      if (!ad.stated_date || !ad.document->anchor || ad.stated_date->day == ad.document->anchor->day) continue;
      Conflict c;
      c.kind = ConflictKind::anchor;
      c.document = ad.document->id;
      c.message = ad.document->id + ": its " + ad.stated_where + " says " + to_iso(*ad.stated_date) +
                  ", but it is anchored at " + to_iso(*ad.document->anchor) + " (from " +
                  to_string(ad.document->anchor_source) + ")";
      out_.conflicts.push_back(std::move(c));
    }
  }

  ReconcileOptions options_;
  std::vector<AnalyzedDocument*> order_;
  Timeline out_;
  std::vector<std::size_t> mention_document_;
  std::vector<Item> items_;
  std::vector<bool> attached_;
  std::unique_ptr<UnionFind> uf_;
  std::unordered_map<std::string, std::uint32_t> name_ids_;
  std::unordered_map<std::string, std::uint32_t> family_ids_;
  std::vector<std::string> name_texts_;
};

}  // namespace

std::string_view event_family(std::string_view type) noexcept {
  for (const auto& f : kFamilies)
    if (f.type == type) return f.family;
  return type;
}

const char* to_string(ConflictKind kind) noexcept {
  switch (kind) {
    case ConflictKind::date: return "date";
    case ConflictKind::order: return "order";
    case ConflictKind::anchor: return "anchor";
  }
  return "?";
}

Timeline reconcile(std::vector<AnalyzedDocument> documents, const ReconcileOptions& options) {
  return Reconciler(documents, options).run();
}

}  // namespace reckon
