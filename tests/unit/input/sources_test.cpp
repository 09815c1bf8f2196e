// The loader reads through Sources: campaigns and the templates they extend come from memory here.

#include "dacu/input/sources.hpp"

#include <catch2/catch.hpp>

#include "dacu/input/loader.hpp"
#include "support.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {

constexpr std::string_view kTemplate =
    "dacu: 1\nkind: template\nname: 小团\n"
    "milestones:\n  开团:\n"
    "tasks:\n"
    "  - {name: 备货, department: 仓储, owner: 仓库主管, phase: 活动前, start: 开团前2天}\n";

constexpr std::string_view kCampaign =
    "dacu: 1\nkind: campaign\nname: 测试店\nextends: ../tpl/小团.yaml\n"
    "milestones:\n  开团: 2026-12-20T10:00\n";

}  // namespace

TEST_CASE("a campaign and the template it extends are read from memory", "[sources]") {
  MemorySources files;
  files.add("shop/c.yaml", std::string(kCampaign));
  files.add("tpl/小团.yaml", std::string(kTemplate));
  Loader loader(files);
  loader.set_template_dirs({"tpl"});  // the template sits beside the shop's folder, not in it
  auto c = loader.load_file("shop/c.yaml");
  CHECK(c.name == "测试店");
  CHECK(c.template_name == "小团");
  REQUIRE(c.plan.tasks.size() == 1);
  CHECK(where(c.plan.tasks[0].where) == "tpl/小团.yaml:7:12");
}

TEST_CASE("a template is parsed once for every spelling of its path", "[sources]") {
  MemorySources files;
  files.add("tpl/小团.yaml", std::string(kTemplate));
  files.add("a/c.yaml", std::string(kCampaign));
  files.add("b/c.yaml", "dacu: 1\nkind: campaign\nname: 另一店\nextends: ../tpl/./小团.yaml\nmilestones: {开团: 2026-12-21T10:00}\n");
  Loader loader(files);
  loader.set_template_dirs({"tpl"});  // the template sits beside the shop's folder, not in it
  auto a = loader.load_file("a/c.yaml");
  auto b = loader.load_file("b/c.yaml");
  CHECK(a.plan.tasks[0].where.file == b.plan.tasks[0].where.file);  // one parsed source
}

TEST_CASE("a file the sources do not hold is D010, and an extended one D040 at extends", "[sources]") {
  MemorySources files;
  files.add("shop/c.yaml", std::string(kCampaign));
  Loader loader(files);
  loader.set_template_dirs({"tpl"});  // the template sits beside the shop's folder, not in it
  auto missing = error_of([&] { loader.load_file("shop/none.yaml"); });
  CHECK(missing.code == "D010");
  CHECK(missing.message == "no such file");
  auto template_missing = error_of([&] { loader.load_file("shop/c.yaml"); });
  CHECK(template_missing.code == "D040");
  CHECK(where(template_missing.where) == "shop/c.yaml:4:10");
  CHECK(template_missing.message == "template file tpl/小团.yaml: no such file");
}
