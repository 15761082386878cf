// Writes the benchmark corpus as JSON Lines, for measuring whole commands:
//   make_news_corpus MEGABYTES [news] > corpus.jsonl
// ("news": event sentences among background ones, at the event density of real news; without it
// every sentence reports an event)
//   taskset -c 0 reckon tag --threads 1 corpus.jsonl -o /dev/null
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "bench/news_corpus.hpp"
#include "engine/json_writer.hpp"

int main(int argc, char** argv) {
  const std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 100;
  const bool news = argc > 2 && std::string_view(argv[2]) == "news";
  if (argc > 3 || (argc > 2 && !news)) {
    std::fputs("usage: make_news_corpus [MEGABYTES] [news]\n", stderr);
    return 2;
  }
  using reckon::bench::CorpusMix;
  std::string line;
  for (const auto& d : reckon::bench::make_news_corpus(megabytes << 20, 42, 4000,
                                                       news ? CorpusMix::news : CorpusMix::events_only)) {
    line.clear();
    reckon::JsonWriter w(line);
    w.begin_object().key("id").value(d.id).key("text").value(d.text).key("published").value(reckon::to_iso(*d.anchor)).end_object();
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  return 0;
}
