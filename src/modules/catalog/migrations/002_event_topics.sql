-- Outbox topics named by the rule <module>.<fact in the past tense> (events.ts). Nothing consumes
-- the publication facts: they are declared terminal, so those that waited for a handler are done
-- (kernel migration 006 explains the helpers).
select outbox_rename_topic(old_name, new_name)
  from (values
    ('catalog.item.published', 'catalog.item_published'),
    ('catalog.item.retired', 'catalog.item_retired'),
    ('catalog.bundle.published', 'catalog.bundle_published'),
    ('catalog.bundle.retired', 'catalog.bundle_retired')
  ) as renamed (old_name, new_name);

select outbox_settle_topic(topic_name)
  from (values ('catalog.item_published'), ('catalog.item_retired'), ('catalog.bundle_published'), ('catalog.bundle_retired')) as terminal (topic_name);
