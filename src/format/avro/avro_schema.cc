// Avro schema parsing (simdjson) and printing.
#include "format/avro/avro_schema.h"

#include <simdjson.h>

#include <charconv>
#include <map>
#include <set>

#include "common/json_writer.h"

namespace switchboard::avro {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

Error SchemaError(const std::string& message) {
  return Error{ErrorCode::kCorruptData, "Invalid Avro schema: " + message};
}

std::optional<AvroType> PrimitiveType(std::string_view name) {
  static const std::pair<std::string_view, AvroType> kPrimitives[] = {
      {"null", AvroType::kNull},   {"boolean", AvroType::kBoolean}, {"int", AvroType::kInt},
      {"long", AvroType::kLong},   {"float", AvroType::kFloat},     {"double", AvroType::kDouble},
      {"bytes", AvroType::kBytes}, {"string", AvroType::kString},
  };
  for (const auto& [n, t] : kPrimitives) {
    if (n == name) return t;
  }
  return std::nullopt;
}

/// Reads an Iceberg id attribute, written as a JSON integer (or, by some writers, a string).
Result<std::optional<int32_t>> IdAttribute(element object, const char* key) {
  element value;
  if (object[key].get(value) != simdjson::SUCCESS) return std::optional<int32_t>();
  int64_t id = 0;
  if (value.is_int64()) {
    id = value.get_int64().value_unsafe();
  } else if (value.is_uint64()) {
    return SchemaError(fmt::format("\"{}\" is out of range", key));
  } else if (value.is_string()) {
    std::string_view text = value.get_string().value_unsafe();
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || end != text.data() + text.size()) {
      return SchemaError(fmt::format("\"{}\" is not an integer: \"{}\"", key, text));
    }
  } else {
    return SchemaError(fmt::format("\"{}\" is not an integer", key));
  }
  if (id < INT32_MIN || id > INT32_MAX) return SchemaError(fmt::format("\"{}\" is out of range", key));
  return std::optional<int32_t>(static_cast<int32_t>(id));
}

std::string StringAttribute(element object, const char* key) {
  std::string_view value;
  if (object[key].get_string().get(value) != simdjson::SUCCESS) return "";
  return std::string(value);
}

Result<int64_t> IntAttribute(element object, const char* key, bool required) {
  element value;
  if (object[key].get(value) != simdjson::SUCCESS) {
    if (required) return SchemaError(fmt::format("missing \"{}\"", key));
    return int64_t{0};
  }
  if (!value.is_int64()) return SchemaError(fmt::format("\"{}\" is not an integer", key));
  return value.get_int64().value_unsafe();
}

class SchemaParser {
 public:
  Result<AvroNodePtr> Parse(element json, const std::string& enclosing_namespace, int depth) {
    if (depth > kMaxSchemaDepth) return SchemaError(fmt::format("nesting deeper than {} levels", kMaxSchemaDepth));
    switch (json.type()) {
      case element_type::STRING:
        return Named(std::string(json.get_string().value_unsafe()), enclosing_namespace);
      case element_type::ARRAY: {
        auto node = std::make_shared<AvroNode>();
        node->type = AvroType::kUnion;
        simdjson::dom::array branches = json.get_array().value_unsafe();
        for (element branch : branches) {
          SB_ASSIGN_OR_RETURN(AvroNodePtr parsed, Parse(branch, enclosing_namespace, depth + 1));
          if (parsed->type == AvroType::kUnion) return SchemaError("a union directly inside a union");
          node->branches.push_back(std::move(parsed));
        }
        if (node->branches.empty()) return SchemaError("an empty union");
        return AvroNodePtr(std::move(node));
      }
      case element_type::OBJECT:
        return Object(json, enclosing_namespace, depth);
      default:
        return SchemaError("a schema must be a string, an array or an object");
    }
  }

 private:
  Result<AvroNodePtr> Named(const std::string& name, const std::string& enclosing_namespace) {
    if (auto primitive = PrimitiveType(name)) return AvroNode::Primitive(*primitive);
    std::string full = name.find('.') == std::string::npos && !enclosing_namespace.empty()
                           ? enclosing_namespace + "." + name
                           : name;
    for (const std::string& candidate : {full, name}) {
      auto it = named_.find(candidate);
      if (it != named_.end()) {
        if (!it->second) return SchemaError(fmt::format("recursive type '{}' is not supported", candidate));
        return it->second;
      }
    }
    return SchemaError(fmt::format("unknown type '{}'", name));
  }

