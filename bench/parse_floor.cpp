// The parse floor: load a YAML file with yaml-cpp and touch every node, nothing else.
// dacu's `plan` time divided by this program's time on the same file says how much of dacu's
// time is its own work (validation, offsets, calendar, sorting, rendering) rather than YAML.
//
//   parse_floor bench/out/tpl-10000.yaml   # prints the node count and the scalar bytes
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdio>
#include <exception>

namespace {

struct Tally {
  std::size_t nodes = 0;
  std::size_t scalar_bytes = 0;
};

void touch(const YAML::Node& node, Tally& tally) {
  ++tally.nodes;
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      tally.scalar_bytes += node.Scalar().size();
      break;
    case YAML::NodeType::Sequence:
      for (const auto& child : node) touch(child, tally);
      break;
    case YAML::NodeType::Map:
      for (const auto& entry : node) {
        touch(entry.first, tally);
        touch(entry.second, tally);
      }
      break;
    default:
      break;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_floor FILE.yaml...\n");
    return 2;
  }
  try {
    Tally tally;
    for (int i = 1; i < argc; ++i) touch(YAML::LoadFile(argv[i]), tally);
    std::printf("%zu nodes, %zu scalar bytes\n", tally.nodes, tally.scalar_bytes);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parse_floor: %s\n", e.what());
    return 1;
  }
  return 0;
}
