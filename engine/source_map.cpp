#include "engine/source_map.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

namespace reckon {
namespace {

constexpr std::size_t kMax32 = std::numeric_limits<std::uint32_t>::max();

}  // namespace

SourceMap::SourceMap(const std::vector<SourcePoint>& points) {
  if (points.empty()) return;
  base_source_ = points.front().source_offset;
  base_line_ = points.front().line;
  auto const fits = [&](const SourcePoint& p) {
    return p.text_offset <= kMax32 && p.source_offset >= base_source_ && p.source_offset - base_source_ <= kMax32 &&
           p.line >= base_line_ && p.line - base_line_ <= kMax32 && p.column <= kMax32;
  };
  if (!std::all_of(points.begin(), points.end(), fits)) {
    wide_ = points;
    return;
  }
  packed_.reserve(points.size());
  for (const SourcePoint& p : points)
    packed_.push_back({static_cast<std::uint32_t>(p.text_offset), static_cast<std::uint32_t>(p.source_offset - base_source_),
                       static_cast<std::uint32_t>(p.line - base_line_), static_cast<std::uint32_t>(p.column)});
}

SourcePoint SourceMap::operator[](std::size_t i) const noexcept {
  if (!wide_.empty()) return wide_[i];
  const Packed& p = packed_[i];
  return {p.text_offset, base_source_ + p.source_delta, base_line_ + p.line_delta, p.column};
}

SourcePoint SourceMap::at(std::size_t i) const {
  if (i >= size()) {
    std::string message = "SourceMap::at: no point ";
    message += std::to_string(i);
    throw std::out_of_range(message);
  }
  return (*this)[i];
}

std::size_t SourceMap::count_at_or_before(std::size_t text_offset) const noexcept {
  if (!wide_.empty())
    return static_cast<std::size_t>(
        std::upper_bound(wide_.begin(), wide_.end(), text_offset,
                         [](std::size_t offset, const SourcePoint& p) { return offset < p.text_offset; }) -
        wide_.begin());
  return static_cast<std::size_t>(
      std::upper_bound(packed_.begin(), packed_.end(), text_offset,
                       [](std::size_t offset, const Packed& p) { return offset < p.text_offset; }) -
      packed_.begin());
}

}  // namespace reckon