  /// Reserves the name of a named type being defined (so that references to it inside are
  /// recognized as recursion) and returns its full name.
  Result<std::string> DeclareName(element object, const std::string& enclosing_namespace, std::string& space) {
    std::string name = StringAttribute(object, "name");
    if (name.empty()) return SchemaError("a named type without \"name\"");
    space = enclosing_namespace;
    if (object["namespace"].get_string().error() == simdjson::SUCCESS) {
      space = std::string(object["namespace"].get_string().value_unsafe());
    }
    std::string full;
    if (name.find('.') != std::string::npos) {
      full = name;
      space = name.substr(0, name.rfind('.'));
    } else {
      full = space.empty() ? name : space + "." + name;
    }
    if (named_.count(full)) return SchemaError(fmt::format("type '{}' is defined twice", full));
    named_[full] = nullptr;
    return full;
  }

  void Define(const std::string& full, AvroNodePtr node) {
    named_[full] = node;
    // Writers often refer to types by their simple name even inside a namespace.
    std::string simple = full.substr(full.rfind('.') + 1);
    if (simple != full && !named_.count(simple)) named_[simple] = node;
  }

  Result<AvroNodePtr> Object(element object, const std::string& enclosing_namespace, int depth) {
    element type_element;
    if (object["type"].get(type_element) != simdjson::SUCCESS) return SchemaError("an object without \"type\"");
    if (!type_element.is_string()) {
      // {"type": {...}} wraps another schema.
      return Parse(type_element, enclosing_namespace, depth + 1);
    }
    std::string type_name(type_element.get_string().value_unsafe());
    auto node = std::make_shared<AvroNode>();
    node->logical_type = StringAttribute(object, "logicalType");
    bool adjust = false;
    if (object["adjust-to-utc"].get_bool().get(adjust) == simdjson::SUCCESS) node->adjust_to_utc = adjust;
    if (auto primitive = PrimitiveType(type_name)) {
      node->type = *primitive;
      if (node->logical_type == "decimal") {
        SB_ASSIGN_OR_RETURN(int64_t precision, IntAttribute(object, "precision", true));
        SB_ASSIGN_OR_RETURN(int64_t scale, IntAttribute(object, "scale", false));
        if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
          return SchemaError(fmt::format("decimal({}, {}) is out of range", precision, scale));
        }
        node->precision = static_cast<int>(precision);
        node->scale = static_cast<int>(scale);
      }
      return AvroNodePtr(std::move(node));
    }
    if (type_name == "record" || type_name == "error") {
      node->type = AvroType::kRecord;
      std::string space;
      SB_ASSIGN_OR_RETURN(node->name, DeclareName(object, enclosing_namespace, space));
      simdjson::dom::array fields;
      if (object["fields"].get_array().get(fields) != simdjson::SUCCESS) {
        return SchemaError(fmt::format("record '{}' has no \"fields\" array", node->name));
      }
      std::set<std::string> names;
      for (element field_json : fields) {
        if (!field_json.is_object()) return SchemaError(fmt::format("a field of record '{}' is not an object", node->name));
        AvroField field;
        field.name = StringAttribute(field_json, "name");
        if (field.name.empty()) return SchemaError(fmt::format("a field of record '{}' has no name", node->name));
        if (!names.insert(field.name).second) {
          return SchemaError(fmt::format("record '{}' has two fields named '{}'", node->name, field.name));
        }
        element field_type;
        if (field_json["type"].get(field_type) != simdjson::SUCCESS) {
          return SchemaError(fmt::format("field '{}' has no type", field.name));
        }
        SB_ASSIGN_OR_RETURN(field.type, Parse(field_type, space, depth + 1));
        SB_ASSIGN_OR_RETURN(field.field_id, IdAttribute(field_json, "field-id"));
        field.doc = StringAttribute(field_json, "doc");
        element default_value;
        field.default_null = field_json["default"].get(default_value) == simdjson::SUCCESS && default_value.is_null();
        node->fields.push_back(std::move(field));
      }
      AvroNodePtr result = std::move(node);
      Define(result->name, result);
      return result;
    }
    if (type_name == "enum") {
      node->type = AvroType::kEnum;
      std::string space;
      SB_ASSIGN_OR_RETURN(node->name, DeclareName(object, enclosing_namespace, space));
      simdjson::dom::array symbols;
      if (object["symbols"].get_array().get(symbols) != simdjson::SUCCESS) {
        return SchemaError(fmt::format("enum '{}' has no \"symbols\" array", node->name));
      }
      for (element symbol : symbols) {
        if (!symbol.is_string()) return SchemaError(fmt::format("a symbol of enum '{}' is not a string", node->name));
        node->symbols.emplace_back(symbol.get_string().value_unsafe());
      }
      AvroNodePtr result = std::move(node);
      Define(result->name, result);
      return result;
    }
    if (type_name == "fixed") {
      node->type = AvroType::kFixed;
      std::string space;
      SB_ASSIGN_OR_RETURN(node->name, DeclareName(object, enclosing_namespace, space));
      SB_ASSIGN_OR_RETURN(int64_t size, IntAttribute(object, "size", true));
      if (size < 0 || size > (int64_t{1} << 20)) return SchemaError(fmt::format("fixed size {} is out of range", size));
      node->size = static_cast<int32_t>(size);
      if (node->logical_type == "decimal") {
        SB_ASSIGN_OR_RETURN(int64_t precision, IntAttribute(object, "precision", true));
        SB_ASSIGN_OR_RETURN(int64_t scale, IntAttribute(object, "scale", false));
        if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
          return SchemaError(fmt::format("decimal({}, {}) is out of range", precision, scale));
        }
        node->precision = static_cast<int>(precision);
        node->scale = static_cast<int>(scale);
      }
      AvroNodePtr result = std::move(node);
      Define(result->name, result);
      return result;
    }
    if (type_name == "array" || type_name == "map") {
      node->type = type_name == "array" ? AvroType::kArray : AvroType::kMap;
      element items;
      const char* key = type_name == "array" ? "items" : "values";
      if (object[key].get(items) != simdjson::SUCCESS) return SchemaError(fmt::format("{} without \"{}\"", type_name, key));
      SB_ASSIGN_OR_RETURN(node->items, Parse(items, enclosing_namespace, depth + 1));
      SB_ASSIGN_OR_RETURN(node->element_id, IdAttribute(object, "element-id"));
      SB_ASSIGN_OR_RETURN(node->key_id, IdAttribute(object, "key-id"));
      SB_ASSIGN_OR_RETURN(node->value_id, IdAttribute(object, "value-id"));
      return AvroNodePtr(std::move(node));
    }
    return Named(type_name, enclosing_namespace);
  }

  // Full name -> node; nullptr while the type is being defined.
  std::map<std::string, AvroNodePtr> named_;
};

