#include "dacu/render/render_check.hpp"

#include <fmt/format.h>

#include "dacu/base/error.hpp"
#include "dacu/base/table.hpp"
#include "dacu/base/visible.hpp"
#include "dacu/render/contract.hpp"
#include "dacu/render/json.hpp"

namespace dacu {

namespace {

std::string_view mark(Finding::Kind kind) {
  switch (kind) {
    case Finding::Kind::pass: return "✓";
    case Finding::Kind::fail: return "✗";
    case Finding::Kind::not_preferred: return "△";
    case Finding::Kind::note: return "·";
  }
  return "?";
}

std::string_view kind_name(Finding::Kind kind) {
  switch (kind) {
    case Finding::Kind::pass: return "pass";
    case Finding::Kind::fail: return "fail";
    case Finding::Kind::not_preferred: return "not_preferred";
    case Finding::Kind::note: return "note";
  }
  return "?";
}

std::string_view verdict_key(Verdict v) {
  switch (v) {
    case Verdict::eligible: return "eligible";
    case Verdict::not_preferred: return "not_preferred";
    case Verdict::not_eligible: return "not_eligible";
  }
  return "?";
}

struct Labels {
  std::string_view title, id, name, category, market, original, campaign, discount, verdict, reasons, fixes, products;
};
constexpr Labels kZh{"商品报名资格", "编号", "商品", "类目", "市场", "原价", "团购价", "折扣", "结论", "原因", "建议", "件商品"};
constexpr Labels kEn{"Eligibility", "id", "name", "category", "market", "original price", "campaign price", "discount",
                     "verdict", "reasons", "what to change", "products"};

std::string summary(const CheckReport& r, bool en) {
  return fmt::format("{} {}: {} {} · {} {} · {} {}", r.products.size(), en ? kEn.products : kZh.products,
                     verdict_name(Verdict::eligible, en), r.count(Verdict::eligible), verdict_name(Verdict::not_preferred, en),
                     r.count(Verdict::not_preferred), verdict_name(Verdict::not_eligible, en), r.count(Verdict::not_eligible));
}

Table overview(const CheckReport& r, bool en) {
  const auto& l = en ? kEn : kZh;
  Table t{{std::string(l.id), std::string(l.name), std::string(l.category), std::string(l.market), std::string(l.original),
           std::string(l.campaign), std::string(l.discount), std::string(l.verdict)},
          {},
          {Align::left, Align::left, Align::left, Align::left, Align::right, Align::right, Align::right}};
  for (const auto& p : r.products) {
    t.rows.push_back({p.id, p.name, p.category, p.market, number_cell(p.original_price.to_string()),
                      number_cell(p.campaign_price.to_string()), number_cell(format_zhe(p.discount)),
                      std::string(verdict_name(p.verdict, en))});
  }
  return t;
}

std::string finding_text(const Finding& f) {
  return f.fix.empty() ? f.message : fmt::format("{} → {}", f.message, f.fix);
}

std::string render_text(const CheckReport& r, bool en) {
  const auto& l = en ? kEn : kZh;
  std::string out = fmt::format("{} · {}  ({} {})\n{}\n\n", visible_text(r.campaign), l.title, visible_text(r.template_name),
                                visible_text(r.products_file), summary(r, en));
  out += render_text_table(overview(r, en));
  for (const auto& p : r.products) {
    out += fmt::format("\n{} {}（{} · {}）：{}\n", visible_text(p.id), visible_text(p.name), visible_text(p.category),
                       visible_text(p.market), verdict_name(p.verdict, en));
    Table t;
    for (const auto& f : p.findings) t.rows.push_back({std::string(mark(f.kind)), f.rule, finding_text(f)});
    out += render_text_table(t);
  }
  out += en ? "\n✓ met  ✗ not met (not eligible)  △ not preferred  · note\n"
            : "\n✓ 满足  ✗ 不满足（不符合）  △ 非优选  · 说明\n";
  return out;
}

std::string render_markdown(const CheckReport& r, bool en) {
  const auto& l = en ? kEn : kZh;
  std::string out = fmt::format("# {} · {}\n\n{}: {} · {}\n\n", md_text(r.campaign), l.title, md_text(r.template_name),
                                md_text(r.products_file), summary(r, en));
  out += render_md_table(overview(r, en));
  for (const auto& p : r.products) {
    out += fmt::format("\n## {} {}（{} · {}）：{}\n\n", md_text(p.id), md_text(p.name), md_text(p.category), md_text(p.market),
                       verdict_name(p.verdict, en));
    Table t{{"", en ? "rule" : "规则", en ? "finding" : "结果", std::string(l.fixes)}, {}, {}};
    for (const auto& f : p.findings) t.rows.push_back({std::string(mark(f.kind)), f.rule, f.message, f.fix});
    out += render_md_table(t);
  }
  return out;
}

std::string render_csv(const CheckReport& r, const RenderOptions& options) {
  bool en = options.lang == Lang::en;
  const auto& l = en ? kEn : kZh;
  Table t{{std::string(l.id), std::string(l.name), std::string(l.category), std::string(l.market), std::string(l.original),
           std::string(l.campaign), std::string(l.discount), std::string(l.verdict), std::string(l.reasons), std::string(l.fixes)},
          {},
          {}};
  for (const auto& p : r.products) {
    std::string reasons, fixes;
    for (const auto& f : p.findings) {
      if (f.kind == Finding::Kind::pass) continue;
      reasons += (reasons.empty() ? "" : "；") + fmt::format("{}{}：{}", mark(f.kind), f.rule, f.message);
      if (!f.fix.empty()) fixes += (fixes.empty() ? "" : "；") + f.fix;
    }
    t.rows.push_back({p.id, p.name, p.category, p.market, number_cell(p.original_price.to_string()),
                      number_cell(p.campaign_price.to_string()), number_cell(format_zhe(p.discount)),
                      std::string(verdict_name(p.verdict, en)), reasons, fixes});
  }
  return with_excel_bom(render_csv_table(t, options.csv_guard), options.bom);
}

std::string render_json(const CheckReport& r, const RenderOptions& options) {
  auto products = json::Value::array();
  for (const auto& p : r.products) {
    auto findings = json::Value::array();
    for (const auto& f : p.findings) {
      findings.push_back(json::Value::object(
          {{"kind", kind_name(f.kind)}, {"rule", f.rule}, {"message", f.message}, {"fix", json::maybe(f.fix)}}));
    }
    products.push_back(json::Value::object({{"id", p.id},
                                            {"name", p.name},
                                            {"category", p.category},
                                            {"market", p.market},
                                            {"original_price", p.original_price.to_string()},
                                            {"campaign_price", p.campaign_price.to_string()},
                                            {"discount", json::Value::object({{"ratio", p.discount.to_string()},
                                                                              {"zhe", format_zhe(p.discount)}})},
                                            {"verdict", verdict_key(p.verdict)},
                                            {"verdict_label", verdict_name(p.verdict, options.lang == Lang::en)},
                                            {"findings", std::move(findings)}}));
  }
  auto doc = json_header(options, r.campaign);
  doc.update(json::Value::object(
      {{"template", r.template_name}, {"products_file", r.products_file}, {"products", std::move(products)}}));
  return json::dump(doc, 2) + "\n";
}

}  // namespace

std::string render_check(const CheckReport& report, Format format, const RenderOptions& options) {
  bool en = options.lang == Lang::en;
  switch (format) {
    case Format::table: return render_text(report, en);
    case Format::md: return render_markdown(report, en);
    case Format::csv: return render_csv(report, options);
    case Format::json: return render_json(report, options);
    case Format::ics:
    case Format::html:
    case Format::xlsx: break;  // `dacu check` does not offer these
  }
  throw Error(message("render.check-format", {{"format", format_name(format)}}));
}

}  // namespace dacu
