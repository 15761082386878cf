#include "config/glob.hpp"

#include <algorithm>
#include <vector>

#include "config/settings.hpp"

namespace reckon::config {
namespace {

// One UTF-8 character at `at`: its code point and length (a stray byte counts as itself).
struct Character {
  char32_t code = 0;
  std::size_t length = 1;
};

Character character_at(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (at + length > text.size()) length = 1;
  if (length == 1) return {lead, 1};
  char32_t code = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i)
    code = (code << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  return {code, length};
}

struct Range {
  char32_t first;
  char32_t last;
};

struct Token {
  enum class Kind { literal, any, set, star, globstar, globstar_slash };
  Kind kind = Kind::literal;
  char byte = 0;              // literal
  std::vector<Range> ranges;  // set
  bool negated = false;       // set
};

struct Compiled {
  std::vector<Token> tokens;
  std::optional<std::string> error;
};

// Parses "[...]" starting at `at` (the '['); returns the offset after ']'.
std::size_t compile_set(std::string_view pattern, std::size_t at, Token& token, Compiled& out) {
  const std::size_t open = at++;
  token.kind = Token::Kind::set;
  if (at < pattern.size() && (pattern[at] == '!' || pattern[at] == '^')) {
    token.negated = true;
    ++at;
  }
  bool first = true;
  while (at < pattern.size() && (pattern[at] != ']' || first)) {
    first = false;
    if (pattern[at] == '\\' && at + 1 < pattern.size()) ++at;
    const Character low = character_at(pattern, at);
    at += low.length;
    Range range{low.code, low.code};
    if (at + 1 < pattern.size() && pattern[at] == '-' && pattern[at + 1] != ']') {
      ++at;
      if (pattern[at] == '\\' && at + 1 < pattern.size()) ++at;
      const Character high = character_at(pattern, at);
      at += high.length;
      range.last = high.code;
      if (range.last < range.first) {
        out.error = "reversed range in '[...]' at character " + std::to_string(open + 1);
        return pattern.size();
      }
    }
    token.ranges.push_back(range);
  }
  if (at >= pattern.size()) {
    out.error = "unclosed '[' at character " + std::to_string(open + 1) + " (expected ']')";
    return pattern.size();
  }
  return at + 1;
}

Compiled compile(std::string_view pattern) {
  Compiled out;
  std::size_t at = 0;
  while (at < pattern.size() && !out.error) {
    const char c = pattern[at];
    Token token;
    if (c == '*') {
      const bool double_star = at + 1 < pattern.size() && pattern[at + 1] == '*';
      if (!double_star) {
        token.kind = Token::Kind::star;
        ++at;
      } else if (at + 2 < pattern.size() && pattern[at + 2] == '/') {
        token.kind = Token::Kind::globstar_slash;
        at += 3;
      } else {
        token.kind = Token::Kind::globstar;
        at += 2;
      }
      while (at < pattern.size() && pattern[at] == '*' && token.kind != Token::Kind::globstar_slash) ++at;
    } else if (c == '?') {
      token.kind = Token::Kind::any;
      ++at;
    } else if (c == '[') {
      at = compile_set(pattern, at, token, out);
    } else if (c == '\\') {
      if (at + 1 >= pattern.size()) {
        out.error = "'\\' at the end of the pattern (expected a character to escape)";
        break;
      }
      token.byte = pattern[at + 1];
      at += 2;
    } else {
      token.byte = c;
      ++at;
    }
    out.tokens.push_back(std::move(token));
  }
  return out;
}

bool in_set(const Token& token, char32_t code) {
  bool found = false;
  for (const Range& range : token.ranges)
    if (code >= range.first && code <= range.last) found = true;
  return found != token.negated;
}

}  // namespace

bool is_glob(std::string_view pattern) noexcept {
  return pattern.find_first_of("*?[\\") != std::string_view::npos;
}

std::optional<std::string> glob_error(std::string_view pattern) { return compile(pattern).error; }

bool glob_match(std::string_view pattern, std::string_view text) {
  const Compiled compiled = compile(pattern);
  if (compiled.error) return false;
  // reachable[i]: the tokens so far can match text[0, i).
  const std::size_t n = text.size();
  std::vector<char> reachable(n + 1, 0);
  std::vector<char> next(n + 1, 0);
  reachable[0] = 1;
  for (const Token& token : compiled.tokens) {
    std::fill(next.begin(), next.end(), 0);
    bool on = false;
    for (std::size_t i = 0; i <= n; ++i) {
      switch (token.kind) {
        case Token::Kind::literal:
          if (reachable[i] && i < n && text[i] == token.byte) next[i + 1] = 1;
          break;
        case Token::Kind::any:
        case Token::Kind::set:
          if (reachable[i] && i < n && text[i] != '/') {
            const Character c = character_at(text, i);
            if (token.kind == Token::Kind::any || in_set(token, c.code)) next[i + c.length] = 1;
          }
          break;
        case Token::Kind::star:
          on = on || reachable[i];
          if (on) next[i] = 1;
          if (i < n && text[i] == '/') on = false;
          break;
        case Token::Kind::globstar:
          on = on || reachable[i];
          if (on) next[i] = 1;
          break;
        case Token::Kind::globstar_slash:  // zero or more whole directories
          on = on || reachable[i];
          if (reachable[i]) next[i] = 1;
          if (on && i < n && text[i] == '/') next[i + 1] = 1;
          break;
      }
    }
    reachable.swap(next);
  }
  return reachable[n] != 0;
}

const AnchorRule* match_anchor(const Settings& settings, std::string_view document_id) {
  const std::size_t slash = document_id.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? document_id : document_id.substr(slash + 1);
  for (const std::string_view name : {document_id, base})
    for (const AnchorRule& rule : settings.anchors)
      if (!rule.is_glob && rule.pattern == name) return &rule;
  for (const AnchorRule& rule : settings.anchors)
    if (rule.is_glob && (glob_match(rule.pattern, document_id) || glob_match(rule.pattern, base)))
      return &rule;
  return nullptr;
}

}  // namespace reckon::config