void WriteSchema(JsonWriter& out, const AvroNode& node, std::set<std::string>& written) {
  auto named_once = [&]() {
    if (written.count(node.name)) {
      out.String(node.name);
      return false;
    }
    written.insert(node.name);
    return true;
  };
  auto logical = [&]() {
    if (!node.logical_type.empty()) {
      out.Key("logicalType");
      out.String(node.logical_type);
    }
    if (node.logical_type == "decimal") {
      out.Key("precision");
      out.Int(node.precision);
      out.Key("scale");
      out.Int(node.scale);
    }
    if (node.logical_type == "timestamp-micros" || node.logical_type == "timestamp-nanos") {
      out.Key("adjust-to-utc");
      out.Bool(node.adjust_to_utc);
    }
  };
  switch (node.type) {
    case AvroType::kUnion:
      out.StartArray();
      for (const auto& branch : node.branches) WriteSchema(out, *branch, written);
      out.EndArray();
      return;
    case AvroType::kRecord:
      if (!named_once()) return;
      out.StartObject();
      out.Key("type");
      out.String("record");
      out.Key("name");
      out.String(node.name);
      out.Key("fields");
      out.StartArray();
      for (const AvroField& field : node.fields) {
        out.StartObject();
        out.Key("name");
        out.String(field.name);
        out.Key("type");
        WriteSchema(out, *field.type, written);
        if (!field.doc.empty()) {
          out.Key("doc");
          out.String(field.doc);
        }
        if (field.default_null) {
          out.Key("default");
          out.Null();
        }
        if (field.field_id) {
          out.Key("field-id");
          out.Int(*field.field_id);
        }
        out.EndObject();
      }
      out.EndArray();
      out.EndObject();
      return;
    case AvroType::kEnum:
      if (!named_once()) return;
      out.StartObject();
      out.Key("type");
      out.String("enum");
      out.Key("name");
      out.String(node.name);
      out.Key("symbols");
      out.StartArray();
      for (const auto& symbol : node.symbols) out.String(symbol);
      out.EndArray();
      out.EndObject();
      return;
    case AvroType::kFixed:
      if (!named_once()) return;
      out.StartObject();
      out.Key("type");
      out.String("fixed");
      out.Key("name");
      out.String(node.name);
      out.Key("size");
      out.Int(node.size);
      logical();
      out.EndObject();
      return;
    case AvroType::kArray:
    case AvroType::kMap:
      out.StartObject();
      out.Key("type");
      out.String(AvroTypeName(node.type));
      out.Key(node.type == AvroType::kArray ? "items" : "values");
      WriteSchema(out, *node.items, written);
      logical();
      for (auto [key, id] : {std::pair{"element-id", node.element_id}, std::pair{"key-id", node.key_id},
                             std::pair{"value-id", node.value_id}}) {
        if (id) {
          out.Key(key);
          out.Int(*id);
        }
      }
      out.EndObject();
      return;
    default:
      if (node.logical_type.empty()) {
        out.String(AvroTypeName(node.type));
        return;
      }
      out.StartObject();
      out.Key("type");
      out.String(AvroTypeName(node.type));
      logical();
      out.EndObject();
      return;
  }
}

}  // namespace

