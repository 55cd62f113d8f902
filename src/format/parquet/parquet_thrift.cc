// Compact-protocol decoding and encoding of the parquet.thrift structures: one Read and one Write
// per structure, field ids as in the specification.
#include "format/parquet/parquet_thrift.h"

#include <initializer_list>
#include <type_traits>
#include <utility>

#include "format/parquet/thrift_compact_reader.h"
#include "format/parquet/thrift_compact_writer.h"

namespace switchboard::parquet {

namespace {

using Reader = ThriftCompactReader;
using Writer = ThriftCompactWriter;
using Header = ThriftCompactReader::FieldHeader;

// ---------------------------------------------------------------------------------------------
// Decoding. ReadValue returns false when the wire type does not fit the target (the caller then
// skips the field, as Thrift does); errors inside the value are recorded in the reader.

void Read(Reader& r, Statistics& out);
void Read(Reader& r, LogicalTypeAnnotation& out);
void Read(Reader& r, SchemaElement& out);
void Read(Reader& r, DataPageHeader& out);
void Read(Reader& r, DictionaryPageHeader& out);
void Read(Reader& r, DataPageHeaderV2& out);
void Read(Reader& r, PageHeader& out);
void Read(Reader& r, KeyValue& out);
void Read(Reader& r, SortingColumn& out);
void Read(Reader& r, PageEncodingStats& out);
void Read(Reader& r, ColumnMetaData& out);
void Read(Reader& r, ColumnChunk& out);
void Read(Reader& r, RowGroup& out);
void Read(Reader& r, ColumnOrder& out);
void Read(Reader& r, FileMetaData& out);
void Read(Reader& r, PageLocation& out);
void Read(Reader& r, OffsetIndex& out);
void Read(Reader& r, ColumnIndex& out);
void Read(Reader& r, BloomFilterHeader& out);

template <typename T>
bool ReadValue(Reader& r, ThriftType type, bool element, std::optional<T>& out);
template <typename T, typename A>
bool ReadValue(Reader& r, ThriftType type, bool element, std::vector<T, A>& out);

bool ReadValue(Reader& r, ThriftType type, bool, ColumnOrder& out) {
  if (type != ThriftType::kStruct) return false;
  Read(r, out);
  return true;
}
bool ReadValue(Reader& r, ThriftType type, bool element, bool& out) {
  if (type != ThriftType::kBoolTrue && type != ThriftType::kBoolFalse) return false;
  out = element ? r.ReadBoolElement() : type == ThriftType::kBoolTrue;
  return true;
}
bool ReadValue(Reader& r, ThriftType type, bool, int16_t& out) {
  if (type != ThriftType::kI16) return false;
  out = r.ReadI16();
  return true;
}
bool ReadValue(Reader& r, ThriftType type, bool, int8_t& out) {
  if (type != ThriftType::kByte) return false;
  out = r.ReadByte();
  return true;
}
bool ReadValue(Reader& r, ThriftType type, bool, int32_t& out) {
  if (type != ThriftType::kI32) return false;
  out = r.ReadI32();
  return true;
}
bool ReadValue(Reader& r, ThriftType type, bool, int64_t& out) {
  if (type != ThriftType::kI64) return false;
  out = r.ReadI64();
  return true;
}
bool ReadValue(Reader& r, ThriftType type, bool, std::string& out) {
  if (type != ThriftType::kBinary) return false;
  out = r.ReadString();
  return true;
}
template <typename E>
requires std::is_enum_v<E> &&
    (sizeof(E) == 4) bool ReadValue(Reader& r, ThriftType type, bool, E& out) {
  if (type != ThriftType::kI32) return false;
  out = static_cast<E>(r.ReadI32());
  return true;
}
template <typename T>
requires std::is_class_v<T>
bool ReadValue(Reader& r, ThriftType type, bool, T& out) {
  if (type != ThriftType::kStruct) return false;
  Read(r, out);
  return true;
}
template <typename T>
bool ReadValue(Reader& r, ThriftType type, bool element, std::optional<T>& out) {
  T value{};
  if (!ReadValue(r, type, element, value)) return false;
  out = std::move(value);
  return true;
}
template <typename T, typename A>
bool ReadValue(Reader& r, ThriftType type, bool, std::vector<T, A>& out) {
  if (type != ThriftType::kList && type != ThriftType::kSet) return false;
  Reader::ListHeader header = r.ReadListHeader();
  out.clear();
  for (uint32_t i = 0; i < header.size && r.ok(); ++i) {
    T element{};
    if (!ReadValue(r, header.element_type, /*element=*/true, element)) {
      r.Fail("list element has an unexpected type");
      return true;
    }
    out.push_back(std::move(element));
  }
  return true;
}

// Reads field `header` into `out`, skipping it when the wire type does not match; marks `bit`
// in `seen` on success.
template <typename T>
void Field(Reader& r, const Header& header, T& out, uint32_t& seen, int bit = -1) {
  if (ReadValue(r, header.type, /*element=*/false, out)) {
    if (bit >= 0) seen |= 1u << bit;
  } else {
    r.SkipField(header.type);
  }
}

void RequireFields(Reader& r, uint32_t seen, const char* structure,
                   std::initializer_list<std::pair<int, const char*>> required) {
  for (const auto& [bit, name] : required) {
    if ((seen & (1u << bit)) == 0) {
      r.Fail(fmt::format("{} lacks required field '{}'", structure, name));
      return;
    }
  }
}

// Iterates the fields of one struct, calling handle(header) for each.
template <typename Handler>
void ReadStruct(Reader& r, Handler&& handle) {
  r.BeginStruct();
  Header header;
  while (r.ok() && r.ReadFieldHeader(header)) handle(header);
  r.EndStruct();
}

void Read(Reader& r, Statistics& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.max, seen);
        break;
      case 2:
        Field(r, h, out.min, seen);
        break;
      case 3:
        Field(r, h, out.null_count, seen);
        break;
      case 4:
        Field(r, h, out.distinct_count, seen);
        break;
      case 5:
        Field(r, h, out.max_value, seen);
        break;
      case 6:
        Field(r, h, out.min_value, seen);
        break;
      case 7:
        Field(r, h, out.is_max_value_exact, seen);
        break;
      case 8:
        Field(r, h, out.is_min_value_exact, seen);
        break;
      case 9:
        Field(r, h, out.nan_count, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
}

void ReadTimeUnit(Reader& r, TimeUnit& unit) {
  ReadStruct(r, [&](const Header& h) {
    if (h.id >= 1 && h.id <= 3) unit = static_cast<TimeUnit>(h.id - 1);
    r.SkipField(h.type);
  });
}

// TimeType and TimestampType share their layout.
void ReadTemporal(Reader& r, LogicalTypeAnnotation& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    if (h.id == 1) {
      Field(r, h, out.is_adjusted_to_utc, seen, 0);
    } else if (h.id == 2 && h.type == ThriftType::kStruct) {
      ReadTimeUnit(r, out.unit);
      seen |= 2;
    } else {
      r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "TimeType/TimestampType", {{0, "isAdjustedToUTC"}, {1, "unit"}});
}

void Read(Reader& r, LogicalTypeAnnotation& out) {
  using Kind = LogicalTypeAnnotation::Kind;
  ReadStruct(r, [&](const Header& h) {
    if (h.type != ThriftType::kStruct) {
      r.SkipField(h.type);
      return;
    }
    uint32_t seen = 0;
    switch (h.id) {
      case 1:
        out.kind = Kind::kString;
        break;
      case 2:
        out.kind = Kind::kMap;
        break;
      case 3:
        out.kind = Kind::kList;
        break;
      case 4:
        out.kind = Kind::kEnum;
        break;
      case 5:
        out.kind = Kind::kDecimal;
        ReadStruct(r, [&](const Header& f) {
          if (f.id == 1)
            Field(r, f, out.scale, seen, 0);
          else if (f.id == 2)
            Field(r, f, out.precision, seen, 1);
          else
            r.SkipField(f.type);
        });
        RequireFields(r, seen, "DecimalType", {{0, "scale"}, {1, "precision"}});
        return;
      case 6:
        out.kind = Kind::kDate;
        break;
      case 7:
        out.kind = Kind::kTime;
        ReadTemporal(r, out);
        return;
      case 8:
        out.kind = Kind::kTimestamp;
        ReadTemporal(r, out);
        return;
      case 10:
        out.kind = Kind::kInteger;
        ReadStruct(r, [&](const Header& f) {
          if (f.id == 1)
            Field(r, f, out.bit_width, seen, 0);
          else if (f.id == 2)
            Field(r, f, out.is_signed, seen, 1);
          else
            r.SkipField(f.type);
        });
        RequireFields(r, seen, "IntType", {{0, "bitWidth"}, {1, "isSigned"}});
        return;
      case 11:
        out.kind = Kind::kUnknown;
        break;
      case 12:
        out.kind = Kind::kJson;
        break;
      case 13:
        out.kind = Kind::kBson;
        break;
      case 14:
        out.kind = Kind::kUuid;
        break;
      case 15:
        out.kind = Kind::kFloat16;
        break;
      case 16:
        out.kind = Kind::kVariant;
        break;
      case 17:
      case 18:
        out.kind = h.id == 17 ? Kind::kGeometry : Kind::kGeography;
        ReadStruct(r, [&](const Header& f) {
          if (f.id == 1)
            Field(r, f, out.crs, seen);
          else if (f.id == 2)
            Field(r, f, out.algorithm, seen);
          else
            r.SkipField(f.type);
        });
        return;
      default:
        out.kind = Kind::kUnrecognized;
        break;
    }
    r.SkipField(h.type);
  });
}

void Read(Reader& r, SchemaElement& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.type, seen);
        break;
      case 2:
        Field(r, h, out.type_length, seen);
        break;
      case 3:
        Field(r, h, out.repetition_type, seen);
        break;
      case 4:
        Field(r, h, out.name, seen, 0);
        break;
      case 5:
        Field(r, h, out.num_children, seen);
        break;
      case 6:
        Field(r, h, out.converted_type, seen);
        break;
      case 7:
        Field(r, h, out.scale, seen);
        break;
      case 8:
        Field(r, h, out.precision, seen);
        break;
      case 9:
        Field(r, h, out.field_id, seen);
        break;
      case 10:
        Field(r, h, out.logical_type, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "SchemaElement", {{0, "name"}});
}

void Read(Reader& r, DataPageHeader& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.num_values, seen, 0);
        break;
      case 2:
        Field(r, h, out.encoding, seen, 1);
        break;
      case 3:
        Field(r, h, out.definition_level_encoding, seen, 2);
        break;
      case 4:
        Field(r, h, out.repetition_level_encoding, seen, 3);
        break;
      case 5:
        Field(r, h, out.statistics, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "DataPageHeader",
                {{0, "num_values"},
                 {1, "encoding"},
                 {2, "definition_level_encoding"},
                 {3, "repetition_level_encoding"}});
}

