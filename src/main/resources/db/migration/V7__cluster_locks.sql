-- Scheduled jobs that must run once per cluster (signing a checkpoint, verifying the log, loading the demo
-- installation) take a named lock here first (ShedLock's table). A node that dies holding one loses it at lock_until.
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null
);
