-- The demo's sources: the files of `switchboard datagen contact-center` (in build/demo/data) as
-- views, the way a contact center's exports land: Genesys interaction exports as Parquet in
-- date=/queue_id= folders, Amazon Connect agent events as NDJSON, the CRM's customers as CSV.
CREATE OR REPLACE VIEW genesys_interactions AS
SELECT * FROM read_parquet('build/demo/data/genesys/interactions/*/*/*.parquet',
                           hive_partitioning => true, union_by_name => true);
CREATE OR REPLACE VIEW connect_agent_events AS
SELECT * FROM read_json('build/demo/data/connect/agent-events/*/*/*/*/*.ndjson', ignore_errors => true);
CREATE OR REPLACE VIEW crm_customers AS
SELECT * FROM read_csv('build/demo/data/crm/crm_customer_data.csv');
