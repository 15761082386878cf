#pragma once
// Runs the built reckon binary through the shell and captures its exit code and both streams.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace reckon::e2e {

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::filesystem::path scratch_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("reckon-e2e-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string fixture(const std::string& name) { return std::string(RECKON_FIXTURES) + "/" + name; }

// `text` as one shell word.
inline std::string quote(const std::string& text) {
  std::string quoted = "'";
  for (const char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

// Runs `command` through the shell with its standard output and error sent to files in `dir`,
// then removes `dir`.
inline Result run_in(const std::filesystem::path& dir, const std::string& command) {
  const auto out_path = dir / "stdout", err_path = dir / "stderr";
  const std::string redirected = command + " >" + quote(out_path.string()) + " 2>" + quote(err_path.string());
  const int status = std::system(redirected.c_str());
  Result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out_path);
  r.err = slurp(err_path);
  std::filesystem::remove_all(dir);
  return r;
}

// `args` is appended to the binary's path as shell words; the caller quotes what needs quoting.
inline Result run(const std::string& args, const std::string& stdin_text = {}) {
  const auto dir = scratch_dir("run");
  const auto in_path = dir / "stdin";
  std::ofstream(in_path, std::ios::binary) << stdin_text;
  return run_in(dir, quote(RECKON_BINARY) + " " + args + " <" + quote(in_path.string()));
}

// Runs a POSIX shell script in which $RECKON is the binary, capturing its exit code and streams.
inline Result run_script(const std::string& script) {
  const auto dir = scratch_dir("script");
  const auto script_path = dir / "script.sh";
  std::ofstream(script_path) << "RECKON=" << quote(RECKON_BINARY) << "\n" << script << "\n";
  return run_in(dir, "sh " + quote(script_path.string()) + " </dev/null");
}

// What to put before "$RECKON" in a run_script so that permissions apply: nothing for an ordinary
// user; as root, which may read and write anything, setpriv to run as nobody; nullopt when there
// is no way to drop root.
inline std::optional<std::string> as_unprivileged_user() {
  if (::geteuid() != 0) return std::string();
  if (std::system("command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1") != 0) return std::nullopt;
  return std::string("setpriv --reuid=nobody --regid=\"$(id -g nobody)\" --clear-groups ");
}

// The names in a directory, sorted.
inline std::vector<std::string> names_in(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The lines of a text, without their newlines.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace reckon::e2e
