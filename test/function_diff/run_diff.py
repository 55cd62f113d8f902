#!/usr/bin/env python3
"""Differential test of Switchboard's functions against DuckDB (the reference engine).

    run_diff.py --switchboard PATH [--oracle DIR] [--cases FILE] [--verbose]

Reads cases (by default cases.txt beside this script): groups of function calls, each written for
both engines where their semantics agree. A group is one query per engine,

    SELECT <call 1> AS c1, <call 2> AS c2, ... [FROM ...]

run through `switchboard --format csv` and the oracle's `duckdb-sql`, and compared with the
oracle's `compare-results` (tolerant of number, timestamp and JSON formatting). When a group
differs, each call is run alone to name the ones that differ.

Case file syntax:
    ## group name               starts a group
    from: <FROM clause>         rows for the group's calls, for both engines (optional)
    from duckdb: <FROM clause>  DuckDB's form when it differs (optional)
    <switchboard call> ;; <duckdb call>
    <call>                      when both engines spell it the same
    # comment
Exit status: 0 when every call agrees, 1 otherwise.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def parse_cases(path):
    groups = []
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or (line.startswith("#") and not line.startswith("##")):
                continue
            if line.startswith("## "):
                groups.append({"name": line[3:], "from": "", "from_duckdb": None, "calls": []})
            elif line.startswith("from duckdb:"):
                groups[-1]["from_duckdb"] = line[len("from duckdb:"):].strip()
            elif line.startswith("from:"):
                groups[-1]["from"] = line[len("from:"):].strip()
            else:
                ours, _, theirs = line.partition(";;")
                ours = ours.strip()
                groups[-1]["calls"].append((number, ours, theirs.strip() or ours))
    return groups


def query(calls, from_clause):
    columns = ", ".join(f"{call} AS c{i + 1}" for i, call in enumerate(calls))
    return f"SELECT {columns} {from_clause}".strip()


def run(command, output):
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    with open(output, "w", encoding="utf-8") as f:
        f.write(result.stdout)
    return result.returncode, result.stderr.strip()


class Differ:
    def __init__(self, switchboard, oracle, workdir, verbose):
        self.switchboard = switchboard
        self.duckdb = os.path.join(oracle, "duckdb-sql")
        self.compare = os.path.join(oracle, "compare-results")
        self.workdir = workdir
        self.verbose = verbose
        self.runs = 0

    def compare_calls(self, ours_calls, theirs_calls, ours_from, theirs_from):
        """Returns None when both engines agree, else a description of the difference."""
        self.runs += 1
        ours_csv = os.path.join(self.workdir, f"ours{self.runs}.csv")
        theirs_csv = os.path.join(self.workdir, f"theirs{self.runs}.csv")
        ours_sql = query(ours_calls, ours_from)
        theirs_sql = query(theirs_calls, theirs_from)
        code, error = run([self.switchboard, "--format", "csv", "-c", ours_sql], ours_csv)
        if code != 0:
            return f"switchboard failed: {error}\n    {ours_sql}"
        code, error = run([self.duckdb, "-c", theirs_sql], theirs_csv)
        if code != 0:
            return f"duckdb failed: {error}\n    {theirs_sql}"
        result = subprocess.run([self.compare, theirs_csv, ours_csv, "--ignore-names"], capture_output=True, text=True)
        if result.returncode == 0:
            return None
        with open(ours_csv, encoding="utf-8") as f:
            ours_text = f.read().strip()
        with open(theirs_csv, encoding="utf-8") as f:
            theirs_text = f.read().strip()
        last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr.strip()
        return f"{last}\n    switchboard: {ours_sql}\n      -> {ours_text!r}\n    duckdb:      {theirs_sql}\n      -> {theirs_text!r}"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--switchboard", required=True)
    parser.add_argument("--oracle", default=os.path.join(here, "..", "..", "..", "shared", "oracle"))
    parser.add_argument("--cases", default=os.path.join(here, "cases.txt"))
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    groups = parse_cases(args.cases)
    total = sum(len(g["calls"]) for g in groups)
    failures = []
    with tempfile.TemporaryDirectory() as workdir:
        differ = Differ(args.switchboard, args.oracle, workdir, args.verbose)
        for group in groups:
            ours_from = group["from"]
            theirs_from = group["from_duckdb"] if group["from_duckdb"] is not None else ours_from
            calls = group["calls"]
            problem = differ.compare_calls([c[1] for c in calls], [c[2] for c in calls], ours_from, theirs_from)
            if problem is None:
                if args.verbose:
                    print(f"ok    {group['name']} ({len(calls)} calls)")
                continue
            for number, ours, theirs in calls:
                single = differ.compare_calls([ours], [theirs], ours_from, theirs_from)
                if single is not None:
                    failures.append(f"{args.cases}:{number} [{group['name']}] {single}")
    for failure in failures:
        print(f"DIFFERENT {failure}")
    print(f"{total} function calls compared with DuckDB in {len(groups)} groups: "
          f"{total - len(failures)} agree, {len(failures)} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
