#include "engine/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/source_error.hpp"

namespace reckon {
namespace {

SourceError io_error(const std::string& path, const char* what) {
  return SourceError(path, {}, std::string(what) + ": " + std::strerror(errno));
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") {
    to_stdout_ = true;
    file_ = stdout;
    return;
  }
  const std::filesystem::path target(path_);
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) throw io_error(path_, "cannot create a temporary file beside the output");
  temp_path_ = pattern;
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    ::close(fd);
    ::unlink(temp_path_.c_str());
    throw io_error(path_, "cannot open the temporary output file");
  }
}

AtomicFile::~AtomicFile() {
  if (to_stdout_ || committed_) return;
  if (file_) std::fclose(file_);
  ::unlink(temp_path_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) throw io_error(path_, "cannot write output");
}

void AtomicFile::commit() {
  if (committed_) return;
  if (to_stdout_) {
    if (std::fflush(stdout) != 0) throw io_error("-", "cannot write to standard output");
    committed_ = true;
    return;
  }
  std::FILE* f = file_;
  file_ = nullptr;
  const bool flushed = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  const bool closed = std::fclose(f) == 0;
  if (!flushed || !closed) {
    const int saved = errno;
    ::unlink(temp_path_.c_str());
    errno = saved;
    throw io_error(path_, "cannot write output");
  }
  // mkstemp creates 0600; give the output the permissions a plain file would get.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(temp_path_.c_str(), 0666 & ~mask);
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp_path_.c_str());
    errno = saved;
    throw io_error(path_, "cannot replace the output file");
  }
  committed_ = true;
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicFile out(path);
  out.write(bytes);
  out.commit();
}

}  // namespace reckon
