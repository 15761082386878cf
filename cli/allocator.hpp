#pragma once
// The process's memory allocator, set up once at the start of main(). The pipeline allocates about
// twelve times its input in small objects (sentences, tokens, mentions, timexes); faulting them in
// 4 KiB pages at a time costs about a fifth of a `reckon timeline` run, so when reckon is linked
// with mimalloc (RECKON_WITH_MIMALLOC) it asks for 2 MiB pages instead.

namespace reckon::cli {

// Safe to call before anything else runs; does nothing without mimalloc.
void configure_allocator() noexcept;

// "mimalloc (2 MiB pages)" or "system malloc", for the benchmarks' reports.
const char* allocator_name() noexcept;

}  // namespace reckon::cli
