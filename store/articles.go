package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"parallax/store/ingest"
)

// MaxTextBytes is the largest article text the store accepts (64 MiB). Ingest refuses larger
// files earlier with its own, lower limit; this one keeps a bad caller from writing values
// bbolt would choke on.
const MaxTextBytes = 64 << 20

// FromAnalyst is the value of Article.TitleFrom, LangFrom and PublishedFrom once the analyst has
// edited that field. A new revision of the article keeps such fields instead of taking the
// re-imported file's.
const FromAnalyst = "analyst"

// ImportStatus says what ImportDocuments did with one document.
type ImportStatus string

// The outcomes of importing one document.
const (
	// StatusAdded: a new article (revision 1).
	StatusAdded ImportStatus = "added"
	// StatusRevised: new text for an article already stored from the same URL or source; it
	// is stored as the next revision and the previous one kept.
	StatusRevised ImportStatus = "revised"
	// StatusUnchanged: the exact text is already stored (under this source or another); nothing
	// was written for it.
	StatusUnchanged ImportStatus = "unchanged"
	// StatusSyndicated: the exact text is stored, from another outlet; the article now
	// records this outlet too (Article.AlsoRan).
	StatusSyndicated ImportStatus = "syndicated"
)

// ImportedDoc is the outcome for one document of an import, in the order given.
type ImportedDoc struct {
	Source   string       `json:"source"`
	ID       string       `json:"id"`       // the article that now holds this text
	Revision int          `json:"revision"` // the revision that holds it
	Status   ImportStatus `json:"status"`
	// SameAs is, for an unchanged document, the source of the stored article whose text it
	// repeats when that is another source ("" otherwise).
	SameAs string `json:"same_as,omitempty"`
}

// ImportResult reports an import: one entry per document and the totals.
type ImportResult struct {
	Docs      []ImportedDoc `json:"docs"`
	Added     int           `json:"added"`
	Revised   int           `json:"revised"`
	Unchanged int           `json:"unchanged"`
	// Syndicated counts documents whose exact text was stored from another outlet.
	Syndicated int `json:"syndicated,omitempty"`
}

// ImportDocuments stores decoded documents as articles, all in one transaction: either every
// document is stored or, when any is invalid or the write fails, none is.
//
// A document whose text (by SHA-256) is already stored anywhere is skipped as unchanged. New
// text from the URL (else source) of a stored article becomes its next revision; the previous
// revision stays readable through Revisions. Anything else is a new article. now stamps
// ImportedAt and UpdatedAt.
func (db *DB) ImportDocuments(docs []ingest.Document, now time.Time) (ImportResult, error) {
	return db.ImportDocumentsContext(context.Background(), docs, now)
}

// ImportDocumentsContext is ImportDocuments that stops when ctx is cancelled: the transaction
// is rolled back, nothing is stored, and the error wraps ctx's.
func (db *DB) ImportDocumentsContext(ctx context.Context, docs []ingest.Document, now time.Time) (ImportResult, error) {
	return db.ImportBatch(ctx, docs, now, 0)
}

// ImportBatch is ImportDocumentsContext for one batch of a larger import that the caller
// stores batch by batch (each batch its own transaction): before is how many documents the
// earlier batches held, so that messages number the documents across the whole import.
func (db *DB) ImportBatch(ctx context.Context, docs []ingest.Document, now time.Time, before int) (ImportResult, error) {
	var res ImportResult
	for i, d := range docs {
		if err := validateDocument(d); err != nil {
			return ImportResult{}, fmt.Errorf("import into workspace %s: document %d (%s): %w; nothing was imported", db.path, before+i+1, d.Source, err)
		}
	}
	now = now.UTC()
	// Pages are compressed before the write transaction, which then only copies bytes.
	pages := make([][]byte, len(docs))
	for i, d := range docs {
		if d.Raw != nil {
			var err error
			if pages[i], err = compressPage(d.Raw); err != nil {
				return ImportResult{}, fmt.Errorf("import into workspace %s: document %d (%s): compress the page: %w; nothing was imported", db.path, before+i+1, d.Source, err)
			}
		}
	}
	err := db.update(fmt.Sprintf("import %d documents", len(docs)), func(tx *bolt.Tx) error {
		res = ImportResult{Docs: make([]ImportedDoc, 0, len(docs))}
		for i, d := range docs {
			if err := ctx.Err(); err != nil {
				return err
			}
			r, err := importOne(tx, d, now)
			if err != nil {
				return fmt.Errorf("document %d (%s): %w", before+i+1, d.Source, err)
			}
			if pages[i] != nil && r.Status != StatusUnchanged {
				if err := putPage(tx, r.ID, r.Revision, pages[i]); err != nil {
					return fmt.Errorf("document %d (%s): keep the page: %w", before+i+1, d.Source, err)
				}
			}
			switch r.Status {
			case StatusAdded:
				res.Added++
			case StatusRevised:
				res.Revised++
			case StatusUnchanged:
				res.Unchanged++
			case StatusSyndicated:
				res.Syndicated++
			}
			res.Docs = append(res.Docs, r)
		}
		return nil
	})
	if err == nil {
		err = ctx.Err() // cancelled during the commit: it is stored, but the caller has gone
		if err != nil {
			return res, nil
		}
	}
	if err != nil {
		return ImportResult{}, fmt.Errorf("%w; nothing was imported", err)
	}
	return res, nil
}

