#pragma once
/// Which template files the loader may read, and what a file must look like before any of it is
/// shown. A campaign names its template by a path (`extends: ./my.yaml`) that must stay inside
/// the campaign's folder or a folder the user allowed (`--template-dir`): the path comes from a
/// file that may not be the user's own (a pull request checked by CI), and a template's text is
/// echoed in error messages. So the text of a file is parsed, and may be quoted, only once it
/// says `kind: template`; anything else is refused by name, with none of its content.

#include <string>
#include <string_view>

namespace dacu {

/// Whether `file` lies in the folder `dir` or below it. Both are Sources identities (for the
/// disk: absolute, symbolic links resolved), so `..` and links out of `dir` are outside.
bool path_inside(std::string_view dir, std::string_view file);

/// What a file is, read from its text without parsing it.
enum class FileKind {
  template_file,  ///< a top-level line `kind: template`
  campaign,       ///< `kind: campaign`
  calendar,       ///< `kind: calendar`
  binary,         ///< holds NUL bytes
  not_utf8,       ///< not UTF-8 text
  unknown,        ///< text with no top-level `kind:` line of dacu's
};

/// Looks for the top-level `kind:` line (at the start of a line, before any other `kind:` that
/// names a kind of dacu's). Cheap and never quotes the text, so it can decide whether a file may
/// be parsed.
FileKind sniff_file_kind(std::string_view text);

/// Why a file of `kind` is not a template, completing "… is not a dacu template: …"; empty for
/// a template.
std::string not_a_template(FileKind kind);

}  // namespace dacu
