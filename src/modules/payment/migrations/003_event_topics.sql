-- Outbox topics named by the rule <module>.<fact in the past tense>, timers <module>.<thing>_due
-- (events.ts). Waiting timers keep their place under the new names, and their dedupe keys, which
-- begin with the topic, follow (kernel migration 006), so a reconciliation already scheduled for
-- a day is not scheduled again. The notice and refund facts nobody consumes are terminal.
select outbox_rename_topic(old_name, new_name)
  from (values
    ('payment.refund_send', 'payment.refund_approved'),
    ('payment.order_check', 'payment.order_check_due'),
    ('payment.reconcile', 'payment.reconciliation_due'),
    ('paysim.deliver', 'payment.sim_callback_due')
  ) as renamed (old_name, new_name);

select outbox_settle_topic(topic_name)
  from (values ('payment.notice_created'), ('payment.notice_cancelled'), ('payment.refund_done')) as terminal (topic_name);
