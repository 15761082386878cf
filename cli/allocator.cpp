#include "cli/allocator.hpp"

#ifdef RECKON_WITH_MIMALLOC
#include <cstddef>
#include <cstdint>
#include <cstdio>

#include <mimalloc.h>
#include <sys/mman.h>
#endif

namespace reckon::cli {

#ifdef RECKON_WITH_MIMALLOC
namespace {
// Address space set aside up front for the heap. The kernel backs it only where it is written to,
// 2 MiB at a time, so a small run costs no more memory for it; a run that needs more goes on
// in mimalloc's ordinary segments.
constexpr std::size_t kHeapReservation = std::size_t{1} << 30;

// Asks for 2 MiB pages on the anonymous mapping that holds `p` (its whole extent, as
// /proc/self/maps gives it). Where there is no such file or mapping, nothing happens.
void advise_huge_pages_around(const void* p) noexcept {
  std::FILE* maps = std::fopen("/proc/self/maps", "r");
  if (maps == nullptr) return;
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  char line[512];
  while (std::fgets(line, sizeof line, maps) != nullptr) {
    unsigned long long begin = 0, end = 0;
    if (std::sscanf(line, "%llx-%llx", &begin, &end) != 2) continue;
    if (at < begin || at >= end) continue;
    madvise(reinterpret_cast<void*>(static_cast<std::uintptr_t>(begin)), static_cast<std::size_t>(end - begin),
            MADV_HUGEPAGE);
    break;
  }
  std::fclose(maps);
}
}  // namespace
#endif

void configure_allocator() noexcept {
#ifdef RECKON_WITH_MIMALLOC
  // Where the kernel gives transparent huge pages on request (its default, "madvise"), mimalloc
  // asks for them; where it gives none, nothing changes but the allocator.
  mi_option_set_enabled(mi_option_large_os_pages, true);
  // Memory handed back to the kernel piecemeal would be faulted in again in 4 KiB pages; a run
  // is short, so what is freed stays with the process until it ends.
  mi_option_set_enabled(mi_option_allow_decommit, false);
  // A segment reads that setting when it is made, and the main thread's first segment was made
  // before main() ran: it still gave freed 64 KiB spans back (44 madvise calls on the events-only
  // 8.5 MB corpus, each splitting a huge page) once they had been free for the decommit delay.
  // A delay of a day outlasts any run.
  mi_option_set(mi_option_decommit_delay, 24L * 60 * 60 * 1000);
  // Segments mimalloc takes later are committed in parts, which loses the huge pages; an arena
  // reserved now, committed and eligible for them, serves the run instead. Should the kernel
  // refuse it (a strict overcommit policy), mimalloc goes on without it.
  mi_reserve_os_memory(kHeapReservation, /*commit=*/true, /*allow_large=*/true);
  // The main thread's first segment was mapped before main() ran (the C++ runtime allocates while
  // it starts), outside the arena and in 4 KiB pages, and it is filled first: on the 8.5 MB news
  // mix it held 30 MB of the run's 65 MB, in 7,000 page faults. Its pages not yet touched can
  // still come 2 MiB at a time.
  void* const first = mi_malloc(1);
  advise_huge_pages_around(first);
  mi_free(first);
  // Every other thread's first segment is committed lazily by default, and mimalloc takes a lazily
  // committed segment only from memory without large pages: outside the arena, in 4 KiB pages.
  // Each worker thread of --threads faulted 4,000 of them in on the news mix.
  mi_option_set(mi_option_eager_commit_delay, 0);
#endif
}

const char* allocator_name() noexcept {
#ifdef RECKON_WITH_MIMALLOC
  return "mimalloc (2 MiB pages)";
#else
  return "system malloc";
#endif
}

}  // namespace reckon::cli
