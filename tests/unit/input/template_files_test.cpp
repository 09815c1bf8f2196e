// Which files `extends:` and `templates --dir` may read, and that nothing of a file that is not a
// template reaches a message: paths out of the campaign's folder (D080), files that are not
// regular (D081), files that are not templates (D082), campaigns (D083). Files come from memory;
// tests/cli/template_reads.py tries the same on the disk, with pipes, devices and /proc.

#include "dacu/input/template_files.hpp"

#include <catch2/catch.hpp>

#include "dacu/compute/validate.hpp"
#include "dacu/input/loader.hpp"
#include "support.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {

constexpr std::string_view kSecret = "s3cr3t-TOKEN";

constexpr std::string_view kTemplate =
    "dacu: 1\nkind: template\nname: 小团\n"
    "departments: {运营: {lead: 运营主管}}\n"
    "milestones:\n  开团:\n"
    "tasks:\n"
    "  - {name: 备货, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前2天}\n";

std::string campaign(std::string_view extends) {
  return fmt::format("dacu: 1\nkind: campaign\nname: 测试店\nextends: {}\nmilestones: {{开团: 2026-12-20T10:00}}\n", extends);
}

/// A shop folder with its campaign, a template beside it in tpl/, and files that are not templates.
struct Files {
  MemorySources sources;
  Files() {
    sources.add("tpl/小团.yaml", std::string(kTemplate));
    sources.add("shop/小团.yaml", std::string(kTemplate));
    sources.add("shop/notes.yaml", fmt::format("password: {}\n", kSecret));
    sources.add("shop/binary.yaml", fmt::format("kind: template\n{}", kSecret) + std::string(1, '\0'));
    sources.add("shop/latin1.yaml", fmt::format("kind: template\n{}\xe9\n", kSecret));
    sources.add("shop/calendar.yaml", "dacu: 1\nkind: calendar\nname: x\n");
    sources.add("shop/other.yaml", campaign("./小团.yaml"));
    sources.add_special("shop/pipe.yaml", "a named pipe (FIFO)");
  }
};

/// The error of loading shop/c.yaml, which extends `extends`, and the whole text dacu would print.
Diagnostic load_error(Files& files, std::string_view extends, std::vector<std::filesystem::path> dirs = {}) {
  files.sources.add("shop/c.yaml", campaign(extends));
  Loader loader(files.sources);
  loader.set_template_dirs(std::move(dirs));
  auto d = error_of([&] { loader.load_file("shop/c.yaml"); });
  CHECK(format_diagnostic(d).find(kSecret) == std::string::npos);
  return d;
}

}  // namespace

TEST_CASE("path_inside holds for a folder's files and their subfolders, not for the folder or its parents", "[template_files]") {
  CHECK(path_inside("/work/shop", "/work/shop/a.yaml"));
  CHECK(path_inside("/work/shop/", "/work/shop/sub/a.yaml"));
  CHECK(path_inside("shop", "shop/a.yaml"));
  CHECK(path_inside(".", "a.yaml"));
  CHECK_FALSE(path_inside("/work/shop", "/work/shop"));
  CHECK_FALSE(path_inside("/work/shop", "/work/shop2/a.yaml"));
  CHECK_FALSE(path_inside("/work/shop", "/work/a.yaml"));
  CHECK_FALSE(path_inside("/work/shop", "/proc/self/environ"));
  CHECK_FALSE(path_inside("shop", "tpl/a.yaml"));
  CHECK_FALSE(path_inside(".", "../a.yaml"));
  CHECK_FALSE(path_inside("shop", "/etc/shadow"));
}

TEST_CASE("sniff_file_kind reads the top-level kind line and nothing else", "[template_files]") {
  CHECK(sniff_file_kind(kTemplate) == FileKind::template_file);
  CHECK(sniff_file_kind("# 模板\ndacu: 1\nkind: \"template\"   # 注释\r\n") == FileKind::template_file);
  CHECK(sniff_file_kind("\xEF\xBB\xBF" "kind: template\n") == FileKind::template_file);
  CHECK(sniff_file_kind("kind: 'campaign'\n") == FileKind::campaign);
  CHECK(sniff_file_kind("kind: calendar") == FileKind::calendar);
  CHECK(sniff_file_kind("  kind: template\n") == FileKind::unknown);  // nested, not the file's kind
  CHECK(sniff_file_kind("kind:template\n") == FileKind::unknown);     // one scalar, not a key
  CHECK(sniff_file_kind("kind: templates\n") == FileKind::unknown);
  CHECK(sniff_file_kind("PATH=/usr/bin\n") == FileKind::unknown);
  CHECK(sniff_file_kind("") == FileKind::unknown);
  CHECK(sniff_file_kind(std::string("kind: template\n\0", 16)) == FileKind::binary);
  CHECK(sniff_file_kind("kind: template\n\xff\n") == FileKind::not_utf8);
}

TEST_CASE("a template path that leads out of the campaign's folder is D080 at extends", "[template_files]") {
  Files files;
  for (auto extends : {"/proc/self/environ", "/etc/shadow", "../tpl/小团.yaml", "./sub/../../tpl/小团.yaml"}) {
    INFO(extends);
    auto d = load_error(files, extends);
    CHECK(d.code == "D080");
    CHECK(where(d.where) == "shop/c.yaml:4:10");
    CHECK(d.message == fmt::format("template file {} leads outside the campaign's folder", extends));
    // A relative path names the folder to allow, as the command line spells it; an absolute one does not.
    bool relative = extends[0] != '/';
    CHECK(d.hint == fmt::format("keep the template in the campaign's folder or below it, or allow its folder with --template-dir {}",
                                relative ? "tpl" : "DIR"));
  }
  auto d = load_error(files, "/etc/shadow", {"tpl"});
  CHECK(d.code == "D080");
  CHECK(d.message == "template file /etc/shadow leads outside the campaign's folder and the --template-dir folders");
}

