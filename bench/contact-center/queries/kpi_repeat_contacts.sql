-- KPI: repeat contacts per day: contacts from a caller who had contacted the center in the
-- previous 72 hours (the first-contact-resolution view).
WITH contacts AS (
  SELECT customer_id, start_time,
         lag(start_time) OVER (PARTITION BY customer_id ORDER BY start_time) AS previous_start
  FROM genesys_cc_interactions
  WHERE customer_id IS NOT NULL
)
SELECT CAST(start_time AS DATE) AS day,
       count(*) AS contacts,
       count(*) FILTER (WHERE previous_start >= start_time - INTERVAL '3' DAY) AS repeat_contacts
FROM contacts
GROUP BY 1
ORDER BY 1;
