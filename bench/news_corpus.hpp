#pragma once
// A generated news-like corpus for benchmarks: articles of wire-story sentences about invented
// people and places, with the density and mix of date and time expressions of real news (about
// one expression per two sentences; weekdays, dates, relative and fuzzy references, durations),
// deterministic for a given seed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/document.hpp"

namespace reckon::bench {

// Which sentences the articles hold.
enum class CorpusMix {
  // Every sentence reports an event between two named people: about 6 event mentions per KB, twice
  // what real news has. The stress case for the events stage and the reconciler.
  events_only,
  // Event sentences among background ones (figures, positions, context, attributed remarks), so
  // that event mentions come at the density of real news: about 3 per KB, as measured on the
  // Alaska articles (2.7) and the SemEval-2015 trial corpus (3.5). docs/performance.md has the
  // measurement.
  news,
};

// Articles of about `article_bytes` each until `total_bytes` is reached, anchored on dates
// spread over 2024-2026.
std::vector<Document> make_news_corpus(std::size_t total_bytes, std::uint64_t seed = 42,
                                       std::size_t article_bytes = 4000,
                                       CorpusMix mix = CorpusMix::events_only);

// Peak resident memory of this process so far, in bytes.
std::size_t peak_rss_bytes();

}  // namespace reckon::bench
