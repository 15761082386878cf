#pragma once
// The bridge between config and engine for claims: config::Claim (read from TOML, with
// positions) becomes the engine's plain reckon::Claim, which check_claims evaluates.
#include <vector>

#include "config/settings.hpp"
#include "engine/claims.hpp"
#include "engine/entities.hpp"

namespace reckon::cli {

Claim to_engine_claim(const config::Claim& claim);
std::vector<Claim> to_engine_claims(const std::vector<config::Claim>& claims);

// The configured [entities] as the engine takes them.
std::vector<EntityAlias> entity_aliases(const config::Settings& settings);

}  // namespace reckon::cli
