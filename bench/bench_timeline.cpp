// Throughput of the whole timeline pipeline (segment, tag, names, events, reconcile) on the
// generated news-like corpus (default 64 MB; RECKON_BENCH_MB overrides), one thread and all
// cores, in both mixes: every sentence an event report (the stress case, twice the event density
// of real news) and the news mix (event reports among background sentences, at the density
// measured on real articles). With RECKON_BENCH_JSONL naming a JSON Lines file, also on that
// corpus: real text, such as the Alaska articles repeated by scripts/repeat-corpus.py (skipped
// without it). Reports MB/s and peak memory; run single-core figures under `taskset -c 0`. Peak
// memory is the process's so far: run one benchmark at a time (--benchmark_filter) to read it for
// that one.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <exception>
#include <optional>
#include <string>

#include "bench/news_corpus.hpp"
#include "engine/ingest.hpp"
#include "engine/parallel.hpp"
#include "engine/pipeline.hpp"

namespace {

using reckon::bench::CorpusMix;

std::vector<reckon::Document> make_corpus(CorpusMix mix) {
  const char* mb = std::getenv("RECKON_BENCH_MB");
  return reckon::bench::make_news_corpus((mb ? std::strtoul(mb, nullptr, 10) : 64) << 20, 42, 4000, mix);
}

const std::vector<reckon::Document>& corpus(CorpusMix mix) {
  if (mix == CorpusMix::news) {
    static const std::vector<reckon::Document> docs = make_corpus(CorpusMix::news);
    return docs;
  }
  static const std::vector<reckon::Document> docs = make_corpus(CorpusMix::events_only);
  return docs;
}

// The corpus RECKON_BENCH_JSONL names, read once, or why there is none.
struct FileCorpus {
  std::optional<std::vector<reckon::Document>> documents;
  std::string why_not;
};

const FileCorpus& file_corpus() {
  static const FileCorpus corpus = [] {
    FileCorpus c;
    const char* path = std::getenv("RECKON_BENCH_JSONL");
    if (path == nullptr || *path == '\0') {
      c.why_not = "RECKON_BENCH_JSONL is not set (scripts/repeat-corpus.py writes a corpus of real articles)";
      return c;
    }
    try {
      c.documents = reckon::read_all({std::string(path)}, reckon::IngestOptions{});
    } catch (const std::exception& e) {
      c.why_not = std::string(path) + ": " + e.what();
    }
    return c;
  }();
  return corpus;
}

void run_on(benchmark::State& state, unsigned threads, const std::vector<reckon::Document>& documents) {
  std::size_t bytes = 0;
  for (const auto& d : documents) bytes += d.text.size();
  reckon::PipelineOptions options;
  options.threads = threads;
  std::size_t events = 0, mentions = 0;
  for (auto _ : state) {
    const auto timeline = reckon::build_timeline(documents, options);
    events = timeline.events.size();
    mentions = timeline.mentions.size();
    benchmark::DoNotOptimize(events);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["threads"] = threads;
  state.counters["mentions"] = static_cast<double>(mentions);
  state.counters["events"] = static_cast<double>(events);
  state.counters["peak_rss_MB"] = static_cast<double>(reckon::bench::peak_rss_bytes()) / 1e6;
}

void run(benchmark::State& state, unsigned threads, CorpusMix mix = CorpusMix::events_only) {
  run_on(state, threads, corpus(mix));
}

void BM_TimelineSingleThread(benchmark::State& state) { run(state, 1); }
void BM_TimelineAllCores(benchmark::State& state) { run(state, reckon::default_thread_count()); }
void BM_TimelineNewsMixSingleThread(benchmark::State& state) { run(state, 1, CorpusMix::news); }
void BM_TimelineFileSingleThread(benchmark::State& state) {
  const FileCorpus& corpus = file_corpus();
  if (!corpus.documents) {
    state.SkipWithError(corpus.why_not.c_str());
    return;
  }
  run_on(state, 1, *corpus.documents);
}

}  // namespace

BENCHMARK(BM_TimelineSingleThread)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_TimelineAllCores)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_TimelineNewsMixSingleThread)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_TimelineFileSingleThread)->Unit(benchmark::kSecond)->UseRealTime()->Iterations(1);
