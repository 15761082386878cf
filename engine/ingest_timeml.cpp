// TimeML documents (TimeBank, AQUAINT, TempEval-3, the SemEval-2015 timeline format), read with a
// small tag scanner: the text is the content of <TEXT> with its tags removed and entities decoded;
// inline TIMEX3, EVENT and <s> tags become spans of that text; <DCT> gives the anchor.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ingest.hpp"
#include "engine/ingest_detail.hpp"

namespace reckon {
namespace {

using ingest_detail::is_space;

bool is_name_start(char c) noexcept {
  return ingest_detail::is_alpha(c) || c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) noexcept {
  return is_name_start(c) || ingest_detail::is_digit(c) || c == '-' || c == '.';
}

struct Attribute {
  std::string_view name;
  std::string value;         // entities decoded
  std::size_t value_offset;  // scanned offset of the value's first byte
};

const Attribute* find_attribute(const std::vector<Attribute>& attributes, std::string_view name) {
  for (const Attribute& attribute : attributes)
    if (attribute.name == name) return &attribute;
  return nullptr;
}

std::string attribute_value(const std::vector<Attribute>& attributes, std::string_view name) {
  const Attribute* attribute = find_attribute(attributes, name);
  return attribute != nullptr ? attribute->value : std::string{};
}

class TimemlReader {
 public:
  TimemlReader(std::string_view path, std::string_view source, ingest_detail::SourceMapper& mapper,
               Document& document)
      : path_(path), src_(source), mapper_(mapper), document_(document) {}

  void read(std::size_t start) {
    std::size_t at = start;
    while (at < src_.size()) {
      const std::size_t lt = src_.find('<', at);
      const std::size_t end = lt == std::string_view::npos ? src_.size() : lt;
      characters(at, end);
      if (lt == std::string_view::npos) break;
      at = markup(lt);
    }
    finish();
  }

 private:
  enum class Role { other, text, dct, docid, timex, event, sentence };
  struct Open {
    std::string_view name;
    std::size_t at;
    Role role;
    std::size_t index;
  };

  [[noreturn]] void error(std::size_t at, std::string message) const {
    ingest_detail::fail(path_, mapper_.position(at), std::move(message));
  }

  std::string where(std::size_t at) const {
    const SourcePosition position = mapper_.position(at);
    return "line " + std::to_string(position.line) + ", column " + std::to_string(position.column);
  }

  // Character data between tags.
  void characters(std::size_t begin, std::size_t end) {
    std::string scratch;
    std::string& out = in_text_ ? document_.text : in_docid_ ? docid_ : scratch;
    std::size_t at = begin;
    while (at < end) {
      std::size_t amp = src_.find('&', at);
      if (amp == std::string_view::npos || amp > end) amp = end;
      if (in_text_) mapper_.copied(out.size(), at, amp - at);
      out.append(src_.substr(at, amp - at));
      if (amp == end) break;
      if (in_text_) mapper_.produced(out.size(), amp);
      at = entity(amp, end, out);
    }
  }

  // Decodes the entity at `at` ('&') into `out`; returns the offset after it.
  std::size_t entity(std::size_t at, std::size_t limit, std::string& out) const {
    std::size_t semicolon = at + 1;
    while (semicolon < limit && semicolon - at <= 12 && src_[semicolon] != ';' &&
           !is_space(src_[semicolon]) && src_[semicolon] != '&')
      ++semicolon;
    if (semicolon >= limit || src_[semicolon] != ';')
      error(at, "'&' does not start an entity (expected &amp; for a literal '&')");
    const std::string_view name = src_.substr(at + 1, semicolon - at - 1);
    if (name == "amp")
      out += '&';
    else if (name == "lt")
      out += '<';
    else if (name == "gt")
      out += '>';
    else if (name == "quot")
      out += '"';
    else if (name == "apos")
      out += '\'';
    else if (name.size() >= 2 && name[0] == '#')
      append_utf8(out, character_reference(name, at));
    else
      error(at, "unknown entity '&" + std::string(name) +
                    ";' (expected &amp;, &lt;, &gt;, &quot;, &apos; or a character reference)");
    return semicolon + 1;
  }

