// The HTML page: escaping, labels cut by characters, and the plan-vs-actual chart's band.

#include "dacu/render/html.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace dacu;
using dacu::test::day;
using dacu::test::shanghai;

namespace {

Report report_with_band(bool band) {
  Report r;
  r.plan = test::small_plan();
  r.as_of = shanghai(day(12, 20), 12, 30);
  CheckpointResult c;
  c.checkpoint = r.plan.checkpoints[0];
  c.status = CheckStatus::on_plan;
  c.plan = Rational(300);
  c.tolerance = Rational(1, 5);
  c.actual = Rational(290);
  c.actual_at = c.checkpoint.at.local;
  c.deviation = Rational(-1, 30);
  if (band) {
    c.low = Rational(240);
    c.high = Rational(360);
  }
  r.checkpoints = {c};
  return r;
}

}  // namespace

TEST_CASE("html_escape escapes markup and quotes, nothing else", "[html]") {
  CHECK(html_escape("<a href=\"x\">'開团' & 预热</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;開团&#39; &amp; 预热&lt;/a&gt;");
}

TEST_CASE("Gantt labels are cut at 16 characters, not bytes", "[html]") {
  auto plan = test::small_plan();
  plan.tasks[0].name = "一二三四五六七八九十甲乙丙丁戊己庚辛";  // 18 characters
  plan.tasks[1].name = "abcdefghijklmnop";                    // 16: kept whole
  auto page = render_plan_html(plan, Lang::zh);
  CHECK(page.find(">一二三四五六七八九十甲乙丙丁戊己…</text>") != std::string::npos);
  CHECK(page.find("<title>一二三四五六七八九十甲乙丙丁戊己庚辛 · ") != std::string::npos);  // the bar's tooltip keeps it all
  CHECK(page.find(">abcdefghijklmnop</text>") != std::string::npos);
}

TEST_CASE("the checkpoint chart draws the band compute gives, and needs one", "[html]") {
  auto page = render_report_html(report_with_band(true), Lang::zh);
  CHECK(page.find("<svg viewBox=\"0 0 720 230\" role=\"img\" aria-label=\"支付笔数\">") != std::string::npos);
  CHECK(page.find("<polygon class=\"band\" points=\"") != std::string::npos);
  CHECK(page.find(">10:15</text>") != std::string::npos);  // the checkpoint's clock time under the axis
  auto without = render_report_html(report_with_band(false), Lang::zh);
  CHECK(without.find("aria-label=\"支付笔数\"") == std::string::npos);
}
