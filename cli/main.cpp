// reckon: temporal expressions, events and timelines from news text.
#include <csignal>
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/allocator.hpp"
#include "cli/commands.hpp"
#include "cli/common.hpp"

namespace {

// "reckon tag" for the deepest subcommand the command line named, for usage errors.
std::string command_name(const CLI::App& app) {
  std::string name = app.get_name();
  const CLI::App* at = &app;
  while (true) {
    const auto chosen = at->get_subcommands();
    if (chosen.empty()) break;
    at = chosen.front();
    name += ' ' + at->get_name();
  }
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace reckon::cli;
  configure_allocator();
  // A file size limit (ulimit -f) makes a write fail with an error reckon reports and cleans up
  // after, instead of killing the process.
  std::signal(SIGXFSZ, SIG_IGN);

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
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    const std::string command = command_name(app);
    print_error(command, 0, 0, std::string(e.what()) + " (see '" + command + " --help')");
    return exit_input_error;
  }
  return exit_code;
}
