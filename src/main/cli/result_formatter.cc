// Text forms of query results: table and Markdown grids, CSV and JSON.
#include "main/cli/result_formatter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "common/string_util.h"

namespace switchboard {

namespace {

/// Characters on screen: UTF-8 code points (continuation bytes do not count).
size_t DisplayWidth(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

/// A cell of the table format: tabs and carriage returns made visible; line breaks stay and
/// make the row taller (as psql does), so EXPLAIN output reads as a tree.
std::string TableCell(std::string_view text) {
  std::string cell;
  cell.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\t':
        cell += "\\t";
        break;
      case '\r':
        cell += "\\r";
        break;
      default:
        cell += c;
    }
  }
  return cell;
}

std::string MarkdownCell(std::string_view text) {
  std::string cell;
  cell.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '|':
        cell += "\\|";
        break;
      case '\n':
        cell += "<br>";
        break;
      case '\r':
        break;
      default:
        cell += c;
    }
  }
  return cell;
}

std::string CsvField(std::string_view text) {
  if (!text.empty() && text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string field = "\"";
  for (char c : text) {
    if (c == '"') field += '"';
    field += c;
  }
  return field + "\"";
}

std::string JsonString(std::string_view text) {
  std::string json = "\"";
  for (char c : text) {
    switch (c) {
      case '"':
        json += "\\\"";
        break;
      case '\\':
        json += "\\\\";
        break;
      case '\n':
        json += "\\n";
        break;
      case '\r':
        json += "\\r";
        break;
      case '\t':
        json += "\\t";
        break;
      case '\b':
        json += "\\b";
        break;
      case '\f':
        json += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          json += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        } else {
          json += c;
        }
    }
  }
  return json + "\"";
}

void AppendJsonValue(const Value& value, std::string& json) {
  if (value.is_null()) {
    json += "null";
    return;
  }
  const LogicalType& type = value.type();
  switch (type.id()) {
    case TypeId::kBoolean:
    case TypeId::kTinyint:
    case TypeId::kSmallint:
    case TypeId::kInteger:
    case TypeId::kBigint:
    case TypeId::kDecimal:
      json += value.ToString();
      return;
    case TypeId::kReal:
    case TypeId::kDouble:
      json += std::isfinite(value.GetDouble()) ? value.ToString() : JsonString(value.ToString());
      return;
    case TypeId::kArray:
      json += '[';
      for (size_t i = 0; i < value.children().size(); ++i) {
        if (i > 0) json += ", ";
        AppendJsonValue(value.children()[i], json);
      }
      json += ']';
      return;
    case TypeId::kMap:
    case TypeId::kRow:
      json += '{';
      for (size_t i = 0; i < value.children().size(); ++i) {
        if (i > 0) json += ", ";
        const Value& child = value.children()[i];
        if (type.id() == TypeId::kMap) {
          json += JsonString(child.children()[0].ToString()) + ": ";
          AppendJsonValue(child.children()[1], json);
        } else {
          const std::string& name = type.fields()[i].first;
          json += JsonString(name.empty() ? fmt::format("field{}", i) : name) + ": ";
          AppendJsonValue(child, json);
        }
      }
      json += '}';
      return;
    default:
      json += JsonString(value.ToString());
      return;
  }
}

}  // namespace

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  for (OutputFormat format :
       {OutputFormat::kTable, OutputFormat::kCsv, OutputFormat::kJson, OutputFormat::kMarkdown}) {
    if (EqualsIgnoreCase(name, OutputFormatName(format))) return format;
  }
  return std::nullopt;
}

std::string_view OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      return "table";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kMarkdown:
      return "markdown";
  }
  return "table";
}

void ResultFormatter::Write(const QueryResult& result, std::ostream& out) const {
  if (result.ColumnCount() == 0) return;
  switch (format_) {
    case OutputFormat::kTable:
    case OutputFormat::kMarkdown:
      WriteGrid(result, out);
      return;
    case OutputFormat::kCsv:
      WriteCsv(result, out);
      return;
    case OutputFormat::kJson:
      WriteJson(result, out);
      return;
  }
}

std::string ResultFormatter::RunTimeLine(double milliseconds) {
  return fmt::format("Run Time: {:.3f} ms", milliseconds);
}

