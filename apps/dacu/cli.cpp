// The one translation unit that includes CLI11 (its header takes seconds to compile).
#include "cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <new>
#include <optional>
#include <ostream>

#include "commands.hpp"
#include "dacu/base/error.hpp"
#include "dacu/base/utf8.hpp"
#include "dacu/input/loader.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "process.hpp"

namespace dacu::cli {

namespace {

class Cli11CommandLine final : public CommandLine {
 public:
  explicit Cli11CommandLine(CLI::App& app) : app_(app) {}

  void positional(const std::string& name, std::string& value, const std::string& help, bool required) override {
    auto* o = app_.add_option(name, value, help);
    if (required) o->required();
  }
  void positionals(const std::string& name, std::vector<std::string>& values, const std::string& help,
                   bool required) override {
    auto* o = app_.add_option(name, values, help);
    if (required) o->required();
  }
  void option(const std::string& names, std::string& value, const std::string& help) override {
    app_.add_option(names, value, help);
  }
  void option(const std::string& names, std::string& value, const std::string& help, bool& given) override {
    app_.add_option(names, value, help)->each([&given](const std::string&) { given = true; });
  }
  void options(const std::string& names, std::vector<std::string>& values, const std::string& help) override {
    app_.add_option(names, values, help)->allow_extra_args(false);
  }
  void choice(const std::string& names, std::string& value, const std::vector<std::string>& choices,
              const std::string& help) override {
    app_.add_option(names, value, help)->check(CLI::IsMember(choices));
  }
  void flag(const std::string& names, bool& value, const std::string& help) override {
    app_.add_flag(names, value, help);
  }
  void examples(const std::string& text) override { app_.footer("\nExamples:\n" + text); }
  CommandLine& subcommand(const std::string& name, const std::string& summary, bool& used) override {
    auto* sub = app_.add_subcommand(name, summary);
    sub->parse_complete_callback([&used] { used = true; });
    nested_.push_back(std::make_unique<Cli11CommandLine>(*sub));
    return *nested_.back();
  }

