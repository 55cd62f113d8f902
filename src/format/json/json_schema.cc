// JSON schema inference over sampled values.
#include "format/json/json_schema.h"

#include <simdjson.h>

#include <unordered_map>

#include "common/string_util.h"
#include "format/text/text_type.h"

namespace switchboard {

namespace {

constexpr int kMaxDepth = 64;

}  // namespace

struct JsonSchemaBuilder::Node {
  enum Kind : uint8_t { kNull = 1, kBool = 2, kInt = 4, kDouble = 8, kString = 16, kArray = 32, kObject = 64 };
  uint8_t kinds = 0;
  bool big_integers = false;  // integers beyond BIGINT
  TextTypeCandidates strings;
  std::unique_ptr<Node> element;
  std::vector<std::pair<std::string, std::unique_ptr<Node>>> fields;
  std::unordered_map<std::string, size_t> field_index;  // lower-cased key

  void Add(simdjson::dom::element e, int depth) {
    using simdjson::dom::element_type;
    switch (e.type()) {
      case element_type::NULL_VALUE: kinds |= kNull; return;
      case element_type::BOOL: kinds |= kBool; return;
      case element_type::INT64: kinds |= kInt; return;
      case element_type::UINT64:
        kinds |= kInt;
        big_integers = true;
        return;
      case element_type::DOUBLE: kinds |= kDouble; return;
      case element_type::STRING:
        kinds |= kString;
        strings.Add(std::string_view(e));
        return;
      case element_type::ARRAY: {
        kinds |= kArray;
        if (depth >= kMaxDepth) return;
        if (!element) element = std::make_unique<Node>();
        simdjson::dom::array array = e.get_array().value_unsafe();
        for (simdjson::dom::element item : array) element->Add(item, depth + 1);
        return;
      }
      case element_type::OBJECT: {
        kinds |= kObject;
        if (depth >= kMaxDepth) return;
        simdjson::dom::object object = e.get_object().value_unsafe();
        for (auto field : object) {
          std::string lower = ToLower(field.key);
          auto it = field_index.find(lower);
          size_t index;
          if (it == field_index.end()) {
            index = fields.size();
            field_index.emplace(std::move(lower), index);
            fields.emplace_back(std::string(field.key), std::make_unique<Node>());
          } else {
            index = it->second;
          }
          fields[index].second->Add(field.value, depth + 1);
        }
        return;
      }
    }
  }

  LogicalType Resolve(size_t map_threshold) const {
    uint8_t present = kinds & ~kNull;
    if (present == 0) return LogicalType::Varchar();
    bool nested = present & (kArray | kObject);
    if (nested && (present & ~(kArray | kObject))) return TypeId::kJson;
    if (present == (kArray | kObject)) return TypeId::kJson;
    if (present == kArray) {
      return LogicalType::Array(element ? element->Resolve(map_threshold) : LogicalType::Varchar());
    }
    if (present == kObject) {
      if (fields.empty()) return TypeId::kJson;
      if (fields.size() > map_threshold) return LogicalType::Map(LogicalType::Varchar(), TypeId::kJson);
      std::vector<std::pair<std::string, LogicalType>> row;
      for (const auto& [name, node] : fields) row.emplace_back(name, node->Resolve(map_threshold));
      return LogicalType::Row(std::move(row));
    }
    if (present == kBool) return TypeId::kBoolean;
    if (present == kInt) return big_integers ? LogicalType(TypeId::kDouble) : LogicalType(TypeId::kBigint);
    if (present == (kInt | kDouble) || present == kDouble) return TypeId::kDouble;
    if (present == kString) {
      LogicalType type = strings.Best();
      return type.IsTemporal() ? type : LogicalType::Varchar();
    }
    return LogicalType::Varchar();
  }
};

struct JsonSchemaBuilder::Impl {
  simdjson::dom::parser parser;
  Node root;
  size_t map_threshold;
  size_t values = 0;
};

JsonSchemaBuilder::JsonSchemaBuilder(size_t map_threshold) : impl_(std::make_unique<Impl>()) {
  impl_->map_threshold = map_threshold;
}

JsonSchemaBuilder::~JsonSchemaBuilder() = default;

Result<void> JsonSchemaBuilder::Add(std::string_view json) {
  simdjson::dom::element root;
  // The text is copied with padding by the parser (realloc_if_needed).
  auto error = impl_->parser.parse(json.data(), json.size(), true).get(root);
  if (error != simdjson::SUCCESS) {
    return Error{ErrorCode::kCorruptData, fmt::format("invalid JSON: {}", simdjson::error_message(error))};
  }
  impl_->root.Add(root, 0);
  ++impl_->values;
  return Ok();
}

bool JsonSchemaBuilder::records() const {
  return impl_->values > 0 && impl_->root.kinds == Node::kObject && !impl_->root.fields.empty();
}

void JsonSchemaBuilder::Resolve(std::vector<std::string>& names, std::vector<LogicalType>& types) const {
  names.clear();
  types.clear();
  if (records()) {
    for (const auto& [name, node] : impl_->root.fields) {
      names.push_back(name);
      types.push_back(node->Resolve(impl_->map_threshold));
    }
    return;
  }
  names.push_back("json");
  types.push_back(impl_->values == 0 ? LogicalType(TypeId::kJson) : impl_->root.Resolve(impl_->map_threshold));
}

}  // namespace switchboard
