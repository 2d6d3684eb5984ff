package store

import (
	"errors"
	"fmt"
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
	if opts.ReadOnly {
		// bbolt would report a missing file as a bare "no such file"; say which.
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("open workspace %s read-only: %w", path, err)
		}
	} else if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create folder for workspace %s: %w", path, err)
		}
	}
	// A file of zero bytes is one bbolt initialises in place; anything longer must already be a
	// bbolt file, which bbolt itself verifies (magic, version, checksum of the meta pages)
	// before it writes a byte.
	bdb, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly})
	if err != nil {
		return nil, openError(path, err)
	}
	bdb.NoSync = opts.NoSync
	db := &DB{bolt: bdb, path: path, readOnly: opts.ReadOnly, now: time.Now}
	if err := db.prepare(opts.AppVersion); err != nil {
		_ = bdb.Close()
		return nil, err
	}
	return db, nil
}

// openError turns bbolt's open errors into this package's sentinels, naming the file.
func openError(path string, err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return fmt.Errorf("workspace %s is open in another window or process; close it there and try again: %w", path, ErrLocked)
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
	if err := db.bolt.View(fn); err != nil {
		return fmt.Errorf("%s in workspace %s: %w", what, db.path, err)
	}
	return nil
}

// update runs fn in one read-write transaction: all of fn's changes are stored, or none.
func (db *DB) update(what string, fn func(tx *bolt.Tx) error) error {
	if db.readOnly {
		return fmt.Errorf("%s in workspace %s: it is open read-only; reopen it read-write: %w", what, db.path, berrors.ErrDatabaseReadOnly)
	}
	if err := db.bolt.Update(fn); err != nil {
		return fmt.Errorf("%s in workspace %s: %w", what, db.path, err)
	}
	return nil
}
