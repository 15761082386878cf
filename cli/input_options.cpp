#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace reckon::cli {

void add_input_options(CLI::App& command, InputOptions& options) {
  command.add_option("inputs", options.paths,
                     "Documents: files, directories (read recursively), or - for JSON Lines on stdin")
      ->required();
  command.add_option("--config", options.config_path,
                     "Config file (default: ./reckon.toml when it exists)");
  command.add_option("--anchor", options.anchor,
                     "Anchor every document at this date or date-time (2025-08-12, 2025-08-12T13:06); "
                     "overrides the config and the documents' own dates");
  command.add_option("--threads", options.threads, "Worker threads (default: all cores); output is identical for every N")
      ->check(CLI::Range(1u, 1024u));
  command.add_flag("--lenient", options.lenient,
                   "Replace invalid UTF-8 with U+FFFD and go on instead of failing");
}

}  // namespace reckon::cli
