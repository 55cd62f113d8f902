-- 1. Ingest: the Genesys exports become an Iceberg table partitioned by day, in two commits
CREATE SCHEMA IF NOT EXISTS cc;
CREATE TABLE cc.interactions WITH (partitioning = ARRAY['day(start_time)']) AS
SELECT interaction_id, start_time, end_time, queue_name, agent_id, disposition, duration_seconds,
       CAST(wait_time_seconds AS DOUBLE) AS wait_time_seconds, customer_id
FROM genesys_interactions
WHERE date < (SELECT max(date) FROM genesys_interactions);
ALTER TABLE cc.interactions CREATE TAG before_today;
INSERT INTO cc.interactions
SELECT interaction_id, start_time, end_time, queue_name, agent_id, disposition, duration_seconds,
       CAST(wait_time_seconds AS DOUBLE), customer_id
FROM genesys_interactions
WHERE date = (SELECT max(date) FROM genesys_interactions);
SELECT snapshot_id, operation, summary['added-records'] AS added_records,
       summary['total-records'] AS total_records
FROM cc."interactions$snapshots" ORDER BY committed_at;
