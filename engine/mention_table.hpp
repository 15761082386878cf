#pragma once
// A timeline's mentions, numbered from 0 in (document, start) order, kept in the per-document
// arrays the events stage produced. Joining those into one array would copy every mention, and
// take the whole array as fresh memory while the per-document ones still hold theirs: on a large
// corpus the biggest single allocation of a run.
#include <cstddef>
#include <initializer_list>
#include <vector>

#include "engine/mention.hpp"

namespace reckon {

class MentionTable {
 public:
  MentionTable() = default;
  MentionTable(std::initializer_list<Mention> mentions) { append(std::vector<Mention>(mentions)); }
  // A copy points into its own parts; a move keeps the parts' buffers, and so every pointer.
  MentionTable(const MentionTable& other);
  MentionTable& operator=(const MentionTable& other);
  MentionTable(MentionTable&&) noexcept = default;
  MentionTable& operator=(MentionTable&&) noexcept = default;
  ~MentionTable() = default;

  // Takes a document's mentions as they are, numbered after those already held. They never move
  // again: a pointer to one stays valid for the table's life.
  void append(std::vector<Mention>&& mentions);
  // One more mention, numbered last (for timelines built a mention at a time: read back from a
  // file, or in tests). Pointers into mentions added this way may change with the next push_back.
  void push_back(Mention mention);

  std::size_t size() const noexcept { return at_.size(); }
  Mention& operator[](std::size_t i) noexcept { return *at_[i]; }
  const Mention& operator[](std::size_t i) const noexcept { return *at_[i]; }
  const Mention& back() const noexcept { return *at_.back(); }

 private:
  void point_at(std::size_t part);

  std::vector<std::vector<Mention>> parts_;
  std::vector<std::size_t> first_of_part_;  // the number of each part's first mention
  std::vector<Mention*> at_;                // number → mention
  bool last_part_grows_ = false;            // whether push_back may add to the last part
};

}  // namespace reckon