 private:
  CLI::App& app_;
  std::vector<std::unique_ptr<Cli11CommandLine>> nested_;
};

constexpr std::string_view kOverview = R"(dacu (大促) plans Chinese e-commerce campaigns: it expands campaign templates
(聚划算, 双十一, 订货宝) into dated task schedules in the campaign's time zone, with
holidays and 调休 make-up days honoured, and computes staffing, budgets and ROI,
eligibility and reports of actuals against plan.)";

constexpr std::string_view kFooter = R"(
Examples:
  dacu templates                                   list the built-in templates
  dacu init 聚划算 --set 开团=2026-12-20T10:00 > my.yaml
  dacu plan examples/雪凡妮-双十二聚划算.yaml        the dated schedule as a table
  dacu plan my.yaml --format csv --bom -o plan.csv
  dacu staff examples/双十一-旗舰店.yaml --by day    heads, shifts and person-hours per day
  dacu staff erlang --contacts 100 --interval 30m --aht 180s --sl 80/20
  dacu plan my.yaml -o team.ics --alarm 30m        calendar to import
  dacu plan my.yaml -o plan.xlsx                   Excel workbook: real dates and numbers
  dacu report my.yaml --actuals today.csv --as-of 2026-12-20T12:30 -o report.html
  dacu report shops/*.yaml --actuals today.csv --out-dir out/ -j 2 --fail-on-alert
  dacu report shops/*.yaml --actuals-dir actuals/ --out-dir out/ --summary run.json
  dacu roi examples/聚划算-ROI样例.yaml --scenarios   budget, 投产比, 费用占比
  dacu check examples/雪凡妮-双十二聚划算.yaml --products examples/聚划算-商品.csv
  dacu validate templates/*.yaml examples/*.yaml   every problem, for CI too
  dacu when 开团前3个工作日 --at 开团=2026-10-09T10:00

Exit codes: 0 success, 1 an input is invalid, 2 usage error (the command line), 3 a
checkpoint off plan (--fail-on-alert) or data missing (--fail-on-missing), 4 an output could
not be written (stdout included), out of memory or the --out-dir is locked, 70 internal error,
128+N ended by signal N (130 Ctrl-C, 143 SIGTERM; temporary files are removed first). When
several apply: 70 > 4 > 1 > 3 > 0.
Run `dacu COMMAND --help` for a command's options.)";

// `what` split at the first `sep`: true with the parts in `before` and `after`.
bool split_at(std::string_view what, std::string_view sep, std::string_view& before, std::string_view& after) {
  auto at = what.find(sep);
  if (at == std::string_view::npos) return false;
  before = what.substr(0, at);
  after = what.substr(at + sep.size());
  return true;
}

// What CLI11 lists as not expected: the leftovers of the first command (dacu, then the one run,
// then its own subcommand) that has any, in the order CLI11 names them (last first).
std::string extras_of(const CLI::App& app) {
  auto left = app.remaining(false);
  if (left.empty()) {
    for (const auto* sub : app.get_subcommands()) {
      auto listed = extras_of(*sub);
      if (!listed.empty()) return listed;
    }
    return {};
  }
  std::string out;
  for (auto it = left.rbegin(); it != left.rend(); ++it) out += (out.empty() ? "" : " ") + *it;
  return out;
}

std::size_t extras_count(const CLI::App& app) {
  if (auto n = app.remaining(false).size()) return n;
  for (const auto* sub : app.get_subcommands()) {
    if (auto n = extras_count(*sub)) return n;
  }
  return 0;
}

template <class T>
bool is(const CLI::Error& e) {
  return dynamic_cast<const T*>(&e) != nullptr;
}

// CLI11's message for `e` taken apart and put back together from the catalogue in `language`,
// or nothing when its shape is not one dacu knows. In English the result is CLI11's text.
std::optional<std::string> usage_message(Language language, const CLI::Error& e, const CLI::App& app) {
  // By class, not by get_name(): CLI11 names an ExtrasError after the command it was raised in.
  std::string_view what = e.what(), name, rest, a, b;
  if (is<CLI::ExtrasError>(e)) {
    auto args = extras_of(app);
    if (extras_count(app) == 1) return message_in(language, "usage.extra", {{"args", args}});
    return message_in(language, "usage.extras", {{"args", args}});
  }
  if (is<CLI::RequiredError>(e)) {
    if (what == "A subcommand is required") return message_in(language, "usage.no-command");
    if (what.ends_with(" is required")) {
      return message_in(language, "usage.required", {{"name", what.substr(0, what.size() - 12)}});
    }
    return std::nullopt;
  }
  if (is<CLI::ArgumentMismatch>(e) && split_at(what, ": ", name, rest)) {
    if (rest.starts_with("At Most ") && split_at(rest.substr(8), " required but received ", a, b)) {
      return message_in(language, "usage.at-most", {{"name", name}, {"max", a}, {"count", b}});
    }
    if (rest.starts_with("At least ") && split_at(rest.substr(9), " required but received ", a, b)) {
      return message_in(language, "usage.at-least", {{"name", name}, {"min", a}, {"count", b}});
    }
    if (rest.ends_with(" missing") && split_at(rest.substr(0, rest.size() - 8), " required ", a, b)) {
      return message_in(language, "usage.missing-value", {{"name", name}, {"count", a}, {"type", b}});
    }
    return std::nullopt;
  }
  if (is<CLI::ValidationError>(e) && split_at(what, ": ", name, rest)) {
    auto in = rest.rfind(" not in {");
    if (in == std::string_view::npos || !rest.ends_with("}")) return std::nullopt;
    auto choices = rest.substr(in + 9, rest.size() - in - 10);
    return message_in(language, "usage.not-member", {{"name", name}, {"value", rest.substr(0, in)}, {"choices", choices}});
  }
  if (is<CLI::ConversionError>(e)) {
    if (what.starts_with("Could not convert: ") && split_at(what.substr(19), " = ", name, rest)) {
      return message_in(language, "usage.conversion", {{"name", name}, {"values", rest}});
    }
    if (split_at(what, ": ", name, rest) && rest == "Should be true/false or a number") {
      return message_in(language, "usage.flag-value", {{"name", name}});
    }
    if (split_at(what, ": ", name, rest) && rest == "too many inputs for a flag") {
      return message_in(language, "usage.flag-inputs", {{"name", name}});
    }
    return std::nullopt;
  }
  if (is<CLI::ExcludesError>(e) && split_at(what, " excludes ", a, b)) {
    return message_in(language, "usage.excludes", {{"option", a}, {"other", b}});
  }
  if (is<CLI::RequiresError>(e) && split_at(what, " requires ", a, b)) {
    return message_in(language, "usage.requires", {{"option", a}, {"other", b}});
  }
  return std::nullopt;
}

// A command dacu does not have (`dacu budget`): CLI11 only says that a subcommand is required.
std::optional<std::string> unknown_command(const CLI::Error& e, const CLI::App& app, const std::vector<Command>& commands) {
  if (!is<CLI::RequiredError>(e) || !app.get_subcommands().empty()) return std::nullopt;
  std::string word;
  for (const auto& arg : app.remaining(false)) {
    if (!arg.starts_with("-")) {
      word = arg;
      break;
    }
  }
  if (word.empty()) return std::nullopt;
  std::vector<std::string> names;
  std::string list;
  for (const auto& command : commands) {
    names.push_back(command.name);
    list = list.empty() ? command.name : message("app.list-comma", {{"list", list}, {"item", command.name}});
  }
  auto close = closest_match(word, names);
  if (close.empty()) return message("usage.unknown-command", {{"name", word}, {"commands", list}});
  return message("usage.unknown-command-close", {{"name", word}, {"word", close}, {"commands", list}});
}

// The usage error in the language of messages. CLI11's English is kept as it is: a message
// whose shape dacu does not know, or whose parts do not give CLI11's text back, is quoted whole.
std::string usage_text(const CLI::Error& e, const CLI::App& app, const std::vector<Command>& commands) {
  if (auto unknown = unknown_command(e, app, commands)) return *unknown;
  auto english = usage_message(Language::en, e, app);
  if (!english || *english != e.what()) return message("usage.other", {{"detail", e.what()}});
  return *usage_message(message_language(), e, app);
}

// `--lang zh|en` is taken by every command (cli::run reads it before parsing): where a command
// has no --lang of its own, a hidden one that sets only the language of messages.
void accept_lang(CLI::App& app, std::string& sink) {
  if (app.get_option_no_throw("--lang") == nullptr) {
    app.add_option("--lang", sink, "language of messages: zh or en (default: the locale's)")
        ->check(CLI::IsMember({"zh", "en"}))
        ->group("");
  }
  for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) accept_lang(*sub, sink);
}

}  // namespace

namespace {

int run_command(int argc, const char* const* argv, std::ostream& out, std::ostream& err, bool color, bool err_terminal,
                bool out_terminal) {
  CLI::App app{std::string(kOverview), "dacu"};
  app.set_version_flag("--version", fmt::format("dacu {}", DACU_VERSION));
  app.require_subcommand(1);
  app.footer(std::string(kFooter));
  app.get_formatter()->column_width(36);

  auto commands = all_commands();
  std::vector<std::pair<CLI::App*, std::function<int(Context&)>>> runners;
  for (auto& command : commands) {
    auto* sub = app.add_subcommand(command.name, command.summary);
    Cli11CommandLine cl(*sub);
    runners.emplace_back(sub, command.setup(cl));
  }
  std::string lang;
  accept_lang(app, lang);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::Success& e) {
    return app.exit(e, out, err);
  } catch (const CLI::Error& e) {
    std::string where = "dacu";
    for (const auto* sub : app.get_subcommands()) where = fmt::format("dacu {}", sub->get_name());
    // CLI11 quotes what was typed (`--format $'\e[31m'`): shown, never sent to the terminal.
    err << paint(usage_problem(utf8::visible(usage_text(e, app, commands)), where), color);
    return kUsageError;
  }

  Loader loader;
  Context ctx{out, err, loader, color, err_terminal, out_terminal};
  try {
    for (auto& [sub, runner] : runners) {
      if (sub->parsed()) return runner(ctx);
    }
  } catch (const InputError& e) {
    err << format_input_error(e, color);
    return exit_status_of(e.diagnostic());  // 1 the input's, 2 the command line's, 4 the machine's
  } catch (const Error& e) {
    err << paint(fmt::format("dacu: {}: {}\n", message("label.error"), e.what()), color);
    return kInputError;
  } catch (const std::bad_alloc&) {
    // Not a bug, nor the input's fault: the run needs more memory than the process may have.
    err << paint(format_diagnostic(out_of_memory({})), color);
    return kEnvironment;
  } catch (const std::exception& e) {
    err << paint(fmt::format("dacu: {}: {}\n{}: {}\n", message("label.internal-error"), e.what(), message("label.tip"),
                             message("internal-error.report")), color);
    return kInternalError;
  }
  return kUsageError;
}

}  // namespace

namespace {

// dacu's users are Chinese shop operators: Chinese unless English is asked for.
constexpr Language kDefaultLanguage = Language::zh;

// The language of messages (docs/errors.md, "Language"): `--lang zh|en` anywhere before `--`,
// else the locale's language as POSIX ranks the variables (LC_ALL, then LC_MESSAGES, then LANG;
// the first one set and not empty decides): English for en…, Chinese for anything else. Output
// files follow --lang only, so that the same inputs give the same bytes on any machine.
Language choose_language(int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--") break;
    std::string_view value;
    if (arg == "--lang" && i + 1 < argc) value = argv[i + 1];
    else if (arg.starts_with("--lang=")) value = arg.substr(7);
    if (value == "en") return Language::en;
    if (value == "zh") return Language::zh;
  }
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    return std::string_view(value).starts_with("en") ? Language::en : kDefaultLanguage;
  }
  return kDefaultLanguage;
}

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  set_message_language(choose_language(argc, argv));
  // `dacu … | head`: with SIGPIPE ignored, a write to a pipe nobody reads fails with EPIPE
  // instead of killing the process, and the run ends quietly (below).
  std::signal(SIGPIPE, SIG_IGN);
  // The real process (main.cpp): checked stdout, signal handlers, a memory reserve.
  std::optional<Process> process;
  if (&out == &std::cout) process.emplace();
  bool err_terminal = &err == &std::cerr && ::isatty(STDERR_FILENO) == 1;
  bool out_terminal = &out == &std::cout && ::isatty(STDOUT_FILENO) == 1;
  const char* no_color = std::getenv("NO_COLOR");  // set and not empty: no color (no-color.org)
  bool color = err_terminal && (no_color == nullptr || *no_color == '\0');

  int status = run_command(argc, argv, out, err, color, err_terminal, out_terminal);

  // Every byte for stdout must have reached it: a full disk under `> plan.json`, /dev/full or a
  // closed stdout is D070 and exit 4, as a failed -o is. A reader that went away (EPIPE: `| head`)
  // wanted no more: quiet, and the status is the run's own.
  int error = process ? process->finish_stdout() : 0;
  if (error == 0 || error == EPIPE) return status;
  err << paint(format_diagnostic(stdout_failure(error)), color);
  return worst_status(status, kEnvironment);
}

}  // namespace dacu::cli
