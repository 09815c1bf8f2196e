// The JSON value renderers build, and its exact text (what nlohmann's ordered_json::dump writes).

#include "dacu/render/json.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "dacu/base/error.hpp"

using namespace dacu;
using json::Value;

TEST_CASE("each kind of value has its text", "[json]") {
  CHECK(json::dump(Value(), 2) == "null");
  CHECK(json::dump(nullptr, 2) == "null");
  CHECK(json::dump(true, 2) == "true");
  CHECK(json::dump(false, 2) == "false");
  CHECK(json::dump(0, 2) == "0");
  CHECK(json::dump(-42, 2) == "-42");
  CHECK(json::dump(std::numeric_limits<std::int64_t>::max(), 2) == "9223372036854775807");
  CHECK(json::dump(std::numeric_limits<std::int64_t>::min(), 2) == "-9223372036854775808");
  CHECK(json::dump(std::uint32_t{4000000000U}, 2) == "4000000000");
  CHECK(json::dump(0.5, 2) == "0.5");
  CHECK(json::dump(3.0, 2) == "3.0");  // a double keeps its point
  CHECK(json::dump(0.8421, 2) == "0.8421");
  CHECK(json::dump(1e20, 2) == "1e+20");
  CHECK(json::dump("开团", 2) == "\"开团\"");
  CHECK(json::dump(std::string_view("sv"), 2) == "\"sv\"");
  CHECK(json::dump(Value::array(), 2) == "[]");
  CHECK(json::dump(Value::object(), 2) == "{}");
}

TEST_CASE("an unsigned integer above INT64_MAX is refused", "[json]") {
  CHECK_THROWS_AS(Value(std::numeric_limits<std::uint64_t>::max()), Error);
  CHECK(Value(std::uint64_t{7}).integer() == 7);
}

TEST_CASE("nested values are indented two spaces a level, keys in the order set", "[json]") {
  Value doc;
  doc["zeta"] = 1;
  doc["alpha"] = Value::array({"a", 2, nullptr});
  doc["mid"] = Value::object({{"b", true}, {"a", Value::array()}});
  doc["zeta"] = 3;  // an existing key keeps its place
  CHECK(json::dump(doc, 2) ==
        "{\n"
        "  \"zeta\": 3,\n"
        "  \"alpha\": [\n"
        "    \"a\",\n"
        "    2,\n"
        "    null\n"
        "  ],\n"
        "  \"mid\": {\n"
        "    \"b\": true,\n"
        "    \"a\": []\n"
        "  }\n"
        "}");
  CHECK(json::dump(doc, -1) == R"({"zeta":3,"alpha":["a",2,null],"mid":{"b":true,"a":[]}})");
}

TEST_CASE("strings keep Chinese as UTF-8 and escape quotes, backslashes and control characters", "[json]") {
  CHECK(json::dump("双十一 “预热”", 2) == "\"双十一 “预热”\"");
  CHECK(json::dump("a\"b\\c/d", 2) == R"("a\"b\\c/d")");
  CHECK(json::dump("\b\f\n\r\t", 2) == R"("\b\f\n\r\t")");
  CHECK(json::dump(std::string("\x01\x1f\x7f", 3), 2) == "\"\\u0001\\u001f\x7f\"");
  CHECK(json::dump(std::string("a\0b", 3), 2) == R"("a\u0000b")");
}

TEST_CASE("optional values and empty texts become null", "[json]") {
  std::optional<std::string> none, some = "20%";
  CHECK(json::dump(Value(none), 2) == "null");
  CHECK(json::dump(Value(some), 2) == "\"20%\"");
  CHECK(json::maybe(std::string()).is_null());
  CHECK(json::maybe(std::string("x")) == Value("x"));
  std::optional<int> n = 5;
  CHECK(json::maybe(n, [](int v) { return v * 2; }) == Value(10));
  CHECK(json::maybe(std::optional<int>(), [](int v) { return v; }).is_null());
  CHECK(json::dump(Value(std::vector<std::string>{"a.csv", "b.csv"}), -1) == R"(["a.csv","b.csv"])");
}

TEST_CASE("update sets members in place and appends new ones", "[json]") {
  auto a = Value::object({{"hour", 9}, {"contacts", "10"}});
  a.update(Value::object({{"agents", 3}, {"hour", 10}}));
  CHECK(json::dump(a, -1) == R"({"hour":10,"contacts":"10","agents":3})");
  REQUIRE(a.find("agents") != nullptr);
  CHECK(*a.find("agents") == Value(3));
  CHECK(a.find("missing") == nullptr);
}

TEST_CASE("members of an array and items of an object are refused", "[json]") {
  auto list = Value::array();
  CHECK_THROWS_AS(list["key"], Error);
  auto object = Value::object();
  CHECK_THROWS_AS(object.push_back(1), Error);
  Value null;
  null.push_back(1);
  CHECK(null.kind() == Value::Kind::array);
}

TEST_CASE("values compare by kind and content", "[json]") {
  CHECK(Value(1) != Value(1.0));
  CHECK(Value("1") != Value(1));
  CHECK(Value::object({{"a", 1}, {"b", 2}}) != Value::object({{"b", 2}, {"a", 1}}));  // order is part of the value
  CHECK(Value::array({1, "x"}) == Value::array({1, "x"}));
}
