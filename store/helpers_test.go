package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"parallax/store/ingest"
)

// MustOpenDB opens a new workspace under t.TempDir() and, when the test ends, closes it after
// checking it with Check (bbolt's page check and the store's invariants), like bbolt's
// btesting.MustCreateDB. Exported so the black-box tests in package store_test use it too.
func MustOpenDB(t testing.TB) *DB {
	t.Helper()
	return MustOpenDBAt(t, filepath.Join(t.TempDir(), "workspace.parallax"))
}

// MustOpenDBAt is MustOpenDB for a chosen path.
func MustOpenDBAt(t testing.TB, path string) *DB {
	t.Helper()
	db, err := Open(path, Options{Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if db.closed.Load() { // the test closed it; check the file it left
			var err error
			if db, err = Open(path, Options{ReadOnly: true}); err != nil {
				t.Errorf("reopen to check after test: %v", err)
				return
			}
		}
		if err := db.Check(); err != nil {
			t.Errorf("workspace check after test: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return db
}

// SetClock replaces the clock the store uses for timestamps the caller does not give.
func (db *DB) SetClock(now func() time.Time) { db.now = now }

// Doc is a shorthand for a plain-text document in tests.
func Doc(source, lang, text string) ingest.Document {
	return ingest.Document{Source: source, Lang: lang, LangFrom: "detected", Format: "txt", Text: text}
}

// FileBytes reads a file or fails the test.
func FileBytes(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type ingestDoc = ingest.Document