TEST_CASE("a --template-dir folder lets a campaign extend a template in it", "[template_files]") {
  Files files;
  files.sources.add("shop/c.yaml", campaign("../tpl/小团.yaml"));
  Loader loader(files.sources);
  loader.set_template_dirs({"tpl"});
  auto c = loader.load_file("shop/c.yaml");
  CHECK(c.template_name == "小团");
  CHECK(loader.files_read() == std::vector<std::string>{"shop/c.yaml", "tpl/小团.yaml"});
  // Allowed for one campaign is not allowed for all: the loader's cache does not bypass the rule.
  loader.set_template_dirs({});
  auto d = error_of([&] { loader.load_file("shop/c.yaml"); });
  CHECK(d.code == "D080");
}

TEST_CASE("a template that is not a regular file is D081 at extends", "[template_files]") {
  Files files;
  auto d = load_error(files, "./pipe.yaml");
  CHECK(d.code == "D081");
  CHECK(where(d.where) == "shop/c.yaml:4:10");
  CHECK(d.message == "template file shop/pipe.yaml: is a named pipe (FIFO), not a regular file");
  CHECK(d.hint ==
        "a template is a regular .yaml file; dacu does not read named pipes, devices, sockets, folders, "
        "or the files of /proc, /sys and /dev");
}

TEST_CASE("a file that is not a template is D082 and none of its text is shown", "[template_files]") {
  Files files;
  struct Row {
    const char* extends;
    const char* why;
  };
  for (auto [extends, why] : {Row{"./notes.yaml", "it has no line `kind: template`"}, Row{"./binary.yaml", "it holds NUL bytes"},
                              Row{"./latin1.yaml", "it is not UTF-8 text"},
                              Row{"./calendar.yaml", "it is a calendar (kind: calendar)"}}) {
    INFO(extends);
    auto d = load_error(files, extends);
    CHECK(d.code == "D082");
    CHECK(where(d.where) == "shop/c.yaml:4:10");
    CHECK(d.message == fmt::format("template file shop/{} is not a dacu template: {}", std::string_view(extends).substr(2), why));
    CHECK(d.hint == "name a template file, one with the line `kind: template`; dacu shows nothing of other files");
    // The excerpt is the campaign's own line.
    CHECK(format_diagnostic(d).find(fmt::format(" 4 | extends: {}\n", extends)) != std::string::npos);
  }
}

TEST_CASE("dacu validate reports a file that is not a template without its text", "[template_files]") {
  Files files;
  Loader loader(files.sources);
  auto ds = validate_text(campaign("./notes.yaml"), "shop/c.yaml", "shop", loader);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].code == "D082");
  CHECK(where(ds[0].where) == "shop/c.yaml:4:10");
  CHECK(format_diagnostic(ds[0]).find(kSecret) == std::string::npos);
}

TEST_CASE("a campaign that extends a campaign is D083 naming both files", "[template_files]") {
  Files files;
  auto d = load_error(files, "./other.yaml");
  CHECK(d.code == "D083");
  CHECK(where(d.where) == "shop/c.yaml:4:10");
  CHECK(d.message == "shop/c.yaml extends shop/other.yaml, which is a campaign; a campaign can only extend a template");
  CHECK(d.hint == "extend the template that shop/other.yaml extends, and copy what you need from it into shop/c.yaml");
}

TEST_CASE("files_read lists the campaign and its template, cached or not, for the last load only", "[template_files]") {
  Files files;
  files.sources.add("shop/c.yaml", campaign("./小团.yaml"));
  files.sources.add("shop/d.yaml", campaign("聚划算"));
  Loader loader(files.sources);
  (void)loader.load_file("shop/c.yaml");
  CHECK(loader.files_read() == std::vector<std::string>{"shop/c.yaml", "shop/小团.yaml"});
  (void)loader.load_file("shop/c.yaml");  // the template from the cache is still an input
  CHECK(loader.files_read() == std::vector<std::string>{"shop/c.yaml", "shop/小团.yaml"});
  (void)loader.load_file("shop/d.yaml");  // a built-in template is no file
  CHECK(loader.files_read() == std::vector<std::string>{"shop/d.yaml"});
}

TEST_CASE("templates --dir reads only regular template files inside its folder", "[template_files]") {
  Files files;
  Loader loader(files.sources);
  CHECK(loader.template_in_folder("shop/小团.yaml", "shop").name == "小团");
  auto outside = error_of([&] { (void)loader.template_in_folder("tpl/小团.yaml", "shop"); });
  CHECK(outside.code == "D080");
  CHECK(where(outside.where) == "tpl/小团.yaml:0:0");
  CHECK(outside.message == "leads outside the folder shop");
  auto pipe = error_of([&] { (void)loader.template_in_folder("shop/pipe.yaml", "shop"); });
  CHECK(pipe.code == "D081");
  CHECK(pipe.message == "is a named pipe (FIFO), not a regular file");
  auto notes = error_of([&] { (void)loader.template_in_folder("shop/notes.yaml", "shop"); });
  CHECK(notes.code == "D082");
  CHECK(notes.message == "is not a dacu template: it has no line `kind: template`");
  CHECK(format_diagnostic(notes).find(kSecret) == std::string::npos);
  auto other = error_of([&] { (void)loader.template_in_folder("shop/other.yaml", "shop"); });
  CHECK(other.message == "is not a dacu template: it is a campaign (kind: campaign)");
}
