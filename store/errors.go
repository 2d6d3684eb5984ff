package store

import "errors"

// Errors returned by this package. They are sentinels: callers test them with errors.Is, and
// every error returned by a DB method wraps one of them (or an I/O error) with %w together with
// the workspace file's path and what was being done, so the message alone tells the user what
// failed and what to do.
//
// The UI decides from the sentinel how to show the error: ErrLocked, ErrNotWorkspace,
// ErrNewerSchema, ErrNeedsMigration, ErrNotFound and ErrInvalid are the user's to fix and get a
// friendly dialog; anything else is an internal or I/O failure to log.
var (
	// ErrLocked is returned by Open when another process (or another window of this one) holds
	// the workspace file open for writing and does not release it within Options.Timeout.
	ErrLocked = errors.New("workspace is open in another window or process; close it there and try again")

	// ErrNotWorkspace is returned by Open when the file exists but is not a Parallax workspace:
	// not a bbolt file at all (a PNG, a text file, random bytes) or a bbolt file written by
	// another program. Open never writes to such a file, never "repairs" or overwrites it.
	ErrNotWorkspace = errors.New("not a Parallax workspace")

	// ErrNewerSchema is returned by Open when the workspace was written by a newer Parallax
	// whose schema this build does not know. The file is left untouched; upgrade Parallax.
	ErrNewerSchema = errors.New("workspace was written by a newer version of Parallax; upgrade Parallax to open it")

	// ErrNeedsMigration is returned by Open with Options.ReadOnly when the workspace has an
	// older schema: migrating it needs write access. Open it once read-write.
	ErrNeedsMigration = errors.New("workspace has an older schema and must be opened read-write once to upgrade it")

	// ErrDamaged is returned when the workspace file fails its check: a page out of place, a
	// truncated file, a freelist that disagrees with the tree (Open, before anything is
	// written), or a record whose text no longer matches its hash (Open for writing). Nothing is
	// ever written to a damaged workspace; Check lists the problems and Salvage copies what can
	// be read into a new one.
	ErrDamaged = errors.New("workspace is damaged")

	// ErrNotFound is returned when an article, revision, highlight or other record asked for by
	// its key does not exist.
	ErrNotFound = errors.New("not found")

	// ErrInvalid is returned when a value handed to the store breaks its rules: a highlight
	// outside its article's text or splitting a character, a duplicate tag key, a document with
	// no text, a date that is not ISO 8601, and so on. Nothing is written.
	ErrInvalid = errors.New("invalid")
)
