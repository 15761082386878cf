#include "cli/claims_bridge.hpp"

#include <type_traits>

namespace reckon::cli {
namespace {

Granularity granularity_of(config::Period::Granularity g) {
  using G = config::Period::Granularity;
  switch (g) {
    case G::day:
      return Granularity::day;
    case G::week:
      return Granularity::week;
    case G::month:
      return Granularity::month;
    case G::quarter:
      return Granularity::quarter;
    case G::year:
      return Granularity::year;
  }
  return Granularity::unknown;
}

ClaimPeriod period_of(const config::Period& p) {
  return ClaimPeriod{p.value, granularity_of(p.granularity), p.begin, p.end};
}

std::optional<ClaimPeriod> period_of(const std::optional<config::Period>& p) {
  if (!p) return std::nullopt;
  return period_of(*p);
}

std::optional<ClaimDuration> duration_of(const std::optional<config::Duration>& d) {
  if (!d) return std::nullopt;
  return ClaimDuration{d->value, d->years, d->months, d->weeks, d->days, d->hours, d->minutes, d->seconds};
}

EventSelector selector_of(const config::EventSelector& s) {
  return EventSelector{s.type, s.participants, s.place, s.text, period_of(s.on), period_of(s.within)};
}

ClaimAssertion assertion_of(const config::Assertion& assertion) {
  return std::visit(
      [](const auto& a) -> ClaimAssertion {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, config::OnAssertion>)
          return assertion::On{period_of(a.period)};
        else if constexpr (std::is_same_v<A, config::WithinAssertion>)
          return assertion::Within{period_of(a.period)};
        else if constexpr (std::is_same_v<A, config::BeforeAssertion>)
          return assertion::Before{selector_of(a.other)};
        else if constexpr (std::is_same_v<A, config::AfterAssertion>)
          return assertion::After{selector_of(a.other)};
        else if constexpr (std::is_same_v<A, config::ExistsAssertion>)
          return assertion::Exists{a.exists};
        else if constexpr (std::is_same_v<A, config::CountAssertion>)
          return assertion::Count{a.count};
        else if constexpr (std::is_same_v<A, config::NoConflictsAssertion>)
          return assertion::NoConflicts{};
        else
          return assertion::Gap{selector_of(a.from), duration_of(a.at_least), duration_of(a.at_most)};
      },
      assertion);
}

}  // namespace

Claim to_engine_claim(const config::Claim& c) {
  Claim claim;
  claim.id = c.id;
  claim.description = c.description;
  if (c.event) claim.event = selector_of(*c.event);
  claim.assertion = assertion_of(c.assertion);
  claim.file = c.file;
  claim.where = {c.where.line, c.where.column};
  return claim;
}

std::vector<Claim> to_engine_claims(const std::vector<config::Claim>& claims) {
  std::vector<Claim> out;
  out.reserve(claims.size());
  for (const auto& c : claims) out.push_back(to_engine_claim(c));
  return out;
}

std::vector<EntityAlias> entity_aliases(const config::Settings& settings) {
  std::vector<EntityAlias> out;
  for (const auto& e : settings.entities) out.push_back({e.canonical, e.aliases});
  return out;
}

}  // namespace reckon::cli