func importOne(tx *bolt.Tx, d ingest.Document, now time.Time) (ImportedDoc, error) {
	articles, err := mustBucket(tx, bucketArticles)
	if err != nil {
		return ImportedDoc{}, err
	}
	hashes, err := mustBucket(tx, bucketHashes)
	if err != nil {
		return ImportedDoc{}, err
	}
	revisions, err := mustBucket(tx, bucketRevisions)
	if err != nil {
		return ImportedDoc{}, err
	}
	hash := textHash(d.Text)
	if v := hashes.Get([]byte(hash)); v != nil {
		var ref hashRef
		if err := decode(v, &ref); err != nil {
			return ImportedDoc{}, fmt.Errorf("content index entry %s: %w", hash, err)
		}
		r := ImportedDoc{Source: d.Source, ID: ref.Article, Revision: ref.Revision, Status: StatusUnchanged}
		cur, err := getArticle(articles, ref.Article)
		if err == nil && cur.Source != d.Source {
			r.SameAs = cur.Source
		}
		if err == nil && ref.Revision == cur.Revision && syndicated(cur, d) {
			// Another outlet ran the same text: one text, both outlets recorded.
			cur.AlsoRan = append(cur.AlsoRan, Syndication{Outlet: d.SourceName, Source: d.Source, URL: d.URL,
				Published: d.Published, Imported: now})
			if err := putJSON(articles, []byte(cur.ID), cur); err != nil {
				return ImportedDoc{}, err
			}
			r.Status = StatusSyndicated
		}
		return r, nil
	}

	a := Article{
		Source: d.Source, URL: d.URL, Outlet: d.SourceName, Title: d.Title, Lang: d.Lang, LangFrom: d.LangFrom,
		Published: d.Published, PublishedFrom: d.PublishedFrom, PublishedTime: d.PublishedTime, Format: d.Format,
		Text: d.Text, Hash: hash, ImportedAt: now, UpdatedAt: now, Modified: d.Modified, FetchedAt: d.FetchedAt.UTC(),
	}
	id, old, err := locateArticle(articles, identity(a))
	if err != nil {
		return ImportedDoc{}, err
	}
	a.ID = id
	status := StatusAdded
	a.Revision = 1
	if old != nil {
		status = StatusRevised
		a.Revision = old.Revision + 1
		// The analyst's corrections outlive the file's metadata.
		if old.TitleFrom == FromAnalyst {
			a.Title, a.TitleFrom = old.Title, old.TitleFrom
		}
		if old.LangFrom == FromAnalyst {
			a.Lang, a.LangFrom = old.Lang, old.LangFrom
		}
		if old.PublishedFrom == FromAnalyst {
			a.Published, a.PublishedFrom = old.Published, old.PublishedFrom
		}
		rb, err := revisions.CreateBucketIfNotExists([]byte(id))
		if err != nil {
			return ImportedDoc{}, err
		}
		if err := putJSON(rb, revKey(old.Revision), old); err != nil {
			return ImportedDoc{}, err
		}
	}
	if err := putJSON(articles, []byte(id), a); err != nil {
		return ImportedDoc{}, err
	}
	if err := putJSON(hashes, []byte(hash), hashRef{Article: id, Revision: a.Revision}); err != nil {
		return ImportedDoc{}, err
	}
	return ImportedDoc{Source: d.Source, ID: id, Revision: a.Revision, Status: status}, nil
}

// syndicated reports whether d, whose text is a's, comes from an outlet a and its recorded
// syndications do not name. A document that names no outlet (no source, no URL) is the same
// file again, not another publication.
func syndicated(a Article, d ingest.Document) bool {
	name := strings.ToLower(OutletName(d.SourceName, d.URL))
	if name == "" || name == strings.ToLower(OutletName(a.Outlet, a.URL)) {
		return false
	}
	for _, s := range a.AlsoRan {
		if name == strings.ToLower(OutletName(s.Outlet, s.URL)) {
			return false
		}
	}
	return true
}

