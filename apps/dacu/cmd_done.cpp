// dacu done: record that tasks changed state, as rows appended to a task status file that
// `dacu report --status` and `dacu plan --status` read.
//
// The file is rewritten whole, never appended to in place: under an exclusive flock on FILE.lock
// (a side file that is never replaced, so every writer waits on the same lock), the current
// rows are read, the new ones added, and the result written to a temporary file in the same
// folder, fsynced and renamed over FILE. A reader sees the old file or the new one, never half a
// row; two writers at once each see the other's rows (tests/cli/done_concurrent.py).
#include <date/tz.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

#include "commands.hpp"
#include "dacu/base/table.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/compute/task_status.hpp"
#include "dacu/input/sources.hpp"
#include "dacu/input/status_reader.hpp"
#include "dacu/plan/planning.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/render/contract.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "reads.hpp"

namespace dacu::cli {

namespace {

namespace fs = std::filesystem;

struct DoneOptions {
  std::string campaign;
  std::vector<std::string> tasks;
  std::string status;
  std::string state = "已完成";
  std::string owner;
  std::string note;
  std::string at;
  std::vector<std::string> template_dirs;
};

Location command_line_at(const std::string& text) { return Location{make_source("<command line>", text), 1, 1}; }

[[noreturn]] void cannot_write(const std::string& file, int error) {
  throw input_error("D467", Location{make_source(file, {}), 0, 0}, {{"file", file}, {"reason", std::strerror(error)}});
}


std::string show_at(date::local_seconds at) {
  auto day = date::floor<date::days>(at);
  auto time = at - day;
  auto text = format_date(day) + " " + format_clock(std::chrono::duration_cast<std::chrono::minutes>(time));
  if (time % std::chrono::minutes(1) != std::chrono::seconds(0)) text += fmt::format(":{:02}", (time % std::chrono::minutes(1)).count());
  return text;
}

/// How long dacu done waits for another writer's lock on FILE.lock.
constexpr std::chrono::seconds kLockWait{10};

class FileLock {
 public:
  explicit FileLock(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0) cannot_write(path, errno);
    // Another writer holds it for the few milliseconds a rewrite takes: wait for it, but not
    // forever (a hung holder, a lock on a stale network mount): D467.locked after kLockWait.
    auto deadline = std::chrono::steady_clock::now() + kLockWait;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      int error = errno;
      if (error == EINTR) continue;
      if (error == EWOULDBLOCK && std::chrono::steady_clock::now() < deadline) {
        ::usleep(50'000);
        continue;
      }
      ::close(fd_);
      if (error == EWOULDBLOCK) {
        throw input_error("D467.locked", Location{make_source(path, {}), 0, 0},
                          {{"lock", path}, {"seconds", std::chrono::duration_cast<std::chrono::seconds>(kLockWait).count()}});
      }
      cannot_write(path, error);
    }
  }
  ~FileLock() { ::close(fd_); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

void write_all(int fd, const std::string& bytes, const std::string& path) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      cannot_write(path, errno);
    }
    done += static_cast<std::size_t>(n);
  }
}

