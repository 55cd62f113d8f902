// Tests for the Thrift compact protocol reader and writer and the parquet.thrift structures.
#include <gtest/gtest.h>

#include "format/parquet/parquet_thrift.h"
#include "format/parquet/thrift_compact_reader.h"
#include "format/parquet/thrift_compact_writer.h"

namespace switchboard::parquet {
namespace {

TEST(ThriftTest, RoundTripsIntegersStringsAndLargeFieldIdDeltas) {
  std::vector<uint8_t> bytes;
  ThriftCompactWriter w(bytes);
  w.BeginStruct();
  w.I32Field(1, -5);
  w.I64Field(2, INT64_MIN);
  w.BinaryField(20, "hello");  // delta 18: written with an explicit id
  w.BoolField(21, true);
  w.EndStruct();

  ThriftCompactReader r(bytes.data(), bytes.size());
  ThriftCompactReader::FieldHeader h;
  r.BeginStruct();
  ASSERT_TRUE(r.ReadFieldHeader(h));
  EXPECT_EQ(h.id, 1);
  EXPECT_EQ(r.ReadI32(), -5);
  ASSERT_TRUE(r.ReadFieldHeader(h));
  EXPECT_EQ(h.id, 2);
  EXPECT_EQ(r.ReadI64(), INT64_MIN);
  ASSERT_TRUE(r.ReadFieldHeader(h));
  EXPECT_EQ(h.id, 20);
  EXPECT_EQ(r.ReadBinary(), "hello");
  ASSERT_TRUE(r.ReadFieldHeader(h));
  EXPECT_EQ(h.id, 21);
  EXPECT_TRUE(ThriftCompactReader::FieldBool(h));
  EXPECT_FALSE(r.ReadFieldHeader(h));
  r.EndStruct();
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.position(), bytes.size());
}

TEST(ThriftTest, SkipsUnknownFieldsOfEveryType) {
  // A Statistics struct with unknown fields (ids 30..36) of each kind around a known one.
  std::vector<uint8_t> bytes;
  ThriftCompactWriter w(bytes);
  w.BeginStruct();
  w.I64Field(3, 7);  // null_count
  w.StructField(30);
  w.I32Field(1, 1);
  w.ListField(2, ThriftType::kBinary, 2);
  w.Binary("a");
  w.Binary("b");
  w.EndStruct();
  w.ListField(31, ThriftType::kBoolTrue, 20);
  for (int i = 0; i < 20; ++i) w.BoolElement(i % 2 == 0);
  w.FieldHeader(32, ThriftType::kDouble);
  for (int i = 0; i < 8; ++i) bytes.push_back(0);
  w.FieldHeader(33, ThriftType::kMap);
  bytes.push_back(1);     // one entry
  bytes.push_back(0x85);  // binary -> i32
  w.Binary("k");
  w.I32(3);
  w.BoolField(34, false);
  w.I64Field(35, 1);
  w.BinaryField(36, "zz");
  w.I64Field(40, 9);  // still unknown, after the skipped ones
  w.EndStruct();
  auto stats = DeserializeThrift<Statistics>(bytes.data(), bytes.size());
  ASSERT_TRUE(stats.ok()) << stats.error().message;
  EXPECT_EQ(stats->null_count, 7);
  EXPECT_FALSE(stats->min_value.has_value());
}

TEST(ThriftTest, TruncatedInputFailsWithoutReadingPastTheEnd) {
  FileMetaData metadata;
  metadata.schema.push_back(SchemaElement{});
  metadata.schema[0].name = "schema";
  metadata.schema[0].num_children = 0;
  metadata.num_rows = 3;
  metadata.created_by = "test";
  std::vector<uint8_t> bytes;
  SerializeThrift(metadata, bytes);
  ASSERT_TRUE(DeserializeThrift<FileMetaData>(bytes.data(), bytes.size()).ok());
  for (size_t cut = 0; cut < bytes.size(); ++cut) {
    std::vector<uint8_t> prefix(bytes.begin(), bytes.begin() + static_cast<ptrdiff_t>(cut));
    auto result = DeserializeThrift<FileMetaData>(prefix.data(), prefix.size());
    ASSERT_FALSE(result.ok()) << "cut at " << cut;
    EXPECT_EQ(result.error().code, ErrorCode::kCorruptData);
  }
}

TEST(ThriftTest, RejectsListsLargerThanTheInput) {
  // A list header claiming 2^31 elements of structs in a 10-byte buffer.
  std::vector<uint8_t> bytes = {0x29, 0xfc, 0xff, 0xff, 0xff, 0x07, 0x00, 0x00, 0x00, 0x00};
  auto result = DeserializeThrift<FileMetaData>(bytes.data(), bytes.size());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("exceeds"), std::string::npos) << result.error().message;
}

TEST(ThriftTest, RejectsDeepNesting) {
  std::vector<uint8_t> bytes;
  for (int i = 0; i < 200; ++i) bytes.push_back(0x1c);  // field 1 (delta 1), struct
  for (int i = 0; i < 200; ++i) bytes.push_back(0x00);
  auto result = DeserializeThrift<Statistics>(bytes.data(), bytes.size());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("nested deeper"), std::string::npos)
      << result.error().message;
}