// identity is what makes two imports "the same article": the URL, else the source as given,
// else (nothing to go by) the text itself.
func identity(a Article) string {
	switch {
	case a.URL != "":
		return "url:" + a.URL
	case a.Source != "":
		return "source:" + a.Source
	}
	return "sha256:" + a.Hash
}

// idLengths are the lengths of hex prefix tried for an article ID: 12 hex digits (48 bits)
// almost always; a longer prefix only when a different article already has the shorter one.
var idLengths = []int{12, 16, 24, 32, 64}

// locateArticle finds the article with the given identity, or the ID a new one gets. The ID is
// the shortest prefix of SHA-256(identity) not taken by another article, so it is stable
// (the same source always gets the same ID in a workspace) and collision-safe. This relies on
// articles never being deleted: a gap in the probe sequence would hide a longer ID.
func locateArticle(articles *bolt.Bucket, ident string) (string, *Article, error) {
	sum := sha256.Sum256([]byte(ident))
	full := hex.EncodeToString(sum[:])
	for _, n := range idLengths {
		id := full[:n]
		v := articles.Get([]byte(id))
		if v == nil {
			return id, nil, nil
		}
		var a Article
		if err := decode(v, &a); err != nil {
			return "", nil, fmt.Errorf("article %s: %w", id, err)
		}
		if identity(a) == ident {
			return id, &a, nil
		}
	}
	return "", nil, fmt.Errorf("no free article ID for %q (SHA-256 collision)", ident)
}

var langTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)

func validateDocument(d ingest.Document) error {
	switch {
	case strings.TrimSpace(d.Text) == "":
		return fmt.Errorf("it has no text: %w", ErrInvalid)
	case len(d.Text) > MaxTextBytes:
		return fmt.Errorf("its text is %d MiB, over the %d MiB limit: %w", len(d.Text)>>20, MaxTextBytes>>20, ErrInvalid)
	case !utf8.ValidString(d.Text):
		return fmt.Errorf("its text is not valid UTF-8: %w", ErrInvalid)
	case strings.HasPrefix(d.Text, "\uFEFF"):
		return fmt.Errorf("its text starts with a byte-order mark (ingest must remove it): %w", ErrInvalid)
	case !norm.NFC.IsNormalString(d.Text):
		// Offsets are counted in runes of the NFC text; storing another form would shift them.
		return fmt.Errorf("its text is not in Unicode NFC (ingest must normalise it): %w", ErrInvalid)
	}
	if err := validateLang(d.Lang); err != nil {
		return err
	}
	return validatePublished(d.Published)
}

func validateLang(lang string) error {
	if lang != "" && !langTag.MatchString(lang) {
		return fmt.Errorf("language %q is not a BCP 47 tag such as \"ar\" or \"zh-Hans\": %w", lang, ErrInvalid)
	}
	return nil
}

// validatePublished accepts "" or an ISO 8601 date of day, month or year precision.
func validatePublished(p string) error {
	if p == "" {
		return nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if _, err := time.Parse(layout, p); err == nil {
			return nil
		}
	}
	return fmt.Errorf("publication date %q is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY): %w", p, ErrInvalid)
}

func getArticle(articles *bolt.Bucket, id string) (Article, error) {
	v := articles.Get([]byte(id))
	if v == nil {
		return Article{}, fmt.Errorf("article %q: %w", id, ErrNotFound)
	}
	var a Article
	if err := decode(v, &a); err != nil {
		return Article{}, fmt.Errorf("article %q: %w", id, err)
	}
	return a, nil
}

// getRevision reads revision rev of article id (the current one from articles, older ones from
// revisions).
func getRevision(tx *bolt.Tx, id string, rev int) (Article, error) {
	articles, err := mustBucket(tx, bucketArticles)
	if err != nil {
		return Article{}, err
	}
	cur, err := getArticle(articles, id)
	if err != nil {
		return Article{}, err
	}
	if rev == cur.Revision {
		return cur, nil
	}
	if rev < 1 || rev > cur.Revision {
		return Article{}, fmt.Errorf("article %q has no revision %d (it has 1 to %d): %w", id, rev, cur.Revision, ErrNotFound)
	}
	var v []byte
	if rb := tx.Bucket(bucketRevisions).Bucket([]byte(id)); rb != nil {
		v = rb.Get(revKey(rev))
	}
	if v == nil {
		return Article{}, fmt.Errorf("article %q revision %d is missing; the workspace is damaged: %w", id, rev, ErrNotFound)
	}
	var a Article
	if err := decode(v, &a); err != nil {
		return Article{}, fmt.Errorf("article %q revision %d: %w", id, rev, err)
	}
	return a, nil
}

