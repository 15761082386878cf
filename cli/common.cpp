#include "cli/common.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "config/config_error.hpp"
#include "config/load.hpp"
#include "engine/ingest.hpp"
#include "engine/parallel.hpp"
#include "engine/source_error.hpp"

#include <date/tz.h>

namespace reckon::cli {

RunContext::RunContext(const InputOptions& options) {
  std::string config_path = options.config_path;
  if (config_path.empty() && std::filesystem::exists("reckon.toml")) config_path = "reckon.toml";
  if (!config_path.empty()) settings_ = config::load_settings(config_path);
  if (!options.anchor.empty()) {
    const AnchorParse parsed = parse_anchor_date(options.anchor);
    if (!parsed.anchor)
      throw SourceError("--anchor", {1, parsed.error_offset + 1}, parsed.error);
    cli_anchor_ = parsed.anchor;
    cli_anchor_->timezone = settings_.defaults.timezone;
  }
  ingest_.lenient = options.lenient;
  if (options.max_document_bytes > 0) {
    ingest_.max_document_bytes = options.max_document_bytes;  // checked against the largest by the option
  } else if (settings_.defaults.max_document_bytes) {
    if (*settings_.defaults.max_document_bytes > largest_max_document_bytes) {
      const auto& at = settings_.defaults.max_document_bytes_where;
      throw SourceError(config_path, {at.line, at.column},
                        "'max_document_bytes' in [defaults] is " + std::to_string(*settings_.defaults.max_document_bytes) +
                            " (expected at most " + std::to_string(largest_max_document_bytes) +
                            ", 4GiB - 1: the largest document reckon reads)");
    }
    ingest_.max_document_bytes = static_cast<std::size_t>(*settings_.defaults.max_document_bytes);
  }
  threads_ = options.threads > 0 ? options.threads : default_thread_count();
  keep_going_ = options.keep_going;
}

void RunContext::apply_anchor(Document& document) const {
  if (document.anchor && (cli_anchor_ || config::match_anchor(settings_, document.id))) {
    document.own_anchor = document.anchor;
    document.own_anchor_source = document.anchor_source;
  }
  if (cli_anchor_) {
    document.anchor = cli_anchor_;
    document.anchor_source = AnchorSource::cli;
    return;
  }
  if (const config::AnchorRule* rule = config::match_anchor(settings_, document.id)) {
    document.anchor = to_local_anchor(rule->published, rule->timezone.value_or(settings_.defaults.timezone));
    document.anchor_source = AnchorSource::config;
  }
}

PipelineOptions pipeline_options(const RunContext& context) {
  PipelineOptions options;
  for (const auto& e : context.settings().entities) options.aliases.push_back({e.canonical, e.aliases});
  for (const auto& e : context.settings().events) options.triggers.push_back({e.type, e.nouns, e.verbs});
  options.threads = context.threads();
  return options;
}

Anchor to_local_anchor(const config::DateTime& when, const std::string& timezone) {
  Anchor anchor;
  anchor.timezone = timezone;
  anchor.day = when.day;
  anchor.time_of_day = when.time_of_day;
  // A time written with a UTC offset is moved into the document's own zone, whose calendar
  // day is the one its relative expressions speak from.
  if (when.time_of_day && when.utc_offset) {
    const date::sys_seconds utc{(when.day + *when.time_of_day - *when.utc_offset).time_since_epoch()};
    const auto local = date::make_zoned(date::locate_zone(timezone), utc).get_local_time();
    anchor.day = date::floor<date::days>(local);
    anchor.time_of_day = date::floor<std::chrono::minutes>(local - anchor.day);
  }
  return anchor;
}

namespace {

std::string diagnostic(const std::string& file, std::size_t line, std::size_t column, const char* kind,
                       const std::string& message) {
  std::string out = file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  }
  out += ": ";
  out += kind;
  out += ": " + message + '\n';
  return out;
}

void print_diagnostic(const std::string& file, std::size_t line, std::size_t column, const char* kind,
                      const std::string& message) {
  std::fputs(diagnostic(file, line, column, kind, message).c_str(), stderr);
}

// Warnings about timexes shown per document; the rest are counted.
constexpr std::size_t timex_warnings_shown = 10;

// A timex's text on one line, as a warning quotes it.
std::string one_line(std::string_view text) {
  std::size_t end = std::min<std::size_t>(text.size(), 200);
  while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  std::string line(text.substr(0, end));
  for (char& c : line)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return line;
}

std::string plural(std::size_t count, const std::string& noun) {
  return std::to_string(count) + ' ' + noun + (count == 1 ? "" : "s");
}

}  // namespace

