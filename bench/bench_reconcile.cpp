// Reconciler scale: 1,000,000 synthetic mentions of 100,000 events among 5,000 people in 20,000
// documents (RECKON_BENCH_MENTIONS overrides the count), with the mix of real reports: most dated
// to a day, some to a week, some undated, and 2% of events reported on a wrong nearby day by one
// document. Reports wall time, events, conflicts and peak memory. Single-threaded.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <deque>

#include "bench/news_corpus.hpp"
#include "engine/reconcile.hpp"

namespace {

using namespace reckon;

constexpr const char* kTypes[] = {"meeting", "summit", "call", "visit", "interview", "statement", "agreement", "attack"};

struct Synthetic {
  std::deque<Document> documents;
  std::vector<AnalyzedDocument> analyzed;
  std::size_t mentions = 0;
};

Timex timex_for(date::local_days day, int days_long, const char* value_prefix) {
  Timex t;
  t.type = TimexType::date;
  t.value = value_prefix;
  t.interval = Interval{day, day + date::days{days_long}};
  t.granularity = days_long == 1 ? Granularity::day : Granularity::week;
  return t;
}

Synthetic make(std::size_t mention_count) {
  constexpr std::size_t kPerEvent = 10, kPeople = 5000, kDocuments = 20000;
  std::uint64_t state = 7;
  auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return state >> 33;
  };
  Synthetic s;
  // Documents are published evenly over ten years; an event is reported by documents of the week
  // that follows it, as news is.
  const date::local_days first{date::year{2015} / 1 / 1};
  constexpr int kDays = 3650;
  for (std::size_t d = 0; d < kDocuments; ++d) {
    Document& doc = s.documents.emplace_back();
    doc.id = "doc-" + std::to_string(100000 + d);
    doc.anchor = Anchor{};
    doc.anchor->day = first + date::days{static_cast<int>(d * kDays / kDocuments)};
    s.analyzed.push_back({});
    s.analyzed.back().document = &doc;
  }
  auto document_after = [&](date::local_days day) {
    const auto offset = static_cast<std::size_t>((day - first).count()) * kDocuments / kDays;
    return std::min(kDocuments - 1, offset + static_cast<std::size_t>(next() % 40));
  };
  const std::size_t events = mention_count / kPerEvent;
  for (std::size_t e = 0; e < events; ++e) {
    const char* type = kTypes[next() % 8];
    const std::string a = "Person " + std::to_string(next() % kPeople), b = "Person " + std::to_string(next() % kPeople);
    const date::local_days day = first + date::days{static_cast<int>(next() % (kDays - 10))};
    const bool conflicting = next() % 50 == 0;
    for (std::size_t k = 0; k < kPerEvent; ++k) {
      Mention m;
      const std::size_t d = document_after(day);
      m.doc = s.documents[d].id;
      m.sentence = s.analyzed[d].mentions.size();
      m.type = type;
      m.trigger = type;
      m.participants = {{a, 0, 0}, {b, 0, 0}};
      const auto roll = next() % 10;
      if (k == 0 && conflicting) m.time = timex_for(day + date::days{1 + static_cast<int>(next() % 3)}, 1, "day");
      else if (roll < 8) m.time = timex_for(day, 1, "day");
      else if (roll < 9) m.time = timex_for(day - date::days{static_cast<int>(next() % 7)}, 7, "week");
      s.analyzed[d].mentions.push_back(std::move(m));
      ++s.mentions;
    }
  }
  return s;
}

void BM_Reconcile(benchmark::State& state) {
  const char* n = std::getenv("RECKON_BENCH_MENTIONS");
  const std::size_t count = n ? std::strtoul(n, nullptr, 10) : 1000000;
  std::size_t events = 0, conflicts = 0, mentions = 0;
  for (auto _ : state) {
    // The input is made fresh and handed over, as the pipeline hands it over: peak memory is the
    // input plus what the reconciler adds.
    state.PauseTiming();
    Synthetic input = make(count);
    mentions = input.mentions;
    state.counters["input_rss_MB"] = static_cast<double>(bench::peak_rss_bytes()) / 1e6;
    state.ResumeTiming();
    const Timeline t = reconcile(std::move(input.analyzed));
    events = t.events.size();
    conflicts = t.conflicts.size();
    benchmark::DoNotOptimize(events);
  }
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["events"] = static_cast<double>(events);
  state.counters["conflicts"] = static_cast<double>(conflicts);
  state.counters["peak_rss_MB"] = static_cast<double>(bench::peak_rss_bytes()) / 1e6;
}

}  // namespace

BENCHMARK(BM_Reconcile)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
