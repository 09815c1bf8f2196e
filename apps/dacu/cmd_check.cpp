// dacu check: 聚划算 报名 eligibility of a product list against the template's rules.
#include <fmt/format.h>

#include "commands.hpp"
#include "dacu/render/render_check.hpp"
#include "dacu/compute/eligibility.hpp"
#include "dacu/input/product_csv.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "reads.hpp"

namespace dacu::cli {

namespace {

struct CheckOptions {
  std::string file;
  std::string products;
  OutputOptions output;
  bool bom = false;
  std::vector<std::string> template_dirs;
};

int run_check(CheckOptions& o, Context& ctx) {
  auto format = choose_format(o.output, Format::table);  // before any input is read
  allow_template_dirs(ctx.loader, o.template_dirs);
  auto campaign = load_unplanned(ctx.loader, o.file, parse_overrides(o.output));
  const auto& rules = campaign.plan.eligibility;
  if (!rules.present) {
    throw input_error("D420.no-rules", Location{campaign.source, 1, 1}, {{"template", campaign.template_name}});
  }
  auto problems = check_eligibility_rules(campaign.plan);
  if (!problems.empty()) {
    print_diagnostics(problems, ctx, warnings_of(o.output));
    return kInputError;
  }
  auto products = parse_products(read_text_file(o.products, InputKind::products), o.products, rules);
  CheckReport report{campaign.name, campaign.template_name, o.products, check_products(rules, products)};
  auto render = render_options(o.output, o.bom);
  render.input = o.file;
  auto bytes = render_check(report, format, render);
  write_output(o.output, bytes, inputs_read({o.file, o.products}, ctx.loader), ctx);
  return kSuccess;
}

}  // namespace

Command check_command() {
  return {"check", "聚划算 报名 eligibility of a product list (审核指标, 类目优选条件, 折扣)", [](CommandLine& cl) {
            auto o = std::make_shared<CheckOptions>();
            cl.positional("FILE", o->file, "campaign file (or template file) whose eligibility rules apply", true);
            cl.option("-p,--products", o->products,
                      "product list (CSV, UTF-8, BOM allowed); columns 编号,商品,类目,[子类目],市场,原价,团购价,报名数量,"
                      "销售记录,低价记录,DSR,[新品首发],[条件] (or id,name,category,subcategory,market,original_price,"
                      "campaign_price,units,sales,sales_below_price,dsr,new_launch,conditions)");
            add_output_options(cl, o->output, "check", {"table", "md", "csv", "json"});
            add_template_dir_option(cl, o->template_dirs);
            add_warnings_option(cl, o->output);
            cl.flag("--bom", o->bom, "CSV: start with a UTF-8 BOM so Excel opens it without mojibake");
            add_csv_raw_option(cl, o->output);
            cl.examples(
                "  dacu check examples/雪凡妮-双十二聚划算.yaml --products examples/聚划算-商品.csv\n"
                "  dacu check my.yaml --products products.csv --format csv --bom -o 报名资格.csv\n"
                "  dacu check templates/聚划算.yaml --products products.csv -o check.json\n");
            return [o](Context& ctx) {
              if (o->products.empty()) {
                ctx.err << usage_problem(message("usage.required", {{"name", "--products"}}), "dacu check");
                return static_cast<int>(kUsageError);
              }
              return run_check(*o, ctx);
            };
          }};
}

}  // namespace dacu::cli