void Read(Reader& r, DictionaryPageHeader& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.num_values, seen, 0);
        break;
      case 2:
        Field(r, h, out.encoding, seen, 1);
        break;
      case 3:
        Field(r, h, out.is_sorted, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "DictionaryPageHeader", {{0, "num_values"}, {1, "encoding"}});
}

void Read(Reader& r, DataPageHeaderV2& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.num_values, seen, 0);
        break;
      case 2:
        Field(r, h, out.num_nulls, seen, 1);
        break;
      case 3:
        Field(r, h, out.num_rows, seen, 2);
        break;
      case 4:
        Field(r, h, out.encoding, seen, 3);
        break;
      case 5:
        Field(r, h, out.definition_levels_byte_length, seen, 4);
        break;
      case 6:
        Field(r, h, out.repetition_levels_byte_length, seen, 5);
        break;
      case 7:
        Field(r, h, out.is_compressed, seen);
        break;
      case 8:
        Field(r, h, out.statistics, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "DataPageHeaderV2",
                {{0, "num_values"},
                 {1, "num_nulls"},
                 {2, "num_rows"},
                 {3, "encoding"},
                 {4, "definition_levels_byte_length"},
                 {5, "repetition_levels_byte_length"}});
}

void Read(Reader& r, PageHeader& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.type, seen, 0);
        break;
      case 2:
        Field(r, h, out.uncompressed_page_size, seen, 1);
        break;
      case 3:
        Field(r, h, out.compressed_page_size, seen, 2);
        break;
      case 4:
        Field(r, h, out.crc, seen);
        break;
      case 5:
        Field(r, h, out.data_page_header, seen);
        break;
      case 7:
        Field(r, h, out.dictionary_page_header, seen);
        break;
      case 8:
        Field(r, h, out.data_page_header_v2, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "PageHeader",
                {{0, "type"}, {1, "uncompressed_page_size"}, {2, "compressed_page_size"}});
}

