#include "dacu/render/json.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "dacu/base/error.hpp"

namespace dacu::json {

Value::Value(const std::vector<std::string>& texts) : kind_(Kind::array) {
  items_.reserve(texts.size());
  for (const auto& t : texts) items_.emplace_back(t);
}

Value Value::array(std::initializer_list<Value> items) {
  Value v;
  v.kind_ = Kind::array;
  v.items_.assign(items.begin(), items.end());
  return v;
}

Value Value::object(std::initializer_list<Member> members) {
  Value v;
  v.kind_ = Kind::object;
  for (const auto& [key, value] : members) v[key] = value;
  return v;
}

void Value::too_large() { throw Error(message("render.json-too-large")); }

Value& Value::operator[](std::string_view key) {
  if (kind_ == Kind::null) kind_ = Kind::object;
  if (kind_ != Kind::object) throw Error(message("render.json-member", {{"key", key}}));
  for (auto& m : members_) {
    if (m.first == key) return m.second;
  }
  return members_.emplace_back(std::string(key), Value()).second;
}

const Value* Value::find(std::string_view key) const {
  for (const auto& m : members_) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

Value& Value::push_back(Value item) {
  if (kind_ == Kind::null) kind_ = Kind::array;
  if (kind_ != Kind::array) throw Error(message("render.json-push-back"));
  return items_.emplace_back(std::move(item));
}

void Value::update(const Value& other) {
  for (const auto& [key, value] : other.members_) (*this)[key] = value;
}

bool operator==(const Value& a, const Value& b) {
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Value::Kind::null: return true;
    case Value::Kind::boolean: return a.flag_ == b.flag_;
    case Value::Kind::integer: return a.integer_ == b.integer_;
    case Value::Kind::number: return a.number_ == b.number_;
    case Value::Kind::string: return a.text_ == b.text_;
    case Value::Kind::array: return a.items_ == b.items_;
    case Value::Kind::object: return a.members_ == b.members_;
  }
  return false;
}

namespace {

// nlohmann writes the bytes: its escaping and its shortest round-trip doubles are what the
// golden files and every consumer of dacu's JSON have seen so far.
nlohmann::ordered_json to_nlohmann(const Value& v) {
  using J = nlohmann::ordered_json;
  switch (v.kind()) {
    case Value::Kind::null: return nullptr;
    case Value::Kind::boolean: return v.flag();
    case Value::Kind::integer: return v.integer();
    case Value::Kind::number: return v.number();
    case Value::Kind::string: return v.text();
    case Value::Kind::array: {
      J out = J::array();
      for (const auto& item : v.items()) out.push_back(to_nlohmann(item));
      return out;
    }
    case Value::Kind::object: {
      J out = J::object();
      for (const auto& [key, value] : v.members()) out[key] = to_nlohmann(value);
      return out;
    }
  }
  return nullptr;
}

}  // namespace

// Text that is not UTF-8 (a GBK file name) is shown with U+FFFD rather than stopping the output:
// nlohmann throws on it otherwise, which would make a file name an internal error.
std::string dump(const Value& value, int indent) {
  return to_nlohmann(value).dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace dacu::json