const char* AvroTypeName(AvroType type) {
  switch (type) {
    case AvroType::kNull: return "null";
    case AvroType::kBoolean: return "boolean";
    case AvroType::kInt: return "int";
    case AvroType::kLong: return "long";
    case AvroType::kFloat: return "float";
    case AvroType::kDouble: return "double";
    case AvroType::kBytes: return "bytes";
    case AvroType::kString: return "string";
    case AvroType::kRecord: return "record";
    case AvroType::kEnum: return "enum";
    case AvroType::kArray: return "array";
    case AvroType::kMap: return "map";
    case AvroType::kUnion: return "union";
    case AvroType::kFixed: return "fixed";
  }
  return "?";
}

int AvroNode::FindField(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) return static_cast<int>(i);
  }
  return -1;
}

int AvroNode::FindFieldById(int32_t id) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].field_id == id) return static_cast<int>(i);
  }
  return -1;
}

int AvroNode::NullBranch() const {
  for (size_t i = 0; i < branches.size(); ++i) {
    if (branches[i]->type == AvroType::kNull) return static_cast<int>(i);
  }
  return -1;
}

AvroNodePtr AvroNode::Primitive(AvroType type, std::string logical_type) {
  auto node = std::make_shared<AvroNode>();
  node->type = type;
  node->logical_type = std::move(logical_type);
  return node;
}

AvroNodePtr AvroNode::Optional(AvroNodePtr type) {
  auto node = std::make_shared<AvroNode>();
  node->type = AvroType::kUnion;
  node->branches = {Primitive(AvroType::kNull), std::move(type)};
  return node;
}

AvroNodePtr AvroNode::Record(std::string name, std::vector<AvroField> fields) {
  auto node = std::make_shared<AvroNode>();
  node->type = AvroType::kRecord;
  node->name = std::move(name);
  node->fields = std::move(fields);
  return node;
}

AvroNodePtr AvroNode::Array(AvroNodePtr items, std::optional<int32_t> element_id) {
  auto node = std::make_shared<AvroNode>();
  node->type = AvroType::kArray;
  node->items = std::move(items);
  node->element_id = element_id;
  return node;
}

AvroNodePtr AvroNode::Fixed(std::string name, int32_t size, std::string logical_type) {
  auto node = std::make_shared<AvroNode>();
  node->type = AvroType::kFixed;
  node->name = std::move(name);
  node->size = size;
  node->logical_type = std::move(logical_type);
  return node;
}

Result<AvroNodePtr> ParseAvroSchema(std::string_view json) {
  simdjson::dom::parser parser;
  element root;
  simdjson::padded_string padded(json);
  if (auto error = parser.parse(padded).get(root); error) {
    return SchemaError(fmt::format("not JSON ({})", simdjson::error_message(error)));
  }
  SchemaParser schema_parser;
  return schema_parser.Parse(root, "", 0);
}

std::string AvroSchemaToJson(const AvroNode& node) {
  JsonWriter out;
  std::set<std::string> written;
  WriteSchema(out, node, written);
  return out.Take();
}

}  // namespace switchboard::avro
