#include "dacu/render/render_staff_tables.hpp"

#include <fmt/format.h>

#include <optional>

namespace dacu {

namespace {

struct TableLabels {
  std::string_view title, table, group, post, heads, written, sum, difference, total, declared;
};
constexpr TableLabels kZh{"人员表（照原样）", "表", "岗位组", "岗位", "人数", "原文", "各岗位之和", "相差", "合计", "（写明）"};
constexpr TableLabels kEn{"staffing tables (as given)", "table", "group", "post", "heads", "as written", "sum of posts",
                          "difference", "total", " (declared)"};
const TableLabels& labels(Lang lang) { return lang == Lang::en ? kEn : kZh; }

std::string signed_text(std::int64_t v) { return fmt::format("{:+}", v); }

// One row of the table in cells of either kind: name cells, then figures that may be absent.
struct Row {
  std::string table, group, post;
  std::optional<std::int64_t> heads;
  std::string written;
  std::optional<std::int64_t> sum, difference;
};

std::vector<Row> rows_of(const std::vector<StaffTableResult>& tables, const TableLabels& l) {
  std::vector<Row> rows;
  for (const auto& t : tables) {
    for (const auto& g : t.groups) {
      for (const auto& p : g.posts) rows.push_back({t.name, g.name, p.name, p.heads, p.written, std::nullopt, std::nullopt});
      if (g.declared) {
        rows.push_back({t.name, g.name, (g.subtotal.empty() ? g.name : g.subtotal) + std::string(l.declared), g.declared, "",
                        g.sum, g.difference});
      }
    }
    std::optional<std::int64_t> diff;
    if (t.total_declared != t.total_of_posts) diff = t.total_declared - t.total_of_posts;
    rows.push_back({t.name, std::string(l.total), "", t.total_declared, "", t.total_of_posts, diff});
  }
  return rows;
}

}  // namespace

std::string staff_tables_title(Lang lang) { return std::string(labels(lang).title); }

Table staff_tables_table(const std::vector<StaffTableResult>& tables, Lang lang) {
  const auto& l = labels(lang);
  Table out;
  out.header = {std::string(l.table), std::string(l.group), std::string(l.post), std::string(l.heads),
                std::string(l.written), std::string(l.sum), std::string(l.difference)};
  out.align = {Align::left, Align::left, Align::left, Align::right, Align::left, Align::right, Align::right};
  for (const auto& r : rows_of(tables, l)) {
    auto number = [](const std::optional<std::int64_t>& v) { return v ? number_cell(std::to_string(*v)) : TableCell(""); };
    out.rows.push_back({r.table, r.group, r.post, number(r.heads), r.written, number(r.sum),
                        r.difference ? number_cell(signed_text(*r.difference)) : TableCell("")});
  }
  return out;
}

json::Value staff_tables_json(const std::vector<StaffTableResult>& tables) {
  auto out = json::Value::array();
  for (const auto& t : tables) {
    auto groups = json::Value::array();
    for (const auto& g : t.groups) {
      auto posts = json::Value::array();
      for (const auto& p : g.posts) {
        posts.push_back(json::Value::object({{"name", p.name}, {"heads", p.heads}, {"written", json::maybe(p.written)}}));
      }
      groups.push_back(json::Value::object({{"name", g.name},
                                            {"posts", std::move(posts)},
                                            {"subtotal", json::maybe(g.subtotal)},
                                            {"declared", json::Value(g.declared)},
                                            {"sum", json::Value(g.sum)},
                                            {"difference", json::Value(g.difference)}}));
    }
    out.push_back(json::Value::object({{"name", t.name},
                                       {"department", json::maybe(t.department)},
                                       {"source", json::maybe(t.source)},
                                       {"note", json::maybe(t.note)},
                                       {"groups", std::move(groups)},
                                       {"total_declared", t.total_declared},
                                       {"total_of_posts", t.total_of_posts}}));
  }
  return out;
}

void add_staff_tables_sheet(xlsx::Workbook& book, const std::vector<StaffTableResult>& tables, Lang lang) {
  const auto& l = labels(lang);
  using XCell = xlsx::Cell;
  auto& sheet = book.add_sheet(std::string(l.title), {std::string(l.table), std::string(l.group), std::string(l.post),
                                                       std::string(l.heads), std::string(l.written), std::string(l.sum),
                                                       std::string(l.difference)});
  auto integer = [](const std::optional<std::int64_t>& v) { return XCell::maybe(v, [](std::int64_t n) { return XCell::integer_of(n); }); };
  for (const auto& r : rows_of(tables, l)) {
    sheet.rows.push_back({XCell::text_of(r.table), XCell::text_of(r.group), XCell::text_of(r.post), integer(r.heads),
                          XCell::text_of(r.written), integer(r.sum), integer(r.difference)});
  }
}

}  // namespace dacu
