#pragma once
/// Messages in Chinese and English, each written once per language in the catalogue,
/// lib/base/messages/*.msg, which is compiled into the binary:
///
///   [D022]
///   zh = 没有名为「{name}」的日历
///   en = unknown calendar '{name}'
///
/// `{name}` is replaced by the argument of that name; `{{` and `}}` stand for braces; `\n` is a
/// line break. A key is a code (`D022`) or a code and a variant (`D080.folder`), either one
/// followed by `.hint` for its hint, or a phrase that other messages use (`phrase.did-you-mean`).
/// tests/cli/messages.py checks that every key the sources name exists in both languages with
/// the arguments the source passes, and that every code dacu emits has an entry.

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace dacu {

enum class Language { zh, en };

/// The language of every message from now on, for the whole process. The CLI sets it once,
/// before any work and before any thread starts (apps/dacu/cli.cpp: --lang, else the locale).
void set_message_language(Language language);
Language message_language();

/// One named value for a message's placeholder.
struct MessageArg {
  template <class T>
  MessageArg(std::string_view n, const T& v) : name(n), value(fmt::format("{}", v)) {}
  std::string_view name;
  std::string value;
};
using MessageArgs = std::initializer_list<MessageArg>;

/// The entry `key` in the current language, its placeholders filled from `args`. A key the
/// catalogue lacks, or a placeholder no argument fills, throws std::logic_error: a defect in dacu
/// that tests/cli/messages.py finds before a user can.
std::string message(std::string_view key, MessageArgs args = {});
std::string message_in(Language language, std::string_view key, MessageArgs args = {});
std::string message_in(Language language, std::string_view key, std::span<const MessageArg> args);
bool has_message(std::string_view key);

/// What the system said about an errno value, in the current language: the catalogue's words for
/// the errors a user can act on (a full disk, no permission, a missing folder …), the C library's
/// English text for the rest. A Chinese message then never carries an English reason.
std::string system_error_text(int error);

/// Every key of the catalogue, sorted (tests, docs/errors.md's table of texts).
std::vector<std::string> message_keys();
/// An entry's text as written, placeholders unfilled.
std::string_view message_text(Language language, std::string_view key);

}  // namespace dacu
