#include "engine/atomic_file.hpp"

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

#include "engine/source_error.hpp"

namespace reckon {
namespace {

SourceError io_error(const std::string& path, const std::string& what, int error) {
  return SourceError(path, {}, what + ": " + std::strerror(error));
}

std::string directory_of(const std::string& path) {
  const std::filesystem::path target(path);
  return target.has_parent_path() ? target.parent_path().string() : std::string(".");
}

std::string hidden_temp_name(const std::string& path, const std::string& suffix) {
  return (std::filesystem::path(directory_of(path)) /
          ("." + std::filesystem::path(path).filename().string() + ".tmp-" + suffix))
      .string();
}

// Names of the temporary files that exist under a name right now, so that a signal that ends the
// run can remove them. A fixed table of atomics is what a signal handler may safely read; it is
// the one piece of global state here, and only temporaries live in it.
std::array<std::atomic<const char*>, 64> live_temporaries{};

extern "C" void remove_temporaries(int signal_number) {
  for (auto& slot : live_temporaries)
    if (const char* path = slot.load()) ::unlink(path);
  // SA_RESETHAND restored the default action: the signal ends the process as it would have.
  ::raise(signal_number);
}

void install_cleanup_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction current {};
      if (::sigaction(signal_number, nullptr, &current) != 0 || current.sa_handler != SIG_DFL) continue;
      struct sigaction action {};
      action.sa_handler = remove_temporaries;
      action.sa_flags = SA_RESETHAND;
      sigemptyset(&action.sa_mask);
      ::sigaction(signal_number, &action, nullptr);
    }
  });
}

// Registers a temporary's name for removal on a signal; returns its slot, or -1 when the table is
// full (the file is then still removed on every ordinary failure).
int track(const char* path) {
  install_cleanup_handlers();
  for (std::size_t i = 0; i < live_temporaries.size(); ++i) {
    const char* expected = nullptr;
    if (live_temporaries[i].compare_exchange_strong(expected, path)) return static_cast<int>(i);
  }
  return -1;
}

void untrack(int slot) {
  if (slot >= 0) live_temporaries[static_cast<std::size_t>(slot)].store(nullptr);
}

// The permission bits a newly created file gets, or those of the file being replaced.
mode_t output_mode(const std::string& path) {
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)) return existing.st_mode & 07777;
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

bool is_special_file(const std::string& path) {
  struct stat existing {};
  return ::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) && !S_ISDIR(existing.st_mode);
}

void sync_directory(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::string random_suffix() {
  static std::atomic<unsigned> counter{0};
  std::random_device random;
  return std::to_string(::getpid()) + "-" + std::to_string(random() % 1000000) + "-" +
         std::to_string(counter.fetch_add(1));
}

}  // namespace

void check_output_path(const std::string& path) {
  if (path.empty() || path == "-") return;
  struct stat target {};
  if (::stat(path.c_str(), &target) == 0) {
    if (S_ISDIR(target.st_mode))
      throw SourceError(path, {}, "is a directory (expected the name of a file to write the output to)");
    if (!S_ISREG(target.st_mode)) return;  // a device or FIFO, written in place
  }
  const std::string directory = directory_of(path);
  struct stat dir {};
  if (::stat(directory.c_str(), &dir) != 0)
    throw SourceError(path, {}, "cannot write the output: directory '" + directory + "' " +
                                    (errno == ENOENT ? "does not exist" : std::strerror(errno)) +
                                    " (expected a file in an existing directory)");
  if (!S_ISDIR(dir.st_mode))
    throw SourceError(path, {}, "cannot write the output: '" + directory +
                                    "' is not a directory (expected a file in an existing directory)");
  if (::access(directory.c_str(), W_OK | X_OK) != 0)
    throw SourceError(path, {}, "cannot write the output: cannot create files in '" + directory +
                                    "': " + std::strerror(errno) + " (expected a writable directory)");
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_ == "-") {
    to_stdout_ = true;
    file_ = stdout;
    return;
  }
  check_output_path(path_);
  if (is_special_file(path_)) {
    direct_ = true;
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_ == nullptr) throw io_error(path_, "cannot open the output", errno);
    return;
  }
  // Through a symbolic link, the file it points to is what gets replaced, not the link.
  std::error_code error;
  if (std::filesystem::is_symlink(path_, error))
    if (const auto resolved = std::filesystem::canonical(path_, error); !error) target_ = resolved.string();
  if (target_.empty()) target_ = path_;
  directory_ = directory_of(target_);
  open_temporary(directory_);
}

