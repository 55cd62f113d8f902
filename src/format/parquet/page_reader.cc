// PageReader: page headers, CRC verification and decompression of data and dictionary pages.
#include "format/parquet/page_reader.h"

#include <zlib.h>

#include "format/parquet/codec.h"

namespace switchboard::parquet {

PageReader::PageReader(std::vector<PageSegment> segments, CompressionCodec codec,
                       PageReaderOptions options, std::string context)
    : segments_(std::move(segments)),
      codec_(codec),
      options_(options),
      context_(std::move(context)) {}

Error PageReader::Corrupt(int64_t offset, std::string_view problem) const {
  return Error{ErrorCode::kCorruptData,
               fmt::format("{}: page at byte {}: {}", context_, offset, problem)};
}

Result<std::shared_ptr<Buffer>> PageReader::Decompress(const uint8_t* input, size_t input_size,
                                                       size_t output_size, int64_t offset) const {
  if (output_size > Codec::MaxDecompressedSize(codec_, input_size)) {
    return Corrupt(offset, fmt::format("declares {} uncompressed bytes, more than {} bytes of {} "
                                       "can hold",
                                       output_size, input_size, CodecName(codec_)));
  }
  std::shared_ptr<Buffer> buffer = Buffer::Allocate(output_size);
  Result<void> result = Codec::Decompress(codec_, input, input_size, buffer->data(), output_size);
  if (!result.ok()) {
    Error error = std::move(result).error();
    error.message = fmt::format("{}: page at byte {}: {}", context_, offset, error.message);
    return error;
  }
  return buffer;
}

Result<bool> PageReader::Next(Page& page) {
  while (segment_ < segments_.size()) {
    const PageSegment& segment = segments_[segment_];
    if (position_ >= segment.data->size()) {
      ++segment_;
      position_ = 0;
      continue;
    }
    const uint8_t* start = segment.data->data() + position_;
    size_t left = segment.data->size() - position_;
    int64_t offset = segment.file_offset + static_cast<int64_t>(position_);
    size_t header_size = 0;
    auto header = DeserializeThrift<PageHeader>(start, left, &header_size);
    if (!header.ok()) return Corrupt(offset, header.error().message);
    const PageHeader& h = *header;
    if (h.compressed_page_size < 0 || h.uncompressed_page_size < 0) {
      return Corrupt(offset, fmt::format("negative page size ({} compressed, {} uncompressed)",
                                         h.compressed_page_size, h.uncompressed_page_size));
    }
    auto compressed = static_cast<size_t>(h.compressed_page_size);
    auto uncompressed = static_cast<size_t>(h.uncompressed_page_size);
    if (compressed > left - header_size) {
      return Corrupt(offset, fmt::format("page of {} bytes runs past the end of the column chunk "
                                         "({} bytes left)",
                                         compressed, left - header_size));
    }
    const uint8_t* payload = start + header_size;
    position_ += header_size + compressed;
    if (options_.verify_checksums && h.crc) {
      auto crc = static_cast<uint32_t>(crc32(0, payload, static_cast<uInt>(compressed)));
      if (crc != static_cast<uint32_t>(*h.crc)) {
        return Corrupt(offset, fmt::format("CRC mismatch (stored {:08x}, computed {:08x})",
                                           static_cast<uint32_t>(*h.crc), crc));
      }
    }
    if (static_cast<int64_t>(uncompressed) > options_.max_page_size) {
      return Corrupt(offset, fmt::format("uncompressed size {} exceeds the limit of {} bytes",
                                         uncompressed, options_.max_page_size));
    }
    page = Page{};
    page.type = h.type;
    page.file_offset = offset;
    switch (h.type) {
      case PageType::kDictionaryPage:
      case PageType::kDataPage: {
        if (h.type == PageType::kDictionaryPage) {
          if (!h.dictionary_page_header) return Corrupt(offset, "dictionary page lacks its header");
          page.num_values = h.dictionary_page_header->num_values;
          page.encoding = h.dictionary_page_header->encoding;
        } else {
          if (!h.data_page_header) return Corrupt(offset, "data page lacks its header");
          page.num_values = h.data_page_header->num_values;
          page.encoding = h.data_page_header->encoding;
        }
        if (page.num_values < 0) {
          return Corrupt(offset, fmt::format("negative value count {}", page.num_values));
        }
        if (codec_ == CompressionCodec::kUncompressed) {
          if (compressed != uncompressed) {
            return Corrupt(offset, fmt::format("uncompressed page stores {} bytes but declares {}",
                                               compressed, uncompressed));
          }
          page.data = segment.data;
          page.body = payload;
        } else {
          SB_ASSIGN_OR_RETURN(page.data, Decompress(payload, compressed, uncompressed, offset));
          page.body = page.data->data();
        }
        page.body_size = uncompressed;
        page.header = std::move(header).value();
        return true;
      }
      case PageType::kDataPageV2: {
        if (!h.data_page_header_v2) return Corrupt(offset, "data page v2 lacks its header");
        const DataPageHeaderV2& v2 = *h.data_page_header_v2;
        if (v2.num_values < 0 || v2.num_nulls < 0 || v2.num_rows < 0 ||
            v2.num_nulls > v2.num_values) {
          return Corrupt(offset, fmt::format("inconsistent counts ({} values, {} nulls, {} rows)",
                                             v2.num_values, v2.num_nulls, v2.num_rows));
        }
        if (v2.repetition_levels_byte_length < 0 || v2.definition_levels_byte_length < 0) {
          return Corrupt(offset, "negative level section length");
        }
        size_t levels = static_cast<size_t>(v2.repetition_levels_byte_length) +
                        static_cast<size_t>(v2.definition_levels_byte_length);
        if (levels > compressed || levels > uncompressed) {
          return Corrupt(offset, fmt::format("level sections of {} bytes exceed the page", levels));
        }
        page.num_values = v2.num_values;
        page.encoding = v2.encoding;
        page.levels_owner = segment.data;
        page.repetition_levels = payload;
        page.repetition_levels_size = static_cast<size_t>(v2.repetition_levels_byte_length);
        page.definition_levels = payload + page.repetition_levels_size;
        page.definition_levels_size = static_cast<size_t>(v2.definition_levels_byte_length);
        const uint8_t* values = payload + levels;
        size_t stored = compressed - levels;
        size_t expected = uncompressed - levels;
        bool is_compressed = v2.is_compressed && codec_ != CompressionCodec::kUncompressed;
        if (is_compressed && stored > 0) {
          SB_ASSIGN_OR_RETURN(page.data, Decompress(values, stored, expected, offset));
          page.body = page.data->data();
        } else {
          if (stored != expected) {
            return Corrupt(offset, fmt::format("uncompressed values section stores {} bytes but "
                                               "declares {}",
                                               stored, expected));
          }
          page.data = segment.data;
          page.body = values;
        }
        page.body_size = expected;
        page.header = std::move(header).value();
        return true;
      }
      default:
        continue;  // index pages and unknown types carry nothing to read
    }
  }
  return false;
}

}  // namespace switchboard::parquet
