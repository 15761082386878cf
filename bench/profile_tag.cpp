// One pass of the tagger over the generated corpus, for instruction-level profiling:
//   valgrind --tool=callgrind build/bench/profile_tag [MEGABYTES] [tag|find|scan]
// Prints the number of results so runs can be compared.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "bench/news_corpus.hpp"
#include "engine/tagger.hpp"
#include "grammar/scanner.hpp"
#include "grammar/temporal.hpp"

int main(int argc, char** argv) {
  const std::size_t megabytes = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 4;
  const std::string_view mode = argc > 2 ? argv[2] : "tag";
  const auto corpus = reckon::bench::make_news_corpus(megabytes << 20);
  std::size_t results = 0;
  for (const auto& d : corpus) {
    if (mode == "none") continue;
    if (mode == "scan") results += reckon::grammar::candidate_positions(d.text).size();
    else if (mode == "find") results += reckon::grammar::find_expressions(d.text).size();
    else results += reckon::tag(d).size();
  }
  std::printf("%zu\n", results);
  return 0;
}
