-- Orders and revenue per market segment.
SELECT c_mktsegment, count(*) AS orders, sum(o_totalprice) AS revenue
FROM customer JOIN orders ON o_custkey = c_custkey
GROUP BY c_mktsegment
ORDER BY revenue DESC;
