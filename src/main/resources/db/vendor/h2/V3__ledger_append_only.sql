-- The ledger is append-only in the database itself: UPDATE and DELETE are refused, whoever asks.
create trigger audit_event_append_only before update, delete on audit_event
    for each row call "com.readingroom.audit.internal.LedgerTriggers$RefuseChange";
create trigger ledger_node_append_only before update, delete on ledger_node
    for each row call "com.readingroom.audit.internal.LedgerTriggers$RefuseChange";
create trigger ledger_checkpoint_append_only before update, delete on ledger_checkpoint
    for each row call "com.readingroom.audit.internal.LedgerTriggers$RefuseChange";
create trigger ledger_head_grows before update, delete on ledger_head
    for each row call "com.readingroom.audit.internal.LedgerTriggers$HeadGrows";
