-- DuckDB: json_extract_string for json_extract_scalar, CAST(... AS TIMESTAMPTZ) for
-- from_iso8601_timestamp.
WITH dataset AS (
  SELECT 
    CAST(eventtimestamp AS TIMESTAMPTZ) AS event_ts,
    eventtype,
    -- CURRENT STATE
    json_extract_string(
      currentagentsnapshot,
      '$.agentstatus.name') AS current_status,
    CAST(
      json_extract_string(
        currentagentsnapshot,
        '$.agentstatus.starttimestamp') AS TIMESTAMPTZ) AS current_starttimestamp,
    json_extract_string(
      currentagentsnapshot, 
      '$.configuration.firstname') AS current_firstname,
    json_extract_string(
      currentagentsnapshot,
      '$.configuration.lastname') AS current_lastname,
    json_extract_string(
      currentagentsnapshot, 
      '$.configuration.username') AS current_username,
    json_extract_string(
      currentagentsnapshot, 
      '$.configuration.routingprofile.defaultoutboundqueue.name') AS               current_outboundqueue,
    json_extract_string(
      currentagentsnapshot, 
      '$.configuration.routingprofile.inboundqueues[0].name') as current_inboundqueue,
    -- PREVIOUS STATE
    json_extract_string(
      previousagentsnapshot, 
      '$.agentstatus.name') as prev_status,
    CAST(
      json_extract_string(
        previousagentsnapshot, 
       '$.agentstatus.starttimestamp') AS TIMESTAMPTZ) as prev_starttimestamp,
    json_extract_string(
      previousagentsnapshot, 
      '$.configuration.firstname') as prev_firstname,
    json_extract_string(
      previousagentsnapshot, 
      '$.configuration.lastname') as prev_lastname,
    json_extract_string(
      previousagentsnapshot, 
      '$.configuration.username') as prev_username,
    json_extract_string(
      previousagentsnapshot, 
      '$.configuration.routingprofile.defaultoutboundqueue.name') as current_outboundqueue,
    json_extract_string(
      previousagentsnapshot, 
      '$.configuration.routingprofile.inboundqueues[0].name') as prev_inboundqueue
  from kfhconnectblog
  where eventtype <> 'HEART_BEAT'
)
SELECT
  current_status as status,
  current_username as username,
  event_ts
FROM dataset
WHERE eventtype = 'LOGIN' AND current_username <> ''
ORDER BY event_ts DESC;
