#include "cli/allocator.hpp"

#ifdef RECKON_WITH_MIMALLOC
#include <cstddef>

#include <mimalloc.h>
#endif

namespace reckon::cli {

#ifdef RECKON_WITH_MIMALLOC
namespace {
// Address space set aside up front for the heap. The kernel backs it only where it is written to,
// 2 MiB at a time, so a small run costs no more memory for it; a run that needs more goes on
// in mimalloc's ordinary segments.
constexpr std::size_t kHeapReservation = std::size_t{1} << 30;
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
  // Segments mimalloc takes later are committed in parts, which loses the huge pages; an arena
  // reserved now, committed and eligible for them, serves the run instead. Should the kernel
  // refuse it (a strict overcommit policy), mimalloc goes on without it.
  mi_reserve_os_memory(kHeapReservation, /*commit=*/true, /*allow_large=*/true);
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
