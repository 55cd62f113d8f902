-- Tables that iceberg_read_diff.py writes with Switchboard and reads back with the independent
-- reader (iceberg-read): partitioned by every transform it can read, several snapshots each,
-- schemas and partition specs evolved between them, overwrites, nested types, many files.
-- (No decimal partition sources and no format version 3: iceberg-read cannot read those.)

-- Identity and day partitions, then four appends across schema and partition-spec changes: added,
-- renamed, widened, dropped and re-added columns; a bucket field added and the identity field
-- dropped.
CREATE TABLE calls (id BIGINT, agent VARCHAR, queue VARCHAR, started TIMESTAMP, seconds INTEGER, cost DECIMAL(8, 2), score REAL)
PARTITIONED BY (queue, days(started));
INSERT INTO calls VALUES
  (1, 'ana', 'sales', TIMESTAMP '2024-03-01 09:00:00', 60, 1.10, 1.5),
  (2, 'bo', 'sales', TIMESTAMP '2024-03-01 17:45:00', 300, 2.25, NULL),
  (3, 'cy', 'support', TIMESTAMP '2024-03-02 08:15:00', 45, NULL, 2.5),
  (4, 'ana', NULL, TIMESTAMP '2024-03-03 12:00:00', NULL, 0.50, 0.25);
INSERT INTO calls VALUES (5, 'dee', 'billing', TIMESTAMP '2024-03-04 10:00:00.123456', 10, -9.99, 3.0);
ALTER TABLE calls ADD COLUMN channel VARCHAR;
ALTER TABLE calls RENAME COLUMN agent TO agent_name;
ALTER TABLE calls ALTER COLUMN seconds SET DATA TYPE BIGINT;
ALTER TABLE calls ALTER COLUMN score TYPE DOUBLE;
ALTER TABLE calls ALTER COLUMN cost SET DATA TYPE DECIMAL(12, 2);
INSERT INTO calls VALUES (6, 'ed', 'sales', TIMESTAMP '2024-03-05 10:00:00', 5000000000, 3.00, 4.5, 'voice');
ALTER TABLE calls ADD PARTITION FIELD bucket(4, id);
ALTER TABLE calls DROP PARTITION FIELD queue;
ALTER TABLE calls DROP COLUMN score;
ALTER TABLE calls ADD COLUMN score VARCHAR;
INSERT INTO calls VALUES
  (7, 'fay', 'support', TIMESTAMP '2024-03-06 10:00:00', 7, 1.00, 'chat', 'high'),
  (8, 'gus', 'sales', TIMESTAMP '2024-03-06 11:00:00', 8, 2.00, 'email', NULL);

-- Every other transform iceberg-read reads, with NULLs and values before 1970 in the sources.
CREATE TABLE transforms (id INTEGER, name VARCHAR, ts TIMESTAMP, d DATE, tz TIMESTAMP WITH TIME ZONE, flag BOOLEAN, n BIGINT)
PARTITIONED BY (bucket(4, name), truncate(3, name), hours(ts), months(d), years(tz), flag, truncate(10, n), bucket(3, d));
INSERT INTO transforms VALUES
  (1, 'alpha', TIMESTAMP '2024-01-01 00:30:00', DATE '2024-01-31', TIMESTAMP '2023-12-31 23:00:00 UTC', true, 15),
  (2, 'alpine', TIMESTAMP '2024-01-01 01:30:00', DATE '2024-02-01', TIMESTAMP '2024-06-01 00:00:00 UTC', false, -15),
  (3, NULL, NULL, NULL, NULL, NULL, NULL),
  (-7, 'b', TIMESTAMP '1969-12-31 23:59:59', DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59.999999 UTC', true, 0);
INSERT INTO transforms VALUES (4, 'zeta', TIMESTAMP '2030-05-05 05:05:05', DATE '2030-05-05', TIMESTAMP '2030-05-05 05:05:05 UTC', false, 99);
ALTER TABLE transforms REPLACE PARTITION FIELD ts_hour WITH days(ts) AS ts_day;
INSERT INTO transforms VALUES (5, 'eta', TIMESTAMP '2031-01-01 00:00:00', DATE '2031-01-01', NULL, true, 100);

-- Nested and the remaining primitive types, partitioned by month; an overwrite leaves deleted
-- entries in the manifests. (No field added inside a struct: iceberg-read leaves it out of the
-- structs of older files rather than reading it as NULL.)
CREATE TABLE orders (id INTEGER, placed DATE, items ARRAY<STRUCT<sku: STRING, qty: INT>>, address STRUCT<city: STRING, zip: INT>,
                     attrs MAP<STRING, STRING>, tags ARRAY<STRING>, flag BOOLEAN, small SMALLINT, tiny TINYINT, ratio DOUBLE,
                     tz TIMESTAMP WITH TIME ZONE, blob VARBINARY, t TIME, u UUID, big DECIMAL(38, 6))
PARTITIONED BY (months(placed));
INSERT INTO orders VALUES
  (1, DATE '2024-01-05', ARRAY[ROW('a', 1), ROW('b', 2)], ROW('Lyon', 69001), MAP(ARRAY['k', 'l'], ARRAY['v', NULL]), ARRAY['x', NULL], true,
   7, -3, 0.125, TIMESTAMP '2024-01-01 10:00:00.5 UTC', X'00ff10', TIME '10:11:12.5', UUID '12345678-1234-5678-1234-567812345678', 12345.678901),
  (2, NULL, NULL, NULL, NULL, ARRAY[], NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (3, DATE '2024-02-29', ARRAY[], ROW(NULL, NULL), MAP(ARRAY[], ARRAY[]), ARRAY['y'], false,
   -32768, 127, -1e300, TIMESTAMP '1900-01-01 00:00:00 UTC', X'', TIME '23:59:59.999999', UUID 'ffffffff-0000-0000-0000-000000000001', -0.000001);
INSERT OVERWRITE orders SELECT * FROM orders WHERE id <> 2;
INSERT INTO orders (id, placed, address) VALUES (4, DATE '2024-03-01', ROW('Oslo', 150));

-- Created from a query in Trino's form with a sort order, and written as many files.
CREATE TABLE numbers WITH (partitioning = ARRAY['bucket(2, k)'], sorted_by = ARRAY['v DESC']) AS
SELECT a * 1000 + b AS k, CAST(a * b AS VARCHAR) AS v FROM UNNEST(sequence(1, 40)) AS x(a) CROSS JOIN UNNEST(sequence(1, 500)) AS y(b);
ALTER TABLE numbers SET TBLPROPERTIES ('write.target-file-size-bytes' = '20000');
INSERT INTO numbers SELECT k + 100000, v FROM numbers;
