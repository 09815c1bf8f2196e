#include "dacu/writers/cleanup.hpp"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;
using namespace dacu;

// remove_all() is for a process about to end (later registrations park for good), so it runs in
// a child; the parent looks at what is left.
TEST_CASE("cleanup remove_all removes registered files and folders and nothing else") {
  auto dir = fs::temp_directory_path() / ("dacu-cleanup-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto kept = dir / "kept.txt";
  std::ofstream(kept) << "not registered\n";

  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    cleanup::Guard file((dir / "output.tmp").string());
    file.created(bool(std::ofstream(dir / "output.tmp") << "half"));
    cleanup::Guard folder((dir / "scratch").string(), cleanup::Kind::folder);
    folder.created(::mkdir((dir / "scratch").c_str(), 0700) == 0);
    for (int i = 0; i < 50; ++i) std::ofstream(dir / "scratch" / ("part" + std::to_string(i))) << i;
    cleanup::Guard released((dir / "renamed.tmp").string());
    released.created(bool(std::ofstream(dir / "renamed.tmp") << "whole"));
    fs::rename(dir / "renamed.tmp", dir / "renamed.txt");
    released.release();
    cleanup::Guard failed((dir / "kept.txt").string());
    failed.created(false);  // an O_EXCL create that found someone else's file
    cleanup::remove_all();
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(dir)) left.push_back(entry.path().filename().string());
  std::sort(left.begin(), left.end());
  CHECK(left == std::vector<std::string>{"kept.txt", "renamed.txt"});
  fs::remove_all(dir);
}

TEST_CASE("cleanup guards give their slots back") {
  // More guards one after another than the table has slots: each release frees its slot, so the
  // last is registered too (remove_all in a child sees it).
  auto dir = fs::temp_directory_path() / ("dacu-cleanup-slots-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (int i = 0; i < 5000; ++i) {
    cleanup::Guard guard((dir / "x").string());
    guard.created(true);
  }
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    cleanup::Guard last((dir / "last.tmp").string());
    last.created(bool(std::ofstream(dir / "last.tmp") << "x"));
    // A path longer than PATH_MAX is not registered: nothing to remove, no harm.
    cleanup::Guard too_long(std::string(5000, 'a'));
    too_long.created(false);
    cleanup::remove_all();
    ::_exit(fs::exists(dir / "last.tmp") ? 1 : 0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  fs::remove_all(dir);
}
