#pragma once
// Output that is never half-written: bytes go to a temporary file in the target's directory, and
// only commit() puts it in place of the target. Destroying an uncommitted AtomicFile discards the
// temporary and leaves any existing target untouched.
//
// The temporary is an unnamed file (Linux O_TMPFILE) that is given a name only for the instant
// of the final rename, so even a run killed with SIGKILL leaves nothing behind. Where unnamed
// files are not supported it is a hidden ".NAME.tmp-XXXXXX" beside the target, removed on
// failure and on SIGINT, SIGTERM and SIGHUP.
//
// The path "-" (or "") writes to stdout. A target that exists and is not a regular file (a
// device such as /dev/null, a FIFO) is written to directly: it cannot be replaced. A symbolic
// link is followed: the file it points to is replaced, and the link stays.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

class AtomicFile {
 public:
  // Throws SourceError naming the path when it cannot be written: its directory does not exist or
  // is not writable, or it names a directory.
  explicit AtomicFile(std::string path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);  // throws SourceError on a write failure
  void commit();                       // flush, fsync, rename; throws SourceError on failure

  const std::string& path() const noexcept { return path_; }

 private:
  void open_temporary(const std::string& directory);
  void discard() noexcept;

  std::string path_;
  std::string target_;     // path_, or the file a symbolic link at path_ points to
  std::string temp_path_;  // the named temporary (fallback), empty for an unnamed one
  std::string directory_;
  std::FILE* file_ = nullptr;
  bool to_stdout_ = false;
  bool direct_ = false;  // writing straight into a device or FIFO
  bool unnamed_ = false;
  bool committed_ = false;
  int tracked_ = -1;  // slot of temp_path_ in the table a signal handler cleans up
};

// Writes a whole file atomically.
void write_file_atomically(const std::string& path, std::string_view bytes);

// Several output files that appear together or not at all (one file per document or per
// entity): contents are spooled to an anonymous temporary file as they come, and commit() writes
// each target atomically. Until commit() no target is touched; destroying an uncommitted set
// leaves nothing behind. Memory stays bounded whatever the outputs' size.
class StagedFiles {
 public:
  StagedFiles();
  ~StagedFiles();
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;

  // Checks that `path` can be written (as AtomicFile does) and spools its contents.
  void add(const std::string& path, std::string_view bytes);
  void commit();

 private:
  struct Staged {
    std::string path;
    long offset = 0;
    std::size_t size = 0;
  };
  std::FILE* spool_ = nullptr;
  std::vector<Staged> staged_;
};

// Checks before any work is done that `path` can be written as an output file (its directory
// exists and takes new files; it is not a directory); throws SourceError when not. "-" is always
// fine.
void check_output_path(const std::string& path);

}  // namespace reckon
