#include "engine/json_flat_object.hpp"

#include <string>

#include "engine/json_special_bytes.hpp"
#include "engine/utf8.hpp"

namespace reckon {
namespace {

class FlatObjectParser {
 public:
  explicit FlatObjectParser(std::string_view s) : s_(s) {}

  std::optional<FlatJsonObject> parse() {
    FlatJsonObject flat;
    nlohmann::json& object = flat.value;
    object = nlohmann::json::object();
    skip_space();
    if (!take('{')) return std::nullopt;
    skip_space();
    if (take('}')) return finish(std::move(flat));
    std::string key;
    while (true) {
      if (!take('"') || !string_body(key)) return std::nullopt;
      skip_space();
      if (!take(':')) return std::nullopt;
      skip_space();
      std::size_t const value_at = at_;
      nlohmann::json value;
      if (take('"')) {
        std::string text;
        if (!string_body(text)) return std::nullopt;
        value = std::move(text);
      } else if (literal("true")) {
        value = true;
      } else if (literal("false")) {
        value = false;
      } else if (!literal("null")) {
        return std::nullopt;  // a number, an array or an object: the general parser's job
      }
      if (object.contains(key)) return std::nullopt;  // which one wins is the general parser's call
      flat.value_offsets.emplace_back(key, value_at);
      object.emplace(std::move(key), std::move(value));
      key.clear();
      skip_space();
      if (take('}')) return finish(std::move(flat));
      if (!take(',')) return std::nullopt;
      skip_space();
    }
  }

 private:
  std::optional<FlatJsonObject> finish(FlatJsonObject flat) {
    skip_space();
    if (at_ != s_.size()) return std::nullopt;
    return flat;
  }

  void skip_space() {
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\t' || s_[at_] == '\n' || s_[at_] == '\r')) ++at_;
  }
  bool take(char c) {
    if (at_ >= s_.size() || s_[at_] != c) return false;
    ++at_;
    return true;
  }
  bool literal(std::string_view word) {
    if (s_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  // The rest of a string literal after its opening quote, decoded into `out`.
  bool string_body(std::string& out) {
    std::size_t run = at_;
    while (at_ < s_.size()) {
      // Text rarely holds an escape: skip eight plain bytes at a time, then go byte by byte.
      while (at_ + 8 <= s_.size() && !has_json_special_byte(load_eight(s_, at_))) at_ += 8;
      if (at_ >= s_.size()) break;
      auto const c = static_cast<unsigned char>(s_[at_]);
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++at_;
        continue;
      }
      // A long string with escapes (a document's text with its "\n"s) would otherwise grow
      // piece by piece, reallocating as it goes: it cannot be longer than the rest of the line.
      if (out.empty() && c != '"') out.reserve(s_.size() - run);
      out.append(s_.data() + run, at_ - run);
      if (c == '"') {
        ++at_;
        // A short string with an escape ("id" members) keeps no room reserved for a whole line.
        if (out.capacity() > 2 * out.size() + 64) out.shrink_to_fit();
        return true;
      }
      if (c < 0x20 || !escape(out)) return false;  // a raw control character is invalid JSON
      run = at_;
    }
    return false;  // no closing quote
  }

  // The escape at at_ (its backslash), appended to `out` as UTF-8.
  bool escape(std::string& out) {
    if (at_ + 1 >= s_.size()) return false;
    char const e = s_[at_ + 1];
    at_ += 2;
    switch (e) {
      case '"': out += '"'; return true;
      case '\\': out += '\\'; return true;
      case '/': out += '/'; return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': break;
      default: return false;
    }
    auto unit = hex4();
    if (!unit) return false;
    char32_t code = *unit;
    if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a low surrogate alone
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (!literal("\\u")) return false;
      auto const low = hex4();
      if (!low || *low < 0xDC00 || *low > 0xDFFF) return false;
      code = 0x10000 + ((code - 0xD800) << 10) + (*low - 0xDC00);
    }
    append_utf8(out, code);
    return true;
  }

  std::optional<char32_t> hex4() {
    if (at_ + 4 > s_.size()) return std::nullopt;
    char32_t value = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      char const c = s_[at_ + k];
      int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (digit < 0) return std::nullopt;
      value = value * 16 + static_cast<char32_t>(digit);
    }
    at_ += 4;
    return value;
  }

  std::string_view s_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<std::size_t> FlatJsonObject::offset_of(std::string_view key) const {
  for (const auto& [name, offset] : value_offsets)
    if (name == key) return offset;
  return std::nullopt;
}

std::optional<FlatJsonObject> parse_flat_json_object(std::string_view line) { return FlatObjectParser(line).parse(); }

}  // namespace reckon
