#include "dacu/plan/waves.hpp"

#include <algorithm>
#include <optional>

#include "dacu/base/timefmt.hpp"

namespace dacu {

namespace {

struct WaveMoments {
  const Wave* wave;
  const Template* t;
  const Plan* plan;

  const DatedMilestone* at(std::string_view element) const {
    auto name = wave_element_name(wave->name, element);
    for (const auto& m : plan->milestones) {
      if (m.name == name) return &m;
    }
    return nullptr;
  }
  /// Where to point for a wave's milestone: the date the wave gives for it, else the wave's name.
  Location where(std::string_view element) const {
    for (std::size_t i = 0; i < wave->given.size(); ++i) {
      if (wave->given[i].first == element) return wave->given_where[i];
    }
    return wave->where;
  }
  /// The moment that orders the waves: the first of 尾款开始, 现货开售, 定金开始 the wave has.
  std::optional<std::pair<std::string_view, const DatedMilestone*>> key() const {
    for (auto element : {kBalanceStart, kSpotStart, kDepositStart}) {
      if (const auto* m = at(element)) return std::pair{element, m};
    }
    return std::nullopt;
  }
};

// 2026-10-31 20:00, as people write a wave's dates.
std::string shown(const DatedMilestone& m) {
  auto day = m.at.day();
  return format_date(day) + " " + format_clock(std::chrono::floor<std::chrono::minutes>(m.at.local - date::local_seconds{day}));
}

}  // namespace

std::vector<Diagnostic> check_waves(const Campaign& campaign, const Plan& plan) {
  std::vector<Diagnostic> out;
  const auto& t = campaign.plan;
  std::vector<WaveMoments> waves;
  for (const auto& w : t.waves.waves) waves.push_back(WaveMoments{&w, &t, &plan});

  // Inside a wave, the per-wave milestones happen in the order the template declares them
  // (定金开始, 定金结束, 尾款开始, 尾款结束 …): a 尾款 before its 定金 ends is a typo.
  for (const auto& w : waves) {
    const DatedMilestone* latest = nullptr;
    std::string_view latest_name;
    for (const auto& def : t.wave_milestones) {
      const auto* m = w.at(def.name);
      if (!m) continue;
      if (latest && m->at.utc() < latest->at.utc()) {
        out.push_back(make_diagnostic(Severity::error, "D127", w.where(def.name),
                                      {{"wave", w.wave->name}, {"second", def.name}, {"second_at", shown(*m)},
                                       {"first", std::string(latest_name)}, {"first_at", shown(*latest)}}));
        break;
      }
      latest = m;
      latest_name = def.name;
    }
  }

  // The waves in the order written: 第二波 does not open before 第一波.
  for (std::size_t i = 1; i < waves.size(); ++i) {
    auto before = waves[i - 1].key();
    auto here = waves[i].key();
    if (!before || !here || here->first != before->first) continue;
    if (here->second->at.utc() < before->second->at.utc()) {
      out.push_back(make_diagnostic(Severity::error, "D128", waves[i].where(here->first),
                                    {{"wave", waves[i].wave->name}, {"previous", waves[i - 1].wave->name},
                                     {"milestone", std::string(here->first)}, {"at", shown(*here->second)},
                                     {"previous_at", shown(*before->second)}}));
    }
  }

  // Two 尾款 windows overlap only where one of the waves says so (`overlaps: [第一波]`).
  auto declared = [](const Wave& a, const Wave& b) {
    return std::find(a.overlaps.begin(), a.overlaps.end(), b.name) != a.overlaps.end() ||
           std::find(b.overlaps.begin(), b.overlaps.end(), a.name) != b.overlaps.end();
  };
  for (std::size_t i = 0; i < waves.size(); ++i) {
    for (std::size_t j = i + 1; j < waves.size(); ++j) {
      const auto *a0 = waves[i].at(kBalanceStart), *a1 = waves[i].at(kBalanceEnd);
      const auto *b0 = waves[j].at(kBalanceStart), *b1 = waves[j].at(kBalanceEnd);
      if (!a0 || !a1 || !b0 || !b1 || declared(*waves[i].wave, *waves[j].wave)) continue;
      if (b0->at.utc() < a1->at.utc() && a0->at.utc() < b1->at.utc()) {
        out.push_back(make_diagnostic(Severity::error, "D129", waves[j].where(kBalanceStart),
                                      {{"wave", waves[j].wave->name}, {"other", waves[i].wave->name},
                                       {"from", shown(*b0)}, {"to", shown(*b1)}, {"other_from", shown(*a0)},
                                       {"other_to", shown(*a1)}}));
      }
    }
  }
  return out;
}

}  // namespace dacu
