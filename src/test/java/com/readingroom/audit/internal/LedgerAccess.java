package com.readingroom.audit.internal;

import java.util.List;
import org.springframework.context.ApplicationContext;

/** Lets the benchmark (another package) time the ledger's own proof reader. */
public final class LedgerAccess {

    private LedgerAccess() {}

    /** Inclusion proofs as the API and the exports make them. */
    public interface ProofSource {
        List<byte[]> inclusionProof(long index, long size);
    }

    public static ProofSource reader(ApplicationContext context) {
        LedgerReader reader = context.getBean(LedgerReader.class);
        return reader::inclusionProof;
    }
}
