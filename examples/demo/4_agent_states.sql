-- 4. Amazon Connect agent events: where agents spent their time, from the nested NDJSON
SELECT CurrentAgentSnapshot.AgentStatus.Name AS status,
       count(*) AS events,
       count(DISTINCT CurrentAgentSnapshot.Configuration.Username) AS agents
FROM connect_agent_events
WHERE EventType IN ('STATE_CHANGE', 'HEART_BEAT')
GROUP BY 1
ORDER BY events DESC;
