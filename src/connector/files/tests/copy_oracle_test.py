#!/usr/bin/env python3
"""Files written by COPY ... TO read back identically in the reference engine (DuckDB).

    copy_oracle_test.py --switchboard PATH [--oracle DIR] [--keep] [--verbose]

Switchboard makes a table of every type COPY writes (integers of each width, REAL, DOUBLE, short
and long decimals, text with quotes, commas, line breaks and non-ASCII characters, BOOLEAN, DATE,
TIME, TIMESTAMP, TIMESTAMP WITH TIME ZONE, VARBINARY, UUID, arrays, rows and maps, with NULLs
everywhere) over enough rows for several row groups, and writes it with each case's COPY options:
Parquet with every codec and a small row-group size, partitioned Parquet (PARTITION_BY), CSV and
JSON, plain and compressed. DuckDB then reads each output (partitioned folders through
hive_partitioning) and its rows are compared with Switchboard's own rows of the table by the
oracle's compare-results. For Parquet, DuckDB's parquet_metadata() must also report the codec and
row-group count asked for.
Exit status: 0 when every case agrees, 1 otherwise.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROWS = 5000

# The table: one row per n in [0, ROWS), a NULL in every column on some rows.
SOURCE = f"""
SELECT n AS id,
       CAST(n % 100 AS TINYINT) AS tiny,
       CAST(n * 13 - 32768 AS SMALLINT) AS small,
       CAST(n * 400009 - 1000000000 AS INTEGER) AS i32,
       CAST(n AS BIGINT) * 1000000007 AS i64,
       CASE WHEN n % 11 = 0 THEN NULL ELSE CAST(n AS REAL) / 8 END AS f32,
       CASE WHEN n % 13 = 0 THEN NULL ELSE CAST(n AS DOUBLE) / 3 END AS f64,
       CASE WHEN n % 17 = 0 THEN NULL ELSE CAST(n AS DECIMAL(9, 2)) / 4 END AS dec_short,
       CAST(DECIMAL '12345678901234567.0123456789' * (n - 2500) AS DECIMAL(38, 10)) AS dec_long,
       CASE WHEN n % 19 = 0 THEN NULL
            WHEN n % 5 = 0 THEN 'quote " comma , line' || chr(10) || 'break ' || CAST(n AS VARCHAR)
            ELSE 'agent ' || CAST(n % 37 AS VARCHAR) || ' – café' END AS text,
       CASE WHEN n % 23 = 0 THEN NULL ELSE n % 2 = 0 END AS flag,
       date_add('day', n % 400, DATE '2024-01-01') AS day,
       CASE WHEN n % 29 = 0 THEN NULL ELSE date_add('second', n, TIME '08:00:00.125') END AS at_time,
       date_add('second', n * 61, TIMESTAMP '2024-05-01 10:00:00.123456') AS ts,
       CASE WHEN n % 31 = 0 THEN NULL ELSE date_add('hour', n, TIMESTAMP '2024-05-01 10:00:00 UTC') END AS ts_tz,
       CASE WHEN n % 37 = 0 THEN NULL ELSE from_hex(lpad(format('%x', n), 8, '0')) END AS bytes,
       CAST('123e4567-e89b-12d3-a456-' || lpad(CAST(n AS VARCHAR), 12, '0') AS UUID) AS uid,
       CASE WHEN n % 41 = 0 THEN NULL ELSE ARRAY[CAST(n AS VARCHAR), NULL, 'x'] END AS tags,
       CASE WHEN n % 43 = 0 THEN NULL
            ELSE CAST(ROW(n % 9, 'q' || CAST(n % 6 AS VARCHAR)) AS ROW(level INTEGER, queue VARCHAR)) END AS agent,
       CASE WHEN n % 47 = 0 THEN NULL ELSE MAP(ARRAY['a', 'b'], ARRAY[n, n + 1]) END AS counts,
       'q' || CAST(n % 6 AS VARCHAR) AS queue_id,
       date_add('day', n % 3, DATE '2024-05-01') AS date
