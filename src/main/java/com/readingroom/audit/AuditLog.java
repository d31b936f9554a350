package com.readingroom.audit;

/**
 * The audit log. {@link #append} runs inside the caller's transaction and before the caller returns anything: if the
 * record cannot be written, the caller's action fails with it (fail closed).
 */
public interface AuditLog {

    /**
     * @return the sequence number given to the record
     */
    long append(AuditRecord record);
}
