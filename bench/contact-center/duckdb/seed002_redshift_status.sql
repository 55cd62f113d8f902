-- DuckDB: json_extract_string with a JSONPath for json_extract_path_text.
SELECT 
  eventtype,
  json_extract_string(currentagentsnapshot, '$.agentstatus.name') AS current_status,
  json_extract_string(currentagentsnapshot, '$.configuration.firstname') AS current_firstname,
  json_extract_string(currentagentsnapshot, '$.configuration.lastname') AS current_lastname,
  json_extract_string(currentagentsnapshot, '$.configuration.routingprofile.defaultoutboundqueue.name') AS current_outboundqueue,
FROM default_schema.kfhconnectblog;
