#include "dacu/compute/eligibility.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "dacu/base/utf8.hpp"
#include "dacu/model/template.hpp"

namespace dacu {

// ---------------------------------------------------------------------------------------------
// Checking the rules themselves

std::vector<Diagnostic> check_eligibility_rules(const Template& t) {
  std::vector<Diagnostic> out;
  const auto& r = t.eligibility;
  if (!r.present) return out;
  for (std::size_t i = 1; i < r.sales_bands.size(); ++i) {
    if (r.sales_bands[i].up_to <= r.sales_bands[i - 1].up_to) {
      out.push_back(make_diagnostic(Severity::error, "D401", r.sales_bands[i].where,
                                    {{"up_to", r.sales_bands[i].up_to}, {"previous", r.sales_bands[i - 1].up_to}}));
    }
  }
  if (r.dsr_min && r.dsr_max && *r.dsr_min > *r.dsr_max) {
    out.push_back(make_diagnostic(Severity::error, "D403.order", r.where, {{"min", *r.dsr_min}, {"max", *r.dsr_max}}));
  }
  for (const auto* v : {&r.dsr_min, &r.dsr_max}) {
    if (*v && (**v < Rational(0) || **v > Rational(5))) {
      out.push_back(make_diagnostic(Severity::error, "D403.range", r.where, {{"dsr", **v}}));
    }
  }
  std::vector<std::string> seen;
  for (const auto& c : r.conditions) {
    for (const auto& name : [&] {
           auto all = c.aliases;
           all.insert(all.begin(), c.name);
           return all;
         }()) {
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
        out.push_back(make_diagnostic(Severity::error, "D405", c.where, {{"name", name}}));
      }
      seen.push_back(name);
    }
  }
  auto declared = r.condition_names();
  for (const auto& cat : r.categories) {
    if (!cat.market.empty() && !r.markets.empty() &&
        std::find(r.markets.begin(), r.markets.end(), cat.market) == r.markets.end()) {
      out.push_back(make_diagnostic(Severity::error, "D404.market", cat.where,
                                    {{"category", cat.name}, {"market", cat.market}, {"advice", suggestion(cat.market, r.markets)}}));
    }
    for (const auto* list : {&cat.required, &cat.preferred}) {
      for (const auto& c : *list) {
        if (r.canonical_condition(c.name).empty()) {
          out.push_back(make_diagnostic(Severity::error, "D404.condition", c.where,
                                        {{"category", cat.name}, {"condition", c.name}, {"advice", suggestion(c.name, declared)}}));
        }
      }
    }
  }
  sort_diagnostics(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checking products

std::string format_zhe(const Rational& discount) {
  auto zhe = discount * 10;
  if ((zhe * 100).is_integer()) return zhe.to_string() + "折";
  auto hundredths = (zhe * 100).round().numerator();  // two decimals, halves away from zero
  return fmt::format("≈{}.{:02}折", hundredths / 100, hundredths % 100);
}

std::size_t CheckReport::count(Verdict verdict) const {
  return static_cast<std::size_t>(
      std::count_if(products.begin(), products.end(), [&](const ProductCheck& p) { return p.verdict == verdict; }));
}

std::string_view verdict_name(Verdict verdict, bool english) {
  switch (verdict) {
    case Verdict::eligible: return english ? "eligible" : "符合";
    case Verdict::not_preferred: return english ? "eligible, not preferred" : "符合但非优选";
    case Verdict::not_eligible: return english ? "not eligible" : "不符合";
  }
  return "?";
}

namespace {

std::string yuan(Money m) {
  auto s = m.to_string();
  if (s.ends_with(".00")) s.resize(s.size() - 3);
  return s + "元";
}

std::string band_label(const EligibilityRules& r, std::size_t i) {
  if (i == 0) return fmt::format("原价≤{}", yuan(r.sales_bands[0].up_to));
  return fmt::format("{}<原价≤{}", yuan(r.sales_bands[i - 1].up_to), yuan(r.sales_bands[i].up_to));
}

bool applies(const std::vector<std::string>& only, const Product& p) {
  if (only.empty()) return true;
  for (const auto& o : only) {
    if (o == p.subcategory || std::find(p.conditions.begin(), p.conditions.end(), o) != p.conditions.end()) return true;
  }
  return false;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += sep;
    out += i;
  }
  return out;
}

// DSR as the platform shows it: 5 -> "5.0", 4.65 -> "4.65".
std::string dsr_text(const Rational& r) { return r.is_integer() ? r.to_string() + ".0" : r.to_string(); }

std::string share_text(const Rational& r) {
  auto pct = r * 100;
  return (pct.is_integer() ? pct.to_string() : pct.round_to(1).to_string()) + "%";
}

ProductCheck check_one(const EligibilityRules& r, Product p) {  // a copy: 子类目 may be read from 类目
  using K = Finding::Kind;
  ProductCheck c{p.id, p.name, p.category, p.market, p.original_price, p.campaign_price, p.campaign_price / p.original_price,
                 Verdict::eligible, {}};
  auto add = [&](K kind, std::string rule, std::string message, std::string fix = {}) {
    c.findings.push_back({kind, std::move(rule), std::move(message), std::move(fix)});
  };

  // 销售记录 by 原价 band
  if (!r.sales_bands.empty()) {
    if (p.new_launch && r.new_launch_exempt) {
      add(K::note, "销售记录", fmt::format("新品首发，不受销售记录限制（现有 {} 个）", p.sales), "需单独申请报名");
    } else {
      std::size_t band = r.sales_bands.size();
      for (std::size_t i = 0; i < r.sales_bands.size(); ++i) {
        if (p.original_price <= r.sales_bands[i].up_to) {
          band = i;
          break;
        }
      }
      if (band == r.sales_bands.size()) {
        add(K::note, "销售记录",
            fmt::format("原价{}高于审核指标的最高档{}，种子没有给出销售记录要求", yuan(p.original_price),
                        yuan(r.sales_bands.back().up_to)),
            "向聚划算小二确认");
      } else {
        auto need = r.sales_bands[band].sales;
        auto label = band_label(r, band);
        if (p.sales >= need) {
          add(K::pass, "销售记录", fmt::format("{} 个，{} 需 {} 个", p.sales, label, need));
        } else {
          add(K::fail, "销售记录", fmt::format("{} 个，少于{} 所需的 {} 个", p.sales, label, need),
              fmt::format("再积累 {} 个销售记录{}", need - p.sales, r.new_launch_exempt ? "；新品首发可单独申请" : ""));
        }
      }
    }
  }

  // 原价销售记录: not mostly below the current price
  if (r.max_below_price_share) {
    if (p.sales == 0) {
      add(K::pass, "原价销售记录", "没有销售记录，也就没有低于现在售价的记录");
    } else if (Rational(p.sales_below_price, p.sales) <= *r.max_below_price_share) {
      add(K::pass, "原价销售记录",
          fmt::format("低于现在售价的记录 {}/{}，不超过{}", p.sales_below_price, p.sales, share_text(*r.max_below_price_share)));
    } else {
      // sales + x >= below / share  ->  x = ceil(below / share) - sales
      auto needed = (Rational(p.sales_below_price) / *r.max_below_price_share).ceil();
      auto more = needed.numerator() - p.sales;
      add(K::fail, "原价销售记录",
          fmt::format("低于现在售价的记录 {}/{}（{}），超过{}，属“大量低于现在售价”", p.sales_below_price, p.sales,
                      share_text(Rational(p.sales_below_price, p.sales)), share_text(*r.max_below_price_share)),
          fmt::format("再积累 {} 个不低于现在售价的销售记录", more));
    }
  }

  // 报名数量
  if (r.min_units) {
    if (r.units_exempt_from && p.campaign_price >= *r.units_exempt_from) {
      add(K::pass, "报名数量",
          fmt::format("团购价{}≥{}，不受{}件限制（报名 {} 件）", yuan(p.campaign_price), yuan(*r.units_exempt_from), *r.min_units, p.units));
    } else if (p.units >= *r.min_units) {
      add(K::pass, "报名数量", fmt::format("{} 件，达到{}件以上", p.units, *r.min_units));
    } else {
      std::string fix = fmt::format("报名数量增加到 {} 件", *r.min_units);
      if (r.units_exempt_from) fix += fmt::format("（团购价{}以上的单品不受此限）", yuan(*r.units_exempt_from));
      add(K::fail, "报名数量", fmt::format("{} 件，少于{}件", p.units, *r.min_units), fix);
    }
  }

  // DSR
  if (r.dsr_min || r.dsr_max) {
    auto range = fmt::format("{}-{}", dsr_text(r.dsr_min.value_or(Rational(0))), dsr_text(r.dsr_max.value_or(Rational(5))));
    bool low = r.dsr_min && p.dsr < *r.dsr_min;
    bool high = r.dsr_max && p.dsr > *r.dsr_max;
    if (!low && !high) {
      add(K::pass, "DSR", fmt::format("{}，在{}之内", dsr_text(p.dsr), range));
    } else {
      add(K::fail, "DSR", fmt::format("{}，不在{}之内", dsr_text(p.dsr), range),
          low ? fmt::format("商品动态评分提到 {} 以上再报名", dsr_text(*r.dsr_min)) : "核对评分：DSR 不会超过5");
    }
  }

  // 各类目商品优选条件
  const auto* cat = r.find_category(p.category);
  if (!cat) {
    // 女装 is short for 女装内衣, not a misspelt 男装: a category that holds the text as written
    // (or is held by it) comes before the nearest spelling; ASCII letters in any case.
    auto names = r.category_names();
    auto typed = utf8::ascii_lower(p.category);
    std::vector<std::string> folded;
    for (const auto& n : names) folded.push_back(utf8::ascii_lower(n));
    auto holds = std::find_if(folded.begin(), folded.end(), [&](const std::string& n) {
      return !typed.empty() && (n.find(typed) != std::string::npos || typed.find(n) != std::string::npos);
    });
    std::string close;
    if (holds != folded.end()) {
      close = names[static_cast<std::size_t>(holds - folded.begin())];
    } else if (auto near = closest_match(typed, folded); !near.empty()) {
      close = names[static_cast<std::size_t>(std::find(folded.begin(), folded.end(), near) - folded.begin())];
    }
    add(K::note, "类目",
        fmt::format("{}不在各类目商品优选条件表中，只按审核指标判断", p.category),
        close.empty() ? std::string() : fmt::format("类目是否应为{}？", close));
  } else if (!cat->market.empty() && cat->market != p.market) {
    add(K::note, "类目", fmt::format("{}的类目条件只对{}商品列出；本商品在{}，不适用", cat->name, cat->market, p.market));
  } else {
    // Found under another name (音像 → 书籍音像, ZIPPO → 品牌手表/Zippo/眼镜/瑞士军刀): say which row.
    // A 类目 that is itself what a rule is about (音像: only 音像 needs 商城书籍类目推荐) is that
    // 子类目 when the row gives none: the rule holds for it as for 书籍音像 + 子类目 音像.
    bool was_empty = p.subcategory.empty();
    if (was_empty && cat->name != p.category) {
      auto about = [&](const std::vector<std::string>& only) {
        for (const auto& o : only) {
          if (p.category.starts_with(o)) return o;
        }
        return std::string();
      };
      std::string sub;
      for (const auto& cc : cat->required) sub = sub.empty() ? about(cc.only) : sub;
      for (const auto& cc : cat->preferred) sub = sub.empty() ? about(cc.only) : sub;
      for (const auto& d : cat->discounts) sub = sub.empty() ? about(d.only) : sub;
      p.subcategory = sub;
    }
    if (cat->name != p.category) {
      add(K::note, "类目", p.subcategory.empty() || !was_empty ? fmt::format("按“{}”类目判断", cat->name)
                                                              : fmt::format("按“{}”类目、子类目“{}”判断", cat->name, p.subcategory));
    }
    auto has = [&](const std::string& name) {
      auto canonical = r.canonical_condition(name);
      return std::find(p.conditions.begin(), p.conditions.end(), canonical) != p.conditions.end();
    };
    auto scope = [](const CategoryCondition& cc) {
      return cc.only.empty() ? std::string() : fmt::format("（{}）", join(cc.only, "/"));
    };
    for (const auto& cc : cat->required) {
      if (!applies(cc.only, p)) continue;
      if (has(cc.name)) {
        add(K::pass, "必选条件", fmt::format("{}{}", cc.name, scope(cc)));
      } else {
        add(K::fail, "必选条件", fmt::format("缺少{}{}", cc.name, scope(cc)), fmt::format("开通或做到{}", cc.name));
      }
    }
    for (const auto& cc : cat->preferred) {
      if (!applies(cc.only, p)) continue;
      if (has(cc.name)) {
        add(K::pass, "优选条件", fmt::format("{}{}", cc.name, scope(cc)));
      } else {
        add(K::not_preferred, "优选条件", fmt::format("缺少{}{}", cc.name, scope(cc)), fmt::format("补上{}", cc.name));
      }
    }
    for (const auto& d : cat->discounts) {
      if (!applies(d.only, p)) continue;
      auto who = d.only.empty() ? std::string() : fmt::format("{}：", join(d.only, "/"));
      if (!d.at_most) {
        add(K::note, "建议价格", fmt::format("{}{}（dacu 无法核对）", who, d.note));
        continue;
      }
      auto limit = format_zhe(*d.at_most);
      if (c.discount <= *d.at_most) {
        add(K::pass, "建议价格", fmt::format("{}{}，在{}以下", who, format_zhe(c.discount), limit));
      } else {
        auto max_fen = (p.original_price.yuan() * *d.at_most * 100).floor();
        add(K::not_preferred, "建议价格", fmt::format("{}{}，高于建议的{}以下", who, format_zhe(c.discount), limit),
            fmt::format("团购价降到{}以下", yuan(Money::from_fen(max_fen.numerator()))));
      }
      if (!d.note.empty()) add(K::note, "建议价格", d.note);
    }
    if (!cat->note.empty()) add(K::note, "类目", cat->note);
  }

  for (const auto& f : c.findings) {
    if (f.kind == K::fail) c.verdict = Verdict::not_eligible;
    if (f.kind == K::not_preferred && c.verdict == Verdict::eligible) c.verdict = Verdict::not_preferred;
  }
  return c;
}

}  // namespace

std::vector<ProductCheck> check_products(const EligibilityRules& rules, const std::vector<Product>& products) {
  std::vector<ProductCheck> out;
  out.reserve(products.size());
  for (const auto& p : products) out.push_back(check_one(rules, p));
  return out;
}

}  // namespace dacu
