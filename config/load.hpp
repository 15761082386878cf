#pragma once
// Reading reckon.toml (and separate claims files) into Settings. Every error is a ConfigError
// naming the file, line and column of the key or value at fault and what was expected there.
#include <filesystem>
#include <string_view>
#include <vector>

#include "config/config_error.hpp"
#include "config/settings.hpp"

namespace reckon::config {

// A whole configuration file; all sections are optional.
Settings load_settings(const std::filesystem::path& path);
Settings parse_settings(std::string_view toml_text, std::string_view path_for_errors);

// A claims file: only [[claim]] tables, checked exactly as in a configuration file.
std::vector<Claim> load_claims(const std::filesystem::path& path);
std::vector<Claim> parse_claims(std::string_view toml_text, std::string_view path_for_errors);

// Appends claims read elsewhere (a claims file) to the settings; an id already present is an
// error at the later claim.
void add_claims(Settings& settings, std::vector<Claim> claims);

}  // namespace reckon::config
