-- 2. Interactions per CRM account this week: the Iceberg table joined with the CRM export
SELECT c.account_number, c.segment,
       count(*) AS interactions,
       round(avg(i.duration_seconds) / 60.0, 1) AS avg_minutes
FROM cc.interactions i
JOIN crm_customers c ON c.customer_id = i.customer_id
WHERE i.start_time >= (SELECT max(start_time) FROM cc.interactions) - INTERVAL '7' DAY
GROUP BY c.account_number, c.segment
ORDER BY interactions DESC, c.account_number
LIMIT 10;