void Read(Reader& r, KeyValue& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.key, seen, 0);
        break;
      case 2:
        Field(r, h, out.value, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "KeyValue", {{0, "key"}});
}

void Read(Reader& r, SortingColumn& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.column_idx, seen, 0);
        break;
      case 2:
        Field(r, h, out.descending, seen, 1);
        break;
      case 3:
        Field(r, h, out.nulls_first, seen, 2);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "SortingColumn",
                {{0, "column_idx"}, {1, "descending"}, {2, "nulls_first"}});
}

void Read(Reader& r, PageEncodingStats& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.page_type, seen, 0);
        break;
      case 2:
        Field(r, h, out.encoding, seen, 1);
        break;
      case 3:
        Field(r, h, out.count, seen, 2);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "PageEncodingStats", {{0, "page_type"}, {1, "encoding"}, {2, "count"}});
}

void Read(Reader& r, ColumnMetaData& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.type, seen, 0);
        break;
      case 2:
        Field(r, h, out.encodings, seen, 1);
        break;
      case 3:
        Field(r, h, out.path_in_schema, seen, 2);
        break;
      case 4:
        Field(r, h, out.codec, seen, 3);
        break;
      case 5:
        Field(r, h, out.num_values, seen, 4);
        break;
      case 6:
        Field(r, h, out.total_uncompressed_size, seen, 5);
        break;
      case 7:
        Field(r, h, out.total_compressed_size, seen, 6);
        break;
      case 8:
        Field(r, h, out.key_value_metadata, seen);
        break;
      case 9:
        Field(r, h, out.data_page_offset, seen, 7);
        break;
      case 10:
        Field(r, h, out.index_page_offset, seen);
        break;
      case 11:
        Field(r, h, out.dictionary_page_offset, seen);
        break;
      case 12:
        Field(r, h, out.statistics, seen);
        break;
      case 13:
        Field(r, h, out.encoding_stats, seen);
        break;
      case 14:
        Field(r, h, out.bloom_filter_offset, seen);
        break;
      case 15:
        Field(r, h, out.bloom_filter_length, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "ColumnMetaData",
                {{0, "type"},
                 {1, "encodings"},
                 {2, "path_in_schema"},
                 {3, "codec"},
                 {4, "num_values"},
                 {5, "total_uncompressed_size"},
                 {6, "total_compressed_size"},
                 {7, "data_page_offset"}});
}

