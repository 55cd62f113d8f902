// Tests of manifest lists, manifests and deletion vectors: reading the shared corpus, round trips
// through the writers, and malformed input.
#include "table/iceberg/manifest.h"

#include <gtest/gtest.h>

#include "table/iceberg/deletion_vector.h"
#include "table/iceberg/table_metadata.h"
#include "table/iceberg/tests/iceberg_test_util.h"
#include "table/iceberg/value_codec.h"

namespace switchboard::iceberg {
namespace {

TEST(ManifestTest, ReadsASparkManifestListAndManifestWithRelocatedPaths) {
  std::string table = IcebergTestData() + "/partition_integer";
  std::string metadata_text = ReadTestFile(table + "/metadata/v2.metadata.json");
  ASSERT_FALSE(metadata_text.empty()) << "the shared Iceberg corpus is missing: " << table;
  TableMetadata metadata = ParseTableMetadata(metadata_text, "v2").ValueOrThrow();
  FileIO io(metadata.location, table);
  auto manifests = ReadManifestList(io, metadata.CurrentSnapshot()->manifest_list);
  ASSERT_TRUE(manifests.ok()) << manifests.error().message;
  ASSERT_EQ(manifests->size(), 1u);
  const ManifestFile& manifest = (*manifests)[0];
  EXPECT_EQ(manifest.content, ManifestContent::kData);
  ASSERT_EQ(manifest.partitions.size(), 1u);
  EXPECT_EQ(DeserializeBinary(*manifest.partitions[0].lower_bound, *Type::Primitive(TypeKind::kInt)).ValueOrThrow(),
            Value::Integer(42));
  auto entries = ReadManifest(io, manifest);
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  ASSERT_EQ(entries->size(), 2u);
  for (const auto& entry : *entries) {
    EXPECT_EQ(entry.status, EntryStatus::kAdded);
    EXPECT_EQ(entry.sequence_number, manifest.sequence_number);
    EXPECT_EQ(entry.snapshot_id, metadata.current_snapshot_id);
    ASSERT_EQ(entry.file->partition.size(), 1u);
    EXPECT_EQ(entry.file->partition[0].type().id(), TypeId::kInteger);
  }
}

TEST(ManifestTest, WritesWhatItReadsBackInEveryFormatVersion) {
  std::string dir = ::testing::TempDir() + "/manifest_test_" + std::to_string(::getpid());
  FileIO io;
  auto schema = Schema::Make(0, {NestedField{1, "id", true, Type::Primitive(TypeKind::kLong)},
                                 NestedField{2, "ts", false, Type::Primitive(TypeKind::kTimestamp)},
                                 NestedField{3, "amount", false, Type::Decimal(12, 2)}})
                    .ValueOrThrow();
  PartitionSpec spec;
  spec.spec_id = 3;
  spec.fields = {PartitionField{2, 1000, "ts_day", Transform::Parse("day")},
                 PartitionField{3, 1001, "amount", Transform::Identity()}};
  for (int version = 1; version <= 3; ++version) {
    std::vector<ManifestEntry> entries;
    for (int i = 0; i < 3; ++i) {
      auto file = std::make_shared<DataFile>();
      file->file_path = fmt::format("{}/data/f{}.parquet", dir, i);
      file->spec_id = 3;
      file->partition = {Value::Date(19000 + i), i == 1 ? Value::Null(LogicalType::Decimal(12, 2)) : Value::Decimal(-12345 * i, 12, 2)};
      file->record_count = 10 + i;
      file->file_size_in_bytes = 1000 + i;
      file->value_counts = {{1, 10}, {2, 10}};
      file->null_value_counts = {{2, 1}};
      file->lower_bounds = {{1, SerializeBinary(Value::Bigint(-5), *Type::Primitive(TypeKind::kLong))}};
      file->upper_bounds = {{1, SerializeBinary(Value::Bigint(500), *Type::Primitive(TypeKind::kLong))}};
      file->split_offsets = {4};
      file->sort_order_id = 0;
      entries.push_back(ManifestEntry{EntryStatus::kAdded, std::nullopt, std::nullopt, std::nullopt, file});
    }
    std::string manifest_path = fmt::format("{}/m{}.avro", dir, version);
    auto manifest = WriteManifest(io, manifest_path, version, *schema, spec, ManifestContent::kData, 77, entries);
    ASSERT_TRUE(manifest.ok()) << manifest.error().message;
    EXPECT_EQ(manifest->added_files_count, 3);
    EXPECT_EQ(manifest->added_rows_count, 33);
    ASSERT_EQ(manifest->partitions.size(), 2u);
    EXPECT_TRUE(manifest->partitions[1].contains_null);
    EXPECT_EQ(DeserializeBinary(*manifest->partitions[1].lower_bound, *Type::Decimal(12, 2)).ValueOrThrow(),
              Value::Decimal(-24690, 12, 2));
    std::vector<ManifestFile> list = {*manifest};
    std::string list_path = fmt::format("{}/snap-{}.avro", dir, version);
    ASSERT_TRUE(WriteManifestList(io, list_path, version, 77, std::nullopt, 5, 100, list).ok());
    auto read_list = ReadManifestList(io, list_path);
    ASSERT_TRUE(read_list.ok()) << read_list.error().message;
    ASSERT_EQ(read_list->size(), 1u);
    const ManifestFile& read = (*read_list)[0];
    EXPECT_EQ(read.spec_id, 3);
    EXPECT_EQ(read.added_snapshot_id, 77);
    EXPECT_EQ(read.sequence_number, version == 1 ? 0 : 5);
    if (version == 3) EXPECT_EQ(read.first_row_id, 100);
    auto read_entries = ReadManifest(io, read);
    ASSERT_TRUE(read_entries.ok()) << read_entries.error().message;
    ASSERT_EQ(read_entries->size(), 3u);
    for (int i = 0; i < 3; ++i) {
      const DataFile& file = *(*read_entries)[static_cast<size_t>(i)].file;
      EXPECT_EQ(file.file_path, entries[static_cast<size_t>(i)].file->file_path);
      EXPECT_EQ(file.record_count, 10 + i);
      EXPECT_EQ(file.partition[0], Value::Date(19000 + i));
      EXPECT_EQ(file.partition[1], entries[static_cast<size_t>(i)].file->partition[1]);
      EXPECT_EQ(file.value_counts.at(1), 10);
      EXPECT_EQ(file.null_value_counts.at(2), 1);
      EXPECT_EQ(file.lower_bounds.at(1), entries[0].file->lower_bounds.at(1));
      EXPECT_EQ((*read_entries)[static_cast<size_t>(i)].snapshot_id, 77);
      if (version == 3) EXPECT_EQ(file.first_row_id, 100 + (i == 0 ? 0 : (i == 1 ? 10 : 21)));
    }
  }
  std::filesystem::remove_all(dir);
}

TEST(ManifestTest, RejectsFilesThatAreNotManifests) {
  std::string dir = ::testing::TempDir();
  FileIO io;
  std::string path = dir + "/not_a_manifest_" + std::to_string(::getpid()) + ".avro";
  ASSERT_TRUE(io.WriteFile(path, "plain text", WriteMode::kOverwrite).ok());
  auto list = ReadManifestList(io, path);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.error().code, ErrorCode::kCorruptData);
  EXPECT_NE(list.error().message.find(path), std::string::npos);
  auto missing = ReadManifestList(io, dir + "/missing.avro");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kIoError);
  std::filesystem::remove(path);
}

