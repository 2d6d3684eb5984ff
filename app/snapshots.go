package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax/store"
)

// snapshotEvery is how often the window keeps a snapshot of the open workspace (when it
// changed since the last one).
const snapshotEvery = 30 * time.Minute

// scheduleSnapshots keeps a rotated snapshot of the open workspace every snapshotEvery while
// the window is open.
func (u *UI) scheduleSnapshots() {
	go func() {
		t := time.NewTicker(snapshotEvery)
		defer t.Stop()
		for range t.C {
			var db *store.DB
			fyne.DoAndWait(func() { db = u.db })
			if db == nil || db.ReadOnly() {
				continue
			}
			if _, err := db.SaveSnapshotIfChanged("scheduled"); err != nil {
				fyne.LogError("Parallax: scheduled snapshot", err)
			}
		}
	}()
}

// RestoreSnapshotDialog lists the workspace's snapshots and puts the chosen one back.
func (u *UI) RestoreSnapshotDialog() {
	snaps, err := store.Snapshots(u.db.Path())
	if err != nil {
		u.showError(err)
		return
	}
	if len(snaps) == 0 {
		dialog.ShowInformation("No snapshots yet", "Parallax keeps a snapshot of the workspace before each large import and every 30 minutes while the window is open. This workspace has none yet.", u.win)
		return
	}
	labels := make([]string, len(snaps))
	for i, s := range snaps {
		labels[i] = fmt.Sprintf("%s — %s (%.0f KiB)", s.Taken.Local().Format("2006-01-02 15:04"), s.Reason, float64(s.Size)/1024)
	}
	sel := widget.NewSelect(labels, nil)
	sel.SetSelectedIndex(0)
	msg := widget.NewLabel("Put this snapshot back in place of the workspace?\nThe workspace as it is now is kept as a snapshot first, so this can be undone.")
	dialog.ShowCustomConfirm("Restore snapshot", "Restore", "Cancel", container.NewVBox(msg, sel), func(ok bool) {
		if ok && sel.SelectedIndex() >= 0 {
			u.RestoreSnapshot(snaps[sel.SelectedIndex()].Path)
		}
	}, u.win)
}

// RestoreSnapshot closes the workspace, puts the snapshot file snap in its place (keeping the
// current state as a snapshot) and opens it again. Call it on Fyne's goroutine.
func (u *UI) RestoreSnapshot(snap string) {
	old := u.db
	path := old.Path()
	u.Status.SetText("Restoring a snapshot…")
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		_ = old.Close() // waits for running reads; the workspace file must be free to replace
		if err := store.RestoreSnapshot(path, snap); err != nil {
			u.showError(userError{title: "Cannot restore the snapshot", err: err})
		}
		fyne.DoAndWait(func() { u.OpenWorkspace(path) }) // the restored one, or the old one again
	}()
}
