// Every kind of bad input, run through the built binary: the exit code, and the FILE:LINE:COL the
// first error names. The inputs are the files of tests/fixtures/bad-inputs (one per case); inputs
// too big to commit are written at run time.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "tests/e2e/run.hpp"

using reckon::e2e::fixture;
using reckon::e2e::lines_of;
using reckon::e2e::quote;
using reckon::e2e::run;
namespace fs = std::filesystem;

namespace {

struct BadInput {
  std::string args;   // after "reckon"; {bad} is tests/fixtures/bad-inputs, {examples} examples/
  int exit_code;
  std::string where;  // what the first error names before ": error: ", FILE[:LINE:COL]
  std::string says;   // a part of its message
  std::string stdin_text = {};
};

const std::vector<BadInput> bad_inputs = {
    // Plain text.
    {"tag {bad}/documents/invalid-utf8.txt", 2, "{bad}/documents/invalid-utf8.txt:2:18", "invalid UTF-8 byte 0xe9 (expected UTF-8 text)"},
    {"tag {bad}/documents/truncated-utf8.txt", 2, "{bad}/documents/truncated-utf8.txt:1:29", "incomplete UTF-8 sequence starting with byte 0xe2"},
    {"tag {bad}/documents/nul-byte.txt", 2, "{bad}/documents/nul-byte.txt:2:6", "binary file (NUL byte at byte offset 30; expected UTF-8 text)"},
    {"tag {bad}/documents/image.png", 2, "{bad}/documents/image.png:1:1", "binary file: a PNG image (expected UTF-8 text)"},
    {"tag --lenient {bad}/documents/image.png", 2, "{bad}/documents/image.png:1:1", "binary file: a PNG image"},
    {"tag {bad}/documents/archive.txt", 2, "{bad}/documents/archive.txt:1:1", "binary file: a ZIP archive"},
    {"tag {bad}/documents/empty.txt", 2, "{bad}/documents/empty.txt:1:1", "empty file (expected some text)"},
    {"tag {bad}/documents/blank.txt", 2, "{bad}/documents/blank.txt:1:1", "empty document, only white space"},
    {"tag {bad}/documents/header-only.txt", 2, "{bad}/documents/header-only.txt:4:1", "empty document (expected text after the header block)"},
    {"tag {bad}/documents/header-impossible-date.txt", 2, "{bad}/documents/header-impossible-date.txt:2:7", "2025-02-30 is not a valid date: February 2025 has 28 days"},
    {"tag {bad}/documents/header-unknown-zone.txt", 2, "{bad}/documents/header-unknown-zone.txt:2:11", "unknown time zone 'Mars/Olympus'"},
    {"tag --max-document-bytes 64 {bad}/good.txt", 2, "{bad}/good.txt:3:47", "document is larger than max_document_bytes, 64 bytes"},
    // JSON Lines, from files and from standard input.
    {"tag {bad}/documents/empty.jsonl", 2, "{bad}/documents/empty.jsonl:1:1", "empty input (expected one JSON object per line)"},
    {"tag {bad}/documents/blank-lines.jsonl", 2, "{bad}/documents/blank-lines.jsonl:1:1", "no documents, only blank lines"},
    {"tag {bad}/documents/bad-json-line3.jsonl", 2, "{bad}/documents/bad-json-line3.jsonl:3:41", "invalid JSON: syntax error"},
    {"tag {bad}/documents/missing-text.jsonl", 2, "{bad}/documents/missing-text.jsonl:2:1", "missing \"text\" (expected every line to have \"id\" and \"text\" strings)"},
    {"tag {bad}/documents/text-not-string.jsonl", 2, "{bad}/documents/text-not-string.jsonl:1:21", "\"text\" must be a string, found a number"},
    {"tag {bad}/documents/not-an-object.jsonl", 2, "{bad}/documents/not-an-object.jsonl:1:1", "expected a JSON object with \"id\" and \"text\", found an array"},
    {"tag {bad}/documents/bad-published.jsonl", 2, "{bad}/documents/bad-published.jsonl:1:58", "2025-02-30 is not a valid date: February 2025 has 28 days"},
    {"tag {bad}/documents/unreadable-published.jsonl", 2, "{bad}/documents/unreadable-published.jsonl:1:58", "unrecognised date 'last Tuesday'"},
    {"tag {bad}/documents/unknown-zone.jsonl", 2, "{bad}/documents/unknown-zone.jsonl:1:84", "unknown time zone 'Mars/Olympus'"},
    {"tag {bad}/documents/duplicate-id.jsonl", 2, "{bad}/documents/duplicate-id.jsonl:2:8", "duplicate id 'a' (first used on line 1)"},
    {"tag {bad}/documents/nul-escape.jsonl", 2, "{bad}/documents/nul-escape.jsonl:1:30", "NUL character in \"text\""},
    {"tag {bad}/documents/invalid-utf8.jsonl", 2, "{bad}/documents/invalid-utf8.jsonl:2:25", "invalid UTF-8 byte 0xe9"},
    {"tag {bad}/documents/huge-number.jsonl", 2, "{bad}/documents/huge-number.jsonl:1:53", "invalid JSON: number 1e999 is too large"},
    {"tag -", 2, "-:1:1", "empty input (expected one JSON object per line)", ""},
    {"tag -", 2, "-:2:21", "\"text\" must be a string", "{\"id\": \"a\", \"text\": \"Monday.\"}\n{\"id\": \"b\", \"text\": 1}\n"},
    // TimeML.
    {"tag {bad}/documents/unclosed-tag.tml", 2, "{bad}/documents/unclosed-tag.tml:2:1", "unclosed <TimeML> (expected </TimeML> before the end of the file)"},
    {"tag {bad}/documents/mismatched-tag.tml", 2, "{bad}/documents/mismatched-tag.tml:4:1", "closing tag </TEXT> does not match <EVENT> opened at line 3, column 11"},
    {"tag {bad}/documents/unterminated-tag.tml", 2, "{bad}/documents/unterminated-tag.tml:3:20", "unterminated tag <TIMEX3 (expected '>')"},
    {"tag {bad}/documents/missing-text.tml", 2, "{bad}/documents/missing-text.tml:1:1", "missing <TEXT> element"},
    {"tag {bad}/documents/impossible-dct.tml", 2, "{bad}/documents/impossible-dct.tml:2:42", "DCT value: 1998-02-30 is not a valid date"},
    {"tag {bad}/documents/unknown-entity.tml", 2, "{bad}/documents/unknown-entity.tml:2:13", "unknown entity '&nbsp;'"},
    // Every command that reads documents stops at the same error.
    {"timeline {bad}/good.txt {bad}/documents/invalid-utf8.txt", 2, "{bad}/documents/invalid-utf8.txt:2:18", "invalid UTF-8 byte 0xe9"},
    {"check {examples}/claims.toml {bad}/documents/bad-json-line3.jsonl", 2, "{bad}/documents/bad-json-line3.jsonl:3:41", "invalid JSON"},
    {"eval timeml {bad}/documents/unclosed-tag.tml", 2, "{bad}/documents/unclosed-tag.tml:2:1", "unclosed <TimeML>"},
    // Files and directories that are missing or of the wrong kind.
    {"tag {bad}/none.txt", 2, "{bad}/none.txt", "no such file or directory"},
    {"tag {bad}/no-documents", 2, "{bad}/no-documents", "no documents in the directory"},
    {"tag --config {bad}/none.toml {bad}/good.txt", 2, "{bad}/none.toml", "no such file"},
    {"tag --config {bad}/config {bad}/good.txt", 2, "{bad}/config", "is a directory (expected a TOML file)"},
    {"check {examples}/claims.toml --timeline {bad}/config", 2, "{bad}/config", "is a directory (expected a timeline JSON file"},
    {"check {examples}/claims.toml --timeline /dev/zero", 2, "/dev/zero", "not a regular file"},
    {"check {examples}/claims.toml --max-document-bytes 100 --timeline {examples}/timeline.json", 2, "{examples}/timeline.json", "larger than max_document_bytes, 100 bytes"},
    {"check {examples}/claims.toml --timeline {bad}/documents/image.png", 2, "{bad}/documents/image.png:1:1", "not a timeline JSON file"},
    {"tag -o {bad}/no-such-dir/out.jsonl {bad}/good.txt", 2, "{bad}/no-such-dir/out.jsonl", "directory '{bad}/no-such-dir' does not exist"},
    {"tag -o {bad}/good.txt/out.jsonl {bad}/good.txt", 2, "{bad}/good.txt/out.jsonl", "is not a directory"},
    {"timeline -o {bad}/documents {bad}/good.txt", 2, "{bad}/documents", "is a directory (expected the name of a file"},
    // Configuration.
    {"tag --config {bad}/config/syntax-error.toml {bad}/good.txt", 2, "{bad}/config/syntax-error.toml:1:10", "invalid TOML"},
    {"tag --config {bad}/config/unknown-key.toml {bad}/good.txt", 2, "{bad}/config/unknown-key.toml:3:1", "unknown key 'timezon' in [defaults] (expected one of: timezone, max_document_bytes)"},
    {"tag --config {bad}/config/impossible-date.toml {bad}/good.txt", 2, "{bad}/config/impossible-date.toml:2:11", "2025-02-30 is not a valid date: February 2025 has 28 days"},
    {"tag --config {bad}/config/impossible-date-literal.toml {bad}/good.txt", 2, "{bad}/config/impossible-date-literal.toml:2:", "invalid TOML"},
    {"tag --config {bad}/config/unknown-timezone.toml {bad}/good.txt", 2, "{bad}/config/unknown-timezone.toml:2:12", "unknown time zone 'Mars/Olympus'"},
    {"tag --config {bad}/config/negative-limit.toml {bad}/good.txt", 2, "{bad}/config/negative-limit.toml:2:22", "must be a positive integer, found -1"},
    {"tag --config {bad}/config/limit-too-large.toml {bad}/good.txt", 2, "{bad}/config/limit-too-large.toml:2:22", "is 4294967296 (expected at most 4294967295, 4GiB - 1"},
    {"tag --config {bad}/config/invalid-utf8.toml {bad}/good.txt", 2, "{bad}/config/invalid-utf8.toml:2:5", "invalid UTF-8 byte 0xe9 (expected UTF-8 text)"},
    // Claims.
    {"check {bad}/config/claim-without-assertion.toml {bad}/good.txt", 2, "{bad}/config/claim-without-assertion.toml:1:1", "claim 'call' makes no assertion"},
    {"check {bad}/config/claim-two-assertions.toml {bad}/good.txt", 2, "{bad}/config/claim-two-assertions.toml:1:1", "makes 2 assertions"},
    {"check {bad}/config/claim-bad-period.toml {bad}/good.txt", 2, "{bad}/config/claim-bad-period.toml:4:10", "'2026-W54' is not a valid period"},
    {"check {bad}/config/claims-with-defaults.toml {bad}/good.txt", 2, "{bad}/config/claims-with-defaults.toml:1:2", "unknown key 'defaults' in a claims file"},
    // Usage errors: the command stands where the file would.
    {"frobnicate", 2, "reckon", "(see 'reckon --help')"},
    {"tag", 2, "reckon tag", "inputs is required"},
    {"tag --no-such-option {bad}/good.txt", 2, "reckon tag", "--no-such-option"},
    {"tag --format yaml {bad}/good.txt", 2, "reckon tag", "yaml"},
    {"tag --threads 0 {bad}/good.txt", 2, "reckon tag", "--threads"},
    {"timeline --max-document-bytes 0 {bad}/good.txt", 2, "reckon timeline", "--max-document-bytes"},
    {"timeline --max-document-bytes 4GiB {bad}/good.txt", 2, "reckon timeline", "'4GiB' is more than the largest document reckon reads, 4294967295 bytes"},
    {"tag --anchor 2025-02-30 {bad}/good.txt", 2, "--anchor:1:1", "2025-02-30 is not a valid date"},
    {"check {bad}/good.txt", 2, "reckon check", "no claims to check"},
    {"explain 'no such expression'", 2, "reckon explain", "is not an expression reckon can read as a whole"},
};

std::string expand(std::string text) {
  const std::pair<std::string, std::string> places[] = {{"{bad}", fixture("bad-inputs")},
                                                         {"{examples}", RECKON_EXAMPLES}};
  for (const auto& [name, value] : places)
    for (std::size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + value.size()))
      text.replace(at, name.size(), value);
  return text;
}

