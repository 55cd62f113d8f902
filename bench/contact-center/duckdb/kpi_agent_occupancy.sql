-- DuckDB: json_extract_string, CAST(... AS TIMESTAMPTZ) for from_iso8601_timestamp, and date_sub,
-- which counts whole seconds elapsed as Trino's date_diff does (DuckDB's date_diff counts
-- second boundaries crossed).
WITH sessions AS (
  SELECT json_extract_string(currentagentsnapshot, '$.configuration.username') AS agent,
         CAST(substr(eventtimestamp, 1, 10) AS DATE) AS day,
         min(CAST(eventtimestamp AS TIMESTAMPTZ)) FILTER (WHERE eventtype = 'LOGIN') AS login,
         max(CAST(eventtimestamp AS TIMESTAMPTZ)) FILTER (WHERE eventtype = 'LOGOUT') AS logout
  FROM kfhconnectblog
  WHERE eventtype IN ('LOGIN', 'LOGOUT')
  GROUP BY 1, 2
),
handled AS (
  SELECT agent_id AS agent, CAST(start_time AS DATE) AS day, count(*) AS contacts,
         sum(duration_seconds) AS talk_seconds
  FROM genesys_cc_interactions
  WHERE agent_id IS NOT NULL
  GROUP BY 1, 2
)
SELECT s.agent,
       count(*) AS days,
       sum(h.contacts) AS contacts,
       sum(h.talk_seconds) AS talk_seconds,
       sum(date_sub('second', s.login, s.logout)) AS logged_in_seconds,
       round(CAST(sum(h.talk_seconds) AS DOUBLE) / sum(date_sub('second', s.login, s.logout)), 4) AS occupancy
FROM sessions s
JOIN handled h ON h.agent = s.agent AND h.day = s.day
GROUP BY s.agent
ORDER BY s.agent;
