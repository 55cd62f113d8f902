-- DuckDB: json_extract_string, CAST(... AS TIMESTAMPTZ), JSON[] for ARRAY(JSON), and unnest() of
-- both lists in the select list, which zips them like Trino's UNNEST(c, p).
WITH src AS (
  SELECT
     eventid,
     json_extract_string(currentagentsnapshot, '$.configuration.username') as username,
     cast(json_extract(currentagentsnapshot, '$.contacts') AS JSON[]) as c,
     cast(json_extract(previousagentsnapshot, '$.contacts') AS JSON[]) as p
  from kfhconnectblog
),
src2 AS (
  SELECT eventid, username, unnest(c) AS c_item, unnest(p) AS p_item
  FROM src
),
dataset AS (
SELECT 
  eventid,
  username,
  json_extract_string(c_item, '$.contactid') as c_contactid,
  json_extract_string(c_item, '$.channel') as c_channel,
  json_extract_string(c_item, '$.initiationmethod') as c_direction,
  json_extract_string(c_item, '$.queue.name') as c_queue,
  json_extract_string(c_item, '$.state') as c_state,
  CAST(json_extract_string(c_item, '$.statestarttimestamp') AS TIMESTAMPTZ) as c_ts,
  
  json_extract_string(p_item, '$.contactid') as p_contactid,
  json_extract_string(p_item, '$.channel') as p_channel,
  json_extract_string(p_item, '$.initiationmethod') as p_direction,
  json_extract_string(p_item, '$.queue.name') as p_queue,
  json_extract_string(p_item, '$.state') as p_state,
  CAST(json_extract_string(p_item, '$.statestarttimestamp') AS TIMESTAMPTZ) as p_ts
FROM src2
)
SELECT 
  username,
  c_channel as channel,
  c_direction as direction,
  p_state as prev_state,
  c_state as current_state,
  c_ts as current_ts,
  c_contactid as id
FROM dataset
WHERE c_contactid = p_contactid
ORDER BY id DESC, current_ts ASC;
