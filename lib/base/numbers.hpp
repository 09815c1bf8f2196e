#pragma once
/// Numbers as people write and read them: digits grouped in threes, fixed decimals, percentages,
/// and yes or no. One grammar and one formatter each, used by every reader and renderer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/rational.hpp"

namespace dacu {

/// Digits grouped in threes: 1234567 -> "1,234,567", -1234 -> "-1,234".
std::string group_thousands(std::int64_t value);

/// `x` rounded half away from zero to `decimals` places and written with exactly that many.
std::string format_fixed(const Rational& x, int decimals);
/// `x` as a percentage with `decimals` places: 0.0606 -> "6.06%".
std::string format_percent(const Rational& x, int decimals);

/// Yes or no as shops write it in files and exports: 是 / 否, true / false, yes / no, y / n, 1 / 0,
/// √ / ×, in any letter case. Nullopt for anything else (an empty text included).
std::optional<bool> parse_yes_no(std::string_view text);
/// What to write, for hints: "是 or 否 (true/false, yes/no and 1/0 also work)".
std::string yes_no_forms();

/// Text with the full-width forms a Chinese input method types folded to ASCII: the digits ０–９
/// and ．－／：，＋％. They are unambiguous in a number or a date, so every value grammar reads them.
/// `origin` maps each byte of `text` (and its end) to the byte of `original` it came from, so a
/// problem found in the folded text is located where it was typed.
struct FoldedText {
  std::string_view original;
  std::string text;
  std::vector<std::size_t> origin;
  std::size_t original_offset(std::size_t at) const { return origin[at < origin.size() ? at : origin.size() - 1]; }
  /// The character as typed at folded offset `at`, for messages ("，" rather than ",").
  std::string_view original_char(std::size_t at) const;
};
FoldedText fold_fullwidth(std::string_view text);

/// Why a value could not be read: where (a byte offset of the text as written), what, and what to
/// write instead.
struct FormProblem {
  std::size_t offset = 0;
  std::string message;
  std::string hint;
  /// The value holds a character its grammar never reads (`unexpected 'x' in an amount`, a space
  /// inside an amount): the text is
  /// perhaps another kind of value, which callers may try next. Set apart from the message, whose
  /// words depend on the language.
  bool foreign_character = false;
};

/// The words a grammar's messages use for its values, as keys of the message catalogue
/// (messages.hpp), looked up only when a value fails: "the amount" / "an amount".
struct ValueWords {
  std::string_view the;        ///< key of "the amount"
  std::string_view a;          ///< key of "an amount"
  std::string_view examples;   ///< key of the hint for a value that is not one
  std::string_view too_large;  ///< key of the hint for a value out of range
  std::string_view grouped;    ///< a value grouped in threes, for the hint on a misplaced separator
};

/// A decimal as people write it, read by the money and count grammars: a whole part either plain
/// (1800) or grouped in threes by ',' or '，' (1,800; 1，800), an optional fraction (.5) and an
/// optional 万 (×10000). Read from `at` (after any sign or currency sign) in folded text.
struct WrittenDecimal {
  std::uint64_t whole = 0;          ///< at most INT64_MAX
  std::size_t first_digit = 0;      ///< offsets in the folded text
  std::size_t fraction_start = 0;   ///< = fraction_end when there is no fraction
  std::size_t fraction_end = 0;
  bool wan = false;
  std::size_t end = 0;              ///< just after what was read
};
std::optional<WrittenDecimal> scan_decimal(const FoldedText& text, std::size_t at, const ValueWords& words,
                                           FormProblem& problem);

/// A whole number as people write counts (件数, 人数): 3000, 3,000, 3，000, 0.3万 (3000), with an
/// optional sign, and followed by `unit` when one is given (1.2万件 for a count of 件). Full-width
/// digits are read. Nullopt with `problem` filled otherwise; a count that is not whole after 万
/// (0.00003万 is 0.3) says so.
std::optional<std::int64_t> parse_count(std::string_view text, std::string_view unit, FormProblem& problem);
/// As above, without the reason.
std::optional<std::int64_t> try_parse_count(std::string_view text, std::string_view unit = {});

}  // namespace dacu
