#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/ingest.hpp"
#include "test_ingest_support.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using reckon::AnchorSource;
using reckon::Document;
using reckon::IngestOptions;
using reckon::read_text;
using reckon::source_position;
using reckon::testing::caught;
using reckon::testing::line_col;

namespace {

Document text_of(std::string bytes, IngestOptions options = {}) {
  return read_text("story.txt", "story.txt", std::move(bytes), options);
}

}  // namespace

TEST_CASE("a plain text file without a header is its own text", "[ingest][text]") {
  const Document d = text_of("Putin and Trump met in Alaska.\nThey spoke for hours.\n");
  CHECK(d.id == "story.txt");
  CHECK(d.path == "story.txt");
  CHECK(d.text == "Putin and Trump met in Alaska.\nThey spoke for hours.\n");
  CHECK_FALSE(d.anchor);
  CHECK(d.anchor_source == AnchorSource::none);
  CHECK(d.header.empty());
  CHECK(source_position(d, 31).line == 2);
  CHECK(source_position(d, 31).column == 1);
}

TEST_CASE("a header block gives the anchor and the body becomes the text", "[ingest][text]") {
  const std::string file = "Title: Talks\nDate: 2025-08-12\n\nThe leaders met on Friday.\n";
  const Document d = text_of(file);
  REQUIRE(d.anchor);
  CHECK(reckon::to_iso(*d.anchor) == "2025-08-12");
  CHECK(d.anchor_source == AnchorSource::header);
  CHECK(d.text == "The leaders met on Friday.\n");
  REQUIRE(d.header.size() == 2);
  CHECK(d.header[0].key == "Title");
  CHECK(d.header[0].value == "Talks");
  CHECK(d.header[1].key == "Date");

  SECTION("offsets in the body map back to the lines of the file") {
    const std::size_t friday = d.text.find("Friday");
    CHECK(source_position(d, friday).line == 4);
    CHECK(source_position(d, friday).column == 20);
    CHECK(reckon::source_offset(d, friday) == file.find("Friday"));
  }
}

TEST_CASE("header dates are read in the usual publication forms", "[ingest][text]") {
  struct Case {
    std::string value;
    std::string iso;
    std::optional<int> offset_minutes;
  };
  const std::vector<Case> cases = {
      {"2025-08-12", "2025-08-12", std::nullopt},
      {"2025-08-12T13:06", "2025-08-12T13:06", std::nullopt},
      {"2025-08-12 13:06", "2025-08-12T13:06", std::nullopt},
      {"2025-08-12T13:06:59", "2025-08-12T13:06", std::nullopt},
      {"2025-08-12T13:06Z", "2025-08-12T13:06", 0},
      {"2025-08-12T13:06+02:00", "2025-08-12T13:06", 120},
      {"2025-08-12T13:06-0430", "2025-08-12T13:06", -270},
      {"August 12, 2025", "2025-08-12", std::nullopt},
      {"Aug. 12, 2025", "2025-08-12", std::nullopt},
      {"Sept. 2, 2025", "2025-09-02", std::nullopt},
      {"12 August 2025", "2025-08-12", std::nullopt},
      {"Tuesday, August 12, 2025", "2025-08-12", std::nullopt},
      {"august 12th, 2025", "2025-08-12", std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.value);
    const Document d = text_of("Date: " + c.value + "\n\nBody.\n");
    REQUIRE(d.anchor);
    CHECK(reckon::to_iso(*d.anchor) == c.iso);
    if (c.offset_minutes)
      CHECK(d.anchor->utc_offset == std::chrono::minutes{*c.offset_minutes});
    else
      CHECK_FALSE(d.anchor->utc_offset);
  }
}

TEST_CASE("header keys are case-insensitive and Published wins over Date", "[ingest][text]") {
  const Document d = text_of("DATE: 2025-08-01\npublished: 2025-08-12\n\nBody.\n");
  REQUIRE(d.anchor);
  CHECK(reckon::to_iso(*d.anchor) == "2025-08-12");
}

TEST_CASE("a Timezone header sets the anchor's zone", "[ingest][text]") {
  const Document d = text_of("Date: 2025-02-18T13:06\nTimezone: America/New_York\n\nBody.\n");
  REQUIRE(d.anchor);
  CHECK(d.anchor->timezone == "America/New_York");

  const auto error = caught([] { text_of("Date: 2025-02-18\nTimezone: Mars/Olympus\n\nBody.\n"); });
  CHECK(error.where().line == 2);
  CHECK(error.where().column == 11);
  CHECK_THAT(error.what(), Contains("unknown time zone 'Mars/Olympus'"));
}

