#include "dacu/input/waves_reader.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "dacu/input/reader_support.hpp"
#include "dacu/input/template_reader.hpp"

namespace dacu::reader {

namespace {

constexpr std::array<std::string_view, 3> kWavesKeys{"milestones", "parameters", "default"};
// A per-wave milestone takes no `default:`: each wave gives its own date (or derives it).
constexpr std::array<std::string_view, 5> kWaveMilestoneKeys{"at", "description", "time", "aliases", "source"};
constexpr std::array<std::string_view, 8> kWaveParameterKeys{"type", "default", "unit", "description", "min", "max",
                                                             "source", "total"};

const Milestone* wave_milestone(const Template& t, std::string_view name) {
  for (const auto& m : t.wave_milestones) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

bool is_wave_parameter(const Template& t, std::string_view name) {
  return std::find(t.waves.parameter_names.begin(), t.waves.parameter_names.end(), name) != t.waves.parameter_names.end();
}

// One entry of a `waves:` list: `name`, `overlaps` and the per-wave milestones and parameters
// the template declares (D120 for any other key).
Wave read_wave(const yaml::Node& item, const Template& t) {
  yaml::mapping(item, message("waves.a-wave"));
  Wave w;
  w.where = item.where;
  for (std::size_t i = 0; i < item.map_size(); ++i) {
    const auto& key = item.key(i);
    const auto& value = item.val(i);
    if (key.value == "name") {
      w.name = yaml::scalar(value, "name");
      w.where = value.where;
    } else if (key.value == "overlaps") {
      for (const auto* n : yaml::scalar_or_list(value, "overlaps")) w.overlaps.push_back(n->value);
    } else if (const auto* def = wave_milestone(t, key.value)) {
      Milestone m = *def;
      give_milestone(m, yaml::scalar(value, key.value), value.where);
      w.given.emplace_back(key.value, *m.given);
      w.given_where.push_back(value.where);
    } else if (is_wave_parameter(t, key.value)) {
      const auto& text = yaml::scalar(value, key.value);
      if (auto number = read_parameter_value(*t.find_parameter(key.value), text, value.where)) {
        w.values.insert_or_assign(key.value, *number);
        w.values_where.insert_or_assign(key.value, value.where);
      }
    } else {
      std::vector<std::string> names{"name", "overlaps"};
      for (const auto& m : t.wave_milestones) names.push_back(m.name);
      names.insert(names.end(), t.waves.parameter_names.begin(), t.waves.parameter_names.end());
      throw input_error("D120", key.where, {{"key", key.value}, {"advice", suggestion(key.value, names)}});
    }
  }
  if (w.name.empty()) throw input_error("D120.name", item.where, {});
  return w;
}

std::vector<Wave> read_wave_list(const yaml::Node& node, const Template& t, Problems& problems) {
  std::vector<Wave> waves;
  if (yaml::sequence(node, "waves").children.empty()) throw input_error("D125.empty", node.where, {});
  for (const auto& item : node.children) problems.attempt([&] {
    auto w = read_wave(item, t);
    for (const auto& other : waves) {
      if (other.name == w.name) {
        throw input_error("D121", w.where, {{"name", w.name}, {"first", first_place(other.where, w.where)}});
      }
    }
    waves.push_back(std::move(w));
  });
  std::vector<std::string> names;
  for (const auto& w : waves) names.push_back(w.name);
  for (std::size_t i = 0; i < waves.size(); ++i) {
    // (A wave that did not read is not in `waves`: then the list's nodes no longer match.)
    const auto* overlaps = waves.size() == node.children.size() ? node.children[i].find("overlaps") : nullptr;
    for (std::size_t k = 0; k < waves[i].overlaps.size(); ++k) {
      const auto& name = waves[i].overlaps[k];
      if (std::find(names.begin(), names.end(), name) != names.end() && name != waves[i].name) continue;
      const auto* at = overlaps && overlaps->is_sequence() && k < overlaps->children.size() ? &overlaps->children[k] : overlaps;
      problems.report(make_diagnostic(Severity::error, "D131", at ? at->where : waves[i].where,
                                      {{"name", name}, {"advice", suggestion(name, names)}}));
    }
  }
  return waves;
}

void bind_to_wave(Offset& o, std::string_view wave, const Template& t) {
  if (wave_milestone(t, o.anchor)) o.anchor = wave_element_name(wave, o.anchor);
}

template <class Item, class BindOffsets>
void expand_items(std::vector<Item>& items, const Template& t, BindOffsets bind_offsets) {
  if (std::none_of(items.begin(), items.end(), [](const Item& i) { return i.each_wave; })) return;
  std::vector<Item> out;
  out.reserve(items.size() + items.size() * t.waves.waves.size());
  for (auto& item : items) {
    if (!item.each_wave) {
      out.push_back(std::move(item));
      continue;
    }
    for (const auto& w : t.waves.waves) {
      Item copy = item;
      copy.each_wave = false;
      copy.wave = w.name;
      copy.name = wave_element_name(w.name, item.name);
      bind_offsets(copy, w.name);
      out.push_back(std::move(copy));
    }
  }
  items = std::move(out);
}

}  // namespace

void read_template_waves(const yaml::Node& node, Template& t, Problems& problems) {
  yaml::Fields f(node, "waves", kWavesKeys);
  t.waves.where = node.where;
  if (const auto* ms = f.find("milestones")) {
    yaml::mapping(*ms, "waves: milestones");
    std::vector<const yaml::Node*> bodies;  // parallel to t.wave_milestones
    for (std::size_t i = 0; i < ms->map_size(); ++i) {
      Milestone m;
      m.name = ms->key(i).value;
      m.where = ms->key(i).where;
      problems.attempt([&] { check_milestone_name(m.name, m.where); });
      if (t.find_milestone(m.name)) {
        problems.report(make_diagnostic(Severity::error, "D122.milestone", m.where, {{"name", m.name}}));
        continue;
      }
      t.wave_milestones.push_back(std::move(m));
      t.waves.milestone_names.push_back(ms->key(i).value);
      bodies.push_back(&ms->val(i));
    }
    // A per-wave milestone's `at:` names another of its wave (unqualified) or an ordinary one.
    auto names = offset_names(t, true);
    for (std::size_t i = 0; i < bodies.size(); ++i) problems.attempt([&] {
      read_milestone_body(*bodies[i], t.wave_milestones[i], names, kWaveMilestoneKeys);
    });
  }
  if (const auto* ps = f.find("parameters")) {
    yaml::mapping(*ps, "waves: parameters");
    for (std::size_t i = 0; i < ps->map_size(); ++i) problems.attempt([&] {
      Parameter p;
      p.name = ps->key(i).value;
      p.where = ps->key(i).where;
      if (t.find_parameter(p.name)) throw input_error("D122.parameter", p.where, {{"name", p.name}});
      yaml::Fields pf(ps->val(i), message("reader.parameter", {{"name", p.name}}), kWaveParameterKeys);
      read_parameter_fields(pf, p);
      if (const auto* total = pf.find("total")) {
        const auto& text = yaml::scalar(*total, "total");
        if (auto number = read_parameter_value(p, text, total->where)) {
          t.waves.totals.insert_or_assign(p.name, *number);
          t.waves.totals_where.insert_or_assign(p.name, total->where);
        }
      }
      t.waves.parameter_names.push_back(p.name);
      t.parameters.push_back(std::move(p));
    });
  }
  if (const auto* list = f.find("default")) problems.attempt([&] { t.waves.waves = read_wave_list(*list, t, problems); });
  expand_wave_milestones(t);
}

void read_campaign_waves(const yaml::Node& node, Template& t, Problems& problems) {
  if (t.wave_milestones.empty() && t.waves.parameter_names.empty()) {
    throw input_error("D125.no-waves", node.where, {});
  }
  t.waves.waves = read_wave_list(node, t, problems);
  t.waves.where = node.where;
  expand_wave_milestones(t);
}

std::vector<std::string> offset_names(const Template& t, bool each) {
  auto names = t.milestone_names();
  if (each) names.insert(names.end(), t.waves.milestone_names.begin(), t.waves.milestone_names.end());
  return names;
}

bool read_wave_marker(const yaml::Fields& fields) {
  const auto* n = fields.find("wave");
  if (!n) return false;
  if (yaml::scalar(*n, "wave") != "each") throw input_error("D123", n->where, {{"value", n->value}});
  return true;
}

void expand_wave_milestones(Template& t) {
  std::erase_if(t.milestones, [](const Milestone& m) { return !m.wave.empty(); });
  for (const auto& w : t.waves.waves) {
    for (const auto& def : t.wave_milestones) {
      Milestone m = def;
      m.name = wave_element_name(w.name, def.name);
      m.wave = w.name;
      if (m.derived) bind_to_wave(*m.derived, w.name, t);
      for (std::size_t i = 0; i < w.given.size(); ++i) {
        if (w.given[i].first != def.name) continue;
        m.given = w.given[i].second;
        m.given_where = w.given_where[i];
      }
      t.milestones.push_back(std::move(m));
    }
  }
}

void expand_wave_elements(Template& t, Problems& problems) {
  expand_items(t.tasks, t, [&](Task& task, std::string_view wave) {
    bind_to_wave(task.start, wave, t);
    if (task.end) bind_to_wave(*task.end, wave, t);
    if (task.repeat) bind_to_wave(task.repeat->until, wave, t);
  });
  expand_items(t.checkpoints, t, [&](Checkpoint& c, std::string_view wave) {
    bind_to_wave(c.at, wave, t);
    if (c.repeat) bind_to_wave(c.repeat->until, wave, t);
  });
  // A name written by hand may equal an expanded one (a campaign adding 第一波 · 尾款催付): two
  // tasks (D042) or checkpoints (D048) of one name would share a calendar UID and a status row.
  std::unordered_map<std::string, Location> seen;
  for (const auto& task : t.tasks) {
    auto [it, fresh] = seen.emplace(task.name, task.where);
    if (!fresh) problems.report(make_diagnostic(Severity::error, "D042", task.where, {{"name", task.name}, {"first", first_place(it->second, task.where)}}));
  }
  seen.clear();
  for (const auto& c : t.checkpoints) {
    auto [it, fresh] = seen.emplace(c.name, c.where);
    if (!fresh) problems.report(make_diagnostic(Severity::error, "D048", c.where, {{"name", c.name}, {"first", first_place(it->second, c.where)}}));
  }
  // An element of the template may name a wave's milestone (第一波 · 尾款开始) that the campaign's
  // waves no longer have.
  auto names = t.milestone_names();
  auto check = [&](const Offset& o) {
    if (o.anchor.empty() || t.find_milestone(o.anchor)) return;
    problems.report(make_diagnostic(Severity::error, "D124", o.where, {{"name", o.anchor}, {"advice", suggestion(o.anchor, names)}}));
  };
  for (const auto& task : t.tasks) {
    check(task.start);
    if (task.end) check(*task.end);
    if (task.repeat) check(task.repeat->until);
  }
  for (const auto& c : t.checkpoints) {
    check(c.at);
    if (c.repeat) check(c.repeat->until);
  }
  for (const auto& m : t.milestones) {
    if (m.derived && !m.given) check(*m.derived);  // a date given replaces the rule
  }
  for (const auto& p : t.phase_starts) {
    if (p) check(*p);
  }
  // `total:` of a per-wave parameter: the waves' values (a wave without one takes the campaign's)
  // add up to it; 件数占比 splits the units between the waves, so 100%.
  for (const auto& [name, total] : t.waves.totals) {
    if (t.waves.waves.empty()) continue;
    const auto* p = t.find_parameter(name);
    Rational sum(0);
    std::vector<std::string> parts;
    for (const auto& w : t.waves.waves) {
      auto it = w.values.find(name);
      auto value = it != w.values.end() ? it->second : p && p->number ? *p->number : Rational(0);
      sum = sum + value;
    }
    if (sum == total) continue;
    auto shown = [&](const Rational& r) {
      return p && p->type == ParameterType::percent ? percent_text(r) : r.to_string();
    };
    problems.report(make_diagnostic(Severity::error, "D130", t.waves.where,
                                    {{"name", name}, {"sum", shown(sum)}, {"total", shown(total)}}));
  }
}

}  // namespace dacu::reader
