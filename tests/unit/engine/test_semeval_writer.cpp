#include <catch2/catch.hpp>

#include "engine/eval_timeline.hpp"
#include "engine/semeval.hpp"

using namespace reckon;

namespace {

Timex day_timex(int y, unsigned m, unsigned d, Granularity g = Granularity::day) {
  Timex t;
  const auto begin = date::local_days{date::year{y} / m / d};
  auto end = begin + date::days{1};
  if (g == Granularity::month) end = date::local_days{date::year{y} / (m + 1) / 1};
  if (g == Granularity::year) end = date::local_days{date::year{y + 1} / 1 / 1};
  t.interval = Interval{date::local_seconds{begin}, date::local_seconds{end}};
  t.granularity = g;
  return t;
}

// One document, "Steve Jobs unveiled ... He spoke by telephone ...", TimeML sentences 2 and 3.
struct Fixture {
  Document doc;
  Timeline timeline;

  Fixture() {
    doc.id = "doc.tml";
    doc.docid = "1664";
    doc.text = "Jobs unveiled it . Steve Jobs spoke by telephone . Cook said so .";
    doc.sentences = {{0, 18, "2"}, {19, 51, "3"}, {52, 66, "4"}};
    doc.anchor = Anchor{date::local_days{date::year{2005} / 6 / 7}};
    auto mention = [&](std::size_t s, std::size_t start, std::size_t end, std::string sentence) {
      Mention m;
      m.doc = doc.id;
      m.sentence = s;
      m.start = start;
      m.end = end;
      m.trigger = doc.text.substr(start, end - start);
      timeline.mentions.push_back(m);
      timeline.sentence_texts.push_back(std::move(sentence));
    };
    mention(0, 5, 13, "Jobs unveiled it .");
    mention(1, 30, 49, "Steve Jobs spoke by telephone .");
    mention(2, 57, 61, "Cook said so .");
    Event dated;
    const Timex t = day_timex(2005, 6, 6);
    dated.interval = t.interval;
    dated.granularity = t.granularity;
    dated.mentions = {0};
    Event undated;
    undated.mentions = {1, 2};
    timeline.events = {dated, undated};
  }
};

}  // namespace

TEST_CASE("the writer lists the entity's mentions by time in the task's format", "[semeval]") {
  Fixture f;
  const std::string out = timeline_to_semeval(f.timeline, {&f.doc}, "Steve Jobs");
  // "Jobs" alone names him in a document that names him in full; the undated call takes the
  // document's day; Cook's statement does not involve him.
  CHECK(out == "Steve Jobs\n1\t2005-06-06\t1664-2-unveiled\n2\t2005-06-07\t1664-3-spoke\n");
  CHECK_NOTHROW(parse_semeval_timeline(out, "out.txt"));
}

TEST_CASE("undated mentions are ORDER 0 when they are not dated by their document", "[semeval]") {
  Fixture f;
  SemevalOptions o;
  o.date_undated_by_anchor = false;
  CHECK(timeline_to_semeval(f.timeline, {&f.doc}, "Steve Jobs", o) ==
        "Steve Jobs\n0\tXXXX-XX-XX\t1664-3-spoke\n1\t2005-06-06\t1664-2-unveiled\n");
}

TEST_CASE("an undated mention takes the day its story's lead names, when it names one", "[semeval]") {
  Fixture f;
  // The lead said "Yesterday", 2005-06-06 (find_lead_day; the pipeline puts it on the document).
  f.timeline.documents = {{f.doc.id, f.doc.anchor, AnchorSource::dct, date::local_days{date::year{2005} / 6 / 6}}};
  CHECK(timeline_to_semeval(f.timeline, {&f.doc}, "Steve Jobs") ==
        "Steve Jobs\n1\t2005-06-06\t1664-2-unveiled\n1\t2005-06-06\t1664-3-spoke\n");
}

TEST_CASE("DATE strings follow the gold's granularities", "[semeval]") {
  Fixture f;
  for (auto [g, text] : {std::pair{Granularity::month, "2005-06"}, std::pair{Granularity::year, "2005"}}) {
    const Timex t = day_timex(2005, 6, 1, g);
    f.timeline.events[0].interval = t.interval;
    f.timeline.events[0].granularity = g;
    CHECK(timeline_to_semeval(f.timeline, {&f.doc}, "Steve Jobs").find(std::string("\t") + text + "\t1664-2-unveiled") !=
          std::string::npos);
  }
}

TEST_CASE("coreferent mentions of one event on one date share a line", "[semeval]") {
  Fixture f;
  f.timeline.events[0].mentions = {0, 1};
  f.timeline.events.pop_back();
  CHECK(timeline_to_semeval(f.timeline, {&f.doc}, "Steve Jobs") ==
        "Steve Jobs\n1\t2005-06-06\t1664-2-unveiled\t1664-3-spoke\n");
}

TEST_CASE("a timeline's file name is its entity in lower case with underscores", "[semeval]") {
  CHECK(semeval_file_name("Steve Jobs") == "steve_jobs.txt");
  CHECK(semeval_file_name("Beatles Apple Corps") == "beatles_apple_corps.txt");
  CHECK(semeval_file_name("iPhone 3G") == "iphone_3g.txt");
}

TEST_CASE("a multi-word entity is found in a longer or a shorter form of its name", "[semeval]") {
  Timeline t;
  auto const involves = [&](const std::string& sentence, std::string_view entity) {
    Mention m;
    m.doc = "d";
    t.mentions = {m};
    t.sentence_texts = {sentence};
    return mention_involves(t, 0, nullptr, entity);
  };
  CHECK(involves("Apple launched the iTunes Music Store in 2003.", "iTunes store"));
  CHECK(involves("Apple Corps sued Apple Computer in 1978.", "Beatles Apple Corps"));
  CHECK(involves("Apple Computer sued the Beatles' Apple Corps.", "Beatles Apple Corps"));
  // One word between the entity's words, not more; and the last two words of three, not one.
  CHECK_FALSE(involves("The iTunes app of the music store closed.", "iTunes store"));
  CHECK_FALSE(involves("Apple sued the band's lawyers.", "Beatles Apple Corps"));
  CHECK_FALSE(involves("Sales of the phone rose.", "iPhone 3G"));
  CHECK_FALSE(involves("He lives in the United States of America.", "Bank of America"));
  // Every way of skipping a word is tried, not only the first: "Music" at the second place here.
  CHECK(involves("Apple Music, music app Store opened.", "Apple Music Store"));
}