// Writes `bytes` to a temporary file beside `path`, fsyncs it and renames it over `path`; then
// fsyncs the folder so that the rename survives a crash.
void replace_file(const std::string& path, const std::string& bytes, mode_t mode) {
  auto dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  auto pattern = (dir / ("." + fs::path(path).filename().string() + ".XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) cannot_write(path, errno);
  std::string temp(name.data());
  try {
    write_all(fd, bytes, path);
    if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0) cannot_write(path, errno);
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::close(fd) != 0 || ::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    cannot_write(path, error);
  }
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

// The file `status` names once every symbolic link is followed (itself when it is none). A link
// whose target is missing leads to where that target would be, so that the first row creates it.
std::string written_path(const std::string& status) {
  fs::path path = status;
  std::error_code ec;
  // 40 links as the kernel follows (ELOOP past them): a loop is then left to the write to report.
  for (int i = 0; i < 40 && fs::is_symlink(path, ec); ++i) {
    auto next = fs::read_symlink(path, ec);
    if (ec) break;
    path = next.is_absolute() ? next : path.parent_path() / next;
  }
  return path.lexically_normal().string();
}

std::optional<std::size_t> column_of(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (std::find(names.begin(), names.end(), header[i]) != names.end()) return i;
  }
  return std::nullopt;
}

// D468: --owner or --note onto a file without the column for it (the rows would lose them).
void check_header(const std::vector<std::string>& header, const DoneOptions& o) {
  if ((!o.owner.empty() && !column_of(header, {"负责人", "owner"})) || (!o.note.empty() && !column_of(header, {"备注", "note"}))) {
    throw input_error("D468", Location{make_source(o.status, {}), 1, 1}, {{"file", o.status}, {"header", kStatusHeader}});
  }
}

// --owner's default: the owner the plan gives the task (a repeated task's series: its first
// occurrence's), so that the 负责人 column is never left blank by a forgotten option.
std::string owner_of(const Plan& plan, const std::string& task) {
  for (const auto& t : plan.tasks) {
    if (t.name == task || t.series == task) return t.owner;
  }
  return {};
}

// A task name as a person types it: often the start of a long name (开团后每半个小时跟进 for
// 开团后每半个小时跟进，判断流量是否按预期计划), or without its （…） part (X for X（Y）). Edit
// distance misses those, so they are looked for first: the names that start with what was typed,
// or equal it once a （…）/(…) part is dropped, an occurrence of a repeated task standing for its
// series. One such name is suggested, several are listed; never accepted in its place: a row under
// a guessed name would mark another task done in a file the whole team reads, unseen.
std::string name_advice(const std::string& typed, const std::vector<std::string>& names) {
  auto without_brackets = [](std::string name) {
    for (auto [open, close] : {std::pair{std::string("（"), std::string("）")}, std::pair{std::string("("), std::string(")")}}) {
      auto from = name.find(open);
      if (from == std::string::npos) continue;
      auto to = name.find(close, from);
      if (to == std::string::npos) continue;
      name.erase(from, to + close.size() - from);
    }
    return name;
  };
  std::vector<std::string> found;
  for (const auto& name : names) {
    if (!typed.empty() && (name.starts_with(typed) || without_brackets(name) == typed)) found.push_back(name);
  }
  // 开团跟进 10:30 is an occurrence of 开团跟进: the series alone.
  const auto all = found;
  std::erase_if(found, [&all](const std::string& name) {
    return std::any_of(all.begin(), all.end(), [&name](const std::string& series) { return name.starts_with(series + " "); });
  });
  if (found.size() == 1) return message("phrase.did-you-mean", {{"word", found.front()}});
  if (found.empty()) return suggestion(typed, names);
  std::string list = "「" + found.front() + "」";
  for (std::size_t i = 1; i < found.size() && i < 12; ++i) list = message("app.list-comma", {{"list", list}, {"item", "「" + found[i] + "」"}});
  return message("phrase.expected-one-of", {{"list", list}});
}

int run_done(DoneOptions& o, Context& ctx) {
  allow_template_dirs(ctx.loader, o.template_dirs);
  if (o.status.empty()) {
    ctx.err << usage_problem(message("usage.required", {{"name", "--status"}}), "dacu done");
    return static_cast<int>(kUsageError);
  }
  auto state = parse_task_state(o.state);
  if (!state) {
    std::vector<std::string> words;
    for (const auto& w : status_state_words()) words.emplace_back(w.word);
    auto close = closest_match(o.state, words);
    if (close.empty()) throw input_error("D465", command_line_at(o.state), {{"text", o.state}});
    throw input_error("D465.close", command_line_at(o.state), {{"text", o.state}, {"close", close}});
  }
  // --owner and --note go into the CSV as typed: text that would make the file unreadable (bytes
  // that are not UTF-8, control characters, line breaks) is refused before anything is written.
  for (auto [value, option] : {std::pair{&o.owner, "--owner"}, std::pair{&o.note, "--note"}}) {
    bool control = std::any_of(value->begin(), value->end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
    if (control || valid_utf8(*value) != *value) throw input_error("D470", command_line_at(*value), {{"option", option}});
  }
  auto campaign = ctx.loader.load_file(o.campaign, {});
  auto plan = plan_campaign(campaign);
  auto names = status_task_names(plan);
  for (const auto& task : o.tasks) {
    if (std::find(names.begin(), names.end(), task) == names.end()) {
      throw input_error("D460", command_line_at(task), {{"task", task}, {"advice", name_advice(task, names)}});
    }
  }
  date::local_seconds at;
  if (!o.at.empty()) {
    auto t = parse_local_datetime(o.at);
    if (!t) {
      auto advice = date_advice(o.at, message("D462.form"));
      throw input_error("D466", command_line_at(o.at), {{"text", o.at}, {"problem", advice.problem}, {"advice", advice.hint}});
    }
    at = t->at;
  } else {
    // The only clock reading: now, in the campaign's zone, to the minute.
    auto now = date::floor<std::chrono::minutes>(std::chrono::system_clock::now());
    at = date::floor<std::chrono::minutes>(date::locate_zone(plan.timezone)->to_local(now));
  }

  // Refusals first, before the lock file is made: the file's own problems, and a column the
  // options need that its header lacks (D468). Checked again under the lock.
  std::error_code exists_ec;
  if (fs::exists(o.status, exists_ec)) {
    auto bytes = read_text_file(o.status, InputKind::status);
    read_status(bytes, o.status);
    check_header(parse_csv(std::move(bytes), o.status).header, o);
  }
  // A status file that is a symbolic link (kept in a shared folder, say) is written through: the
  // file it leads to is locked and replaced in its own folder, and the link stays a link.
  auto target = written_path(o.status);
  FileLock lock(target + ".lock");
  std::error_code ec;
  bool exists = fs::exists(target, ec);
  std::string text;
  mode_t mode = 0644;
  std::vector<std::string> header{"任务", "状态", "负责人", "时间", "备注"};
  std::string eol = "\n";
  if (exists) {
    auto bytes = read_text_file(target, InputKind::status);
    read_status(bytes, o.status);  // the file as it is must read: its problems are shown, not buried
    // GBK (Excel's "CSV") is rewritten as UTF-8 with a BOM, which Excel opens as well.
    text = decode_text(std::move(bytes), o.status, TextEncoding::automatic);
    if (!text.empty() && !text.starts_with("\xEF\xBB\xBF")) text = "\xEF\xBB\xBF" + text;
    auto table = parse_csv(text, o.status);
    header = table.header;
    if (text.find("\r\n") != std::string::npos) eol = "\r\n";
    if (!text.empty() && text.back() != '\n') text += eol;
    struct stat st {};
    if (::stat(target.c_str(), &st) == 0) mode = st.st_mode & 07777;
  } else {
    text = "\xEF\xBB\xBF" + std::string(kStatusHeader) + eol;  // a BOM: Excel opens it as UTF-8
  }
  auto task_column = column_of(header, {"任务", "task"}), state_column = column_of(header, {"状态", "state", "status"}),
       time_column = column_of(header, {"时间", "time"}), owner_column = column_of(header, {"负责人", "owner"}),
       note_column = column_of(header, {"备注", "note"});
  check_header(header, o);
  for (const auto& task : o.tasks) {
    std::vector<std::string> fields(header.size());
    fields[*task_column] = task;
    fields[*state_column] = std::string(task_state_zh(*state));
    if (time_column) fields[*time_column] = show_at(at);  // none: the file's rows have no time (docs/format.md)
    if (owner_column) fields[*owner_column] = o.owner.empty() ? owner_of(plan, task) : o.owner;
    if (note_column) fields[*note_column] = o.note;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      // The file is opened in Excel: what a shop typed as 负责人 or 备注 gets the one formula guard
      // of every CSV dacu writes (the status reader takes the ' off again). The task's name, state
      // and time are dacu's own and read back as written.
      bool typed = i == owner_column || i == note_column;
      text += (i ? "," : "") + csv_field(fields[i], typed ? FormulaGuard::on : FormulaGuard::off);
    }
    text += eol;
  }
  // Past the limit every command reads, the file could no longer be read by anyone: refused, the
  // file left as it was.
  if (text.size() > kMaxReadBytes) {
    throw input_error("D571", Location{make_source(o.status, {}), 0, 0}, {{"file", o.status}, {"limit", kMaxReadBytes}});
  }
  replace_file(target, text, mode);
  ctx.out << message("done.written", {{"file", o.status}, {"count", o.tasks.size()}, {"state", task_state_zh(*state)}}) << "\n";
  return kSuccess;
}

}  // namespace

