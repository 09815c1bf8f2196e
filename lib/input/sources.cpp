#include "dacu/input/sources.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

#include "dacu/base/error.hpp"

namespace dacu {

namespace fs = std::filesystem;

std::string read_text_file(const fs::path& path, std::size_t max_bytes) {
  auto label = make_source(path.string(), {});
  auto fail = [&](std::string_view key, MessageArgs args = {}) { throw input_error(key, Location{label, 0, 0}, args); };
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) fail("D010.missing");
  if (fs::is_directory(status)) fail("D010.directory");
  if (fs::is_regular_file(status)) {
    auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) fail("D011.size", {{"size", size}, {"limit", max_bytes}});
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) fail("D010.permission");
  // Read by chunks up to one byte past the limit: pipes and /proc files report no size, and a
  // read error must not pass for an empty or short file.
  std::string text;
  std::array<char, 1 << 16> chunk;
  while (true) {
    std::size_t got = std::fread(chunk.data(), 1, chunk.size(), file.get());
    text.append(chunk.data(), got);
    if (text.size() > max_bytes) fail("D011.over", {{"limit", max_bytes}});
    if (got < chunk.size()) break;
  }
  if (std::ferror(file.get())) fail("D010.unreadable", {{"reason", system_error_text(errno)}});
  return text;
}

std::string read_text_file(const fs::path& path, InputKind kind) {
  try {
    std::error_code ec;
    // A folder stays D010's, with its hint; anything else that is not a regular file is D081.
    if (kind != InputKind::campaign && !fs::is_directory(path, ec)) return read_regular_file(path, kMaxReadBytes, RegularFor::data_file);
    return read_text_file(path);
  } catch (const InputError& e) {
    const auto& d = e.diagnostic();
    if (kind == InputKind::campaign || d.key != "D010.missing") throw;
    auto where = d.where;
    switch (kind) {
      case InputKind::actuals: throw input_error("D010.missing-actuals", where);
      case InputKind::products: throw input_error("D010.missing-products", where);
      case InputKind::customers: throw input_error("D010.missing-customers", where);
      case InputKind::baseline: throw input_error("D010.missing-baseline", where);
      case InputKind::campaign:
      case InputKind::status:
      case InputKind::list: break;
    }
    throw;
  }
}

namespace {

std::string kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return message("sources.fifo");
  if (S_ISCHR(mode)) return message("sources.character-device");
  if (S_ISBLK(mode)) return message("sources.block-device");
  if (S_ISSOCK(mode)) return message("sources.socket");
  if (S_ISDIR(mode)) return message("sources.directory");
  return message("sources.special-file");
}

// File systems whose files are the kernel's state, whatever their mode says (a /proc mounted
// elsewhere too).
bool kernel_file_system(const struct statfs& where) {
  switch (static_cast<unsigned long>(where.f_type)) {
    case PROC_SUPER_MAGIC:
    case SYSFS_MAGIC:
    case DEBUGFS_MAGIC:
    case TRACEFS_MAGIC:
    case SECURITYFS_MAGIC:
    case CGROUP_SUPER_MAGIC:
    case CGROUP2_SUPER_MAGIC:
      return true;
    default:
      return false;
  }
}

struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

}  // namespace