// Each line of stderr is one diagnostic in the one format: "WHERE: error: WHAT" (or warning),
// WHERE being a file with an optional line and column, or the command.
bool is_diagnostic(const std::string& line) {
  for (const std::string_view kind : {": error: ", ": warning: "}) {
    const std::size_t at = line.find(kind);
    if (at != std::string::npos && at > 0 && at + kind.size() < line.size()) return true;
  }
  return false;
}

void check_format(const std::string& err) {
  for (const std::string& line : lines_of(err)) {
    INFO(line);
    CHECK(is_diagnostic(line));
  }
}

fs::path scratch(const std::string& name) { return reckon::e2e::scratch_dir("bad-" + name); }

// A single line of `bytes` bytes of news text with dates in it.
void write_long_line(const fs::path& path, std::size_t bytes, const std::string& prefix = {},
                     const std::string& suffix = {}) {
  const std::string sentence = "The ministers met on Tuesday, August 12, 2025 and will talk again next week. ";
  std::ofstream out(path, std::ios::binary);
  out << prefix;
  for (std::size_t written = 0; written < bytes; written += sentence.size()) out << sentence;
  out << suffix;
}

}  // namespace

TEST_CASE("every bad input is an error naming FILE:LINE:COL with the exit code of its kind", "[e2e][bad-inputs]") {
  for (const BadInput& bad : bad_inputs) {
    const std::string args = expand(bad.args);
    INFO("reckon " << args);
    const auto r = run(args, bad.stdin_text);
    CHECK(r.exit_code == bad.exit_code);
    const auto lines = lines_of(r.err);
    REQUIRE_FALSE(lines.empty());
    const std::string where = expand(bad.where);
    const std::string first = lines.front();
    // The position ends where ": error: " starts, so "a.txt:2:1" does not pass for "a.txt:2:18".
    if (where.back() == ':')
      CHECK_THAT(first, Catch::StartsWith(where));
    else
      CHECK_THAT(first, Catch::StartsWith(where + ": error: "));
    CHECK_THAT(first, Catch::Contains(expand(bad.says)));
    if (args.rfind("explain", 0) != 0) CHECK(r.out.empty());  // explain shows the parse it got
    check_format(r.err);
  }
}

