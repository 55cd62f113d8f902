#!/usr/bin/env python3
"""Acceptance test of the seed "Data Lakehouse with Apache Iceberg": runs the statements of
../shared/contact-center/acceptance/seed003_lakehouse.sql as written, from the first one up to and
including the snapshot comparison, against a fresh warehouse in a temporary folder, and checks
what each one returns.

    seed003_lakehouse.py --switchboard PATH [--acceptance DIR] [--keep]

Placeholders are filled in as the file's header says: {WAREHOUSE} with the temporary folder,
{SNAPSHOT_FIRST} and {TS_FIRST} with the id and commit time of raw_orders' first snapshot, read
from its snapshots table just before the first statement that needs them. Each statement runs in
its own `switchboard --warehouse DIR` process (the warehouse carries the state between them),
preceded by the temporary views created so far, since those live only as long as a session.
Exit status: 0 when every statement runs and returns what the seed's reader expects, 1 otherwise.
"""
import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile

ORDERS = "lakehouse.ecommerce_lakehouse.raw_orders"


def split_statements(text):
    """The file's statements without their -- comments and trailing ';' (quotes respected)."""
    statements, current, quote, comment = [], [], None, False
    for char in text:
        if comment:
            comment = char != "\n"
            if comment:
                continue
        elif quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "-" and current and current[-1] == "-":
            current.pop()
            comment = True
            continue
        elif char == ";":
            statements.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    return [statement for statement in statements if statement]


def is_snapshot_comparison(statement):
    return "FROM snapshot_2" in statement and "NOT EXISTS" in statement


class Session:
    def __init__(self, switchboard, warehouse):
        self.switchboard = switchboard
        self.warehouse = warehouse
        self.temp_views = []

    def run(self, statement):
        """Runs the statement after the temporary views; returns its rows as CSV records."""
        command = [self.switchboard, "--warehouse", self.warehouse, "--format", "csv"]
        for sql in self.temp_views + [statement]:
            command += ["-c", sql]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise AssertionError(f"failed (exit {result.returncode}): {result.stderr.strip()}")
        if statement.lstrip().upper().startswith("CREATE OR REPLACE TEMP VIEW"):
            self.temp_views.append(statement)
        return list(csv.reader(io.StringIO(result.stdout)))


def column(rows, name):
    index = rows[0].index(name)
    return [row[index] for row in rows[1:]]


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def check_result(statement, rows):
    """Asserts what a reader of the seed expects the statement to return (nothing to check for
    DDL and inserts beyond their success)."""
    if statement.startswith("SHOW TABLES IN"):
        tables = sorted(row[0] for row in rows[1:])
        expect(tables == ["agg_daily_metrics", "curated_customers", "raw_customers", "raw_orders",
                          "raw_products"], f"tables: {tables}")
    elif statement.startswith("DESCRIBE TABLE EXTENDED"):
        cells = [(row[0], row[1]) for row in rows[1:]]
        expect(("order_id", "varchar") in cells, f"no order_id column in {cells}")
        expect(("Part 0", "days(order_date)") in cells and ("Part 1", "order_status") in cells,
               f"partitioning missing from {cells}")
        expect(("Provider", "iceberg") in cells, f"provider missing from {cells}")
    elif f"FROM {ORDERS}.snapshots" in statement:
        ids, parents = column(rows, "snapshot_id"), column(rows, "parent_id")
        expect(len(ids) == 2, f"expected 2 snapshots (two inserts), got {len(ids)}")
        expect(parents[0] == ids[1] and parents[1] == "",
               f"snapshots not newest first with their parents: {rows}")
        expect(column(rows, "operation") == ["append", "append"], f"operations: {rows}")
    elif statement.startswith("SELECT") and "AS OF" in statement:
        orders = sorted(column(rows, "order_id"))
        expect(orders == ["ORD-0001", "ORD-0002"], f"first snapshot holds {orders}")
        expect(len(rows[0]) == 10, f"columns: {rows[0]}")
    elif is_snapshot_comparison(statement):
        orders = column(rows, "order_id")
        expect(orders == ["ORD-0003"], f"rows added by the second snapshot: {orders}")


def first_snapshot(session):
    rows = session.run(f"SELECT snapshot_id, committed_at FROM {ORDERS}.snapshots "
                       "ORDER BY committed_at LIMIT 1")
    snapshot_id, committed_at = rows[1]
    # Spark's form of a timestamp string: no zone (the session's zone is UTC).
    return snapshot_id, committed_at.removesuffix(" UTC")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switchboard", required=True)
    parser.add_argument("--acceptance", default=os.path.join(
        here, "..", "..", "..", "shared", "contact-center", "acceptance"))
    parser.add_argument("--keep", action="store_true", help="keep the warehouse folder")
    args = parser.parse_args()

    with open(os.path.join(args.acceptance, "seed003_lakehouse.sql"), encoding="utf-8") as f:
        statements = split_statements(f.read())
    last = next((i for i, s in enumerate(statements) if is_snapshot_comparison(s)), None)
    if last is None:
        print("error: the acceptance file has no snapshot comparison", file=sys.stderr)
        return 1

    warehouse = tempfile.mkdtemp(prefix="sb_seed003_")
    session = Session(args.switchboard, warehouse)
    snapshot_id = committed_at = None
    failures = 0
    try:
        for number, template in enumerate(statements[:last + 1], 1):
            statement = template.replace("{WAREHOUSE}", warehouse)
            if snapshot_id is None and ("{SNAPSHOT_FIRST}" in statement or "{TS_FIRST}" in statement):
                snapshot_id, committed_at = first_snapshot(session)
            if snapshot_id is not None:
                statement = statement.replace("{SNAPSHOT_FIRST}", snapshot_id)
                statement = statement.replace("{TS_FIRST}", committed_at)
            summary = " ".join(statement.split())[:90]
            try:
                rows = session.run(statement)
                check_result(statement, rows)
                print(f"ok {number}: {summary}")
            except AssertionError as error:
                failures += 1
                print(f"FAILED {number}: {summary}\n  {error}")
    finally:
        if args.keep:
            print(f"warehouse kept in {warehouse}")
        else:
            shutil.rmtree(warehouse, ignore_errors=True)
    print(f"{last + 1 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
