#pragma once
// Each subcommand registers itself on the application; the callbacks set the exit code.
#include <CLI/CLI.hpp>

namespace reckon::cli {

void add_tag_command(CLI::App& app, int& exit_code);
void add_explain_command(CLI::App& app, int& exit_code);
void add_eval_command(CLI::App& app, int& exit_code);
void add_timeline_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);

// The input paths, --config and the document options, as every document command takes them.
struct InputOptions;
void add_input_options(CLI::App& command, InputOptions& options);

// --anchor, --threads, --lenient, --keep-going and --max-document-bytes alone.
void add_document_options(CLI::App& command, InputOptions& options);

}  // namespace reckon::cli
