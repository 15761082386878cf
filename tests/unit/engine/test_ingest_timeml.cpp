#include <catch2/catch.hpp>
#include <string>

#include "engine/ingest.hpp"
#include "engine/segment.hpp"
#include "test_ingest_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using reckon::Document;
using reckon::IngestOptions;
using reckon::source_position;
using reckon::testing::caught;
using reckon::testing::line_col;
using reckon::testing::span_text;

namespace {

Document timeml(std::string_view bytes, IngestOptions options = {}) {
  return reckon::read_timeml("doc.tml", "doc.tml", bytes, options);
}

// The shape of a TimeBank file: XML declaration, DOCID, DCT, EXTRAINFO, TEXT, links after it.
constexpr std::string_view timebank = R"(<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

<DOCID>ABC19980108.1830.0711</DOCID>

<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>

<EXTRAINFO>
ABC &amp;Cx1f; NEWS STORY
</EXTRAINFO>

<TEXT>
It's <EVENT eid="e1" class="OCCURRENCE">turning</EVENT> out to be a bad <TIMEX3 tid="t83" type="DURATION" value="P1W">week</TIMEX3> for AT&amp;T.
<SIGNAL sid="s1">In</SIGNAL> <TIMEX3 tid="t85" type="DURATION" value="P1D" mod="APPROX">the last twenty four hours</TIMEX3>, stocks <EVENT eid="e7" class="OCCURRENCE">fell</EVENT>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PRESENT" />
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0" />
</TimeML>
)";

}  // namespace

TEST_CASE("a TimeBank document gives its DOCID, DCT anchor and stripped text", "[ingest][timeml]") {
  const Document d = timeml(timebank);
  CHECK(d.docid == "ABC19980108.1830.0711");
  REQUIRE(d.anchor);
  CHECK(reckon::to_iso(*d.anchor) == "1998-01-08");
  CHECK(d.anchor_source == reckon::AnchorSource::dct);
  CHECK(d.text ==
        "\nIt's turning out to be a bad week for AT&T.\nIn the last twenty four hours, stocks fell.\n");
}

TEST_CASE("inline TIMEX3 and EVENT tags become gold spans of the stripped text", "[ingest][timeml]") {
  const Document d = timeml(timebank);
  REQUIRE(d.gold_timexes.size() == 2);
  CHECK(span_text(d, d.gold_timexes[0].start, d.gold_timexes[0].end) == "week");
  CHECK(d.gold_timexes[0].tid == "t83");
  CHECK(d.gold_timexes[0].type == "DURATION");
  CHECK(d.gold_timexes[0].value == "P1W");
  CHECK(d.gold_timexes[1].mod == "APPROX");
  CHECK(span_text(d, d.gold_timexes[1].start, d.gold_timexes[1].end) == "the last twenty four hours");
  REQUIRE(d.gold_events.size() == 2);
  CHECK(d.gold_events[0].eid == "e1");
  CHECK(span_text(d, d.gold_events[1].start, d.gold_events[1].end) == "fell");
}

TEST_CASE("text offsets of a TimeML document map back to the .tml file", "[ingest][timeml]") {
  const Document d = timeml(timebank);
  const std::string_view file = timebank;
  const auto check_maps = [&](std::size_t text_offset, std::string_view needle) {
    INFO(needle);
    CHECK(reckon::source_offset(d, text_offset) == file.find(needle));
    CHECK(line_col(source_position(d, text_offset)) ==
          line_col(reckon::position_of(file, file.find(needle))));
  };
  check_maps(d.gold_timexes[0].start, "week</TIMEX3>");
  check_maps(d.gold_timexes[1].start, "the last twenty");
  check_maps(d.text.find("T."), "T.\n");  // after the decoded &amp;
  check_maps(d.text.find("stocks"), "stocks");
}

