#pragma once
/// Sale waves (多波次) and presale (预售) as data: the milestones and parameters a template declares
/// once per wave, and the waves a campaign runs with their dates and values. Read by input/, expanded
/// into ordinary milestones, tasks and checkpoints by plan/ (a task written once with `wave: each`
/// becomes `第一波 · 尾款催付`, `第二波 · 尾款催付` …), and used by compute/ for per-wave money
/// and staffing. The grammar is in docs/format.md, "Waves and presale".

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/base/timefmt.hpp"

namespace dacu {

/// How an element written once for every wave is named in a wave: `第一波 · 尾款催付`. The same
/// join names a wave's milestones (`第一波 · 尾款开始`), so a planner reads one convention.
inline constexpr std::string_view kWaveJoin = " · ";
inline std::string wave_element_name(std::string_view wave, std::string_view element) {
  std::string out(wave);
  out += kWaveJoin;
  out += element;
  return out;
}

/// The per-wave milestone names dacu knows the meaning of (docs/format.md, "Waves and presale"):
/// validate checks their order inside a wave and between waves, the platform deadlines list each
/// wave's 发货截止. A template may declare other per-wave milestones besides.
inline constexpr std::string_view kDepositStart = "定金开始";
inline constexpr std::string_view kDepositEnd = "定金结束";
inline constexpr std::string_view kBalanceStart = "尾款开始";
inline constexpr std::string_view kBalanceEnd = "尾款结束";
inline constexpr std::string_view kSpotStart = "现货开售";
inline constexpr std::string_view kShipBy = "发货截止";

/// One wave a campaign runs (or the template's default waves), in the order written.
struct Wave {
  std::string name;  ///< 第一波, 第二波, 现货 … as written
  /// The per-wave milestones this wave gives a date-time to (`尾款开始: 2026-10-31 20:00`), by the
  /// template's per-wave milestone name; the others are derived inside the wave.
  std::vector<std::pair<std::string, LocalDateTime>> given;
  std::vector<Location> given_where;  ///< parallel to `given`
  /// The per-wave parameters this wave sets (`件数占比: 40%`), read with the parameter's grammar.
  std::map<std::string, Rational, std::less<>> values;
  std::map<std::string, Location, std::less<>> values_where;
  /// `overlaps: [第一波]`: waves whose 尾款 window this one may overlap (validate allows it).
  std::vector<std::string> overlaps;
  Location where;
};

/// The `waves:` section. A template declares the per-wave milestone and parameter names (with their
/// definitions kept in Template::milestones/parameters templates, see plan/); a campaign lists its
/// waves. Empty `waves` means a one-wave campaign written the old way.
struct Waves {
  std::vector<std::string> milestone_names;  ///< declared per wave, in the template's order
  std::vector<std::string> parameter_names;  ///< declared per wave
  std::vector<Wave> waves;
  /// A per-wave parameter's `total:` (件数占比 `total: 100%`): what its values over the waves add
  /// up to, each wave taking the parameter's campaign value when it gives none (validate checks).
  std::map<std::string, Rational, std::less<>> totals;
  std::map<std::string, Location, std::less<>> totals_where;
  Location where;
  bool present() const { return !waves.empty(); }
  const Wave* find(std::string_view name) const {
    for (const auto& w : waves) {
      if (w.name == name) return &w;
    }
    return nullptr;
  }
};

/// The numbers a formula sees inside a wave: the campaign's parameter numbers with the wave's own
/// values laid over them (a per-wave 件数占比 of 40% in 第一波).
inline std::map<std::string, Rational, std::less<>> numbers_in_wave(std::map<std::string, Rational, std::less<>> base,
                                                                   const Wave& wave) {
  for (const auto& [name, value] : wave.values) base.insert_or_assign(name, value);
  return base;
}

}  // namespace dacu
