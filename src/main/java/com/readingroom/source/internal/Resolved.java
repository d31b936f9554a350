package com.readingroom.source.internal;

import com.readingroom.access.AccessDecision;
import com.readingroom.access.AccessPolicy.PathDecisions;
import com.readingroom.access.HostedRepository;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A request the policy allowed, with what it was allowed through: the granted ref (also when the request named a
 * commit id), the commit, and the decisions for the other paths of that ref in this request.
 */
record Resolved(
        HostedRepository hosted,
        Repository git,
        String ref,
        RevCommit commit,
        AccessDecision decision,
        PathDecisions decisions) {}
