#pragma once
// A small append-only JSON writer into a std::string: output is deterministic (keys in the order
// written, no floating-point surprises) and costs no allocation beyond the string's growth.
#include <charconv>
#include <cstddef>
#include <cstdlib>
#include <cstdint>
#include <string>
#include <string_view>

namespace reckon {

// Appends `s` as a JSON string literal (quotes included). `s` must be valid UTF-8; control
// characters and the two JSON specials are escaped, everything else is copied as is.
void append_json_string(std::string& out, std::string_view s);

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { separate(); out_ += '{'; first_ = true; return *this; }
  JsonWriter& end_object() { out_ += '}'; first_ = false; return *this; }
  JsonWriter& begin_array() { separate(); out_ += '['; first_ = true; return *this; }
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
    separate();
    out_ += '"';
    out_.append(k, N - 1);
    out_.append("\":", 2);
    first_ = true;
    return *this;
  }
  JsonWriter& value(std::string_view s) { separate(); append_json_string(out_, s); return *this; }
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n) { separate(); append_number(n); return *this; }
  JsonWriter& value(std::uint64_t n) { separate(); append_number(n); return *this; }
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(bool b) { separate(); out_ += b ? "true" : "false"; return *this; }
  JsonWriter& null() { separate(); out_ += "null"; return *this; }
  // A number with a fixed number of decimals (scores, percentages).
  JsonWriter& fixed(double d, int decimals);

 private:
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }

  template <class Integer>
  void append_number(Integer n) {
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
  }

  std::string& out_;
  bool first_ = true;
};

}  // namespace reckon
