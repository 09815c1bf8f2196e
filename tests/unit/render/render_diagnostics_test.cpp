// Diagnostics for machines: JSON and GitHub Actions annotations.

#include "support.hpp"
#include "dacu/render/render_diagnostics.hpp"

#include <catch2/catch.hpp>

using namespace dacu;

namespace {

std::vector<Diagnostic> two() {
  auto source = make_source("活动.yaml", "dacu: 1\nname: x\n");
  return {{Severity::error, "D051", Location{source, 2, 7}, "parameter 件数 is integer but '2千' is not", "write a whole number such as 2000", {}, {}, {}, {}},
          {Severity::warning, "D104", Location{make_source("a,b:c.yaml", ""), 0, 0}, "50% off\nnext line", "", {}, {}, {}, {}}};
}

}  // namespace

TEST_CASE("validate's JSON: the contract's first members, then one object per diagnostic", "[render_diagnostics]") {
  CHECK(render_diagnostics_json({"活动.yaml", "a,b:c.yaml"}, two()) ==
      "{\n"
      "  \"dacu_version\": \"" DACU_VERSION "\",\n"
      "  \"schema_version\": \"1\",\n"
      "  \"input\": [\n"
      "    \"活动.yaml\",\n"
      "    \"a,b:c.yaml\"\n"
      "  ],\n"
      "  \"campaign\": null,\n"
      "  \"diagnostics\": [\n"
      "    {\n"
      "      \"file\": \"活动.yaml\",\n"
      "      \"line\": 2,\n"
      "      \"column\": 7,\n"
      "      \"severity\": \"error\",\n"
      "      \"code\": \"D051\",\n"
      "      \"message\": \"parameter 件数 is integer but '2千' is not\",\n"
      "      \"hint\": \"write a whole number such as 2000\",\n"
      "      \"related\": null,\n"
      "      \"input\": null\n"
      "    },\n"
      "    {\n"
      "      \"file\": \"a,b:c.yaml\",\n"
      "      \"line\": null,\n"
      "      \"column\": null,\n"
      "      \"severity\": \"warning\",\n"
      "      \"code\": \"D104\",\n"
      "      \"message\": \"50% off\\nnext line\",\n"
      "      \"hint\": null,\n"
      "      \"related\": null,\n"
      "      \"input\": null\n"
      "    }\n"
      "  ]\n"
      "}\n");
  CHECK(render_diagnostics_json({}, {}).ends_with("  \"input\": [],\n  \"campaign\": null,\n  \"diagnostics\": []\n}\n"));
}

TEST_CASE("diagnostics as GitHub annotations escape what workflow commands need", "[render_diagnostics]") {
  CHECK(render_diagnostics_github(two()) ==
      "::error file=活动.yaml,line=2,col=7,title=D051::parameter 件数 is integer but '2千' is not%0Ahint: write a whole number such as 2000\n"
      "::warning file=a%2Cb%3Ac.yaml,title=D104::50%25 off%0Anext line\n");
}

TEST_CASE("a diagnostic at a campaign's value keeps the template line and names its input", "[render_diagnostics]") {
  auto shop = make_source("shops/a.yaml", "parameters:\n  打包人效: 0\n");
  auto builtin = make_source("<builtin>/聚划算.yaml", "x\n    - {name: 打包, capacity: 打包人效}\n");
  Diagnostic d{Severity::error, "D201", Location{builtin, 2, 32}, "must be more than 0", "", {}, {}, {}, "shops/a.yaml"};
  locate_at_cause(d, Location{shop, 2, 9});
  CHECK(d.where == Location{shop, 2, 9});
  CHECK(d.related == Location{builtin, 2, 32});
  auto json = render_diagnostics_json({"shops/a.yaml"}, {d}, {false});
  CHECK_THAT(json, Catch::Contains("\"file\": \"shops/a.yaml\",\n      \"line\": 2,\n      \"column\": 9,"));
  CHECK_THAT(json, Catch::Contains("\"related\": {\n        \"file\": \"<builtin>/聚划算.yaml\",\n        \"line\": 2,\n        \"column\": 32\n      },\n"
                                   "      \"input\": \"shops/a.yaml\",\n      \"baselined\": false\n"));
  // GitHub: the primary location only.
  CHECK(render_diagnostics_github({d}) == "::error file=shops/a.yaml,line=2,col=9,title=D201::must be more than 0\n");
  // A problem located in the built-in template is annotated on the shop, the location quoted.
  Diagnostic t{Severity::warning, "D224", Location{builtin, 2, 5}, "fewer on duty", "", {}, {}, {}, "shops/a.yaml"};
  CHECK(render_diagnostics_github({t}) == "::warning file=shops/a.yaml,title=D224::<builtin>/聚划算.yaml:2:5: fewer on duty\n");
}

TEST_CASE("diagnostics as JSON and annotations are valid UTF-8 whatever the file held", "[render_diagnostics]") {
  Diagnostic d{Severity::error, "D012", Location{make_source("g\xb5\xea.yaml", ""), 1, 4}, "not \xff UTF-8", "", {}, {}, {}, "g\xb5\xea.yaml"};
  auto json = render_diagnostics_json({"g\xb5\xea.yaml"}, {d});
  CHECK_THAT(json, Catch::Contains("\"input\": [\n    \"g\\\\xb5\\\\xea.yaml\"\n  ]"));
  CHECK_THAT(json, Catch::Contains("\"file\": \"g\\\\xb5\\\\xea.yaml\""));
  CHECK_THAT(json, Catch::Contains("\"message\": \"not \\\\xff UTF-8\""));
  CHECK(render_diagnostics_github({d}) == "::error file=g\\xb5\\xea.yaml,line=1,col=4,title=D012::not \\xff UTF-8\n");
}

TEST_CASE("a GitHub annotation's hint is labelled in the language of messages", "[render_diagnostics]") {
  std::string text;
  {
    dacu::test::InChinese zh;  // English again even if rendering throws
    text = render_diagnostics_github(two());
  }
  CHECK_THAT(text, Catch::Contains("%0A提示: write a whole number such as 2000\n"));
  CHECK(message_in(Language::zh, "render.report-format", {{"format", "csv"}}) == "报告不能写成 csv");
}
