#pragma once
// The temporal tagger: finds every date and time expression in a document (grammar/) and
// resolves each against the document's anchor and the narrative's reference time (anchor stage).
#include <string>
#include <string_view>
#include <vector>

#include "engine/document.hpp"
#include "engine/segment.hpp"
#include "engine/timex.hpp"

namespace reckon {

// Tags a whole document. Spans never overlap and come in text order. Without an anchor, relative
// expressions keep TIMEX3 underspecified values ("XXXX-WXX-2", "PRESENT_REF").
std::vector<Timex> tag(const Document& document);

// The same over sentences the caller already split (so events and tagging share one split).
std::vector<Timex> tag(const Document& document, const std::vector<Sentence>& sentences);

}  // namespace reckon
