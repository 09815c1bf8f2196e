#include "dacu/input/sources.hpp"

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <system_error>

#include "dacu/base/error.hpp"

namespace dacu {

namespace fs = std::filesystem;

std::string read_text_file(const fs::path& path, std::size_t max_bytes) {
  auto label = make_source(path.string(), {});
  auto fail = [&](std::string code, std::string message, std::string hint) {
    throw InputError(std::move(code), Location{label, 0, 0}, std::move(message), std::move(hint));
  };
  auto too_large = [&](std::string message) {
    fail("D011", std::move(message), "split the file, or check that this is the file you meant");
  };
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) fail("D010", "no such file", "check the path; run `dacu templates` for built-in ones");
  if (fs::is_directory(status)) {
    fail("D010", "is a directory, not a file", "name one campaign or template .yaml file, not a folder");
  }
  if (fs::is_regular_file(status)) {
    auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
      too_large(fmt::format("the file is {} bytes, more than the limit of {} bytes", size, max_bytes));
    }
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) fail("D010", "cannot be read (permission denied?)", "check the file's permissions");
  // Read by chunks up to one byte past the limit: pipes and /proc files report no size, and a
  // read error must not pass for an empty or short file.
  std::string text;
  std::array<char, 1 << 16> chunk;
  while (true) {
    std::size_t got = std::fread(chunk.data(), 1, chunk.size(), file.get());
    text.append(chunk.data(), got);
    if (text.size() > max_bytes) {
      too_large(fmt::format("the file is more than the limit of {} bytes", max_bytes));
    }
    if (got < chunk.size()) break;
  }
  if (std::ferror(file.get())) {
    fail("D010", fmt::format("cannot be read: {}", std::strerror(errno)), "check that it is a regular, readable file");
  }
  return text;
}

std::string DiskSources::read(const fs::path& path) { return read_text_file(path); }

std::string DiskSources::identity(const fs::path& path) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(path, ec);
  return (ec ? path : canonical).string();
}

void MemorySources::add(const fs::path& path, std::string text) {
  files_[path.lexically_normal().string()] = std::move(text);
}

std::string MemorySources::read(const fs::path& path) {
  auto it = files_.find(path.lexically_normal().string());
  if (it == files_.end()) {
    throw InputError("D010", Location{make_source(path.string(), {}), 0, 0}, "no such file",
                     "check the path; run `dacu templates` for built-in ones");
  }
  return it->second;
}

std::string MemorySources::identity(const fs::path& path) { return path.lexically_normal().string(); }

}  // namespace dacu
