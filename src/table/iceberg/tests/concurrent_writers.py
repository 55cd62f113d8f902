#!/usr/bin/env python3
"""Stress tests of concurrent writers on one Iceberg table, run with the `switchboard` command.

    concurrent_writers.py --switchboard PATH soak [--writers 4] [--commits 1000] [--oracle DIR]
    concurrent_writers.py --switchboard PATH kill [--rounds 60] [--oracle DIR]

soak: WRITERS processes each append COMMITS single-row commits to one table while another process
runs rewrite_data_files, rewrite_manifests and expire_snapshots in a loop; afterwards the table
holds exactly the rows written, each once (and the independent reader iceberg-read counts the
same). kill: a writer (appends, deletes, updates, compactions) is killed with SIGKILL at random
points during its commits, ROUNDS times; the table must always open at a committed snapshot whose
rows are exactly the acknowledged changes (plus, at most, the one in flight) and read the same in
iceberg-read. Exit status 0 when every check holds.
"""
import argparse
import csv
import io
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def switchboard(binary, warehouse, *statements, check=True):
    command = [binary, "--warehouse", warehouse, "--format", "csv"]
    for statement in statements:
        command += ["-c", statement]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        raise RuntimeError(f"switchboard failed on {statements[-1]!r}: {result.stderr.strip()}")
    return list(csv.reader(io.StringIO(result.stdout)))[1:]


def oracle_rows(oracle, warehouse, table):
    result = subprocess.run([os.path.join(oracle, "iceberg-read"), os.path.join(warehouse, "default", table)],
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"iceberg-read failed: {result.stderr.strip()}")
    return sorted(tuple(row) for row in list(csv.reader(io.StringIO(result.stdout)))[1:])


def soak(args, warehouse):
    binary = args.switchboard
    switchboard(binary, warehouse, "CREATE TABLE events (writer INTEGER, n INTEGER) "
                "TBLPROPERTIES ('commit.retry.num-retries' = '10000')")
    scripts = []
    for writer in range(args.writers):
        path = os.path.join(os.path.dirname(warehouse), f"writer{writer}.sql")
        with open(path, "w") as f:
            for n in range(args.commits):
                f.write(f"INSERT INTO events VALUES ({writer}, {n});\n")
        scripts.append(path)
    start = time.time()
    writers = [subprocess.Popen([binary, "--warehouse", warehouse, "-f", path], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True) for path in scripts]
    maintenance_runs = 0
    maintenance_errors = []
    while any(w.poll() is None for w in writers):
        result = subprocess.run(
            [binary, "--warehouse", warehouse,
             "-c", "CALL system.rewrite_data_files(table => 'events', options => map('min-input-files', '10'))",
             "-c", "CALL system.rewrite_manifests(table => 'events')",
             "-c", "CALL system.expire_snapshots(table => 'events', older_than => now(), retain_last => 5)"],
            capture_output=True, text=True, timeout=600)
        maintenance_runs += 1
        if result.returncode != 0:
            maintenance_errors.append(result.stderr.strip())
    elapsed = time.time() - start
    failed = False
    for writer, process in enumerate(writers):
        if process.returncode != 0:
            print(f"FAILED writer {writer}: exit {process.returncode}: {process.stderr.read().strip()[-500:]}")
            failed = True
    # Compaction may lose a race with a commit touching the files it rewrote; it never fails otherwise.
    unexpected = [e for e in maintenance_errors if "concurrent commit" not in e]
    for error in unexpected:
        print(f"FAILED maintenance: {error}")
    expected = args.writers * args.commits
    rows = switchboard(binary, warehouse, "SELECT count(*), count(DISTINCT (writer, n)), min(n), max(n) FROM events")
    print(f"{args.writers} writers x {args.commits} commits in {elapsed:.1f} s ({expected / elapsed:.1f} commits/s), "
          f"{maintenance_runs} maintenance runs ({len(maintenance_errors)} lost a race); rows: {rows[0]}")
    if rows[0][:2] != [str(expected), str(expected)]:
        print(f"FAILED: expected {expected} distinct rows")
        failed = True
    per_writer = switchboard(binary, warehouse, "SELECT writer, count(*) FROM events GROUP BY writer ORDER BY writer")
    if per_writer != [[str(w), str(args.commits)] for w in range(args.writers)]:
        print(f"FAILED: rows per writer {per_writer}")
        failed = True
    if args.oracle:
        counted = len(oracle_rows(args.oracle, warehouse, "events"))
        print(f"iceberg-read: {counted} rows")
        failed |= counted != expected
    return 0 if not failed and not unexpected else 1


