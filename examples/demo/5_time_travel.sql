-- 5. Time travel: the table as tagged before today's load, next to now
SELECT 'before_today' AS version, count(*) AS interactions, max(start_time) AS latest
FROM cc.interactions FOR VERSION AS OF 'before_today'
UNION ALL
SELECT 'current', count(*), max(start_time) FROM cc.interactions;
