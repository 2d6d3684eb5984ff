package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DefaultTimeout is how long Open waits for another process to release the workspace file
// before it gives up with ErrLocked.
const DefaultTimeout = time.Second

// Options configure Open. The zero value is ready to use.
type Options struct {
	// Timeout is how long to wait for the file lock held by another process; 0 means
	// DefaultTimeout. Open never blocks forever.
	Timeout time.Duration
	// ReadOnly opens the workspace with a shared lock and refuses every write. Several
	// read-only openers may share a file; a writer excludes them all.
	ReadOnly bool
	// AppVersion is the Parallax version recorded in the workspace's meta bucket as the
	// creator (on creation) and last writer (on migration). "" records "dev".
	AppVersion string
	// NoSync skips fsync after each commit. Only for throwaway workspaces (analyze without
	// --db, tests): a crash may then lose or damage recent commits.
	NoSync bool
}

// Bucket names. Every top-level bucket a workspace of the current schema holds is listed in
// allBuckets; Check reports any other.
var (
	bucketMeta       = []byte("meta")
	bucketArticles   = []byte("articles")   // id → Article (current revision)
	bucketRevisions  = []byte("revisions")  // id → bucket: revision (uint32 BE) → Article (older revisions)
	bucketHashes     = []byte("hashes")     // hex SHA-256 of text → hashRef
	bucketHighlights = []byte("highlights") // article id → bucket: highlight id → Highlight
	bucketTags       = []byte("tags")       // position (uint32 BE) → Tag
	bucketAliases    = []byte("aliases")    // surface → LearnedAlias
	bucketVerdicts   = []byte("verdicts")   // discrepancy key → Verdict
	bucketLinks      = []byte("links")      // link id → ManualLink
	bucketStories    = []byte("stories")    // article id → StoryOverride
	bucketFacts      = []byte("facts")      // article id → bucket: revision (uint32 BE) + extractor version → []compare.Fact
	bucketPages      = []byte("pages")      // article id → bucket: revision (uint32 BE) → gzip of the page as served

	allBuckets = [][]byte{
		bucketMeta, bucketArticles, bucketRevisions, bucketHashes, bucketHighlights, bucketTags,
		bucketAliases, bucketVerdicts, bucketLinks, bucketStories, bucketFacts, bucketPages,
	}
)

// DB is an open workspace. Its methods are safe for concurrent use: reads run in parallel
// bbolt read transactions, writes are serialised by bbolt. Every method that changes anything
// does it in exactly one read-write transaction, so a change is either wholly stored or not at
// all, even if the process is killed.
type DB struct {
	bolt     *bolt.DB
	path     string
	readOnly bool

	// now is the clock for timestamps the caller does not give; tests replace it.
	now func() time.Time

	skipMu  sync.Mutex // guards skipped, seen and snapTx
	skipped []string
	seen    map[string]bool
	snapTx  int // transaction id of the last SaveSnapshotIfChanged

	closeOnce sync.Once
	closed    atomic.Bool
	closeErr  error
}

// Open opens the workspace at path, creating it (mode 0600, and its directory 0700) when it
// does not exist, and upgrading it when it was written with an older schema.
//
// Open fails with ErrLocked when another process holds the file longer than opts.Timeout,
// ErrNotWorkspace when the file is something else, ErrNewerSchema when a newer Parallax wrote
// it, ErrNeedsMigration when it is old and opts.ReadOnly is set. In each case the file is left
// exactly as it was.
func Open(path string, opts Options) (*DB, error) {
	if path == "" {
		return nil, fmt.Errorf("open workspace: no file name given: %w", ErrInvalid)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.AppVersion == "" {
		opts.AppVersion = "dev"
	}
	info, statErr := os.Stat(path)
	switch {
	case statErr == nil && fileKind(info.Mode()) != "":
		return nil, &userError{msg: fmt.Sprintf("%s is %s, not a workspace file; give the path of a workspace (a .parallax file)", path, fileKind(info.Mode())), sentinel: ErrNotWorkspace}
	case statErr != nil && opts.ReadOnly:
		return nil, fmt.Errorf("open workspace %s read-only: %w", path, statErr)
	case statErr != nil && !errors.Is(statErr, fs.ErrNotExist):
		return nil, fmt.Errorf("open workspace %s: %w", path, statErr)
	case statErr != nil:
		if dir := filepath.Dir(path); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return nil, fmt.Errorf("create folder for workspace %s: %w", path, err)
			}
		}
	case info.Size() > 0:
		// Verify the pages before bbolt reads them: bbolt trusts its pages and panics, faults or
		// loops on damaged ones, and a writer would spread the damage.
		problems, err := verifyFile(path, opts.Timeout)
		switch {
		case errors.Is(err, ErrLocked):
			return nil, lockedError(path)
		case err != nil && isNoMeta(err):
			return nil, &userError{msg: fmt.Sprintf("%s is not a Parallax workspace (%v); it was left untouched, choose another file", path, err), sentinel: ErrNotWorkspace}
		case err != nil:
			return nil, fmt.Errorf("open workspace %s: %w", path, err)
		case len(problems) > 0:
			return nil, damaged(path, problems)
		}
	}
	// A file of zero bytes is one bbolt initialises in place; anything longer must already be a
	// bbolt file, which bbolt itself verifies (magic, version, checksum of the meta pages)
	// before it writes a byte.
	var bdb *bolt.DB
	err := safely(path, func() error {
		var err error
		bdb, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly})
		return err
	})
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			return nil, err
		}
		return nil, openError(path, err)
	}
	bdb.NoSync = opts.NoSync
	db := &DB{bolt: bdb, path: path, readOnly: opts.ReadOnly, now: time.Now}
	if err := safely(path, func() error { return db.prepare(opts.AppVersion) }); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	if !opts.ReadOnly {
		// Writes are refused on a workspace that fails its check: a write into a damaged file
		// spreads the damage. Reading stays possible (export skips and names what it cannot
		// read).
		var problems []string
		err := safely(path, func() error {
			return bdb.View(func(tx *bolt.Tx) error {
				checkLogical(tx, func(format string, args ...any) {
					if len(problems) < maxProblems {
						problems = append(problems, fmt.Sprintf(format, args...))
					}
				})
				return nil
			})
		})
		if err == nil && len(problems) > 0 {
			err = damaged(path, problems)
		}
		if err != nil {
			_ = bdb.Close()
			return nil, err
		}
	}
	return db, nil
}

