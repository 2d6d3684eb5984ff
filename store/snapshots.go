package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Automatic snapshots: rotated, consistent copies of a workspace file, kept in the folder
// "<workspace>.snapshots" beside it. The CLI takes one before a large import, Open takes one
// before a migration (besides the ".schemaN.bak" copy), the app on a schedule. Each is written
// with bbolt's Tx.WriteTo inside a read transaction, so it is a workspace as of one commit,
// and put in place by rename, so a crash leaves no half snapshot.

// KeepSnapshots is how many snapshots are kept per workspace; older ones are removed.
const KeepSnapshots = 5

// snapshotTime is the layout of the time in a snapshot's file name (UTC, sortable).
const snapshotTime = "20060102T150405.000Z"

// SnapshotFile describes one snapshot of a workspace.
type SnapshotFile struct {
	Path   string    `json:"path"`
	Taken  time.Time `json:"taken"`
	Reason string    `json:"reason"` // "before-import", "scheduled", "before-restore"…
	Size   int64     `json:"size"`
}

// SnapshotDir is the folder that holds the snapshots of the workspace at path.
func SnapshotDir(path string) string { return path + ".snapshots" }

// SaveSnapshot writes a snapshot of the workspace (reason is a short word kept in its name),
// then removes all but the newest KeepSnapshots. It returns the snapshot's path. An empty
// workspace (no articles) is not worth a snapshot: it returns "" and no error.
func (db *DB) SaveSnapshot(reason string) (string, error) {
	return db.saveSnapshot(reason, "")
}

// SaveSnapshotIfChanged is SaveSnapshot, except that it does nothing ("" and no error) when no
// commit was made since this DB's last snapshot: a schedule then does not fill the rotation
// with copies of an idle workspace.
func (db *DB) SaveSnapshotIfChanged(reason string) (string, error) {
	var txid int
	if err := db.view("read workspace version", func(tx *bolt.Tx) error { txid = tx.ID(); return nil }); err != nil {
		return "", err
	}
	db.skipMu.Lock()
	same := db.snapTx == txid
	db.skipMu.Unlock()
	if same {
		return "", nil
	}
	path, err := db.SaveSnapshot(reason)
	if err == nil {
		db.skipMu.Lock()
		db.snapTx = txid
		db.skipMu.Unlock()
	}
	return path, err
}

// saveSnapshot is SaveSnapshot that never prunes the snapshot file protect.
func (db *DB) saveSnapshot(reason, protect string) (string, error) {
	if n, err := db.ArticleCount(); err != nil || n == 0 {
		return "", err
	}
	dir := SnapshotDir(db.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("snapshot of workspace %s: %w", db.path, err)
	}
	name := db.now().UTC().Format(snapshotTime) + "-" + cleanReason(reason) + ".parallax"
	path := filepath.Join(dir, name)
	if err := safely(db.path, func() error { return db.backup(path) }); err != nil {
		return "", fmt.Errorf("snapshot of workspace %s into %s: %w", db.path, dir, err)
	}
	if err := pruneSnapshots(db.path, KeepSnapshots, protect); err != nil {
		return path, err
	}
	return path, nil
}

func cleanReason(r string) string {
	r = strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
			return c
		}
		return '-'
	}, strings.ToLower(r))
	if r == "" {
		return "manual"
	}
	return r
}

// Snapshots lists the snapshots of the workspace at path, newest first.
func Snapshots(path string) ([]SnapshotFile, error) {
	entries, err := os.ReadDir(SnapshotDir(path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list snapshots of %s: %w", path, err)
	}
	var out []SnapshotFile
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasSuffix(name, ".parallax") || len(name) < len(snapshotTime) {
			continue
		}
		taken, err := time.Parse(snapshotTime, name[:len(snapshotTime)])
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		reason := strings.TrimSuffix(strings.TrimPrefix(name[len(snapshotTime):], "-"), ".parallax")
		out = append(out, SnapshotFile{Path: filepath.Join(SnapshotDir(path), name), Taken: taken, Reason: reason, Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Taken.After(out[j].Taken) })
	return out, nil
}

func pruneSnapshots(path string, keep int, protect string) error {
	snaps, err := Snapshots(path)
	if err != nil {
		return err
	}
	for i := keep; i < len(snaps); i++ {
		if protect != "" && sameFile(snaps[i].Path, protect) {
			continue
		}
		if err := os.Remove(snaps[i].Path); err != nil {
			return fmt.Errorf("remove old snapshot: %w", err)
		}
	}
	return nil
}

// RestoreSnapshot replaces the workspace at path with the snapshot file snap. The snapshot must
// pass CheckFile; the workspace must not be open anywhere (ErrLocked otherwise). The current
// workspace is first kept as a snapshot itself ("before-restore") when it can be read, so a
// restore can be undone. The replacement is a copy then a rename: a crash leaves either the
// old workspace or the restored one.
func RestoreSnapshot(path, snap string) error {
	rep, err := CheckFile(snap, time.Second)
	if err != nil {
		return fmt.Errorf("snapshot %s: %w", snap, err)
	}
	if !rep.OK() {
		return fmt.Errorf("snapshot %s is damaged itself (%s); choose another: %w", snap, joinSemicolon(append(rep.Pages, rep.Records...)[:1]), ErrDamaged)
	}
	if _, err := os.Stat(path); err == nil {
		// Keeping the current state also proves nobody holds the workspace for writing.
		if db, err := Open(path, Options{ReadOnly: true, Timeout: time.Second}); err == nil {
			_, err = db.saveSnapshot("before-restore", snap)
			db.Close()
			if err != nil {
				return err
			}
		} else if errors.Is(err, ErrLocked) {
			return err
		}
	}
	lock, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("restore workspace %s: %w", path, err)
	}
	defer lock.Close()
	if err := lockExclusive(lock); err != nil {
		return lockedError(path)
	}
	defer unlock(lock)
	in, err := os.Open(snap)
	if err != nil {
		return fmt.Errorf("restore workspace %s: %w", path, err)
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.restore")
	if err != nil {
		return fmt.Errorf("restore workspace %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = io.Copy(tmp, in)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("restore workspace %s from %s: %w (the workspace was left as it was)", path, snap, err)
	}
	return nil
}

func sameFile(a, b string) bool {
	ia, err1 := os.Stat(a)
	ib, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(ia, ib)
}
