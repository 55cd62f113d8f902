-- Tables that iceberg_read_diff.py changes row by row with Switchboard and reads back, at every
-- snapshot, with the independent reader (iceberg-read): DELETE, UPDATE and MERGE in copy-on-write
-- mode and in merge-on-read mode (position delete files; format v2, which iceberg-read reads),
-- partitioned and not, with whole-partition deletes and deletes of rows already deleted.

CREATE TABLE cow_calls (id BIGINT, agent VARCHAR, queue VARCHAR, started TIMESTAMP, seconds INTEGER, cost DECIMAL(8, 2))
PARTITIONED BY (queue, days(started));
INSERT INTO cow_calls VALUES
  (1, 'ana', 'sales', TIMESTAMP '2024-03-01 09:00:00', 60, 1.10),
  (2, 'bo', 'sales', TIMESTAMP '2024-03-01 17:45:00', 300, 2.25),
  (3, 'cy', 'support', TIMESTAMP '2024-03-02 08:15:00', 45, NULL),
  (4, 'ana', NULL, TIMESTAMP '2024-03-03 12:00:00', NULL, 0.50),
  (5, 'dee', 'billing', TIMESTAMP '2024-03-04 10:00:00', 10, -9.99);
INSERT INTO cow_calls SELECT id + 10, agent, queue, started, seconds * 2, cost FROM cow_calls;
DELETE FROM cow_calls WHERE id = 2;
UPDATE cow_calls SET seconds = coalesce(seconds, 0) + 1, agent = upper(agent) WHERE queue = 'support' OR queue IS NULL;
DELETE FROM cow_calls WHERE queue = 'billing';
MERGE INTO cow_calls AS t
USING (VALUES (1, 'ana2', 'sales', TIMESTAMP '2024-03-01 09:00:00', 61, 1.11), (13, 'x', 'support', TIMESTAMP '2024-03-02 08:15:00', 0, NULL),
              (20, 'new', 'chat', TIMESTAMP '2024-03-09 00:00:00', 5, 0.05), (NULL, 'nul', 'sales', TIMESTAMP '2024-03-01 00:00:00', 1, NULL))
  AS s(id, agent, queue, started, seconds, cost)
ON t.id = s.id
WHEN MATCHED AND s.agent = 'x' THEN DELETE
WHEN MATCHED THEN UPDATE SET agent = s.agent, seconds = s.seconds, cost = s.cost
WHEN NOT MATCHED THEN INSERT *;

CREATE TABLE mor_calls (id BIGINT, agent VARCHAR, queue VARCHAR, started TIMESTAMP, seconds INTEGER, cost DECIMAL(8, 2))
PARTITIONED BY (queue)
TBLPROPERTIES ('write.delete.mode' = 'merge-on-read', 'write.update.mode' = 'merge-on-read', 'write.merge.mode' = 'merge-on-read');
INSERT INTO mor_calls VALUES
  (1, 'ana', 'sales', TIMESTAMP '2024-03-01 09:00:00', 60, 1.10),
  (2, 'bo', 'sales', TIMESTAMP '2024-03-01 17:45:00', 300, 2.25),
  (3, 'cy', 'support', TIMESTAMP '2024-03-02 08:15:00', 45, NULL),
  (4, 'ana', NULL, TIMESTAMP '2024-03-03 12:00:00', NULL, 0.50),
  (5, 'dee', 'billing', TIMESTAMP '2024-03-04 10:00:00', 10, -9.99);
INSERT INTO mor_calls VALUES (6, 'ed', 'sales', TIMESTAMP '2024-03-05 10:00:00', 7, 3.00), (7, 'fay', 'sales', TIMESTAMP '2024-03-05 11:00:00', 8, 4.00);
DELETE FROM mor_calls WHERE id = 2;
DELETE FROM mor_calls WHERE id IN (1, 6);
UPDATE mor_calls SET seconds = 99 WHERE queue = 'sales';
DELETE FROM mor_calls WHERE queue = 'billing';
MERGE INTO mor_calls AS t
USING (SELECT 3 AS id, 'cy2' AS agent UNION ALL SELECT 4, 'gone' UNION ALL SELECT 8, 'gus') AS s
ON t.id = s.id
WHEN MATCHED AND s.agent = 'gone' THEN DELETE
WHEN MATCHED THEN UPDATE SET agent = s.agent
WHEN NOT MATCHED THEN INSERT (id, agent, queue) VALUES (s.id, s.agent, 'chat');

CREATE TABLE mor_flat (id INTEGER, note VARCHAR)
TBLPROPERTIES ('write.delete.mode' = 'merge-on-read', 'write.update.mode' = 'merge-on-read');
INSERT INTO mor_flat SELECT x, 'n' || CAST(x AS VARCHAR) FROM UNNEST(sequence(1, 5000)) AS u(x);
DELETE FROM mor_flat WHERE id % 7 = 0;
UPDATE mor_flat SET note = 'changed' WHERE id % 11 = 0;
DELETE FROM mor_flat WHERE id > 4000;
