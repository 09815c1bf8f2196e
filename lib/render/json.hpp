#pragma once
/// JSON output: a small value type the renderers build, and its text. Only json.cpp sees
/// nlohmann-json, which writes the bytes (escaping, number text), so no other file of the library
/// compiles against it, and the output stays what `ordered_json::dump` writes.
///
///   json::Value doc = json::Value::object();
///   doc["campaign"] = plan.campaign;
///   doc["derived_from"] = json::maybe(rule);          // null when empty
///   doc["tasks"].push_back(json::Value::object({{"name", "报名"}, {"all_day", true}}));
///   std::string text = json::dump(doc, 2) + "\n";

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dacu::json {

/// A JSON value: null, a boolean, an integer, a double, a string, an array, or an object whose
/// keys keep the order they were first set in (renderers choose the order readers see).
class Value {
 public:
  enum class Kind { null, boolean, integer, number, string, array, object };
  /// An object's member: key and value.
  using Member = std::pair<std::string, Value>;

  /// Null.
  Value() = default;
  Value(std::nullptr_t) {}  // NOLINT(google-explicit-constructor)
  Value(bool flag) : kind_(Kind::boolean), flag_(flag) {}  // NOLINT(google-explicit-constructor)
  /// Any integer type but bool; an unsigned value above INT64_MAX throws Error.
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  Value(T integer) : kind_(Kind::integer), integer_(checked(integer)) {}  // NOLINT(google-explicit-constructor)
  Value(double number) : kind_(Kind::number), number_(number) {}  // NOLINT(google-explicit-constructor)
  Value(std::string text) : kind_(Kind::string), text_(std::move(text)) {}  // NOLINT(google-explicit-constructor)
  Value(std::string_view text) : Value(std::string(text)) {}  // NOLINT(google-explicit-constructor)
  Value(const char* text) : Value(std::string(text)) {}  // NOLINT(google-explicit-constructor)
  /// An array of strings (notes, file names).
  Value(const std::vector<std::string>& texts);  // NOLINT(google-explicit-constructor)
  /// Null when empty, else the value.
  template <class T>
  Value(const std::optional<T>& v) : Value(v ? Value(*v) : Value()) {}  // NOLINT(google-explicit-constructor)

  /// An empty array, or one with these items.
  static Value array(std::initializer_list<Value> items = {});
  /// An empty object, or one with these members in this order.
  static Value object(std::initializer_list<Member> members = {});

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::null; }

  /// The member `key` of an object, added (null) at the end when missing. A null value becomes
  /// an empty object first; any other kind throws Error.
  Value& operator[](std::string_view key);
  /// The member `key`, or nullptr when this is not an object or has no such member.
  const Value* find(std::string_view key) const;
  /// Appends to an array (a null value becomes an empty array first; any other kind throws Error).
  Value& push_back(Value item);
  /// Sets every member of `other` (an object) here: existing keys keep their place, new ones go at
  /// the end.
  void update(const Value& other);

  bool flag() const { return flag_; }
  std::int64_t integer() const { return integer_; }
  double number() const { return number_; }
  const std::string& text() const { return text_; }
  const std::vector<Value>& items() const { return items_; }
  const std::vector<Member>& members() const { return members_; }

  friend bool operator==(const Value& a, const Value& b);

 private:
  template <std::integral T>
  static std::int64_t checked(T integer) {
    if constexpr (std::unsigned_integral<T> && sizeof(T) >= sizeof(std::int64_t)) {
      if (integer > static_cast<T>(INT64_MAX)) too_large();
    }
    return static_cast<std::int64_t>(integer);
  }
  [[noreturn]] static void too_large();

  Kind kind_ = Kind::null;
  bool flag_ = false;
  std::int64_t integer_ = 0;
  double number_ = 0;
  std::string text_;
  std::vector<Value> items_;
  std::vector<Member> members_;
};

/// A text that is null when empty (an optional field written as "").
inline Value maybe(const std::string& text) { return text.empty() ? Value() : Value(text); }
/// An optional value through `make`: null when absent.
template <class T, class F>
Value maybe(const std::optional<T>& v, F make) {
  return v ? Value(make(*v)) : Value();
}

/// The text of `value` exactly as nlohmann::ordered_json::dump(indent) writes it: `indent` spaces
/// per level and a line per member (-1: all on one line); strings as UTF-8 with only `"`, `\` and
/// control characters escaped. A string that is not valid UTF-8 throws nlohmann's type_error (a
/// std::exception, which the CLI reports as an internal error).
std::string dump(const Value& value, int indent);

}  // namespace dacu::json
