// The reckon.toml and claims-file reader: TOML syntax (toml++), every section and its checks,
// dates, periods, durations, time zones, globs, selectors and assertions; then merging a claims
// file into the settings and matching [anchors] rules against document ids.
//
// The input is one reckon.toml, or a reckon.toml and a claims file separated by a NUL byte (which
// TOML cannot contain, so the two halves never run into each other).
#include <optional>
#include <string>
#include <vector>

#include "config/glob.hpp"
#include "config/load.hpp"
#include "fuzz/fuzz_check.hpp"

namespace {

using reckon::fuzz::expect;

constexpr std::string_view config_path = "reckon.toml";
constexpr std::string_view claims_path = "claims.toml";

void expect_config_error(const reckon::config::ConfigError& error, std::string_view input, std::string_view path) {
  expect(error.file() == path, "a config error names the file");
  expect(*error.what() != '\0', "a config error says what is wrong");
  reckon::fuzz::expect_inside(input, error.line(), error.column(), "a config error points into the file");
}

void expect_claims_sound(const std::vector<reckon::config::Claim>& claims, std::string_view input) {
  for (const auto& claim : claims) {
    expect(!claim.id.empty(), "every claim has an id");
    reckon::fuzz::expect_inside(input, claim.where.line, claim.where.column, "a claim's location is in the file");
    if (const auto* on = std::get_if<reckon::config::OnAssertion>(&claim.assertion))
      expect(on->period.begin < on->period.end, "a period is not empty");
    if (const auto* within = std::get_if<reckon::config::WithinAssertion>(&claim.assertion))
      expect(within->period.begin < within->period.end, "a period is not empty");
  }
}

std::optional<reckon::config::Settings> settings_of(std::string_view text) {
  try {
    auto settings = reckon::config::parse_settings(text, config_path);
    expect_claims_sound(settings.claims, text);
    for (const auto& rule : settings.anchors) {
      expect(!rule.is_glob || !reckon::config::glob_error(rule.pattern), "an accepted glob is valid");
      for (const std::string_view id : {"a.txt", "articles/000_x.txt", "sub/dir/wire-1.jsonl", rule.pattern.c_str()})
        (void)reckon::config::match_anchor(settings, id);
    }
    return settings;
  } catch (const reckon::config::ConfigError& error) {
    expect_config_error(error, text, config_path);
    return std::nullopt;
  }
}

std::optional<std::vector<reckon::config::Claim>> claims_of(std::string_view text) {
  try {
    auto claims = reckon::config::parse_claims(text, claims_path);
    expect_claims_sound(claims, text);
    return claims;
  } catch (const reckon::config::ConfigError& error) {
    expect_config_error(error, text, claims_path);
    return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = reckon::fuzz::as_text(data, size);
  const std::size_t nul = input.find('\0');
  if (nul == std::string_view::npos) {
    (void)settings_of(input);
    (void)claims_of(input);
    return 0;
  }
  const std::string_view claims_text = input.substr(nul + 1);
  auto settings = settings_of(input.substr(0, nul));
  auto claims = claims_of(claims_text);
  if (settings && claims) {
    try {
      reckon::config::add_claims(*settings, std::move(*claims));
    } catch (const reckon::config::ConfigError& error) {
      expect_config_error(error, claims_text, claims_path);
    }
  }
  return 0;
}
