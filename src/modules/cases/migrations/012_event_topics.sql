-- Outbox topics named by the rule <module>.<fact in the past tense> (timers <module>.<thing>_due),
-- declared in events.ts. Events written under the old names and not yet handled take the new
-- ones (kernel migration 006 explains the helpers); transitions no module consumes are declared
-- terminal, so those that waited forever for a handler are done.
select outbox_rename_topic(old_name, new_name)
  from (values
    ('case.draft_created', 'cases.draft_created'),
    ('case.submitted', 'cases.submitted'),
    ('case.resubmitted', 'cases.resubmitted'),
    ('case.withdrawn', 'cases.withdrawn'),
    ('case.claimed', 'cases.claimed'),
    ('case.assigned', 'cases.assigned'),
    ('case.transferred', 'cases.transferred'),
    ('case.accepted', 'cases.accepted'),
    ('case.accepted_deferred', 'cases.accepted_deferred'),
    ('case.completed_at_acceptance', 'cases.completed_at_acceptance'),
    ('case.refused', 'cases.refused'),
    ('case.correction_requested', 'cases.correction_requested'),
    ('case.deferred_material_received', 'cases.deferred_material_received'),
    ('case.deferred_reminder', 'cases.deferred_reminder_sent'),
    ('case.instant_declined', 'cases.instant_declined'),
    ('case.step_approved', 'cases.step_approved'),
    ('case.decided_approved', 'cases.decided_approved'),
    ('case.step_disapproved', 'cases.step_disapproved'),
    ('case.returned', 'cases.returned'),
    ('case.special_procedure_started', 'cases.special_procedure_started'),
    ('case.special_procedure_ended', 'cases.special_procedure_ended'),
    ('case.payment_requested', 'cases.payment_requested'),
    ('case.paid', 'cases.paid'),
    ('case.approved', 'cases.approved'),
    ('case.disapproved', 'cases.disapproved'),
    ('case.warning_yellow', 'cases.warning_raised'),
    ('case.overdue', 'cases.deadline_missed'),
    ('case.overdue_explained', 'cases.overdue_explained'),
    ('case.supervised', 'cases.supervised'),
    ('case.supervision_replied', 'cases.supervision_replied'),
    ('case.supervision_overdue', 'cases.supervision_reply_missed'),
    ('case.commitment_kept', 'cases.commitment_kept'),
    ('case.commitment_broken', 'cases.commitment_broken'),
    ('case.bundle_stopped', 'cases.stopped_by_bundle'),
    ('case_bundle.draft_created', 'cases.bundle_draft_created'),
    ('case_bundle.submitted', 'cases.bundle_submitted'),
    ('case_bundle.resubmitted', 'cases.bundle_resubmitted'),
    ('case_bundle.withdrawn', 'cases.bundle_withdrawn'),
    ('case_bundle.step_started', 'cases.bundle_step_started'),
    ('case_bundle.step_start_failed', 'cases.bundle_step_start_failed'),
    ('case_bundle.stopped', 'cases.bundle_step_stopped'),
    ('cases.clock', 'cases.deadline_warning_due'),
    ('cases.deferred_reminder', 'cases.deferred_reminder_due')
  ) as renamed (old_name, new_name);

select outbox_settle_topic(topic_name)
  from (values
    ('cases.draft_created'), ('cases.resubmitted'), ('cases.claimed'), ('cases.deferred_material_received'),
    ('cases.instant_declined'), ('cases.step_approved'), ('cases.decided_approved'), ('cases.step_disapproved'),
    ('cases.returned'), ('cases.special_procedure_started'), ('cases.special_procedure_ended'), ('cases.paid'),
    ('cases.warning_raised'), ('cases.deadline_missed'), ('cases.overdue_explained'), ('cases.supervised'),
    ('cases.supervision_replied'), ('cases.supervision_reply_missed'), ('cases.commitment_kept'),
    ('cases.bundle_draft_created'), ('cases.bundle_submitted'), ('cases.bundle_resubmitted'), ('cases.bundle_withdrawn'),
    ('cases.bundle_step_started'), ('cases.bundle_step_start_failed'), ('cases.bundle_step_stopped')
  ) as terminal (topic_name);
