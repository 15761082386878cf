#include "engine/mention.hpp"

namespace reckon {

const char* to_string(Modality modality) noexcept {
  switch (modality) {
    case Modality::happened: return "happened";
    case Modality::scheduled: return "scheduled";
    case Modality::proposed: return "proposed";
    case Modality::denied: return "denied";
  }
  return "happened";
}

}  // namespace reckon
