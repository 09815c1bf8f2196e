#include "io.hpp"

#include "dacu/compute/validate.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <ostream>
#include <random>

#include "dacu/writers/cleanup.hpp"
#include "dacu/writers/modules.hpp"

namespace dacu::cli {

namespace fs = std::filesystem;

void add_set_option(CommandLine& cl, OutputOptions& o) {
  cl.options("--set", o.sets, "override a milestone or parameter: --set 开团=2026-12-20T10:00 (repeatable)");
}

void add_warnings_option(CommandLine& cl, OutputOptions& o) {
  cl.flag("--all-warnings", o.all_warnings,
          fmt::format("print every warning (by default the first {}, then how many more)", kWarningsShown));
}

Warnings warnings_of(const OutputOptions& o) { return o.all_warnings ? Warnings::all : Warnings::bounded; }

void add_strict_option(CommandLine& cl, OutputOptions& o) {
  cl.flag("--strict", o.strict, "warnings fail too (exit 1, nothing written), as dacu validate --strict");
}

ChecksFailed::ChecksFailed(std::vector<Diagnostic> all) : InputError(all.front()), all_(std::move(all)) {}

std::string format_input_error(const InputError& e, bool color) {
  if (const auto* failed = dynamic_cast<const ChecksFailed*>(&e)) return format_diagnostics(failed->all(), Warnings::all, color);
  return paint(format_diagnostic(e.diagnostic()), color);
}

std::vector<Diagnostic> plan_warnings(const Campaign& campaign, const Plan& plan) {
  std::vector<Diagnostic> found = plan.warnings;
  add_once(found, check_plan(campaign, plan));
  return found;
}

void add_once(std::vector<Diagnostic>& to, std::vector<Diagnostic> more) {
  for (auto& d : more) {
    if (std::find(to.begin(), to.end(), d) == to.end()) to.push_back(std::move(d));
  }
}

std::vector<Diagnostic> settle(std::vector<Diagnostic> found, const OutputOptions& o) {
  bool errors = std::any_of(found.begin(), found.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (!errors && !(o.strict && !found.empty())) return found;
  if (o.strict) {
    for (auto& d : found) d.severity = Severity::error;
  }
  // The first error leads: it is what the InputError says where one line is shown.
  std::stable_partition(found.begin(), found.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
  throw ChecksFailed(std::move(found));
}

void add_output_options(CommandLine& cl, OutputOptions& o, std::string command, std::vector<std::string> formats) {
  add_set_option(cl, o);
  add_format_options(cl, o, std::move(command), std::move(formats));
}

void add_format_options(CommandLine& cl, OutputOptions& o, std::string command, std::vector<std::string> formats) {
  o.command = std::move(command);
  o.formats = std::move(formats);
  cl.choice("-f,--format", o.format, o.formats,
            fmt::format("output format (default: from -o's extension, else {})", o.formats.front()));
  add_output_file_option(cl, o, "write to FILE instead of stdout (atomically)");
  cl.choice("--lang", o.lang, {"zh", "en"}, "language of labels and messages (default zh; messages also follow LANG)");
}

void add_output_file_option(CommandLine& cl, OutputOptions& o, const std::string& help) {
  cl.option("-o,--output", o.output, help, o.output_given);
}

void add_csv_raw_option(CommandLine& cl, OutputOptions& o) {
  cl.flag("--csv-raw", o.csv_raw,
          "CSV: text cells as they are (default: a ' before text that starts with = + - @, so Excel runs no formula)");
}

std::vector<Override> parse_overrides(const OutputOptions& o) {
  std::vector<Override> out;
  for (const auto& s : o.sets) out.push_back(parse_override(s));
  return out;
}

Lang parse_lang(const OutputOptions& o) { return o.lang == "en" ? Lang::en : Lang::zh; }

RenderOptions render_options(const OutputOptions& o, bool bom) {
  RenderOptions options;
  options.lang = parse_lang(o);
  options.bom = bom;
  options.csv_guard = o.csv_raw ? FormulaGuard::off : FormulaGuard::on;
  options.writers = modules::writers();
  return options;
}

namespace {

// An -o that cannot be written: D070, the file named.
Location output_location(const std::string& path) { return Location{make_source(path, {}), 0, 0}; }

/// "md, json, html or xlsx"; with a prefix before each: ".md, .json, .html or .xlsx".
std::string listed(const std::vector<std::string>& items, std::string_view prefix = {}) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto item = fmt::format("{}{}", prefix, items[i]);
    if (i == 0) out = item;
    else if (i + 1 == items.size()) out = message("app.list-or", {{"list", out}, {"item", item}});
    else out = message("app.list-comma", {{"list", out}, {"item", item}});
  }
  return out;
}

/// Root may write to any file, so the mode bits say what its owner meant: no w bit at all is a
/// file someone made read-only on purpose. Anyone else: what access() says.
void refuse_read_only(const std::string& target, const struct stat& at) {
  auto mode = fmt::format("{:04o}", at.st_mode & 07777);
  if ((at.st_mode & 0222) == 0) {
    throw input_error("D075.read-only", Location{make_source(target, {}), 0, 0}, {{"mode", mode}, {"file", target}});
  }
  if (::access(target.c_str(), W_OK) != 0 && errno == EACCES) {
    throw input_error("D075.not-writable", Location{make_source(target, {}), 0, 0}, {{"mode", mode}, {"uid", at.st_uid}});
  }
}

/// The temporary file's name: `.NAME.SUFFIX`, with NAME cut (on a UTF-8 character boundary) so
/// that the whole fits the folder's limit on a name (255 bytes on most file systems): a target
/// name of 233 to 255 bytes is fine, its temporary name is shorter. SUFFIX alone keeps it unique.
std::string temporary_name(const std::string& name, const std::string& suffix, long name_max) {
  auto room = static_cast<std::size_t>(std::max<long>(name_max, 32)) - 1 - suffix.size();
  if (name.size() <= room) return fmt::format(".{}{}", name, suffix);
  std::size_t cut = room;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return fmt::format(".{}{}", name.substr(0, cut), suffix);
}

}  // namespace

void refuse_empty_output(const OutputOptions& o) {
  if (!o.output_given || !o.output.empty()) return;
  throw input_error("D077.output", Location{make_source("<command line>", {}), 0, 0});
}

Format choose_format(const OutputOptions& o, Format fallback) {
  refuse_empty_output(o);
  if (!o.format.empty()) {
    if (auto f = format_from_name(o.format)) return *f;
  }
  if (o.output.empty() || o.output == "-") return fallback;
  auto f = format_from_extension(o.output);
  if (!f) return fallback;  // .out, .yaml, no extension: the command's default, as always
  std::string name(format_name(*f));
  if (o.formats.empty() || std::find(o.formats.begin(), o.formats.end(), name) != o.formats.end()) return *f;
  std::vector<std::string> extensions;
  for (const auto& format : o.formats) extensions.emplace_back(format_extension(*format_from_name(format)));
  auto dot = o.output.rfind('.');
  throw input_error("D076", Location{make_source("<command line>", o.output), 1, 1}.advanced(o.output, dot + 1),
                    {{"file", o.output},
                     {"command", o.command},
                     {"format", name},
                     {"formats", listed(o.formats)},
                     {"extensions", listed(extensions, ".")}});
}

void refuse_binary_on_terminal(const OutputOptions& o, Format format, const Context& ctx) {
  if (format != Format::xlsx || !ctx.out_is_terminal) return;
  if (!o.output.empty() && o.output != "-") return;
  throw input_error("D072", Location{make_source("<command line>", {}), 0, 0});
}

namespace {

[[noreturn]] void refuse_existing(const OutputOptions& o) {
  throw input_error("D079", Location{make_source(o.output, {}), 0, 0});
}

// rename(2) that fails with EEXIST instead of replacing: renameat2's RENAME_NOREPLACE, or, on a
// file system without it, a hard link (which never replaces) and the temporary name removed.
bool move_without_replacing(const fs::path& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) return false;
  if (::link(from.c_str(), to.c_str()) != 0) return false;
  ::unlink(from.c_str());
  return true;
}

}  // namespace

