#include <cstdint>

#include "engine/json_writer.hpp"
#include "engine/timeline_writers.hpp"

namespace reckon {

std::string local_time_text(date::local_seconds t) {
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd{day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return date::format("%FT%T", t);
  const date::hh_mm_ss<std::chrono::seconds> hms{t - day};
  // Written digit by digit: printf's parsing of "%04d-%02u..." cost more than the rest of an event.
  auto const two = [](char* at, unsigned v) {
    at[0] = static_cast<char>('0' + v / 10 % 10);
    at[1] = static_cast<char>('0' + v % 10);
  };
  char text[19] = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0'};
  two(text, static_cast<unsigned>(year) / 100);
  two(text + 2, static_cast<unsigned>(year) % 100);
  two(text + 5, static_cast<unsigned>(ymd.month()));
  two(text + 8, static_cast<unsigned>(ymd.day()));
  two(text + 11, static_cast<unsigned>(hms.hours().count()));
  two(text + 14, static_cast<unsigned>(hms.minutes().count()));
  two(text + 17, static_cast<unsigned>(hms.seconds().count()));
  return std::string(text, sizeof text);
}

namespace {

void write_mention(JsonWriter& w, const Timeline& t, std::size_t index) {
  const Mention& m = t.mentions[index];
  w.begin_object()
      .key("doc").value(m.doc)
      .key("sentence").value(static_cast<std::uint64_t>(m.sentence + 1))
      .key("start").value(static_cast<std::uint64_t>(m.start))
      .key("end").value(static_cast<std::uint64_t>(m.end))
      .key("text").value(m.trigger)
      .key("type").value(m.type)
      .key("modality").value(to_string(m.modality))
      .key("tense").value(to_string(m.tense))
      .key("sentence_text").value(t.sentence_texts[index]);
  w.key("participants").begin_array();
  for (const auto& p : m.participants) w.value(p.canonical);
  w.end_array();
  w.key("timex");
  if (m.time) {
    w.begin_object();
    if (!m.time_from_context)
      w.key("start").value(static_cast<std::uint64_t>(m.time->start))
          .key("end").value(static_cast<std::uint64_t>(m.time->end))
          .key("text").value(t.timex_texts[index]);
    w.key("type").value(to_string(m.time->type)).key("value").value(m.time->value);
    if (!m.time->mod.empty()) w.key("mod").value(m.time->mod);
    w.key("from_context").value(m.time_from_context);
    w.end_object();
  } else {
    w.null();
  }
  w.end_object();
}

// Asks the cache for the parts of mention `index` that write_mention() reads. Mentions are written
// in timeline order, scattered over the heap the run filled; on a large timeline each one's
// fields and evidence sentence were a wait on memory.
void prefetch_mention(const Timeline& t, std::size_t index) {
  const Mention& m = t.mentions[index];
  const char* const at = reinterpret_cast<const char*>(&m);
  for (std::size_t offset = 0; offset < sizeof(Mention); offset += 64) __builtin_prefetch(at + offset);
  __builtin_prefetch(t.sentence_texts[index].data());
  if (!m.participants.empty()) __builtin_prefetch(m.participants.data());
}

// The mentions `list` names, in its order, each announced to the cache one ahead of its writing.
template <class Flush>
void write_mentions(JsonWriter& w, const Timeline& t, const std::vector<std::size_t>& list, Flush flush) {
  for (std::size_t k = 0; k < list.size(); ++k) {
    if (k + 1 < list.size()) prefetch_mention(t, list[k + 1]);
    write_mention(w, t, list[k]);
    flush();
  }
}

}  // namespace

void write_timeline_json(const Timeline& t, const std::function<void(std::string_view)>& sink) {
  constexpr std::size_t kPiece = 1 << 20;
  std::string out;
  out.reserve(kPiece + (kPiece >> 2));
  // The writer only appends, so what it has written can be handed on between two values.
  auto const flush_if_full = [&] {
    if (out.size() < kPiece) return;
    sink(out);
    out.clear();
  };
  JsonWriter w(out);
  w.begin_object().key("reckon_timeline").value(timeline_schema_version);

  w.key("documents").begin_array();
  for (const auto& d : t.documents) {
    w.begin_object().key("id").value(d.id).key("anchor");
    if (d.anchor) w.value(to_iso(*d.anchor));
    else w.null();
    w.key("anchor_source").value(to_string(d.anchor_source));
    if (d.anchor) w.key("timezone").value(d.anchor->timezone);
    w.end_object();
  }
  w.end_array();

  w.key("events").begin_array();
  for (const auto& e : t.events) {
    w.begin_object().key("id").value(e.id).key("type").value(e.type).key("modality").value(to_string(e.modality));
    w.key("when");
    if (e.interval) w.value(e.when);
    else w.null();
    w.key("interval");
    if (e.interval)
      w.begin_object().key("start").value(local_time_text(e.interval->begin)).key("end").value(local_time_text(e.interval->end))
          .key("granularity").value(to_string(e.granularity)).end_object();
    else w.null();
    w.key("participants").begin_array();
    for (const auto& p : e.participants) w.value(p);
    w.end_array();
    w.key("place");
    if (e.place) w.value(*e.place);
    else w.null();
    w.key("mentions").begin_array();
    write_mentions(w, t, e.mentions, flush_if_full);
    w.end_array().end_object();
  }
  w.end_array();

  w.key("conflicts").begin_array();
  for (const auto& c : t.conflicts) {
    w.begin_object().key("kind").value(to_string(c.kind)).key("event");
    if (c.event) w.value(t.events[*c.event].id);
    else w.null();
    if (!c.document.empty()) w.key("document").value(c.document);
    w.key("message").value(c.message);
    w.key("mentions").begin_array();
    for (const auto& side : c.sides) {
      w.begin_array();
      write_mentions(w, t, side, flush_if_full);
      w.end_array();
    }
    w.end_array().end_object();
  }
  w.end_array().end_object();
  out += '\n';
  sink(out);
}

std::string timeline_to_json(const Timeline& t) {
  std::string all;
  write_timeline_json(t, [&](std::string_view piece) { all += piece; });
  return all;
}

}  // namespace reckon
