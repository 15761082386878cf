#pragma once
// Texts numbered from 0 and held end to end in one buffer: a timeline's evidence sentence and timex
// text for each mention, without a string (and an allocation) per mention. The mentions of one
// sentence share its text.
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

class TextColumn {
 public:
  TextColumn() = default;
  TextColumn(std::initializer_list<std::string_view> texts) {
    for (std::string_view t : texts) push_back(t);
  }

  // Room for `count` more texts of `bytes` in all, so that a column built at once grows once.
  void reserve(std::size_t count, std::size_t bytes) {
    spans_.reserve(spans_.size() + count);
    chars_.reserve(chars_.size() + bytes);
  }
  void push_back(std::string_view text) {
    spans_.push_back({chars_.size(), text.size()});
    chars_.append(text);
  }
  void emplace_back() { spans_.push_back({chars_.size(), 0}); }  // an empty text
  // The last text again, stored once (there must be a last text).
  void repeat_last() { spans_.push_back(spans_.back()); }

  std::size_t size() const noexcept { return spans_.size(); }
  std::string_view operator[](std::size_t i) const noexcept {
    return std::string_view(chars_).substr(spans_[i].start, spans_[i].length);
  }

 private:
  struct Span {
    std::size_t start = 0;
    std::size_t length = 0;
  };
  std::string chars_;
  std::vector<Span> spans_;
};

}  // namespace reckon
