#include "dacu/input/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "dacu/input/budget_reader.hpp"
#include "dacu/input/calendar_file.hpp"
#include "dacu/input/eligibility_reader.hpp"
#include "dacu/input/embedded.hpp"
#include "dacu/input/template_files.hpp"
#include "dacu/input/template_reader.hpp"
#include "dacu/input/waves_reader.hpp"
#include "dacu/input/yaml.hpp"

namespace dacu {

namespace fs = std::filesystem;
using namespace reader;  // the section readers this loader drives


Calendar resolve_calendar(const CalendarSpec& spec) {
  const Calendar* base = builtin_calendar(spec.base.value);
  if (!base) {
    throw input_error("D022.calendar", spec.base.where,
                      {{"name", spec.base.value}, {"advice", suggestion(spec.base.value, builtin_calendar_names())}});
  }
  Calendar calendar = *base;
  for (const auto& [day, where] : spec.days_off) calendar.add_holiday(day, "休息日");
  for (const auto& [day, where] : spec.workdays) calendar.add_workday(day);
  return calendar;
}

Template parse_template(std::string_view yaml_text, std::string_view source_name) {
  auto doc = yaml::parse(std::string(yaml_text), source_name);
  Problems problems(nullptr);
  return read_template(doc, problems);
}

std::vector<std::string> builtin_template_names() {
  std::vector<std::string> names;
  for (const auto& file : builtin_files()) {
    if (file.text.find("\nkind: template") == std::string_view::npos) continue;
    auto name = file.name;
    if (name.size() > 5 && name.substr(name.size() - 5) == ".yaml") name.remove_suffix(5);
    names.emplace_back(name);
  }
  return names;
}

std::string_view builtin_template_text(std::string_view name) {
  for (const auto& file : builtin_files()) {
    if (file.name.size() == name.size() + 5 && file.name.substr(0, name.size()) == name &&
        file.text.find("\nkind: template") != std::string_view::npos) {
      return file.text;
    }
  }
  return {};
}

std::shared_ptr<const Template> Loader::builtin(std::string_view name) {
  auto key = fmt::format("builtin:{}", name);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  auto text = builtin_template_text(name);
  if (text.empty()) return nullptr;
  auto t = std::make_shared<const Template>(parse_template(text, fmt::format("<builtin>/{}.yaml", name)));
  cache_.emplace(key, t);
  return t;
}

Loader::Loader() {
  static DiskSources disk;  // stateless: one for every loader, thread-safe
  sources_ = &disk;
}

std::shared_ptr<const Template> Loader::template_file(const fs::path& base_dir, const std::string& written,
                                                      const Location& where) {
  // The path comes from a file that may not be the user's (CI checks pull requests): it may lead
  // only where the user keeps templates, links resolved, before anything is read.
  auto path = (base_dir / written).lexically_normal();
  auto real = sources_->identity(path);
  bool allowed = path_inside(sources_->identity(base_dir.empty() ? fs::path(".") : base_dir), real);
  for (const auto& dir : template_dirs_) allowed = allowed || path_inside(sources_->identity(dir), real);
  if (!allowed) {
    // A relative path names a folder the user keeps templates in (../模板/): name it, as the
    // command line spells it. An absolute one may be anything; no folder is suggested for it.
    auto folder = path.parent_path();
    auto allow = path.is_relative() && !folder.empty() ? fmt::format("--template-dir {}", folder.string())
                                                       : std::string("--template-dir DIR");
    if (template_dirs_.empty()) throw input_error("D080.outside", where, {{"file", written}, {"allow", allow}});
    throw input_error("D080.outside-dirs", where, {{"file", written}, {"allow", allow}});
  }
  files_read_.push_back(path.string());
  auto key = fmt::format("file:{}", real);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  std::string text;
  try {
    text = sources_->read_regular(path);
  } catch (const InputError& e) {
    const auto& d = e.diagnostic();
    // A special file (D081) keeps its code and its hint; any other problem is a missing template.
    auto special = make_diagnostic(Severity::error, "D081.special", {}, {{"what", ""}}).code;
    if (d.code == special) throw input_error("D081.template", where, {{"file", path.string()}, {"detail", d.message}, {"advice", d.hint}});
    throw input_error("D040.template-file", where, {{"file", path.string()}, {"detail", d.message}});
  }
  // Only a file that says it is a template is parsed, so only a template's lines are ever quoted.
  auto kind = sniff_file_kind(text);
  if (kind == FileKind::campaign) {
    throw input_error("D083", where, {{"campaign", where.file_name()}, {"file", path.string()}});
  }
  if (kind != FileKind::template_file) {
    throw input_error("D082.file", where, {{"file", path.string()}, {"reason", not_a_template(kind)}});
  }
  auto t = std::make_shared<const Template>(parse_template(text, path.string()));
  cache_.emplace(key, t);
  return t;
}

Template Loader::template_in_folder(const fs::path& path, const fs::path& folder) {
  Location label{make_source(path.string(), {}), 0, 0};
  if (!path_inside(sources_->identity(folder.empty() ? fs::path(".") : folder), sources_->identity(path))) {
    throw input_error("D080.template-folder", label, {{"folder", folder.string()}});
  }
  auto text = sources_->read_regular(path);
  auto kind = sniff_file_kind(text);
  if (kind != FileKind::template_file) {
    throw input_error("D082.folder", label, {{"reason", not_a_template(kind)}});
  }
  return parse_template(text, path.string());
}

namespace {

/// `shop:` and `owners:` (docs/format.md, "Who is booked"): a role `owners:` maps must be an owner
/// of one of the campaign's tasks or checkpoints (D486, with the closest), so that a typo does not
/// silently leave the role unmapped.
void read_shop_owners(const yaml::Fields& top, Campaign& campaign) {
  // An empty name ("") would make a shop or a person of nobody: refused, as an unquoted empty is.
  auto name = [](const yaml::Node& node, const std::string& key) {
    const auto& text = yaml::scalar(node, key);
    if (text.find_first_not_of(" \t") == std::string::npos) throw input_error("D486.empty", node.where, {{"key", key}});
    return text;
  };
  if (const auto* shop = top.find("shop")) campaign.shop = name(*shop, "shop");
  const auto* owners = top.find("owners");
  if (!owners) return;
  yaml::mapping(*owners, "owners");
  std::vector<std::string> roles;
  for (const auto& task : campaign.plan.tasks) roles.push_back(task.owner.value);
  for (const auto& checkpoint : campaign.plan.checkpoints) roles.push_back(checkpoint.owner.value);
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  for (std::size_t i = 0; i < owners->map_size(); ++i) {
    const auto& role = owners->key(i);
    auto person = name(owners->val(i), "owners: " + role.value);
    if (!std::binary_search(roles.begin(), roles.end(), role.value)) {
      throw input_error("D486", role.where, {{"role", role.value}, {"advice", suggestion(role.value, roles)}});
    }
    campaign.owners.emplace_back(role.value, person);
  }
}

}  // namespace

Campaign Loader::parse(std::string_view yaml_text, std::string_view source_name, const fs::path& base_dir,
                       std::span<const Override> overrides, std::vector<Diagnostic>* collect) {
  files_read_.clear();
  Problems problems(collect);
  auto doc = yaml::parse(std::string(yaml_text), source_name);
  Campaign campaign;
  campaign.source = doc.source;
  campaign.milestones_where = Location{doc.source, 1, 1};
  campaign.template_where = Location{doc.source, 1, 1};
  const auto* kind = doc.root.is_mapping() ? doc.root.find("kind") : nullptr;
  if (kind && kind->is_scalar() && kind->value == "template") {
    if (const auto* name = doc.root.find("name")) campaign.template_where = name->where;
    campaign.plan = read_template(doc, problems);
    expand_wave_elements(campaign.plan, problems);
    campaign.name = campaign.plan.title.empty() ? campaign.plan.name : campaign.plan.title;
    campaign.template_name = campaign.plan.name;
    apply_overrides(campaign, overrides);
    return campaign;
  }
  yaml::Fields top(doc.root, message("loader.the-campaign"), campaign_keys());
  check_header(top, "");
  if (yaml::scalar(*kind, "kind") != "campaign") {
    throw input_error("D006.campaign", kind->where, {{"kind", kind->value}});
  }
  const auto& extends = top.require("extends");
  const auto& base = yaml::scalar(extends, "extends");
  std::shared_ptr<const Template> parent;
  bool is_path = base.find('/') != std::string::npos || base.ends_with(".yaml") || base.ends_with(".yml");
  if (is_path) {
    parent = template_file(base_dir, base, extends.where);
  } else {
    parent = builtin(base);
    if (!parent) {
      throw input_error("D040.builtin", extends.where, {{"name", base}, {"advice", suggestion(base, builtin_template_names())}});
    }
  }
  campaign.plan = *parent;
  campaign.template_name = parent->name;
  campaign.template_where = extends.where;
  campaign.name = yaml::scalar(top.require("name"), "name");
  auto& t = campaign.plan;
  if (const auto* zone = top.find("timezone")) {
    t.timezone = located(*zone, "timezone");
    check_timezone(t.timezone);
  }
  if (const auto* cal = top.find("calendar")) {
    CalendarSpec spec = t.calendar;
    if (cal->is_scalar()) spec.days_off.clear(), spec.workdays.clear();
    t.calendar = read_calendar_spec(*cal, spec);
    t.resolved_calendar = resolve_calendar(t.calendar);
  }
  // Waves first: the campaign's milestones, tasks and --set may name a wave's milestones.
  if (const auto* waves = top.find("waves")) problems.attempt([&] { read_campaign_waves(*waves, t, problems); });
  if (const auto* ms = top.find("milestones")) {
    yaml::mapping(*ms, "milestones");
    campaign.milestones_where = ms->where;
    for (std::size_t i = 0; i < ms->map_size(); ++i) problems.attempt([&] {
      const auto& value = ms->val(i);
      set_milestone(t, ms->key(i).value, yaml::scalar(value, ms->key(i).value), ms->key(i).where, value.where);
    });
  }
  if (const auto* ps = top.find("parameters")) {
    yaml::mapping(*ps, "parameters");
    for (std::size_t i = 0; i < ps->map_size(); ++i) problems.attempt([&] {
      const auto& value = ps->val(i);
      set_parameter(t, ps->key(i).value, yaml::scalar(value, ps->key(i).value), ps->key(i).where, value.where);
    });
  }
  if (const auto* tasks = top.find("tasks")) apply_campaign_tasks(*tasks, t, problems);
  if (const auto* cps = top.find("checkpoints")) problems.attempt([&] { apply_campaign_checkpoints(*cps, t, problems); });
  expand_wave_elements(t, problems);
  apply_campaign_money(doc.root, t, problems);
  if (const auto* rules = top.find("rules")) problems.attempt([&] { read_rules(*rules, t.rules); });
  if (const auto* e = top.find("eligibility")) problems.attempt([&] { t.eligibility = read_eligibility(*e, t.eligibility); });
  check_references(t, problems);
  problems.attempt([&] { read_shop_owners(top, campaign); });
  apply_overrides(campaign, overrides);
  return campaign;
}

Campaign Loader::load_file(const fs::path& path, std::span<const Override> overrides) {
  auto text = sources_->read(path);
  auto campaign = parse(text, path.string(), path.parent_path(), overrides);
  files_read_.insert(files_read_.begin(), path.string());
  return campaign;
}

void apply_overrides(Campaign& campaign, std::span<const Override> overrides) {
  for (const auto& o : overrides) {
    // Locate problems inside the `KEY=VALUE` text, as if it were a one-line file.
    auto source = make_source("<command line>", fmt::format("{}={}", o.key, o.value));
    Location key_where{source, 1, 1};
    Location value_where = key_where.advanced(source->text, o.key.size() + 1);
    auto& t = campaign.plan;
    if (t.find_milestone(o.key)) {
      set_milestone(t, o.key, o.value, key_where, value_where);
    } else if (t.find_parameter(o.key)) {
      set_parameter(t, o.key, o.value, key_where, value_where);
    } else {
      auto names = t.milestone_names();
      auto params = t.parameter_names();
      names.insert(names.end(), params.begin(), params.end());
      throw input_error("D050.set", key_where, {{"key", o.key}, {"advice", suggestion(o.key, names)}});
    }
  }
}

}  // namespace dacu