// openError turns bbolt's open errors into this package's sentinels, naming the file.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return lockedError(path)
	}
	var pathErr *os.PathError
	var errno syscall.Errno
	if errors.As(err, &pathErr) || errors.As(err, &errno) {
		return fmt.Errorf("open workspace %s: %w", path, err) // permissions, disk, missing file
	}
	// Everything else bbolt refuses a file with is about its content: bad magic, version or
	// checksum of the meta pages (ErrInvalid, ErrVersionMismatch, ErrChecksum), or a file too
	// short to hold them ("file size too small"). bbolt has written nothing in these cases.
	return fmt.Errorf("%s is not a Parallax workspace (%v); it was left untouched, choose another file: %w", path, err, ErrNotWorkspace)
}

// lockedError says that another process holds the file, once.
func lockedError(path string) error {
	return &userError{msg: fmt.Sprintf("workspace %s is open in another window or process; close it there and try again", path), sentinel: ErrLocked}
}

// skip records a record that a read left out because it could not be read.
func (db *DB) skip(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	db.skipMu.Lock()
	defer db.skipMu.Unlock()
	if db.seen == nil {
		db.seen = map[string]bool{}
	}
	if !db.seen[msg] {
		db.seen[msg] = true
		db.skipped = append(db.skipped, msg)
	}
}

// Skipped lists the records that reads of this DB left out because they were damaged (a
// record that does not decode, a text that does not match its hash), each once, in the order
// met. Reads of a damaged workspace return everything else; the caller tells the user what is
// missing.
func (db *DB) Skipped() []string {
	db.skipMu.Lock()
	defer db.skipMu.Unlock()
	return append([]string(nil), db.skipped...)
}

// Path returns the workspace file's path as given to Open.
func (db *DB) Path() string { return db.path }

// ReadOnly reports whether the workspace was opened read-only.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Close releases the workspace file and its lock. It waits for running transactions. Calling
// it again returns the first call's result.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		db.closed.Store(true)
		if err := db.bolt.Close(); err != nil {
			db.closeErr = fmt.Errorf("close workspace %s: %w", db.path, err)
		}
	})
	return db.closeErr
}

// view runs fn in a read transaction; errors are wrapped with what and the file name.
func (db *DB) view(what string, fn func(tx *bolt.Tx) error) error {
	if err := safely(db.path, func() error { return db.bolt.View(fn) }); err != nil {
		return fmt.Errorf("%s in workspace %s: %w", what, db.path, err)
	}
	return nil
}

// update runs fn in one read-write transaction: all of fn's changes are stored, or none.
func (db *DB) update(what string, fn func(tx *bolt.Tx) error) error {
	if db.readOnly {
		return fmt.Errorf("%s in workspace %s: it is open read-only; reopen it read-write: %w", what, db.path, berrors.ErrDatabaseReadOnly)
	}
	if err := safely(db.path, func() error { return db.bolt.Update(fn) }); err != nil {
		return fmt.Errorf("%s in workspace %s: %w", what, db.path, err)
	}
	return nil
}
