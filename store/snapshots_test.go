package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestSnapshotsRotateAndRestore takes more snapshots than are kept, checks the rotation, and
// restores an older one over a changed workspace (keeping the changed state as a snapshot).
func TestSnapshotsRotateAndRestore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.parallax")
	db, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 7, 20, 10, 0, 0, 0, time.UTC)
	db.SetClock(func() time.Time { clock = clock.Add(time.Minute); return clock })
	if snap, err := db.SaveSnapshot("empty"); err != nil || snap != "" {
		t.Fatalf("snapshot of an empty workspace: %q %v, want none", snap, err)
	}
	for i := range KeepSnapshots + 2 {
		if _, err := db.ImportDocuments([]ingestDoc{Doc(fmt.Sprintf("a%d.txt", i), "fr", fmt.Sprintf("Pékin a démenti %d.", i))}, clock); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveSnapshot("before-import"); err != nil {
			t.Fatal(err)
		}
	}
	snaps, err := Snapshots(path)
	if err != nil || len(snaps) != KeepSnapshots {
		t.Fatalf("%d snapshots kept (%v), want %d", len(snaps), err, KeepSnapshots)
	}
	oldest := snaps[len(snaps)-1] // holds 3 articles
	if err := RestoreSnapshot(path, oldest.Path); !errors.Is(err, ErrLocked) {
		t.Errorf("restore while the workspace is open: %v, want ErrLocked", err)
	}
	db.Close()
	if err := RestoreSnapshot(path, oldest.Path); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := db.ArticleCount(); n != 3 {
		t.Errorf("restored workspace holds %d articles, want 3", n)
	}
	db.Close()
	snaps, _ = Snapshots(path)
	if snaps[0].Reason != "before-restore" {
		t.Errorf("newest snapshot is %q, want the state before the restore", snaps[0].Reason)
	}
	// A damaged snapshot is refused.
	bad := filepath.Join(t.TempDir(), "bad.parallax")
	data := FileBytes(t, snaps[1].Path)
	os.WriteFile(bad, data[:len(data)/2], 0o600)
	if err := RestoreSnapshot(path, bad); !errors.Is(err, ErrDamaged) {
		t.Errorf("restore from a truncated snapshot: %v, want ErrDamaged", err)
	}
}
