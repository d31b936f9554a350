package com.readingroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.identity.NewPerson;
import com.readingroom.identity.NotSignedInException;
import com.readingroom.identity.People;
import com.readingroom.identity.Person;
import com.readingroom.identity.Role;
import com.readingroom.search.SearchRequest;
import com.readingroom.source.RepoPath;
import com.readingroom.source.SourceReader;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every public method of every service the modules offer one another, called as every kind of caller: nobody, a
 * reviewer of each agency (NATO and the Cyber Agency share Office Word's sources, only NATO reads Windows), a reviewer
 * whose agreement has expired, a program manager, an auditor and an operator. The services and their methods are
 * found by reflection, so a new one without a row here fails the test; each row says who passes the service's own
 * checks, and every refusal of a signed-in caller must leave an ACCESS_DENIED record. Calls that pass are made with
 * arguments naming nothing that exists, so that passing changes nothing.
 */
@SpringBootTest(properties = "readingroom.test.context=service-matrix")
@ActiveProfiles("test")
class ServiceAuthorizationMatrixTests {

    /** Who calls, in the order of each row's letters. */
    static final List<String> CALLERS =
            List.of("nobody", "nato.reviewer", "cyber.reviewer", "expired.reviewer", "pm", "auditor", "matrix.admin");

    /** P: passes the service's checks; D: refused and recorded; U: refused as not signed in (nothing to record). */
    static final String PM = "U D D D P D D";

    static final String PM_OR_AUDITOR = "U D D D P P D";
    static final String AUDITOR = "U D D D D P D";
    static final String REVIEWER = "U P P P D D D";
    static final String SIGNED_IN = "U P P P P P P";
    /** Windows' kernel at release 2.0: only NATO's agreement grants it. */
    static final String NATO_SOURCE = "U P D D D D D";
    /** Reviewers with an agreement in force; the others are refused (search filters, it does not refuse a grant). */
    static final String IN_FORCE = "U P P D D D D";

    /**
     * Methods with no check of their own, each with the reason it needs none: what they give is no source and no one
     * else's data, or only another module's internals may call them (proven by the architecture and module tests).
     */
    static final String OPEN = "P P P P P P P";

    /** For a sign-in that passed its password and waits for its second factor: every full sign-in is refused too. */
    static final String PENDING_ONLY = "U U U U U U U";

    static final Map<String, String> EXPECTED = expected();

    private static Map<String, String> expected() {
        Map<String, String> rows = new TreeMap<>();
        // Agencies, agreements, the catalogue and people: the program office's, some readable by auditors.
        for (String method : List.of("create", "setStatus")) {
            rows.put("Agencies." + method, PM);
        }
        for (String method : List.of("list", "count")) {
            rows.put("Agencies." + method, PM_OR_AUDITOR);
        }
        rows.put("Agencies.find", PM_OR_AUDITOR);
        rows.put("Agencies.findByName", PM_OR_AUDITOR);
        for (String method : List.of(
                "createDraft",
                "addScope",
                "changeScope",
                "removeScope",
                "edit",
                "activate",
                "allowMachineAccess",
                "suspend",
                "resume",
                "terminate",
                "renew")) {
            rows.put("Agreements." + method, PM);
        }
        for (String method : List.of("timeline", "find", "findByReference", "ofAgency", "list", "count")) {
            rows.put("Agreements." + method, PM_OR_AUDITOR);
        }
        rows.put("Catalog.registerProduct", PM);
        rows.put("Catalog.registerRepository", PM);
        // Names of products and their repositories, no source: the policy and the indexer look them up for anyone.
        rows.put("Catalog.products", OPEN);
        rows.put("Catalog.findProduct", OPEN);
        rows.put("Catalog.findRepository", OPEN); // a name to a storage path; used by the source and search modules
        for (String method : List.of("create", "invite", "setEnabled", "setRoles", "resetPassword")) {
            rows.put("People." + method, PM);
        }
        rows.put("People.list", PM);
        rows.put("People.count", PM);
        rows.put("People.membersOf", PM_OR_AUDITOR);
        rows.put("People.findByUsername", OPEN); // sign-in and the current person's own record
        rows.put("People.exists", OPEN); // the demo loader's idempotence; answers only yes or no
        rows.put("People.findByEmail", OPEN); // an identity provider's sign-in, which no role covers yet
        // The second factor: only a sign-in pending after its password enrols and verifies; none of these callers is.
        rows.put("SecondFactor.afterPassword", OPEN); // the sign-in form's: the same authentication or a weaker one
        rows.put("SecondFactor.enrollment", PENDING_ONLY);
        rows.put("SecondFactor.verify", PENDING_ONLY);
        rows.put("SecondFactor.enroll", PM);
        rows.put("SecondFactor.reset", PM);
        rows.put("ClientCertificates.assign", PM);
        rows.put("ClientCertificates.remove", PM);
        // Machine access: a reviewer's own tokens.
        rows.put("AccessTokens.machineAgreements", REVIEWER);
        rows.put("AccessTokens.issue", REVIEWER);
        rows.put("AccessTokens.mine", REVIEWER);
        rows.put("AccessTokens.revoke", REVIEWER);
        rows.put("AccessTokens.authenticate", OPEN); // the sign-in of a token itself
        // The policy: decisions are computed for the source reader and search; explaining is the office's tool.
        for (String method :
                List.of("decide", "decideTree", "decisionsFor", "readableProducts", "readableRefs", "readingGrant")) {
            rows.put("AccessPolicy." + method, OPEN); // judges, discloses nothing; the readers call it
        }
        rows.put("AccessPolicy.explain", PM_OR_AUDITOR);
        // The audit log: appended to by every module, read by auditors.
        rows.put("AuditLog.append", OPEN); // every module records through it; a caller cannot rewrite anything
        for (String method : List.of(
                "find",
                "count",
                "prove",
                "summarize",
                "verifierKey",
                "exportCsv",
                "exportBundle",
                "verify",
                "lastVerification")) {
            rows.put("AuditTrail." + method, AUDITOR);
        }
        // Source: every read judged by the policy for the caller's own agreements.
        for (String method : List.of("refs", "tree", "file", "raw", "history", "commit", "compare", "blame")) {
            rows.put("SourceReader." + method, NATO_SOURCE);
        }
        rows.put("SourceReader.repositories", IN_FORCE);
        rows.put("ReviewerNotes.add", NATO_SOURCE);
        // Filtered, not refused: the notes of one's agency on what one may read now (none for staff).
        rows.put("ReviewerNotes.on", SIGNED_IN);
        rows.put("ReviewerNotes.in", SIGNED_IN);
        rows.put("ReadingHolds.active", PM_OR_AUDITOR);
        rows.put("ReadingHolds.clear", PM);
        rows.put("RepositoryInspector.refs", PM);
        rows.put("RepositoryInspector.countFiles", PM);
        for (String method : List.of("indexableRefs", "changedFiles", "commitIds", "describeCommits", "blobs")) {
            rows.put("IndexFeed." + method, OPEN); // only the search module may use it (ArchitectureTests)
        }
        rows.put("SampleRepositories.importAll", OPEN); // the demo loader's, at start; writes only under its target
        rows.put("CodeSearch.search", IN_FORCE);
        rows.put("SearchIndex.status", PM_OR_AUDITOR);
        rows.put("SearchIndex.requestUpdate", PM);
        rows.put("SearchIndex.awaitIdle", OPEN); // waits, tells nothing but whether the index is idle
        return rows;
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    People people;

    @Autowired
    JdbcTemplate jdbc;

    private String kernelCommit;

    @BeforeEach
    void addAnOperatorAndFindACommit() {
        signIn("pm", Role.PROGRAM_MANAGER);
        if (!people.exists("matrix.admin")) {
            people.create(new NewPerson(
                    "matrix.admin", "Matrix Operator", null, null, Set.of(Role.ADMIN), "a-long-enough-password"));
        }
        Person nato = people.findByUsername("nato.reviewer").orElseThrow();
        signIn("nato.reviewer", Role.REVIEWER);
        kernelCommit = context.getBean(SourceReader.class).refs(nato, "windows-kernel").stream()
                .filter(ref -> ref.name().equals("refs/tags/release/2.0"))
                .findFirst()
                .orElseThrow()
                .commitId();
        signOut();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
        context.getBean(SecurityContextHolderStrategy.class).clearContext();
    }

    @Test
    void everyServiceMethodHasARowAndEveryCallerGetsWhatTheRowSays() throws Exception {
        List<Method> methods = serviceMethods();
        assertThat(methods).hasSizeGreaterThan(60);
        List<String> keys = methods.stream()
                .map(ServiceAuthorizationMatrixTests::key)
                .distinct()
                .toList();
        assertThat(EXPECTED.keySet())
                .as("every public method of every module's services has a row")
                .containsExactlyInAnyOrderElementsOf(keys);

        Map<String, String> mismatches = new TreeMap<>();
        for (Method method : methods) {
            String[] expected = EXPECTED.get(key(method)).split(" ");
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                long denialsBefore = denials();
                String got = call(method, caller);
                long recorded = denials() - denialsBefore;
                String where = method.getDeclaringClass().getSimpleName() + "." + method.getName()
                        + Arrays.stream(method.getParameterTypes())
                                .map(Class::getSimpleName)
                                .toList() + " as " + caller;
                if (!got.startsWith(expected[i])) {
                    mismatches.put(where, got + ", expected " + expected[i]);
                } else if (expected[i].equals("D") && recorded < 1) {
                    mismatches.put(where, "refused but no ACCESS_DENIED recorded");
                }
            }
        }
        assertThat(mismatches).as("call as caller -> got, expected").isEmpty();
    }

    /** Calls the method through the bean the other modules get, as the caller; tells P, D or U (with why). */
    private String call(Method method, String caller) throws Exception {
        Object service = context.getBean(method.getDeclaringClass());
        Person person = caller.equals("nobody") ? null : signInAs(caller);
        Object[] arguments = arguments(
                method, person == null ? people.findByUsername("nato.reviewer").orElseThrow() : person);
        try {
            method.invoke(service, arguments);
            return "P";
        } catch (InvocationTargetException thrown) {
            Throwable cause = thrown.getCause();
            if (cause instanceof AuthenticationCredentialsNotFoundException || cause instanceof NotSignedInException) {
                return "U";
            }
            if (cause instanceof AccessDeniedException
                    || cause instanceof com.readingroom.access.AccessDeniedException) {
                return "D (" + cause.getMessage() + ")";
            }
            // Past the checks: the harmless arguments name nothing that exists.
            return "P (" + cause.getClass().getSimpleName() + ")";
        } finally {
            signOut();
        }
    }

    /**
     * Arguments naming nothing that exists, except for the readers of source, which are asked for Windows' kernel at
     * release 2.0 (only NATO's agreement grants it) so that the policy, not a missing file, decides.
     */
    private Object[] arguments(Method method, Person person) {
        Class<?>[] types = method.getParameterTypes();
        Object[] arguments = new Object[types.length];
        boolean reader = method.getDeclaringClass().getSimpleName().matches("SourceReader|ReviewerNotes|AccessPolicy");
        RepoPath kernel = new RepoPath("windows-kernel", "refs/tags/release/2.0", "src/ke/sched.c");
        int strings = 0;
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            if (type == Person.class) {
                arguments[i] = person;
            } else if (type == RepoPath.class) {
                arguments[i] = kernel;
            } else if (type == String.class) {
                arguments[i] = reader ? readerString(method, strings++) : "matrix-nothing";
            } else if (type == long.class || type == Long.class) {
                arguments[i] = -1L;
            } else if (type == int.class) {
                arguments[i] = 1;
            } else if (type == boolean.class) {
                arguments[i] = false;
            } else if (type == Instant.class) {
                arguments[i] = Instant.now();
            } else if (type == Duration.class) {
                arguments[i] = Duration.ZERO;
            } else if (type == Path.class) {
                arguments[i] = Path.of("/nonexistent/matrix");
            } else if (type == Set.class) {
                arguments[i] = Set.of();
            } else if (Collection.class.isAssignableFrom(type)) {
                arguments[i] = List.of();
            } else if (type == OutputStream.class) {
                arguments[i] = OutputStream.nullOutputStream();
            } else if (type == Consumer.class) {
                arguments[i] = (Consumer<Object>) ignored -> {};
            } else if (type == LongConsumer.class) {
                arguments[i] = (LongConsumer) ignored -> {};
            } else if (type == Predicate.class) {
                arguments[i] = (Predicate<Object>) ignored -> true;
            } else if (type == SearchRequest.class) {
                arguments[i] = SearchRequest.text("sched");
            } else {
                arguments[i] = null; // a record of a change, a filter: the checks come before it is read
            }
        }
        return arguments;
    }

    private String readerString(Method method, int index) {
        return switch (method.getName() + "#" + index) {
            case "commit#1" -> kernelCommit;
            case "compare#1" -> "refs/tags/release/1.0";
            case "compare#2" -> "refs/tags/release/2.0";
            case "on#1", "decide#2", "explain#2" -> "src/ke/sched.c";
            case "decide#1", "decideTree#1", "decisionsFor#1", "explain#1" -> "refs/tags/release/2.0";
            case "decideTree#2" -> "src/ke";
            case "add#0" -> "A note from the matrix test.";
            default -> "windows-kernel";
        };
    }

    /** The public methods of the public interfaces in the modules' API packages that the application has a bean of. */
    private List<Method> serviceMethods() {
        List<Method> methods = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.readingroom")) {
            boolean api = type.getPackageName().matches("com\\.readingroom\\.[a-z]+");
            if (!api
                    || !type.isInterface()
                    || !type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)) {
                continue;
            }
            Class<?> reflected = type.reflect();
            if (context.getBeanNamesForType(reflected).length == 0) {
                continue;
            }
            for (Method method : reflected.getMethods()) {
                if (!Modifier.isStatic(method.getModifiers())) {
                    methods.add(method);
                }
            }
        }
        methods.sort((a, b) -> (key(a) + Arrays.toString(a.getParameterTypes()))
                .compareTo(key(b) + Arrays.toString(b.getParameterTypes())));
        return methods;
    }

    private static String key(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName();
    }

    private Person signInAs(String username) {
        Person person = people.findByUsername(username).orElseThrow();
        signIn(username, person.roles().toArray(Role[]::new));
        return person;
    }

    private void signIn(String username, Role... roles) {
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                username,
                null,
                Arrays.stream(roles)
                        .map(role -> new org.springframework.security.core.authority.SimpleGrantedAuthority(
                                role.authority()))
                        .toList());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        // Vaadin's strategy of this context is the one the method security of this context reads.
        context.getBean(SecurityContextHolderStrategy.class).getContext().setAuthentication(authentication);
    }

    private long denials() {
        return jdbc.queryForObject("select count(*) from audit_event where action = 'ACCESS_DENIED'", Long.class);
    }
}
