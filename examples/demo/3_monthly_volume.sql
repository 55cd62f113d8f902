-- Monthly shipped volume with a running total.
SELECT date_trunc('month', l_shipdate) AS month, count(*) AS lines,
       sum(count(*)) OVER (ORDER BY date_trunc('month', l_shipdate)) AS running_lines
FROM lineitem
WHERE l_shipdate >= DATE '1998-01-01'
GROUP BY 1
ORDER BY 1;
