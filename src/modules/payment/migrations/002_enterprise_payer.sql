-- A notice may be payable by an enterprise (法人): its agents and legal representative see and
-- pay it while acting for the enterprise.
alter table payment_notice add column payer_enterprise_id uuid;
create index payment_notice_payer_enterprise_idx on payment_notice (payer_enterprise_id);
