#pragma once
// How offsets in a document's text map back to its source file: the points where the two line up
// (SourcePoint), sorted by text offset. Held in 16 bytes a point, not 32: a JSON Lines text has a
// point at every escape, and every document keeps its map until the run ends.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace reckon {

// A point where `text` and the source file line up: text offset `text_offset` came from byte
// `source_offset` of the file, at `line`:`column` (1-based). From one point to the next, text
// was copied from the file byte for byte, so positions in between follow by counting.
struct SourcePoint {
  std::size_t text_offset = 0;
  std::size_t source_offset = 0;
  std::size_t line = 1;
  std::size_t column = 1;

  friend bool operator==(const SourcePoint&, const SourcePoint&) = default;
};

class SourceMap {
 public:
  SourceMap() = default;
  // `points` sorted by text_offset.
  explicit SourceMap(const std::vector<SourcePoint>& points);

  std::size_t size() const noexcept { return wide_.empty() ? packed_.size() : wide_.size(); }
  bool empty() const noexcept { return size() == 0; }
  SourcePoint operator[](std::size_t i) const noexcept;
  SourcePoint at(std::size_t i) const;  // throws std::out_of_range past the end
  SourcePoint front() const noexcept { return (*this)[0]; }
  SourcePoint back() const noexcept { return (*this)[size() - 1]; }

  // The number of points at or before `text_offset`: the last of them covers it.
  std::size_t count_at_or_before(std::size_t text_offset) const noexcept;

 private:
  // Offsets and lines from the first point's; a text, and so the source it came from, is under
  // 4 GiB (the largest --max-document-bytes), so each fits 32 bits.
  struct Packed {
    std::uint32_t text_offset;
    std::uint32_t source_delta;
    std::uint32_t line_delta;
    std::uint32_t column;
  };
  std::size_t base_source_ = 0;
  std::size_t base_line_ = 0;
  std::vector<Packed> packed_;
  std::vector<SourcePoint> wide_;  // instead, should some point not fit (no reader makes one)
};

}  // namespace reckon