void print_error(const std::string& file, std::size_t line, std::size_t column, const std::string& message) {
  print_diagnostic(file, line, column, "error", message);
}

void print_warning(const std::string& file, std::size_t line, std::size_t column, const std::string& message) {
  print_diagnostic(file, line, column, "warning", message);
}

std::string timex_warnings(const Document& document, const std::vector<Timex>& timexes) {
  std::string out;
  std::size_t problems = 0;
  for (const Timex& timex : timexes) {
    if (!timex.has_problem()) continue;
    if (++problems > timex_warnings_shown) continue;
    const SourcePosition at = source_position(document, timex.start);
    const std::string_view text = std::string_view(document.text).substr(timex.start, timex.end - timex.start);
    out += diagnostic(document.path, at.line, at.column, "warning",
                      std::string(describe(timex.problem)) + " ('" + one_line(text) + "')");
  }
  if (problems > timex_warnings_shown)
    out += diagnostic(document.path, 0, 0, "warning",
                      plural(problems - timex_warnings_shown, "more expression") +
                          " naming no possible time in document '" + document.id + "' (not shown)");
  return out;
}

void print_timex_warnings(const std::vector<Document>& documents, const Timeline& timeline) {
  for (std::size_t i = 0; i < documents.size() && i < timeline.unresolved_timexes.size(); ++i)
    std::fputs(timex_warnings(documents[i], timeline.unresolved_timexes[i]).c_str(), stderr);
}

ReadSummary read_documents(const RunContext& context, std::vector<std::string> paths, const std::string& label,
                           const std::function<void(Document&&)>& sink) {
  std::sort(paths.begin(), paths.end());
  ReadSummary summary;
  const auto accept = [&](Document&& document) {
    if (document.utf8_replacements > 0)
      print_warning(document.path, document.first_utf8_replacement.line, document.first_utf8_replacement.column,
                    "replaced " + plural(document.utf8_replacements, "invalid UTF-8 sequence") +
                        " with U+FFFD (the first here)");
    context.apply_anchor(document);
    ++summary.documents;
    sink(std::move(document));
  };
  InputErrorHandler skip;
  if (context.keep_going())
    skip = [&](const SourceError& e) {
      print_error(e.file(), e.where().line, e.where().column, e.what());
      ++summary.skipped;
    };
  read_inputs(paths, context.ingest(), accept, skip);
  if (summary.skipped > 0)
    print_warning(label, 0, 0,
                  "left out " + plural(summary.skipped, "input") + " with errors (listed above); read " +
                      plural(summary.documents, "document"));
  return summary;
}

int exit_code_after(const ReadSummary& summary, int code) { return summary.skipped > 0 ? exit_failures : code; }

int guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const SourceError& e) {
    print_error(e.file(), e.where().line, e.where().column, e.what());
  } catch (const config::ConfigError& e) {
    print_error(e.file(), e.line(), e.column(), e.what());
  } catch (const std::bad_alloc&) {
    print_error("reckon", 0, 0, "out of memory (expected a smaller input; see --max-document-bytes)");
  } catch (const std::exception& e) {
    print_error("reckon", 0, 0, std::string("internal error: ") + e.what() + " (please report this)");
  }
  return exit_input_error;
}

Progress::Progress(std::string label) : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) != 0) {}

Progress::~Progress() {
  if (enabled_ && documents_ > 0) std::fputs("\r\033[K", stderr);
}

void Progress::add(std::size_t documents, std::size_t bytes) {
  documents_ += documents;
  bytes_ += bytes;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  std::fprintf(stderr, "\r%s: %zu documents, %.1f MB", label_.c_str(), documents_,
               static_cast<double>(bytes_) / 1e6);
}

}  // namespace reckon::cli
