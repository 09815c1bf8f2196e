#pragma once
/// Errors and diagnostics: one shape for every problem dacu reports.
///
/// Every model element keeps the Location of the YAML node it came from; a problem becomes a
/// Diagnostic (severity, stable code, location, message, hint). Library code throws InputError
/// for the first fatal problem or collects Diagnostics; only the CLI prints them.

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dacu/base/messages.hpp"

namespace dacu {

/// The text of one input, shared by every Location that points into it.
struct SourceFile {
  std::string name;  ///< a label: the path as the user wrote it, or "<builtin>/x.yaml"
  std::string text;
  std::vector<std::size_t> line_starts;  ///< byte offset of each line; filled by make_source
};

/// A SourceFile with its line index built, ready to be shared by Locations.
std::shared_ptr<const SourceFile> make_source(std::string name, std::string text);

/// A position in a SourceFile: 1-based line, 1-based column counted in characters (code points).
struct Location {
  std::shared_ptr<const SourceFile> file;
  int line = 0;    ///< 0 when the problem has no position inside the file (a missing file)
  int column = 0;

  bool known() const { return line > 0; }
  std::string_view file_name() const;
  /// The text of the located line, without its line end; empty when unknown.
  std::string_view line_text() const;
  /// This location moved forward over `text[0, byte_offset)`, for a position inside a scalar
  /// that sits on one line (an offset phrase, a formula).
  Location advanced(std::string_view text, std::size_t byte_offset) const;

  friend bool operator==(const Location& a, const Location& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column;
  }
};

/// Makes a Location from a 0-based line and a 0-based byte column (what yaml-cpp reports).
Location location_from_bytes(const std::shared_ptr<const SourceFile>& file, int line0, int byte_column0);

/// location_from_bytes for a stream of positions that mostly move forward (a parser's marks): it
/// counts characters on from the previous position on the same line instead of from the line's
/// start, so locating every node of one long line (a flow list of 80,000 dates) costs the line's
/// length once, not once per node.
class LocationCursor {
 public:
  explicit LocationCursor(std::shared_ptr<const SourceFile> file) : file_(std::move(file)) {}
  Location at(int line0, int byte_column0);

 private:
  std::shared_ptr<const SourceFile> file_;
  int line0_ = -1;
  std::size_t byte_ = 0;   ///< byte column of the previous position on line0_
  std::size_t chars_ = 0;  ///< characters before it
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;  ///< stable, documented in docs/errors.md (e.g. "D012")
  Location where;
  std::string message;
  std::string hint;  ///< what to do about it; may be empty
  /// The catalogue entry and values the message was made from (make_diagnostic), so that a report
  /// can quote it in its own language: diagnostic_message(). Empty for a message made otherwise.
  std::string key;
  std::vector<std::pair<std::string, std::string>> args;
  /// A second place, where the problem was found when `where` is the value that caused it: the
  /// template line a campaign's (or --set's) value ran into. Shown as a `note:` line; unknown
  /// (no file) when there is none.
  Location related;
  /// The file the user asked to check whose checking found the problem (`dacu validate A B`), so
  /// that a problem located in a shared template still names the shop; empty when not known.
  std::string input;

  /// The same problem shown the same way: key and args, how the message was made, do not count.
  friend bool operator==(const Diagnostic& a, const Diagnostic& b) {
    return a.severity == b.severity && a.code == b.code && a.where == b.where && a.message == b.message &&
           a.hint == b.hint && a.related == b.related && a.input == b.input;
  }
};

/// `d` located at `cause` (a value the campaign or --set wrote), its old location kept as
/// `related`: a problem found in a template line is the shop's to fix when the shop's value
/// caused it. Unchanged when `cause` is unknown or already where `d` is.
void locate_at_cause(Diagnostic& d, const Location& cause);

/// The diagnostic `key` of the message catalogue (messages.hpp): its code is the key up to the
/// first `.` (`D080.folder` -> D080), its message the entry `key`, its hint the entry `key.hint`
/// when the catalogue has one; each filled from `args`.
Diagnostic make_diagnostic(Severity severity, std::string_view key, Location where, MessageArgs args = {});

/// The diagnostic's message in `language`, for output files that quote warnings (their labels follow
/// --lang, the messages on stderr the locale). Values filled in from other entries (a hint's
/// "did you mean") stay in the language they were made in.
std::string diagnostic_message(const Diagnostic& diagnostic, Language language);

/// Orders diagnostics by file name, line, column, then code.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

/// The root of dacu's exceptions.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A result too large to hold exactly (Money, Rational): the caller knows where the figure came
/// from and locates it (D314).
class RangeError : public Error {
 public:
  using Error::Error;
};

/// A problem with an input, located in it. Made by input_error() from the message catalogue, or
/// from a Diagnostic made by make_diagnostic(): there is no way to throw text written in place.
class InputError : public Error {
 public:
  explicit InputError(Diagnostic diagnostic);
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

/// The error `key` of the message catalogue, located: make_diagnostic(Severity::error, …).
InputError input_error(std::string_view key, Location where, MessageArgs args = {});

/// Formats a diagnostic the one way dacu shows problems to people:
///   dacu: error: FILE:LINE:COL: message [D012]
///      12 | start: 开团前二天半
///         |        ^
///   hint: …
/// The echoed line is cut to about kExcerptColumns display columns around the caret, with `…`
/// where it was cut, and its control characters are shown as utf8::visible shows them; so are
/// those of the message and the hint.
std::string format_diagnostic(const Diagnostic& diagnostic);

/// How many display columns of a source line a diagnostic echoes at most (with the `…` marks).
inline constexpr std::size_t kExcerptColumns = 120;

/// The part of `line` a diagnostic echoes, made visible (utf8::visible), and what goes before the
/// caret under it, for the character at 0-based `char_index` (past the end: just after the last
/// character). At most about `columns` display columns, `…` marking each cut end.
struct Excerpt {
  std::string text;
  std::string caret_indent;  ///< spaces (and the line's own tabs) up to the caret

  friend bool operator==(const Excerpt&, const Excerpt&) = default;
};
Excerpt excerpt(std::string_view line, std::size_t char_index, std::size_t columns = kExcerptColumns);

/// The closest candidate to `word` by edit distance (counted in characters), or "" when none is
/// close enough to suggest.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// "did you mean X?" for the closest candidate, or a list of the valid choices when none is close.
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace dacu