TEST_CASE("lines that only look like a header are part of the text", "[ingest][text]") {
  SECTION("no known key") {
    const Document d = text_of("WASHINGTON: The talks began.\n\nMore.\n");
    CHECK(d.header.empty());
    CHECK_THAT(d.text, StartsWith("WASHINGTON:"));
  }
  SECTION("no blank line after the block") {
    const Document d = text_of("Date: 2025-08-12\nThe story starts here.\n");
    CHECK_FALSE(d.anchor);
    CHECK_THAT(d.text, StartsWith("Date:"));
  }
}

TEST_CASE("an impossible date in a header is an error at its line and column", "[ingest][text]") {
  const auto error = caught([] { text_of("Title: x\nDate:  2025-02-30\n\nBody.\n"); });
  CHECK(error.file() == "story.txt");
  CHECK(error.where().line == 2);
  CHECK(error.where().column == 8);
  CHECK(std::string(error.what()) == "2025-02-30 is not a valid date: February 2025 has 28 days");
}

TEST_CASE("an unreadable date in a header is an error that shows the expected forms", "[ingest][text]") {
  const auto error = caught([] { text_of("Date: last Tuesday\n\nBody.\n"); });
  CHECK(error.where().line == 1);
  CHECK(error.where().column == 7);
  CHECK_THAT(error.what(), StartsWith("unrecognised date 'last Tuesday' (expected"));
}

TEST_CASE("a leading byte order mark is dropped", "[ingest][text]") {
  const Document d = text_of("\xEF\xBB\xBFHello.\n");
  CHECK(d.text == "Hello.\n");
  CHECK(source_position(d, 0).line == 1);
  CHECK(source_position(d, 0).column == 4);  // columns count bytes, the mark's three included
}

TEST_CASE("a byte order mark does not hide a header", "[ingest][text]") {
  const Document d = text_of(
      "\xEF\xBB\xBF"
      "Date: 2025-08-12\n\nBody.\n");
  REQUIRE(d.anchor);
  CHECK(d.text == "Body.\n");
}

TEST_CASE("CRLF line ends are kept as they are", "[ingest][text]") {
  const Document d = text_of("Date: 2025-08-12\r\n\r\nLine one.\r\nLine two.\r\n");
  REQUIRE(d.anchor);
  CHECK(d.text == "Line one.\r\nLine two.\r\n");
  const std::size_t two = d.text.find("two");
  CHECK(source_position(d, two).line == 4);
  CHECK(source_position(d, two).column == 6);
}

TEST_CASE("invalid UTF-8 is an error at the line and column of the bad byte", "[ingest][text]") {
  const auto error = caught([] { text_of("First line.\nSecond \xFF line.\n"); });
  CHECK(error.where().line == 2);
  CHECK(error.where().column == 8);
  CHECK(std::string(error.what()) == "invalid UTF-8 byte 0xff (expected UTF-8 text)");
}

TEST_CASE("a truncated UTF-8 sequence is named as incomplete", "[ingest][text]") {
  const auto error = caught([] { text_of("Price: 5 \xE2\x82 only.\n"); });
  CHECK(error.where().line == 1);
  CHECK(error.where().column == 10);
  CHECK_THAT(error.what(), StartsWith("incomplete UTF-8 sequence starting with byte 0xe2"));
}

TEST_CASE("lenient mode replaces invalid UTF-8 and counts the replacements", "[ingest][text]") {
  IngestOptions lenient;
  lenient.lenient = true;
  const std::string file = "Date: 2025-08-12\n\nCaf\xE9 and na\xEFve \xFF\xFE words.\n";
  const Document d = text_of(file, lenient);
  CHECK(d.utf8_replacements == 4);
  CHECK(d.text == "Caf\xEF\xBF\xBD and na\xEF\xBF\xBDve \xEF\xBF\xBD\xEF\xBF\xBD words.\n");

  SECTION("offsets after a replacement still map to the file") {
    const std::size_t words = d.text.find("words");
    CHECK(source_position(d, words).line == 3);
    CHECK(source_position(d, words).column == file.find("words") - file.find("Caf") + 1);
    CHECK(reckon::source_offset(d, words) == file.find("words"));
  }
}

TEST_CASE("an empty or blank file is an error at its start", "[ingest][text]") {
  for (const std::string bytes : {"", "   \n\t\r\n"}) {
    const auto error = caught([&] { text_of(bytes); });
    CHECK(line_col(error.where()) == "1:1");
    CHECK_THAT(error.what(), StartsWith("empty"));
  }
}

TEST_CASE("a header with no body after it is an empty document", "[ingest][text]") {
  const auto error = caught([] { text_of("Date: 2025-08-12\n\n\n  \n"); });
  CHECK_THAT(error.what(), StartsWith("empty document"));
  CHECK(error.where().line == 3);
}

TEST_CASE("a NUL byte in the first 8 KiB marks a binary file", "[ingest][text]") {
  std::string bytes = "header\n..";
  bytes += '\0';
  bytes += "more";
  const auto error = caught([&] { text_of(bytes); });
  CHECK(error.where().line == 2);
  CHECK(error.where().column == 3);
  CHECK_THAT(error.what(), StartsWith("binary file (NUL byte at byte offset 9"));

  IngestOptions lenient;
  lenient.lenient = true;
  CHECK_THROWS_AS(text_of(bytes, lenient), reckon::SourceError);
}

