-- Hash aggregation: 10M rows into 1M groups (BIGINT key, count and sum). The outer aggregate
-- keeps the result to one row, so the time is the grouping, not the transfer of 1M rows.
SELECT count(*) AS groups, sum(n) AS row_count, sum(total) AS total
FROM (SELECT k, count(*) AS n, sum(v) AS total FROM facts GROUP BY k) AS per_key;
