// The parse floor: load a YAML file with yaml-cpp and touch every node, nothing else.
// dacu's `plan` time divided by this program's time on the same file says how much of dacu's
// time is its own work (validation, offsets, calendar, sorting, rendering) rather than YAML.
//
//   parse_floor bench/out/tpl-10000.yaml            # YAML::LoadFile, then every node touched
//   parse_floor --events bench/out/tpl-10000.yaml   # yaml-cpp's event parser with a handler that
//                                                   # only counts: no tree at all
//
// The first is the floor the issue names (the plain yaml-cpp load). The second is the lowest any
// program built on yaml-cpp can go, dacu included: dacu builds its own tree from these events.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <string>

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

// Counts events and scalar bytes, and keeps nothing.
class CountingHandler final : public YAML::EventHandler {
 public:
  explicit CountingHandler(Tally& tally) : tally_(tally) {}
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++tally_.nodes; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++tally_.nodes; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string& value) override {
    ++tally_.nodes;
    tally_.scalar_bytes += value.size();
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++tally_.nodes;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++tally_.nodes;
  }
  void OnMapEnd() override {}

 private:
  Tally& tally_;
};

void parse_events(const char* path, Tally& tally) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(std::string("cannot open ") + path);
  YAML::Parser parser(in);
  CountingHandler handler(tally);
  while (parser.HandleNextDocument(handler)) {
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool events = argc > 1 && std::strcmp(argv[1], "--events") == 0;
  int first = events ? 2 : 1;
  if (argc <= first) {
    std::fprintf(stderr, "usage: parse_floor [--events] FILE.yaml...\n");
    return 2;
  }
  try {
    Tally tally;
    for (int i = first; i < argc; ++i) {
      if (events) {
        parse_events(argv[i], tally);
      } else {
        touch(YAML::LoadFile(argv[i]), tally);
      }
    }
    std::printf("%zu nodes, %zu scalar bytes\n", tally.nodes, tally.scalar_bytes);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "parse_floor: %s\n", e.what());
    return 1;
  }
  return 0;
}
