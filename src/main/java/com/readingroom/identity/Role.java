package com.readingroom.identity;

/** What a person does in Reading Room. Spring Security sees each as the authority {@code ROLE_<name>}. */
public enum Role {
    /** Agency staff who read the source their agency's agreements grant. */
    REVIEWER,
    /** Vendor or agency compliance staff who read the audit log, never source. */
    AUDITOR,
    /** Vendor staff who manage products, agencies and agreements. */
    PROGRAM_MANAGER,
    /** Operators of the installation. */
    ADMIN;

    /** The constants below let annotations such as {@code @RolesAllowed} name roles without typos. */
    public static final String REVIEWER_NAME = "REVIEWER";

    public static final String AUDITOR_NAME = "AUDITOR";
    public static final String PROGRAM_MANAGER_NAME = "PROGRAM_MANAGER";
    public static final String ADMIN_NAME = "ADMIN";

    public String authority() {
        return "ROLE_" + name();
    }
}