  char32_t character_reference(std::string_view name, std::size_t at) const {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    char32_t code = 0;
    bool ok = !digits.empty();
    for (const char c : digits) {
      int digit = -1;
      if (c >= '0' && c <= '9')
        digit = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        digit = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        digit = c - 'A' + 10;
      if (digit < 0 || code > 0x10FFFF) {
        ok = false;
        break;
      }
      code = code * (hex ? 16 : 10) + static_cast<char32_t>(digit);
    }
    if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
      error(at, "invalid character reference '&" + std::string(name) +
                    ";' (expected a Unicode scalar value such as &#233; or &#xE9;)");
    return code;
  }

  // Markup starting at `lt`; returns the offset after it.
  std::size_t markup(std::size_t lt) {
    const std::string_view rest = src_.substr(lt);
    if (rest.substr(0, 4) == "<!--") return skip_to(lt, 4, "-->", "unterminated comment (expected '-->')");
    if (rest.substr(0, 9) == "<![CDATA[") {
      const std::size_t after = skip_to(lt, 9, "]]>", "unterminated CDATA section (expected ']]>')");
      const std::size_t begin = lt + 9;
      const std::size_t end = after - 3;
      if (in_text_) mapper_.copied(document_.text.size(), begin, end - begin);
      std::string scratch;
      (in_text_ ? document_.text : in_docid_ ? docid_ : scratch).append(src_.substr(begin, end - begin));
      return after;
    }
    if (rest.substr(0, 2) == "<?")
      return skip_to(lt, 2, "?>", "unterminated processing instruction (expected '?>')");
    if (rest.substr(0, 2) == "<!") return skip_declaration(lt);
    return tag(lt);
  }

  std::size_t skip_to(std::size_t lt, std::size_t skip, std::string_view closer, const char* message) const {
    const std::size_t end = src_.find(closer, lt + skip);
    if (end == std::string_view::npos) error(lt, message);
    return end + closer.size();
  }

  // <!DOCTYPE ...>, with an internal subset in brackets when there is one.
  std::size_t skip_declaration(std::size_t lt) const {
    const std::size_t bracket = src_.find('[', lt);
    const std::size_t close = src_.find('>', lt);
    if (close == std::string_view::npos) error(lt, "unterminated declaration (expected '>')");
    if (bracket == std::string_view::npos || bracket > close) return close + 1;
    return skip_to(lt, bracket - lt, "]>", "unterminated declaration (expected ']>')");
  }

  std::size_t skip_spaces(std::size_t at) const {
    while (at < src_.size() && is_space(src_[at])) ++at;
    return at;
  }

  std::size_t name_end(std::size_t at) const {
    while (at < src_.size() && is_name_char(src_[at])) ++at;
    return at;
  }

  std::size_t tag(std::size_t lt) {
    std::size_t at = lt + 1;
    const bool closing = at < src_.size() && src_[at] == '/';
    if (closing) ++at;
    if (at >= src_.size() || !is_name_start(src_[at]))
      error(lt, "'<' does not start a tag (expected a tag name, or &lt; for a literal '<')");
    const std::size_t name_start = at;
    at = name_end(at);
    const std::string_view name = src_.substr(name_start, at - name_start);
    if (closing) {
      at = skip_spaces(at);
      if (at >= src_.size() || src_[at] != '>')
        error(lt, "unterminated tag </" + std::string(name) + " (expected '>')");
      close(name, lt);
      return at + 1;
    }
    std::vector<Attribute> attributes;
    while (true) {
      at = skip_spaces(at);
      if (at >= src_.size() || src_[at] == '<')
        error(lt, "unterminated tag <" + std::string(name) + " (expected '>')");
      if (src_[at] == '>') {
        open(name, attributes, lt, false);
        return at + 1;
      }
      if (src_.substr(at, 2) == "/>") {
        open(name, attributes, lt, true);
        return at + 2;
      }
      at = attribute(name, at, attributes);
    }
  }

