// The JSON Lines fast path must read every line it accepts exactly as nlohmann::json::parse does,
// and hand everything else back to it.
#include <catch2/catch.hpp>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/json_flat_object.hpp"

using reckon::parse_flat_json_object;

TEST_CASE("a line of string members is read as the general JSON parser reads it", "[ingest][jsonl]") {
  for (const std::string line : {
           R"({"id":"a","text":"Trump met Putin.","published":"2025-08-15"})",
           R"(  { "id" : "a" , "text" : "x" }  )",
           R"({})",
           R"({"id":"q\"uote\\back\/slash\b\f\n\r\t","text":"é \u00e9 \u20AC \uD83D\uDE00"})",
           R"({"id":"n","text":"nul \u0000 inside","timezone":null,"draft":true,"old":false})",
           "{\"id\":\"u\",\"text\":\"\xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80\"}\r",
       }) {
    INFO(line);
    const auto flat = parse_flat_json_object(line);
    REQUIRE(flat);
    CHECK(flat->value == nlohmann::json::parse(line));
  }
}

TEST_CASE("the fast path tells where each member's value starts", "[ingest][jsonl]") {
  const std::string line = R"(  { "id" : "a\"b" , "text":  "x y", "draft" :true })";
  const auto flat = parse_flat_json_object(line);
  REQUIRE(flat);
  CHECK(line.substr(*flat->offset_of("id"), 6) == R"("a\"b")");
  CHECK(line.substr(*flat->offset_of("text"), 5) == R"("x y")");
  CHECK(line.substr(*flat->offset_of("draft"), 4) == "true");
  CHECK_FALSE(flat->offset_of("published"));
}

TEST_CASE("lines of any other shape are left to the general parser", "[ingest][jsonl]") {
  for (const std::string line : {
           R"({"id":"a","n":3})",                  // a number
           R"({"id":"a","tags":["x"]})",           // an array
           R"({"id":"a","meta":{"k":"v"}})",       // an object
           R"({"id":"a","id":"b"})",               // a duplicate key
           R"(["id","a"])",                         // not an object
           R"({"id":"a",})",                        // a trailing comma
           R"({"id":"a"} x)",                       // text after the object
           R"({"id":"a\x"})",                       // an unknown escape
           R"({"id":"\uD800"})",                    // a lone high surrogate
           R"({"id":"\uDC00"})",                    // a lone low surrogate
           R"({"id":"\u12G4"})",                    // a bad hex digit
           "{\"id\":\"tab\there\"}",                // a raw control character
           R"({"id":"open)",                        // no closing quote
           R"({"id":tru})",                         // a broken literal
           "",
       }) {
    INFO(line);
    CHECK_FALSE(parse_flat_json_object(line));
  }
}

TEST_CASE("whatever the fast path accepts of a damaged line, the general parser accepts alike", "[ingest][jsonl]") {
  // Deterministic damage (SplitMix64): bytes replaced, dropped or doubled in a line with escapes.
  const std::string line = R"({"id":"doc-1","text":"He said \"yes\" \u00e9\\n \uD83D\uDE00.","published":null,"x":true})";
  std::uint64_t state = 7;
  auto const next = [&] {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  };
  const std::string alphabet = "{}[]\":,\\u0aD8E \t\nxnulltrue";
  std::size_t accepted = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string damaged = line;
    for (int edits = 1 + static_cast<int>(next() % 3); edits > 0; --edits) {
      std::size_t const at = next() % damaged.size();
      switch (next() % 3) {
        case 0: damaged[at] = alphabet[next() % alphabet.size()]; break;
        case 1: damaged.erase(at, 1); break;
        default: damaged.insert(at, 1, damaged[at]);
      }
    }
    const auto flat = parse_flat_json_object(damaged);
    if (!flat) continue;
    ++accepted;
    INFO(damaged);
    nlohmann::json general;
    REQUIRE_NOTHROW(general = nlohmann::json::parse(damaged));
    CHECK(flat->value == general);
  }
  CHECK(accepted > 100);  // the damage leaves many lines valid, so the comparison is exercised
}

TEST_CASE("a string with escapes is read whole and keeps no room for the rest of the line", "[ingest][jsonl]") {
  // The text grows once to the line's length instead of piece by piece; a short member with an
  // escape before a long text does not keep that room.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Trump met Putin.\\n";
  const std::string line = R"({"id":"a\"b","text":")" + text + R"(","published":"2025-08-15"})";
  const auto flat = parse_flat_json_object(line);
  REQUIRE(flat);
  CHECK(flat->value == nlohmann::json::parse(line));
  const auto& id = flat->value["id"].get_ref<const std::string&>();
  CHECK(id == "a\"b");
  CHECK(id.capacity() < 100);
  CHECK(flat->value["text"].get_ref<const std::string&>().size() == 2000 * 17);
}
