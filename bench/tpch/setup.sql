-- The TPC-H tables as views over the generated files (one Parquet file per table), for both engines.
CREATE VIEW customer AS SELECT * FROM read_parquet('{DATA}/customer.parquet');
CREATE VIEW lineitem AS SELECT * FROM read_parquet('{DATA}/lineitem.parquet');
CREATE VIEW nation AS SELECT * FROM read_parquet('{DATA}/nation.parquet');
CREATE VIEW orders AS SELECT * FROM read_parquet('{DATA}/orders.parquet');
CREATE VIEW part AS SELECT * FROM read_parquet('{DATA}/part.parquet');
CREATE VIEW partsupp AS SELECT * FROM read_parquet('{DATA}/partsupp.parquet');
CREATE VIEW region AS SELECT * FROM read_parquet('{DATA}/region.parquet');
CREATE VIEW supplier AS SELECT * FROM read_parquet('{DATA}/supplier.parquet');
