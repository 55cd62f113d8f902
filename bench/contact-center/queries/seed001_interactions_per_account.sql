-- Seed 001: interactions per CRM account over the last 7 days, as written in
-- ../shared/contact-center/acceptance/seed001_federation.sql except
-- ADAPTED: CURRENT_TIMESTAMP() is the end of the generated period, so that the window holds data.
-- compare: --unordered
SELECT c.account_number, c.customer_name, COUNT(i.interaction_id) AS total_interactions, SUM(i.duration_seconds) / 1000 AS total_duration_minutes FROM GENESYS_CC_INTERACTIONS i JOIN CRM_CUSTOMER_DATA c ON i.customer_id = c.customer_id WHERE i.start_time >= TIMESTAMPADD(DAY, -7, TIMESTAMP '2024-07-01 00:00:00') GROUP BY c.account_number, c.customer_name;
