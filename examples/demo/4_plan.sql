-- Where the time goes: the plan of a join with per-operator rows and time.
EXPLAIN ANALYZE
SELECT c_mktsegment, count(*) AS orders
FROM customer JOIN orders ON o_custkey = c_custkey
WHERE o_orderdate >= DATE '1997-01-01'
GROUP BY c_mktsegment;
