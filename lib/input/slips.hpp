#pragma once
/// Chinese-keyboard slips: a full-width `：，；（）［］｛｝＂`, digit or space (U+3000) typed where
/// YAML's structure or a date or number needs ASCII, and a key written `key:value` without the
/// space. yaml-cpp reads most of them as text and fails lines later, or not at all; these checks
/// name the character where it was typed and show the line as it should be.
///
/// Values that are Chinese text (`备注: 注意：请于10点前发货`, `- 注意：…`), quoted values,
/// comments and block scalars are never looked at for slips.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dacu/base/error.hpp"

namespace dacu::slips {

/// The slips that are certain whatever yaml-cpp would make of the file: a line among a block
/// mapping's entries that is no entry but has `：` after a key (D018) or `key:value` (D019),
/// full-width spaces in indentation, a value wrapped in full-width brackets or quotes, a
/// full-width colon or comma between the entries of a flow mapping (D018). Throws the first.
void check_lines(const std::shared_ptr<const SourceFile>& source);

/// After yaml-cpp gave up on the 0-based line `line0`: a slip on that line or on the few lines
/// before it that explains the failure, if there is one.
std::optional<Diagnostic> near_failure(const std::shared_ptr<const SourceFile>& source, int line0);

/// A plain value found where a mapping was expected, starting at `where`: the slip that made
/// its entries text (`团购价：129`, `团购价:129` under `parameters:`), if there is one.
std::optional<Diagnostic> in_text(const Location& where);

/// Throws D007 when `text`, a value that must be a date, a time or a number and is not one, holds
/// full-width characters; `what` names the value for the message. `where` is the text's start.
void check_value(std::string_view text, const Location& where, std::string_view what);

/// Whether `text` holds a full-width mark the scanner takes for a slip in YAML structure
/// (：，；＂［］｛｝): a value written to YAML with one (init's task names) is quoted, so that it
/// reads back as text.
bool has_structure_mark(std::string_view text);

/// `text` with each full-width ASCII form (U+FF01–U+FF5E) and the ideographic space written in
/// ASCII; a full-width comma becomes `, `.
std::string to_ascii(std::string_view text);

}  // namespace dacu::slips
