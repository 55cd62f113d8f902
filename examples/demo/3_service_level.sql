-- 3. Service level per queue: the share of calls answered within 20 seconds, and handle time
SELECT queue_name,
       count(*) AS calls,
       round(100.0 * count_if(wait_time_seconds <= 20) / count(*), 1) AS pct_answered_in_20s,
       round(avg(duration_seconds)) AS avg_handle_seconds,
       approx_percentile(wait_time_seconds, 0.9) AS p90_wait_seconds
FROM cc.interactions
GROUP BY queue_name
ORDER BY queue_name;
