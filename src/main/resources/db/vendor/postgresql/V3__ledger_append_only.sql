-- The ledger is append-only in the database itself: UPDATE and DELETE are refused, whoever asks.
create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'The audit ledger is append-only: % on % is refused', tg_op, tg_table_name;
end;
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function ledger_refuse_change();
create trigger ledger_node_append_only before update or delete on ledger_node
    for each row execute function ledger_refuse_change();
create trigger ledger_checkpoint_append_only before update or delete on ledger_checkpoint
    for each row execute function ledger_refuse_change();

-- The head only grows (by the number of events a transaction appends).
create function ledger_head_grows() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or new.size <= old.size then
        raise exception 'The audit ledger is append-only: its head only grows (% refused)', tg_op;
    end if;
    return new;
end;
$$;
create trigger ledger_head_grows before update or delete on ledger_head
    for each row execute function ledger_head_grows();
