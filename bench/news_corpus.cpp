#include "bench/news_corpus.hpp"

#include <array>
#include <string_view>
#include <sys/resource.h>

namespace reckon::bench {
namespace {

// A small deterministic generator (SplitMix64), so corpora are identical across runs and machines.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  template <class Array>
  std::string_view pick(const Array& a) { return a[next() % a.size()]; }

 private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 12> kPeople = {
    "Foreign Minister Anika Varga", "President Elena Sorel", "Mr. Brenner", "Secretary Tomas Kral",
    "the prime minister", "Governor Lia Moreno", "the central bank chief", "Senator Ruth Okafor",
    "spokeswoman Dana Hill", "the defense minister", "Chancellor Ivo Marsh", "the mayor"};
constexpr std::array<std::string_view, 10> kVerbs = {
    "met", "spoke by telephone with", "criticised", "praised", "held talks with",
    "visited", "called", "wrote to", "rejected an offer from", "signed an agreement with"};
constexpr std::array<std::string_view, 10> kPlaces = {
    "in Lakeport", "in the capital", "at the summit", "in Geneva", "at the White House",
    "in a radio interview", "at a press conference", "in Brussels", "on the sidelines", "by video link"};
constexpr std::array<std::string_view, 30> kTimes = {
    "on Tuesday", "last week", "on Friday afternoon", "on Feb. 18, 2025", "earlier this month",
    "two days ago", "in March", "since 2014", "for nearly three hours", "every Tuesday",
    "yesterday", "at 3:42 PM", "in the third quarter", "later this year", "in recent weeks",
    "on 12 August 2025", "the following day", "in the 1990s", "a decade ago", "next month",
    "on Monday morning", "this week", "in mid-2024", "on 2025-08-15", "for 40 minutes",
    "in summer 2024", "earlier this year", "three years earlier", "tonight", "now"};
constexpr std::array<std::string_view, 12> kFillers = {
    "according to officials familiar with the matter",
    "as markets watched closely for signs of a settlement",
    "while critics warned that the agreement could collapse",
    "amid growing pressure from allies and opposition lawmakers",
    "after weeks of tense negotiations over trade and security",
    "despite objections raised by several member states",
    "in what analysts described as a significant shift in strategy",
    "with 30 percent of the budget still unallocated",
    "as 179 tankers waited outside the harbour",
    "and the company reported $40 billion in revenue",
    "saying the talks had been constructive and frank",
    "though no joint statement was issued afterwards"};

void append_sentence(std::string& out, Random& r) {
  // Wire copy starts every sentence with a capital ("The mayor met ..."); a lower-case start
  // would read as the continuation of the sentence before.
  std::size_t const start = out.size();
  out += r.pick(kPeople);
  if (out[start] >= 'a' && out[start] <= 'z') out[start] = static_cast<char>(out[start] - 'a' + 'A');
  out += ' ';
  out += r.pick(kVerbs);
  out += ' ';
  out += r.pick(kPeople);
  out += ' ';
  out += r.pick(kPlaces);
  if (r.next() % 2 == 0) {
    out += ' ';
    out += r.pick(kTimes);
  }
  out += ", ";
  out += r.pick(kFillers);
  out += ". ";
}

// Sentences that report no meeting, call or visit: market figures, positions, background. Some
// are attributed ("the ministry said"), as in wire copy, and so are statements.
constexpr std::array<std::string_view, 10> kSubjects = {
    "The currency", "Oil prices", "The ministry", "Analysts", "The main index", "Inflation",
    "The opposition", "The company", "Exports", "The central bank"};
constexpr std::array<std::string_view, 12> kPredicates = {
    "rose 3 percent", "remained broadly unchanged", "has long opposed the plan",
    "expects growth to slow", "fell to its lowest level since the crisis", "is under pressure from investors",
    "has not commented on the figures", "doubled its forecast", "lost nearly a fifth of its value",
    "sees little room for compromise", "reported a loss of $2.4 billion", "kept its outlook for the region"};
constexpr std::array<std::string_view, 6> kSources = {
    "the statistics office said", "officials said", "according to a report published by the ministry",
    "a spokesman said", "figures showed", "the agency said"};

void append_background_sentence(std::string& out, Random& r) {
  out += r.pick(kSubjects);
  out += ' ';
  out += r.pick(kPredicates);
  if (r.next() % 4 == 0) {
    out += ' ';
    out += r.pick(kTimes);
  }
  out += ", ";
  out += r.next() % 3 == 0 ? r.pick(kSources) : r.pick(kFillers);
  out += ". ";
}

}  // namespace

std::vector<Document> make_news_corpus(std::size_t total_bytes, std::uint64_t seed, std::size_t article_bytes,
                                       CorpusMix mix) {
  Random r(seed);
  std::vector<Document> docs;
  std::size_t total = 0;
  const date::local_days first{date::year{2024} / 1 / 1};
  while (total < total_bytes) {
    Document d;
    d.id = "article-" + std::to_string(docs.size()) + ".txt";
    d.path = d.id;
    Anchor anchor;
    anchor.day = first + date::days{static_cast<int>(r.next() % 1000)};
    d.anchor = anchor;
    d.anchor_source = AnchorSource::config;
    d.text.reserve(article_bytes + 256);
    while (d.text.size() < article_bytes) {
      // In the news mix, two sentences in three are background.
      if (mix == CorpusMix::news && r.next() % 3 != 0)
        append_background_sentence(d.text, r);
      else
        append_sentence(d.text, r);
      if (r.next() % 5 == 0) d.text += "\n\n";
    }
    total += d.text.size();
    docs.push_back(std::move(d));
  }
  return docs;
}

std::size_t peak_rss_bytes() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // ru_maxrss is in KiB on Linux
}

}  // namespace reckon::bench
