#pragma once
// Output that is never half-written: bytes go to a temporary file in the target's directory, and
// only commit() renames it over the target. Destroying an uncommitted AtomicFile removes the
// temporary and leaves any existing target untouched. The path "-" (or "") writes to stdout.
#include <cstdio>
#include <string>
#include <string_view>

namespace reckon {

class AtomicFile {
 public:
  explicit AtomicFile(std::string path);  // throws SourceError when the directory is not writable
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);  // throws SourceError on a write failure
  void commit();                       // flush, fsync, rename; throws SourceError on failure

  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool to_stdout_ = false;
  bool committed_ = false;
};

// Writes a whole file atomically.
void write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace reckon
