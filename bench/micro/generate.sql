-- The engine micro-benchmarks' data, written by Switchboard: facts (10M rows; k takes each of
-- 1M values ten times, spread by a multiplier coprime with 10^6) and dim (1M rows, one per k).
COPY (
  SELECT CAST(i * 1000 + j AS BIGINT) AS id,
         CAST((i * 1000 + j) * 7919 % 1000000 AS BIGINT) AS k,
         CAST((i * 1000 + j) % 1000 AS DOUBLE) AS v
  FROM UNNEST(sequence(0, 9999)) AS a(i) CROSS JOIN UNNEST(sequence(0, 999)) AS b(j)
) TO '{DATA}/facts.parquet' (FORMAT PARQUET);
COPY (
  SELECT CAST(i * 1000 + j AS BIGINT) AS k, CAST((i * 1000 + j) % 97 AS BIGINT) AS w
  FROM UNNEST(sequence(0, 999)) AS a(i) CROSS JOIN UNNEST(sequence(0, 999)) AS b(j)
) TO '{DATA}/dim.parquet' (FORMAT PARQUET);
