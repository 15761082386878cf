#include "engine/mention_table.hpp"

#include <utility>

namespace reckon {

MentionTable::MentionTable(const MentionTable& other)
    : parts_(other.parts_), first_of_part_(other.first_of_part_), at_(other.at_.size()),
      last_part_grows_(other.last_part_grows_) {
  for (std::size_t part = 0; part < parts_.size(); ++part) point_at(part);
}

MentionTable& MentionTable::operator=(const MentionTable& other) {
  if (this != &other) *this = MentionTable(other);
  return *this;
}

void MentionTable::append(std::vector<Mention>&& mentions) {
  if (mentions.empty()) return;
  first_of_part_.push_back(at_.size());
  parts_.push_back(std::move(mentions));  // moving the vector keeps its buffer: no mention moves
  last_part_grows_ = false;
  for (Mention& m : parts_.back()) at_.push_back(&m);
}

void MentionTable::push_back(Mention mention) {
  if (!last_part_grows_) {
    first_of_part_.push_back(at_.size());
    parts_.emplace_back();
    last_part_grows_ = true;
  }
  std::vector<Mention>& part = parts_.back();
  const Mention* const before = part.data();
  part.push_back(std::move(mention));
  if (part.data() == before) {
    at_.push_back(&part.back());
  } else {
    at_.push_back(nullptr);
    point_at(parts_.size() - 1);  // the part moved as it grew
  }
}

void MentionTable::point_at(std::size_t part) {
  std::size_t number = first_of_part_[part];
  for (Mention& m : parts_[part]) at_[number++] = &m;
}

}  // namespace reckon
