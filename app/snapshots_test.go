package app_test

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/store"
	"parallax/store/ingest"
)

// TestWorkbench_RestoreSnapshot: File → Restore snapshot puts an earlier state of the
// workspace back and shows it, keeping the state it replaced as a snapshot.
func TestWorkbench_RestoreSnapshot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ws.parallax")
	db, err := store.Open(path, store.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	u := app.Create(a, w, db, app.Options{Samples: func() ([]ingest.Document, error) { return seedDocs(t), nil }})
	u.WaitIdle()
	t.Cleanup(func() { u.DB().Close() })
	snap, err := u.DB().SaveSnapshot("test")
	if err != nil || snap == "" {
		t.Fatalf("snapshot: %q %v", snap, err)
	}
	if _, err := u.DB().ImportDocuments([]ingest.Document{{Source: "later.txt", Lang: "fr", Format: "txt", Text: "Pékin a démenti plus tard."}}, time.Now()); err != nil {
		t.Fatal(err)
	}
	u.RestoreSnapshot(snap)
	u.WaitIdle()
	if n, _ := u.DB().ArticleCount(); n != 5 {
		t.Errorf("after restoring, the workspace holds %d articles, want the 5 of the snapshot", n)
	}
	if n := len(u.Library.Rows()); n != 5 {
		t.Errorf("the library shows %d articles, want 5", n)
	}
	snaps, _ := store.Snapshots(path)
	if len(snaps) != 2 || snaps[0].Reason != "before-restore" {
		t.Errorf("snapshots after the restore: %+v, want the replaced state kept", snaps)
	}
}
