#pragma once
/// Text from a file made safe to show on a terminal or in a document: characters that would
/// act instead of print are written out as escapes people can read.
///
///   visible_text("a\x1b[31mb") == "a\\x1b[31mb"      (no colour change, the escape is shown)
///   visible_text("x\u202Ey") == "xU+202Ey"             (no right-to-left override)
///
/// Shown as `\t`, `\n`, `\r` and `\xNN`: every C0 control (U+0000–U+001F, tab and line breaks
/// included, so that a table row stays one line and its columns stay aligned) and DEL. Shown as
/// `U+NNNN`: the C1 controls (U+0080–U+009F; U+009B is a terminal's CSI), the bidirectional
/// controls that reorder what a reader sees (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069) and the line and paragraph separators U+2028 and U+2029. A byte that is not
/// UTF-8 is shown as `\xNN`. Everything else is kept, so Chinese text reads as written.

#include <string>
#include <string_view>

namespace dacu {

/// `text` with the characters above replaced by their escapes; the result holds none of them.
std::string visible_text(std::string_view text);

/// True for the code points visible_text writes as an escape.
bool is_hidden_control(char32_t c);

}  // namespace dacu