TEST_CASE("a NUL byte after the first 8 KiB is invalid text, replaced in lenient mode", "[ingest][text]") {
  std::string bytes(9000, 'a');
  bytes += '\0';
  bytes += "tail\n";
  const auto error = caught([&] { text_of(bytes); });
  CHECK(error.where().line == 1);
  CHECK(error.where().column == 9001);
  CHECK_THAT(error.what(), StartsWith("NUL byte"));

  IngestOptions lenient;
  lenient.lenient = true;
  const Document d = text_of(bytes, lenient);
  CHECK(d.utf8_replacements == 1);
}

TEST_CASE("a file that starts like an image, an archive or a program is refused as binary", "[ingest][text]") {
  const std::pair<std::string, std::string> cases[] = {
      {std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "a PNG image"},
      {"\xFF\xD8\xFF\xE0 JFIF", "a JPEG image"},
      {"GIF89a text", "a GIF image"},
      {"%PDF-1.7\n", "a PDF document"},
      {"PK\x03\x04 office", "a ZIP archive"},
      {"\x1F\x8B\x08 gz", "gzip-compressed data"},
      {"\x7F" "ELF\x02\x01", "an executable"},
  };
  IngestOptions lenient;
  lenient.lenient = true;
  for (const auto& [bytes, kind] : cases) {
    INFO(kind);
    const auto error = caught([&] { text_of(bytes, lenient); });
    CHECK(line_col(error.where()) == "1:1");
    CHECK_THAT(error.what(), StartsWith("binary file: " + kind));
  }
}

TEST_CASE("a file larger than max_document_bytes is refused where it crosses the limit", "[ingest][text]") {
  IngestOptions small;
  small.max_document_bytes = 10;
  const auto error = caught([&] { text_of("This is\nlonger than ten bytes.\n", small); });
  CHECK_THAT(error.what(), StartsWith("document is larger than max_document_bytes, 10 bytes"));
  CHECK(line_col(error.where()) == "2:3");
}

TEST_CASE("lenient reading counts the replacements and remembers where the first was", "[ingest][text]") {
  IngestOptions lenient;
  lenient.lenient = true;
  const Document d = text_of("Caf\xe9 one.\nAnd \xff\xfe two.\n", lenient);
  CHECK(d.utf8_replacements == 3);
  CHECK(line_col(d.first_utf8_replacement) == "1:4");
  CHECK(text_of("Clean text.\n", lenient).first_utf8_replacement.line == 0);
}

TEST_CASE("parse_anchor_date reports what is wrong and where", "[ingest][date]") {
  SECTION("an impossible time of day") {
    const reckon::AnchorParse parsed = reckon::parse_anchor_date("2025-08-12T25:10");
    CHECK_FALSE(parsed.anchor);
    CHECK(parsed.error_offset == 11);
    CHECK_THAT(parsed.error, StartsWith("25:10 is not a valid time of day"));
  }
  SECTION("a month that does not exist") {
    const reckon::AnchorParse parsed = reckon::parse_anchor_date("2025-13-01");
    CHECK(parsed.error == "2025-13-01 is not a valid date: there is no month 13");
  }
  SECTION("a leap day") {
    CHECK(reckon::parse_anchor_date("2024-02-29").anchor);
    CHECK(reckon::parse_anchor_date("2023-02-29").error ==
          "2023-02-29 is not a valid date: February 2023 has 28 days");
  }
  SECTION("white space around the value is ignored") {
    const reckon::AnchorParse parsed = reckon::parse_anchor_date("  2025-08-12 ");
    REQUIRE(parsed.anchor);
    CHECK(reckon::to_iso(*parsed.anchor) == "2025-08-12");
  }
}

TEST_CASE("offsets deep in a long text map back to the file, replacements included", "[ingest][text]") {
  std::string file = "Date: 2025-08-12\n\n";
  for (int line = 0; line < 2000; ++line) {
    file += "Line " + std::to_string(line) + " of the story";
    if (line % 300 == 7) file += " with a bad \xFF byte";
    file += ".\n";
  }
  IngestOptions lenient;
  lenient.lenient = true;
  const Document d = text_of(file, lenient);
  CHECK(d.utf8_replacements == 7);
  for (std::size_t i = 0; i < d.text.size(); i += 37) {
    if (static_cast<unsigned char>(d.text[i]) >= 0x80) continue;
    INFO("text offset " << i);
    const std::size_t source = reckon::source_offset(d, i);
    REQUIRE(file[source] == d.text[i]);
    CHECK(reckon::testing::line_col(source_position(d, i)) ==
          reckon::testing::line_col(reckon::position_of(file, source)));
  }
}