void Read(Reader& r, ColumnChunk& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.file_path, seen);
        break;
      case 2:
        Field(r, h, out.file_offset, seen);
        break;
      case 3:
        Field(r, h, out.meta_data, seen);
        break;
      case 4:
        Field(r, h, out.offset_index_offset, seen);
        break;
      case 5:
        Field(r, h, out.offset_index_length, seen);
        break;
      case 6:
        Field(r, h, out.column_index_offset, seen);
        break;
      case 7:
        Field(r, h, out.column_index_length, seen);
        break;
      case 8:
      case 9:
        out.encrypted = true;
        r.SkipField(h.type);
        break;
      default:
        r.SkipField(h.type);
    }
  });
}

void Read(Reader& r, RowGroup& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.columns, seen, 0);
        break;
      case 2:
        Field(r, h, out.total_byte_size, seen, 1);
        break;
      case 3:
        Field(r, h, out.num_rows, seen, 2);
        break;
      case 4:
        Field(r, h, out.sorting_columns, seen);
        break;
      case 5:
        Field(r, h, out.file_offset, seen);
        break;
      case 6:
        Field(r, h, out.total_compressed_size, seen);
        break;
      case 7:
        Field(r, h, out.ordinal, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "RowGroup", {{0, "columns"}, {1, "total_byte_size"}, {2, "num_rows"}});
}

void Read(Reader& r, ColumnOrder& out) {
  out = ColumnOrder::kUnknown;
  ReadStruct(r, [&](const Header& h) {
    if (h.type == ThriftType::kStruct && h.id >= 1 && h.id <= 3) {
      out = static_cast<ColumnOrder>(h.id - 1);
    }
    r.SkipField(h.type);
  });
}

void Read(Reader& r, FileMetaData& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.version, seen, 0);
        break;
      case 2:
        Field(r, h, out.schema, seen, 1);
        break;
      case 3:
        Field(r, h, out.num_rows, seen, 2);
        break;
      case 4:
        Field(r, h, out.row_groups, seen, 3);
        break;
      case 5:
        Field(r, h, out.key_value_metadata, seen);
        break;
      case 6:
        Field(r, h, out.created_by, seen);
        break;
      case 7:
        Field(r, h, out.column_orders, seen);
        break;
      case 8:
        out.encrypted = true;
        r.SkipField(h.type);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "FileMetaData",
                {{0, "version"}, {1, "schema"}, {2, "num_rows"}, {3, "row_groups"}});
}

void Read(Reader& r, PageLocation& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.offset, seen, 0);
        break;
      case 2:
        Field(r, h, out.compressed_page_size, seen, 1);
        break;
      case 3:
        Field(r, h, out.first_row_index, seen, 2);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "PageLocation",
                {{0, "offset"}, {1, "compressed_page_size"}, {2, "first_row_index"}});
}

void Read(Reader& r, OffsetIndex& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.page_locations, seen, 0);
        break;
      case 2:
        Field(r, h, out.unencoded_byte_array_data_bytes, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "OffsetIndex", {{0, "page_locations"}});
}

