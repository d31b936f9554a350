-- How far each SIEM target (webhook, syslog) has received the audit log. Operational state beside the ledger, which
-- it only reads: moved after the target acknowledged a delivery, so a batch is delivered at least once.
create table audit_stream_cursor (
    target               varchar(200) not null primary key,
    delivered_seq        bigint       not null,
    delivered_checkpoint bigint       not null,
    updated_at           timestamp with time zone not null
);
