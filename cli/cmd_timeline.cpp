// reckon timeline: the whole pipeline, one ordered timeline with conflicting reports flagged.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/free_at_exit.hpp"
#include "engine/atomic_file.hpp"
#include "engine/pipeline.hpp"
#include "engine/semeval.hpp"
#include "engine/source_error.hpp"
#include "engine/timeline_writers.hpp"

namespace reckon::cli {
namespace {

struct TimelineOptions {
  InputOptions input;
  std::string format = "json";
  std::string output = "-";
  bool fail_on_conflict = false;
  std::vector<std::string> entities;  // --entity, for --format semeval
  std::string entities_from;          // --entities-from GOLD_DIR: the entities of its timelines
  SemevalOptions semeval;
};

namespace fs = std::filesystem;

// The first line of every "*.txt" in a SemEval gold directory, in file-name order.
std::vector<std::string> entities_of(const std::string& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) throw SourceError(dir, {}, "no such directory (expected --entities-from GOLD_DIR)");
  if (!fs::is_directory(dir, ec))
    throw SourceError(dir, {}, "not a directory (expected --entities-from GOLD_DIR, a directory of timelines)");
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  if (ec) throw SourceError(dir, {}, "cannot read the directory: " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<std::string> names;
  constexpr std::size_t longest_name = 4096;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw SourceError(f.string(), {}, "cannot open the file");
    std::string first;
    for (char c = 0; first.size() <= longest_name && in.get(c) && c != '\n';) first += c;
    if (!first.empty() && first.back() == '\r') first.pop_back();
    if (first.size() > longest_name)
      throw SourceError(f.string(), {1, 1}, "the first line is too long for an entity name (expected a name)");
    if (first.empty()) throw SourceError(f.string(), {1, 1}, "expected the entity name on the first line");
    names.push_back(first);
  }
  return names;
}

// The entities to write timelines for, checked with the -o they go to before any work is done.
std::vector<std::string> semeval_entities(const TimelineOptions& options) {
  std::vector<std::string> entities = options.entities;
  if (!options.entities_from.empty())
    for (auto& e : entities_of(options.entities_from)) entities.push_back(std::move(e));
  if (entities.empty()) throw SourceError("reckon timeline", {}, "--format semeval needs --entity NAME or --entities-from DIR");
  std::error_code ec;
  const bool to_dir = options.output != "-" && !options.output.empty() && fs::is_directory(options.output, ec);
  if (entities.size() > 1 && !to_dir)
    throw SourceError(options.output, {}, "several entities need -o DIR, an existing directory");
  if (!to_dir) check_output_path(options.output);
  return entities;
}

// One timeline file per entity: into the directory -o names, or to -o itself for one entity. The
// files are put in place together, after all of them were written.
void write_semeval(const TimelineOptions& options, const std::vector<std::string>& entities,
                   const Timeline& timeline, const std::vector<Document>& documents) {
  std::vector<const Document*> pointers;
  for (const auto& d : documents) pointers.push_back(&d);
  std::error_code ec;
  const bool to_dir = options.output != "-" && !options.output.empty() && fs::is_directory(options.output, ec);
  if (!to_dir) {
    write_file_atomically(options.output, timeline_to_semeval(timeline, pointers, entities.front(), options.semeval));
    return;
  }
  StagedFiles files;
  std::set<std::string> seen;
  for (const auto& entity : entities) {
    if (!seen.insert(entity).second) continue;
    files.add((fs::path(options.output) / semeval_file_name(entity)).string(),
              timeline_to_semeval(timeline, pointers, entity, options.semeval));
  }
  files.commit();
}

std::string render(const Timeline& t, const std::string& format) {
  if (format == "md") return timeline_to_markdown(t);
  if (format == "csv") return timeline_to_csv(t);
  if (format == "timelinejs") return timeline_to_timelinejs(t);
  if (format == "ics") return timeline_to_ics(t);
  return timeline_to_json(t);
}

int run_timeline(const TimelineOptions& options) {
  const RunContext context(options.input);
  // The output is checked (semeval) or opened before any document is read, so that a bad -o fails
  // at once; it is put in place only when the whole timeline is written.
  const bool semeval = options.format == "semeval";
  std::vector<std::string> entities;
  std::optional<AtomicFile> out;
  if (semeval)
    entities = semeval_entities(options);
  else
    out.emplace(options.output);
  Progress progress("reckon timeline");
  std::vector<Document> documents;
  const ReadSummary summary = read_documents(context, options.input.paths, "reckon timeline", [&](Document&& d) {
    progress.add(1, d.text.size());
    documents.push_back(std::move(d));
  });
  Timeline timeline = build_timeline(documents, pipeline_options(context));
  print_timex_warnings(documents, timeline);
  if (semeval) {
    write_semeval(options, entities, timeline, documents);
  } else {
    if (options.format == "json")
      write_timeline_json(timeline, [&](std::string_view piece) { out->write(piece); });
    else
      out->write(render(timeline, options.format));
    out->commit();
  }
  const bool failed = options.fail_on_conflict && !timeline.conflicts.empty();
  free_at_exit(std::move(timeline));
  free_at_exit(std::move(documents));
  return exit_code_after(summary, failed ? exit_failures : exit_ok);
}

}  // namespace

void add_timeline_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TimelineOptions>();
  CLI::App* cmd = app.add_subcommand(
      "timeline", "Build one ordered event timeline from many documents, flagging conflicting reports");
  add_input_options(*cmd, options->input);
  cmd->add_option("--format", options->format, "Output format: json (default), md, csv, timelinejs, ics, semeval")
      ->check(CLI::IsMember({"json", "md", "csv", "timelinejs", "ics", "semeval"}));
  cmd->add_option("-o,--output", options->output,
                  "Output file (default: stdout), replaced only when the run succeeds; for semeval with several entities, "
                  "an existing directory that gets one ENTITY.txt per entity");
  cmd->add_option("--entity", options->entities, "semeval: an entity whose timeline to write (repeatable)");
  cmd->add_option("--semeval-window", options->semeval.window,
                  "semeval: how near the trigger (bytes) the entity must be named; 0: anywhere in its sentence");
  cmd->add_flag("--date-by-mention", options->semeval.date_by_mention,
                "semeval: date each mention by its own timex, not by its event's reconciled time");
  cmd->add_flag("!--no-anchor-dates", options->semeval.date_undated_by_anchor,
                "semeval: leave undated mentions undated instead of dating them by their document");
  cmd->add_option("--entities-from", options->entities_from,
                  "semeval: take the entities from the first lines of a gold directory's *.txt timelines");
  cmd->add_flag("--fail-on-conflict", options->fail_on_conflict, "Exit with code 1 when any conflict is found");
  cmd->callback([options, &exit_code] { exit_code = guarded([&] { return run_timeline(*options); }); });
}

}  // namespace reckon::cli
