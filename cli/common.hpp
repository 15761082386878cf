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

namespace reckon::cli {

enum ExitCode : int { exit_ok = 0, exit_failures = 1, exit_input_error = 2 };

// Options shared by the commands that read documents.
struct InputOptions {
  std::vector<std::string> paths;
  std::string config_path;  // empty: ./reckon.toml when it exists, else none
  std::string anchor;       // --anchor, overrides everything
  unsigned threads = 0;     // 0: every core
  bool lenient = false;
};

// The loaded settings and the parsed --anchor, ready to be applied to documents.
class RunContext {
 public:
  explicit RunContext(const InputOptions& options);

  const config::Settings& settings() const noexcept { return settings_; }
  const IngestOptions& ingest() const noexcept { return ingest_; }
  unsigned threads() const noexcept { return threads_; }

  // Sets a document's anchor by precedence: --anchor, then [anchors] in the config, then what
  // the document says of itself (header, dateline, DCT, JSON Lines "published").
  void apply_anchor(Document& document) const;

 private:
  config::Settings settings_;
  IngestOptions ingest_;
  std::optional<Anchor> cli_anchor_;
  unsigned threads_ = 1;
};

// The config's entities and event vocabulary as the pipeline takes them, with the thread count.
PipelineOptions pipeline_options(const RunContext& context);

// A config date-time as an anchor in `timezone`; one written with a UTC offset is converted to
// that zone's local time.
Anchor to_local_anchor(const config::DateTime& when, const std::string& timezone);

// Prints "FILE:LINE:COL: error: MESSAGE" (LINE and COL left out when unknown) to stderr.
void print_error(const std::string& file, std::size_t line, std::size_t column, const std::string& message);

// Runs `body`, turning the project's input errors into printed errors and exit code 2.
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
