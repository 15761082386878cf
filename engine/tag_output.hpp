#pragma once
// Writers for the tagger's results: one document at a time, appended to a string, so that a
// caller can tag documents in parallel and write them in input order.
#include <string>
#include <vector>

#include "engine/document.hpp"
#include "engine/timex.hpp"

namespace reckon {

// {"doc": ID, "anchor": DATE|null, "timexes": [{"start", "end", "text", "type", "value", "mod"?,
// "quant"?, "freq"?, "problem"?}]}
// followed by a newline. Offsets are bytes into the document text.
void append_tag_jsonl(std::string& out, const Document& document, const std::vector<Timex>& timexes);

// A block for people: a heading line with the document and its anchor, then one line per timex
// ("LINE:COL  TYPE  VALUE  [mod]  text"), then a blank line.
void append_tag_text(std::string& out, const Document& document, const std::vector<Timex>& timexes);

// The document as TimeML 1.2.1: DOCID, DCT (when anchored) and the text with inline TIMEX3 tags.
std::string to_timeml(const Document& document, const std::vector<Timex>& timexes);

}  // namespace reckon
