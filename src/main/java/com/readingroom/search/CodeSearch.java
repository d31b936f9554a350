package com.readingroom.search;

import com.readingroom.identity.Person;

/**
 * The choke point of code search: the person's grant at this instant becomes a filter inside the index query, the
 * search and the snippets it shows are recorded durably in the audit log, and only then are results returned.
 *
 * <h2>Query syntax</h2>
 *
 * Words are matched as a programmer reads them: {@code spin_lock_irqsave}, {@code spin}, {@code irqsave} and
 * {@code SpinLock} all find their identifiers (case does not matter, except for {@code sym:}). All words must match
 * unless joined by {@code OR}; {@code NOT} or a leading {@code -} excludes; parentheses group; {@code "a phrase"}
 * matches words in a row; {@code *} and {@code ?} are wildcards within a word. Prefixes: {@code path:drivers/net},
 * {@code file:*.c}, {@code lang:c}, {@code repo:}, {@code product:}, {@code ref:release/6.1}, {@code def:kmalloc}
 * (definitions; {@code def:function:kmalloc} for one kind), {@code sym:} (identifier exactly as written),
 * {@code hist:} (commit messages). In regular-expression mode the query is a Java regular expression matched against
 * each line.
 */
public interface CodeSearch {

    int PAGE_SIZE = 25;

    /**
     * @throws SearchQueryException if the query cannot be understood (nothing is recorded: nothing was shown)
     * @throws com.readingroom.access.AccessDeniedException if the person may read nothing now (recorded)
     * @throws com.readingroom.audit.AuditUnavailableException if the search cannot be recorded (nothing shown)
     */
    SearchResults search(Person person, SearchRequest request);
}
