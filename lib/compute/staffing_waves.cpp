#include "dacu/compute/staffing_waves.hpp"

#include "dacu/model/template.hpp"

namespace dacu {

namespace {

// The offset on the wave's own milestone when the plan has one (`尾款开始当天` in 第一波 is
// `第一波 · 尾款开始` 当天); a milestone the waves do not repeat (开售, 结束) stays as written.
Offset in_wave(Offset o, const std::string& wave, const Plan& plan) {
  auto name = wave_element_name(wave, o.anchor);
  for (const auto& m : plan.milestones) {
    if (m.name == name) {
      o.anchor = name;
      break;
    }
  }
  return o;
}

template <typename Model, typename Redate>
std::vector<std::pair<Model, Values>> by_wave(const std::vector<Model>& models, const Template& t, const Values& values,
                                              Redate redate) {
  std::vector<std::pair<Model, Values>> out;
  for (const auto& m : models) {
    if (!m.each_wave || !t.waves.present()) {
      out.emplace_back(m, values);
      continue;
    }
    for (const auto& w : t.waves.waves) {
      Model copy = m;
      copy.name = wave_element_name(w.name, m.name);
      redate(copy, w.name);
      out.emplace_back(std::move(copy), values.in_wave(w));
    }
  }
  return out;
}

}  // namespace

std::vector<std::pair<RatioPost, Values>> posts_by_wave(const Staffing& s, const Template& t, const Plan& plan,
                                                        const Values& values) {
  return by_wave(s.posts, t, values, [&](RatioPost& p, const std::string& wave) {
    p.start = in_wave(p.start, wave, plan);
    if (p.end) p.end = in_wave(*p.end, wave, plan);
  });
}

std::vector<std::pair<Queue, Values>> queues_by_wave(const Staffing& s, const Template& t, const Plan& plan,
                                                     const Values& values) {
  return by_wave(s.queues, t, values, [&](Queue& q, const std::string& wave) { q.day = in_wave(q.day, wave, plan); });
}

}  // namespace dacu
