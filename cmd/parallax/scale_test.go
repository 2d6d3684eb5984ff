package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parallax/store"
)

// writeVariedSeeds writes n copies of the five samples, each copy with its own years and
// closing person (distinct events), as gen-corpus does on a small scale.
func writeVariedSeeds(t *testing.T, dir string, copies int) {
	t.Helper()
	names, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("samples: %v", err)
	}
	for c := range copies {
		repl := strings.NewReplacer("2021", fmt.Sprint(1700+c), "2024", fmt.Sprint(1703+c))
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			text := repl.Replace(string(b)) + fmt.Sprintf("\n\nKalo Renva%d.\n", c)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%03d-%s", c, filepath.Base(n))), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestInterruptedAnalysisLeavesWorkspaceIntact: Ctrl+C (or SIGTERM) during `analyze --db W
// --json`, which writes facts and story analyses to the workspace as it goes, exits 130/143
// and leaves a workspace that passes its checks, holds every article, and analyses to the
// same document as an uninterrupted run.
func TestInterruptedAnalysisLeavesWorkspaceIntact(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 200 articles several times")
	}
	src := t.TempDir()
	writeVariedSeeds(t, src, 40)
	ref := filepath.Join(t.TempDir(), "ref.parallax")
	if code := run(context.Background(), []string{"import", "--db", ref, src}, strings.NewReader(""), io.Discard, os.Stderr); code != 0 {
		t.Fatalf("import: exit %d", code)
	}
	var want bytes.Buffer
	if code := run(context.Background(), []string{"analyze", "--db", ref, "--json"}, strings.NewReader(""), &want, os.Stderr); code != 0 {
		t.Fatalf("analyze: exit %d", code)
	}
	for _, sig := range []struct {
		s    syscall.Signal
		code int
		// after is when the signal goes: the machine may be loaded, so the child is given
		// time to start, and a first run is cut while extracting, a second while analysing
		// stories (most facts are then cached).
		after time.Duration
	}{{syscall.SIGINT, 130, 1500 * time.Millisecond}, {syscall.SIGTERM, 143, 3 * time.Second}, {syscall.SIGINT, 130, 3 * time.Second}} {
		ws := filepath.Join(t.TempDir(), "w.parallax")
		if code := run(context.Background(), []string{"import", "--db", ws, src}, strings.NewReader(""), io.Discard, os.Stderr); code != 0 {
			t.Fatalf("import: exit %d", code)
		}
		for round := 0; round < 2; round++ {
			cmd := exec.Command(os.Args[0])
			cmd.Env = append(os.Environ(), mainChildEnv+"="+strings.Join([]string{"analyze", "--db", ws, "--json"}, "\x1f"))
			var stderr bytes.Buffer
			cmd.Stderr, cmd.Stdout = &stderr, io.Discard
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(sig.after)
			cmd.Process.Signal(sig.s)
			err := cmd.Wait()
			var ee *exec.ExitError
			if err != nil && (!errors.As(err, &ee) || ee.ExitCode() != sig.code) {
				t.Errorf("%v after %v: %v, want exit %d\n%s", sig.s, sig.after, err, sig.code, stderr.String())
			}
			t.Logf("%v after %v (round %d): exit %d", sig.s, sig.after, round, cmd.ProcessState.ExitCode())
			db, err := store.Open(ws, store.Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("the interrupted workspace does not open: %v", err)
			}
			if err := db.Check(); err != nil {
				t.Errorf("the interrupted workspace fails its check: %v", err)
			}
			if n, _ := db.ArticleCount(); n != 200 {
				t.Errorf("the interrupted workspace holds %d articles, want 200", n)
			}
			db.Close()
		}
		var got bytes.Buffer
		if code := run(context.Background(), []string{"analyze", "--db", ws, "--json"}, strings.NewReader(""), &got, os.Stderr); code != 0 {
			t.Fatalf("analyze after the interruption: exit %d", code)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%v: the analysis after an interruption differs from an uninterrupted one (%d bytes, want %d)", sig.s, got.Len(), want.Len())
		}
	}
}
