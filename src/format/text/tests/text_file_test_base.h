// A temporary folder per test, with helpers to write (optionally compressed) and read files in it;
// shared by the text, CSV and JSON format tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "format/text/text_stream.h"

namespace switchboard {

class TextFileTestBase : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/sb_text_file_test_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    root_ = pattern;
  }
  void TearDown() override { std::system(("rm -rf " + root_).c_str()); }

  std::string WriteFile(const std::string& name, std::string_view text,
                        StreamCompression compression = StreamCompression::kNone) {
    std::string path = root_ + "/" + name;
    auto fs = FileSystem::ForPath(path).ValueOrThrow();
    auto file = CompressingFile(fs->OpenForWrite(path, WriteMode::kOverwrite).ValueOrThrow(), compression);
    EXPECT_TRUE(file->Append(text.data(), text.size()).ok());
    EXPECT_TRUE(file->Close().ok());
    return path;
  }
  std::string ReadFile(const std::string& path) {
    auto fs = FileSystem::ForPath(path).ValueOrThrow();
    auto file = fs->OpenForRead(path).ValueOrThrow();
    auto buffer = file->Read(0, file->size()).ValueOrThrow();
    return std::string(reinterpret_cast<const char*>(buffer->data()), buffer->size());
  }

  std::string root_;
};

}  // namespace switchboard
