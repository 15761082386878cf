// A document's source map: the points where its text and its source file line up, kept packed,
// must read back exactly as they were made, whatever their size.
#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "engine/source_map.hpp"

using reckon::SourceMap;
using reckon::SourcePoint;

TEST_CASE("source points read back as made, and the covering point is found by text offset", "[source_map]") {
  // A JSON Lines text deep in a large file: offsets past 4 GiB in the file, small in the text.
  const std::size_t line_start = (std::size_t{5} << 30) + 17;
  const std::vector<SourcePoint> points{
      {0, line_start + 30, 900000, 31}, {12, line_start + 44, 900000, 45}, {40, line_start + 74, 900000, 75}};
  const SourceMap map(points);
  REQUIRE(map.size() == 3);
  for (std::size_t i = 0; i < points.size(); ++i) CHECK(map[i] == points[i]);
  CHECK(map.at(2) == points[2]);
  CHECK_THROWS_AS(map.at(3), std::out_of_range);
  CHECK(map.front() == points.front());
  CHECK(map.back() == points.back());
  CHECK(map.count_at_or_before(0) == 1);
  CHECK(map.count_at_or_before(11) == 1);
  CHECK(map.count_at_or_before(12) == 2);
  CHECK(map.count_at_or_before(1000) == 3);
}

TEST_CASE("a source map whose points do not fit 32 bits keeps them whole", "[source_map]") {
  const std::size_t huge = std::size_t{1} << 33;
  const std::vector<SourcePoint> points{{0, 10, 1, 1}, {huge, huge + 10, 3, 2}};
  const SourceMap map(points);
  REQUIRE(map.size() == 2);
  CHECK(map[1] == points[1]);
  CHECK(map.count_at_or_before(huge - 1) == 1);
  CHECK(map.count_at_or_before(huge) == 2);
  CHECK(SourceMap().empty());
  CHECK(SourceMap().count_at_or_before(5) == 0);
}
