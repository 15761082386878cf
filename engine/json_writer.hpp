#pragma once
// A small append-only JSON writer into a std::string: output is deterministic (keys in the order
// written, no floating-point surprises) and costs no allocation beyond the string's growth.
#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace reckon {

// Appends `s` as a JSON string literal (quotes included). `s` must be valid UTF-8; control
// characters and the two JSON specials are escaped, everything else is copied as is.
void append_json_string(std::string& out, std::string_view s);
// The same after a comma when `comma` is set, in one append where `s` needs no escaping.
void append_json_string(std::string& out, std::string_view s, bool comma);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { out_ += '}'; first_ = false; return *this; }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { out_ += ']'; first_ = false; return *this; }
  JsonWriter& key(std::string_view k) {
    separate();
    append_json_string(out_, k);
    out_ += ':';
    first_ = true;  // the value that follows needs no comma
    return *this;
  }
  // A key written in the code as a literal: such keys need no escaping, so they are copied as
  // they are ("doc", "sentence_text"); keys from data take the overload above.
  template <std::size_t N>
  JsonWriter& key(const char (&k)[N]) {
#ifndef NDEBUG
    for (std::size_t i = 0; i + 1 < N; ++i)
      if (static_cast<unsigned char>(k[i]) < 0x20 || k[i] == '"' || k[i] == '\\') std::abort();
#endif
    // The separator, the quoted key and the colon in one append: a timeline file has a dozen keys
    // per mention.
    char text[N + 3];
    text[0] = ',';
    text[1] = '"';
    std::memcpy(text + 2, k, N - 1);
    text[N + 1] = '"';
    text[N + 2] = ':';
    if (first_) out_.append(text + 1, N + 2);
    else out_.append(text, N + 3);
    first_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view s) {
    append_json_string(out_, s, !first_);
    first_ = false;
    return *this;
  }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n) { return number(n); }
  JsonWriter& value(std::uint64_t n) { return number(n); }
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(bool b) { return literal(b ? std::string_view(",true") : std::string_view(",false")); }
  JsonWriter& null() { return literal(",null"); }
  // A number with a fixed number of decimals (scores, percentages).
  JsonWriter& fixed(double d, int decimals);

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  JsonWriter& open(char bracket) {
    char const text[2] = {',', bracket};
    if (first_) out_ += bracket;
    else out_.append(text, 2);
    first_ = true;
    return *this;
  }
  // `text` starts with the comma that separates it from a value before it.
  JsonWriter& literal(std::string_view text) {
    std::size_t const skip = first_ ? 1 : 0;
    out_.append(text.data() + skip, text.size() - skip);
    first_ = false;
    return *this;
  }

  template <class Integer>
  JsonWriter& number(Integer n) {
    char text[24];  // a comma and at most 20 digits with a sign
    char* at = text;
    if (!first_) *at++ = ',';
    char* const end = std::to_chars(at, text + sizeof text, n).ptr;
    out_.append(text, static_cast<std::size_t>(end - text));
    first_ = false;
    return *this;
  }

  std::string& out_;
  bool first_ = true;
};

}  // namespace reckon
