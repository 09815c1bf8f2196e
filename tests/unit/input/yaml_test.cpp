// The located YAML tree: nodes built from yaml-cpp's events with 1-based line:column in
// characters, the field checks section readers use, and every refusal of yaml::parse.

#include "dacu/input/yaml.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "support.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;
using Kind = yaml::Node::Kind;

namespace {

yaml::Node root_of(std::string text) { return yaml::parse(std::move(text), "t.yaml").root; }

Diagnostic refusal(std::string text, const yaml::Limits& limits = {}) {
  return error_of([&] { yaml::parse(std::move(text), "t.yaml", limits); });
}

constexpr std::array<std::string_view, 3> kTaskKeys{"name", "owner", "start"};

}  // namespace

TEST_CASE("refusals of the YAML reader come from the catalogue, in Chinese when messages are", "[yaml]") {
  dacu::test::InChinese zh;
  auto d = refusal("a: 1\na: 2\n");
  CHECK(d.code == "D003");
  CHECK(d.message == "键「a」重复了");
  CHECK(d.hint == "「a」在第 1 行已经写过；只保留一个");
  d = refusal("name：双11\nowner: 运营\n");
  CHECK(d.code == "D018");
  CHECK(d.message == "键「name」后面是全角冒号「：」（U+FF1A）");
  CHECK(d.hint == "改成英文冒号加一个空格：name: 双11");
  auto root = root_of("- [a]\n");
  d = error_of([&] { yaml::scalar(root.children[0], "owner"); });
  CHECK(d.message == "owner应是一个值，不能是一个列表");
  CHECK(message_in(Language::zh, "yaml.a-mapping") == "一组「键: 值」");
}

TEST_CASE("a plain scalar keeps its text and is not quoted", "[yaml]") {
  auto doc = yaml::parse("开团前2天\n", "t.yaml");
  CHECK(doc.source->name == "t.yaml");
  CHECK(doc.root.kind == Kind::scalar);
  CHECK(doc.root.value == "开团前2天");
  CHECK_FALSE(doc.root.quoted);
  CHECK(doc.root.children.empty());
  CHECK(where(doc.root.where) == "t.yaml:1:1");
  CHECK(where(doc.root.text_where()) == "t.yaml:1:1");
}

TEST_CASE("double- and single-quoted scalars are quoted, their text without the quotes", "[yaml]") {
  auto root = root_of("a: \"10:00\"\nb: '08:00'\nc: 10:00\n");
  REQUIRE(root.map_size() == 3);
  CHECK(root.val(0).value == "10:00");
  CHECK(root.val(0).quoted);
  CHECK(root.val(1).value == "08:00");
  CHECK(root.val(1).quoted);
  CHECK(root.val(2).value == "10:00");
  CHECK_FALSE(root.val(2).quoted);
}

TEST_CASE("text_where moves one column past the opening quote and leaves plain scalars alone", "[yaml]") {
  auto root = root_of("开团: \"开团前2天\"\n报名: 开团前20天\n");
  const auto& quoted = root.val(0);
  CHECK(where(quoted.where) == "t.yaml:1:5");
  CHECK(where(quoted.text_where()) == "t.yaml:1:6");
  const auto& plain = root.val(1);
  CHECK(where(plain.where) == "t.yaml:2:5");
  CHECK(where(plain.text_where()) == "t.yaml:2:5");
  // An unknown location stays unknown.
  yaml::Node loose;
  loose.quoted = true;
  CHECK(loose.text_where().line == 0);
  CHECK(loose.text_where().column == 0);
}

TEST_CASE("a mapping holds keys and values alternately, in file order", "[yaml]") {
  auto root = root_of("name: 小团\nkind: template\ndacu: 1\n");
  REQUIRE(root.kind == Kind::mapping);
  REQUIRE(root.children.size() == 6);
  CHECK(root.map_size() == 3);
  CHECK(root.key(0).value == "name");
  CHECK(root.val(0).value == "小团");
  CHECK(root.key(1).value == "kind");
  CHECK(root.val(1).value == "template");
  CHECK(root.key(2).value == "dacu");
  CHECK(root.val(2).value == "1");
  CHECK(where(root.where) == "t.yaml:1:1");
  CHECK(where(root.key(2).where) == "t.yaml:3:1");
  CHECK(where(root.val(2).where) == "t.yaml:3:7");
}