TEST(DeletionVectorTest, DecodesTheBareBlobOfTheCorpus) {
  std::string blob = ReadTestFile(IcebergTestData() +
                                  "/legacy_bare_deletion_vector/warehouse/default/legacy_bare_deletion_vector/data/"
                                  "legacy-bare-deletion-vector.puffin");
  ASSERT_FALSE(blob.empty()) << "the shared Iceberg corpus is missing: " << IcebergTestData();
  auto positions = DecodeDeletionVector(blob);
  ASSERT_TRUE(positions.ok()) << positions.error().message;
  EXPECT_EQ(*positions, std::vector<int64_t>{1});
}

TEST(DeletionVectorTest, RoundTripsArrayBitmapAndHighKeys) {
  std::vector<int64_t> positions;
  for (int64_t i = 0; i < 10000; i += 3) positions.push_back(i);        // array container
  for (int64_t i = 70000; i < 80000; ++i) positions.push_back(i);        // bitmap container
  positions.push_back((int64_t{5} << 32) + 17);                           // a second 32-bit bitmap
  std::string blob = EncodeDeletionVector(positions);
  auto decoded = DecodeDeletionVector(blob);
  ASSERT_TRUE(decoded.ok()) << decoded.error().message;
  EXPECT_EQ(*decoded, positions);
  // Corruptions are detected, never crash.
  for (size_t i = 0; i < blob.size(); i += 97) {
    std::string bad = blob;
    bad[i] ^= 0x40;
    EXPECT_FALSE(DecodeDeletionVector(bad).ok()) << i;
  }
  for (size_t length = 0; length < 64; ++length) EXPECT_FALSE(DecodeDeletionVector(blob.substr(0, length)).ok());
}

}  // namespace
}  // namespace switchboard::iceberg
