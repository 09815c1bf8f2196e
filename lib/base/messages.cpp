#include "dacu/base/messages.hpp"

#include <atomic>
#include <map>
#include <span>
#include <stdexcept>

#include "dacu/base/embedded.hpp"

namespace dacu {

namespace {

struct Entry {
  std::string zh;
  std::string en;
};

std::atomic<Language> current{Language::zh};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// `\n` is a line break and `\\` a backslash; any other backslash stays as written.
std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && (s[i + 1] == 'n' || s[i + 1] == '\\')) {
      out += s[i + 1] == 'n' ? '\n' : '\\';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

[[noreturn]] void bad_catalogue(std::string_view file, std::size_t line, std::string_view what) {
  throw std::logic_error(fmt::format("message catalogue {}:{}: {}", file, line, what));
}

std::map<std::string, Entry, std::less<>> read_catalogue() {
  std::map<std::string, Entry, std::less<>> entries;
  for (const auto& file : message_files()) {
    Entry* entry = nullptr;
    std::string_view text = file.text;
    std::size_t number = 0;
    while (!text.empty()) {
      auto end = text.find('\n');
      auto line = trim(text.substr(0, end));
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      ++number;
      if (line.empty() || line.front() == '#') continue;
      if (line.front() == '[' && line.back() == ']') {
        auto [it, added] = entries.try_emplace(std::string(line.substr(1, line.size() - 2)));
        if (!added) bad_catalogue(file.name, number, fmt::format("key {} given twice", it->first));
        entry = &it->second;
        continue;
      }
      auto equals = line.find('=');
      if (entry == nullptr || equals == std::string_view::npos) bad_catalogue(file.name, number, "expected `zh = …` or `en = …`");
      auto language = trim(line.substr(0, equals));
      auto value = unescape(trim(line.substr(equals + 1)));
      std::string* slot = language == "zh" ? &entry->zh : language == "en" ? &entry->en : nullptr;
      if (slot == nullptr) bad_catalogue(file.name, number, fmt::format("unknown language {}", language));
      if (!slot->empty()) bad_catalogue(file.name, number, fmt::format("{} given twice", language));
      *slot = std::move(value);
    }
  }
  return entries;
}

const std::map<std::string, Entry, std::less<>>& catalogue() {
  static const auto entries = read_catalogue();
  return entries;
}

const Entry& entry(std::string_view key) {
  auto it = catalogue().find(key);
  if (it == catalogue().end()) throw std::logic_error(fmt::format("no message {} in the catalogue", key));
  return it->second;
}

std::string fill(std::string_view key, std::string_view text, std::span<const MessageArg> args) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    auto close = text.find('}', i);
    if (close == std::string_view::npos) throw std::logic_error(fmt::format("message {}: unclosed {{", key));
    auto name = text.substr(i + 1, close - i - 1);
    const MessageArg* found = nullptr;
    for (const auto& arg : args) {
      if (arg.name == name) found = &arg;
    }
    if (found == nullptr) throw std::logic_error(fmt::format("message {}: no value for {{{}}}", key, name));
    out += found->value;
    i = close;
  }
  return out;
}

}  // namespace

void set_message_language(Language language) { current.store(language); }
Language message_language() { return current.load(); }

std::string message(std::string_view key, MessageArgs args) { return message_in(message_language(), key, args); }

std::string message_in(Language language, std::string_view key, MessageArgs args) {
  return fill(key, message_text(language, key), std::span<const MessageArg>(args.begin(), args.size()));
}

std::string message_in(Language language, std::string_view key, std::span<const MessageArg> args) {
  return fill(key, message_text(language, key), args);
}

bool has_message(std::string_view key) { return catalogue().contains(key); }

std::vector<std::string> message_keys() {
  std::vector<std::string> keys;
  for (const auto& [key, _] : catalogue()) keys.push_back(key);
  return keys;
}

std::string_view message_text(Language language, std::string_view key) {
  const auto& e = entry(key);
  const auto& text = language == Language::zh ? e.zh : e.en;
  if (text.empty()) throw std::logic_error(fmt::format("message {} has no {} text", key, language == Language::zh ? "zh" : "en"));
  return text;
}

}  // namespace dacu