TEST_CASE("block and flow sequences hold their items in order with their locations", "[yaml]") {
  auto root = root_of("phases:\n  - 活动前\n  - 活动中\nroles: [运营主管, 客服]\n");
  const auto& phases = root.val(0);
  REQUIRE(phases.kind == Kind::sequence);
  REQUIRE(phases.children.size() == 2);
  CHECK(phases.children[0].value == "活动前");
  CHECK(phases.children[1].value == "活动中");
  CHECK(where(phases.where) == "t.yaml:2:3");
  CHECK(where(phases.children[1].where) == "t.yaml:3:5");
  const auto& roles = root.val(1);
  REQUIRE(roles.kind == Kind::sequence);
  REQUIRE(roles.children.size() == 2);
  CHECK(where(roles.where) == "t.yaml:4:8");
  CHECK(where(roles.children[0].where) == "t.yaml:4:9");
  CHECK(where(roles.children[1].where) == "t.yaml:4:15");  // 运营主管 and ", " are 6 characters
}

TEST_CASE("columns count characters, not bytes, after Chinese text", "[yaml]") {
  // 负责人 is 9 bytes but 3 characters; the value starts at character 6.
  auto root = root_of("tasks:\n  - {名称: 备货, 负责人: 仓库主管}\n");
  const auto& task = root.val(0).children[0];
  REQUIRE(task.map_size() == 2);
  CHECK(where(task.where) == "t.yaml:2:5");
  CHECK(where(task.key(0).where) == "t.yaml:2:6");
  CHECK(where(task.val(0).where) == "t.yaml:2:10");
  CHECK(where(task.key(1).where) == "t.yaml:2:14");
  CHECK(where(task.val(1).where) == "t.yaml:2:19");
}

TEST_CASE("an empty value, ~ and null are null nodes at their place", "[yaml]") {
  auto root = root_of("a:\nb: ~\nc: null\nd: \"\"\n");
  CHECK(root.val(0).kind == Kind::null);
  CHECK(root.val(1).kind == Kind::null);
  CHECK(root.val(2).kind == Kind::null);
  CHECK(where(root.val(1).where) == "t.yaml:2:4");
  // A quoted empty string is a value, not nothing.
  CHECK(root.val(3).kind == Kind::scalar);
  CHECK(root.val(3).value == "");
  CHECK(root.val(3).quoted);
}

TEST_CASE("find returns the value of a scalar key, nullptr otherwise", "[yaml]") {
  auto root = root_of("name: 小团\nmilestones: {开团: 2026-12-20T10:00}\n");
  REQUIRE(root.find("name") != nullptr);
  CHECK(root.find("name")->value == "小团");
  CHECK(root.find("milestones")->find("开团")->value == "2026-12-20T10:00");
  CHECK(root.find("开团") == nullptr);      // keys are not searched below the top
  CHECK(root.find("小团") == nullptr);      // values are not keys
  CHECK(root.val(0).find("name") == nullptr);  // a scalar has no keys
  auto list = root_of("[name, 小团]\n");
  CHECK(list.find("name") == nullptr);      // nor has a list
}

TEST_CASE("describe names each kind of node for messages", "[yaml]") {
  auto root = root_of("a:\nb: x\nc: [x]\nd: {x: 1}\n");
  CHECK(yaml::describe(root.val(0)) == "nothing");
  CHECK(yaml::describe(root.val(1)) == "a value");
  CHECK(yaml::describe(root.val(2)) == "a list");
  CHECK(yaml::describe(root.val(3)) == "a mapping");
}

TEST_CASE("Fields accepts the allowed keys and finds and requires them", "[yaml]") {
  auto root = root_of("name: 备货\nowner: 仓库主管\n");
  yaml::Fields f(root, "a task", kTaskKeys);
  CHECK(&f.node() == &root);
  CHECK(f.find("owner")->value == "仓库主管");
  CHECK(f.find("start") == nullptr);
  CHECK(f.require("name").value == "备货");
}

