#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/utf8.hpp"

using reckon::find_invalid_utf8;
using reckon::repair_utf8;

TEST_CASE("well-formed UTF-8 of every sequence length is valid", "[utf8]") {
  const std::string text =
      "plain ASCII, caf\xC3\xA9, \xE2\x82\xAC sign, \xF0\x9F\x98\x80 and more ASCII after";
  CHECK(reckon::is_valid_utf8(text));
  CHECK(find_invalid_utf8(text).offset == text.size());
  CHECK(reckon::is_valid_utf8(""));
}

TEST_CASE("the first ill-formed sequence is found at its byte offset", "[utf8]") {
  struct Case {
    std::string bytes;
    std::size_t offset;
    std::size_t length;
  };
  const std::vector<Case> cases = {
      {"abc\xFF", 3, 1},                   // never valid
      {"0123456789abcdef\x80xyz", 16, 1},  // stray continuation after the fast path
      {"\xC0\xAF", 0, 1},                  // overlong lead
      {"ab\xE0\x80\x80", 2, 1},            // overlong three-byte form
      {"ab\xED\xA0\x80", 2, 1},            // surrogate U+D800
      {"ab\xF4\x90\x80\x80", 2, 1},        // above U+10FFFF
      {"ab\xE2\x82", 2, 2},                // truncated at the end
      {"ab\xE2\x82x", 2, 2},               // truncated before ASCII
      {"ab\xF0\x9F\x98", 2, 3},            // truncated four-byte form
      {"\xF5\x80", 0, 1},                  // lead byte out of range
  };
  for (const Case& c : cases) {
    INFO("bytes at offset " << c.offset);
    const reckon::Utf8Problem problem = find_invalid_utf8(c.bytes);
    CHECK(problem.offset == c.offset);
    CHECK(problem.length == c.length);
    CHECK_FALSE(problem.nul);
  }
}

TEST_CASE("a NUL byte is reported as a problem of its own", "[utf8]") {
  const std::string text = std::string("0123456789") + '\0' + "tail";
  const reckon::Utf8Problem problem = find_invalid_utf8(text);
  CHECK(problem.offset == 10);
  CHECK(problem.nul);
}

TEST_CASE("repair replaces each maximal invalid subpart with one U+FFFD", "[utf8]") {
  std::string out;
  std::vector<reckon::Utf8Replacement> where;
  const std::size_t count = repair_utf8(
      "a\xFF"
      "b\xE2\x82"
      "c\xF0\x9F\x98\x80",
      out, &where);
  CHECK(count == 2);
  CHECK(out ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD"
        "c\xF0\x9F\x98\x80");
  REQUIRE(where.size() == 2);
  CHECK(where[0].source_offset == 1);
  CHECK(where[0].source_length == 1);
  CHECK(where[0].text_offset == 1);
  CHECK(where[1].source_offset == 3);
  CHECK(where[1].source_length == 2);
  CHECK(where[1].text_offset == 5);
  CHECK(reckon::is_valid_utf8(out));
}

TEST_CASE("repair leaves valid text unchanged and counts nothing", "[utf8]") {
  std::string out = "stale";
  CHECK(repair_utf8("caf\xC3\xA9", out) == 0);
  CHECK(out == "caf\xC3\xA9");
}

TEST_CASE("repair replaces NUL bytes too", "[utf8]") {
  std::string out;
  CHECK(repair_utf8(std::string("a") + '\0' + "b", out) == 1);
  CHECK(out ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("the validator agrees with a byte-by-byte reference on long mixed input", "[utf8]") {
  // Invalid bytes at every offset modulo 8, so each lands inside and outside the ASCII fast path.
  for (std::size_t at = 0; at < 40; ++at) {
    std::string text(48, 'x');
    text[at] = '\x80';
    CHECK(find_invalid_utf8(text).offset == at);
  }
}

TEST_CASE("hex_byte writes a byte as two lower-case hex digits", "[utf8]") {
  CHECK(reckon::hex_byte(0xFF) == "0xff");
  CHECK(reckon::hex_byte(0x0A) == "0x0a");
}
