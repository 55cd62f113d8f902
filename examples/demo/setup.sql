-- The demo's tables: TPC-H data (the shared SF 0.01 Parquet files) as views.
CREATE VIEW customer AS SELECT * FROM read_parquet('../shared/testdata/tpch/sf0.01/customer.parquet');
CREATE VIEW orders   AS SELECT * FROM read_parquet('../shared/testdata/tpch/sf0.01/orders.parquet');
CREATE VIEW lineitem AS SELECT * FROM read_parquet('../shared/testdata/tpch/sf0.01/lineitem.parquet');
CREATE VIEW nation   AS SELECT * FROM read_parquet('../shared/testdata/tpch/sf0.01/nation.parquet');
