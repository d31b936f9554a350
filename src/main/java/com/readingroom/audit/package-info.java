/**
 * The audit ledger: every disclosure recorded synchronously in a verifiable Merkle log. Filled by the audit issue;
 * declared now so that the boundaries around it are fixed from the first commit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
package com.readingroom.audit;
