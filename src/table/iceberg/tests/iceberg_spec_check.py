#!/usr/bin/env python3
"""Checks the metadata Switchboard writes against the Iceberg table spec (format/spec.md of
apache/iceberg): table metadata JSON (required fields per format version, schemas, partition specs,
sort orders, snapshots, refs, logs), manifest lists and manifests (Avro schemas: field ids, names,
required and optional fields and their types; the manifests' key-value metadata), and the values in
them (entry counts, sequence numbers, lengths and paths that agree with each other and with the
files on disk); and the warehouse's catalog.db (the Iceberg JDBC catalog's tables, pointing at each
table's newest metadata file).

    iceberg_spec_check.py --switchboard PATH [--tables FILE.sql] [--keep]

Runs FILE.sql (by default iceberg_read_diff.sql beside this script: partitioned tables, several
snapshots, evolved schemas and specs, overwrites) and a format version 3 table with
`switchboard --warehouse DIR`, then checks every metadata file, manifest list and manifest in the
warehouse. The Avro container files are decoded here, independently of the project's own reader.
Exit status: 0 when everything conforms, 1 otherwise (each violation printed with its file).
"""
import argparse
import glob
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import zlib

VERSION3_TABLE = [
    "CREATE TABLE lineage (id BIGINT, note VARCHAR, day DATE) PARTITIONED BY (day) "
    "TBLPROPERTIES ('format-version' = '3')",
    "INSERT INTO lineage VALUES (1, 'a', DATE '2024-01-01'), (2, NULL, DATE '2024-01-02')",
    "ALTER TABLE lineage ADD COLUMN level INTEGER DEFAULT 5",
    "INSERT INTO lineage (id, day) VALUES (3, DATE '2024-01-02')",
]

# --- The spec's tables: (field id, name, required, type) with types in Avro terms. -----------------
# A map<int, T> is written as an array of key/value records (Appendix A), named here
# ("map", key id, value id, value type); a list as ("list", element id, element type).

FIELD_SUMMARY = [
    (509, "contains_null", True, "boolean"),
    (518, "contains_nan", False, "boolean"),
    (510, "lower_bound", False, "bytes"),
    (511, "upper_bound", False, "bytes"),
]

MANIFEST_FILE = {
    2: [
        (500, "manifest_path", True, "string"),
        (501, "manifest_length", True, "long"),
        (502, "partition_spec_id", True, "int"),
        (517, "content", True, "int"),
        (515, "sequence_number", True, "long"),
        (516, "min_sequence_number", True, "long"),
        (503, "added_snapshot_id", True, "long"),
        (504, "added_files_count", True, "int"),
        (505, "existing_files_count", True, "int"),
        (506, "deleted_files_count", True, "int"),
        (512, "added_rows_count", True, "long"),
        (513, "existing_rows_count", True, "long"),
        (514, "deleted_rows_count", True, "long"),
        (507, "partitions", False, ("list", 508, FIELD_SUMMARY)),
        (519, "key_metadata", False, "bytes"),
    ],
}
MANIFEST_FILE[3] = MANIFEST_FILE[2] + [(520, "first_row_id", False, "long")]

DATA_FILE = {
    2: [
        (134, "content", True, "int"),
        (100, "file_path", True, "string"),
        (101, "file_format", True, "string"),
        (102, "partition", True, "partition"),
        (103, "record_count", True, "long"),
        (104, "file_size_in_bytes", True, "long"),
        (108, "column_sizes", False, ("map", 117, 118, "long")),
        (109, "value_counts", False, ("map", 119, 120, "long")),
        (110, "null_value_counts", False, ("map", 121, 122, "long")),
        (137, "nan_value_counts", False, ("map", 138, 139, "long")),
        (125, "lower_bounds", False, ("map", 126, 127, "bytes")),
        (128, "upper_bounds", False, ("map", 129, 130, "bytes")),
        (131, "key_metadata", False, "bytes"),
        (132, "split_offsets", False, ("list", 133, "long")),
        (135, "equality_ids", False, ("list", 136, "int")),
        (140, "sort_order_id", False, "int"),
        (143, "referenced_data_file", False, "string"),
    ],
}
DATA_FILE[3] = DATA_FILE[2] + [
    (142, "first_row_id", False, "long"),
    (144, "content_offset", False, "long"),
    (145, "content_size_in_bytes", False, "long"),
]