  std::size_t attribute(std::string_view tag_name, std::size_t at, std::vector<Attribute>& out) const {
    if (!is_name_start(src_[at]))
      error(at, "unexpected character '" + std::string(1, src_[at]) + "' in <" + std::string(tag_name) +
                    "> (expected an attribute name, '>' or '/>')");
    const std::size_t name_start = at;
    at = name_end(at);
    const std::string_view name = src_.substr(name_start, at - name_start);
    at = skip_spaces(at);
    if (at >= src_.size() || src_[at] != '=')
      error(at, "expected '=' after attribute '" + std::string(name) + "'");
    at = skip_spaces(at + 1);
    if (at >= src_.size() || (src_[at] != '"' && src_[at] != '\''))
      error(at, "expected a quoted value for attribute '" + std::string(name) + "'");
    const char quote = src_[at];
    const std::size_t value_start = at + 1;
    const std::size_t value_end = src_.find(quote, value_start);
    const std::size_t lt = src_.find('<', value_start);
    if (value_end == std::string_view::npos || lt < value_end)
      error(at, "unterminated value of attribute '" + std::string(name) + "' (expected a closing " +
                    (quote == '"' ? "'\"'" : "\"'\"") + ")");
    Attribute attribute{name, {}, value_start};
    std::size_t cursor = value_start;
    while (cursor < value_end) {
      std::size_t amp = src_.find('&', cursor);
      if (amp == std::string_view::npos || amp > value_end) amp = value_end;
      attribute.value.append(src_.substr(cursor, amp - cursor));
      if (amp == value_end) break;
      cursor = entity(amp, value_end, attribute.value);
    }
    out.push_back(std::move(attribute));
    return value_end + 1;
  }

  void open(std::string_view name, const std::vector<Attribute>& attributes, std::size_t lt, bool empty) {
    if (stack_.empty() && !root_at_) root_at_ = lt;
    Open element{name, lt, Role::other, 0};
    const std::size_t here = document_.text.size();
    if (name == "TEXT") {
      if (in_text_) error(lt, "<TEXT> inside <TEXT> (expected one TEXT element)");
      if (text_at_)
        error(lt, "second <TEXT> element (expected one per document, the first at " + where(*text_at_) + ")");
      text_at_ = lt;
      element.role = Role::text;
      in_text_ = !empty;
    } else if (in_text_ && name == "TIMEX3") {
      element.role = Role::timex;
      element.index = document_.gold_timexes.size();
      document_.gold_timexes.push_back(
          {here, here, attribute_value(attributes, "tid"), attribute_value(attributes, "type"),
           attribute_value(attributes, "value"), attribute_value(attributes, "mod")});
    } else if (in_text_ && name == "EVENT") {
      element.role = Role::event;
      element.index = document_.gold_events.size();
      document_.gold_events.push_back({here, here, attribute_value(attributes, "eid")});
    } else if (in_text_ && name == "s") {
      // Sentence elements often follow one another without white space ("2010</s><s>Yesterday"):
      // a line break between them keeps their words apart and ends the sentence for the segmenter.
      std::string& text = document_.text;
      if (!text.empty() && !ingest_detail::is_space(text.back())) {
        mapper_.produced(text.size(), lt);
        text += '\n';
      }
      const std::size_t start = text.size();
      element.role = Role::sentence;
      element.index = document_.sentences.size();
      document_.sentences.push_back({start, start, attribute_value(attributes, "id")});
    } else if (!in_text_ && name == "DCT") {
      element.role = Role::dct;
      in_dct_ = !empty;
    } else if (!in_text_ && name == "DOCID") {
      element.role = Role::docid;
      in_docid_ = !empty;
    } else if (in_dct_ && name == "TIMEX3") {
      creation_time(attributes, lt);
    }
    if (!empty) stack_.push_back(element);
  }

