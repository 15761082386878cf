// Tagging throughput on a generated news-like corpus (default 128 MB; RECKON_BENCH_MB overrides),
// single-threaded and with all cores, documents in parallel. Reports MB/s (bytes_per_second) and
// the process's peak resident memory. Run single-core figures under `taskset -c 0`.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "bench/news_corpus.hpp"
#include "engine/parallel.hpp"
#include "engine/tagger.hpp"

namespace {

const std::vector<reckon::Document>& corpus() {
  static const std::vector<reckon::Document> docs = [] {
    const char* mb = std::getenv("RECKON_BENCH_MB");
    const std::size_t megabytes = mb ? std::strtoul(mb, nullptr, 10) : 128;
    return reckon::bench::make_news_corpus(megabytes << 20);
  }();
  return docs;
}

std::size_t corpus_bytes() {
  std::size_t n = 0;
  for (const auto& d : corpus()) n += d.text.size();
  return n;
}

void report(benchmark::State& state, std::size_t timexes) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * corpus_bytes()));
  state.counters["timexes"] = static_cast<double>(timexes);
  state.counters["corpus_MB"] = static_cast<double>(corpus_bytes()) / 1e6;
  state.counters["peak_rss_MB"] = static_cast<double>(reckon::bench::peak_rss_bytes()) / 1e6;
}

void BM_TagSingleThread(benchmark::State& state) {
  corpus();
  std::size_t timexes = 0;
  for (auto _ : state) {
    timexes = 0;
    for (const auto& d : corpus()) timexes += reckon::tag(d).size();
    benchmark::DoNotOptimize(timexes);
  }
  report(state, timexes);
}

void BM_TagAllCores(benchmark::State& state) {
  corpus();
  const unsigned threads = reckon::default_thread_count();
  std::size_t timexes = 0;
  for (auto _ : state) {
    const auto counts = reckon::parallel_map<std::size_t>(corpus(), threads,
                                                          [](const reckon::Document& d) { return reckon::tag(d).size(); });
    timexes = 0;
    for (auto c : counts) timexes += c;
    benchmark::DoNotOptimize(timexes);
  }
  state.counters["threads"] = threads;
  report(state, timexes);
}

}  // namespace

BENCHMARK(BM_TagSingleThread)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_TagAllCores)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
