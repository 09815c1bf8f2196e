#pragma once
/// YAML input: a small located tree built from yaml-cpp's event API.
///
/// dacu does not use YAML::Node: building its own tree from events lets the loader refuse
/// duplicate keys (yaml-cpp keeps the first silently), bound alias expansion and nesting before
/// any work is done, and keep every node's file:line:col (1-based, in characters).

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"

namespace dacu::yaml {

struct Node {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  bool quoted = false;         ///< a quoted scalar ("10:00"), as opposed to a plain one (10:00)
  std::string value;           ///< the scalar's text
  std::vector<Node> children;  ///< sequence items; for a mapping, key and value alternate
  Location where;

  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_null() const { return kind == Kind::null; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }
  std::size_t map_size() const { return children.size() / 2; }
  const Node& key(std::size_t i) const { return children[2 * i]; }
  const Node& val(std::size_t i) const { return children[2 * i + 1]; }
  /// The value for a scalar key, or nullptr.
  const Node* find(std::string_view key) const;
  /// Where a scalar's text starts: one column after `where` for a quoted scalar.
  Location text_where() const {
    Location at = where;
    if (quoted && at.known()) at.column += 1;
    return at;
  }
};

/// Limits that keep hostile input cheap to refuse.
struct Limits {
  std::size_t max_bytes = 8u << 20;       ///< 8 MiB per file
  int max_depth = 64;                     ///< nesting of mappings and sequences
  std::size_t max_alias_nodes = 100'000;  ///< nodes copied by all aliases together
  /// Time goes by values, not bytes: 8 MiB of `[1,1,…]` is 4 million of them (8 s, 750 MB).
  std::size_t max_items = 100'000;    ///< items of one list, keys of one mapping
  std::size_t max_nodes = 1'000'000;  ///< values in one file (bench/gen.py's 50,000 tasks are 650,000)
};

struct Document {
  std::shared_ptr<const SourceFile> source;
  Node root;
};

/// Parses one YAML document. Throws InputError (D001 syntax, D003 duplicate key, D012 invalid
/// UTF-8, D013 byte order mark, D014 tab indentation, D015 empty, D016 aliases, D017 nesting,
/// D011 too large, D028 a list or mapping too long, D029 too many values, D018 and D019 a
/// Chinese-keyboard slip, input/slips.hpp). A CR alone ends a line, as YAML says.
Document parse(std::string text, std::string_view source_name, const Limits& limits = {});

/// What a node is, for messages: "a mapping", "a list", "a value", "nothing".
std::string describe(const Node& node);

/// Checks a mapping's keys: it must be a mapping (D004), every key must be one of `allowed`
/// (D002, with a suggestion). Duplicates were refused at parse time.
class Fields {
 public:
  Fields(const Node& node, std::string_view what, std::span<const std::string_view> allowed);
  const Node* find(std::string_view key) const { return node_.find(key); }
  /// The value of a key that must be present (D005).
  const Node& require(std::string_view key) const;
  const Node& node() const { return node_; }

 private:
  const Node& node_;
  std::string what_;
};

/// The text of a scalar (D004 when it is a mapping, list or empty).
const std::string& scalar(const Node& node, std::string_view what);
/// Checks that a node is a list (D004).
const Node& sequence(const Node& node, std::string_view what);
/// Checks that a node is a mapping (D004).
const Node& mapping(const Node& node, std::string_view what);
/// A scalar, or each scalar of a list: `x` and `[x, y]` both work.
std::vector<const Node*> scalar_or_list(const Node& node, std::string_view what);

}  // namespace dacu::yaml