void Read(Reader& r, ColumnIndex& out) {
  uint32_t seen = 0;
  ReadStruct(r, [&](const Header& h) {
    switch (h.id) {
      case 1:
        Field(r, h, out.null_pages, seen, 0);
        break;
      case 2:
        Field(r, h, out.min_values, seen, 1);
        break;
      case 3:
        Field(r, h, out.max_values, seen, 2);
        break;
      case 4:
        Field(r, h, out.boundary_order, seen, 3);
        break;
      case 5:
        Field(r, h, out.null_counts, seen);
        break;
      case 8:
        Field(r, h, out.nan_counts, seen);
        break;
      default:
        r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "ColumnIndex",
                {{0, "null_pages"}, {1, "min_values"}, {2, "max_values"}, {3, "boundary_order"}});
}

void Read(Reader& r, BloomFilterHeader& out) {
  uint32_t seen = 0;
  // Each of the three unions has one known member with id 1.
  auto read_union = [&](bool& known) {
    ReadStruct(r, [&](const Header& f) {
      if (f.id == 1 && f.type == ThriftType::kStruct) known = true;
      r.SkipField(f.type);
    });
  };
  ReadStruct(r, [&](const Header& h) {
    if (h.id == 1) {
      Field(r, h, out.num_bytes, seen, 0);
    } else if (h.id >= 2 && h.id <= 4 && h.type == ThriftType::kStruct) {
      read_union(h.id == 2   ? out.algorithm_is_block
                 : h.id == 3 ? out.hash_is_xxhash
                             : out.compression_is_none);
      seen |= 1u << (h.id - 1);
    } else {
      r.SkipField(h.type);
    }
  });
  RequireFields(r, seen, "BloomFilterHeader",
                {{0, "numBytes"}, {1, "algorithm"}, {2, "hash"}, {3, "compression"}});
}

// ---------------------------------------------------------------------------------------------
// Encoding.

void Write(Writer& w, const Statistics& s) {
  w.BeginStruct();
  if (s.max) w.BinaryField(1, *s.max);
  if (s.min) w.BinaryField(2, *s.min);
  if (s.null_count) w.I64Field(3, *s.null_count);
  if (s.distinct_count) w.I64Field(4, *s.distinct_count);
  if (s.max_value) w.BinaryField(5, *s.max_value);
  if (s.min_value) w.BinaryField(6, *s.min_value);
  if (s.is_max_value_exact) w.BoolField(7, *s.is_max_value_exact);
  if (s.is_min_value_exact) w.BoolField(8, *s.is_min_value_exact);
  if (s.nan_count) w.I64Field(9, *s.nan_count);
  w.EndStruct();
}

void WriteEmptyStructField(Writer& w, int16_t id) {
  w.StructField(id);
  w.EndStruct();
}

void Write(Writer& w, const LogicalTypeAnnotation& t) {
  using Kind = LogicalTypeAnnotation::Kind;
  w.BeginStruct();
  auto temporal = [&](int16_t id) {
    w.StructField(id);
    w.BoolField(1, t.is_adjusted_to_utc);
    w.StructField(2);
    WriteEmptyStructField(w, static_cast<int16_t>(static_cast<int>(t.unit) + 1));
    w.EndStruct();
    w.EndStruct();
  };
  switch (t.kind) {
    case Kind::kString:
      WriteEmptyStructField(w, 1);
      break;
    case Kind::kMap:
      WriteEmptyStructField(w, 2);
      break;
    case Kind::kList:
      WriteEmptyStructField(w, 3);
      break;
    case Kind::kEnum:
      WriteEmptyStructField(w, 4);
      break;
    case Kind::kDecimal:
      w.StructField(5);
      w.I32Field(1, t.scale);
      w.I32Field(2, t.precision);
      w.EndStruct();
      break;
    case Kind::kDate:
      WriteEmptyStructField(w, 6);
      break;
    case Kind::kTime:
      temporal(7);
      break;
    case Kind::kTimestamp:
      temporal(8);
      break;
    case Kind::kInteger:
      w.StructField(10);
      w.ByteField(1, t.bit_width);
      w.BoolField(2, t.is_signed);
      w.EndStruct();
      break;
    case Kind::kUnknown:
      WriteEmptyStructField(w, 11);
      break;
    case Kind::kJson:
      WriteEmptyStructField(w, 12);
      break;
    case Kind::kBson:
      WriteEmptyStructField(w, 13);
      break;
    case Kind::kUuid:
      WriteEmptyStructField(w, 14);
      break;
    case Kind::kFloat16:
      WriteEmptyStructField(w, 15);
      break;
    case Kind::kVariant:
      WriteEmptyStructField(w, 16);
      break;
    case Kind::kGeometry:
    case Kind::kGeography:
      w.StructField(t.kind == Kind::kGeometry ? 17 : 18);
      if (t.crs) w.BinaryField(1, *t.crs);
      if (t.kind == Kind::kGeography && t.algorithm) w.I32Field(2, *t.algorithm);
      w.EndStruct();
      break;
    case Kind::kUnrecognized:
      break;
  }
  w.EndStruct();
}

void Write(Writer& w, const SchemaElement& e) {
  w.BeginStruct();
  if (e.type) w.I32Field(1, static_cast<int32_t>(*e.type));
  if (e.type_length) w.I32Field(2, *e.type_length);
  if (e.repetition_type) w.I32Field(3, static_cast<int32_t>(*e.repetition_type));
  w.BinaryField(4, e.name);
  if (e.num_children) w.I32Field(5, *e.num_children);
  if (e.converted_type) w.I32Field(6, static_cast<int32_t>(*e.converted_type));
  if (e.scale) w.I32Field(7, *e.scale);
  if (e.precision) w.I32Field(8, *e.precision);
  if (e.field_id) w.I32Field(9, *e.field_id);
  if (e.logical_type) {
    w.FieldHeader(10, ThriftType::kStruct);
    Write(w, *e.logical_type);
  }
  w.EndStruct();
}

void Write(Writer& w, const PageHeader& p) {
  w.BeginStruct();
  w.I32Field(1, static_cast<int32_t>(p.type));
  w.I32Field(2, p.uncompressed_page_size);
  w.I32Field(3, p.compressed_page_size);
  if (p.crc) w.I32Field(4, *p.crc);
  if (p.data_page_header) {
    const DataPageHeader& d = *p.data_page_header;
    w.StructField(5);
    w.I32Field(1, d.num_values);
    w.I32Field(2, static_cast<int32_t>(d.encoding));
    w.I32Field(3, static_cast<int32_t>(d.definition_level_encoding));
    w.I32Field(4, static_cast<int32_t>(d.repetition_level_encoding));
    if (d.statistics) {
      w.FieldHeader(5, ThriftType::kStruct);
      Write(w, *d.statistics);
    }
    w.EndStruct();
  }
  if (p.dictionary_page_header) {
    const DictionaryPageHeader& d = *p.dictionary_page_header;
    w.StructField(7);
    w.I32Field(1, d.num_values);
    w.I32Field(2, static_cast<int32_t>(d.encoding));
    if (d.is_sorted) w.BoolField(3, *d.is_sorted);
    w.EndStruct();
  }
  if (p.data_page_header_v2) {
    const DataPageHeaderV2& d = *p.data_page_header_v2;
    w.StructField(8);
    w.I32Field(1, d.num_values);
    w.I32Field(2, d.num_nulls);
    w.I32Field(3, d.num_rows);
    w.I32Field(4, static_cast<int32_t>(d.encoding));
    w.I32Field(5, d.definition_levels_byte_length);
    w.I32Field(6, d.repetition_levels_byte_length);
    w.BoolField(7, d.is_compressed);
    if (d.statistics) {
      w.FieldHeader(8, ThriftType::kStruct);
      Write(w, *d.statistics);
    }
    w.EndStruct();
  }
  w.EndStruct();
}

void WriteKeyValues(Writer& w, int16_t id, const std::vector<KeyValue>& entries) {
  w.ListField(id, ThriftType::kStruct, entries.size());
  for (const KeyValue& kv : entries) {
    w.BeginStruct();
    w.BinaryField(1, kv.key);
    if (kv.value) w.BinaryField(2, *kv.value);
    w.EndStruct();
  }
}

void Write(Writer& w, const ColumnMetaData& m) {
  w.BeginStruct();
  w.I32Field(1, static_cast<int32_t>(m.type));
  w.ListField(2, ThriftType::kI32, m.encodings.size());
  for (Encoding e : m.encodings) w.I32(static_cast<int32_t>(e));
  w.ListField(3, ThriftType::kBinary, m.path_in_schema.size());
  for (const std::string& p : m.path_in_schema) w.Binary(p);
  w.I32Field(4, static_cast<int32_t>(m.codec));
  w.I64Field(5, m.num_values);
  w.I64Field(6, m.total_uncompressed_size);
  w.I64Field(7, m.total_compressed_size);
  if (!m.key_value_metadata.empty()) WriteKeyValues(w, 8, m.key_value_metadata);
  w.I64Field(9, m.data_page_offset);
  if (m.index_page_offset) w.I64Field(10, *m.index_page_offset);
  if (m.dictionary_page_offset) w.I64Field(11, *m.dictionary_page_offset);
  if (m.statistics) {
    w.FieldHeader(12, ThriftType::kStruct);
    Write(w, *m.statistics);
  }
  if (m.encoding_stats) {
    w.ListField(13, ThriftType::kStruct, m.encoding_stats->size());
    for (const PageEncodingStats& s : *m.encoding_stats) {
      w.BeginStruct();
      w.I32Field(1, static_cast<int32_t>(s.page_type));
      w.I32Field(2, static_cast<int32_t>(s.encoding));
      w.I32Field(3, s.count);
      w.EndStruct();
    }
  }
  if (m.bloom_filter_offset) w.I64Field(14, *m.bloom_filter_offset);
  if (m.bloom_filter_length) w.I32Field(15, *m.bloom_filter_length);
  w.EndStruct();
}

void Write(Writer& w, const ColumnChunk& c) {
  w.BeginStruct();
  if (c.file_path) w.BinaryField(1, *c.file_path);
  w.I64Field(2, c.file_offset);
  if (c.meta_data) {
    w.FieldHeader(3, ThriftType::kStruct);
    Write(w, *c.meta_data);
  }
  if (c.offset_index_offset) w.I64Field(4, *c.offset_index_offset);
  if (c.offset_index_length) w.I32Field(5, *c.offset_index_length);
  if (c.column_index_offset) w.I64Field(6, *c.column_index_offset);
  if (c.column_index_length) w.I32Field(7, *c.column_index_length);
  w.EndStruct();
}

void Write(Writer& w, const RowGroup& g) {
  w.BeginStruct();
  w.ListField(1, ThriftType::kStruct, g.columns.size());
  for (const ColumnChunk& c : g.columns) Write(w, c);
  w.I64Field(2, g.total_byte_size);
  w.I64Field(3, g.num_rows);
  if (g.sorting_columns) {
    w.ListField(4, ThriftType::kStruct, g.sorting_columns->size());
    for (const SortingColumn& s : *g.sorting_columns) {
      w.BeginStruct();
      w.I32Field(1, s.column_idx);
      w.BoolField(2, s.descending);
      w.BoolField(3, s.nulls_first);
      w.EndStruct();
    }
  }
  if (g.file_offset) w.I64Field(5, *g.file_offset);
  if (g.total_compressed_size) w.I64Field(6, *g.total_compressed_size);
  if (g.ordinal) w.I16Field(7, *g.ordinal);
  w.EndStruct();
}

void Write(Writer& w, const FileMetaData& f) {
  w.BeginStruct();
  w.I32Field(1, f.version);
  w.ListField(2, ThriftType::kStruct, f.schema.size());
  for (const SchemaElement& e : f.schema) Write(w, e);
  w.I64Field(3, f.num_rows);
  w.ListField(4, ThriftType::kStruct, f.row_groups.size());
  for (const RowGroup& g : f.row_groups) Write(w, g);
  if (!f.key_value_metadata.empty()) WriteKeyValues(w, 5, f.key_value_metadata);
  if (f.created_by) w.BinaryField(6, *f.created_by);
  if (f.column_orders) {
    w.ListField(7, ThriftType::kStruct, f.column_orders->size());
    for (ColumnOrder order : *f.column_orders) {
      w.BeginStruct();
      WriteEmptyStructField(w, static_cast<int16_t>(static_cast<int>(order) + 1));
      w.EndStruct();
    }
  }
  w.EndStruct();
}

void Write(Writer& w, const OffsetIndex& index) {
  w.BeginStruct();
  w.ListField(1, ThriftType::kStruct, index.page_locations.size());
  for (const PageLocation& p : index.page_locations) {
    w.BeginStruct();
    w.I64Field(1, p.offset);
    w.I32Field(2, p.compressed_page_size);
    w.I64Field(3, p.first_row_index);
    w.EndStruct();
  }
  if (index.unencoded_byte_array_data_bytes) {
    w.ListField(2, ThriftType::kI64, index.unencoded_byte_array_data_bytes->size());
    for (int64_t v : *index.unencoded_byte_array_data_bytes) w.I64(v);
  }
  w.EndStruct();
}

void Write(Writer& w, const ColumnIndex& index) {
  w.BeginStruct();
  w.ListField(1, ThriftType::kBoolTrue, index.null_pages.size());
  for (bool b : index.null_pages) w.BoolElement(b);
  w.ListField(2, ThriftType::kBinary, index.min_values.size());
  for (const std::string& v : index.min_values) w.Binary(v);
  w.ListField(3, ThriftType::kBinary, index.max_values.size());
  for (const std::string& v : index.max_values) w.Binary(v);
  w.I32Field(4, static_cast<int32_t>(index.boundary_order));
  if (index.null_counts) {
    w.ListField(5, ThriftType::kI64, index.null_counts->size());
    for (int64_t v : *index.null_counts) w.I64(v);
  }
  if (index.nan_counts) {
    w.ListField(8, ThriftType::kI64, index.nan_counts->size());
    for (int64_t v : *index.nan_counts) w.I64(v);
  }
  w.EndStruct();
}

void Write(Writer& w, const BloomFilterHeader& h) {
  w.BeginStruct();
  w.I32Field(1, h.num_bytes);
  for (int16_t id = 2; id <= 4; ++id) {
    w.StructField(id);
    WriteEmptyStructField(w, 1);
    w.EndStruct();
  }
  w.EndStruct();
}

template <typename T>
const char* StructName();
template <>
const char* StructName<FileMetaData>() {
  return "FileMetaData";
}
template <>
const char* StructName<PageHeader>() {
  return "PageHeader";
}
template <>
const char* StructName<ColumnIndex>() {
  return "ColumnIndex";
}
template <>
const char* StructName<OffsetIndex>() {
  return "OffsetIndex";
}
template <>
const char* StructName<BloomFilterHeader>() {
  return "BloomFilterHeader";
}
template <>
const char* StructName<ColumnMetaData>() {
  return "ColumnMetaData";
}
template <>
const char* StructName<SchemaElement>() {
  return "SchemaElement";
}
template <>
const char* StructName<Statistics>() {
  return "Statistics";
}

}  // namespace

const char* CodecName(CompressionCodec codec) {
  switch (codec) {
    case CompressionCodec::kUncompressed:
      return "UNCOMPRESSED";
    case CompressionCodec::kSnappy:
      return "SNAPPY";
    case CompressionCodec::kGzip:
      return "GZIP";
    case CompressionCodec::kLzo:
      return "LZO";
    case CompressionCodec::kBrotli:
      return "BROTLI";
    case CompressionCodec::kLz4:
      return "LZ4";
    case CompressionCodec::kZstd:
      return "ZSTD";
    case CompressionCodec::kLz4Raw:
      return "LZ4_RAW";
  }
  return "unknown codec";
}

const char* EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kPlain:
      return "PLAIN";
    case Encoding::kPlainDictionary:
      return "PLAIN_DICTIONARY";
    case Encoding::kRle:
      return "RLE";
    case Encoding::kBitPacked:
      return "BIT_PACKED";
    case Encoding::kDeltaBinaryPacked:
      return "DELTA_BINARY_PACKED";
    case Encoding::kDeltaLengthByteArray:
      return "DELTA_LENGTH_BYTE_ARRAY";
    case Encoding::kDeltaByteArray:
      return "DELTA_BYTE_ARRAY";
    case Encoding::kRleDictionary:
      return "RLE_DICTIONARY";
    case Encoding::kByteStreamSplit:
      return "BYTE_STREAM_SPLIT";
  }
  return "unknown encoding";
}

