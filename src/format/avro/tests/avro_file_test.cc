// Tests of Avro container files: round trips through every codec, real Iceberg manifests, and
// malformed input.
#include "format/avro/avro_file.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace switchboard::avro {
namespace {

AvroNodePtr TestSchema() {
  auto schema = ParseAvroSchema(R"({"type": "record", "name": "row", "fields": [
      {"name": "b", "type": "boolean"},
      {"name": "i", "type": "int"},
      {"name": "l", "type": ["null", "long"]},
      {"name": "f", "type": "float"},
      {"name": "d", "type": "double"},
      {"name": "s", "type": "string"},
      {"name": "bytes", "type": "bytes"},
      {"name": "fx", "type": {"type": "fixed", "name": "f4", "size": 4}},
      {"name": "e", "type": {"type": "enum", "name": "color", "symbols": ["red", "green"]}},
      {"name": "a", "type": {"type": "array", "items": "long"}},
      {"name": "m", "type": {"type": "map", "values": "string"}},
      {"name": "n", "type": "null"}]})");
  EXPECT_TRUE(schema.ok());
  return *schema;
}

AvroValue TestRow(int64_t i) {
  AvroValue map;
  map.type = AvroType::kMap;
  map.keys = {"k" + std::to_string(i), "other"};
  map.children = {AvroValue::String("v"), AvroValue::String(std::string(static_cast<size_t>(i % 50), 'x'))};
  AvroValue e;
  e.type = AvroType::kEnum;
  e.integer = i % 2;
  return AvroValue::Record({
      AvroValue::Boolean(i % 3 == 0),
      AvroValue::Int(static_cast<int32_t>(-i * 1000)),
      i % 4 == 0 ? AvroValue::Null() : AvroValue::Long(i * 1234567890123LL),
      AvroValue::Float(1.5f * static_cast<float>(i)),
      AvroValue::Double(-0.25 * static_cast<double>(i)),
      AvroValue::String("row " + std::to_string(i)),
      AvroValue::Bytes(std::string("\0\x01\xff", 3)),
      AvroValue::Fixed("abcd"),
      e,
      AvroValue::Array({AvroValue::Long(i), AvroValue::Long(INT64_MIN), AvroValue::Long(INT64_MAX)}),
      map,
      AvroValue::Null(),
  });
}

std::string WriteRows(AvroCodec codec, int64_t rows) {
  AvroFileWriter writer(TestSchema(), {{"iceberg.meta", "hello"}}, codec);
  for (int64_t i = 0; i < rows; ++i) EXPECT_TRUE(writer.Append(TestRow(i)).ok());
  auto bytes = writer.Finish();
  EXPECT_TRUE(bytes.ok());
  return *bytes;
}

void ExpectEqual(const AvroValue& a, const AvroValue& b) {
  ASSERT_EQ(a.type, b.type);
  EXPECT_EQ(a.integer, b.integer);
  EXPECT_EQ(a.real, b.real);
  EXPECT_EQ(a.bytes, b.bytes);
  EXPECT_EQ(a.keys, b.keys);
  ASSERT_EQ(a.children.size(), b.children.size());
  for (size_t i = 0; i < a.children.size(); ++i) ExpectEqual(a.children[i], b.children[i]);
}

class AvroFileCodecTest : public ::testing::TestWithParam<AvroCodec> {};

TEST_P(AvroFileCodecTest, RoundTripsEveryTypeAcrossBlocks) {
  constexpr int64_t kRows = 5000;  // several 64 KiB blocks
  std::string bytes = WriteRows(GetParam(), kRows);
  auto reader = AvroFileReader::Open(bytes, "test.avro");
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ((*reader)->Metadata("iceberg.meta"), "hello");
  EXPECT_EQ((*reader)->schema()->fields.size(), 12u);
  auto values = (*reader)->ReadAll();
  ASSERT_TRUE(values.ok()) << values.error().message;
  ASSERT_EQ(values->size(), static_cast<size_t>(kRows));
  for (int64_t i = 0; i < kRows; i += 97) ExpectEqual((*values)[static_cast<size_t>(i)], TestRow(i));
}

INSTANTIATE_TEST_SUITE_P(Codecs, AvroFileCodecTest,
                         ::testing::Values(AvroCodec::kNull, AvroCodec::kDeflate, AvroCodec::kSnappy,
                                           AvroCodec::kZstandard));

TEST(AvroFileTest, RejectsValuesThatDoNotMatchTheSchema) {
  AvroFileWriter writer(TestSchema(), {});
  AvroValue row = TestRow(1);
  row.children[1] = AvroValue::String("not an int");
  auto appended = writer.Append(row);
  ASSERT_FALSE(appended.ok());
  EXPECT_EQ(appended.error().code, ErrorCode::kInvalidParameter);
  EXPECT_NE(appended.error().message.find("row.i"), std::string::npos) << appended.error().message;
  row = TestRow(1);
  row.children[7] = AvroValue::Fixed("too long");
  EXPECT_FALSE(writer.Append(row).ok());
  // A failed append leaves the file usable.
  ASSERT_TRUE(writer.Append(TestRow(2)).ok());
  auto bytes = writer.Finish();
  ASSERT_TRUE(bytes.ok());
  auto reader = AvroFileReader::Open(*bytes, "x");
  ASSERT_TRUE(reader.ok());
  auto values = (*reader)->ReadAll();
  ASSERT_TRUE(values.ok());
  EXPECT_EQ(values->size(), 1u);
}