TEST_CASE("Fields refuses an unknown key with a suggestion, or the list of keys", "[yaml]") {
  auto close = root_of("name: 备货\nowne: 仓库主管\n");
  auto d = error_of([&] { yaml::Fields(close, "a task", kTaskKeys); });
  CHECK(d.code == "D002");
  CHECK(where(d.where) == "t.yaml:2:1");
  CHECK(d.message == "unknown key 'owne' in a task");
  CHECK(d.hint == "did you mean owner?");

  auto far = root_of("{name: 备货, 负责人: 仓库主管}\n");
  d = error_of([&] { yaml::Fields(far, "a task", kTaskKeys); });
  CHECK(d.code == "D002");
  CHECK(where(d.where) == "t.yaml:1:12");
  CHECK(d.message == "unknown key '负责人' in a task");
  CHECK(d.hint == "expected one of: name, owner, start");
}

TEST_CASE("Fields::require refuses a missing key at the mapping (D005)", "[yaml]") {
  auto root = root_of("tasks:\n  - name: 备货\n    owner: 仓库主管\n");
  yaml::Fields f(root.val(0).children[0], "a task", kTaskKeys);
  auto d = error_of([&] { f.require("start"); });
  CHECK(d.code == "D005");
  CHECK(where(d.where) == "t.yaml:2:5");
  CHECK(d.message == "a task has no 'start'");
  CHECK(d.hint == "add `start:`");
}

TEST_CASE("Fields refuses what is not a mapping (D004)", "[yaml]") {
  auto root = root_of("tasks: [备货]\nrules:\n");
  auto d = error_of([&] { yaml::Fields(root.val(0), "a task", kTaskKeys); });
  CHECK(d.code == "D004");
  CHECK(where(d.where) == "t.yaml:1:8");
  CHECK(d.message == "a task must be a mapping, not a list");
  CHECK(d.hint == "write `key: value` lines indented under it");
  d = error_of([&] { yaml::Fields(root.val(0).children[0], "a task", kTaskKeys); });
  CHECK(d.message == "a task must be a mapping, not a value");
  CHECK(where(d.where) == "t.yaml:1:9");
  d = error_of([&] { yaml::Fields(root.val(1), "rules", kTaskKeys); });
  CHECK(d.message == "rules must be a mapping, not nothing");
}

TEST_CASE("scalar, sequence and mapping check the kind of a node (D004)", "[yaml]") {
  auto root = root_of("a: x\nb: [x]\nc: {x: 1}\nd:\n");
  CHECK(yaml::scalar(root.val(0), "a") == "x");
  CHECK(&yaml::sequence(root.val(1), "b") == &root.val(1));
  CHECK(&yaml::mapping(root.val(2), "c") == &root.val(2));

  auto d = error_of([&] { yaml::scalar(root.val(1), "the owner"); });
  CHECK(d.code == "D004");
  CHECK(where(d.where) == "t.yaml:2:4");
  CHECK(d.message == "the owner must be a value, not a list");
  CHECK(d.hint == "write a single value on the same line");
  d = error_of([&] { yaml::scalar(root.val(3), "the owner"); });
  CHECK(d.message == "the owner must be a value, not nothing");
  CHECK(d.hint == "write a value after the colon");
  d = error_of([&] { yaml::sequence(root.val(0), "phases"); });
  CHECK(d.code == "D004");
  CHECK(d.message == "phases must be a list, not a value");
  CHECK(d.hint == "write the items as `- item` lines or `[a, b]`");
  d = error_of([&] { yaml::mapping(root.val(1), "rules"); });
  CHECK(d.code == "D004");
  CHECK(d.message == "rules must be a mapping, not a list");
  CHECK(d.hint == "write `key: value` lines indented under it");
}

TEST_CASE("scalar_or_list takes one value or each value of a list", "[yaml]") {
  auto root = root_of("one: 运营主管\nmany: [运营主管, 客服]\nnested: [运营主管, [客服]]\nnone:\n");
  auto one = yaml::scalar_or_list(root.val(0), "a role");
  REQUIRE(one.size() == 1);
  CHECK(one[0] == &root.val(0));
  CHECK(one[0]->value == "运营主管");
  auto many = yaml::scalar_or_list(root.val(1), "a role");
  REQUIRE(many.size() == 2);
  CHECK(many[0]->value == "运营主管");
  CHECK(many[1]->value == "客服");
  CHECK(many[1] == &root.val(1).children[1]);

  auto d = error_of([&] { yaml::scalar_or_list(root.val(2), "a role"); });
  CHECK(d.code == "D004");
  CHECK(where(d.where) == "t.yaml:3:16");
  CHECK(d.message == "a role must be a value, not a list");
  d = error_of([&] { yaml::scalar_or_list(root.val(3), "a role"); });
  CHECK(d.code == "D004");
  CHECK(d.message == "a role must be a value, not nothing");
}

