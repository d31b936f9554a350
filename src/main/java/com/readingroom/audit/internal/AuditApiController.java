package com.readingroom.audit.internal;

import com.readingroom.audit.AuditAction;
import com.readingroom.audit.AuditFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The ledger for machines (a SIEM, an agency's own monitor): checkpoints, the verifier key, proofs, raw events and
 * bundles. Auditors only.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "Audit ledger", description = "Checkpoints, proofs and events of the verifiable audit log (auditors)")
class AuditApiController {

    private static final MediaType TEXT = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
    private static final int MAX_EVENTS = 10_000;

    private final LedgerReader ledger;
    private final Checkpointer checkpointer;
    private final BundleExporter exporter;

    AuditApiController(LedgerReader ledger, Checkpointer checkpointer, BundleExporter exporter) {
        this.ledger = ledger;
        this.checkpointer = checkpointer;
        this.exporter = exporter;
    }

    @GetMapping("/checkpoint")
    @Operation(summary = "The latest checkpoint, or the one of the given size (signed note, text/plain)")
    ResponseEntity<String> checkpoint(@RequestParam(required = false) Long size) {
        return (size == null ? ledger.latestCheckpoint() : ledger.checkpoint(size))
                .map(note -> ResponseEntity.ok().contentType(TEXT).body(note))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/checkpoint")
    @Operation(summary = "Issue a checkpoint of the log as it stands now and return it")
    ResponseEntity<String> issue() {
        return ResponseEntity.ok().contentType(TEXT).body(checkpointer.issue());
    }

    @GetMapping("/log.pub")
    @Operation(
            summary =
                    "The log's verifier keys in the signed-note format, one per line: the current key first, then retired ones")
    ResponseEntity<String> verifierKey() {
        return ResponseEntity.ok().contentType(TEXT).body(checkpointer.logPub());
    }

    @GetMapping("/proof/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of event `index` in the tree of `size`")
    Map<String, List<String>> inclusion(@RequestParam long index, @RequestParam long size) {
        requireSize(size);
        return Map.of("proof", base64(ledger.inclusionProof(index, size)));
    }

    @GetMapping("/proof/consistency")
    @Operation(summary = "RFC 9162 consistency proof between the trees of sizes `from` and `to`")
    Map<String, List<String>> consistency(@RequestParam long from, @RequestParam long to) {
        requireSize(to);
        return Map.of("proof", base64(ledger.consistencyProof(from, to)));
    }

    @GetMapping(value = "/events", produces = "application/x-ndjson")
    @Operation(summary = "Events [from, to) as JSON lines; each line is the event's leaf bytes")
    ResponseEntity<String> events(@RequestParam long from, @RequestParam long to) {
        if (from < 0 || to < from || to - from > MAX_EVENTS) {
            throw new IllegalArgumentException(
                    "Ask for 0 to " + MAX_EVENTS + " events with 0 ≤ from ≤ to, not from=" + from + " to=" + to + ".");
        }
        StringBuilder lines = new StringBuilder();
        ledger.leaves(from, Math.min(to, ledger.size()))
                .forEach(leaf -> lines.append(leaf).append('\n'));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(lines.toString());
    }

    @GetMapping(value = "/bundle", produces = "application/zip")
    @Operation(summary = "A verifiable bundle of the events matching the filter (zip)")
    ResponseEntity<StreamingResponseBody> bundle(
            @RequestParam(required = false) Long agency,
            @RequestParam(required = false) String agreement,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String repository,
            @RequestParam(required = false) String path,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until) {
        AuditFilter filter = new AuditFilter(
                agency,
                agreement,
                person,
                action(action),
                repository == null || repository.isBlank() ? List.of() : List.of(repository.strip()),
                path,
                outcome(outcome),
                instant(since),
                instant(until));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-bundle.zip\"")
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(out -> exporter.export(filter, out));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        return ResponseEntity.badRequest().body(problem);
    }

    /** A checkpoint refused on purpose: the ledger is halted, or its checkpoint file cannot be written. */
    @ExceptionHandler({IllegalStateException.class, com.readingroom.audit.AuditUnavailableException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Checkpoint not issued");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
    }

    private void requireSize(long size) {
        long head = ledger.size();
        if (size < 1 || size > head) {
            throw new IllegalArgumentException(
                    "The log has " + head + " events; a tree size must be 1 to " + head + ".");
        }
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
    }

    private static AuditAction action(String action) {
        if (action == null || action.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown action '" + action + "'.");
        }
    }

    private static AuditFilter.Outcome outcome(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        try {
            return AuditFilter.Outcome.valueOf(outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Outcome is 'allowed' or 'denied', not '" + outcome + "'.");
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an ISO-8601 instant such as 2026-11-28T00:00:00Z.");
        }
    }
}
