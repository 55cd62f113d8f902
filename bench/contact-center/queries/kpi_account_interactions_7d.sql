-- KPI: interactions per CRM account over the last 7 days of the period, with distinct callers,
-- abandoned contacts and the average wait: the 100 busiest accounts.
SELECT c.account_number,
       count(*) AS interactions,
       count(DISTINCT i.customer_id) AS callers,
       sum(CASE WHEN i.disposition = 'abandoned' THEN 1 ELSE 0 END) AS abandoned,
       avg(i.wait_time_seconds) AS avg_wait_seconds
FROM genesys_cc_interactions i
JOIN crm_customer_data c ON i.customer_id = c.customer_id
WHERE i.start_time >= TIMESTAMP '2024-06-24 00:00:00' AND i.start_time < TIMESTAMP '2024-07-01 00:00:00'
GROUP BY c.account_number
ORDER BY interactions DESC, c.account_number
LIMIT 100;
