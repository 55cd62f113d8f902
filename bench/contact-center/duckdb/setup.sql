-- DuckDB's spelling of bench/contact-center/setup.sql (named arguments with =).
CREATE VIEW genesys_cc_interactions AS
SELECT interaction_id, CAST(start_time AS TIMESTAMP) AS start_time, CAST(end_time AS TIMESTAMP) AS end_time,
       queue_name, agent_id, disposition, CAST(duration_seconds AS INTEGER) AS duration_seconds,
       CAST(wait_time_seconds AS INTEGER) AS wait_time_seconds, customer_id, queue_id
FROM read_parquet('{DATA}/genesys/interactions/*/*/*.parquet', hive_partitioning = true, union_by_name = true);
CREATE VIEW queues AS SELECT * FROM read_parquet('{DATA}/genesys/queues.parquet');
CREATE VIEW kfhconnectblog AS SELECT * FROM read_parquet('{DATA}/kfhconnectblog/*.parquet');
CREATE SCHEMA default_schema;
CREATE VIEW default_schema.kfhconnectblog AS SELECT * FROM read_parquet('{DATA}/kfhconnectblog/*.parquet');
CREATE VIEW crm_customer_data AS SELECT * FROM read_parquet('{DATA}/crm/crm_customer_data.parquet');
