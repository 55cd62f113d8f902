// function_docs: writes the SQL function reference (docs/sql/functions.md) and the test of its
// examples (test/sql/function/examples.test) from the function registry, or checks that the
// committed copies are current.
//
//   function_docs REFERENCE.md EXAMPLES.test           writes both files
//   function_docs --check REFERENCE.md EXAMPLES.test   exits with status 1 when either differs
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "common/error.h"
#include "function/function_reference.h"

namespace {

bool Write(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) std::cerr << "function_docs: cannot write " << path << "\n";
  return static_cast<bool>(out);
}

bool Matches(const std::string& path, const std::string& text) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream committed;
  committed << in.rdbuf();
  if (in && committed.str() == text) return true;
  std::cerr << "function_docs: " << path << " is out of date with the function registry\n";
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  bool check = argc == 4 && std::string(argv[1]) == "--check";
  if (argc != 3 && !check) {
    std::cerr << "usage: function_docs [--check] REFERENCE.md EXAMPLES.test\n";
    return 2;
  }
  std::string reference_path = argv[argc - 2], examples_path = argv[argc - 1];
  std::string reference, examples;
  try {
    reference = switchboard::RenderFunctionReference();
    examples = switchboard::RenderExampleTests();
  } catch (const switchboard::Exception& e) {
    std::cerr << "function_docs: " << e.what() << "\n";
    return 1;
  }
  if (!check) return Write(reference_path, reference) && Write(examples_path, examples) ? 0 : 1;
  bool current = Matches(reference_path, reference);
  current = Matches(examples_path, examples) && current;
  if (!current) {
    std::cerr << "regenerate them with\n  ninja -C build function_docs && "
                 "build/src/function/function_docs "
              << reference_path << " " << examples_path << "\n";
  }
  return current ? 0 : 1;
}
