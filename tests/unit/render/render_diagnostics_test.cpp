// Diagnostics for machines: JSON and GitHub Actions annotations.

#include "support.hpp"
#include "dacu/render/render_diagnostics.hpp"

#include <catch2/catch.hpp>

using namespace dacu;

namespace {

std::vector<Diagnostic> two() {
  auto source = make_source("活动.yaml", "dacu: 1\nname: x\n");
  return {{Severity::error, "D051", Location{source, 2, 7}, "parameter 件数 is integer but '2千' is not", "write a whole number such as 2000"},
          {Severity::warning, "D104", Location{make_source("a,b:c.yaml", ""), 0, 0}, "50% off\nnext line", ""}};
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
      "      \"hint\": \"write a whole number such as 2000\"\n"
      "    },\n"
      "    {\n"
      "      \"file\": \"a,b:c.yaml\",\n"
      "      \"line\": null,\n"
      "      \"column\": null,\n"
      "      \"severity\": \"warning\",\n"
      "      \"code\": \"D104\",\n"
      "      \"message\": \"50% off\\nnext line\",\n"
      "      \"hint\": null\n"
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

TEST_CASE("a GitHub annotation's hint is labelled in the language of messages", "[render_diagnostics]") {
  std::string text;
  {
    dacu::test::InChinese zh;  // English again even if rendering throws
    text = render_diagnostics_github(two());
  }
  CHECK_THAT(text, Catch::Contains("%0A提示: write a whole number such as 2000\n"));
  CHECK(message_in(Language::zh, "render.report-format", {{"format", "csv"}}) == "报告不能写成 csv");
}
