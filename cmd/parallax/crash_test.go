package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"parallax/store"
)

// crashChildEnv switches the test binary into the child role of TestImportSurvivesSIGKILL.
const crashChildEnv = "PARALLAX_CRASH_CHILD"

// TestMain lets the test binary act as `parallax` itself for the crash test's child process.
func TestMain(m *testing.M) {
	if spec, ok := os.LookupEnv(mainChildEnv); ok {
		// The test binary is `parallax` itself, signals and all.
		os.Exit(runMain(strings.Split(spec, "\x1f")))
	}
	if spec := os.Getenv(crashChildEnv); spec != "" {
		// spec is "DB|DIR1|DIR2|…": import each directory with its own command, as a user
		// running a script of imports would.
		parts := strings.Split(spec, "|")
		for _, dir := range parts[1:] {
			if code := run(context.Background(), []string{"import", "--db", parts[0], dir}, strings.NewReader(""), io.Discard, os.Stderr); code != 0 {
				os.Exit(code)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestImportSurvivesSIGKILL imports batches of files through the real command in a child
// process and kills it with SIGKILL at random moments. After every kill the workspace must
// open, pass bbolt's and the store's consistency checks, and hold each batch either whole or
// not at all.
func TestImportSurvivesSIGKILL(t *testing.T) {
	rounds, batches, perBatch := 12, 6, 40
	if testing.Short() {
		rounds = 3
	}
	base := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	langs := []string{"Pékin a démenti les accusations %d.", "Чжао Лицзянь заявил %d.", "Trung Quốc bác bỏ cáo buộc %d.", "نفت الصين الاتهامات %d.", "中国否认指控 %d。"}
	var dirs []string
	batchOf := make(map[string]int) // source path → batch
	for b := range batches {
		dir := filepath.Join(base, fmt.Sprintf("batch%02d", b))
		os.MkdirAll(dir, 0o755)
		for i := range perBatch {
			p := filepath.Join(dir, fmt.Sprintf("a%03d.txt", i))
			body := strings.Repeat(fmt.Sprintf(langs[(b+i)%len(langs)], b*1000+i)+" ", 50+rng.IntN(400))
			os.WriteFile(p, []byte(body+"\n"), 0o644)
			batchOf[p] = b
		}
		dirs = append(dirs, dir)
	}

	for round := range rounds {
		db := filepath.Join(base, fmt.Sprintf("w%02d.parallax", round))
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+db+"|"+strings.Join(dirs, "|"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.IntN(1500)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		if _, err := os.Stat(db); err != nil {
			continue // killed before the workspace was created
		}
		d, err := store.Open(db, store.Options{Timeout: 5 * time.Second})
		if err != nil {
			t.Fatalf("round %d: workspace does not open after SIGKILL: %v", round, err)
		}
		if err := d.Check(); err != nil {
			t.Fatalf("round %d: consistency check failed: %v", round, err)
		}
		arts, err := d.Articles()
		if err != nil {
			t.Fatal(err)
		}
		perBatchSeen := make(map[int]int)
		for _, a := range arts {
			b, ok := batchOf[a.Source]
			if !ok {
				t.Fatalf("round %d: unexpected article source %q", round, a.Source)
			}
			want, _ := os.ReadFile(a.Source)
			if a.Text != string(want) {
				t.Fatalf("round %d: %s holds a partial text", round, a.Source)
			}
			perBatchSeen[b]++
		}
		for b, n := range perBatchSeen {
			if n != perBatch {
				t.Errorf("round %d: batch %d is half imported (%d of %d articles)", round, b, n, perBatch)
			}
		}
		d.Close()
		t.Logf("round %d: killed with %d of %d batches stored", round, len(perBatchSeen), batches)
	}
}