const char* TypeName(Type type) {
  switch (type) {
    case Type::kBoolean:
      return "BOOLEAN";
    case Type::kInt32:
      return "INT32";
    case Type::kInt64:
      return "INT64";
    case Type::kInt96:
      return "INT96";
    case Type::kFloat:
      return "FLOAT";
    case Type::kDouble:
      return "DOUBLE";
    case Type::kByteArray:
      return "BYTE_ARRAY";
    case Type::kFixedLenByteArray:
      return "FIXED_LEN_BYTE_ARRAY";
  }
  return "unknown type";
}

template <typename T>
Result<T> DeserializeThrift(const uint8_t* data, size_t size, size_t* consumed) {
  Reader reader(data, size);
  T value{};
  Read(reader, value);
  if (!reader.ok()) {
    return Error{ErrorCode::kCorruptData,
                 fmt::format("invalid {}: {}", StructName<T>(), reader.error())};
  }
  if (consumed != nullptr) *consumed = reader.position();
  return value;
}

template <typename T>
void SerializeThrift(const T& value, std::vector<uint8_t>& out) {
  Writer writer(out);
  Write(writer, value);
}

#define SB_INSTANTIATE_THRIFT(T)                                            \
  template Result<T> DeserializeThrift<T>(const uint8_t*, size_t, size_t*); \
  template void SerializeThrift<T>(const T&, std::vector<uint8_t>&);

SB_INSTANTIATE_THRIFT(FileMetaData)
SB_INSTANTIATE_THRIFT(PageHeader)
SB_INSTANTIATE_THRIFT(ColumnIndex)
SB_INSTANTIATE_THRIFT(OffsetIndex)
SB_INSTANTIATE_THRIFT(BloomFilterHeader)
SB_INSTANTIATE_THRIFT(ColumnMetaData)
SB_INSTANTIATE_THRIFT(SchemaElement)
SB_INSTANTIATE_THRIFT(Statistics)
#undef SB_INSTANTIATE_THRIFT

}  // namespace switchboard::parquet
