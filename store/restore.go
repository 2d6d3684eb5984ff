package store

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"parallax/compare"
)

// SetRecords is what an exported set holds of a workspace: the input of Merge. It mirrors
// Snapshot, with each article's revisions kept together.
type SetRecords struct {
	Articles []ArticleHistory
	// Tags is the set's tag set; nil when the set carries none (the workspace's is kept).
	Tags           []Tag
	Highlights     []Highlight
	Aliases        []LearnedAlias
	Verdicts       []Verdict
	Links          []ManualLink
	StoryOverrides []StoryOverride
}

// ArticleHistory is every revision of one article, oldest first: revisions 1..N of one ID, the
// last being the current one.
type ArticleHistory []Article

// Counts is what Merge did with one kind of record.
type Counts struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`   // an existing record took the set's version
	Unchanged int `json:"unchanged"` // the workspace already held it (or a newer version)
	Conflicts int `json:"conflicts"` // both sides changed it differently; the workspace's kept
}

// Conflict is a record both the workspace and the set changed, differently. Merge keeps the
// workspace's version and reports the set's, so nothing is overwritten without the analyst
// deciding.
type Conflict struct {
	Kind     string `json:"kind"`              // "article", "highlight", "verdict", "alias", "link", "story_override"
	Key      string `json:"key"`               // the record's key: highlight id, discrepancy key, surface…
	Article  string `json:"article,omitempty"` // the workspace article it concerns, when there is one
	Detail   string `json:"detail"`            // one line: what differs
	Local    any    `json:"local"`             // the workspace's record (kept)
	Incoming any    `json:"incoming"`          // the set's record (not applied)
}

// MergeResult reports a Merge.
type MergeResult struct {
	// Restored is true when the workspace held no articles or anything the analyst made before
	// the merge: it now holds exactly the set, ids, times and tag set included.
	Restored bool `json:"restored"`
	// Articles counts articles: Added new ones, Updated those that gained revisions or the
	// set's metadata corrections, Unchanged those already held whole.
	Articles       Counts `json:"articles"`
	Revisions      int    `json:"revisions"` // revisions added to articles already held
	Tags           Counts `json:"tags"`
	Highlights     Counts `json:"highlights"`
	Verdicts       Counts `json:"verdicts"`
	Aliases        Counts `json:"aliases"`
	Links          Counts `json:"links"`
	StoryOverrides Counts `json:"story_overrides"`

	Conflicts []Conflict `json:"conflicts,omitempty"`
	// Remapped maps a set article id to the workspace article id that now holds it, where the
	// two differ (an id taken by another article here, or the same text already stored under
	// another source).
	Remapped map[string]string `json:"remapped,omitempty"`
	// Notes are things the analyst should know that are not conflicts (a tag shortcut dropped
	// because the key is taken, a link whose spans no longer fit).
	Notes []string `json:"notes,omitempty"`
}

// ValidateSpan checks that [start, end) is a non-empty span of text in code points, on
// grapheme-cluster boundaries, whose text is exactly quote. The error wraps ErrInvalid.
func ValidateSpan(text string, start, end int, quote string) error {
	return validateSpan(text, start, end, quote)
}

// ValidateTags checks a tag set as PutTags does. The error wraps ErrInvalid.
func ValidateTags(tags []Tag) error { return validateTags(tags) }

// ValidateArticleText checks an article text as an import does: not empty, at most
// MaxTextBytes, valid UTF-8, NFC, no byte-order mark. The error wraps ErrInvalid.
func ValidateArticleText(text string) error {
	switch {
	case strings.TrimSpace(text) == "":
		return fmt.Errorf("the text is empty: %w", ErrInvalid)
	case len(text) > MaxTextBytes:
		return fmt.Errorf("the text is %d MiB, over the %d MiB limit: %w", len(text)>>20, MaxTextBytes>>20, ErrInvalid)
	case !utf8.ValidString(text):
		return fmt.Errorf("the text is not valid UTF-8: %w", ErrInvalid)
	case strings.HasPrefix(text, "\uFEFF"):
		return fmt.Errorf("the text starts with a byte-order mark: %w", ErrInvalid)
	case !norm.NFC.IsNormalString(text):
		return fmt.Errorf("the text is not in Unicode NFC, so its offsets would not match: %w", ErrInvalid)
	}
	return nil
}

// TextHash returns the hex SHA-256 of a text: what Article.Hash holds.
func TextHash(text string) string { return textHash(text) }

// Merge brings a set exported from another workspace (or this one) into this workspace, in one
// read-write transaction: if anything in the set is invalid or a write fails, nothing is
// stored.
//
// Into a workspace that holds no articles and nothing the analyst made, Merge restores the set
// exactly: the same article ids, revisions, times, highlight ids and the set's tag set, so that
// exporting the workspace again gives the same records.
//
// Into a workspace that already holds some of it, Merge merges:
//   - an article is the same as a stored one when it has the same identity (URL, else source)
//     or one of its revisions has a stored text (SHA-256); it is not duplicated, and revisions
//     whose text is not stored are added after the stored ones;
//   - highlights, links and aliases are keyed by id (surface for aliases), verdicts by
//     discrepancy, story overrides by article: new ones are added with their authors;
//   - one already stored and identical is left alone. A highlight edited on one side only
//     (the other still has Updated == Created) takes the edited version. A verdict without a
//     note takes the set's note for the same verdict. Anything else that differs is a
//     Conflict: the workspace's version is kept and both are reported;
//   - tags the workspace lacks are appended to its tag set (without a shortcut already taken).
func (db *DB) Merge(in SetRecords) (MergeResult, error) {
	if err := validateSetRecords(in); err != nil {
		return MergeResult{}, fmt.Errorf("import set into workspace %s: %w; nothing was imported", db.path, err)
	}
	var res MergeResult
	err := db.update("import set", func(tx *bolt.Tx) error {
		res = MergeResult{}
		m, err := newMerger(tx, &res)
		if err != nil {
			return err
		}
		return m.run(in)
	})
	if err != nil {
		return MergeResult{}, fmt.Errorf("%w; nothing was imported", err)
	}
	return res, nil
}

// validateSetRecords checks what can be checked without the workspace: whole, numbered
// article histories with texts that match their hashes, unique keys, valid tag set and verdict
// values. Spans are checked in the transaction against the texts they land on.
func validateSetRecords(in SetRecords) error {
	ids := map[string]bool{}
	for i, h := range in.Articles {
		if len(h) == 0 {
			return fmt.Errorf("article %d has no revisions: %w", i+1, ErrInvalid)
		}
		id := h[len(h)-1].ID
		if err := validateKey("article id", id); err != nil {
			return err
		}
		if ids[id] {
			return fmt.Errorf("article %q appears twice: %w", id, ErrInvalid)
		}
		ids[id] = true
		for j, a := range h {
			switch {
			case a.ID != id:
				return fmt.Errorf("article %q: revision %d says it is article %q: %w", id, a.Revision, a.ID, ErrInvalid)
			case a.Revision != j+1:
				return fmt.Errorf("article %q: revisions must be 1..%d in order, found %d in place %d: %w", id, len(h), a.Revision, j+1, ErrInvalid)
			case a.Hash != textHash(a.Text):
				return fmt.Errorf("article %q revision %d: the text does not match its hash: %w", id, a.Revision, ErrInvalid)
			}
			if err := ValidateArticleText(a.Text); err != nil {
				return fmt.Errorf("article %q revision %d: %w", id, a.Revision, err)
			}
			if err := validateLang(a.Lang); err != nil {
				return fmt.Errorf("article %q revision %d: %w", id, a.Revision, err)
			}
			if err := validatePublished(a.Published); err != nil {
				return fmt.Errorf("article %q revision %d: %w", id, a.Revision, err)
			}
		}
	}
	if err := validateTags(in.Tags); err != nil {
		return fmt.Errorf("tag set: %w", err)
	}
	seen := map[string]bool{}
	for _, h := range in.Highlights {
		if err := validateKey("highlight id", h.ID); err != nil {
			return err
		}
		k := h.Article + "\x00" + h.ID
		if seen[k] {
			return fmt.Errorf("highlight %q of article %q appears twice: %w", h.ID, h.Article, ErrInvalid)
		}
		seen[k] = true
		if !ids[h.Article] {
			return fmt.Errorf("highlight %q is on article %q, which the set does not hold: %w", h.ID, h.Article, ErrInvalid)
		}
	}
	clear(seen)
	for _, v := range in.Verdicts {
		if err := validateKey("verdict discrepancy", v.Discrepancy); err != nil {
			return err
		}
		if v.Verdict != VerdictConfirmed && v.Verdict != VerdictRejected && v.Verdict != VerdictUnsure {
			return fmt.Errorf("verdict on %q: %q is not confirmed, rejected or unsure: %w", v.Discrepancy, v.Verdict, ErrInvalid)
		}
		if seen[v.Discrepancy] {
			return fmt.Errorf("two verdicts on discrepancy %q: %w", v.Discrepancy, ErrInvalid)
		}
		seen[v.Discrepancy] = true
	}
	clear(seen)
	for _, a := range in.Aliases {
		if a.Surface != strings.TrimSpace(a.Surface) || a.Surface == "" || strings.TrimSpace(a.ActorID) == "" {
			return fmt.Errorf("alias %q needs a trimmed surface form and an actor: %w", a.Surface, ErrInvalid)
		}
		if seen[a.Surface] {
			return fmt.Errorf("alias %q appears twice: %w", a.Surface, ErrInvalid)
		}
		seen[a.Surface] = true
	}
	clear(seen)
	for _, l := range in.Links {
		if err := validateKey("link id", l.ID); err != nil {
			return err
		}
		if len(l.Members) < 2 {
			return fmt.Errorf("link %q has %d members, a link needs at least two: %w", l.ID, len(l.Members), ErrInvalid)
		}
		if seen[l.ID] {
			return fmt.Errorf("link %q appears twice: %w", l.ID, ErrInvalid)
		}
		seen[l.ID] = true
		for _, m := range l.Members {
			if !ids[m.Article] {
				return fmt.Errorf("link %q names article %q, which the set does not hold: %w", l.ID, m.Article, ErrInvalid)
			}
		}
	}
	clear(seen)
	for _, o := range in.StoryOverrides {
		if !ids[o.Article] {
			return fmt.Errorf("story override of article %q, which the set does not hold: %w", o.Article, ErrInvalid)
		}
		if seen[o.Article] {
			return fmt.Errorf("two story overrides for article %q: %w", o.Article, ErrInvalid)
		}
		seen[o.Article] = true
	}
	return nil
}

// validateKey checks a record key: bbolt needs it non-empty, and 200 bytes is far beyond any
// key Parallax makes while keeping junk out.
func validateKey(what, k string) error {
	if k == "" || len(k) > 200 || !utf8.ValidString(k) {
		return fmt.Errorf("%s %q must be 1 to 200 bytes of UTF-8: %w", what, k, ErrInvalid)
	}
	return nil
}

// revRef is an article revision in the workspace.
type revRef struct {
	article  string
	revision int
}

// merger carries one Merge's transaction state.
type merger struct {
	tx                                      *bolt.Tx
	res                                     *MergeResult
	articles, revisions, hashes, highlights *bolt.Bucket
	aliases, verdicts, links, stories       *bolt.Bucket
	restore                                 bool
	revs                                    map[revRef]revRef // set (article, revision) → workspace
	target                                  map[string]string // set article → workspace article
	texts                                   map[revRef]string // workspace revision → text, read lazily
	spans                                   map[revRef]*spanIndex
}

// spanIndex answers span checks on one text without rescanning it for every highlight: the
// byte offset of each code point and where grapheme clusters start.
type spanIndex struct {
	text     string
	byteAt   []int  // byte offset of code point i; len = code points + 1
	boundary []bool // a grapheme cluster starts at code point i (or i is the end)
}

func newSpanIndex(text string) *spanIndex {
	x := &spanIndex{text: text, byteAt: make([]int, 0, len(text)+1)}
	for b := range text {
		x.byteAt = append(x.byteAt, b)
	}
	x.byteAt = append(x.byteAt, len(text))
	x.boundary = make([]bool, len(x.byteAt))
	pos, state, rest := 0, -1, text
	for len(rest) > 0 {
		x.boundary[pos] = true
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		pos += utf8.RuneCountInString(c)
	}
	x.boundary[pos] = true
	return x
}

// check is validateSpan on the indexed text, with the same rules and messages.
func (x *spanIndex) check(start, end int, quote string) error {
	n := len(x.byteAt) - 1
	if start < 0 || end > n || start >= end {
		return fmt.Errorf("span [%d,%d) is not a non-empty part of the text's %d characters: %w", start, end, n, ErrInvalid)
	}
	if got := x.text[x.byteAt[start]:x.byteAt[end]]; got != quote {
		return fmt.Errorf("span [%d,%d) reads %q, not the quote %q (was it made on another revision?): %w", start, end, got, quote, ErrInvalid)
	}
	if !x.boundary[start] || !x.boundary[end] {
		return fmt.Errorf("span [%d,%d) splits a character (a letter and its marks, or an emoji sequence); extend it to whole characters: %w", start, end, ErrInvalid)
	}
	return nil
}

func newMerger(tx *bolt.Tx, res *MergeResult) (*merger, error) {
	m := &merger{tx: tx, res: res, revs: map[revRef]revRef{}, target: map[string]string{}, texts: map[revRef]string{}, spans: map[revRef]*spanIndex{}}
	for _, b := range []struct {
		name []byte
		dst  **bolt.Bucket
	}{
		{bucketArticles, &m.articles}, {bucketRevisions, &m.revisions}, {bucketHashes, &m.hashes},
		{bucketHighlights, &m.highlights}, {bucketAliases, &m.aliases}, {bucketVerdicts, &m.verdicts},
		{bucketLinks, &m.links}, {bucketStories, &m.stories},
	} {
		var err error
		if *b.dst, err = mustBucket(tx, b.name); err != nil {
			return nil, err
		}
	}
	m.restore = true
	for _, b := range []*bolt.Bucket{m.articles, m.highlights, m.aliases, m.verdicts, m.links, m.stories} {
		if k, _ := b.Cursor().First(); k != nil {
			m.restore = false
		}
	}
	res.Restored = m.restore
	return m, nil
}

func (m *merger) run(in SetRecords) error {
	for _, h := range in.Articles {
		var err error
		if m.restore {
			err = m.restoreArticle(h)
		} else {
			err = m.mergeArticle(h)
		}
		if err != nil {
			return fmt.Errorf("article %q: %w", h[len(h)-1].ID, err)
		}
	}
	if err := m.mergeTags(in.Tags); err != nil {
		return err
	}
	for _, h := range in.Highlights {
		if err := m.mergeHighlight(h); err != nil {
			return fmt.Errorf("highlight %q: %w", h.ID, err)
		}
	}
	for _, v := range in.Verdicts {
		if err := m.mergeVerdict(v); err != nil {
			return fmt.Errorf("verdict on %q: %w", v.Discrepancy, err)
		}
	}
	for _, a := range in.Aliases {
		if err := m.mergeAlias(a); err != nil {
			return fmt.Errorf("alias %q: %w", a.Surface, err)
		}
	}
	for _, l := range in.Links {
		if err := m.mergeLink(l); err != nil {
			return fmt.Errorf("link %q: %w", l.ID, err)
		}
	}
	for _, o := range in.StoryOverrides {
		if err := m.mergeOverride(o); err != nil {
			return fmt.Errorf("story override of %q: %w", o.Article, err)
		}
	}
	if len(m.res.Remapped) > 0 && len(in.Verdicts) > 0 {
		m.note("%d articles got other ids here; verdicts on their discrepancies may not attach until the analysis is reviewed", len(m.res.Remapped))
	}
	return nil
}

func (m *merger) note(format string, args ...any) {
	m.res.Notes = append(m.res.Notes, fmt.Sprintf(format, args...))
}

func (m *merger) conflict(c Conflict, counts *Counts) {
	counts.Conflicts++
	m.res.Conflicts = append(m.res.Conflicts, c)
}

// restoreArticle writes an article history as it is, ids and times included.
func (m *merger) restoreArticle(h ArticleHistory) error {
	cur := h[len(h)-1]
	if m.articles.Get([]byte(cur.ID)) != nil {
		return fmt.Errorf("stored twice: %w", ErrInvalid)
	}
	if err := m.writeHistory(cur.ID, h); err != nil {
		return err
	}
	m.res.Articles.Added++
	return nil
}

// writeHistory stores a whole new article under id, indexing each text not indexed yet.
func (m *merger) writeHistory(id string, h ArticleHistory) error {
	for i, a := range h {
		a.ID = id
		if i == len(h)-1 {
			if err := putJSON(m.articles, []byte(id), a); err != nil {
				return err
			}
		} else {
			rb, err := m.revisions.CreateBucketIfNotExists([]byte(id))
			if err != nil {
				return err
			}
			if err := putJSON(rb, revKey(a.Revision), a); err != nil {
				return err
			}
		}
		if m.hashes.Get([]byte(a.Hash)) == nil {
			if err := putJSON(m.hashes, []byte(a.Hash), hashRef{Article: id, Revision: a.Revision}); err != nil {
				return err
			}
		}
		m.revs[revRef{h[i].ID, a.Revision}] = revRef{id, a.Revision}
		m.texts[revRef{id, a.Revision}] = a.Text
	}
	m.target[h[len(h)-1].ID] = id
	return nil
}

// mergeArticle finds the workspace article a set article is (by identity, else by any of its
// texts), adds the revisions it lacks, or stores the article as new.
func (m *merger) mergeArticle(h ArticleHistory) error {
	cur := h[len(h)-1]
	id, local, err := locateArticle(m.articles, identity(cur))
	if err != nil {
		return err
	}
	if local == nil {
		for i := len(h) - 1; i >= 0 && local == nil; i-- {
			if ref, ok, err := m.hashRef(h[i].Hash); err != nil {
				return err
			} else if ok {
				a, err := getArticle(m.articles, ref.Article)
				if err != nil {
					return fmt.Errorf("content index points to article %q: %w", ref.Article, err)
				}
				id, local = a.ID, &a
			}
		}
	}
	if local == nil {
		if id != cur.ID {
			m.remap(cur.ID, id)
		}
		if err := m.writeHistory(id, h); err != nil {
			return err
		}
		m.res.Articles.Added++
		return nil
	}
	if id != cur.ID {
		m.remap(cur.ID, id)
	}
	m.target[cur.ID] = id
	added := 0
	for _, a := range h {
		ref, ok, err := m.hashRef(a.Hash)
		if err != nil {
			return err
		}
		if ok {
			m.revs[revRef{cur.ID, a.Revision}] = revRef{ref.Article, ref.Revision}
			continue
		}
		// Text this workspace never saw: the article's next revision, as a re-import of
		// changed text from the same source would make it.
		now, err := getArticle(m.articles, id)
		if err != nil {
			return err
		}
		rb, err := m.revisions.CreateBucketIfNotExists([]byte(id))
		if err != nil {
			return err
		}
		if err := putJSON(rb, revKey(now.Revision), now); err != nil {
			return err
		}
		next := a
		next.ID, next.Revision = id, now.Revision+1
		keepAnalystMeta(&next, now)
		if err := putJSON(m.articles, []byte(id), next); err != nil {
			return err
		}
		if err := putJSON(m.hashes, []byte(next.Hash), hashRef{Article: id, Revision: next.Revision}); err != nil {
			return err
		}
		m.revs[revRef{cur.ID, a.Revision}] = revRef{id, next.Revision}
		m.texts[revRef{id, next.Revision}] = next.Text
		added++
	}
	m.res.Revisions += added
	changedMeta, err := m.mergeArticleMeta(id, cur)
	if err != nil {
		return err
	}
	if added > 0 || changedMeta {
		m.res.Articles.Updated++
	} else {
		m.res.Articles.Unchanged++
	}
	return nil
}

func (m *merger) remap(from, to string) {
	if m.res.Remapped == nil {
		m.res.Remapped = map[string]string{}
	}
	m.res.Remapped[from] = to
}

func (m *merger) hashRef(hash string) (hashRef, bool, error) {
	v := m.hashes.Get([]byte(hash))
	if v == nil {
		return hashRef{}, false, nil
	}
	var ref hashRef
	if err := decode(v, &ref); err != nil {
		return hashRef{}, false, fmt.Errorf("content index entry %s: %w", hash, err)
	}
	return ref, true, nil
}

// keepAnalystMeta gives a new revision the analyst's corrections of the previous one, as
// ImportDocuments does.
func keepAnalystMeta(next *Article, old Article) {
	if old.TitleFrom == FromAnalyst {
		next.Title, next.TitleFrom = old.Title, old.TitleFrom
	}
	if old.LangFrom == FromAnalyst {
		next.Lang, next.LangFrom = old.Lang, old.LangFrom
	}
	if old.PublishedFrom == FromAnalyst {
		next.Published, next.PublishedFrom = old.Published, old.PublishedFrom
	}
}

// mergeArticleMeta takes the set's analyst corrections of title, language and date where the
// workspace has none, and reports a conflict where both corrected a field differently.
func (m *merger) mergeArticleMeta(id string, in Article) (bool, error) {
	local, err := getArticle(m.articles, id)
	if err != nil {
		return false, err
	}
	next := local
	var differ []string
	field := func(name string, lv, lf *string, iv, ifrom string) {
		if ifrom != FromAnalyst || *lv == iv {
			return
		}
		if *lf == FromAnalyst {
			differ = append(differ, fmt.Sprintf("%s %q here, %q in the set", name, *lv, iv))
			return
		}
		*lv, *lf = iv, ifrom
	}
	field("title", &next.Title, &next.TitleFrom, in.Title, in.TitleFrom)
	field("language", &next.Lang, &next.LangFrom, in.Lang, in.LangFrom)
	field("publication date", &next.Published, &next.PublishedFrom, in.Published, in.PublishedFrom)
	if len(differ) > 0 {
		m.conflict(Conflict{Kind: "article", Key: id, Article: id,
			Detail: "both analysts corrected the article: " + strings.Join(differ, "; "), Local: local, Incoming: in}, &m.res.Articles)
	}
	// Outlets the set saw run the same text are kept beside the workspace's.
	for _, sy := range in.AlsoRan {
		if !slices.ContainsFunc(next.AlsoRan, func(o Syndication) bool { return o.Source == sy.Source }) {
			next.AlsoRan = append(slices.Clip(next.AlsoRan), sy)
		}
	}
	if reflect.DeepEqual(next, local) {
		return false, nil
	}
	if in.UpdatedAt.After(next.UpdatedAt) {
		next.UpdatedAt = in.UpdatedAt
	}
	return true, putJSON(m.articles, []byte(id), next)
}

// text returns the text of a workspace article revision.
func (m *merger) text(r revRef) (string, error) {
	if t, ok := m.texts[r]; ok {
		return t, nil
	}
	a, err := getRevision(m.tx, r.article, r.revision)
	if err != nil {
		return "", err
	}
	m.texts[r] = a.Text
	return a.Text, nil
}

// mergeTags replaces the tag set on restore; otherwise appends the set's tags the workspace
// lacks (by name, regardless of case), without a shortcut key another tag already uses.
func (m *merger) mergeTags(in []Tag) error {
	if in == nil {
		return nil
	}
	local, err := readTags(m.tx)
	if err != nil {
		return err
	}
	if m.restore {
		if !slices.Equal(local, in) {
			m.res.Tags.Added = len(in)
			return writeTags(m.tx, in)
		}
		m.res.Tags.Unchanged = len(in)
		return nil
	}
	out := slices.Clone(local)
	for _, t := range in {
		i := slices.IndexFunc(out, func(l Tag) bool { return strings.EqualFold(l.Name, t.Name) })
		if i >= 0 {
			m.res.Tags.Unchanged++ // the analyst's own colour and shortcut stay
			continue
		}
		if t.Key != "" && slices.ContainsFunc(out, func(l Tag) bool { return l.Key == t.Key }) {
			m.note("tag %q added without its shortcut %s, which %q already uses here", t.Name, t.Key, out[slices.IndexFunc(out, func(l Tag) bool { return l.Key == t.Key })].Name)
			t.Key = ""
		}
		out = append(out, t)
		m.res.Tags.Added++
	}
	if len(out) == len(local) {
		return nil
	}
	if err := validateTags(out); err != nil {
		return fmt.Errorf("merged tag set: %w", err)
	}
	return writeTags(m.tx, out)
}

func (m *merger) mergeHighlight(h Highlight) error {
	to, ok := m.revs[revRef{h.Article, h.Revision}]
	if !ok {
		return fmt.Errorf("article %q has no revision %d in the set: %w", h.Article, h.Revision, ErrInvalid)
	}
	idx, ok := m.spans[to]
	if !ok {
		text, err := m.text(to)
		if err != nil {
			return err
		}
		idx = newSpanIndex(text)
		m.spans[to] = idx
	}
	if err := idx.check(h.Start, h.End, h.Quote); err != nil {
		return err
	}
	h.Article, h.Revision = to.article, to.revision
	ab, err := m.highlights.CreateBucketIfNotExists([]byte(h.Article))
	if err != nil {
		return err
	}
	v := ab.Get([]byte(h.ID))
	if v == nil {
		m.res.Highlights.Added++
		return putJSON(ab, []byte(h.ID), h)
	}
	var local Highlight
	if err := decode(v, &local); err != nil {
		return err
	}
	switch {
	case sameHighlight(local, h):
		m.res.Highlights.Unchanged++
		return nil
	case local.Updated.Equal(local.Created) && h.Updated.After(local.Updated):
		// Untouched here since it was made; the set carries the only edit.
		m.res.Highlights.Updated++
		return putJSON(ab, []byte(h.ID), h)
	case h.Updated.Equal(h.Created) && local.Updated.After(h.Updated):
		// The set carries the highlight as it was made; the edit here is newer.
		m.res.Highlights.Unchanged++
		return nil
	}
	m.conflict(Conflict{Kind: "highlight", Key: h.ID, Article: h.Article,
		Detail: "edited differently here and in the set: " + highlightDiff(local, h), Local: local, Incoming: h}, &m.res.Highlights)
	return nil
}

// sameHighlight reports whether two versions of a highlight say the same thing (times aside).
func sameHighlight(a, b Highlight) bool {
	sa, sb := slices.Clone(a.Tags), slices.Clone(b.Tags)
	slices.Sort(sa)
	slices.Sort(sb)
	return a.Revision == b.Revision && a.Start == b.Start && a.End == b.End && a.Note == b.Note &&
		a.Author == b.Author && slices.Equal(sa, sb)
}

func highlightDiff(a, b Highlight) string {
	var d []string
	if a.Revision != b.Revision || a.Start != b.Start || a.End != b.End {
		d = append(d, fmt.Sprintf("span %q here, %q in the set", a.Quote, b.Quote))
	}
	if !slices.Equal(a.Tags, b.Tags) {
		d = append(d, fmt.Sprintf("tags %v here, %v in the set", a.Tags, b.Tags))
	}
	if a.Note != b.Note {
		d = append(d, fmt.Sprintf("note %q here, %q in the set", a.Note, b.Note))
	}
	if a.Author != b.Author {
		d = append(d, fmt.Sprintf("author %q here, %q in the set", a.Author, b.Author))
	}
	return strings.Join(d, "; ")
}

func (m *merger) mergeVerdict(v Verdict) error {
	raw := m.verdicts.Get([]byte(v.Discrepancy))
	if raw == nil {
		m.res.Verdicts.Added++
		return putJSON(m.verdicts, []byte(v.Discrepancy), v)
	}
	var local Verdict
	if err := decode(raw, &local); err != nil {
		return err
	}
	switch {
	case local.Verdict == v.Verdict && (local.Note == v.Note || v.Note == ""):
		m.res.Verdicts.Unchanged++
		return nil
	case local.Verdict == v.Verdict && local.Note == "":
		m.res.Verdicts.Updated++
		return putJSON(m.verdicts, []byte(v.Discrepancy), v)
	}
	detail := fmt.Sprintf("%s here (by %s), %s in the set (by %s)", local.Verdict, authorName(local.Author), v.Verdict, authorName(v.Author))
	if local.Verdict == v.Verdict {
		detail = fmt.Sprintf("both %s, with different notes: %q here, %q in the set", v.Verdict, local.Note, v.Note)
	}
	m.conflict(Conflict{Kind: "verdict", Key: v.Discrepancy, Detail: detail, Local: local, Incoming: v}, &m.res.Verdicts)
	return nil
}

func authorName(a string) string {
	if a == "" {
		return "unnamed analyst"
	}
	return a
}

func (m *merger) mergeAlias(a LearnedAlias) error {
	raw := m.aliases.Get([]byte(a.Surface))
	if raw == nil {
		m.res.Aliases.Added++
		return putJSON(m.aliases, []byte(a.Surface), a)
	}
	var local LearnedAlias
	if err := decode(raw, &local); err != nil {
		return err
	}
	if local.ActorID == a.ActorID {
		m.res.Aliases.Unchanged++
		return nil
	}
	m.conflict(Conflict{Kind: "alias", Key: a.Surface,
		Detail: fmt.Sprintf("%q names %s here, %s in the set", a.Surface, local.ActorID, a.ActorID), Local: local, Incoming: a}, &m.res.Aliases)
	return nil
}

func (m *merger) mergeLink(l ManualLink) error {
	l.Members = slices.Clone(l.Members)
	for i := range l.Members {
		mem := &l.Members[i]
		mem.Article = m.target[mem.Article]
		cur, err := getArticle(m.articles, mem.Article)
		if err != nil {
			return err
		}
		quote := mem.Text
		if quote == "" {
			quote = spanText(cur.Text, mem.Start, mem.End)
		}
		if err := validateSpan(cur.Text, mem.Start, mem.End, quote); err != nil {
			if m.restore {
				return fmt.Errorf("member %d: %w", i+1, err)
			}
			// The article here has a newer text the span was not made on.
			m.note("link %s not added: member %d does not fit the current text of article %s here (%v)", l.ID, i+1, mem.Article, err)
			return nil
		}
	}
	raw := m.links.Get([]byte(l.ID))
	if raw == nil {
		m.res.Links.Added++
		return putJSON(m.links, []byte(l.ID), l)
	}
	var local ManualLink
	if err := decode(raw, &local); err != nil {
		return err
	}
	if local.Unlink == l.Unlink && slices.EqualFunc(local.Members, l.Members, func(a, b compare.Member) bool {
		return a.Article == b.Article && a.Start == b.Start && a.End == b.End
	}) {
		m.res.Links.Unchanged++
		return nil
	}
	m.conflict(Conflict{Kind: "link", Key: l.ID, Detail: "the same link joins different spans here and in the set", Local: local, Incoming: l}, &m.res.Links)
	return nil
}

func (m *merger) mergeOverride(o StoryOverride) error {
	o.Article = m.target[o.Article]
	raw := m.stories.Get([]byte(o.Article))
	if raw == nil {
		m.res.StoryOverrides.Added++
		return putJSON(m.stories, []byte(o.Article), o)
	}
	var local StoryOverride
	if err := decode(raw, &local); err != nil {
		return err
	}
	if local.Story == o.Story {
		m.res.StoryOverrides.Unchanged++
		return nil
	}
	m.conflict(Conflict{Kind: "story_override", Key: o.Article, Article: o.Article,
		Detail: fmt.Sprintf("article moved to story %q here, %q in the set", local.Story, o.Story), Local: local, Incoming: o}, &m.res.StoryOverrides)
	return nil
}
