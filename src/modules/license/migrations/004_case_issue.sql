-- A case issues its licence once: the completion event may be delivered twice (at-least-once
-- outbox), and two deliveries racing must not sign two licences for one decision.
create unique index licence_case_issue_key on licence (case_id) where case_id is not null and source = 'case' and operation = '01';
