#include <catch2/catch.hpp>

#include <utility>
#include <vector>

#include "cli/free_at_exit.hpp"

namespace {

// Counts the destructions of objects that still own their data (a moved-from one owns none).
struct Owner {
  explicit Owner(int* destroyed) : destroyed(destroyed), data{7, 8, 9} {}
  Owner(Owner&& other) noexcept : destroyed(std::exchange(other.destroyed, nullptr)), data(std::move(other.data)) {}
  Owner& operator=(Owner&&) = delete;
  ~Owner() {
    if (destroyed != nullptr) ++*destroyed;
  }
  int* destroyed;
  std::vector<int> data;
};

}  // namespace

TEST_CASE("free_at_exit keeps what it is handed whole and never destroys it") {
  int destroyed = 0;
  const int* data = nullptr;
  {
    Owner owner(&destroyed);
    data = owner.data.data();
    reckon::cli::free_at_exit(std::move(owner));
    CHECK(owner.data.empty());
  }
  CHECK(destroyed == 0);
  // The buffer moved with the value and is still there (AddressSanitizer would report a read of
  // freed memory here).
  CHECK(data[0] == 7);
  CHECK(data[2] == 9);
  // The latest value heads the chain that keeps everything reachable.
  CHECK(reckon::cli::detail::abandoned != nullptr);
}
