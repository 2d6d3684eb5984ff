package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parallax/store/analysis"
)

// TestAnalyzeFilesJSON_Batches: analyze --json DIR stores the files in its throwaway workspace
// a few at a time (here 7, so 60 articles take nine batches) and writes the same document,
// and the same notes, as reading every file first and importing them at once
// (analysis.DocumentsJSON over ingestPaths, what it did before).
func TestAnalyzeFilesJSON_Batches(t *testing.T) {
	defer func(n int) { importBatch = n }(importBatch)
	importBatch = 7
	src := t.TempDir()
	writeVariedSeeds(t, src, 12)
	if err := os.WriteFile(filepath.Join(src, "gold.json"), []byte(`{"event": "x"}`), 0o644); err != nil {
		t.Fatal(err)
	}

	docs, sets, err := ingestPaths(context.Background(), []string{src})
	if err != nil || len(docs) != 60 || len(sets) != 1 {
		t.Fatalf("ingestPaths: %d documents, %d sets, %v", len(docs), len(sets), err)
	}
	var want bytes.Buffer
	if err := analysis.DocumentsJSON(t.TempDir(), docs, &want, analysis.Options{}); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "analyze", "--json", src)
	if r.code != 0 {
		t.Fatalf("analyze --json: exit %d\n%s", r.code, r.stderr)
	}
	if r.stdout != want.String() {
		t.Errorf("analyze --json in batches differs from one import (%d bytes, want %d)", len(r.stdout), want.Len())
	}
	if !strings.Contains(r.stderr, "skipped") || !strings.Contains(r.stderr, "gold.json") {
		t.Errorf("stderr does not say the .json file was skipped: %q", r.stderr)
	}
}

// TestAnalyzeFilesJSON_ErrorsAsBefore: files that cannot be read are all reported, as
// before, even when batches of the good ones were already stored in the throwaway
// workspace; nothing is written to stdout.
func TestAnalyzeFilesJSON_ErrorsAsBefore(t *testing.T) {
	defer func(n int) { importBatch = n }(importBatch)
	importBatch = 3
	src := t.TempDir()
	writeVariedSeeds(t, src, 4)
	// One empty file early and one late: batches are stored before and after the first.
	for _, name := range []string{"c000-a-empty.txt", "c003-z-empty.txt"} {
		if err := os.WriteFile(filepath.Join(src, name), []byte(" \n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, _, wantErr := ingestPaths(context.Background(), []string{src})
	if wantErr == nil {
		t.Fatal("ingestPaths accepted empty files")
	}
	r := runCLI(t, "analyze", "--json", src)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, wantErr.Error()) || !strings.Contains(r.stderr, "2 files could not be read") {
		t.Errorf("stderr %q\nwant it to hold %q", r.stderr, wantErr.Error())
	}
	if r.stdout != "" {
		t.Errorf("stdout holds %d bytes after a refused input, want none", len(r.stdout))
	}
}

// TestAnalyzeFilesJSON_InterruptLeavesNothing: Ctrl+C while analyze --json DIR reads and
// stores its files (or analyses them) exits 130 and leaves nothing in the temporary folder:
// the batches stored so far go with the throwaway workspace.
func TestAnalyzeFilesJSON_InterruptLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 300 articles twice")
	}
	src := t.TempDir()
	writeVariedSeeds(t, src, 60)
	for _, after := range []time.Duration{1200 * time.Millisecond, 2500 * time.Millisecond} {
		tmp := t.TempDir()
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "TMPDIR="+tmp, mainChildEnv+"="+strings.Join([]string{"analyze", "--json", src}, "\x1f"))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGINT)
		err := cmd.Wait()
		var ee *exec.ExitError
		if err == nil {
			t.Logf("after %v: the analysis had already finished", after)
		} else if !errors.As(err, &ee) || ee.ExitCode() != 130 {
			t.Errorf("SIGINT after %v: %v, want exit 130\n%s", after, err, stderr.String())
		}
		left, _ := os.ReadDir(tmp)
		for _, e := range left {
			t.Errorf("SIGINT after %v: %s was left in the temporary folder", after, e.Name())
		}
	}
}
