-- The five largest customers by revenue in 1995, with their rank inside their nation.
SELECT n_name, c_name, revenue, rank() OVER (PARTITION BY n_name ORDER BY revenue DESC) AS rank_in_nation
FROM (
  SELECT c_nationkey, c_name, sum(l_extendedprice * (1 - l_discount)) AS revenue
  FROM customer
  JOIN orders ON o_custkey = c_custkey
  JOIN lineitem ON l_orderkey = o_orderkey
  WHERE o_orderdate >= DATE '1995-01-01' AND o_orderdate < DATE '1996-01-01'
  GROUP BY c_nationkey, c_name
) JOIN nation ON n_nationkey = c_nationkey
ORDER BY revenue DESC
LIMIT 5;
