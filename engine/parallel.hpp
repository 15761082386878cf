#pragma once
// Ordered parallel map: results come back in input order whatever the number of threads, so
// every command's output is byte-identical for every --threads N.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace reckon {

// Default for --threads: every core the machine reports (at least one).
inline unsigned default_thread_count() noexcept { return std::max(1u, std::thread::hardware_concurrency()); }

// Applies fn to every item on up to `threads` threads; result i is fn(items[i]). The first
// exception thrown by fn (in input order) is rethrown after all threads finished.
template <class Out, class In, class Fn>
std::vector<Out> parallel_map(const std::vector<In>& items, unsigned threads, Fn fn) {
  std::vector<Out> out(items.size());
  std::vector<std::exception_ptr> failures(items.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < items.size(); i = next++) {
      try {
        out[i] = fn(items[i]);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  const std::size_t helpers = std::min<std::size_t>(threads > 0 ? threads - 1 : 0, items.size() > 0 ? items.size() - 1 : 0);
  {
    std::vector<std::jthread> pool;
    pool.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t) pool.emplace_back(work);
    work();
  }
  for (auto& f : failures)
    if (f) std::rethrow_exception(f);
  return out;
}

}  // namespace reckon
