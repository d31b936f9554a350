package com.readingroom.api.internal;

import com.readingroom.access.ReadableProduct;
import com.readingroom.identity.CurrentPerson;
import com.readingroom.search.CodeSearch;
import com.readingroom.search.SearchRequest;
import com.readingroom.search.SearchResults;
import com.readingroom.source.CommitSummary;
import com.readingroom.source.HistoryPage;
import com.readingroom.source.RawFile;
import com.readingroom.source.RepoPath;
import com.readingroom.source.SourceReader;
import com.readingroom.source.SourceRef;
import com.readingroom.source.TreeEntry;
import com.readingroom.source.TreeListing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read API for approved tools. Every answer comes from {@link SourceReader} or {@link CodeSearch}, which decide
 * for the token's person through the token's agreement and record each call before it is answered; this controller
 * only translates. A {@code {ref}} is a full ref name or commit id, URL-encoded ({@code refs%2Fheads%2Fmain}); a
 * {@code {path}} is the rest of the URL.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Source (approved tools)", description = "Read what the token's agreement grants; every call is audited")
@SecurityRequirement(name = ApiSecurityConfiguration.TOKEN_SCHEME)
class ReadApiController {

    static final String CONTENT_SHA256 = "X-Content-SHA256";
    private static final int DEFAULT_HISTORY = 50;

    private final SourceReader reader;
    private final CodeSearch search;
    private final CurrentPerson currentPerson;

    ReadApiController(SourceReader reader, CodeSearch search, CurrentPerson currentPerson) {
        this.reader = reader;
        this.search = search;
        this.currentPerson = currentPerson;
    }

    @GetMapping("/repos")
    @Operation(summary = "The repositories the token may read now, with the agreement that grants each")
    List<RepositoryJson> repositories() {
        return reader.repositories(currentPerson.require()).stream()
                .flatMap(product -> product.repositories().stream()
                        .map(repository -> RepositoryJson.of(product, repository.name(), repository.description())))
                .toList();
    }

    @GetMapping("/repos/{repo}/refs")
    @Operation(summary = "The branches and tags of a repository the token may read, branches first")
    List<RefJson> refs(@PathVariable String repo) {
        return reader.refs(currentPerson.require(), repo).stream()
                .map(RefJson::of)
                .toList();
    }

    @GetMapping({"/repos/{repo}/tree/{ref}", "/repos/{repo}/tree/{ref}/{*path}"})
    @Operation(summary = "The readable entries of a folder (the root without a path), folders first")
    TreeJson tree(
            @PathVariable String repo,
            @Parameter(description = "full ref name or commit id, URL-encoded") @PathVariable String ref,
            @PathVariable(required = false) String path) {
        TreeListing listing = reader.tree(currentPerson.require(), at(repo, ref, path));
        return new TreeJson(
                listing.at().repository(),
                listing.ref(),
                listing.commitId(),
                listing.at().path(),
                listing.entries().stream().map(EntryJson::of).toList());
    }

    @GetMapping("/repos/{repo}/file/{ref}/{*path}")
    @Operation(
            summary = "A file's exact bytes (application/octet-stream)",
            description = "The X-Content-SHA256 header carries the SHA-256 of the body, the content hash its audit"
                    + " event records.")
    ResponseEntity<byte[]> file(
            @PathVariable String repo,
            @Parameter(description = "full ref name or commit id, URL-encoded") @PathVariable String ref,
            @PathVariable String path) {
        RawFile file = reader.raw(currentPerson.require(), at(repo, ref, path));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .cacheControl(CacheControl.noStore())
                .header(CONTENT_SHA256, file.sha256())
                .header("X-Commit", file.commitId())
                .header("X-Blob", file.blobId())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment")
                .body(file.bytes());
    }

    @GetMapping({"/repos/{repo}/history/{ref}", "/repos/{repo}/history/{ref}/{*path}"})
    @Operation(summary = "A page of the commits that touched the path (the whole repository without a path)")
    HistoryJson history(
            @PathVariable String repo,
            @Parameter(description = "full ref name or commit id, URL-encoded") @PathVariable String ref,
            @PathVariable(required = false) String path,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + DEFAULT_HISTORY) int limit) {
        HistoryPage page = reader.history(currentPerson.require(), at(repo, ref, path), offset, limit);
        return new HistoryJson(
                page.at().repository(),
                page.ref(),
                page.commitId(),
                page.at().path(),
                page.offset(),
                page.hasMore(),
                page.commits().stream().map(CommitJson::of).toList());
    }

    @GetMapping("/search")
    @Operation(summary = "Code search within what the token may read (the query language of the search page)")
    SearchResults search(
            @RequestParam String q,
            @RequestParam(defaultValue = "false") boolean regex,
            @RequestParam(required = false) String repo,
            @RequestParam(required = false) String lang,
            @RequestParam(defaultValue = "0") int page) {
        return search.search(
                currentPerson.require(),
                new SearchRequest(q, regex ? SearchRequest.Mode.REGEX : SearchRequest.Mode.TEXT, repo, lang, page));
    }

    /** {@code {*path}} captures with its leading slash; the policy normalises and judges the rest. */
    private static RepoPath at(String repository, String ref, String path) {
        String inside = path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
        return new RepoPath(repository, ref, inside);
    }

    record RepositoryJson(
            String name,
            String product,
            String description,
            String agreement,
            Instant readableUntil,
            List<String> refPatterns,
            List<String> includePaths,
            List<String> excludePaths) {

        static RepositoryJson of(ReadableProduct product, String name, String description) {
            return new RepositoryJson(
                    name,
                    product.product().name(),
                    description,
                    product.agreementReference(),
                    product.readableUntil(),
                    product.refPatterns(),
                    product.includePaths(),
                    product.excludePaths());
        }
    }

    record RefJson(String name, String commit, Instant committed) {

        static RefJson of(SourceRef ref) {
            return new RefJson(ref.name(), ref.commitId(), ref.committed());
        }
    }

    record TreeJson(String repository, String ref, String commit, String path, List<EntryJson> entries) {}

    record EntryJson(String name, String path, String kind, long size, String target, String lastCommit) {

        static EntryJson of(TreeEntry entry) {
            return new EntryJson(
                    entry.name(),
                    entry.path(),
                    entry.kind().name(),
                    entry.size(),
                    entry.target(),
                    entry.lastCommit() == null ? null : entry.lastCommit().id());
        }
    }

    record HistoryJson(
            String repository,
            String ref,
            String commit,
            String path,
            int offset,
            boolean hasMore,
            List<CommitJson> commits) {}

    record CommitJson(String id, String author, String authorEmail, Instant authored, String message) {

        static CommitJson of(CommitSummary commit) {
            return new CommitJson(
                    commit.id(), commit.author(), commit.authorEmail(), commit.authored(), commit.message());
        }
    }
}