TEST_CASE("an over-long single-line document is refused where it crosses the limit", "[e2e][bad-inputs][limits]") {
  const auto dir = scratch("long");
  const auto text = dir / "long.txt";
  write_long_line(text, std::size_t{3} << 20);
  const auto jsonl = dir / "long.jsonl";
  write_long_line(jsonl, std::size_t{3} << 20, "{\"id\": \"long\", \"text\": \"", "\"}\n");
  const std::string mib_plus_one = ":1:" + std::to_string((std::size_t{1} << 20) + 1);

  SECTION("a plain text file, by --max-document-bytes") {
    const auto r = run("tag --max-document-bytes 1MiB " + quote(text.string()));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::StartsWith(text.string() + mib_plus_one +
                                        ": error: document is larger than max_document_bytes, 1048576 bytes"));
  }
  SECTION("a plain text file, by [defaults] max_document_bytes; the option wins over the config") {
    const auto config = dir / "reckon.toml";
    std::ofstream(config) << "[defaults]\nmax_document_bytes = 1048576\n";
    const auto r = run("tag --config " + quote(config.string()) + " " + quote(text.string()));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::StartsWith(text.string() + mib_plus_one + ": error: "));
    CHECK(run("tag --max-document-bytes 4MiB -o /dev/null --config " + quote(config.string()) + " " +
              quote(text.string())).exit_code == 0);
  }
  SECTION("a JSON Lines line, in a file and on standard input") {
    const auto r = run("tag --max-document-bytes 1MiB " + quote(jsonl.string()));
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::StartsWith(jsonl.string() + mib_plus_one + ": error: line is longer than max_document_bytes"));
    const auto piped = run("tag --max-document-bytes 1MiB -", reckon::e2e::slurp(jsonl));
    CHECK(piped.exit_code == 2);
    CHECK_THAT(piped.err, Catch::StartsWith("-" + mib_plus_one + ": error: line is longer"));
  }
  SECTION("under the default limit the same documents are read and tagged") {
    const auto r = run("tag --threads 2 " + quote(text.string()) + " " + quote(jsonl.string()));
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(lines_of(r.out).size() == 2);
  }
  fs::remove_all(dir);
}

