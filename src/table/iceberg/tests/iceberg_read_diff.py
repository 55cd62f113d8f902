#!/usr/bin/env python3
"""Differential test of the Iceberg write path: tables Switchboard writes read the same in the
independent reader iceberg-read (icebird, in ../shared/oracle) as in Switchboard, at every snapshot.

    iceberg_read_diff.py --switchboard PATH [--oracle DIR] [--tables FILE.sql] [--keep]

Runs the statements of FILE.sql (by default iceberg_read_diff.sql beside this script) with
`switchboard --warehouse DIR` in a fresh folder, then for every table of the warehouse's `default`
schema and every snapshot it has had, reads the metadata file that first recorded the snapshot
with `iceberg-read --metadata`, and the snapshot with `SELECT ... FOR VERSION AS OF`, and compares
the two with the oracle's `compare-results --unordered` (column names included, so a renamed or
re-added column read by position fails). Nested values are compared as JSON and binary ones as
hex, the forms iceberg-read prints. Exit status: 0 when every read agrees, 1 otherwise.
"""
import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile


def run(command, stdout_path=None):
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if stdout_path:
        with open(stdout_path, "w", encoding="utf-8") as f:
            f.write(result.stdout)
    return result


class Switchboard:
    def __init__(self, binary, warehouse):
        self.binary = binary
        self.warehouse = warehouse

    def query(self, sql, output=None):
        """Runs sql; returns its CSV rows (or writes them to output). Raises on failure."""
        result = run([self.binary, "--warehouse", self.warehouse, "--format", "csv", "-c", sql], output)
        if result.returncode != 0:
            raise RuntimeError(f"switchboard failed on {sql!r}: {result.stderr.strip()}")
        return list(csv.reader(io.StringIO(result.stdout)))[1:]


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def select_list(schema):
    """The current columns in iceberg-read's rendering: nested types as JSON, binary as hex."""
    expressions = []
    for field in schema["fields"]:
        column, kind = quoted(field["name"]), field["type"]
        if isinstance(kind, dict):
            expressions.append(f"CAST({column} AS JSON) AS {column}")
        elif kind == "binary" or kind.startswith("fixed"):
            expressions.append(f"lower(to_hex({column})) AS {column}")
        else:
            expressions.append(column)
    return ", ".join(expressions)


def versions(switchboard, table):
    """(metadata file, snapshot id) for each snapshot: the first metadata file naming it current."""
    rows = switchboard.query(f"SELECT file, CAST(latest_snapshot_id AS VARCHAR) FROM {table}.metadata_log_entries "
                             "ORDER BY timestamp")
    first = {}
    for file, snapshot_id in rows:
        if snapshot_id and snapshot_id not in first:
            first[snapshot_id] = file
    return [(file, snapshot_id) for snapshot_id, file in first.items()]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switchboard", required=True)
    parser.add_argument("--oracle", default=os.path.join(here, "..", "..", "..", "..", "..", "shared", "oracle"))
    parser.add_argument("--tables", default=os.path.join(here, "iceberg_read_diff.sql"))
    parser.add_argument("--keep", action="store_true", help="keep the warehouse folder")
    args = parser.parse_args()
    iceberg_read = os.path.join(args.oracle, "iceberg-read")
    compare = os.path.join(args.oracle, "compare-results")

    workdir = tempfile.mkdtemp(prefix="sb_iceberg_read_diff_")
    warehouse = os.path.join(workdir, "warehouse")
    switchboard = Switchboard(args.switchboard, warehouse)
    compared = failures = 0
    try:
        setup = run([args.switchboard, "--warehouse", warehouse, "-f", args.tables])
        if setup.returncode != 0:
            print(f"error: {args.tables} failed: {setup.stderr.strip()}")
            return 1
        for (table,) in switchboard.query("SHOW TABLES FROM lakehouse.default"):
            read_points = versions(switchboard, table)
            if len(read_points) < 2:
                print(f"FAILED {table}: expected several snapshots, found {len(read_points)}")
                failures += 1
            for metadata_file, snapshot_id in read_points:
                table_dir = os.path.dirname(os.path.dirname(metadata_file))
                with open(metadata_file, encoding="utf-8") as f:
                    metadata = json.load(f)
                schema = next(s for s in metadata["schemas"] if s["schema-id"] == metadata["current-schema-id"])
                label = f"{table} @ {snapshot_id} ({os.path.basename(metadata_file)})"
                theirs = os.path.join(workdir, "theirs.csv")
                ours = os.path.join(workdir, "ours.csv")
                oracle = run([iceberg_read, table_dir, "--metadata", os.path.basename(metadata_file)], theirs)
                compared += 1
                if oracle.returncode != 0:
                    print(f"FAILED {label}: iceberg-read: {oracle.stderr.strip()}")
                    failures += 1
                    continue
                switchboard.query(f"SELECT {select_list(schema)} FROM {table} FOR VERSION AS OF {snapshot_id}", ours)
                verdict = run([compare, theirs, ours, "--unordered"])
                last_line = (verdict.stdout.strip().splitlines() or [verdict.stderr.strip()])[-1]
                if verdict.returncode == 0:
                    print(f"ok {label}: {last_line}")
                else:
                    print(f"FAILED {label}: {last_line}")
                    failures += 1
    finally:
        if args.keep:
            print(f"warehouse kept in {warehouse}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"{compared - failures} equal, {failures} failed")
    return 1 if failures or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