Command done_command() {
  return {"done", "record that tasks are done (or another state) in a task status file", [](CommandLine& cl) {
            auto o = std::make_shared<DoneOptions>();
            cl.positional("CAMPAIGN", o->campaign, "campaign file whose tasks these are", true);
            cl.positionals("TASK", o->tasks, "task names as dacu plan lists them (开团跟进 10:30; 开团跟进 for every occurrence)", true);
            cl.option("--status", o->status, "the task status CSV to append to (created with its header when absent)");
            cl.option("--state", o->state, "the new state: 未开始, 进行中, 已完成 (default) or 取消");
            cl.option("--owner", o->owner, "who reports it (负责人 column; default: the task's owner in the plan)");
            cl.option("--note", o->note, "a note (备注 column)");
            cl.option("--at", o->at, "when, local time in the campaign's zone (default: now, to the minute)");
            add_template_dir_option(cl, o->template_dirs);
            cl.examples(
                "  dacu done examples/雪凡妮-双十二聚划算.yaml 老客户短信预热 --status 状态.csv --owner 推广主管\n"
                "  dacu done my.yaml 主图设计 详情页设计 --status 状态.csv --state 进行中 --note 等样衣\n"
                "  dacu done my.yaml 开团跟进 --status 状态.csv --state 取消 --at 2026-12-20T09:00   (every occurrence)\n"
                "  dacu report my.yaml --status 状态.csv      (then: what is overdue, due today, due soon)\n"
                "\n"
                "状态.csv.lock, an empty file beside the CSV, stays on purpose: it is what two people recording at once\n"
                "wait on. Deleting it after each run would let a waiting writer and a new one each hold a lock\n"
                "(on the old file and on a new one of the same name) and rewrite the CSV together, losing a row.\n");
            return [o](Context& ctx) { return run_done(*o, ctx); };
          }};
}

}  // namespace dacu::cli