def kill(args, warehouse):
    """One writer process per change; each is killed at a random moment in some rounds."""
    binary = args.switchboard
    rng = random.Random(args.seed)
    switchboard(binary, warehouse, "CREATE TABLE ledger (id INTEGER, amount INTEGER) "
                "TBLPROPERTIES ('write.delete.mode' = 'merge-on-read', 'write.update.mode' = 'merge-on-read')")
    acknowledged = {}  # id -> amount: the rows every committed statement left
    next_id = 0
    failures = 0
    kills = 0
    for round_number in range(args.rounds):
        # The change: mostly appends, sometimes a delete, an update or a compaction.
        choice = rng.random()
        after = dict(acknowledged)
        if choice < 0.6 or not acknowledged:
            statement = f"INSERT INTO ledger VALUES ({next_id}, {round_number}), ({next_id + 1}, {round_number})"
            after[next_id] = round_number
            after[next_id + 1] = round_number
            next_id += 2
        elif choice < 0.75:
            victim = rng.choice(sorted(acknowledged))
            statement = f"DELETE FROM ledger WHERE id = {victim}"
            del after[victim]
        elif choice < 0.9:
            victim = rng.choice(sorted(acknowledged))
            statement = f"UPDATE ledger SET amount = amount + 1000 WHERE id = {victim}"
            after[victim] += 1000
        else:
            statement = "CALL system.rewrite_data_files(table => 'ledger', options => map('min-input-files', '2'))"
        process = subprocess.Popen([binary, "--warehouse", warehouse, "-c", statement],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        killed = rng.random() < 0.7
        if killed:
            time.sleep(rng.uniform(0.0, 0.06))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
            else:
                killed = False
        process.wait()
        committed = process.returncode == 0
        rows = {int(i): int(a) for i, a in switchboard(binary, warehouse, "SELECT id, amount FROM ledger")}
        if committed or rows == after:
            acknowledged = after  # an acknowledged change, or a killed one that had committed
        if rows != acknowledged:
            print(f"FAILED round {round_number} ({statement}, {'killed' if killed else 'exit ' + str(process.returncode)}): "
                  f"the table holds {len(rows)} rows, not the {len(acknowledged)} committed")
            failures += 1
            acknowledged = rows
        if not killed and not committed:
            print(f"FAILED round {round_number}: {statement}: {process.stderr.read().strip()}")
            failures += 1
    if args.oracle:
        theirs = oracle_rows(args.oracle, warehouse, "ledger")
        ours = sorted((str(i), str(a)) for i, a in acknowledged.items())
        if theirs != ours:
            print(f"FAILED: iceberg-read reads {len(theirs)} rows, Switchboard {len(ours)}")
            failures += 1
    # Files the killed writers left behind are orphans; removing them keeps every committed row.
    orphans = switchboard(binary, warehouse, "CALL system.remove_orphan_files(table => 'ledger', older_than => now())")
    rows = {int(i): int(a) for i, a in switchboard(binary, warehouse, "SELECT id, amount FROM ledger")}
    if rows != acknowledged:
        print("FAILED: removing orphan files changed the table")
        failures += 1
    print(f"{args.rounds} rounds, {kills} writers killed, {len(acknowledged)} rows committed, "
          f"{len(orphans)} orphan files removed, {failures} failures")
    return 0 if failures == 0 else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switchboard", required=True)
    parser.add_argument("--oracle", help="folder of the oracle tools (iceberg-read) to cross-check with")
    parser.add_argument("--keep", action="store_true", help="keep the warehouse folder")
    sub = parser.add_subparsers(dest="mode", required=True)
    soak_parser = sub.add_parser("soak")
    soak_parser.add_argument("--writers", type=int, default=4)
    soak_parser.add_argument("--commits", type=int, default=1000)
    kill_parser = sub.add_parser("kill")
    kill_parser.add_argument("--rounds", type=int, default=60)
    kill_parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix=f"sb_concurrent_{args.mode}_")
    warehouse = os.path.join(workdir, "warehouse")
    try:
        return soak(args, warehouse) if args.mode == "soak" else kill(args, warehouse)
    finally:
        if args.keep:
            print(f"warehouse kept in {warehouse}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
