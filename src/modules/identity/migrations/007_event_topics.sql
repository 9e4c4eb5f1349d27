-- Outbox topics named by the rule <module>.<fact in the past tense> (events.ts): texts waiting
-- for the carrier and replies waiting for ratings keep their place under the new names (kernel
-- migration 006 explains the helper).
select outbox_rename_topic('identity.sms', 'identity.sms_queued');
select outbox_rename_topic('sms.inbound', 'identity.sms_received');
