-- Outbox topics named by the rule <module>.<fact in the past tense>, timers <module>.<thing>_due
-- (events.ts); waiting timers and alerts keep their place under the new names (kernel migration
-- 006 explains the helpers). The rating fact nobody consumes is terminal.
select outbox_rename_topic(old_name, new_name)
  from (values
    ('ratings.default', 'ratings.default_due'),
    ('ratings.task_overdue', 'ratings.task_escalation_due'),
    ('rating.task_escalated', 'ratings.task_escalated'),
    ('rating.created', 'ratings.rated')
  ) as renamed (old_name, new_name);

select outbox_settle_topic('ratings.rated');
