package com.readingroom.audit;

import com.readingroom.audit.internal.merkle.CompactRange;
import com.readingroom.audit.internal.merkle.Hashes;
import com.readingroom.audit.internal.merkle.Proofs;
import com.readingroom.audit.internal.note.Checkpoint;
import com.readingroom.audit.internal.note.NoteVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The offline verifier of an audit bundle: needs no server and no database, only the bundle. Checks the checkpoint's
 * signature against {@code log.pub}, every event's inclusion proof against the checkpoint, and — when the bundle
 * holds the whole log — that the events rebuild the checkpoint's root. Stops at the first failure and says where.
 */
public final class BundleVerifier {

    private static final Pattern SEQ = Pattern.compile("^\\{\"seq\":(\\d+),");
    private static final Pattern PROOF = Pattern.compile("^\\{\"index\":(\\d+),\"proof\":\\[(.*)]}$");

    private BundleVerifier() {}

    /** The outcome: {@code ok}, how many events were checked, and otherwise the first failure. */
    public record Result(boolean ok, long events, String message) {}

    public static Result verify(Path bundle) throws IOException {
        Map<String, String> files = Files.isDirectory(bundle) ? readDirectory(bundle) : readZip(bundle);
        for (String required : List.of("events.jsonl", "proofs.jsonl", "checkpoint", "log.pub")) {
            if (!files.containsKey(required)) {
                return new Result(false, 0, "The bundle has no " + required + ".");
            }
        }
        Checkpoint checkpoint;
        try {
            NoteVerifier verifier =
                    NoteVerifier.fromVerifierKeys(files.get("log.pub").lines().toList());
            checkpoint = Checkpoint.parse(verifier.open(files.get("checkpoint")));
        } catch (RuntimeException e) {
            return new Result(false, 0, "The checkpoint does not verify with log.pub: " + e.getMessage());
        }
        List<String> events = lines(files.get("events.jsonl"));
        List<String> proofs = lines(files.get("proofs.jsonl"));
        if (events.size() != proofs.size()) {
            return new Result(
                    false,
                    0,
                    "events.jsonl has " + events.size() + " lines but proofs.jsonl has " + proofs.size() + ".");
        }
        CompactRange whole = new CompactRange();
        boolean complete = events.size() == checkpoint.size();
        for (int line = 0; line < events.size(); line++) {
            String event = events.get(line);
            Matcher seq = SEQ.matcher(event);
            Matcher proof = PROOF.matcher(proofs.get(line));
            if (!seq.find() || !proof.matches()) {
                return new Result(false, line, "Line " + (line + 1) + " of events.jsonl or proofs.jsonl is malformed.");
            }
            long index = Long.parseLong(seq.group(1));
            if (index != Long.parseLong(proof.group(1))) {
                return new Result(
                        false,
                        line,
                        "Line " + (line + 1) + ": the event is " + index + " but its proof is for " + proof.group(1)
                                + ".");
            }
            byte[] leafHash = Hashes.leaf(event.getBytes(StandardCharsets.UTF_8));
            if (!Proofs.verifyInclusion(
                    index, checkpoint.size(), leafHash, hashes(proof.group(2)), checkpoint.rootHash())) {
                return new Result(
                        false,
                        line,
                        "Event " + index + " (line " + (line + 1)
                                + ") is not in the log of the checkpoint: its proof fails.");
            }
            complete &= index == line;
            whole.append(leafHash);
        }
        if (complete && !Arrays.equals(whole.root(), checkpoint.rootHash())) {
            return new Result(false, events.size(), "The whole log does not rebuild the checkpoint's root.");
        }
        return new Result(
                true,
                events.size(),
                "OK: " + events.size() + " events verified against checkpoint "
                        + checkpoint.origin() + " at size " + checkpoint.size()
                        + (complete ? " (complete log, root rebuilt)" : "")
                        + ".");
    }

    /**
     * Checks that the log of {@code newer} extends the log of {@code older}: both checkpoints signed by the key, and
     * the RFC 9162 consistency proof (one base64 hash per line, or the API's JSON answer) between their sizes. This is
     * how an agency that kept an old checkpoint detects a log rewritten or rolled back since.
     */
    public static Result verifyConsistency(String verifierKey, String older, String newer, String proof) {
        Checkpoint from;
        Checkpoint to;
        try {
            NoteVerifier verifier =
                    NoteVerifier.fromVerifierKeys(verifierKey.lines().toList());
            from = Checkpoint.parse(verifier.open(older));
            to = Checkpoint.parse(verifier.open(newer));
        } catch (RuntimeException e) {
            return new Result(false, 0, "A checkpoint does not verify with the key: " + e.getMessage());
        }
        if (!from.origin().equals(to.origin())) {
            return new Result(false, 0, "The checkpoints are of different logs: " + from.origin() + ", " + to.origin());
        }
        List<byte[]> hashes = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([A-Za-z0-9+/=]{44})\"|^([A-Za-z0-9+/=]{44})$", Pattern.MULTILINE)
                .matcher(proof);
        while (quoted.find()) {
            hashes.add(Base64.getDecoder().decode(quoted.group(1) != null ? quoted.group(1) : quoted.group(2)));
        }
        if (!Proofs.verifyConsistency(from.size(), to.size(), from.rootHash(), to.rootHash(), hashes)) {
            return new Result(
                    false,
                    to.size(),
                    "The log at size " + to.size() + " does NOT extend the log at size " + from.size()
                            + ": it was rewritten or rolled back, or the proof is wrong.");
        }
        return new Result(
                true, to.size(), "OK: the log at size " + to.size() + " extends the log at size " + from.size() + ".");
    }

    /**
     * {@code verify-consistency <log.pub> <older checkpoint> <newer checkpoint> <proof>}: exit status 0 when the newer
     * log extends the older one, 1 otherwise.
     */
    public static int runConsistency(String... args) {
        if (args.length != 4) {
            System.err.println("usage: java -jar reading-room.jar verify-consistency <log.pub> <older checkpoint>"
                    + " <newer checkpoint> <proof>");
            return 2;
        }
        try {
            Result result = verifyConsistency(
                    Files.readString(Path.of(args[0])),
                    Files.readString(Path.of(args[1])),
                    Files.readString(Path.of(args[2])),
                    Files.readString(Path.of(args[3])));
            (result.ok() ? System.out : System.err).println(result.message());
            return result.ok() ? 0 : 1;
        } catch (IOException e) {
            System.err.println("Cannot read a file: " + e.getMessage());
            return 1;
        }
    }

    /** {@code java -jar reading-room.jar verify <bundle>}: exit status 0 when the bundle verifies, 1 otherwise. */
    public static int run(String... args) {
        if (args.length != 1) {
            System.err.println("usage: java -jar reading-room.jar verify <bundle.zip or folder>");
            return 2;
        }
        try {
            Result result = verify(Path.of(args[0]));
            (result.ok() ? System.out : System.err).println(result.message());
            return result.ok() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            System.err.println("Cannot read " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    private static List<byte[]> hashes(String list) {
        List<byte[]> hashes = new ArrayList<>();
        if (list.isBlank()) {
            return hashes;
        }
        for (String quoted : list.split(",")) {
            hashes.add(Base64.getDecoder().decode(quoted.substring(1, quoted.length() - 1)));
        }
        return hashes;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static Map<String, String> readDirectory(Path folder) throws IOException {
        Map<String, String> files = new HashMap<>();
        for (String name : List.of("events.jsonl", "proofs.jsonl", "checkpoint", "log.pub")) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Map<String, String> readZip(Path zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream entries = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), new String(entries.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