// Article returns the current revision of an article, or ErrNotFound.
func (db *DB) Article(id string) (Article, error) {
	var a Article
	err := db.view("read article", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		a, err = getArticle(b, id)
		return err
	})
	return a, err
}

// ArticleRevision returns one revision of an article (1 is the first import), or ErrNotFound.
func (db *DB) ArticleRevision(id string, rev int) (Article, error) {
	var a Article
	err := db.view("read article revision", func(tx *bolt.Tx) error {
		var err error
		a, err = getRevision(tx, id, rev)
		return err
	})
	return a, err
}

// readableArticle decodes an article record and verifies its text against its hash; a record
// that fails either is reported to db.skip and left out.
func (db *DB) readableArticle(k, v []byte) (Article, bool) {
	var a Article
	if err := decode(v, &a); err != nil {
		db.skip("article %q: %v", k, err)
		return a, false
	}
	if textHash(a.Text) != a.Hash {
		db.skip("article %q (%s) revision %d: its text does not match its hash (altered or damaged on disk)", k, a.Source, a.Revision)
		return a, false
	}
	return a, true
}

// Articles returns the current revision of every readable article, sorted by source, then ID.
// Articles that cannot be read (damaged record, text not matching its hash) are left out and
// listed by Skipped.
func (db *DB) Articles() ([]Article, error) {
	var out []Article
	err := db.view("list articles", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			if a, ok := db.readableArticle(k, v); ok {
				out = append(out, a)
			}
			return nil
		})
	})
	sortArticles(out)
	return out, err
}

func sortArticles(as []Article) {
	sort.Slice(as, func(i, j int) bool {
		if as[i].Source != as[j].Source {
			return as[i].Source < as[j].Source
		}
		return as[i].ID < as[j].ID
	})
}

// Revisions returns every revision of an article, oldest first; the last is the current one.
func (db *DB) Revisions(id string) ([]Article, error) {
	var out []Article
	err := db.view("list article revisions", func(tx *bolt.Tx) error {
		articles, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		cur, err := getArticle(articles, id)
		if err != nil {
			return err
		}
		if rb := tx.Bucket(bucketRevisions).Bucket([]byte(id)); rb != nil {
			if err := rb.ForEach(func(k, v []byte) error {
				var a Article
				if err := decode(v, &a); err != nil {
					return fmt.Errorf("article %q revision %x: %w", id, k, err)
				}
				out = append(out, a)
				return nil
			}); err != nil {
				return err
			}
		}
		out = append(out, cur)
		return nil
	})
	return out, err
}

// ArticleCount returns the number of articles (not counting older revisions).
func (db *DB) ArticleCount() (int, error) {
	n := 0
	err := db.view("count articles", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, _ := c.First(); k != nil; k, _ = c.Next() {
			n++
		}
		return nil
	})
	return n, err
}

// UpdateArticleMeta applies the analyst's corrections to an article's current revision: each
// non-nil argument replaces that field and marks it as the analyst's (FromAnalyst), so later
// revisions keep it. lang must be a BCP 47 tag or ""; published an ISO 8601 date or "".
func (db *DB) UpdateArticleMeta(id string, title, lang, published *string) error {
	if lang != nil {
		if err := validateLang(*lang); err != nil {
			return fmt.Errorf("edit article %q in workspace %s: %w", id, db.path, err)
		}
	}
	if published != nil {
		if err := validatePublished(*published); err != nil {
			return fmt.Errorf("edit article %q in workspace %s: %w", id, db.path, err)
		}
	}
	return db.update("edit article", func(tx *bolt.Tx) error {
		b, err := mustBucket(tx, bucketArticles)
		if err != nil {
			return err
		}
		a, err := getArticle(b, id)
		if err != nil {
			return err
		}
		before := a
		if title != nil {
			a.Title, a.TitleFrom = strings.TrimSpace(*title), FromAnalyst
		}
		if lang != nil {
			a.Lang, a.LangFrom = *lang, FromAnalyst
		}
		if published != nil {
			a.Published, a.PublishedFrom = *published, FromAnalyst
		}
		if reflect.DeepEqual(a, before) {
			return nil
		}
		a.UpdatedAt = db.now().UTC()
		return putJSON(b, []byte(id), a)
	})
}

// spanText returns the runes [start, end) of text, "" when out of range.
func spanText(text string, start, end int) string {
	if start < 0 || end < start {
		return ""
	}
	from, to := -1, len(text)
	i := 0
	for b := range text {
		if i == start {
			from = b
		}
		if i == end {
			to = b
			break
		}
		i++
	}
	if start == i && from < 0 { // start == rune count
		from = len(text)
	}
	if from < 0 || end > i {
		return ""
	}
	return text[from:to]
}