void ResultFormatter::WriteGrid(const QueryResult& result, std::ostream& out) const {
  bool markdown = format_ == OutputFormat::kMarkdown;
  auto cell_text = [&](std::string_view text) {
    return markdown ? MarkdownCell(text) : TableCell(text);
  };
  idx_t columns = result.ColumnCount();
  // Row 0 is the header.
  std::vector<std::vector<std::string>> cells(result.RowCount() + 1);
  for (idx_t column = 0; column < columns; ++column) {
    cells[0].push_back(cell_text(result.names()[column]));
  }
  for (idx_t row = 0; row < result.RowCount(); ++row) {
    cells[row + 1].reserve(columns);
    for (idx_t column = 0; column < columns; ++column) {
      cells[row + 1].push_back(cell_text(result.GetValue(column, row).ToString()));
    }
  }
  // A cell's lines; only table cells contain line breaks.
  auto lines_of = [](const std::string& cell) {
    std::vector<std::string> lines = Split(cell, '\n');
    if (lines.size() > 1 && lines.back().empty()) lines.pop_back();
    return lines;
  };
  std::vector<size_t> widths(columns, 0);
  std::vector<bool> right_aligned(columns);
  for (idx_t column = 0; column < columns; ++column) {
    for (const std::vector<std::string>& row : cells) {
      for (const std::string& line : lines_of(row[column])) {
        widths[column] = std::max(widths[column], DisplayWidth(line));
      }
    }
    right_aligned[column] = result.types()[column].IsNumeric();
  }

  auto write_row = [&](const std::vector<std::string>& row) {
    std::vector<std::vector<std::string>> lines(columns);
    size_t height = 1;
    for (idx_t column = 0; column < columns; ++column) {
      lines[column] = lines_of(row[column]);
      height = std::max(height, lines[column].size());
    }
    for (size_t line = 0; line < height; ++line) {
      out << '|';
      for (idx_t column = 0; column < columns; ++column) {
        const std::string text = line < lines[column].size() ? lines[column][line] : "";
        std::string padding(widths[column] - DisplayWidth(text), ' ');
        out << ' ' << (right_aligned[column] ? padding + text : text + padding) << " |";
      }
      out << '\n';
    }
  };
  std::string rule;
  for (idx_t column = 0; column < columns; ++column) {
    if (markdown) {
      rule += '|' + std::string(widths[column] + 1, '-') + (right_aligned[column] ? ':' : '-');
    } else {
      rule += '+' + std::string(widths[column] + 2, '-');
    }
  }
  rule += markdown ? "|\n" : "+\n";

  if (!markdown) out << rule;
  write_row(cells[0]);
  out << rule;
  for (size_t row = 1; row < cells.size(); ++row) write_row(cells[row]);
  if (!markdown) out << rule;
}

void ResultFormatter::WriteCsv(const QueryResult& result, std::ostream& out) const {
  idx_t columns = result.ColumnCount();
  for (idx_t column = 0; column < columns; ++column) {
    out << (column > 0 ? "," : "") << CsvField(result.names()[column]);
  }
  out << '\n';
  for (idx_t row = 0; row < result.RowCount(); ++row) {
    for (idx_t column = 0; column < columns; ++column) {
      if (column > 0) out << ',';
      Value value = result.GetValue(column, row);
      if (!value.is_null()) out << CsvField(value.ToString());
    }
    out << '\n';
  }
}

void ResultFormatter::WriteJson(const QueryResult& result, std::ostream& out) const {
  std::vector<std::string> keys;
  for (const std::string& name : result.names()) keys.push_back(JsonString(name) + ": ");
  out << '[';
  std::string line;
  for (idx_t row = 0; row < result.RowCount(); ++row) {
    line = row > 0 ? ",\n  {" : "\n  {";
    for (idx_t column = 0; column < result.ColumnCount(); ++column) {
      if (column > 0) line += ", ";
      line += keys[column];
      AppendJsonValue(result.GetValue(column, row), line);
    }
    line += '}';
    out << line;
  }
  out << (result.RowCount() > 0 ? "\n]\n" : "]\n");
}

}  // namespace switchboard
