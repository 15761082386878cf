// reckon tag: the temporal expressions of each document with their TIMEX3 values.
#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/atomic_file.hpp"
#include "engine/parallel.hpp"
#include "engine/tag_output.hpp"
#include "engine/tagger.hpp"

namespace reckon::cli {
namespace {

struct TagOptions {
  InputOptions input;
  std::string format = "jsonl";
  std::string output = "-";
};

// Documents are tagged in batches so that memory stays bounded on a long JSON Lines stream while
// every core has work; the batch is written in input order.
constexpr std::size_t kBatchBytes = std::size_t{8} << 20;
constexpr std::size_t kBatchDocuments = 512;

std::string safe_file_name(std::string id) {
  for (char& c : id)
    if (c == '/' || c == '\\') c = '_';
  return id + ".tml";
}

// Where the tagged documents go: one file (or stdout), written as batches come; or, for timeml
// into a directory, one file per document, all put in place together at the end.
class TagSink {
 public:
  TagSink(const std::string& output, bool per_document) : directory_(per_document ? output : std::string()) {
    if (per_document)
      files_.emplace();
    else
      file_.emplace(output);
  }

  void write(const Document& document, const std::string& rendered) {
    if (file_)
      file_->write(rendered);
    else
      files_->add((std::filesystem::path(directory_) / safe_file_name(document.id)).string(), rendered);
  }

  void commit() {
    if (file_)
      file_->commit();
    else
      files_->commit();
  }

 private:
  std::string directory_;
  std::optional<AtomicFile> file_;
  std::optional<StagedFiles> files_;
};

int run_tag(const TagOptions& options) {
  const RunContext context(options.input);
  const bool per_document = options.format == "timeml" && std::filesystem::is_directory(options.output);
  // Opened before any document is read, so that an unwritable -o fails at once. Nothing is put in
  // place of the output before every document has been read and written.
  TagSink out(options.output, per_document);
  Progress progress("reckon tag");

  std::vector<Document> batch;
  std::size_t batch_bytes = 0;
  struct Tagged {
    std::string output;
    std::string warnings;
  };
  auto flush = [&] {
    const auto tagged = parallel_map<Tagged>(batch, context.threads(), [&](const Document& d) {
      const auto timexes = tag(d);
      Tagged t;
      if (options.format == "jsonl") append_tag_jsonl(t.output, d, timexes);
      else if (options.format == "text") append_tag_text(t.output, d, timexes);
      else t.output = to_timeml(d, timexes);
      t.warnings = timex_warnings(d, timexes);
      return t;
    });
    for (std::size_t i = 0; i < batch.size(); ++i) {
      std::fputs(tagged[i].warnings.c_str(), stderr);
      out.write(batch[i], tagged[i].output);
    }
    progress.add(batch.size(), batch_bytes);
    batch.clear();
    batch_bytes = 0;
  };

  const ReadSummary summary = read_documents(context, options.input.paths, "reckon tag", [&](Document&& d) {
    batch_bytes += d.text.size();
    batch.push_back(std::move(d));
    if (batch.size() >= kBatchDocuments || batch_bytes >= kBatchBytes) flush();
  });
  flush();
  out.commit();
  return exit_code_after(summary, exit_ok);
}

}  // namespace

void add_tag_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TagOptions>();
  CLI::App* cmd = app.add_subcommand("tag", "Find date and time expressions and resolve them to TIMEX3 values");
  add_input_options(*cmd, options->input);
  cmd->add_option("--format", options->format, "Output format: jsonl (default), text, timeml")
      ->check(CLI::IsMember({"jsonl", "text", "timeml"}));
  cmd->add_option("-o,--output", options->output,
                  "Output file (default: stdout, streamed), replaced only when the run succeeds; for timeml, a "
                  "directory gets one .tml per document");
  cmd->callback([options, &exit_code] { exit_code = guarded([&] { return run_tag(*options); }); });
}

}  // namespace reckon::cli
