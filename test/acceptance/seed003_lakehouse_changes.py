#!/usr/bin/env python3
"""Acceptance test of the rest of the seed "Data Lakehouse with Apache Iceberg": runs every
statement of ../shared/contact-center/acceptance/seed003_lakehouse.sql as written (the part
seed003_lakehouse.py checks, then the MERGE with `target.* = source.*` and `INSERT *`, schema
evolution, the maintenance procedures and the aggregate), against a fresh warehouse, and checks
what the statements after the snapshot comparison return and the table they leave.

    seed003_lakehouse_changes.py --switchboard PATH [--acceptance DIR] [--keep]

Statements run as seed003_lakehouse.py runs them (one process each, after the temporary views).
Exit status: 0 when every statement runs and returns what the seed's reader expects, 1 otherwise.
"""
import argparse
import os
import shutil
import sys
import tempfile

from seed003_lakehouse import ORDERS, Session, column, expect, first_snapshot, is_snapshot_comparison, split_statements


def check_result(statement, rows):
    """What a reader of the seed expects from the statements after the snapshot comparison."""
    if statement.startswith("MERGE INTO"):
        expect(rows[1:] == [["1"]], f"MERGE changed {rows[1:]} rows, not the one order in source_updates")
    elif statement.startswith("SELECT order_id, payment_method"):
        expect(rows[1:] == [["ORD-0001", ""], ["ORD-0002", ""], ["ORD-0003", ""]],
               f"orders with the new (NULL) column: {rows[1:]}")
    elif "system.expire_snapshots" in statement:
        expect(rows[0][0] == "deleted_data_files_count" and len(rows) == 2, f"expire_snapshots returned {rows}")
        # Three snapshots (two inserts and the merge), all kept by retain_last => 3.
        expect(rows[1] == ["0"] * 6, f"expire_snapshots deleted files although it keeps every snapshot: {rows}")
    elif "system.rewrite_data_files" in statement:
        expect(rows[0] == ["rewritten_data_files_count", "added_data_files_count", "rewritten_bytes_count",
                           "failed_data_files_count"], f"rewrite_data_files returned {rows}")
        # Each (day, status) partition holds one file: fewer than min-input-files, nothing to do.
        expect(rows[1][0] == "0" and rows[1][3] == "0", f"rewrite_data_files: {rows}")
    elif "system.rewrite_manifests" in statement:
        expect(rows[0] == ["rewritten_manifests_count", "added_manifests_count"] and rows[1][1] == "1",
               f"rewrite_manifests returned {rows}")
    elif statement.startswith("SELECT COUNT(*) as file_count"):
        expect(rows[1:] == [["3"]], f"file count: {rows[1:]}")
    elif statement.startswith("SELECT metric_date"):
        expect(rows[1:] == [["2024-03-01", "35.98", "1"], ["2024-03-02", "527.47", "1"], ["2024-03-03", "102.00", "1"]],
               f"daily revenue: {rows[1:]}")


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
    comparison = next((i for i, s in enumerate(statements) if is_snapshot_comparison(s)), None)
    if comparison is None or comparison + 1 == len(statements):
        print("error: the acceptance file has nothing after its snapshot comparison", file=sys.stderr)
        return 1

    warehouse = tempfile.mkdtemp(prefix="sb_seed003_changes_")
    session = Session(args.switchboard, warehouse)
    snapshot_id = committed_at = None
    failures = 0
    try:
        for number, template in enumerate(statements, 1):
            statement = template.replace("{WAREHOUSE}", warehouse)
            if snapshot_id is None and ("{SNAPSHOT_FIRST}" in statement or "{TS_FIRST}" in statement):
                snapshot_id, committed_at = first_snapshot(session)
            if snapshot_id is not None:
                statement = statement.replace("{SNAPSHOT_FIRST}", snapshot_id).replace("{TS_FIRST}", committed_at)
            summary = " ".join(statement.split())[:90]
            try:
                rows = session.run(statement)
                if number > comparison + 1:
                    check_result(statement, rows)
                    print(f"ok {number}: {summary}")
            except AssertionError as error:
                failures += 1
                print(f"FAILED {number}: {summary}\n  {error}")
        # The merge updated ORD-0002 in place of its old version and the table reads back whole.
        try:
            rows = session.run(f"SELECT order_id, order_status, CAST(shipped_date AS VARCHAR) FROM {ORDERS} ORDER BY order_id")
            expect(rows[1:] == [["ORD-0001", "shipped", "2024-03-03 09:00:00.000000"],
                                ["ORD-0002", "delivered", "2024-03-05 09:00:00.000000"],
                                ["ORD-0003", "delivered", "2024-03-04 10:00:00.000000"]], f"orders after the merge: {rows[1:]}")
            operations = column(session.run(f"SELECT operation FROM {ORDERS}.snapshots ORDER BY committed_at"), "operation")
            expect(operations == ["append", "append", "overwrite", "replace"], f"snapshot operations: {operations}")
            print("ok: raw_orders after the merge and maintenance")
        except AssertionError as error:
            failures += 1
            print(f"FAILED: raw_orders after the merge and maintenance\n  {error}")
    finally:
        if args.keep:
            print(f"warehouse kept in {warehouse}")
        else:
            shutil.rmtree(warehouse, ignore_errors=True)
    print(f"{len(statements) - comparison - 1 - failures} statements after the snapshot comparison passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