def manifest_entry(version):
    return [
        (0, "status", True, "int"),
        (1, "snapshot_id", False, "long"),
        (3, "sequence_number", False, "long"),
        (4, "file_sequence_number", False, "long"),
        (2, "data_file", True, DATA_FILE[version]),
    ]


MANIFEST_METADATA_KEYS = ["schema", "schema-id", "partition-spec", "partition-spec-id", "format-version", "content"]

TABLE_METADATA_REQUIRED = {
    2: ["format-version", "table-uuid", "location", "last-sequence-number", "last-updated-ms", "last-column-id",
        "schemas", "current-schema-id", "partition-specs", "default-spec-id", "last-partition-id", "sort-orders",
        "default-sort-order-id"],
}
TABLE_METADATA_REQUIRED[3] = TABLE_METADATA_REQUIRED[2] + ["next-row-id"]
SNAPSHOT_REQUIRED = {
    2: ["snapshot-id", "sequence-number", "timestamp-ms", "manifest-list", "summary"],
}
SNAPSHOT_REQUIRED[3] = SNAPSHOT_REQUIRED[2] + ["first-row-id", "added-rows"]
PRIMITIVE = re.compile(r"^(boolean|int|long|float|double|date|time|timestamp|timestamptz|timestamp_ns|timestamptz_ns|"
                       r"string|uuid|binary|unknown|variant|decimal\(\d+, *\d+\)|fixed\[\d+\])$")
TRANSFORM = re.compile(r"^(identity|year|month|day|hour|void|bucket\[\d+\]|truncate\[\d+\])$")


class Violations:
    def __init__(self):
        self.items = []
        self.where = ""

    def check(self, condition, message):
        if not condition:
            self.items.append(f"{self.where}: {message}")
        return condition


# --- Avro object container files (https://avro.apache.org/docs/current/specification/) ----------

class AvroDecoder:
    def __init__(self, data, names):
        self.data, self.pos, self.names = data, 0, names

    def long(self):
        shift = result = 0
        while True:
            byte = self.data[self.pos]
            self.pos += 1
            result |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return (result >> 1) ^ -(result & 1)

    def raw(self, size):
        chunk = self.data[self.pos:self.pos + size]
        if len(chunk) != size:
            raise ValueError("truncated Avro data")
        self.pos += size
        return chunk

    def blocks(self):
        while True:
            count = self.long()
            if count == 0:
                return
            if count < 0:
                count = -count
                self.long()  # block size in bytes
            for _ in range(count):
                yield

    def read(self, schema):
        if isinstance(schema, str):
            if schema in self.names:
                return self.read(self.names[schema])
            if schema == "null":
                return None
            if schema == "boolean":
                return self.raw(1) != b"\0"
            if schema in ("int", "long"):
                return self.long()
            if schema == "float":
                return struct.unpack("<f", self.raw(4))[0]
            if schema == "double":
                return struct.unpack("<d", self.raw(8))[0]
            if schema == "bytes":
                return self.raw(self.long())
            if schema == "string":
                return self.raw(self.long()).decode("utf-8")
            raise ValueError(f"unknown Avro type {schema}")
        if isinstance(schema, list):
            return self.read(schema[self.long()])
        kind = schema["type"]
        if kind == "record":
            return {field["name"]: self.read(field["type"]) for field in schema["fields"]}
        if kind == "array":
            return [self.read(schema["items"]) for _ in self.blocks()]
        if kind == "map":
            return {self.read("string"): self.read(schema["values"]) for _ in self.blocks()}
        if kind == "fixed":
            return self.raw(schema["size"])
        if kind == "enum":
            return schema["symbols"][self.long()]
        return self.read(kind)


