#pragma once
// What every reckon subcommand shares: reading the config, choosing each document's anchor,
// reporting errors in the one format ("FILE:LINE:COL: error: ..."), progress on a terminal.
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "engine/document.hpp"
#include "engine/ingest.hpp"
#include "engine/pipeline.hpp"
#include "engine/timex.hpp"

namespace reckon::cli {

enum ExitCode : int { exit_ok = 0, exit_failures = 1, exit_input_error = 2 };

// Options shared by the commands that read documents.
struct InputOptions {
  std::vector<std::string> paths;
  std::string config_path;  // empty: ./reckon.toml when it exists, else none
  std::string anchor;       // --anchor, overrides everything
  unsigned threads = 0;     // 0: every core
  bool lenient = false;
  bool keep_going = false;              // leave bad documents out instead of failing
  std::size_t max_document_bytes = 0;   // --max-document-bytes; 0: the config's, else the default
};

// The loaded settings and the parsed --anchor, ready to be applied to documents.
class RunContext {
 public:
  explicit RunContext(const InputOptions& options);

  const config::Settings& settings() const noexcept { return settings_; }
  const IngestOptions& ingest() const noexcept { return ingest_; }
  unsigned threads() const noexcept { return threads_; }
  bool keep_going() const noexcept { return keep_going_; }

  // Sets a document's anchor by precedence: --anchor, then [anchors] in the config, then what
  // the document says of itself (header, dateline, DCT, JSON Lines "published").
  void apply_anchor(Document& document) const;

 private:
  config::Settings settings_;
  IngestOptions ingest_;
  std::optional<Anchor> cli_anchor_;
  unsigned threads_ = 1;
  bool keep_going_ = false;
};

// What reading the documents of a run gave.
struct ReadSummary {
  std::size_t documents = 0;
  std::size_t skipped = 0;  // inputs left out with --keep-going, each printed as an error
};

// Reads the documents of `paths` for the command `label` ("reckon tag") and hands each to `sink`
// with its anchor applied. The arguments are read in byte order, not in the order given, so that
// the output does not depend on how the command line was written. A document repaired by
// --lenient gets a warning. An input error ends the run (SourceError) unless --keep-going, which
// prints it, leaves the document out and goes on; the count of those is returned and announced.
ReadSummary read_documents(const RunContext& context, std::vector<std::string> paths, const std::string& label,
                           const std::function<void(Document&&)>& sink);

// Warnings for the timexes of a document that name no possible time ("February 30, 2025", "the
// year 40000"), one line each in the error format at the expression's place in the source file:
// "FILE:LINE:COL: warning: no such day in the calendar ('February 30, 2025')". At most a few per
// document, then a count of the rest. Empty when there is nothing to say. Built off the main
// thread, printed in input order.
std::string timex_warnings(const Document& document, const std::vector<Timex>& timexes);
// The same for every document of a timeline, printed to stderr in input order.
void print_timex_warnings(const std::vector<Document>& documents, const Timeline& timeline);

// The exit code of a run that worked: `code`, or exit_failures when --keep-going left documents out.
int exit_code_after(const ReadSummary& summary, int code);

// The config's entities and event vocabulary as the pipeline takes them, with the thread count.
PipelineOptions pipeline_options(const RunContext& context);

// A config date-time as an anchor in `timezone`; one written with a UTC offset is converted to
// that zone's local time.
Anchor to_local_anchor(const config::DateTime& when, const std::string& timezone);

// Prints "FILE:LINE:COL: error: MESSAGE" (LINE and COL left out when unknown) to stderr.
void print_error(const std::string& file, std::size_t line, std::size_t column, const std::string& message);

// The same with "warning:", for problems that do not change the exit code.
void print_warning(const std::string& file, std::size_t line, std::size_t column, const std::string& message);

// Runs `body`, turning the project's input errors into printed errors and exit code 2 (and any
// other exception into an "internal error", also exit 2, rather than an abort).
int guarded(const std::function<int()>& body);

// "N documents, X MB" on stderr, refreshed at most a few times a second, only on a terminal.
class Progress {
 public:
  explicit Progress(std::string label);
  ~Progress();
  void add(std::size_t documents, std::size_t bytes);

 private:
  std::string label_;
  bool enabled_ = false;
  std::size_t documents_ = 0;
  std::size_t bytes_ = 0;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace reckon::cli