TEST_CASE("the SemEval-2015 timeline format gives marked sentences, kept apart by line breaks", "[ingest][timeml]") {
  const std::string file =
      "<?xml version='1.0' encoding='utf-8'?>\n"
      "<TimeML><DOCID>1514</DOCID>\n"
      "<DCT><TIMEX3 functionInDocument=\"CREATION_TIME\" tid=\"t0\" type=\"DATE\" "
      "value=\"2005-05-07\">2005-05-07</TIMEX3></DCT>\n"
      "<EXTRAINFO>Reactions to Apple 's OS X Tiger</EXTRAINFO>\n"
      "<TEXT><s id=\"1\">May 7 , 2005</s><s id=\"2\">Users are <EVENT eid=\"e11\">buzzing</EVENT> "
      ".</s><s id=\"3\">Yesterday they queued .</s></TEXT>\n"
      "</TimeML>\n";
  const Document d = timeml(file);
  CHECK(d.docid == "1514");
  // The file writes "2005</s><s id="2">Users": without the line break the words would run together.
  CHECK(d.text == "May 7 , 2005\nUsers are buzzing .\nYesterday they queued .");
  CHECK(reckon::source_offset(d, d.text.find("Users")) == file.find("Users"));
  CHECK(reckon::source_offset(d, d.text.find("Yesterday")) == file.find("Yesterday"));
  CHECK(reckon::split_sentences(d.text).size() == 3);
  REQUIRE(d.sentences.size() == 3);
  CHECK(d.sentences[0].id == "1");
  CHECK(span_text(d, d.sentences[0].start, d.sentences[0].end) == "May 7 , 2005");
  CHECK(span_text(d, d.sentences[1].start, d.sentences[1].end) == "Users are buzzing .");
  REQUIRE(d.gold_events.size() == 1);
  CHECK(span_text(d, d.gold_events[0].start, d.gold_events[0].end) == "buzzing");
}

TEST_CASE("a DCT with a time of day gives a date-time anchor", "[ingest][timeml]") {
  const Document d = timeml(
      "<TimeML><DCT><TIMEX3 tid='t0' type='TIME' value='1998-08-07T06:18:00'>x</TIMEX3></DCT>"
      "<TEXT>Bombs exploded.</TEXT></TimeML>");
  REQUIRE(d.anchor);
  CHECK(reckon::to_iso(*d.anchor) == "1998-08-07T06:18");
}

TEST_CASE("TimeML markup variants are read: quotes, comments, CDATA, nesting, references",
          "[ingest][timeml]") {
  const Document d = timeml(
      "<TimeML><!-- a comment with <tags> -->\n"
      "<TEXT>A <TIMEX3 tid='t1' type=\"DATE\" value = 'XXXX'>day <EVENT eid='e1'>after</EVENT></TIMEX3>"
      "<![CDATA[ <raw> & ]]> caf&#233; &#x20AC;5 &lt;&gt;&quot;&apos;"
      "<TIMEX3 tid='t2' type='DATE' value='PRESENT_REF' anchorTimeID='t0'/></TEXT></TimeML>");
  CHECK(d.text ==
        "A day after <raw> &  caf\xC3\xA9 \xE2\x82\xAC"
        "5 <>\"'");
  REQUIRE(d.gold_timexes.size() == 2);
  CHECK(span_text(d, d.gold_timexes[0].start, d.gold_timexes[0].end) == "day after");
  CHECK(d.gold_timexes[0].value == "XXXX");
  CHECK(d.gold_timexes[1].start == d.gold_timexes[1].end);
  REQUIRE(d.gold_events.size() == 1);
  CHECK(span_text(d, d.gold_events[0].start, d.gold_events[0].end) == "after");
  CHECK_FALSE(d.anchor);
}