def register_names(schema, names):
    if isinstance(schema, list):
        for branch in schema:
            register_names(branch, names)
    elif isinstance(schema, dict):
        if schema["type"] in ("record", "fixed", "enum"):
            names[schema["name"]] = schema
        for field in schema.get("fields", []):
            register_names(field["type"], names)
        for key in ("items", "values"):
            if key in schema:
                register_names(schema[key], names)


def read_avro_file(path):
    """(key-value metadata, writer schema, records) of an Avro object container file."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"Obj\x01":
        raise ValueError("not an Avro object container file")
    decoder = AvroDecoder(data, {})
    decoder.pos = 4
    metadata = decoder.read({"type": "map", "values": "bytes"})
    sync = decoder.raw(16)
    schema = json.loads(metadata["avro.schema"])
    register_names(schema, decoder.names)
    codec = metadata.get("avro.codec", b"null").decode()
    records = []
    while decoder.pos < len(data):
        count, size = decoder.long(), decoder.long()
        block = decoder.raw(size)
        if codec == "deflate":
            block = zlib.decompress(block, -15)
        elif codec != "null":
            raise ValueError(f"codec {codec} not handled by this check")
        block_decoder = AvroDecoder(block, decoder.names)
        records += [block_decoder.read(schema) for _ in range(count)]
        if decoder.raw(16) != sync:
            raise ValueError("sync marker mismatch")
    return {k: v.decode("utf-8", "replace") for k, v in metadata.items()}, schema, records


# --- Avro schemas against the spec's tables ---------------------------------------------------------

def optional_branch(avro_type):
    """T for ["null", T], else None."""
    if isinstance(avro_type, list) and len(avro_type) == 2 and avro_type[0] == "null":
        return avro_type[1]
    return None


def check_type(v, where, avro_type, expected, partition_fields):
    if expected == "partition":
        check_partition_record(v, where, avro_type, partition_fields)
    elif isinstance(expected, list):
        v.check(isinstance(avro_type, dict) and avro_type.get("type") == "record", f"{where} must be a record")
        if isinstance(avro_type, dict):
            check_fields(v, where, avro_type.get("fields", []), expected, partition_fields)
    elif isinstance(expected, tuple) and expected[0] == "list":
        _, element_id, element = expected
        if v.check(isinstance(avro_type, dict) and avro_type.get("type") == "array", f"{where} must be an Avro array"):
            v.check(avro_type.get("element-id") == element_id, f"{where} element-id must be {element_id}")
            check_type(v, where + ".element", avro_type["items"], element, partition_fields)
    elif isinstance(expected, tuple) and expected[0] == "map":
        _, key_id, value_id, value_type = expected
        ok = isinstance(avro_type, dict) and avro_type.get("type") == "array" and avro_type.get("logicalType") == "map"
        if v.check(ok, f"{where} must be an array of key/value records with logicalType map"):
            check_fields(v, where, avro_type["items"]["fields"],
                         [(key_id, "key", True, "int"), (value_id, "value", True, value_type)], partition_fields)
    else:
        v.check(avro_type == expected or (isinstance(avro_type, dict) and avro_type.get("type") == expected),
                f"{where} must be {expected}, is {json.dumps(avro_type)}")


def check_fields(v, where, avro_fields, expected, partition_fields=None):
    by_id = {}
    for field in avro_fields:
        v.check("field-id" in field, f"{where}.{field['name']} has no field-id")
        by_id[field.get("field-id")] = field
    for field_id, name, required, kind in expected:
        field = by_id.pop(field_id, None)
        if not field:
            v.check(not required, f"{where}: required field {field_id} {name} is missing")
            continue
        path = f"{where}.{name}"
        v.check(field["name"] == name, f"{path}: field {field_id} is named {field['name']}")
        avro_type = field["type"]
        inner = optional_branch(avro_type)
        if required:
            v.check(inner is None, f"{path} is required but written as optional")
        else:
            v.check(inner is not None and field.get("default", "absent") is None,
                    f"{path} is optional: must be a union with null first and default null")
            avro_type = inner if inner is not None else avro_type
        check_type(v, path, avro_type, kind, partition_fields)
    for field_id, field in by_id.items():
        v.check(False, f"{where}: field {field_id} {field['name']} is not in the spec")


def check_partition_record(v, where, avro_type, partition_fields):
    if not v.check(isinstance(avro_type, dict) and avro_type.get("type") == "record", f"{where} must be a record"):
        return
    written = avro_type["fields"]
    v.check([f.get("field-id") for f in written] == [f["field-id"] for f in partition_fields],
            f"{where}: field ids {[f.get('field-id') for f in written]} are not the spec's partition field ids")
    for avro_field, spec_field in zip(written, partition_fields):
        path = f"{where}.{spec_field['name']}"
        v.check(avro_field["name"] == spec_field["name"], f"{path} is named {avro_field['name']}")
        inner = optional_branch(avro_field["type"])
        v.check(inner is not None and avro_field.get("default", "absent") is None,
                f"{path}: partition values must be optional with default null")
        if spec_field["transform"] in ("year", "month", "hour") or spec_field["transform"].startswith("bucket"):
            v.check(inner == "int", f"{path}: a {spec_field['transform']} value is an int, written {json.dumps(inner)}")
        elif spec_field["transform"] == "day":
            v.check(inner == "int" or (isinstance(inner, dict) and inner.get("type") == "int"),
                    f"{path}: a day value is an int (date), written {json.dumps(inner)}")


# --- Table metadata JSON ----------------------------------------------------------------------------

def check_schema_type(v, where, kind, ids):
    if isinstance(kind, str):
        v.check(bool(PRIMITIVE.match(kind)), f"{where}: unknown primitive type {kind}")
        return
    nested = kind.get("type")
    if nested == "struct":
        for field in kind["fields"]:
            for key in ("id", "name", "required", "type"):
                v.check(key in field, f"{where}: struct field without {key}")
            v.check(field["id"] not in ids, f"{where}: field id {field['id']} used twice")
            ids.add(field["id"])
            check_schema_type(v, f"{where}.{field['name']}", field["type"], ids)
    elif nested == "list":
        for key in ("element-id", "element", "element-required"):
            v.check(key in kind, f"{where}: list without {key}")
        ids.add(kind["element-id"])
        check_schema_type(v, where + ".element", kind["element"], ids)
    elif nested == "map":
        for key in ("key-id", "key", "value-id", "value", "value-required"):
            v.check(key in kind, f"{where}: map without {key}")
        ids.update([kind["key-id"], kind["value-id"]])
        check_schema_type(v, where + ".key", kind["key"], ids)
        check_schema_type(v, where + ".value", kind["value"], ids)
    else:
        v.check(False, f"{where}: unknown type {json.dumps(kind)}")


def check_table_metadata(v, metadata):
    version = metadata.get("format-version")
    if not v.check(version in (2, 3), f"format-version {version}: Switchboard writes 2, or 3 on request"):
        return
    for key in TABLE_METADATA_REQUIRED[version]:
        v.check(key in metadata, f"required field {key} is missing")
    v.check(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", metadata["table-uuid"]),
            "table-uuid is not a UUID")
    max_column_id = 0
    for schema in metadata["schemas"]:
        v.check(schema.get("type") == "struct" and "schema-id" in schema, "a schema must be a struct with a schema-id")
        ids = set()
        check_schema_type(v, f"schema {schema.get('schema-id')}", schema, ids)
        max_column_id = max([max_column_id] + list(ids))
    v.check(metadata["last-column-id"] >= max_column_id, "last-column-id is below a field id in use")
    v.check(any(s["schema-id"] == metadata["current-schema-id"] for s in metadata["schemas"]),
            "current-schema-id names no schema")
    max_partition_id = 999
    for spec in metadata["partition-specs"]:
        v.check("spec-id" in spec and "fields" in spec, "a partition spec needs spec-id and fields")
        for field in spec["fields"]:
            for key in ("source-id", "field-id", "name", "transform"):
                v.check(key in field, f"partition spec {spec['spec-id']}: field without {key}")
            v.check(bool(TRANSFORM.match(field["transform"])), f"unknown transform {field['transform']}")
            v.check(field["field-id"] >= 1000, "partition field ids start at 1000")
            max_partition_id = max(max_partition_id, field["field-id"])
    v.check(metadata["last-partition-id"] >= max_partition_id, "last-partition-id is below a partition field id")
    v.check(any(s["spec-id"] == metadata["default-spec-id"] for s in metadata["partition-specs"]),
            "default-spec-id names no spec")
    for order in metadata["sort-orders"]:
        v.check("order-id" in order and "fields" in order, "a sort order needs order-id and fields")
        for field in order["fields"]:
            v.check(field.get("direction") in ("asc", "desc") and field.get("null-order") in ("nulls-first", "nulls-last")
                    and "source-id" in field and bool(TRANSFORM.match(field.get("transform", ""))),
                    f"sort field {field} does not follow Appendix C")
    v.check(any(o["order-id"] == metadata["default-sort-order-id"] for o in metadata["sort-orders"]),
            "default-sort-order-id names no sort order")
    snapshot_ids = set()
    for snapshot in metadata.get("snapshots", []):
        for key in SNAPSHOT_REQUIRED[version]:
            v.check(key in snapshot, f"snapshot {snapshot.get('snapshot-id')}: required field {key} is missing")
        v.check("operation" in snapshot.get("summary", {}), "a snapshot summary must hold operation")
        v.check(snapshot.get("summary", {}).get("operation") in ("append", "replace", "overwrite", "delete"),
                f"unknown operation {snapshot.get('summary', {}).get('operation')}")
        v.check(snapshot["sequence-number"] <= metadata["last-sequence-number"],
                "a snapshot's sequence number is above last-sequence-number")
        snapshot_ids.add(snapshot["snapshot-id"])
    refs = metadata.get("refs", {})
    for name, ref in refs.items():
        v.check(ref.get("type") in ("branch", "tag") and ref.get("snapshot-id") in snapshot_ids,
                f"ref {name} must be a branch or tag naming a snapshot")
    current = metadata.get("current-snapshot-id")
    if current is not None and current != -1:
        v.check(current in snapshot_ids, "current-snapshot-id names no snapshot")
        v.check(refs.get("main", {}).get("snapshot-id") == current, "refs.main must name the current snapshot")
    for entry in metadata.get("snapshot-log", []):
        v.check(set(entry) == {"timestamp-ms", "snapshot-id"}, f"snapshot-log entry {entry}")
    for entry in metadata.get("metadata-log", []):
        v.check(set(entry) == {"timestamp-ms", "metadata-file"}, f"metadata-log entry {entry}")
    return version


# --- Manifest lists and manifests -------------------------------------------------------------------

def check_manifest(v, path, version, listed, metadata):
    key_values, schema, entries = read_avro_file(path)
    for key in MANIFEST_METADATA_KEYS:
        v.check(key in key_values, f"key-value metadata {key} is missing")
    v.check(key_values.get("format-version") == str(version), "format-version differs from the table's")
    v.check(key_values.get("content") == ("data" if listed["content"] == 0 else "deletes"),
            "content differs from the manifest list's")
    v.check(key_values.get("partition-spec-id") == str(listed["partition_spec_id"]),
            "partition-spec-id differs from the manifest list's")
    spec = next((s for s in metadata["partition-specs"] if str(s["spec-id"]) == key_values.get("partition-spec-id")),
                None)
    if not v.check(spec is not None, "partition-spec-id names no spec of the table"):
        return
    v.check(json.loads(key_values.get("partition-spec", "null")) == spec["fields"],
            "partition-spec is not the fields of the spec it names")
    table_schema = next((s for s in metadata["schemas"] if str(s["schema-id"]) == key_values.get("schema-id")), None)
    if not v.check(table_schema is not None, "schema-id names no schema of the table"):
        return
    written = json.loads(key_values.get("schema", "null"))
    v.check(written.get("fields") == table_schema["fields"], "schema is not the schema schema-id names")
    column_ids = set()
    check_schema_type(v, "schema", table_schema, column_ids)
    v.check(schema.get("type") == "record" and schema.get("name") == "manifest_entry",
            "the Avro schema must be the record manifest_entry")
    check_fields(v, "manifest_entry", schema.get("fields", []), manifest_entry(version), spec["fields"])

    counts = {0: [0, 0], 1: [0, 0], 2: [0, 0]}
    for entry in entries:
        status, data_file = entry["status"], entry["data_file"]
        if not v.check(status in counts, f"status {status}"):
            continue
        counts[status][0] += 1
        counts[status][1] += data_file["record_count"]
        if status != 1:
            v.check(entry["sequence_number"] is not None and entry["file_sequence_number"] is not None,
                    "existing and deleted entries must carry their sequence numbers")
        v.check(data_file["content"] == listed["content"] or (listed["content"] == 1 and data_file["content"] in (1, 2)),
                "a data manifest holds only data files, a delete manifest only delete files")
        v.check(data_file["file_format"].lower() in ("parquet", "avro", "orc", "puffin"), "unknown file format")
        if status != 2:
            v.check(os.path.getsize(data_file["file_path"]) == data_file["file_size_in_bytes"],
                    f"file_size_in_bytes of {data_file['file_path']} differs from the file on disk")
        offsets = data_file.get("split_offsets") or []
        v.check(offsets == sorted(offsets), "split_offsets must be sorted ascending")
        for name in ("column_sizes", "value_counts", "null_value_counts", "nan_value_counts", "lower_bounds",
                     "upper_bounds"):
            for pair in data_file.get(name) or []:
                v.check(pair["key"] in column_ids, f"{name} names column {pair['key']}, not in the schema")
    for status, count_field, rows_field in ((1, "added_files_count", "added_rows_count"),
                                            (0, "existing_files_count", "existing_rows_count"),
                                            (2, "deleted_files_count", "deleted_rows_count")):
        v.check(listed[count_field] == counts[status][0], f"{count_field} is {listed[count_field]}, "
                f"the manifest has {counts[status][0]}")
        v.check(listed[rows_field] == counts[status][1], f"{rows_field} is {listed[rows_field]}, "
                f"the manifest has {counts[status][1]}")
    summaries = listed.get("partitions") or []
    v.check(len(summaries) == len(spec["fields"]), "one partition field summary per partition field")


def check_manifest_list(v, path, version, snapshot, metadata):
    key_values, schema, manifests = read_avro_file(path)
    v.check(schema.get("type") == "record" and schema.get("name") == "manifest_file",
            "the Avro schema must be the record manifest_file")
    check_fields(v, "manifest_file", schema.get("fields", []), MANIFEST_FILE[version])
    total_rows = 0
    where = v.where
    for listed in manifests:
        v.check(os.path.getsize(listed["manifest_path"]) == listed["manifest_length"],
                f"manifest_length of {listed['manifest_path']} differs from the file on disk")
        v.check(listed["sequence_number"] <= snapshot["sequence-number"], "a manifest's sequence number is "
                "above its snapshot's")
        v.check(listed["min_sequence_number"] <= listed["sequence_number"], "min_sequence_number above sequence_number")
        if listed["added_snapshot_id"] == snapshot["snapshot-id"]:
            v.check(listed["sequence_number"] == snapshot["sequence-number"],
                    "a manifest added by the snapshot must carry the snapshot's sequence number")
        if version >= 3 and listed["content"] == 0:
            v.check(listed["first_row_id"] is not None, "v3 data manifests carry first_row_id")
        if listed["content"] == 0:
            total_rows += listed["added_rows_count"] + listed["existing_rows_count"]
        v.where = f"{where} -> {os.path.basename(listed['manifest_path'])}"
        check_manifest(v, listed["manifest_path"], version, listed, metadata)
        v.where = where
    total = snapshot["summary"].get("total-records")
    if total is not None:
        v.check(int(total) == total_rows, f"summary total-records {total}, the manifests hold {total_rows}")


# --- The catalog ------------------------------------------------------------------------------------

JDBC_CATALOG_COLUMNS = {
    "iceberg_tables": ["catalog_name", "table_namespace", "table_name", "metadata_location",
                       "previous_metadata_location", "iceberg_type"],
    "iceberg_namespace_properties": ["catalog_name", "namespace", "property_key", "property_value"],
}


def check_catalog(v, warehouse):
    """catalog.db has the Iceberg JDBC catalog's tables, and each table row points at the table's
    newest metadata file, with the one before it as previous_metadata_location."""
    v.where = "catalog.db"
    connection = sqlite3.connect(os.path.join(warehouse, "catalog.db"))
    try:
        for table, columns in JDBC_CATALOG_COLUMNS.items():
            written = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            v.check(written == columns, f"{table} has columns {written}, the JDBC catalog's are {columns}")
        rows = connection.execute("SELECT table_namespace, table_name, metadata_location, previous_metadata_location "
                                  "FROM iceberg_tables WHERE iceberg_type IS NULL OR iceberg_type = 'TABLE'").fetchall()
    finally:
        connection.close()
    v.check(len(rows) > 0, "no tables registered")
    for namespace, name, current, previous in rows:
        files = sorted(glob.glob(os.path.join(os.path.dirname(current), "*.metadata.json")))
        v.check(files and current == files[-1], f"{namespace}.{name}: metadata_location is not the newest metadata file")
        v.check(len(files) < 2 or previous == files[-2],
                f"{namespace}.{name}: previous_metadata_location is not the metadata file before it")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switchboard", required=True)
    parser.add_argument("--tables", default=os.path.join(here, "iceberg_read_diff.sql"))
    parser.add_argument("--keep", action="store_true", help="keep the warehouse folder")
    args = parser.parse_args()

    warehouse = tempfile.mkdtemp(prefix="sb_iceberg_spec_check_")
    v = Violations()
    checked = {"metadata files": 0, "manifest lists": 0}
    try:
        command = [args.switchboard, "--warehouse", warehouse, "-f", args.tables]
        for statement in VERSION3_TABLE:
            command += ["-c", statement]
        setup = subprocess.run(command, capture_output=True, text=True, timeout=300)
        if setup.returncode != 0:
            print(f"error: writing the tables failed: {setup.stderr.strip()}")
            return 1
        versions_seen, lists_seen = set(), set()
        for path in sorted(glob.glob(os.path.join(warehouse, "*", "*", "metadata", "*.metadata.json"))):
            v.where = os.path.relpath(path, warehouse)
            with open(path, encoding="utf-8") as f:
                metadata = json.load(f)
            version = check_table_metadata(v, metadata)
            checked["metadata files"] += 1
            if version is None:
                continue
            versions_seen.add(version)
            current = metadata.get("current-snapshot-id")
            for snapshot in metadata.get("snapshots", []):
                # Each snapshot's files are checked once, with the metadata file that made it current.
                if snapshot["snapshot-id"] != current or snapshot["manifest-list"] in lists_seen:
                    continue
                lists_seen.add(snapshot["manifest-list"])
                v.where = f"{os.path.relpath(path, warehouse)} -> {os.path.basename(snapshot['manifest-list'])}"
                try:
                    check_manifest_list(v, snapshot["manifest-list"], version, snapshot, metadata)
                except (ValueError, KeyError, IndexError, OSError) as error:
                    v.check(False, f"unreadable: {error!r}")
                checked["manifest lists"] += 1
        check_catalog(v, warehouse)
        v.where = "warehouse"
        v.check(versions_seen == {2, 3}, f"expected tables of format versions 2 and 3, found {sorted(versions_seen)}")
    finally:
        if args.keep:
            print(f"warehouse kept in {warehouse}")
        else:
            shutil.rmtree(warehouse, ignore_errors=True)
    for item in v.items:
        print("VIOLATION", item)
    print(f"checked {checked['metadata files']} metadata files and {checked['manifest lists']} manifest lists "
          f"with their manifests: {len(v.items)} violations")
    return 1 if v.items else 0


if __name__ == "__main__":
    sys.exit(main())