TEST_CASE("a YAML syntax error is D001 at the place the parser stopped", "[yaml][refusal]") {
  auto d = refusal("name: 小团\ntitle: a: b\n");
  CHECK(d.code == "D001");
  CHECK(where(d.where) == "t.yaml:2:9");
  CHECK(d.message == "YAML syntax: illegal map value");
  CHECK(d.hint == "a value containing ': ' must be quoted, or the indentation is off");
}

TEST_CASE("an unclosed bracket is D001 at the bracket itself", "[yaml][refusal]") {
  auto d = refusal("name: 小团\nphases: [活动前, 活动中\ntasks:\n");
  CHECK(d.code == "D001");
  CHECK(where(d.where) == "t.yaml:2:9");
  CHECK(d.message == "YAML syntax: this bracket is not closed (end of sequence flow not found)");
  // The parser gives up at `tasks:` on line 3, the first line the bracket cannot reach over.
  CHECK(d.hint == "close it with ] or } before line 3");
}

TEST_CASE("a second document is D001 at its start", "[yaml][refusal]") {
  auto d = refusal("name: 小团\n---\nname: 大团\n");
  CHECK(d.code == "D001");
  CHECK(where(d.where) == "t.yaml:2:1");
  CHECK(d.message == "the file holds more than one YAML document");
  CHECK(d.hint == "keep one campaign or template per file; remove the extra `---`");
}

TEST_CASE("a duplicate key is D003 at the second one, naming the line of the first", "[yaml][refusal]") {
  auto d = refusal("name: 小团\nmilestones:\n  开团: 2026-12-20\n  报名: 2026-11-20\n  开团: 2026-12-21\n");
  CHECK(d.code == "D003");
  CHECK(where(d.where) == "t.yaml:5:3");
  CHECK(d.message == "duplicate key '开团'");
  CHECK(d.hint == "'开团' is already defined at line 3; keep one of them");
  // Equal keys in different mappings are no duplicates.
  CHECK(root_of("a: {x: 1}\nb: {x: 2}\n").map_size() == 2);
}

TEST_CASE("a key that is not a plain value is D004", "[yaml][refusal]") {
  auto d = refusal("? [a, b]\n: 1\n");
  CHECK(d.code == "D004");
  CHECK(where(d.where) == "t.yaml:1:3");
  CHECK(d.message == "a key must be a plain value, not a list");
  CHECK(d.hint == "write keys as plain words such as `name:`; quote a key that contains brackets");
}

TEST_CASE("invalid UTF-8 is D012 at the bad byte, the column in characters", "[yaml][refusal]") {
  // GBK for 你好 after two good lines; 名称: 值 is five characters before it.
  auto d = refusal("dacu: 1\nkind: template\n名称: 值\xC4\xE3\xBA\xC3\n");
  CHECK(d.code == "D012");
  CHECK(where(d.where) == "t.yaml:3:6");
  CHECK(d.message == "the file is not valid UTF-8");
  CHECK(d.hint == "save the file as UTF-8 (GBK and other encodings are not read)");
}

TEST_CASE("a byte order mark is D013 at the start", "[yaml][refusal]") {
  auto d = refusal("\xEF\xBB\xBFname: 小团\n");
  CHECK(d.code == "D013");
  CHECK(where(d.where) == "t.yaml:1:1");
  CHECK(d.message == "the file starts with a byte order mark (BOM)");
  CHECK(d.hint == "save the file as UTF-8 without BOM");
}

TEST_CASE("a tab in indentation is D014 at the tab", "[yaml][refusal]") {
  auto d = refusal("tasks:\n  - name: 备货\n  \towner: 仓库主管\n");
  CHECK(d.code == "D014");
  CHECK(where(d.where) == "t.yaml:3:3");
  CHECK(d.message == "a tab in indentation");
  CHECK(d.hint == "YAML indents with spaces only; replace the tab with spaces");
  // A tab after the text has started is not indentation.
  CHECK(root_of("name: 小团\t# 名称\n").find("name")->value == "小团");
}

