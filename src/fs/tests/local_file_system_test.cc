// Tests for LocalFileSystem and the FileSystem helpers: reads, atomic writes, listing, globs and
// error messages.
#include "fs/local_file_system.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <thread>

namespace switchboard {
namespace {

class LocalFileSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/sb_fs_test_XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    root_ = pattern;
    fs_ = LocalFileSystem::Instance();
  }
  void TearDown() override { std::system(("rm -rf " + root_).c_str()); }

  void WriteFile(const std::string& path, std::string_view contents,
                 WriteMode mode = WriteMode::kOverwrite) {
    auto file = fs_->OpenForWrite(path, mode);
    ASSERT_TRUE(file.ok()) << file.error().message;
    ASSERT_TRUE((*file)->Append(contents.data(), contents.size()).ok());
    auto closed = (*file)->Close();
    ASSERT_TRUE(closed.ok()) << closed.error().message;
  }

  std::string ReadAll(const std::string& path) {
    auto file = fs_->OpenForRead(path);
    EXPECT_TRUE(file.ok());
    if (!file.ok()) return {};
    auto buffer = (*file)->Read(0, (*file)->size());
    EXPECT_TRUE(buffer.ok());
    return std::string(reinterpret_cast<const char*>((*buffer)->data()), (*buffer)->size());
  }

  std::string root_;
  std::shared_ptr<LocalFileSystem> fs_;
};

TEST_F(LocalFileSystemTest, WritesAndReadsRanges) {
  std::string path = root_ + "/a/b/file.bin";
  WriteFile(path, "hello, world");
  auto file = fs_->OpenForRead(path);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ((*file)->size(), 12);
  uint8_t out[5];
  ASSERT_TRUE((*file)->ReadAt(7, 5, out).ok());
  EXPECT_EQ(std::string(reinterpret_cast<char*>(out), 5), "world");
}

TEST_F(LocalFileSystemTest, ReadPastEndFailsWithPathInMessage) {
  std::string path = root_ + "/short.bin";
  WriteFile(path, "abc");
  auto file = fs_->OpenForRead(path);
  ASSERT_TRUE(file.ok());
  uint8_t out[8];
  auto result = (*file)->ReadAt(1, 8, out);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kIoError);
  EXPECT_NE(result.error().message.find(path), std::string::npos);
}

TEST_F(LocalFileSystemTest, OpenMissingFileNamesPathAndOsError) {
  auto result = fs_->OpenForRead(root_ + "/missing.parquet");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kIoError);
  EXPECT_NE(result.error().message.find("missing.parquet"), std::string::npos);
  EXPECT_NE(result.error().message.find("No such file"), std::string::npos);
}

TEST_F(LocalFileSystemTest, UnclosedWriteLeavesNothingBehind) {
  std::string path = root_ + "/partial.bin";
  {
    auto file = fs_->OpenForWrite(path, WriteMode::kOverwrite);
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE((*file)->Append("data", 4).ok());
  }
  EXPECT_FALSE(fs_->Exists(path).value());
  auto entries = fs_->List(root_, false);
  ASSERT_TRUE(entries.ok());
  EXPECT_TRUE(entries->empty());
}

TEST_F(LocalFileSystemTest, OverwriteReplacesAtomically) {
  std::string path = root_ + "/x.txt";
  WriteFile(path, "first");
  WriteFile(path, "second version");
  EXPECT_EQ(ReadAll(path), "second version");
}

TEST_F(LocalFileSystemTest, CreateIfAbsentFailsWhenFileExists) {
  std::string path = root_ + "/v1.metadata.json";
  WriteFile(path, "one", WriteMode::kCreateIfAbsent);
  auto second = fs_->OpenForWrite(path, WriteMode::kCreateIfAbsent);
  ASSERT_FALSE(second.ok());
  EXPECT_TRUE(FileSystem::IsAlreadyExists(second.error()));
  EXPECT_NE(second.error().message.find(path), std::string::npos);
  EXPECT_EQ(ReadAll(path), "one");
}

TEST_F(LocalFileSystemTest, CreateIfAbsentRaceHasExactlyOneWinner) {
  std::string path = root_ + "/commit.json";
  auto a = fs_->OpenForWrite(path, WriteMode::kCreateIfAbsent);
  auto b = fs_->OpenForWrite(path, WriteMode::kCreateIfAbsent);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE((*a)->Append("a", 1).ok());
  ASSERT_TRUE((*b)->Append("b", 1).ok());
  ASSERT_TRUE((*a)->Close().ok());
  auto lost = (*b)->Close();
  ASSERT_FALSE(lost.ok());
  EXPECT_TRUE(FileSystem::IsAlreadyExists(lost.error()));
  EXPECT_EQ(ReadAll(path), "a");
  auto entries = fs_->List(root_, false);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 1u);  // the loser's temporary file is gone
}

