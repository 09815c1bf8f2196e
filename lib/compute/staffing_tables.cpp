#include "dacu/compute/staffing_tables.hpp"

#include <fmt/format.h>

#include "dacu/base/messages.hpp"

namespace dacu {

namespace {

std::int64_t sum_of(const std::vector<TablePost>& posts) {
  std::int64_t n = 0;
  for (const auto& p : posts) n += p.heads;
  return n;
}

// 撕单 3（「3学生」） + 输单 2（「鲁艳华、黎瑞红」）: each post with the source's words.
std::string parts_of(const std::vector<TablePost>& posts) {
  std::string out;
  for (const auto& p : posts) {
    if (!out.empty()) out += " + ";
    out += p.written.empty() || p.written == std::to_string(p.heads)
               ? message("seeds.table-part", {{"name", p.name}, {"heads", std::to_string(p.heads)}})
               : message("seeds.table-part-written", {{"name", p.name}, {"heads", std::to_string(p.heads)}, {"written", p.written}});
  }
  return out;
}

}  // namespace

std::vector<StaffTableResult> compute_staffing_tables(const std::vector<StaffTable>& tables) {
  std::vector<StaffTableResult> out;
  for (const auto& t : tables) {
    StaffTableResult r{t.name, t.department, t.source.text, t.note, {}, 0, 0};
    for (const auto& g : t.groups) {
      TableGroupResult gr{g.name, g.posts, g.subtotal, g.declared, std::nullopt, std::nullopt};
      if (!g.posts.empty()) gr.sum = sum_of(g.posts);
      if (gr.sum && g.declared && *g.declared != *gr.sum) gr.difference = *g.declared - *gr.sum;
      r.total_declared += g.declared ? *g.declared : gr.sum.value_or(0);
      r.total_of_posts += gr.sum ? *gr.sum : g.declared.value_or(0);
      r.groups.push_back(std::move(gr));
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Diagnostic> staffing_table_warnings(const std::vector<StaffTable>& tables) {
  std::vector<Diagnostic> out;
  for (const auto& t : tables) {
    for (const auto& g : t.groups) {
      if (g.posts.empty() || !g.declared) continue;
      auto sum = sum_of(g.posts);
      if (sum == *g.declared) continue;
      out.push_back(make_diagnostic(Severity::warning, "D250", g.declared_where,
                                    {{"table", t.name}, {"subtotal", g.subtotal.empty() ? g.name : g.subtotal},
                                     {"declared", std::to_string(*g.declared)}, {"sum", std::to_string(sum)},
                                     {"parts", parts_of(g.posts)}, {"difference", fmt::format("{:+}", *g.declared - sum)}}));
    }
  }
  return out;
}

}  // namespace dacu