  void creation_time(const std::vector<Attribute>& attributes, std::size_t lt) {
    if (document_.anchor) return;
    const Attribute* value = find_attribute(attributes, "value");
    if (value == nullptr) error(lt, "<TIMEX3> in <DCT> has no value (expected value=\"YYYY-MM-DD\")");
    const std::string_view text = ingest_detail::trim(value->value);
    if (text.empty() || !ingest_detail::is_digit(text.front()))
      error(value->value_offset,
            "DCT value '" + value->value + "' is not a date (expected YYYY-MM-DD or YYYY-MM-DDThh:mm)");
    AnchorParse parsed = parse_anchor_date(value->value);
    if (!parsed.anchor) error(value->value_offset + parsed.error_offset, "DCT value: " + parsed.error);
    document_.anchor = std::move(parsed.anchor);
    document_.anchor_source = AnchorSource::dct;
  }

  void close(std::string_view name, std::size_t lt) {
    if (stack_.empty()) error(lt, "closing tag </" + std::string(name) + "> without a matching opening tag");
    const Open element = stack_.back();
    if (element.name != name)
      error(lt, "closing tag </" + std::string(name) + "> does not match <" + std::string(element.name) +
                    "> opened at " + where(element.at) + " (expected </" + std::string(element.name) + ">)");
    stack_.pop_back();
    const std::size_t here = document_.text.size();
    switch (element.role) {
      case Role::text:
        in_text_ = false;
        break;
      case Role::dct:
        in_dct_ = false;
        break;
      case Role::docid:
        in_docid_ = false;
        break;
      case Role::timex:
        document_.gold_timexes[element.index].end = here;
        break;
      case Role::event:
        document_.gold_events[element.index].end = here;
        break;
      case Role::sentence:
        document_.sentences[element.index].end = here;
        break;
      case Role::other:
        break;
    }
  }

  void finish() {
    if (!stack_.empty()) {
      const Open& innermost = stack_.back();
      error(innermost.at, "unclosed <" + std::string(innermost.name) + "> (expected </" +
                              std::string(innermost.name) + "> before the end of the file)");
    }
    if (!text_at_)
      error(root_at_.value_or(0), "missing <TEXT> element (expected the document text in <TEXT>...</TEXT>)");
    if (ingest_detail::all_space(document_.text))
      error(*text_at_, "empty document (expected text inside <TEXT>)");
    document_.docid = std::string(ingest_detail::trim(docid_));
  }

  std::string_view path_;
  std::string_view src_;
  ingest_detail::SourceMapper& mapper_;
  Document& document_;
  std::vector<Open> stack_;
  std::string docid_;
  std::optional<std::size_t> root_at_;
  std::optional<std::size_t> text_at_;
  bool in_text_ = false;
  bool in_dct_ = false;
  bool in_docid_ = false;
};

}  // namespace

Document read_timeml(std::string_view path, std::string id, std::string_view bytes,
                     const IngestOptions& options) {
  if (bytes.size() > options.max_document_bytes)
    ingest_detail::fail(path, position_of(bytes, options.max_document_bytes),
                        ingest_detail::too_large(options.max_document_bytes, "document is larger"));
  if (bytes.empty()) ingest_detail::fail(path, {1, 1}, "empty file (expected a TimeML document)");
  ingest_detail::refuse_binary(path, bytes);
  std::string repaired;
  std::vector<Utf8Replacement> repairs;
  std::size_t replacements = 0;
  if (const Utf8Problem problem = find_invalid_utf8(bytes); problem.offset < bytes.size()) {
    if (!options.lenient)
      ingest_detail::fail(path, position_of(bytes, problem.offset), ingest_detail::describe(problem, bytes));
    replacements = repair_utf8(bytes, repaired, &repairs);
  }
  const SourcePosition first_replacement =
      repairs.empty() ? SourcePosition{} : position_of(bytes, repairs.front().source_offset);
  const std::string_view scanned = replacements > 0 ? std::string_view(repaired) : bytes;
  ingest_detail::SourceMapper mapper{bytes, std::move(repairs)};

  Document document;
  document.id = std::move(id);
  document.path = std::string(path);
  document.utf8_replacements = replacements;
  document.first_utf8_replacement = first_replacement;
  TimemlReader reader{path, scanned, mapper, document};
  reader.read(scanned.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
  document.source_map = mapper.take();
  return document;
}

}  // namespace reckon
