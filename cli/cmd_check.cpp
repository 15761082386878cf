// reckon check: claims about the timeline, checked against a timeline file or the documents,
// reported for people or CI; exit 1 when any claim does not hold.
#include <algorithm>
#include <filesystem>
#include <memory>

#include "cli/claims_bridge.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/free_at_exit.hpp"
#include "config/load.hpp"
#include "engine/atomic_file.hpp"
#include "engine/check_report.hpp"
#include "engine/pipeline.hpp"
#include "engine/source_error.hpp"
#include "engine/timeline_read.hpp"

namespace reckon::cli {
namespace {

struct CheckOptions {
  InputOptions input;              // documents (after the claims files are taken out) and --config
  std::vector<std::string> paths;  // as given: claims files (*.toml) and documents
  std::string timeline;
  std::string report = "text";
  std::string output = "-";
};

bool is_claims_file(const std::string& path) {
  return path.size() > 5 && path.compare(path.size() - 5, 5, ".toml") == 0;
}

std::string render(const std::vector<ClaimResult>& results, const std::string& format) {
  if (format == "json") return check_report_json(results);
  if (format == "junit") return check_report_junit(results);
  if (format == "github") return check_report_github(results);
  return check_report_text(results);
}

int usage_error(const std::string& message) {
  print_error("reckon check", 0, 0, message);
  return exit_input_error;
}

Timeline build_from_documents(const RunContext& context, const std::vector<std::string>& inputs,
                               ReadSummary& summary) {
  Progress progress("reckon check");
  std::vector<Document> documents;
  summary = read_documents(context, inputs, "reckon check", [&](Document&& d) {
    progress.add(1, d.text.size());
    documents.push_back(std::move(d));
  });
  Timeline timeline = build_timeline(documents, pipeline_options(context));
  print_timex_warnings(documents, timeline);
  free_at_exit(std::move(documents));  // nothing reads them again
  return timeline;
}

// A --timeline that is not a readable file of bounded size, said plainly before the reader (which
// reads the file whole) tries it.
void check_timeline_path(const std::string& path, std::size_t limit) {
  constexpr const char* expected = " (expected a timeline JSON file written by reckon timeline)";
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw SourceError(path, {}, std::string("no such file") + expected);
  if (std::filesystem::is_directory(status)) throw SourceError(path, {}, std::string("is a directory") + expected);
  if (!std::filesystem::is_regular_file(status))
    throw SourceError(path, {}, std::string("not a regular file") + expected);
  if (std::filesystem::file_size(path, ec) > limit)
    throw SourceError(path, {}, "the timeline file is larger than max_document_bytes, " + std::to_string(limit) +
                                    " bytes (expected a smaller file, or a larger --max-document-bytes)");
}

int run_check(CheckOptions options) {
  std::vector<std::string> claims_files;
  for (auto& path : options.paths)
    (is_claims_file(path) ? claims_files : options.input.paths).push_back(path);
  if (!options.timeline.empty() && !options.input.paths.empty())
    return usage_error("give either --timeline or documents to build the timeline from, not both");
  if (options.timeline.empty() && options.input.paths.empty())
    return usage_error("nothing to check against: give --timeline FILE or documents (files or directories)");

  const RunContext context(options.input);
  config::Settings settings = context.settings();
  std::sort(claims_files.begin(), claims_files.end());
  for (const auto& file : claims_files) config::add_claims(settings, config::load_claims(file));
  if (settings.claims.empty())
    return usage_error(
        "no claims to check: write [[claim]] tables in the config or give a claims file (*.toml)");
  if (!options.timeline.empty()) check_timeline_path(options.timeline, context.ingest().max_document_bytes);

  // Opened before the documents are read so that a bad -o fails at once; replaced only at the end.
  AtomicFile out(options.output);
  ReadSummary summary;
  Timeline timeline = options.timeline.empty() ? build_from_documents(context, options.input.paths, summary)
                                               : read_timeline_file(options.timeline);
  const auto results = check_claims(timeline, to_engine_claims(settings.claims), entity_aliases(settings));
  out.write(render(results, options.report));
  out.commit();
  free_at_exit(std::move(timeline));
  return exit_code_after(summary, summarize(results).all_pass() ? exit_ok : exit_failures);
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Check claims about the timeline (from TOML); exit 1 when any does not hold");
  cmd->add_option(
      "paths", options->paths,
      "Claims files (names ending in .toml) and documents: files, directories, or - for JSON Lines on stdin");
  cmd->add_option(
      "--config", options->input.config_path,
      "Config file (default: ./reckon.toml when it exists); its [[claim]] tables are checked too");
  cmd->add_option("--timeline", options->timeline,
                  "A timeline JSON file written by `reckon timeline`, instead of documents");
  cmd->add_option("--report", options->report, "Report format: text (default), json, junit, github")
      ->check(CLI::IsMember({"text", "json", "junit", "github"}));
  cmd->add_option("-o,--output", options->output, "Report file (default: stdout), replaced only when the run succeeds");
  add_document_options(*cmd, options->input);
  cmd->callback([options, &exit_code] { exit_code = guarded([&] { return run_check(*options); }); });
}

}  // namespace reckon::cli
