#pragma once
/// The `waves:` section (model/waves.hpp, docs/format.md "Waves and presale"): in a template the
/// per-wave milestones and parameters and the default waves; in a campaign the list of waves it
/// runs. Also where per-wave elements become ordinary ones: the one expansion every command sees.
///
///   template:  waves: {milestones: {尾款开始: {time: "20:00"}}, parameters: {件数占比: …}, default: [...]}
///   campaign:  waves: [{name: 第一波, 尾款开始: 2026-10-31 20:00, 件数占比: 40%}, …]

#include <span>
#include <string>
#include <vector>

#include "dacu/input/reader_support.hpp"
#include "dacu/input/yaml.hpp"
#include "dacu/model/template.hpp"

namespace dacu::reader {

/// A template's `waves:`; the per-wave parameters join `t.parameters` (their default is the value
/// a wave that gives none takes). Expands the per-wave milestones for the default waves.
void read_template_waves(const yaml::Node& node, Template& t, Problems& problems);
/// A campaign's `waves:` list: replaces the template's default waves, then expands the per-wave
/// milestones again for them.
void read_campaign_waves(const yaml::Node& node, Template& t, Problems& problems);
/// The milestone names an offset may name: the ordinary ones and each wave's (`第一波 · 尾款开始`);
/// with `each` (an element written with `wave: each`) also the per-wave names unqualified.
std::vector<std::string> offset_names(const Template& t, bool each);
/// `wave: each` on a task or checkpoint (D123 for anything else); false without the key.
bool read_wave_marker(const yaml::Fields& fields);
/// Replaces the per-wave milestones of `t.milestones` by those of `t.waves`' waves.
void expand_wave_milestones(Template& t);
/// Replaces each `wave: each` task and checkpoint by one per wave, in place, its unqualified
/// per-wave milestones bound to that wave's; then checks that every offset names a milestone
/// that exists (D124: a wave the campaign does not run) and the per-wave parameters' totals (D130).
void expand_wave_elements(Template& t, Problems& problems);

}  // namespace dacu::reader
