// Package store persists a Parallax workspace: articles and their revisions, the analyst's
// highlights, tag set, learned aliases, verdicts, manual links and story overrides, and a cache
// of extracted facts. A workspace is one bbolt (go.etcd.io/bbolt) file.
//
// # Opening
//
// Open creates the file (mode 0600, its folder 0700) or opens an existing one. It never waits
// forever for another process: after Options.Timeout it fails with ErrLocked, whose message
// tells the user to close the workspace in the other window. A file that is not a workspace
// (ErrNotWorkspace) or comes from a newer Parallax (ErrNewerSchema) is left byte for byte as it
// was.
//
// # Schema and migrations
//
// The meta bucket holds a format marker and the schema version (SchemaVersion). Open upgrades
// an older workspace by running the registered migrations (each from schema N to N+1) in one
// read-write transaction, after copying the file to "<file>.schema<N>.bak". If a step fails,
// the transaction rolls back and the file is unchanged. Schema 0 is what pre-release builds
// wrote: no meta bucket, and only the articles, highlights and tags buckets.
//
// # Transactions
//
// Every method that changes the workspace runs exactly one bbolt read-write transaction, so
// each user action is stored whole or not at all — also when the process is killed, which a
// test does at random moments. ImportDocuments stores a whole batch of files in one
// transaction. Read methods run in read transactions and may run concurrently with each other
// and with one writer.
//
// # Articles, revisions and deduplication
//
// An article's ID is derived from its URL, else its source path, else its text's SHA-256: the
// first 12 hex digits of SHA-256 of that identity, longer only if another article already has
// the prefix. Importing a text that is already stored (same SHA-256) changes nothing; new text
// from the same URL or source becomes the article's next revision, and the older revisions stay
// readable. Highlights name the revision they were made on.
//
// # Offsets
//
// Every span ([Start, End) of a highlight or a link member) counts Unicode code points of the
// article text, which is stored in NFC exactly as ingest produced it. A span must not split a
// grapheme cluster (a letter and its combining marks, an emoji sequence, a flag).
//
// # Caveats
//
// Values returned by this package are copies decoded from the file, safe to keep and change
// after the call returns. Code added to this package must keep it that way: a []byte obtained
// from bbolt inside a transaction (Get, Cursor, ForEach) points into the memory-mapped file and
// is valid only until that transaction ends; copy it out (bytes.Clone, or decode it) before
// returning, and never modify it.
//
// bbolt locks the file per open file description: a second Open of the same file in the same
// process, like one in another process, gets ErrLocked while the first is open read-write.
//
// Long read transactions keep pages from being reused and make the file grow; the read
// methods here finish their transaction before returning.
//
// Stored values are JSON; fields added later read as zero values from older records.
package store
