package com.readingroom.audit;

/** What an audit event records. Disclosures of source, refusals, sign-ins and every administrative change. */
public enum AuditAction {
    FILE_VIEW,
    TREE_VIEW,
    HISTORY_VIEW,
    DIFF_VIEW,
    BLAME_VIEW,
    SEARCH,
    ACCESS_DENIED,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    AGENCY_CREATED,
    AGENCY_CHANGED,
    PERSON_CREATED,
    PERSON_CHANGED,
    PRODUCT_REGISTERED,
    REPOSITORY_REGISTERED,
    AGREEMENT_CREATED,
    AGREEMENT_CHANGED,
    AGREEMENT_ACTIVATED,
    AGREEMENT_SUSPENDED,
    AGREEMENT_RESUMED,
    AGREEMENT_TERMINATED,
    AGREEMENT_RENEWED,
    GRANT_ADDED,
    GRANT_CHANGED,
    GRANT_REVOKED,
    EXPORT
}