TEST_CASE("an empty file, or one holding only comments, is D015 at 1:1", "[yaml][refusal]") {
  auto d = refusal("");
  CHECK(d.code == "D015");
  CHECK(where(d.where) == "t.yaml:1:1");
  CHECK(d.message == "the file is empty");
  CHECK(d.hint == "start from `dacu init 聚划算` or a file under examples/");
  d = refusal("  \n\r\n \n");
  CHECK(d.code == "D015");
  CHECK(d.message == "the file is empty");
  d = refusal("# 只有注释\n");
  CHECK(d.code == "D015");
  CHECK(where(d.where) == "t.yaml:1:1");
  CHECK(d.message == "the file holds no YAML document");
  CHECK(d.hint == "start from `dacu init 聚划算` or a file under examples/");
}

TEST_CASE("aliases are copied, and refused beyond the alias node limit (D016)", "[yaml][refusal]") {
  auto root = root_of("a: &roles [运营主管, 客服]\nb: *roles\n");
  REQUIRE(root.val(1).kind == Kind::sequence);
  REQUIRE(root.val(1).children.size() == 2);
  CHECK(root.val(1).children[1].value == "客服");

  // Each alias of a three-item list copies four nodes: 4 is within 5, 8 is not.
  yaml::Limits limits;
  limits.max_alias_nodes = 5;
  auto d = refusal("a: &x [1, 2, 3]\nb: *x\nc: *x\n", limits);
  CHECK(d.code == "D016");
  CHECK(where(d.where) == "t.yaml:3:4");
  CHECK(d.message == "aliases expand to more than 5 nodes");
  CHECK(d.hint == "this looks like an alias bomb; write the values out instead of nesting aliases");
}

TEST_CASE("an alias inside the node it refers to is D016", "[yaml][refusal]") {
  auto d = refusal("a: &x [1, *x]\n");
  CHECK(d.code == "D016");
  CHECK(where(d.where) == "t.yaml:1:11");
  CHECK(d.message == "alias to an anchor that is not complete yet");
  CHECK(d.hint == "an alias cannot refer to the mapping or list that contains it");
}

TEST_CASE("nesting deeper than the limit is D017 at the first level too deep", "[yaml][refusal]") {
  yaml::Limits limits;
  limits.max_depth = 3;
  CHECK(yaml::parse("a: {b: [1]}\n", "t.yaml", limits).root.val(0).find("b")->children.size() == 1);
  auto d = refusal("a: {b: [{c: 1}]}\n", limits);
  CHECK(d.code == "D017");
  CHECK(where(d.where) == "t.yaml:1:9");
  CHECK(d.message == "nesting deeper than 3 levels");
  CHECK(d.hint == "dacu files are a few levels deep; flatten the structure");
}

TEST_CASE("a file over the size limit is D011 before it is read", "[yaml][refusal]") {
  yaml::Limits limits;
  limits.max_bytes = 10;
  CHECK(yaml::parse("name: 小\n", "t.yaml", limits).root.find("name")->value == "小");  // 10 bytes
  auto d = refusal("name: 小团\n", limits);  // 13 bytes
  CHECK(d.code == "D011");
  CHECK(where(d.where) == "t.yaml:0:0");
  CHECK(d.message == "the file is 13 bytes, more than the limit of 10 bytes");
  CHECK(d.hint == "split the file, or check that this is the file you meant");
}

TEST_CASE("a list or mapping longer than the item limit is D028 at its start", "[yaml][refusal]") {
  yaml::Limits limits;
  limits.max_items = 3;
  CHECK(yaml::parse("a: [1, 2, 3]\nb: {x: 1, y: 2, z: 3}\n", "t.yaml", limits).root.map_size() == 2);
  auto d = refusal("a: 1\nb:\n  - 1\n  - 2\n  - 3\n  - 4\n  - 5\n", limits);
  CHECK(d.code == "D028");
  CHECK(where(d.where) == "t.yaml:3:3");
  CHECK(d.message == "this list has more than 3 items");
  CHECK(d.hint ==
        "campaigns and templates list tasks and days by the hundred, not by the hundred thousand; check that this "
        "is the file you meant");
  auto m = refusal("a: 1\nb: {w: 1, x: 2, y: 3, z: 4}\n", limits);
  CHECK(m.code == "D028");
  CHECK(where(m.where) == "t.yaml:2:4");
  CHECK(m.message == "this mapping has more than 3 items");
}

