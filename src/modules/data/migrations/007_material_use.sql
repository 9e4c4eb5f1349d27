-- 免提交: a material the platform obtained from a base library instead of an upload is a use of
-- the person's data too, written to their ledger.
alter table data_use drop constraint data_use_kind_check;
alter table data_use add constraint data_use_kind_check check (kind in ('gateway', 'export', 'prefill', 'material', 'licence', 'reveal'));
