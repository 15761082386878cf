// reckon eval: score reckon against public gold data.
#include <cinttypes>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "engine/atomic_file.hpp"
#include "engine/eval_timeline.hpp"
#include "engine/eval_timeml.hpp"
#include "engine/json_writer.hpp"
#include "engine/parallel.hpp"
#include "engine/source_error.hpp"
#include "engine/tagger.hpp"

namespace reckon::cli {
namespace {

struct EvalTimemlOptions {
  InputOptions input;
  bool errors = false;
  std::string format = "text";
  std::string output = "-";
};

struct DocumentScore {
  TimexCounts counts;
  std::vector<TimexError> errors;
  std::string text;  // kept only to place errors by line and column
};

std::string percent(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%6.2f", 100.0 * x);
  return buf;
}

std::string quoted(const std::string& text, const std::string& type, const std::string& value) {
  if (text.empty()) return "-";
  return "\"" + text + "\" " + type + " " + value;
}

void append_text_report(std::string& out, const TimexCounts& c, std::size_t documents) {
  const TimexScores s = scores_of(c);
  out += "TempEval-3 timex scores over " + std::to_string(documents) + " documents (" +
         std::to_string(c.gold) + " gold, " + std::to_string(c.system) + " system)\n";
  out += "           precision  recall      F1\n";
  out += "strict        " + percent(s.strict.precision) + "  " + percent(s.strict.recall) + "  " + percent(s.strict.f1) + "\n";
  out += "relaxed       " + percent(s.relaxed.precision) + "  " + percent(s.relaxed.recall) + "  " + percent(s.relaxed.f1) + "\n";
  out += "type F1   " + percent(s.type_f1) + "   (accuracy over relaxed matches " + percent(s.type_accuracy) + ")\n";
  out += "value F1  " + percent(s.value_f1) + "   (accuracy over relaxed matches " + percent(s.value_accuracy) + ")\n";
}

void append_json_report(std::string& out, const TimexCounts& c, std::size_t documents,
                        const std::vector<DocumentScore>* per_document) {
  const TimexScores s = scores_of(c);
  JsonWriter w(out);
  auto prf = [&](const char* name, const PRF& p) {
    w.key(name).begin_object().key("precision").fixed(100 * p.precision, 2).key("recall").fixed(100 * p.recall, 2)
        .key("f1").fixed(100 * p.f1, 2).end_object();
  };
  w.begin_object().key("documents").value(static_cast<std::uint64_t>(documents));
  w.key("gold").value(static_cast<std::uint64_t>(c.gold)).key("system").value(static_cast<std::uint64_t>(c.system));
  prf("strict", s.strict);
  prf("relaxed", s.relaxed);
  w.key("type_f1").fixed(100 * s.type_f1, 2).key("value_f1").fixed(100 * s.value_f1, 2);
  if (per_document) {
    w.key("errors").begin_array();
    for (const auto& d : *per_document)
      for (const auto& e : d.errors) {
        const auto at = position_of(d.text, e.start);
        w.begin_object().key("kind").value(to_string(e.kind)).key("doc").value(e.doc)
            .key("line").value(static_cast<std::uint64_t>(at.line)).key("column").value(static_cast<std::uint64_t>(at.column))
            .key("gold").begin_object().key("text").value(e.gold_text).key("type").value(e.gold_type).key("value").value(e.gold_value).end_object()
            .key("system").begin_object().key("text").value(e.system_text).key("type").value(e.system_type).key("value").value(e.system_value).end_object()
            .end_object();
      }
    w.end_array();
  }
  w.end_object();
  out += '\n';
}

int run_eval_timeml(const EvalTimemlOptions& options) {
  const RunContext context(options.input);
  AtomicFile report(options.output);  // a bad -o fails before the work
  std::vector<Document> documents;
  const ReadSummary summary = read_documents(context, options.input.paths, "reckon eval timeml",
                                             [&](Document&& d) { documents.push_back(std::move(d)); });
  const auto scores = parallel_map<DocumentScore>(documents, context.threads(), [&](const Document& d) {
    DocumentScore score;
    score.counts = score_timexes(d, tag(d), options.errors ? &score.errors : nullptr);
    if (options.errors) score.text = d.text;
    return score;
  });
  TimexCounts total;
  for (const auto& s : scores) total += s.counts;

  std::string out;
  if (options.format == "json") {
    append_json_report(out, total, documents.size(), options.errors ? &scores : nullptr);
  } else {
    if (options.errors) {
      for (const auto& d : scores)
        for (const auto& e : d.errors) {
          const auto at = position_of(d.text, e.start);
          out += e.doc + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + "\t" + to_string(e.kind) +
                 "\tgold " + quoted(e.gold_text, e.gold_type, e.gold_value) + "\tsystem " +
                 quoted(e.system_text, e.system_type, e.system_value) + "\n";
        }
      out += '\n';
    }
    append_text_report(out, total, documents.size());
  }
  report.write(out);
  report.commit();
  return exit_code_after(summary, exit_ok);
}

struct EvalTimelineOptions {
  std::string gold_dir;
  std::string system_dir;
  std::string format = "text";
  std::string output = "-";
};

std::string timeline_row(const std::string& name, const TimelineCounts& c, bool missing) {
  const TimelinePRF s = prf_of(c);
  char counts[96];
  std::snprintf(counts, sizeof counts, "  %3zu/%-3zu  %3zu/%-3zu", c.system_found, c.system, c.gold_found, c.gold);
  return name + std::string(name.size() < 26 ? 26 - name.size() : 1, ' ') + percent(s.precision) + "  " +
         percent(s.recall) + "  " + percent(s.f1) + counts + (missing ? "  (no system file)" : "") + "\n";
}

int run_eval_timeline(const EvalTimelineOptions& options) {
  AtomicFile report(options.output);  // a bad -o fails before the work
  const TimelineEvaluation e = evaluate_timeline_dirs(options.gold_dir, options.system_dir);
  std::string out;
  if (options.format == "json") {
    JsonWriter w(out);
    auto scores = [&](const TimelineCounts& c) {
      const TimelinePRF s = prf_of(c);
      w.key("precision").fixed(100 * s.precision, 2).key("recall").fixed(100 * s.recall, 2).key("f1").fixed(100 * s.f1, 2);
      w.key("system_relations").value(static_cast<std::uint64_t>(c.system))
          .key("system_correct").value(static_cast<std::uint64_t>(c.system_found))
          .key("gold_relations").value(static_cast<std::uint64_t>(c.gold))
          .key("gold_found").value(static_cast<std::uint64_t>(c.gold_found));
    };
    w.begin_object().key("timelines").begin_array();
    for (const auto& t : e.timelines) {
      w.begin_object().key("file").value(t.name).key("entity").value(t.entity).key("missing").value(t.missing);
      scores(t.counts);
      w.end_object();
    }
    w.end_array().key("micro").begin_object();
    scores(e.total);
    w.end_object().key("unmatched_system_files").begin_array();
    for (const auto& name : e.unmatched) w.value(name);
    w.end_array().end_object();
    out += '\n';
  } else {
    out += "SemEval-2015 Task 4 timeline scores (temporal awareness) over " + std::to_string(e.timelines.size()) +
           " timelines\n";
    out += "timeline                  precision  recall      F1  sys ok/all  gold found/all\n";
    for (const auto& t : e.timelines) out += timeline_row(t.name, t.counts, t.missing);
    out += timeline_row("micro-average", e.total, false);
    for (const auto& name : e.unmatched) out += "note: " + name + " has no gold timeline; not scored\n";
  }
  report.write(out);
  report.commit();
  return exit_ok;
}

}  // namespace

void add_eval_command(CLI::App& app, int& exit_code) {
  CLI::App* eval = app.add_subcommand("eval", "Score reckon against gold data");
  eval->require_subcommand(1);

  auto timeml = std::make_shared<EvalTimemlOptions>();
  CLI::App* cmd = eval->add_subcommand(
      "timeml", "TempEval-3 timex scores (strict/relaxed span P/R/F1, type and value F1) on TimeML gold");
  add_input_options(*cmd, timeml->input);
  cmd->add_flag("--errors", timeml->errors, "List every miss, false alarm, span mismatch and wrong type or value");
  cmd->add_option("--format", timeml->format, "Report format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("-o,--output", timeml->output, "Report file (default: stdout)");
  cmd->callback([timeml, &exit_code] { exit_code = guarded([&] { return run_eval_timeml(*timeml); }); });

  auto timeline = std::make_shared<EvalTimelineOptions>();
  CLI::App* tl = eval->add_subcommand(
      "timeline", "SemEval-2015 Task 4 TimeLine scores: temporal awareness P/R/F1 per timeline and micro-averaged");
  tl->add_option("GOLD_DIR", timeline->gold_dir, "Directory of gold timelines (*.txt)")->required();
  tl->add_option("SYSTEM_DIR", timeline->system_dir, "Directory of system timelines, matched by file name")->required();
  tl->add_option("--format", timeline->format, "Report format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  tl->add_option("-o,--output", timeline->output, "Report file (default: stdout)");
  tl->callback([timeline, &exit_code] { exit_code = guarded([&] { return run_eval_timeline(*timeline); }); });
}

}  // namespace reckon::cli