TEST_F(LocalFileSystemTest, ConcurrentReadsShareOneFile) {
  std::string path = root_ + "/shared.bin";
  std::string contents(1 << 16, '\0');
  for (size_t i = 0; i < contents.size(); ++i) contents[i] = static_cast<char>(i * 7);
  WriteFile(path, contents);
  auto file = fs_->OpenForRead(path);
  ASSERT_TRUE(file.ok());
  const RandomAccessFile& shared = **file;
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        int64_t offset = (t * 997 + i * 131) % 60000;
        uint8_t out[64];
        if (!shared.ReadAt(offset, 64, out).ok() ||
            std::memcmp(out, contents.data() + offset, 64) != 0) {
          ++mismatches;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST_F(LocalFileSystemTest, ListsSortedAndRecursively) {
  WriteFile(root_ + "/b.txt", "b");
  WriteFile(root_ + "/a.txt", "a");
  WriteFile(root_ + "/sub/c.txt", "cc");
  auto flat = fs_->List(root_, false);
  ASSERT_TRUE(flat.ok());
  ASSERT_EQ(flat->size(), 3u);
  EXPECT_EQ((*flat)[0].path, root_ + "/a.txt");
  EXPECT_EQ((*flat)[2].path, root_ + "/sub");
  EXPECT_TRUE((*flat)[2].is_directory);
  auto deep = fs_->List(root_, true);
  ASSERT_TRUE(deep.ok());
  ASSERT_EQ(deep->size(), 4u);
  EXPECT_EQ((*deep)[3].path, root_ + "/sub/c.txt");
  EXPECT_EQ((*deep)[3].size, 2);
}

TEST_F(LocalFileSystemTest, GlobExpandsPatterns) {
  WriteFile(root_ + "/t/part-1.parquet", "1");
  WriteFile(root_ + "/t/part-2.parquet", "2");
  WriteFile(root_ + "/t/notes.txt", "n");
  WriteFile(root_ + "/t/year=2024/m=1/part-3.parquet", "3");
  WriteFile(root_ + "/t/year=2025/part-4.parquet", "4");

  auto top = fs_->Glob(root_ + "/t/*.parquet");
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top->size(), 2u);
  EXPECT_EQ((*top)[1].path, root_ + "/t/part-2.parquet");

  auto all = fs_->Glob(root_ + "/t/**/*.parquet");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 4u);

  auto one_level = fs_->Glob(root_ + "/t/year=*/*.parquet");
  ASSERT_TRUE(one_level.ok());
  ASSERT_EQ(one_level->size(), 1u);
  EXPECT_EQ((*one_level)[0].path, root_ + "/t/year=2025/part-4.parquet");

  auto classes = fs_->Glob(root_ + "/t/part-[2-9].parquet");
  ASSERT_TRUE(classes.ok());
  ASSERT_EQ(classes->size(), 1u);

  auto literal = fs_->Glob(root_ + "/t/notes.txt");
  ASSERT_TRUE(literal.ok());
  EXPECT_EQ(literal->size(), 1u);
  auto missing = fs_->Glob(root_ + "/t/none.txt");
  ASSERT_TRUE(missing.ok());
  EXPECT_TRUE(missing->empty());
}

TEST_F(LocalFileSystemTest, FileUrisKeepTheirForm) {
  WriteFile(root_ + "/u/x.parquet", "x");
  std::string uri = "file://" + root_ + "/u/*.parquet";
  auto result = fs_->Glob(uri);
  ASSERT_TRUE(result.ok()) << result.error().message;
  ASSERT_EQ(result->size(), 1u);
  EXPECT_EQ((*result)[0].path, "file://" + root_ + "/u/x.parquet");
  EXPECT_EQ(ReadAll((*result)[0].path), "x");
}

TEST_F(LocalFileSystemTest, RenameDeleteAndDirectories) {
  std::string from = root_ + "/from.txt";
  std::string to = root_ + "/d1/d2/to.txt";
  WriteFile(from, "move me");
  ASSERT_TRUE(fs_->CreateDirectories(root_ + "/d1/d2").ok());
  ASSERT_TRUE(fs_->CreateDirectories(root_ + "/d1/d2").ok());  // idempotent
  ASSERT_TRUE(fs_->Rename(from, to).ok());
  EXPECT_FALSE(fs_->Exists(from).value());
  EXPECT_EQ(ReadAll(to), "move me");
  auto info = fs_->Stat(to);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->size, 7);
  EXPECT_FALSE(info->is_directory);
  ASSERT_TRUE(fs_->Delete(to).ok());
  ASSERT_TRUE(fs_->Delete(root_ + "/d1/d2").ok());
  EXPECT_FALSE(fs_->Exists(root_ + "/d1/d2").value());
  auto missing = fs_->Delete(to);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kIoError);
}

TEST_F(LocalFileSystemTest, CreateDirectoriesRejectsFileInTheWay) {
  WriteFile(root_ + "/file", "f");
  auto result = fs_->CreateDirectories(root_ + "/file/sub");
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("not a directory"), std::string::npos);
}

TEST(FileSystemTest, ResolvesSchemes) {
  EXPECT_EQ(FileSystem::SchemeOf("s3://bucket/key"), "s3");
  EXPECT_EQ(FileSystem::SchemeOf("file:///tmp/x"), "file");
  EXPECT_EQ(FileSystem::SchemeOf("/tmp/x"), "");
  EXPECT_EQ(FileSystem::SchemeOf("C:/x"), "");
  EXPECT_TRUE(FileSystem::ForPath("/tmp/x").ok());
  EXPECT_TRUE(FileSystem::ForPath("file:///tmp/x").ok());
  auto unknown = FileSystem::ForPath("s3://bucket/key");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kIoError);
  EXPECT_NE(unknown.error().message.find("s3"), std::string::npos);
  EXPECT_EQ(LocalFileSystem::ToLocalPath("file:///a/b"), "/a/b");
  EXPECT_EQ(LocalFileSystem::ToLocalPath("file://localhost/a"), "/a");
}

TEST(FileSystemTest, RegisteredSchemesAreServed) {
  FileSystem::RegisterScheme("mem", [](std::string_view) -> Result<std::shared_ptr<FileSystem>> {
    return std::static_pointer_cast<FileSystem>(LocalFileSystem::Instance());
  });
  EXPECT_TRUE(FileSystem::ForPath("mem://x").ok());
}

}  // namespace
}  // namespace switchboard