TEST_CASE("a file or directory that cannot be read is an error naming it", "[e2e][bad-inputs]") {
  const auto as_user = reckon::e2e::as_unprivileged_user();
  if (!as_user) {
    WARN("running as root without setpriv to drop it; skipped");
    return;
  }
  const auto dir = scratch("unreadable");
  const auto file = dir / "secret.txt";
  std::ofstream(file) << "They met on Monday.\n";
  fs::create_directories(dir / "corpus" / "locked");
  std::ofstream(dir / "corpus" / "open.txt") << "They met on Friday.\n";
  std::ofstream(dir / "corpus" / "locked" / "inside.txt") << "They met on Tuesday.\n";
  fs::permissions(file, fs::perms::none);
  fs::permissions(dir / "corpus" / "locked", fs::perms::none);
  const auto r = reckon::e2e::run_script(*as_user + "\"$RECKON\" tag " + quote(file.string()));
  const auto walk = reckon::e2e::run_script(*as_user + "\"$RECKON\" tag --keep-going " + quote((dir / "corpus").string()));
  fs::permissions(dir / "corpus" / "locked", fs::perms::owner_all);
  CHECK(r.exit_code == 2);
  CHECK(r.err == file.string() + ": error: cannot open the file: Permission denied\n");
  CHECK(walk.exit_code == 1);
  CHECK_THAT(walk.err, Catch::StartsWith((dir / "corpus" / "locked").string() +
                                         ": error: cannot read the directory: Permission denied\n"));
  CHECK(lines_of(walk.out).size() == 1);
  fs::remove_all(dir);
}