TEST_CASE("malformed TimeML is an error at the file's line and column", "[ingest][timeml]") {
  struct Case {
    std::string bytes;
    std::size_t line;
    std::size_t column;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"<TimeML>\n<TEXT>A <EVENT eid='e1'>b</TEXT></TimeML>", 2, 26,
       "closing tag </TEXT> does not match <EVENT> opened at line 2, column 9 (expected </EVENT>)"},
      {"<TimeML>\n<TEXT>A\n  <EVENT eid='e1'>b\n", 3, 3,
       "unclosed <EVENT> (expected </EVENT> before the end of the file)"},
      {"<TimeML>\n<DOCID>x</DOCID>\n</TimeML>\n", 1, 1,
       "missing <TEXT> element (expected the document text in <TEXT>...</TEXT>)"},
      {"<TimeML><TEXT>a <TIMEX3 tid='t1' <EVENT>b</TEXT></TimeML>", 1, 17,
       "unterminated tag <TIMEX3 (expected '>')"},
      {"<TimeML><TEXT>AT&T</TEXT></TimeML>", 1, 17,
       "'&' does not start an entity (expected &amp; for a literal '&')"},
      {"<TimeML><TEXT>a &nbsp; b</TEXT></TimeML>", 1, 17,
       "unknown entity '&nbsp;' (expected &amp;, &lt;, &gt;, &quot;, &apos; or a character reference)"},
      {"<TimeML><TEXT>1 < 2</TEXT></TimeML>", 1, 17,
       "'<' does not start a tag (expected a tag name, or &lt; for a literal '<')"},
      {"<TimeML><TEXT>a</TEXT></TimeML></TimeML>", 1, 32,
       "closing tag </TimeML> without a matching opening tag"},
      {"<TimeML>\n<TEXT>a</TEXT><TEXT>b</TEXT></TimeML>", 2, 15,
       "second <TEXT> element (expected one per document, the first at line 2, column 1)"},
      {"<TimeML><TEXT>  \n </TEXT></TimeML>", 1, 9, "empty document (expected text inside <TEXT>)"},
      {"<TimeML><DCT><TIMEX3 tid='t0' value='1998-02-30'/></DCT><TEXT>a</TEXT></TimeML>", 1, 38,
       "DCT value: 1998-02-30 is not a valid date: February 1998 has 28 days"},
      {"<TimeML><TEXT>a <EVENT eid=e1>b</EVENT></TEXT></TimeML>", 1, 28,
       "expected a quoted value for attribute 'eid'"},
      {"<TimeML><TEXT>a &#0; b</TEXT></TimeML>", 1, 17,
       "invalid character reference '&#0;' (expected a Unicode scalar value such as &#233; or &#xE9;)"},
  };
  for (const Case& c : cases) {
    INFO(c.bytes);
    const auto error = caught([&] { timeml(c.bytes); });
    CHECK(error.file() == "doc.tml");
    CHECK(error.where().line == c.line);
    CHECK(error.where().column == c.column);
    CHECK(std::string(error.what()) == c.message);
  }
}

TEST_CASE("invalid UTF-8 in a TimeML file is an error unless lenient", "[ingest][timeml]") {
  const std::string bytes = "<TimeML>\n<TEXT>caf\xE9 <EVENT eid='e1'>opened</EVENT></TEXT></TimeML>";
  const auto error = caught([&] { timeml(bytes); });
  CHECK(error.where().line == 2);
  CHECK(error.where().column == 10);
  CHECK(std::string(error.what()) == "invalid UTF-8 byte 0xe9 (expected UTF-8 text)");

  IngestOptions lenient;
  lenient.lenient = true;
  const Document d = timeml(bytes, lenient);
  CHECK(d.utf8_replacements == 1);
  CHECK(d.text == "caf\xEF\xBF\xBD opened");
  const std::size_t opened = d.gold_events.at(0).start;
  CHECK(span_text(d, opened, d.gold_events[0].end) == "opened");
  CHECK(line_col(source_position(d, opened)) == line_col(reckon::position_of(bytes, bytes.find("opened"))));
}

TEST_CASE("a TimeML file with a byte order mark and CRLF line ends is read", "[ingest][timeml]") {
  const Document d = timeml(
      "\xEF\xBB\xBF<TimeML>\r\n<TEXT>\r\nLine <TIMEX3 tid='t1'>today</TIMEX3>.\r\n</TEXT>\r\n</TimeML>\r\n");
  CHECK(d.text == "\r\nLine today.\r\n");
  CHECK(source_position(d, d.gold_timexes.at(0).start).line == 3);
  CHECK(source_position(d, d.gold_timexes.at(0).start).column == 23);
}
