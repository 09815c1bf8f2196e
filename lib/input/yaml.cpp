#include "dacu/input/yaml.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <istream>
#include <streambuf>
#include <unordered_set>

#include "dacu/base/utf8.hpp"
#include "dacu/input/slips.hpp"

namespace dacu::yaml {

const Node* Node::find(std::string_view key) const {
  if (kind != Kind::mapping) return nullptr;
  for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
    if (children[i].kind == Kind::scalar && children[i].value == key) return &children[i + 1];
  }
  return nullptr;
}

std::string describe(const Node& node) {
  switch (node.kind) {
    case Node::Kind::null: return message("yaml.nothing");
    case Node::Kind::scalar: return message("yaml.a-value");
    case Node::Kind::sequence: return message("yaml.a-list");
    case Node::Kind::mapping: return message("yaml.a-mapping");
  }
  return "?";
}

namespace {

// A scalar's text as dacu keeps it: in NFC, so that a name typed decomposed (e + U+0301, from a
// Mac or some editors) and one typed composed are one name for every lookup; and refused (D095)
// when it holds a control character other than tab and line breaks. Only an escape in a quoted
// value ("\0", "\e", "\x1b") makes one: a NUL would cut the name short in ICS and XLSX, which
// are written through C strings, and the others would act on a terminal or corrupt a calendar.
std::string scalar_text(const std::string& value, const Location& where) {
  for (std::size_t i = 0; i < value.size();) {
    auto byte = static_cast<unsigned char>(value[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII, most of any file
      ++i;
      continue;
    }
    auto cp = utf8::code_point_at(value, i);
    auto c = cp.value;
    if ((c < 0x20 && c != U'\t' && c != U'\n' && c != U'\r') || c == 0x7F || (c >= 0x80 && c <= 0x9F)) {
      auto character = message(c == 0 ? "yaml.nul-character" : "yaml.control-character");
      throw input_error("D095.yaml", where, {{"character", character}, {"code", fmt::format("{:04X}", static_cast<unsigned>(c))}});
    }
    i += cp.bytes;
  }
  return utf8::nfc(value);
}

std::size_t count_nodes(const Node& node) {
  std::size_t n = 1;
  for (const auto& child : node.children) n += count_nodes(child);
  return n;
}

// Builds the tree from yaml-cpp's events, checking depth, aliases and duplicate keys as it goes.
class Builder : public YAML::EventHandler {
 public:
  Builder(std::shared_ptr<const SourceFile> source, const Limits& limits)
      : source_(std::move(source)), cursor_(source_), limits_(limits) {}

  Node take_root() { return std::move(root_); }
  bool has_root() const { return has_root_; }
  /// Where the document started (for "more than one document").
  const Location& document_start() const { return document_start_; }
  /// The innermost mapping or list not closed yet, if any (for "bracket not closed").
  const Location* innermost_open() const { return stack_.empty() ? nullptr : &stack_.back().node.where; }
  /// The first quoted value that did not close on its own line, if any: a quote left open there
  /// takes the lines after it, up to the next quote, and yaml-cpp fails further on.
  const Location& open_quote() const { return open_quote_; }
  char open_quote_char() const { return open_quote_char_; }

  void OnDocumentStart(const YAML::Mark& mark) override { document_start_ = at(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node node;
    node.where = at(mark);
    add(std::move(node), anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw input_error("D016.incomplete", at(mark));
    }
    alias_nodes_ += count_nodes(it->second);
    if (alias_nodes_ > limits_.max_alias_nodes) {
      throw input_error("D016.bomb", at(mark), {{"limit", limits_.max_alias_nodes}});
    }
    Node copy = it->second;
    add(std::move(copy), 0);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node node;
    node.kind = Node::Kind::scalar;
    node.quoted = (tag == "!");
    node.where = at(mark);
    if (node.quoted) check_quote(mark, node.where);
    node.value = scalar_text(value, node.where);
    add(std::move(node), anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(Node::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(Node::Kind::mapping, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    Node node;
    YAML::anchor_t anchor;
    std::unordered_set<std::string> keys;
  };

  // Through a cursor: counting each node's column from its line's start was quadratic in the
  // length of a line (a flow list of 80,000 dates took 19 s).
  Location at(const YAML::Mark& mark) { return cursor_.at(mark.line, mark.column); }

  // yaml-cpp 0.7 ends a quoted value that is never closed at the end of the file, without an
  // error: `name: "abc` on the last line was read as `abc`, and earlier in a file the value took
  // every line after it (the keys it swallowed were then missing, D005 at 1:1). A quoted value runs
  // from its quote (the mark, 0-based, columns in bytes) to the matching one.
  void check_quote(const YAML::Mark& mark, const Location& where) {
    const std::string& text = source_->text;
    if (mark.line < 0 || static_cast<std::size_t>(mark.line) >= source_->line_starts.size()) return;
    auto open = source_->line_starts[static_cast<std::size_t>(mark.line)] + static_cast<std::size_t>(std::max(mark.column, 0));
    if (open >= text.size() || (text[open] != '"' && text[open] != '\'')) return;
    char q = text[open];
    std::size_t i = open + 1;
    for (; i < text.size(); ++i) {
      if (q == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == q) {
        if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;  // '' is a quote inside a single-quoted value
          continue;
        }
        break;
      }
    }
    auto quote = std::string(1, q);
    if (i >= text.size()) throw input_error("D001.quote-unclosed", where, {{"quote", quote}});
    auto line_end = text.find('\n', open);
    if (i > line_end && !open_quote_.known()) {
      open_quote_ = where;
      open_quote_char_ = q;
    }
  }

  void open(Node::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
      throw input_error("D017", at(mark), {{"limit", limits_.max_depth}});
    }
    Open o;
    o.node.kind = kind;
    o.node.where = at(mark);
    o.anchor = anchor;
    stack_.push_back(std::move(o));
  }

  void close() {
    Open o = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(o.node), o.anchor);
  }

  void add(Node node, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = node;
    if (stack_.empty()) {
      root_ = std::move(node);
      has_root_ = true;
      return;
    }
    auto& parent = stack_.back();
    auto& children = parent.node.children;
    bool mapping = parent.node.kind == Node::Kind::mapping;
    bool key = mapping && children.size() % 2 == 0;
    // Values, not bytes, are what reading costs (about 3 µs each with yaml-cpp's share, measured
    // by bench/long_lines.py): bound them before they are all read.
    if ((key || !mapping) && (mapping ? children.size() / 2 : children.size()) == limits_.max_items) {
      throw input_error("D028", parent.node.where,
                        {{"kind", message(mapping ? "yaml.mapping" : "yaml.list")}, {"limit", limits_.max_items}});
    }
    if (++nodes_ > limits_.max_nodes) {
      throw input_error("D029", node.where, {{"limit", limits_.max_nodes}});
    }
    if (key) {
      // Only scalar keys can be compared; dacu uses no other kind.
      if (node.kind != Node::Kind::scalar) {
        throw input_error("D004.key", node.where, {{"kind", describe(node)}});
      }
      if (!parent.keys.insert(node.value).second) {
        const Node* first = parent.node.find(node.value);
        // `first` points at the earlier key's value; its key sits just before it.
        int first_line = first ? (first - 1)->where.line : 0;
        throw input_error("D003", node.where, {{"key", node.value}, {"line", first_line}});
      }
    }
    if (mapping && !key && node.is_null() && !children.empty() && node.where.line != children.back().where.line) {
      // `开团:` with nothing after it: yaml-cpp marks the empty value where the next token starts
      // (the next key, or the end of the file 30 lines on); the value belongs just after the colon.
      const Location& k = children.back().where;
      node.where = Location{k.file, k.line, k.column + static_cast<int>(utf8::decode(children.back().value).size()) + 1};
    }
    children.push_back(std::move(node));
  }

  std::shared_ptr<const SourceFile> source_;
  LocationCursor cursor_;
  Limits limits_;
  std::vector<Open> stack_;
  std::size_t nodes_ = 0;
  std::map<YAML::anchor_t, Node> anchors_;
  std::size_t alias_nodes_ = 0;
  Node root_;
  bool has_root_ = false;
  Location document_start_;
  Location open_quote_;
  char open_quote_char_ = 0;
};

// Checks that need the raw text: encoding, byte order mark, tabs in indentation.
void check_text(const std::shared_ptr<const SourceFile>& source) {
  const std::string& text = source->text;
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    throw input_error("D013", Location{source, 1, 1});
  }
  auto bad = utf8::find_invalid(text);
  if (bad != std::string::npos) {
    // Locate the bad byte by line; the column counts the valid characters before it.
    auto line_it = std::upper_bound(source->line_starts.begin(), source->line_starts.end(), bad);
    auto line0 = static_cast<int>(line_it - source->line_starts.begin()) - 1;
    auto line_start = source->line_starts[static_cast<std::size_t>(line0)];
    throw input_error("D012", location_from_bytes(source, line0, static_cast<int>(bad - line_start)));
  }
  for (std::size_t line = 0; line < source->line_starts.size(); ++line) {
    auto start = source->line_starts[line];
    std::size_t i = start;
    while (i < text.size() && text[i] == ' ') ++i;
    if (i < text.size() && text[i] == '\t') {
      throw input_error("D014", location_from_bytes(source, static_cast<int>(line), static_cast<int>(i - start)));
    }
  }
}

std::string syntax_hint(const std::string& detail) {
  if (detail.find("end of map not found") != std::string::npos ||
      detail.find("end of sequence not found") != std::string::npos ||
      detail.find("flow not found") != std::string::npos) {
    return message("yaml.not-closed");
  }
  if (detail.find("illegal map value") != std::string::npos) {
    return message("yaml.quote-colon");
  }
  if (detail.find("block") != std::string::npos || detail.find("indent") != std::string::npos) {
    return message("yaml.indentation");
  }
  if (detail.find("anchor") != std::string::npos || detail.find("alias") != std::string::npos) {
    return message("yaml.anchor");
  }
  return message("yaml.syntax");
}

// yaml-cpp reads a std::istream; this one reads the text where it is (an std::istringstream
// would first copy all of it, up to 8 MiB).
class TextBuffer : public std::streambuf {
 public:
  explicit TextBuffer(const std::string& text) {
    // The get area is only read: std::streambuf writes to it on putback alone, which it
    // refuses (pbackfail) unless the character put back is the one already there.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

// YAML counts a CR alone as a line end (YAML 1.2, b-break), as old Mac editors and some exports
// write them; yaml-cpp 0.7 does not, and read such a file as one comment line: "holds no YAML
// document". Turning each CR that no LF follows into an LF reads the file as its author sees it,
// and the lines and columns of messages stay those of the author's editor. CRLF stays as it is.
void normalise_line_ends(std::string& text) {
  for (std::size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1)) {
    if (i + 1 == text.size() || text[i + 1] != '\n') text[i] = '\n';
  }
}

}  // namespace

Document parse(std::string text, std::string_view source_name, const Limits& limits) {
  if (text.size() > limits.max_bytes) {
    throw input_error("D011.size", Location{make_source(std::string(source_name), {}), 0, 0},
                      {{"size", text.size()}, {"limit", limits.max_bytes}});
  }
  normalise_line_ends(text);
  auto source = make_source(std::string(source_name), std::move(text));
  check_text(source);
  slips::check_lines(source);
  if (source->text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw input_error("D015.empty", Location{source, 1, 1});  // 1:1, as editors and CI show an empty file
  }
  TextBuffer buffer(source->text);
  std::istream stream(&buffer);
  YAML::Parser parser(stream);
  Builder builder(source, limits);
  try {
    parser.HandleNextDocument(builder);
    if (!builder.has_root()) {
      throw input_error("D015.no-document", Location{source, 1, 1});
    }
    Builder rest(source, limits);
    if (parser.HandleNextDocument(rest)) {
      throw input_error("D001.documents", rest.document_start().known() ? rest.document_start() : Location{source, 0, 0});
    }
  } catch (const YAML::DeepRecursion& e) {
    throw input_error("D017", location_from_bytes(source, e.mark.line, e.mark.column), {{"limit", limits.max_depth}});
  } catch (const YAML::Exception& e) {
    // A quote left open took the lines up to the next quote, and the parser failed after them.
    if (builder.open_quote().known() && builder.open_quote().line <= e.mark.line + 1) {
      throw input_error("D001.quote-open", builder.open_quote(),
                        {{"quote", std::string(1, builder.open_quote_char())}, {"line", e.mark.line + 1}});
    }
    // A full-width colon or a missing space makes a line text, which yaml-cpp notices only at a
    // later line, with a message about that one: name the slip instead.
    if (auto slip = slips::near_failure(source, e.mark.line)) throw InputError(std::move(*slip));
    // An unclosed [ or { is only noticed where the parser gives up; point at the bracket itself.
    const Location* open = builder.innermost_open();
    if (e.msg.find("flow not found") != std::string::npos && open && open->known()) {
      auto found = location_from_bytes(source, e.mark.line, e.mark.column);
      throw input_error("D001.bracket", *open, {{"detail", e.msg}, {"line", found.line}});
    }
    throw input_error("D001.syntax", location_from_bytes(source, e.mark.line, e.mark.column),
                      {{"detail", e.msg}, {"advice", syntax_hint(e.msg)}});
  }
  return Document{source, builder.take_root()};
}

namespace {

// A plain value where a mapping was expected is often entries that a slip made text.
void refuse_slip_in(const Node& node) {
  if (!node.is_scalar() || node.quoted) return;
  if (auto slip = slips::in_text(node.where)) throw InputError(std::move(*slip));
}

}  // namespace

Fields::Fields(const Node& node, std::string_view what, std::span<const std::string_view> allowed)
    : node_(node), what_(what) {
  if (!node.is_mapping()) {
    refuse_slip_in(node);
    throw input_error("D004.mapping", node.where, {{"what", what}, {"kind", describe(node)}});
  }
  for (std::size_t i = 0; i < node.map_size(); ++i) {
    const auto& key = node.key(i).value;
    bool known = false;
    for (auto a : allowed) known = known || key == a;
    if (!known) {
      std::vector<std::string> choices(allowed.begin(), allowed.end());
      throw input_error("D002.key", node.key(i).where, {{"key", key}, {"what", what}, {"advice", suggestion(key, choices)}});
    }
  }
}

const Node& Fields::require(std::string_view key) const {
  const Node* value = node_.find(key);
  if (!value) {
    throw input_error("D005.key", node_.where, {{"what", what_}, {"key", key}});
  }
  return *value;
}

const std::string& scalar(const Node& node, std::string_view what) {
  if (!node.is_scalar()) {
    if (node.is_null()) throw input_error("D004.value-missing", node.where, {{"what", what}, {"kind", describe(node)}});
    throw input_error("D004.value", node.where, {{"what", what}, {"kind", describe(node)}});
  }
  return node.value;
}

const Node& sequence(const Node& node, std::string_view what) {
  if (!node.is_sequence()) {
    throw input_error("D004.list", node.where, {{"what", what}, {"kind", describe(node)}});
  }
  return node;
}

const Node& mapping(const Node& node, std::string_view what) {
  if (!node.is_mapping()) {
    refuse_slip_in(node);
    throw input_error("D004.mapping", node.where, {{"what", what}, {"kind", describe(node)}});
  }
  return node;
}

std::vector<const Node*> scalar_or_list(const Node& node, std::string_view what) {
  std::vector<const Node*> out;
  if (node.is_sequence()) {
    for (const auto& item : node.children) {
      scalar(item, what);
      out.push_back(&item);
    }
  } else {
    scalar(node, what);
    out.push_back(&node);
  }
  return out;
}

}  // namespace dacu::yaml
