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

// Articles of about `article_bytes` each until `total_bytes` is reached, anchored on dates
// spread over 2024-2026.
std::vector<Document> make_news_corpus(std::size_t total_bytes, std::uint64_t seed = 42,
                                       std::size_t article_bytes = 4000);

// Peak resident memory of this process so far, in bytes.
std::size_t peak_rss_bytes();

}  // namespace reckon::bench