TEST(ThriftTest, ReportsMissingRequiredFields) {
  std::vector<uint8_t> bytes = {0x15, 0x02, 0x00};  // PageHeader with only `type`
  auto result = DeserializeThrift<PageHeader>(bytes.data(), bytes.size());
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("uncompressed_page_size"), std::string::npos);
}

TEST(ThriftTest, RejectsOverlongVarints) {
  std::vector<uint8_t> bytes = {0x16, 0xff, 0xff, 0xff, 0xff, 0xff,
                                0xff, 0xff, 0xff, 0xff, 0xff, 0x01};
  ThriftCompactReader r(bytes.data(), bytes.size());
  ThriftCompactReader::FieldHeader h;
  r.BeginStruct();
  ASSERT_TRUE(r.ReadFieldHeader(h));
  r.ReadI64();
  EXPECT_FALSE(r.ok());
}

TEST(ThriftTest, FileMetaDataRoundTripsEveryField) {
  FileMetaData m;
  SchemaElement root;
  root.name = "root";
  root.num_children = 1;
  SchemaElement leaf;
  leaf.name = "ts";
  leaf.type = Type::kInt64;
  leaf.repetition_type = FieldRepetitionType::kOptional;
  leaf.field_id = 42;
  LogicalTypeAnnotation annotation;
  annotation.kind = LogicalTypeAnnotation::Kind::kTimestamp;
  annotation.is_adjusted_to_utc = true;
  annotation.unit = TimeUnit::kNanos;
  leaf.logical_type = annotation;
  m.schema = {root, leaf};
  m.num_rows = 10;
  RowGroup group;
  group.num_rows = 10;
  group.total_byte_size = 100;
  ColumnChunk chunk;
  ColumnMetaData& meta = chunk.meta_data.emplace();
  meta.type = Type::kInt64;
  meta.encodings = {Encoding::kPlain, Encoding::kRle};
  meta.path_in_schema = {"ts"};
  meta.codec = CompressionCodec::kZstd;
  meta.num_values = 10;
  meta.data_page_offset = 4;
  meta.bloom_filter_offset = 99;
  Statistics& s = meta.statistics.emplace();
  s.min_value = std::string("\x01\x02", 2);
  s.is_max_value_exact = false;
  chunk.column_index_offset = 1000;
  group.columns.push_back(chunk);
  group.sorting_columns = std::vector<SortingColumn>{{0, true, false}};
  m.row_groups.push_back(group);
  m.key_value_metadata = {{"iceberg.schema", std::string("{}")}, {"no-value", std::nullopt}};
  m.column_orders = std::vector<ColumnOrder>{ColumnOrder::kIeee754TotalOrder};
  std::vector<uint8_t> bytes;
  SerializeThrift(m, bytes);
  auto back = DeserializeThrift<FileMetaData>(bytes.data(), bytes.size());
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->schema[1].field_id, 42);
  EXPECT_EQ(back->schema[1].logical_type->kind, LogicalTypeAnnotation::Kind::kTimestamp);
  EXPECT_EQ(back->schema[1].logical_type->unit, TimeUnit::kNanos);
  EXPECT_TRUE(back->schema[1].logical_type->is_adjusted_to_utc);
  const ColumnMetaData& m2 = *back->row_groups[0].columns[0].meta_data;
  EXPECT_EQ(m2.codec, CompressionCodec::kZstd);
  EXPECT_EQ(m2.bloom_filter_offset, 99);
  EXPECT_EQ(*m2.statistics->min_value, std::string("\x01\x02", 2));
  EXPECT_EQ(m2.statistics->is_max_value_exact, false);
  EXPECT_EQ(back->row_groups[0].columns[0].column_index_offset, 1000);
  EXPECT_TRUE((*back->row_groups[0].sorting_columns)[0].descending);
  EXPECT_EQ(back->key_value_metadata[0].value, "{}");
  EXPECT_FALSE(back->key_value_metadata[1].value.has_value());
  EXPECT_EQ((*back->column_orders)[0], ColumnOrder::kIeee754TotalOrder);
}

TEST(ThriftTest, UnknownLogicalTypeUnionMembersAreRecognizedAsUnknown) {
  std::vector<uint8_t> bytes;
  ThriftCompactWriter w(bytes);
  w.BeginStruct();
  w.BinaryField(4, "c");
  w.StructField(10);  // logicalType
  w.StructField(99);  // a union member from a future version
  w.EndStruct();
  w.EndStruct();
  w.EndStruct();
  auto element = DeserializeThrift<SchemaElement>(bytes.data(), bytes.size());
  ASSERT_TRUE(element.ok()) << element.error().message;
  EXPECT_EQ(element->logical_type->kind, LogicalTypeAnnotation::Kind::kUnrecognized);
}

}  // namespace
}  // namespace switchboard::parquet
