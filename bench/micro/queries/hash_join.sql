-- Hash join: 10M probe rows against a 1M-row build side on a BIGINT key (every row matches once).
SELECT count(*) AS matches, sum(f.v * d.w) AS total
FROM facts AS f JOIN dim AS d ON f.k = d.k;
