-- KPI: per queue and hour, contacts offered and abandoned, average handle (talk) time, and the
-- service level: the share of offered contacts answered within the queue's threshold.
SELECT i.queue_name,
       date_trunc('hour', i.start_time) AS hour,
       count(*) AS offered,
       count(*) FILTER (WHERE i.disposition = 'abandoned') AS abandoned,
       avg(i.duration_seconds) FILTER (WHERE i.disposition <> 'abandoned') AS avg_handle_seconds,
       CAST(count(*) FILTER (WHERE i.disposition <> 'abandoned' AND i.wait_time_seconds <= q.service_level_seconds) AS DOUBLE)
         / count(*) AS service_level
FROM genesys_cc_interactions i
JOIN queues q ON i.queue_name = q.queue_name
GROUP BY i.queue_name, date_trunc('hour', i.start_time)
ORDER BY i.queue_name, hour;
