-- The micro-benchmarks' tables as views over the files of generate.sql, for both engines.
CREATE VIEW facts AS SELECT * FROM read_parquet('{DATA}/facts.parquet');
CREATE VIEW dim AS SELECT * FROM read_parquet('{DATA}/dim.parquet');
