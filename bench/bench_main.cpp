// The main() of the Google Benchmark programs: the same allocator set-up as the reckon executable
// (cli/allocator.hpp), named in the report's context, so that their MB/s are the command's.
#include <benchmark/benchmark.h>

#include "cli/allocator.hpp"

int main(int argc, char** argv) {
  reckon::cli::configure_allocator();
  benchmark::AddCustomContext("allocator", reckon::cli::allocator_name());
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