void write_output(const OutputOptions& o, const std::string& bytes, const std::vector<std::string>& inputs, Context& ctx) {
  refuse_empty_output(o);
  if (o.output.empty() || o.output == "-") {
    // Errors on stdout are cli::run's: it checks the stream and closes fd 1 before exiting.
    ctx.out << bytes;
    ctx.out.flush();
    return;
  }
  const std::string& target = o.output;
  // One stat of the target: a directory is refused, and an existing file may be an input.
  struct stat at {};
  bool exists = ::stat(target.c_str(), &at) == 0;
  if (exists) {
    if (S_ISDIR(at.st_mode)) throw input_error("D070.directory", output_location(o.output));
    for (const auto& input : inputs) {
      struct stat in {};
      if (::stat(input.c_str(), &in) == 0 && in.st_dev == at.st_dev && in.st_ino == at.st_ino) {
        throw input_error("D071", Location{make_source(o.output, {}), 0, 0});
      }
    }
  }
  auto write_all = [&](int fd, const auto& give_up) {
    for (std::size_t done = 0; done < bytes.size();) {
      auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) give_up(n < 0 ? system_error_text(errno) : message("app.no-progress"));
      done += static_cast<std::size_t>(n);
    }
  };
  // A device, pipe or socket (-o /dev/null, a named pipe) is written to as it is: renaming a file
  // over it would replace the device itself. So is /dev/stdout and the like, a link into
  // /proc/self/fd, even when it leads to a regular file (`-o /dev/stdout > plan.csv`): appending
  // there is what the shell's redirection asked for, and a rename would replace the link.
  struct stat link {};
  bool fd_link = exists && (target.starts_with("/dev/") || target.starts_with("/proc/")) &&
                 ::lstat(target.c_str(), &link) == 0 && S_ISLNK(link.st_mode);
  // init's file is never replaced without --force: an existing regular file, or a link that
  // leads nowhere yet (the rename would replace the link). The check here is the early answer;
  // the final rename refuses too, for a file that appears meanwhile (two inits racing).
  struct stat own {};
  if (o.keep_existing && !fd_link && (exists ? S_ISREG(at.st_mode) : ::lstat(target.c_str(), &own) == 0)) refuse_existing(o);
  if (exists && (!S_ISREG(at.st_mode) || fd_link)) {
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | (S_ISREG(at.st_mode) ? O_APPEND : 0));
    if (fd < 0) throw input_error("D070.open", output_location(o.output), {{"reason", system_error_text(errno)}});
    write_all(fd, [&](const std::string& reason) {
      ::close(fd);
      throw input_error("D070.write", output_location(o.output), {{"reason", reason}});
    });
    if (::close(fd) != 0) throw input_error("D070.write", output_location(o.output), {{"reason", system_error_text(errno)}});
    return;
  }
  if (exists) refuse_read_only(target, at);
  // Write next to the target, then rename: readers see the old file or the whole new one. The
  // temporary name holds the process id, a token drawn once per process and a counter; O_EXCL
  // refuses a name that exists anyway (left by a killed run), and the next number is tried. (A
  // std::random_device per file cost 9% of a 10,000-file batch, measured; one per process does not.)
  // It is registered before it is created, so SIGINT and SIGTERM remove it (cleanup.hpp).
  static std::atomic<unsigned long> counter{0};
  static const auto token = fmt::format("{}-{:08x}", ::getpid(), std::random_device{}());
  fs::path target_path(target);
  auto dir = target_path.parent_path().empty() ? fs::path(".") : target_path.parent_path();
  long name_max = ::pathconf(dir.c_str(), _PC_NAME_MAX);
  fs::path temp;
  cleanup::Guard guard;
  int fd = -1;
  int error = 0;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    auto suffix = fmt::format(".{}-{}.tmp", token, counter.fetch_add(1));
    temp = dir / temporary_name(target_path.filename().string(), suffix, name_max > 0 ? name_max : NAME_MAX);
    guard.hold(temp.string());
    // Replacing a file: private until it has the old one's owner and mode (a 0600 report of
    // takings never passes through 0644). A new file: what the umask gives.
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, exists ? 0600 : 0666);
    error = errno;
    guard.created(fd >= 0);
    if (fd < 0 && error != EEXIST) break;
  }
  if (fd < 0) {
    throw input_error("D070.create-temporary", output_location(o.output), {{"folder", dir.string()}, {"reason", system_error_text(error)}});
  }
  auto discard = [&] {
    ::close(fd);
    ::unlink(temp.c_str());
  };
  if (exists) {
    // The owner first: chown clears the set-user-ID and set-group-ID bits that chmod then sets.
    // Only root may give a file away; a user keeps at least the group where it is one of theirs.
    if (::fchown(fd, at.st_uid, at.st_gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), at.st_gid);
    if (::fchmod(fd, at.st_mode & 07777) != 0) {
      std::string reason = system_error_text(errno);
      discard();
      throw input_error("D070.mode", output_location(o.output), {{"mode", fmt::format("{:04o}", at.st_mode & 07777)}, {"reason", reason}});
    }
  }
  write_all(fd, [&](const std::string& reason) {
    discard();
    throw input_error("D070.write", output_location(o.output), {{"reason", reason}});
  });
  if (::close(fd) != 0) {
    error = errno;  // before unlink, which may set it
    ::unlink(temp.c_str());
    throw input_error("D070.write", output_location(o.output), {{"reason", system_error_text(error)}});
  }
  if (o.keep_existing) {
    if (!move_without_replacing(temp, target)) {
      error = errno;
      ::unlink(temp.c_str());
      if (error == EEXIST) refuse_existing(o);
      throw input_error("D070.create", output_location(o.output), {{"reason", system_error_text(error)}});
    }
    return;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    error = errno;
    ::unlink(temp.c_str());
    throw input_error("D070.replace", output_location(o.output), {{"reason", system_error_text(error)}});
  }
}