std::string read_regular_file(const fs::path& path, std::size_t max_bytes, RegularFor reading) {
  auto label = make_source(path.string(), {});
  auto fail = [&](std::string_view key, MessageArgs args = {}) { throw input_error(key, Location{label, 0, 0}, args); };
  auto special = [&](const std::string& what) {
    fail(reading == RegularFor::template_file ? "D081.special" : "D081.input", {{"what", what}});
  };
  auto unreadable = [&](int error) {
    if (error == ENOENT || error == ENOTDIR) fail("D010.missing");
    if (error == EACCES) fail("D010.permission");
    fail("D010.unreadable", {{"reason", system_error_text(error)}});
  };
  // Every symbolic link followed first: what is checked below is what is opened.
  std::error_code ec;
  auto real = fs::canonical(path, ec);
  if (ec) unreadable(ec.value());
  // Everything is refused before it is opened: opening a FIFO blocks until a writer comes, and
  // opening a device may act on it.
  struct stat before {};
  if (::stat(real.c_str(), &before) != 0) unreadable(errno);
  if (!S_ISREG(before.st_mode)) special(kind_of(before.st_mode));
  for (std::string_view root : {"/proc", "/sys", "/dev"}) {
    std::string_view text = real.native();
    if (text.starts_with(root) && (text.size() == root.size() || text[root.size()] == '/')) {
      special(message("sources.under", {{"root", root}}));
    }
  }
  struct statfs where {};
  if (::statfs(real.c_str(), &where) == 0 && kernel_file_system(where)) special(message("sources.kernel"));
  // O_NONBLOCK: a FIFO swapped in after the checks opens at once instead of hanging; O_NOFOLLOW:
  // so does a link swapped in, which fails. fstat then says whether the same file was opened.
  Descriptor file{::open(real.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC)};
  if (file.fd < 0) {
    if (errno == ELOOP) special(message("sources.link-appeared"));
    unreadable(errno);
  }
  struct stat after {};
  if (::fstat(file.fd, &after) != 0) unreadable(errno);
  if (!S_ISREG(after.st_mode) || after.st_dev != before.st_dev || after.st_ino != before.st_ino) {
    special(message("sources.replaced"));
  }
  if (static_cast<std::uintmax_t>(after.st_size) > max_bytes) {
    fail("D011.size", {{"size", after.st_size}, {"limit", max_bytes}});
  }
  std::string text;
  std::array<char, 1 << 16> chunk;
  while (true) {
    auto got = ::read(file.fd, chunk.data(), chunk.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) unreadable(errno);
    if (got == 0) break;
    text.append(chunk.data(), static_cast<std::size_t>(got));
    // A file that grows while it is read is still cut off at the limit.
    if (text.size() > max_bytes) {
      fail("D011.over", {{"limit", max_bytes}});
    }
  }
  return text;
}

std::optional<fs::path> file_in_folder(const fs::path& dir, const std::string& name) {
  auto path = dir / name;
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  auto folder = fs::canonical(dir, ec);
  if (ec) return path;  // the read that follows says what is wrong
  auto real = fs::canonical(path, ec);
  if (ec) return path;
  auto inside = real.lexically_relative(folder);
  if (inside.empty() || *inside.begin() == "..") {
    throw input_error("D572", Location{make_source(path.string(), {}), 0, 0},
                      {{"file", path.string()}, {"target", real.string()}, {"dir", dir.string()}});
  }
  return path;
}

std::string DiskSources::read(const fs::path& path) { return read_text_file(path); }

std::string DiskSources::read_regular(const fs::path& path) { return read_regular_file(path); }

std::string DiskSources::identity(const fs::path& path) {
  std::error_code ec;
  // Absolute first: weakly_canonical leaves a relative path none of whose parts exists relative
  // (`nonexist.yaml`), which then lies inside no folder, and a missing template was D080.
  auto canonical = fs::weakly_canonical(fs::absolute(path, ec), ec);
  return (ec ? path : canonical).string();
}

void MemorySources::add(const fs::path& path, std::string text) {
  files_[path.lexically_normal().string()] = std::move(text);
}

std::string MemorySources::read(const fs::path& path) {
  auto it = files_.find(path.lexically_normal().string());
  if (it == files_.end()) {
    throw input_error("D010.missing", Location{make_source(path.string(), {}), 0, 0});
  }
  return it->second;
}

void MemorySources::add_special(const fs::path& path, std::string what) {
  special_[path.lexically_normal().string()] = std::move(what);
}

std::string MemorySources::read_regular(const fs::path& path) {
  auto it = special_.find(path.lexically_normal().string());
  if (it != special_.end()) {
    throw input_error("D081.special", Location{make_source(path.string(), {}), 0, 0}, {{"what", it->second}});
  }
  return read(path);
}

std::string MemorySources::identity(const fs::path& path) { return path.lexically_normal().string(); }

}  // namespace dacu
