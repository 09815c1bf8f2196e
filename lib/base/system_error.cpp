#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "dacu/base/messages.hpp"

namespace dacu {

namespace {

/// The errors whose words the catalogue holds (messages/os.msg): those a user meets and can act on.
/// Each entry's English text is glibc's strerror, so English messages read as before.
constexpr std::pair<int, std::string_view> kSystemErrors[] = {
    {ENOSPC, "os.no-space"},       {EDQUOT, "os.quota"},          {EFBIG, "os.too-big"},
    {EACCES, "os.no-permission"},  {EPERM, "os.not-permitted"},   {ENOENT, "os.not-found"},
    {ENOTDIR, "os.not-a-folder"},  {EISDIR, "os.is-a-folder"},    {EROFS, "os.read-only"},
    {EEXIST, "os.exists"},         {EMFILE, "os.too-many-open"},
    {ENAMETOOLONG, "os.name-too-long"}, {EIO, "os.io"},           {ELOOP, "os.loop"},
    {EXDEV, "os.cross-device"},    {EBUSY, "os.busy"},            {ENOMEM, "os.no-memory"},
    {EPIPE, "os.pipe-closed"},     {EBADF, "os.closed"},          {EINVAL, "os.invalid"},
    {ENXIO, "os.no-device"},       {EAGAIN, "os.again"},
};

}  // namespace

std::string system_error_text(int error) {
  for (const auto& [number, key] : kSystemErrors) {
    if (number == error) return message(key);
  }
  return std::strerror(error);
}

}  // namespace dacu