TEST_CASE("keep-going lists every bad document, processes the rest and exits 1", "[e2e][bad-inputs]") {
  const std::string documents = fixture("bad-inputs/documents");
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(documents)) files += entry.is_regular_file() ? 1 : 0;
  const auto r = run("tag --keep-going " + quote(documents) + " " + quote(fixture("bad-inputs/good.txt")));
  CHECK(r.exit_code == 1);
  check_format(r.err);
  const auto errors = lines_of(r.err);
  // One error per bad file (each JSON Lines file holds one bad line), then the summary.
  REQUIRE(errors.size() == files + 1);
  for (std::size_t i = 0; i < files; ++i) CHECK_THAT(errors[i], Catch::StartsWith(documents + "/"));
  CHECK_THAT(errors.back(), Catch::StartsWith("reckon tag: warning: left out " + std::to_string(files) + " inputs"));
  // The good lines of the JSON Lines files, and good.txt.
  const auto written = lines_of(r.out);
  CHECK(written.size() == 6);
  CHECK_THAT(written.back(), Catch::StartsWith("{\"doc\":\"good.txt\""));
}

TEST_CASE("lenient reading repairs invalid UTF-8 with one warning per document and exit 0", "[e2e][bad-inputs]") {
  const std::string bad = fixture("bad-inputs/documents/");
  const auto r = run("tag --lenient " + quote(bad + "invalid-utf8.txt") + " " + quote(bad + "invalid-utf8.jsonl") +
                     " " + quote(bad + "nul-escape.jsonl"));
  CHECK(r.exit_code == 0);
  check_format(r.err);
  CHECK(lines_of(r.err) == std::vector<std::string>{
                               bad + "invalid-utf8.jsonl:2:25: warning: replaced 1 invalid UTF-8 sequence with U+FFFD (the first here)",
                               bad + "invalid-utf8.txt:2:18: warning: replaced 1 invalid UTF-8 sequence with U+FFFD (the first here)",
                               bad + "nul-escape.jsonl:1:30: warning: replaced 1 invalid UTF-8 sequence with U+FFFD (the first here)"});
  CHECK(lines_of(r.out).size() == 4);
}

TEST_CASE("an expression that names no possible time is a warning at its place, the exit code unchanged",
          "[e2e][bad-inputs][warnings]") {
  const std::string dir = fixture("bad-inputs/warnings/");
  const std::vector<std::string> expected = {
      dir + "impossible-date.jsonl:1:34: warning: no such day in the calendar ('February 30, 2025')",
      dir + "impossible-date.tml:4:39: warning: no such day in the calendar ('February 30, 2025')",
      dir + "impossible-dates.txt:3:23: warning: no such day in the calendar ('February 30, 2025')",
      dir + "impossible-dates.txt:4:26: warning: outside the years 1-9999 or the amounts reckon resolves ('40000 years ago')",
  };
  const auto claims = scratch("warnings-claims") / "calm.toml";
  {
    std::ofstream out(claims);
    out << "[[claim]]\nid = \"calm\"\nno_conflicts = true\n";
  }
  for (const std::string& command : std::vector<std::string>{"tag", "timeline", "check " + quote(claims.string())}) {
    INFO(command);
    const auto r = run(command + " --threads 2 " + quote(dir));
    CHECK(r.exit_code == 0);
    CHECK_FALSE(r.out.empty());
    CHECK(lines_of(r.err) == expected);
  }
  fs::remove_all(claims.parent_path());
}

TEST_CASE("a document full of impossible dates gives a few warnings and a count of the rest", "[e2e][bad-inputs][warnings]") {
  const auto dir = scratch("many-warnings");
  const auto file = dir / "many.txt";
  {
    std::ofstream out(file);
    for (int i = 0; i < 25; ++i) out << "It was due on February 30, 2025.\n";
  }
  const auto r = run("tag " + quote(file.string()));
  CHECK(r.exit_code == 0);
  check_format(r.err);
  const auto lines = lines_of(r.err);
  REQUIRE(lines.size() == 11);
  CHECK(lines[9] == file.string() + ":10:15: warning: no such day in the calendar ('February 30, 2025')");
  CHECK(lines[10] == file.string() + ": warning: 15 more expressions naming no possible time in document 'many.txt' (not shown)");
  fs::remove_all(dir);
}
