// function_docs: writes the SQL function reference (docs/sql/functions.md) from the function
// registry, or checks that a committed copy is current.
//
//   function_docs FILE.md           writes the reference to FILE.md
//   function_docs --check FILE.md   exits with status 1 when FILE.md differs from the registry
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "common/error.h"
#include "function/function_reference.h"

int main(int argc, char** argv) {
  bool check = argc == 3 && std::string(argv[1]) == "--check";
  if (argc != 2 && !check) {
    std::cerr << "usage: function_docs [--check] FILE.md\n";
    return 2;
  }
  std::string path = argv[argc - 1];
  std::string reference;
  try {
    reference = switchboard::RenderFunctionReference();
  } catch (const switchboard::Exception& e) {
    std::cerr << "function_docs: " << e.what() << "\n";
    return 1;
  }
  if (!check) {
    std::ofstream out(path, std::ios::binary);
    out << reference;
    if (!out) {
      std::cerr << "function_docs: cannot write " << path << "\n";
      return 1;
    }
    return 0;
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream committed;
  committed << in.rdbuf();
  if (!in || committed.str() != reference) {
    std::cerr << "function_docs: " << path << " is out of date with the function registry; regenerate it with\n"
              << "  ninja -C build function_docs && build/src/function/function_docs " << path << "\n";
    return 1;
  }
  return 0;
}
