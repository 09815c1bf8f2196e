#include "dacu/compute/trace.hpp"

#include <algorithm>

#include "dacu/base/messages.hpp"

namespace dacu {

namespace {

constexpr std::string_view kSpaces[] = {" ", "\t", "\u3000"};

bool starts_with_space(std::string_view s, std::size_t& width) {
  for (auto sp : kSpaces) {
    if (s.starts_with(sp)) {
      width = sp.size();
      return true;
    }
  }
  return false;
}

std::string_view trim(std::string_view s) {
  std::size_t w = 0;
  while (!s.empty() && starts_with_space(s, w)) s.remove_prefix(w);
  while (!s.empty()) {
    bool cut = false;
    for (auto sp : kSpaces) {
      if (s.ends_with(sp)) {
        s.remove_suffix(sp.size());
        cut = true;
        break;
      }
    }
    if (!cut) break;
  }
  return s;
}

// The next token: up to a space, or a whole 「quote」.
std::size_t token_end(std::string_view s) {
  std::size_t i = 0, w = 0;
  while (i < s.size() && !starts_with_space(s.substr(i), w) && !s.substr(i).starts_with("「")) ++i;
  return i;
}

std::optional<SourcePart> parse_part(std::string_view text, std::string& problem) {
  text = trim(text);
  SourcePart p;
  for (std::string_view word : {"assumption", "假设"}) {
    if (!text.starts_with(word)) continue;
    auto rest = trim(text.substr(word.size()));
    for (std::string_view dash : {"——", "—", "--", "-", "：", ":"}) {
      if (rest.starts_with(dash)) {
        rest = trim(rest.substr(dash.size()));
        break;
      }
    }
    if (rest.empty()) {
      problem = message("trace.problem.reason");
      return std::nullopt;
    }
    p.assumption = true;
    p.reason = std::string(rest);
    return p;
  }
  auto mark = text.find("§");
  if (mark == std::string_view::npos) {
    problem = message("trace.problem.no-section");
    return std::nullopt;
  }
  auto seed = trim(text.substr(0, mark));
  std::size_t w = 0;
  if (seed.empty() || token_end(seed) != seed.size()) {
    problem = message("trace.problem.seed");
    return std::nullopt;
  }
  p.seed = std::string(seed);
  auto rest = text.substr(mark + std::string_view("§").size());
  auto end = token_end(rest);
  p.section = std::string(rest.substr(0, end));
  if (p.section.empty()) {
    problem = message("trace.problem.no-section");
    return std::nullopt;
  }
  rest = rest.substr(end);
  while (true) {
    while (!rest.empty() && starts_with_space(rest, w)) rest.remove_prefix(w);
    if (rest.empty()) break;
    if (rest.starts_with("「")) {
      auto close = rest.find("」");
      auto quote = close == std::string_view::npos ? std::string_view{} : rest.substr(3, close - 3);
      if (close == std::string_view::npos || quote.empty() || !trim(rest.substr(close + 3)).empty() || !p.quote.empty()) {
        problem = message("trace.problem.quote");
        return std::nullopt;
      }
      p.quote = std::string(quote);
      break;
    }
    auto n = token_end(rest);
    auto token = rest.substr(0, n);
    rest = rest.substr(n);
    if (token.starts_with("表") && token.size() > 3 && p.table.empty() && p.rows.empty()) {
      p.table = std::string(token.substr(3));
    } else if (token.starts_with("行") && token.size() > 3 && p.rows.empty()) {
      auto rows = token.substr(3);
      bool digits = !rows.empty() && rows.front() >= '0' && rows.front() <= '9';
      for (std::size_t i = 0; digits && i < rows.size();) {
        char ch = rows[i];
        if ((ch >= '0' && ch <= '9') || ch == '-' || ch == ',') {
          ++i;
        } else if (rows.substr(i).starts_with("、")) {
          i += 3;
        } else {
          digits = false;
        }
      }
      if (!digits) {
        problem = message("trace.problem.rows", {{"token", token}});
        return std::nullopt;
      }
      p.rows = std::string(rows);
    } else {
      problem = message("trace.problem.token", {{"token", token}});
      return std::nullopt;
    }
  }
  return p;
}

void add(std::vector<TraceItem>& out, std::string_view section, const std::string& name, const SourceRef& s, const Location& where) {
  out.push_back(TraceItem{std::string(section), name, s.text, s.where, where});
}

}  // namespace

std::optional<std::vector<SourcePart>> parse_source(std::string_view text, std::string& problem) {
  std::vector<SourcePart> parts;
  while (true) {
    // An assumption comes last: its reason runs to the end, ； and all.
    auto head = trim(text);
    bool assumption = head.starts_with("assumption") || head.starts_with("假设");
    auto semi = assumption ? std::string_view::npos : text.find("；");
    auto part = parse_part(text.substr(0, semi), problem);
    if (!part) return std::nullopt;
    parts.push_back(std::move(*part));
    if (semi == std::string_view::npos) break;
    text = text.substr(semi + std::string_view("；").size());
  }
  return parts;
}

std::vector<TraceItem> trace_items(const Template& t) {
  std::vector<TraceItem> out;
  for (const auto& m : t.milestones) add(out, "milestones", m.name, m.source, m.where);
  for (const auto& p : t.parameters) add(out, "parameters", p.name, p.source, p.where);
  for (const auto& task : t.tasks) add(out, "tasks", task.name, task.source, task.where);
  for (const auto& c : t.checkpoints) add(out, "checkpoints", c.name, c.source, c.where);
  for (const auto& [key, source] : t.rules.written) add(out, "rules", key.value, source, key.where);
  for (const auto& l : t.limits) add(out, "limits", l.name, SourceRef{l.source, l.source_where}, l.where);
  if (t.eligibility.present) {
    add(out, "eligibility", "eligibility", SourceRef{t.eligibility.source, t.eligibility.source_where}, t.eligibility.where);
    for (const auto& c : t.eligibility.categories) {
      add(out, "eligibility/categories", c.name, SourceRef{c.source, c.source_where}, c.where);
    }
  }
  if (t.revenue.kind != RevenueModel::Kind::none) add(out, "revenue", "revenue", t.revenue.source, t.revenue.where);
  if (t.budget.declared_total) add(out, "budget/declared_total", "declared_total", t.budget.declared_source, t.budget.declared_where);
  for (const auto& l : t.budget.lines) add(out, "budget/lines", l.name, l.source, l.where);
  for (const auto& s : t.scenarios) add(out, "scenarios", s.name, s.source, s.where);
  if (t.staffing) {
    const auto& s = *t.staffing;
    if (!s.posts.empty()) add(out, "staffing/orders", "orders", s.orders_source, s.where);
    for (const auto& p : s.posts) add(out, "staffing/posts", p.name, p.source, p.where);
    for (const auto& c : s.calling) add(out, "staffing/calling", c.name, c.source, c.where);
    for (const auto& r : s.rotas) add(out, "staffing/rotas", r.name, r.source, r.where);
    for (const auto& q : s.queues) add(out, "staffing/queues", q.name, q.source, q.where);
    for (const auto& c : s.curves) add(out, "staffing/curves", c.name, c.source, c.where);
    for (const auto& table : s.tables) add(out, "staffing/tables", table.name, table.source, table.where);
  }
  return out;
}

std::vector<Diagnostic> check_trace(const Template& t) {
  std::vector<Diagnostic> out;
  if (t.seeds.empty()) return out;
  std::vector<std::string> seeds;
  for (const auto& s : t.seeds) seeds.push_back(s.first.value);
  for (const auto& item : trace_items(t)) {
    if (item.source.empty()) {
      out.push_back(make_diagnostic(Severity::warning, "D107", item.where, {{"section", item.section}, {"name", item.name}}));
      continue;
    }
    std::string problem;
    auto parts = parse_source(item.source, problem);
    if (!parts) {
      out.push_back(make_diagnostic(Severity::warning, "D108", item.source_where,
                                    {{"section", item.section}, {"name", item.name}, {"value", item.source}, {"problem", problem}}));
      continue;
    }
    for (const auto& p : *parts) {
      if (p.assumption || std::find(seeds.begin(), seeds.end(), p.seed) != seeds.end()) continue;
      out.push_back(make_diagnostic(Severity::warning, "D109", item.source_where,
                                    {{"name", item.name}, {"seed", p.seed}, {"advice", suggestion(p.seed, seeds)}}));
    }
  }
  return out;
}

}  // namespace dacu
