package store_test

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"parallax/store"
)

func TestOpen_CreatesPrivateFileAndFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	path := filepath.Join(dir, "w.parallax")
	db := store.MustOpenDBAt(t, path)
	if db.Path() != path {
		t.Errorf("Path() = %q, want %q", db.Path(), path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("workspace mode %v, want 0600", got)
	}
	di, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := di.Mode().Perm(); got != 0o700 {
		t.Errorf("folder mode %v, want 0700", got)
	}
	tags, err := db.Tags()
	if err != nil || len(tags) != 9 {
		t.Errorf("new workspace tags = %v, %v; want the 9 defaults", tags, err)
	}
}

func TestOpen_LockedInProcess(t *testing.T) {
	db := store.MustOpenDB(t)
	start := time.Now()
	_, err := store.Open(db.Path(), store.Options{Timeout: 100 * time.Millisecond})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
	// Issue 14.10: the message said "open in another window…" twice.
	if n := strings.Count(err.Error(), "another window"); n != 1 || !strings.Contains(err.Error(), db.Path()) {
		t.Errorf("locked message %q: want the file named and the advice given once", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("second Open took %v; it must give up after its timeout", d)
	}
}

// A real second process holds the workspace: Open must fail fast with a message naming the file
// and saying what to do, and must not have changed the file.
func TestOpen_LockedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "held.parallax")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	before := store.FileBytes(t, path)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "PARALLAX_STORE_TEST_CHILD=hold", "PARALLAX_STORE_TEST_PATH="+path)
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = stdin.Close(); _ = cmd.Wait() }()
	buf := make([]byte, 6)
	if _, err := stdout.Read(buf); err != nil || string(buf) != "ready\n" {
		t.Fatalf("child did not get the workspace: %q %v", buf, err)
	}

	for _, ro := range []bool{false, true} {
		start := time.Now()
		_, err = store.Open(path, store.Options{Timeout: 300 * time.Millisecond, ReadOnly: ro})
		elapsed := time.Since(start)
		if !errors.Is(err, store.ErrLocked) {
			t.Fatalf("Open (read-only %v) while another process holds it: %v, want ErrLocked", ro, err)
		}
		if elapsed > 2*time.Second {
			t.Errorf("Open took %v to give up", elapsed)
		}
		if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, "another window or process") {
			t.Errorf("message %q should name the file and the other window", msg)
		}
	}
	if !bytes.Equal(before, store.FileBytes(t, path)) {
		t.Error("a refused Open changed the file")
	}
}

func foreignBolt(t *testing.T, path string, fill func(tx *bolt.Tx) error) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Update(fill); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpen_NotAWorkspaceIsLeftUntouched(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 16<<10)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"), random[:5000]...)
	cases := []struct {
		name  string
		write func(t *testing.T, path string)
	}{
		{"random bytes", func(t *testing.T, p string) { _ = os.WriteFile(p, random, 0o644) }},
		{"png", func(t *testing.T, p string) { _ = os.WriteFile(p, png, 0o644) }},
		{"short text", func(t *testing.T, p string) { _ = os.WriteFile(p, []byte("Pékin a démenti.\n"), 0o644) }},
		{"long text", func(t *testing.T, p string) {
			_ = os.WriteFile(p, bytes.Repeat([]byte("Пекин отверг обвинения. "), 1000), 0o644)
		}},
		{"zeros", func(t *testing.T, p string) { _ = os.WriteFile(p, make([]byte, 8192), 0o644) }},
		{"bbolt of another program", func(t *testing.T, p string) {
			foreignBolt(t, p, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("users"))
				if err != nil {
					return err
				}
				return b.Put([]byte("alice"), []byte("x"))
			})
		}},
		{"bbolt with a foreign meta bucket", func(t *testing.T, p string) {
			foreignBolt(t, p, func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("meta"))
				if err != nil {
					return err
				}
				return b.Put([]byte("format"), []byte("someone-else"))
			})
		}},
	}
	for _, tc := range cases {
		for _, ro := range []bool{false, true} {
			t.Run(tc.name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "file.parallax")
				tc.write(t, path)
				before := store.FileBytes(t, path)
				db, err := store.Open(path, store.Options{ReadOnly: ro})
				if err == nil {
					db.Close()
					t.Fatalf("Open (read-only %v) accepted it", ro)
				}
				if !errors.Is(err, store.ErrNotWorkspace) {
					t.Fatalf("Open: %v, want ErrNotWorkspace", err)
				}
				if !strings.Contains(err.Error(), path) {
					t.Errorf("message %q does not name the file", err)
				}
				if !bytes.Equal(before, store.FileBytes(t, path)) {
					t.Error("the file was changed")
				}
			})
		}
	}
}

// A zero-byte file holds nothing to lose: it becomes a new workspace.
func TestOpen_EmptyFileBecomesWorkspace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.parallax")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	db := store.MustOpenDBAt(t, path)
	if n, err := db.ArticleCount(); err != nil || n != 0 {
		t.Fatalf("ArticleCount = %d, %v", n, err)
	}
}

func TestOpen_NewerSchemaIsLeftUntouched(t *testing.T) {
	path := filepath.Join(t.TempDir(), "future.parallax")
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	foreignBolt(t, path, func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("99"))
	})
	before := store.FileBytes(t, path)
	for _, ro := range []bool{false, true} {
		_, err = store.Open(path, store.Options{ReadOnly: ro})
		if !errors.Is(err, store.ErrNewerSchema) {
			t.Fatalf("Open (read-only %v): %v, want ErrNewerSchema", ro, err)
		}
		if !strings.Contains(err.Error(), "99") || !strings.Contains(err.Error(), path) {
			t.Errorf("message %q should name the file and its schema", err)
		}
	}
	if !bytes.Equal(before, store.FileBytes(t, path)) {
		t.Error("the file was changed")
	}
}

func TestOpen_ReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.parallax")
	if _, err := store.Open(path, store.Options{ReadOnly: true}); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("read-only Open of a missing file: %v, want ErrNotExist", err)
	}
	db, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ImportDocuments(nil, time.Now()); err != nil {
		t.Fatal(err)
	}
	db.Close()
	r1, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := store.Open(path, store.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("a second reader should share the file: %v", err)
	}
	defer r2.Close()
	if _, err := r1.Tags(); err != nil {
		t.Fatal(err)
	}
	if err := r1.PutTags(store.DefaultTags()); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Fatalf("write on a read-only workspace: %v", err)
	}
	if err := r1.Check(); err != nil {
		t.Fatal(err)
	}
}
