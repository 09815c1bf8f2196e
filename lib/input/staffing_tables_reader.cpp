#include "dacu/input/staffing_tables_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "dacu/base/messages.hpp"
#include "dacu/input/options.hpp"
#include "dacu/input/reader_support.hpp"

namespace dacu::reader {

namespace {

constexpr std::array<std::string_view, 5> kTableKeys{"name", "department", "groups", "note", "source"};
constexpr std::array<std::string_view, 3> kGroupKeys{"name", "posts", "subtotal"};
constexpr std::array<std::string_view, 3> kPostKeys{"name", "heads", "written"};
constexpr std::array<std::string_view, 2> kSubtotalKeys{"name", "declared"};

// A head count: a whole number of people, 0 or more (D251).
std::int64_t read_heads(const yaml::Node& node, std::string_view what) {
  const auto& text = yaml::scalar(node, what);
  std::int64_t value = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || value < 0 || text.size() > 9) {
    throw input_error("D251", node.text_where(), {{"what", what}, {"value", text}});
  }
  return value;
}

std::string name_of(const yaml::Fields& f) { return yaml::scalar(f.require("name"), "name"); }

// D252: two posts, groups or tables with one name, pointing at the second.
template <typename Item>
void check_unique(const std::vector<Item>& items, const std::string& name, const yaml::Node& item) {
  const auto* n = item.find("name");
  for (const auto& other : items) {
    if (other.name == name) {
      throw input_error("D252", n ? n->where : item.where, {{"name", name}, {"line", other.where.line}});
    }
  }
}

TableGroup read_group(const yaml::Node& node) {
  yaml::Fields f(node, message("seeds.a-table-group"), kGroupKeys);
  TableGroup g;
  g.name = name_of(f);
  g.where = node.where;
  if (const auto* posts = f.find("posts")) {
    for (const auto& item : yaml::sequence(*posts, "posts").children) {
      yaml::Fields pf(item, message("seeds.a-table-post"), kPostKeys);
      TablePost p;
      p.name = name_of(pf);
      p.where = item.where;
      p.heads = read_heads(pf.require("heads"), "heads");
      if (const auto* w = pf.find("written")) p.written = yaml::scalar(*w, "written");
      check_unique(g.posts, p.name, item);
      g.posts.push_back(std::move(p));
    }
  }
  if (const auto* sub = f.find("subtotal")) {
    yaml::Fields sf(*sub, message("seeds.a-table-subtotal"), kSubtotalKeys);
    g.subtotal = name_of(sf);
    const auto& declared = sf.require("declared");
    g.declared = read_heads(declared, "declared");
    g.declared_where = declared.text_where();
  }
  if (g.posts.empty() && !g.declared) throw input_error("D253", node.where, {{"name", g.name}});
  return g;
}

}  // namespace

std::vector<StaffTable> parse_staffing_tables(const yaml::Node& node, const Template& t) {
  std::vector<StaffTable> out;
  for (const auto& item : yaml::sequence(node, "tables").children) {
    yaml::Fields f(item, message("seeds.a-staff-table"), kTableKeys);
    StaffTable table;
    table.name = name_of(f);
    table.where = item.where;
    table.source = read_source(f);
    if (const auto* n = f.find("note")) table.note = yaml::scalar(*n, "note");
    if (const auto* n = f.find("department")) {
      table.department = yaml::scalar(*n, "department");
      bool known = t.departments.empty() ||
                   std::any_of(t.departments.begin(), t.departments.end(), [&](const auto& d) { return d.name == table.department; });
      if (!known) {
        std::vector<std::string> names;
        for (const auto& d : t.departments) names.push_back(d.name);
        throw input_error("D218", n->where, {{"name", table.department}, {"advice", suggestion(table.department, names)}});
      }
    }
    for (const auto& g : yaml::sequence(f.require("groups"), "groups").children) {
      auto group = read_group(g);
      check_unique(table.groups, group.name, g);
      table.groups.push_back(std::move(group));
    }
    check_unique(out, table.name, item);
    out.push_back(std::move(table));
  }
  return out;
}

}  // namespace dacu::reader