std::string usage_problem(std::string_view text, std::string_view command) {
  return fmt::format("dacu: {}: {}\n{}: {}\n", message("label.error"), text, message("label.tip"),
                     message("usage.run-help", {{"command", command}}));
}

std::string paint(std::string text, bool color) {
  if (!color) return text;
  auto replace = [&](std::string_view word, std::string_view code) {
    auto at = text.find(word);
    if (at != std::string::npos) text.replace(at, word.size(), fmt::format("\x1b[{}m{}\x1b[0m", code, word));
  };
  replace(fmt::format("{}:", message("label.error")), "1;31");
  replace(fmt::format("{}:", message("label.warning")), "1;33");
  return text;
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics, Warnings warnings, bool color) {
  std::string out;
  std::size_t shown = 0, held = 0;
  std::map<std::string, std::size_t> held_by_code;
  for (const auto& d : diagnostics) {
    if (d.severity == Severity::warning) {
      // A file can warn once per task, and a CI log or a terminal is not the place for thousands.
      if (warnings == Warnings::bounded && shown == kWarningsShown) {
        ++held;
        ++held_by_code[d.code];
        continue;
      }
      ++shown;
    }
    out += paint(format_diagnostic(d), color);
  }
  if (held > 0) {
    // What was held, by code, so the summary says what kind of warnings they are.
    std::vector<std::string> counts;
    for (const auto& [code, count] : held_by_code) counts.push_back(message("app.code-count", {{"code", code}, {"count", count}}));
    // The English list takes a space after its comma; the Chinese ， needs none.
    auto separator = message("app.list-separator");
    if (message_language() == Language::en) separator += ' ';
    auto by_code = fmt::format("{}", fmt::join(counts, separator));
    out += fmt::format("dacu: {}\n", held == 1 ? message("app.more-warning", {{"count", held}, {"codes", by_code}})
                                                 : message("app.more-warnings", {{"count", held}, {"codes", by_code}}));
  }
  return out;
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, Context& ctx, Warnings warnings) {
  ctx.err << format_diagnostics(diagnostics, warnings, ctx.color);
}

}  // namespace dacu::cli