TEST(AvroFileTest, ReadsAnIcebergManifestWrittenBySpark) {
  const char* shared = std::getenv("SB_SHARED_DIR");
  std::string path = std::string(shared ? shared : "../shared") +
                     "/testdata/iceberg/partition_integer/metadata/b1dda674-423f-4f23-b00d-92b608b07a38-m0.avro";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "the shared test data is missing: " << path;
  std::stringstream text;
  text << in.rdbuf();
  auto reader = AvroFileReader::Open(text.str(), path);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  EXPECT_EQ((*reader)->Metadata("format-version"), "2");
  EXPECT_EQ((*reader)->Metadata("content"), "data");
  const AvroNode& schema = *(*reader)->schema();
  ASSERT_EQ(schema.name, "manifest_entry");
  int data_file = schema.FindField("data_file");
  ASSERT_GE(data_file, 0);
  const AvroNode& file = *schema.fields[static_cast<size_t>(data_file)].type;
  EXPECT_EQ(file.fields[static_cast<size_t>(file.FindField("file_path"))].field_id, 100);
  auto entries = (*reader)->ReadAll();
  ASSERT_TRUE(entries.ok()) << entries.error().message;
  ASSERT_EQ(entries->size(), 2u);
  for (const auto& entry : *entries) {
    const AvroValue& value = entry.children[static_cast<size_t>(data_file)];
    std::string file_path = value.children[static_cast<size_t>(file.FindField("file_path"))].bytes;
    EXPECT_NE(file_path.find("partition_col="), std::string::npos) << file_path;
  }
}

TEST(AvroFileTest, TruncatedAndCorruptedFilesFailCleanly) {
  std::string good = WriteRows(AvroCodec::kDeflate, 300);
  // Every truncation fails or reads a prefix of the records, and never crashes.
  for (size_t length = 0; length < good.size(); length += std::max<size_t>(1, good.size() / 400)) {
    auto reader = AvroFileReader::Open(good.substr(0, length), "t.avro");
    if (!reader.ok()) {
      EXPECT_EQ(reader.error().code, ErrorCode::kCorruptData);
      continue;
    }
    auto values = (*reader)->ReadAll();
    EXPECT_FALSE(values.ok()) << "length " << length;
  }
  // Random byte flips.
  std::mt19937 random(7);
  for (int trial = 0; trial < 500; ++trial) {
    std::string bad = good;
    for (int flips = 0; flips < 3; ++flips) bad[random() % bad.size()] ^= static_cast<char>(1 + random() % 255);
    auto reader = AvroFileReader::Open(bad, "t.avro");
    if (reader.ok()) (void)(*reader)->ReadAll();
  }
}

TEST(AvroFileTest, RejectsCountsThatCannotFitTheData) {
  AvroFileWriter writer(TestSchema(), {}, AvroCodec::kNull);
  ASSERT_TRUE(writer.Append(TestRow(1)).ok());
  std::string bytes = writer.Finish().ValueOrThrow();
  // The block header follows the 16-byte sync marker that ends the header; make its record count
  // huge (zigzag varint of 2^40).
  std::string sync = bytes.substr(bytes.size() - 16);
  size_t block = bytes.find(sync) + 16;
  std::string huge;
  uint64_t zigzag = uint64_t{1} << 41;
  while (zigzag >= 0x80) {
    huge.push_back(static_cast<char>((zigzag & 0x7f) | 0x80));
    zigzag >>= 7;
  }
  huge.push_back(static_cast<char>(zigzag));
  std::string bad = bytes.substr(0, block) + huge + bytes.substr(block + 1);
  auto bad_reader = AvroFileReader::Open(bad, "t.avro");
  ASSERT_TRUE(bad_reader.ok());
  auto values = (*bad_reader)->ReadAll();
  ASSERT_FALSE(values.ok());
  EXPECT_NE(values.error().message.find("cannot fit"), std::string::npos) << values.error().message;
}

TEST(AvroFileTest, RejectsBadMagicAndUnknownCodecs) {
  auto reader = AvroFileReader::Open("PAR1xxxx", "x.avro");
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.error().message.find("bad magic"), std::string::npos);
  std::string bytes = WriteRows(AvroCodec::kNull, 1);
  size_t codec = bytes.find("null", bytes.find("avro.codec"));
  std::string unknown = bytes;
  unknown.replace(codec, 4, "lzo!");
  auto lzo = AvroFileReader::Open(unknown, "x.avro");
  ASSERT_FALSE(lzo.ok());
  EXPECT_EQ(lzo.error().code, ErrorCode::kNotSupported);
}

}  // namespace
}  // namespace switchboard::avro
