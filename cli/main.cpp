// reckon: temporal expressions, events and timelines from news text.
#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/common.hpp"

int main(int argc, char** argv) {
  using namespace reckon::cli;
  CLI::App app{"reckon: one trustworthy timeline from many news articles.\n"
               "Finds date and time expressions and resolves them against each article's date,\n"
               "extracts the events the articles report, merges the reports of one event and\n"
               "flags the reports that disagree.",
               "reckon"};
  app.set_version_flag("--version", std::string("reckon ") + RECKON_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  int exit_code = exit_ok;
  add_tag_command(app, exit_code);
  add_explain_command(app, exit_code);
  add_timeline_command(app, exit_code);
  add_eval_command(app, exit_code);
  add_check_command(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the usage error
    return code == 0 ? exit_ok : exit_input_error;
  }
  return exit_code;
}
