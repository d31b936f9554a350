-- The second factor of local accounts (RFC 6238 time-based one-time passwords), required for program managers and
-- auditors. A secret is usable once confirmed with a code; last_step refuses a code used before (no replay).
create table second_factor (
    person_id    bigint       not null primary key references person (id),
    secret       varchar(64)  not null,
    created_at   timestamp with time zone not null,
    confirmed_at timestamp with time zone,
    last_step    bigint       default -1 not null
);