FROM unnest(sequence(0, {ROWS - 1})) t(n)
"""

COLUMNS = ["id", "tiny", "small", "i32", "i64", "f32", "f64", "dec_short", "dec_long", "text", "flag", "day",
           "at_time", "ts", "ts_tz", "bytes", "uid", "tags", "agent", "counts", "queue_id", "date"]
# Columns whose values each engine renders differently as text: compared through a common form.
SWITCHBOARD_FORM = {"bytes": "lower(to_hex(bytes))", "tags": "CAST(tags AS JSON)", "agent": "CAST(agent AS JSON)",
                    "counts": "CAST(counts AS JSON)", "ts_tz": "to_unixtime(ts_tz)"}
DUCKDB_FORM = {"bytes": "lower(hex(bytes))", "tags": "to_json(tags)", "agent": "to_json(agent)",
               "counts": "to_json(counts)", "ts_tz": "epoch(ts_tz)"}
# JSON files: DuckDB reads binary values as text ("00 00 01 2c") and time zones from the text.
DUCKDB_JSON_FORM = dict(DUCKDB_FORM, bytes="lower(replace(CAST(bytes AS VARCHAR), ' ', ''))",
                        tags="CAST(tags AS JSON)", agent="CAST(agent AS JSON)", counts="CAST(counts AS JSON)",
                        ts_tz="epoch(CAST(ts_tz AS TIMESTAMPTZ))")
# CSV files hold nested values in Switchboard's text form ("[1, NULL, x]", "{level=1, queue=q1}"),
# which DuckDB reads as VARCHAR: compared as that text.
SWITCHBOARD_CSV_FORM = {k: v for k, v in SWITCHBOARD_FORM.items() if k not in ("tags", "agent", "counts")}
DUCKDB_CSV_FORM = {k: v for k, v in DUCKDB_JSON_FORM.items() if k not in ("tags", "agent", "counts")}


class Case:
    def __init__(self, name, options, reader, codec=None, row_groups=None, ours=None, theirs=None):
        self.name = name
        self.options = options
        self.reader = reader  # DuckDB FROM clause, with {path}
        self.codec = codec  # Parquet codec parquet_metadata() reports
        self.row_groups = row_groups
        self.ours = SWITCHBOARD_FORM if ours is None else ours
        self.theirs = DUCKDB_FORM if theirs is None else theirs


CASES = [
    Case("snappy.parquet", "FORMAT parquet", "read_parquet('{path}')", codec="SNAPPY"),
    Case("zstd.parquet", "FORMAT parquet, COMPRESSION zstd", "read_parquet('{path}')", codec="ZSTD"),
    Case("gzip.parquet", "FORMAT parquet, COMPRESSION gzip", "read_parquet('{path}')", codec="GZIP"),
    Case("lz4.parquet", "FORMAT parquet, COMPRESSION lz4_raw", "read_parquet('{path}')", codec="LZ4_RAW"),
    Case("brotli.parquet", "FORMAT parquet, COMPRESSION brotli", "read_parquet('{path}')", codec="BROTLI"),
    Case("none.parquet", "FORMAT parquet, COMPRESSION uncompressed", "read_parquet('{path}')", codec="UNCOMPRESSED"),
    Case("groups.parquet", "FORMAT parquet, ROW_GROUP_SIZE 1000", "read_parquet('{path}')", row_groups=5),
    Case("partitioned", "FORMAT parquet, COMPRESSION zstd, PARTITION_BY (date, queue_id)",
         "read_parquet('{path}/*/*/*.parquet', hive_partitioning = true)", codec="ZSTD"),
    Case("plain.csv", "FORMAT csv", "read_csv('{path}')", ours=SWITCHBOARD_CSV_FORM, theirs=DUCKDB_CSV_FORM),
    Case("gzip.csv.gz", "FORMAT csv, COMPRESSION gzip, DELIMITER '|'", "read_csv('{path}', delim = '|')",
         ours=SWITCHBOARD_CSV_FORM, theirs=DUCKDB_CSV_FORM),
    Case("lines.json", "FORMAT json", "read_json('{path}')", theirs=DUCKDB_JSON_FORM),
    Case("array.json.zst", "FORMAT json, COMPRESSION zstd, ARRAY true", "read_json('{path}', format = 'array')",
         theirs=DUCKDB_JSON_FORM),
]


def select_list(columns, forms):
    return ", ".join(f"{forms[c]} AS {c}" if c in forms else c for c in columns)


def run(command, output=None):
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if output is not None:
        with open(output, "w", encoding="utf-8") as f:
            f.write(result.stdout)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--switchboard", required=True)
    parser.add_argument("--oracle", default=os.path.join(os.path.dirname(__file__), "../../../../../shared/oracle"))
    parser.add_argument("--keep", action="store_true", help="keep the files written")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    duckdb = os.path.join(args.oracle, "duckdb-sql")
    compare = os.path.join(args.oracle, "compare-results")
    work = tempfile.mkdtemp(prefix="copy_oracle_")
    failures = []
    try:
        statements = [f"CREATE TABLE source AS {SOURCE}"]
        for case in CASES:
            statements.append(f"COPY source TO '{os.path.join(work, case.name)}' ({case.options})")
        statements.append("SELECT 1")
        command = [args.switchboard]
        for statement in statements:
            command += ["-c", statement]
        written = run(command)
        if written.returncode != 0:
            print(f"switchboard failed to write the files: {written.stderr.strip()}")
            return 1
        for case in CASES:
            path = os.path.join(work, case.name)
            expected = os.path.join(work, case.name + ".expected.csv")
            actual = os.path.join(work, case.name + ".actual.csv")
            ours = run([args.switchboard, "--format", "csv", "-c", f"CREATE TABLE source AS {SOURCE}", "-c",
                        f"SELECT {select_list(COLUMNS, case.ours)} FROM source"], expected)
            if ours.returncode != 0:
                failures.append(f"{case.name}: switchboard: {ours.stderr.strip()}")
                continue
            reader = case.reader.format(path=path)
            theirs = run([duckdb, "-c", f"SELECT {select_list(COLUMNS, case.theirs)} FROM {reader}"], actual)
            if theirs.returncode != 0:
                failures.append(f"{case.name}: DuckDB cannot read it: {theirs.stderr.strip()}")
                continue
            compared = run([compare, expected, actual, "--unordered"])
            verdict = (compared.stdout.strip().splitlines() or ["(no output)"])[-1]
            if compared.returncode != 0:
                failures.append(f"{case.name}: {verdict}")
            elif args.verbose:
                print(f"{case.name}: {verdict}")
            if case.codec or case.row_groups:
                files = f"'{path}/*/*/*.parquet'" if os.path.isdir(path) else f"'{path}'"
                meta = run([duckdb, "-c", f"SELECT string_agg(DISTINCT compression, ',') AS codecs, "
                                          f"count(DISTINCT (file_name, row_group_id)) AS row_groups "
                                          f"FROM parquet_metadata({files})"])
                lines = meta.stdout.strip().splitlines()
                if meta.returncode != 0 or len(lines) != 2:
                    failures.append(f"{case.name}: parquet_metadata failed: {meta.stderr.strip()}")
                    continue
                codecs, row_groups = lines[1].split(",")
                if case.codec and codecs != case.codec:
                    failures.append(f"{case.name}: codec {codecs}, expected {case.codec}")
                if case.row_groups and int(row_groups) != case.row_groups:
                    failures.append(f"{case.name}: {row_groups} row groups, expected {case.row_groups}")
    finally:
        if args.keep:
            print(f"files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"{len(CASES) - len({f.split(':')[0] for f in failures})} of {len(CASES)} cases agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