void AtomicFile::open_temporary(const std::string& directory) {
  // An unnamed file needs /proc/self/fd to be given a name at the end.
  int fd = -1;
  if (::access("/proc/self/fd", X_OK) == 0) fd = ::open(directory.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0) {
    unnamed_ = true;
  } else {
    std::string pattern = hidden_temp_name(target_, "XXXXXX");
    fd = ::mkstemp(pattern.data());
    if (fd < 0) throw io_error(path_, "cannot create the output file in '" + directory + "'", errno);
    temp_path_ = std::move(pattern);
    tracked_ = track(temp_path_.c_str());
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    const int error = errno;
    ::close(fd);
    discard();
    throw io_error(path_, "cannot open the temporary output file", error);
  }
}

void AtomicFile::discard() noexcept {
  if (file_ != nullptr && !to_stdout_) std::fclose(file_);
  file_ = nullptr;
  if (!temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    untrack(tracked_);
    tracked_ = -1;
    temp_path_.clear();
  }
}

AtomicFile::~AtomicFile() {
  if (to_stdout_ || committed_) return;
  discard();
}

void AtomicFile::write(std::string_view bytes) {
  if (bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
    throw io_error(to_stdout_ ? std::string("-") : path_,
                   to_stdout_ ? "cannot write to standard output" : "cannot write the output", errno);
}

void AtomicFile::commit() {
  if (committed_) return;
  if (to_stdout_) {
    if (std::fflush(stdout) != 0) throw io_error("-", "cannot write to standard output", errno);
    committed_ = true;
    return;
  }
  if (direct_) {
    std::FILE* f = file_;
    file_ = nullptr;
    const bool flushed = std::fflush(f) == 0;
    const int error = errno;
    if (std::fclose(f) != 0 || !flushed) throw io_error(path_, "cannot write the output", flushed ? errno : error);
    committed_ = true;
    return;
  }
  const int fd = ::fileno(file_);
  if (std::fflush(file_) != 0 || ::fsync(fd) != 0) {
    const int error = errno;
    discard();
    throw io_error(path_, "cannot write the output", error);
  }
  ::fchmod(fd, output_mode(target_));
  if (unnamed_) {
    // Name the unnamed file beside the target, then rename that name over the target.
    const std::string proc_path = "/proc/self/fd/" + std::to_string(fd);
    for (int attempt = 0; temp_path_.empty(); ++attempt) {
      std::string name = hidden_temp_name(target_, random_suffix());
      if (::linkat(AT_FDCWD, proc_path.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
        temp_path_ = std::move(name);
        tracked_ = track(temp_path_.c_str());
      } else if (errno != EEXIST || attempt > 100) {
        const int error = errno;
        discard();
        throw io_error(path_, "cannot create the output file in '" + directory_ + "'", error);
      }
    }
  }
  std::FILE* f = file_;
  file_ = nullptr;
  if (std::fclose(f) != 0) {
    const int error = errno;
    discard();
    throw io_error(path_, "cannot write the output", error);
  }
  if (std::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    const int error = errno;
    discard();
    throw io_error(path_, "cannot replace the output file", error);
  }
  untrack(tracked_);
  tracked_ = -1;
  temp_path_.clear();
  committed_ = true;
  sync_directory(directory_);
}

void write_file_atomically(const std::string& path, std::string_view bytes) {
  AtomicFile out(path);
  out.write(bytes);
  out.commit();
}

StagedFiles::StagedFiles() : spool_(std::tmpfile()) {
  if (spool_ == nullptr) throw io_error("reckon", "cannot create a temporary file", errno);
}

StagedFiles::~StagedFiles() { std::fclose(spool_); }

void StagedFiles::add(const std::string& path, std::string_view bytes) {
  check_output_path(path);
  if (std::fseek(spool_, 0, SEEK_END) != 0) throw io_error(path, "cannot write the output", errno);
  const long offset = std::ftell(spool_);
  if (offset < 0 || std::fwrite(bytes.data(), 1, bytes.size(), spool_) != bytes.size())
    throw io_error(path, "cannot write the output", errno);
  staged_.push_back({path, offset, bytes.size()});
}

void StagedFiles::commit() {
  if (std::fflush(spool_) != 0) throw io_error("reckon", "cannot write a temporary file", errno);
  std::string chunk;
  for (const Staged& staged : staged_) {
    AtomicFile out(staged.path);
    if (std::fseek(spool_, staged.offset, SEEK_SET) != 0)
      throw io_error(staged.path, "cannot read back the output", errno);
    for (std::size_t left = staged.size; left > 0;) {
      chunk.resize(std::min<std::size_t>(left, std::size_t{1} << 20));
      if (std::fread(chunk.data(), 1, chunk.size(), spool_) != chunk.size())
        throw io_error(staged.path, "cannot read back the output", errno);
      out.write(chunk);
      left -= chunk.size();
    }
    out.commit();
  }
  staged_.clear();
}

}  // namespace reckon
