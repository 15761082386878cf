#include "engine/json_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "engine/json_special_bytes.hpp"

namespace reckon {

namespace {

void append_escaped(std::string& out, unsigned char c) {
  static constexpr char hex[] = "0123456789abcdef";
  switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    case '\b': out += "\\b"; break;
    case '\f': out += "\\f"; break;
    default:
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 0xF];
  }
}

}  // namespace

void append_json_string(std::string& out, std::string_view s, bool comma) {
  // Most strings need no escaping: then the separator, the quotes and the bytes go in one append
  // from a buffer on the stack, when they fit.
  constexpr std::size_t kShort = 256;
  if (s.size() + 3 <= kShort) {
    std::size_t i = 0;
    while (i + 8 <= s.size() && !has_json_special_byte(load_eight(s, i))) i += 8;
    bool plain = true;
    for (; i < s.size() && plain; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      plain = c >= 0x20 && c != '"' && c != '\\';
    }
    if (plain) {
      char text[kShort];
      std::size_t n = 0;
      if (comma) text[n++] = ',';
      text[n++] = '"';
      if (!s.empty()) std::memcpy(text + n, s.data(), s.size());
      n += s.size();
      text[n++] = '"';
      out.append(text, n);
      return;
    }
  }
  if (comma) out += ',';
  append_json_string(out, s);
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of the pending run of bytes that need no escaping
  std::size_t i = 0;
  while (i < s.size()) {
    // Text rarely needs escaping: skip eight bytes at a time while none does, then look at the
    // next eight (or the tail) one by one.
    while (i + 8 <= s.size()) {
      if (has_json_special_byte(load_eight(s, i))) break;
      i += 8;
    }
    for (std::size_t const stop = std::min(s.size(), i + 8); i < stop; ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out.append(s.data() + run, i - run);
      run = i + 1;
      append_escaped(out, c);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

JsonWriter& JsonWriter::fixed(double d, int decimals) {
  separate();
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed, decimals);
  out_.append(buf, r.ptr);
  return *this;
}

}  // namespace reckon
