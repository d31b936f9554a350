// tlogcheck verifies Reading Room's audit artifacts with the Go reference implementation of signed notes and
// transparency-log proofs (golang.org/x/mod/sumdb/note and .../tlog), not with Reading Room's own code:
//
//	tlogcheck bundle <dir>                                  the unzipped verifiable bundle (log.pub, checkpoint,
//	                                                        events.jsonl, proofs.jsonl): signature and every
//	                                                        inclusion proof
//	tlogcheck consistency <log.pub> <old> <new> <proof.json> a consistency proof between two signed checkpoints
//
// Exit status 0 when everything verifies; 1 with the first failure on standard error otherwise.
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type checkpoint struct {
	origin string
	size   int64
	root   tlog.Hash
}

func main() {
	if len(os.Args) < 3 {
		fail("usage: tlogcheck bundle <dir> | tlogcheck consistency <log.pub> <old> <new> <proof.json>")
	}
	switch os.Args[1] {
	case "bundle":
		bundle(os.Args[2])
	case "consistency":
		if len(os.Args) != 6 {
			fail("usage: tlogcheck consistency <log.pub> <old> <new> <proof.json>")
		}
		consistency(os.Args[2], os.Args[3], os.Args[4], os.Args[5])
	default:
		fail("unknown command " + os.Args[1])
	}
}

func bundle(dir string) {
	cp := open(read(filepath.Join(dir, "log.pub")), read(filepath.Join(dir, "checkpoint")))
	events := lines(filepath.Join(dir, "events.jsonl"))
	proofs := lines(filepath.Join(dir, "proofs.jsonl"))
	if len(events) != len(proofs) {
		fail(fmt.Sprintf("%d events but %d proofs", len(events), len(proofs)))
	}
	for k, event := range events {
		var entry struct {
			Index int64    `json:"index"`
			Proof []string `json:"proof"`
		}
		if err := json.Unmarshal([]byte(proofs[k]), &entry); err != nil {
			fail(fmt.Sprintf("proofs.jsonl line %d: %v", k+1, err))
		}
		proof := hashes(entry.Proof)
		if err := tlog.CheckRecord(proof, cp.size, cp.root, entry.Index, tlog.RecordHash([]byte(event))); err != nil {
			fail(fmt.Sprintf("event %d (line %d) is not in the log of the checkpoint: %v", entry.Index, k+1, err))
		}
	}
	fmt.Printf("verified with golang.org/x/mod: signature of %s, %d inclusion proofs in a log of %d\n",
		cp.origin, len(events), cp.size)
}

func consistency(keyFile, oldFile, newFile, proofFile string) {
	key := read(keyFile)
	older := open(key, read(oldFile))
	newer := open(key, read(newFile))
	var body struct {
		Proof []string `json:"proof"`
	}
	if err := json.Unmarshal([]byte(read(proofFile)), &body); err != nil {
		fail("proof: " + err.Error())
	}
	if err := tlog.CheckTree(hashes(body.Proof), newer.size, newer.root, older.size, older.root); err != nil {
		fail(fmt.Sprintf("the log of size %d does not extend the log of size %d: %v", newer.size, older.size, err))
	}
	fmt.Printf("verified with golang.org/x/mod: log of %d extends log of %d\n", newer.size, older.size)
}

// open checks the signed note with the verifier key and parses the C2SP tlog-checkpoint body.
func open(key, signed string) checkpoint {
	verifier, err := note.NewVerifier(strings.TrimSpace(key))
	if err != nil {
		fail("verifier key: " + err.Error())
	}
	n, err := note.Open([]byte(signed), note.VerifierList(verifier))
	if err != nil {
		fail("checkpoint signature: " + err.Error())
	}
	body := strings.Split(n.Text, "\n")
	if len(body) < 4 {
		fail("checkpoint body has fewer than three lines")
	}
	size, err := strconv.ParseInt(body[1], 10, 64)
	if err != nil {
		fail("checkpoint size: " + err.Error())
	}
	root, err := base64.StdEncoding.DecodeString(body[2])
	if err != nil || len(root) != tlog.HashSize {
		fail("checkpoint root hash is not 32 bytes of base64")
	}
	var hash tlog.Hash
	copy(hash[:], root)
	return checkpoint{origin: body[0], size: size, root: hash}
}

func hashes(encoded []string) []tlog.Hash {
	out := make([]tlog.Hash, len(encoded))
	for i, text := range encoded {
		raw, err := base64.StdEncoding.DecodeString(text)
		if err != nil || len(raw) != tlog.HashSize {
			fail(fmt.Sprintf("proof hash %d is not 32 bytes of base64", i))
		}
		copy(out[i][:], raw)
	}
	return out
}

func lines(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		fail(err.Error())
	}
	defer f.Close()
	var out []string
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	for scanner.Scan() {
		if scanner.Text() != "" {
			out = append(out, scanner.Text())
		}
	}
	if err := scanner.Err(); err != nil {
		fail(err.Error())
	}
	return out
}

func read(path string) string {
	data, err := os.ReadFile(path)
	if err != nil {
		fail(err.Error())
	}
	return string(data)
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, message)
	os.Exit(1)
}
