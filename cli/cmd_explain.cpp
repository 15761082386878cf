// reckon explain: the parse of one expression and each step of its resolution.
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/explain.hpp"
#include "engine/ingest.hpp"
#include "engine/source_error.hpp"
#include "engine/tense.hpp"

namespace reckon::cli {
namespace {

struct ExplainOptions {
  std::string expression;
  std::string anchor;
  std::string tense = "unknown";
};

int run_explain(const ExplainOptions& options) {
  std::optional<Anchor> anchor;
  if (!options.anchor.empty()) {
    const AnchorParse parsed = parse_anchor_date(options.anchor);
    if (!parsed.anchor) throw SourceError("--anchor", {1, parsed.error_offset + 1}, parsed.error);
    anchor = parsed.anchor;
  }
  const auto tense = parse_tense(options.tense);
  // A phrase around expressions ("since 2014", "spoke Tuesday") explains each one found in it.
  bool read = false;
  std::fputs(explain(options.expression, anchor, tense.value_or(Tense::unknown), read).c_str(), stdout);
  // Nothing read is an input error; the partial parse is on stdout.
  if (read) return exit_ok;
  print_error("reckon explain", 0, 0,
              "'" + options.expression + "' is not an expression reckon can read as a whole "
              "(expected a date or time expression such as \"last Friday\"; the parse is on standard output)");
  return exit_input_error;
}

}  // namespace

void add_explain_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand("explain", "Show how one expression is parsed and resolved, step by step");
  cmd->add_option("expression", options->expression, "The expression, e.g. \"last week\" or \"Friday afternoon\"")
      ->required();
  cmd->add_option("--anchor", options->anchor, "The reference date (2025-08-12 or 2025-08-12T13:06)");
  cmd->add_option("--tense", options->tense, "Tense of the clause around it: past, present, future (default: unknown)")
      ->check(CLI::IsMember({"past", "present", "future", "unknown"}));
  cmd->callback([options, &exit_code] { exit_code = guarded([&] { return run_explain(*options); }); });
}

}  // namespace reckon::cli