TEST_CASE("a file of more values than the limit is D029 where it passes the limit", "[yaml][refusal]") {
  yaml::Limits limits;
  limits.max_nodes = 6;  // the root is not counted: a, [, 1, 2, b, 3 are six
  CHECK(yaml::parse("a: [1, 2]\nb: 3\n", "t.yaml", limits).root.map_size() == 2);
  auto d = refusal("a: [1, 2]\nb: [3, 4]\n", limits);
  CHECK(d.code == "D029");
  CHECK(where(d.where) == "t.yaml:2:8");
  CHECK(d.message == "the file holds more than 6 values");
  CHECK(d.hint ==
        "campaigns and templates hold thousands of values; check that this is the file you meant, or move tasks "
        "into a template file that the campaign extends");
}

TEST_CASE("a CR alone ends a line, as YAML says, and CRLF stays one line end", "[yaml]") {
  auto doc = yaml::parse("# 旧 Mac\rname: 小团\rtasks:\r  - 开团\r", "t.yaml");
  CHECK(doc.root.find("name")->value == "小团");
  CHECK(where(doc.root.find("tasks")->children[0].where) == "t.yaml:4:5");
  auto mixed = yaml::parse("a: 1\r\nb: 2\rc: 3\n", "t.yaml");
  CHECK(where(mixed.root.key(2).where) == "t.yaml:3:1");
  CHECK(mixed.source->text == "a: 1\r\nb: 2\nc: 3\n");
}

TEST_CASE("nodes on one long line are located by characters", "[yaml]") {
  std::string text = "days: [";
  for (int i = 0; i < 1000; ++i) text += "开团, ";
  text += "x]\n";
  auto doc = yaml::parse(text, "t.yaml");
  const auto& days = doc.root.find("days")->children;
  REQUIRE(days.size() == 1001);
  CHECK(where(days[0].where) == "t.yaml:1:8");
  CHECK(where(days[999].where) == "t.yaml:1:4004");  // 7 + 999 × 4 + 1
  CHECK(where(days[1000].where) == "t.yaml:1:4008");
}

// Names as one name whatever form they were typed in, and no control characters (issue 16).

TEST_CASE("scalars are read in NFC, keys and values alike", "[yaml][nfc]") {
  auto root = root_of("\"Cafe\\u0301\": \"\\u30AB\\u3099\"\nCaf\u00e9x: 1\n");
  REQUIRE(root.map_size() == 2);
  CHECK(root.key(0).value == "Caf\u00e9");
  CHECK(root.val(0).value == "\u30AC");
  CHECK(root.find("Caf\u00e9") != nullptr);
  // The decomposed and the composed spelling of one key are one key.
  auto e = refusal("\"Cafe\\u0301\": 1\nCaf\u00e9: 2\n");
  CHECK(e.code == "D003");
  CHECK(e.message == "duplicate key 'Caf\u00e9'");
}

TEST_CASE("a control character in a scalar is refused where the scalar starts", "[yaml][controls]") {
  auto e = refusal("name: \"a\\0b\"\n");
  CHECK(e.code == "D095");
  CHECK(where(e.where) == "t.yaml:1:7");
  CHECK(e.message == "a NUL character (U+0000) in this value");
  CHECK(e.hint ==
        "names and texts hold no control characters but tab and line breaks; delete it (in a quoted value, the escape "
        "that makes it: \\0, \\e, \\x…, \\u…)");
  e = refusal("tasks:\n  - name: \"\\e]0;pwned\\a\"\n");
  CHECK(e.code == "D095");
  CHECK(where(e.where) == "t.yaml:2:11");
  CHECK(e.message == "a control character (U+001B) in this value");
  CHECK(refusal("\"\\x7f\": 1\n").message == "a control character (U+007F) in this value");
  CHECK(refusal("a: \"\\x9b\"\n").message == "a control character (U+009B) in this value");
  CHECK(refusal("a: \"x\\u0085\"\n").message == "a control character (U+0085) in this value");
}

TEST_CASE("tabs, line breaks and bidirectional marks in scalars are kept", "[yaml][controls]") {
  auto root = root_of("a: \"x\\ty\"\nb: |\n  第一行\n  第二行\nc: \"\\u202E\"\n");
  CHECK(root.find("a")->value == "x\ty");
  CHECK(root.find("b")->value == "第一行\n第二行\n");
  CHECK(root.find("c")->value == "\u202E");  // shown escaped by the renderers, not refused
}
