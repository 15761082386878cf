// The timeline's mention table and text columns: they number mentions and texts across the
// per-document arrays they hold, and never move a mention taken over, so that the reconciler may
// hold pointers and views into them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/mention_table.hpp"
#include "engine/text_column.hpp"

using reckon::Mention;
using reckon::MentionTable;

namespace {

Mention mention(const std::string& doc, std::size_t start) {
  Mention m;
  m.doc = doc;
  m.start = start;
  m.end = start + 5;
  m.type = "meeting";
  return m;
}

std::vector<Mention> document_mentions(const std::string& doc, std::size_t count) {
  std::vector<Mention> out;
  for (std::size_t i = 0; i < count; ++i) out.push_back(mention(doc, i * 10));
  return out;
}

}  // namespace

TEST_CASE("appended documents are numbered one after another", "[mention_table]") {
  MentionTable table;
  table.append(document_mentions("a", 3));
  table.append({});
  table.append(document_mentions("b", 2));
  REQUIRE(table.size() == 5);
  CHECK(table[0].doc == "a");
  CHECK(table[2].doc == "a");
  CHECK(table[2].start == 20);
  CHECK(table[3].doc == "b");
  CHECK(table[4].start == 10);
  CHECK(table.back().doc == "b");
}

TEST_CASE("an adopted document's mentions stay where they were", "[mention_table]") {
  std::vector<Mention> first = document_mentions("a", 4);
  const Mention* const placed = first.data();
  MentionTable table;
  table.append(std::move(first));
  for (int d = 0; d < 100; ++d) table.append(document_mentions(std::to_string(d), 3));
  CHECK(&table[0] == placed);
  CHECK(&table[3] == placed + 3);
}

TEST_CASE("mentions pushed one at a time are found after the part holding them grows", "[mention_table]") {
  MentionTable table;
  table.append(document_mentions("a", 2));
  for (std::size_t i = 0; i < 50; ++i) table.push_back(mention("b", i));
  table.append(document_mentions("c", 1));
  table.push_back(mention("d", 7));
  REQUIRE(table.size() == 54);
  for (std::size_t i = 0; i < 50; ++i) {
    CHECK(table[2 + i].doc == "b");
    CHECK(table[2 + i].start == i);
  }
  CHECK(table[52].doc == "c");
  CHECK(table[53].doc == "d");
}

TEST_CASE("a copy of the table reads its own mentions", "[mention_table]") {
  MentionTable table{mention("a", 1), mention("a", 2)};
  table.push_back(mention("b", 3));
  MentionTable copy = table;
  table[0].doc = "changed";
  REQUIRE(copy.size() == 3);
  CHECK(copy[0].doc == "a");
  CHECK(copy[2].doc == "b");
  CHECK(&copy[1] != &table[1]);
  MentionTable moved = std::move(copy);
  CHECK(moved[1].start == 2);
}

TEST_CASE("a text column gives back each text as pushed, a repeated one stored once", "[text_column]") {
  reckon::TextColumn column{"first sentence"};
  column.reserve(3, 20);
  column.push_back("second");
  column.repeat_last();
  column.emplace_back();
  REQUIRE(column.size() == 4);
  CHECK(column[0] == "first sentence");
  CHECK(column[1] == "second");
  CHECK(column[2] == "second");
  CHECK(column[2].data() == column[1].data());
  CHECK(column[3].empty());
  const std::string long_text(100000, 'x');
  column.push_back(long_text);  // the buffer grows: earlier texts are still found
  CHECK(column[0] == "first sentence");
  CHECK(column[4].size() == 100000);
}
