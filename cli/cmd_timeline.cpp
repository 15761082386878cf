// reckon timeline: the whole pipeline, one ordered timeline with conflicting reports flagged.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/atomic_file.hpp"
#include "engine/pipeline.hpp"
#include "engine/timeline_writers.hpp"

namespace reckon::cli {
namespace {

struct TimelineOptions {
  InputOptions input;
  std::string format = "json";
  std::string output = "-";
  bool fail_on_conflict = false;
};

std::string render(const Timeline& t, const std::string& format) {
  if (format == "md") return timeline_to_markdown(t);
  if (format == "csv") return timeline_to_csv(t);
  if (format == "timelinejs") return timeline_to_timelinejs(t);
  if (format == "ics") return timeline_to_ics(t);
  return timeline_to_json(t);
}

int run_timeline(const TimelineOptions& options) {
  const RunContext context(options.input);
  Progress progress("reckon timeline");
  std::vector<Document> documents;
  read_inputs(options.input.paths, context.ingest(), [&](Document&& d) {
    context.apply_anchor(d);
    progress.add(1, d.text.size());
    documents.push_back(std::move(d));
  });
  const Timeline timeline = build_timeline(documents, pipeline_options(context));
  write_file_atomically(options.output, render(timeline, options.format));
  return options.fail_on_conflict && !timeline.conflicts.empty() ? exit_failures : exit_ok;
}

}  // namespace

void add_timeline_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* cmd = app.add_subcommand(
      "timeline", "Build one ordered event timeline from many documents, flagging conflicting reports");
  add_input_options(*cmd, options->input);
  cmd->add_option("--format", options->format, "Output format: json (default), md, csv, timelinejs, ics")
      ->check(CLI::IsMember({"json", "md", "csv", "timelinejs", "ics"}));
  cmd->add_option("-o,--output", options->output, "Output file (default: stdout), written atomically");
  cmd->add_flag("--fail-on-conflict", options->fail_on_conflict, "Exit with code 1 when any conflict is found");
  cmd->callback([options, &exit_code] { exit_code = guarded([&] { return run_timeline(*options); }); });
}

}  // namespace reckon::cli
