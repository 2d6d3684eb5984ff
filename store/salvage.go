package store

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// CheckReport is what CheckFile found.
type CheckReport struct {
	// Pages are problems of the file's structure (bbolt pages, freelist, truncation); while
	// there are any, the records are not read through bbolt.
	Pages []string `json:"pages,omitempty"`
	// Records are problems of Parallax's own invariants: damaged records, texts that do not
	// match their hash, dangling references.
	Records  []string `json:"records,omitempty"`
	Articles int      `json:"articles"` // current articles, when the pages were sound
}

// OK reports whether the check found nothing wrong.
func (r CheckReport) OK() bool { return len(r.Pages) == 0 && len(r.Records) == 0 }

// CheckFile checks the workspace file at path without changing it: first its page structure
// with the bounds-checked reader (what bbolt's check verifies, without bbolt's panics), then,
// when the pages are sound, bbolt's own check and the store's invariants (DB.Check). The error
// is for a file that cannot be checked at all: missing, locked, not a workspace.
func CheckFile(path string, timeout time.Duration) (CheckReport, error) {
	var rep CheckReport
	info, err := os.Stat(path)
	if err != nil {
		return rep, fmt.Errorf("check workspace %s: %w", path, err)
	}
	if kind := fileKind(info.Mode()); kind != "" {
		return rep, &userError{msg: fmt.Sprintf("%s is %s, not a workspace file", path, kind), sentinel: ErrNotWorkspace}
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	problems, err := verifyFile(path, timeout)
	switch {
	case errors.Is(err, ErrLocked):
		return rep, lockedError(path)
	case err != nil && isNoMeta(err):
		rep.Pages = []string{err.Error() + " (the file is not a workspace, or its first pages were overwritten)"}
		return rep, nil
	case err != nil:
		return rep, fmt.Errorf("check workspace %s: %w", path, err)
	case len(problems) > 0:
		rep.Pages = problems
		return rep, nil
	}
	db, err := Open(path, Options{Timeout: timeout, ReadOnly: true})
	if err != nil {
		return rep, err
	}
	defer db.Close()
	err = safely(path, func() error {
		return db.bolt.View(func(tx *bolt.Tx) error {
			for err := range tx.Check() {
				rep.Pages = append(rep.Pages, err.Error())
			}
			if len(rep.Pages) == 0 {
				checkLogical(tx, func(format string, args ...any) {
					if len(rep.Records) < maxProblems {
						rep.Records = append(rep.Records, fmt.Sprintf(format, args...))
					}
				})
			}
			if b := tx.Bucket(bucketArticles); b != nil {
				rep.Articles = b.Stats().KeyN
			}
			return nil
		})
	})
	return rep, err
}

// SalvageReport says what Salvage recovered and what it could not.
type SalvageReport struct {
	Problems []string `json:"problems,omitempty"` // what is damaged in the old file

	Articles   int `json:"articles"`
	Revisions  int `json:"revisions"` // older revisions recovered with their articles
	Highlights int `json:"highlights"`
	Verdicts   int `json:"verdicts"`
	Aliases    int `json:"aliases"`
	Links      int `json:"links"`
	Tags       int `json:"tags"`
	// FromLoosePages counts articles found only by scanning pages the damaged tree no longer
	// reaches (a damaged branch page, or pages wrongly marked free).
	FromLoosePages int `json:"from_loose_pages"`

	// Lost lists what the old file shows existed but could not be recovered.
	Lost []string `json:"lost,omitempty"`
}

// Salvage copies every readable article (with its revisions), highlight, verdict, alias, link,
// story override and the tag set of the workspace file at path into a new workspace at out,
// and reports what was lost. It reads path's bytes with the bounds-checked page reader, never
// through bbolt, so it works on files bbolt cannot open; it writes nothing to path. Records
// are taken from the bucket tree where it is intact; pages the tree no longer reaches are
// scanned for articles too. Every article is verified against its content hash before it is
// kept. out must not exist.
func Salvage(path, out string) (SalvageReport, error) {
	var rep SalvageReport
	if _, err := os.Lstat(out); err == nil {
		return rep, fmt.Errorf("%s already exists; salvage writes a new workspace, give a name that is not taken: %w", out, ErrInvalid)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return rep, fmt.Errorf("salvage into %s: %w", out, err)
	}
	f, err := os.Open(path)
	if err != nil {
		return rep, fmt.Errorf("salvage workspace %s: %w", path, err)
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return rep, fmt.Errorf("salvage workspace %s: %w", path, err)
	} else if kind := fileKind(info.Mode()); kind != "" {
		return rep, &userError{msg: fmt.Sprintf("%s is %s, not a workspace file", path, kind), sentinel: ErrNotWorkspace}
	}
	if err := lockShared(f, DefaultTimeout); err != nil {
		return rep, lockedError(path)
	}
	info, _ := f.Stat()
	data := make([]byte, info.Size())
	_, err = f.ReadAt(data, 0)
	unlock(f)
	if err != nil {
		return rep, fmt.Errorf("salvage workspace %s: %w", path, err)
	}
	recs, rep := salvageRecords(data)
	if rep.Articles == 0 {
		return rep, fmt.Errorf("no article of %s could be read, so no new workspace was made: %w", path, ErrDamaged)
	}
	db, err := Open(out, Options{NoSync: true})
	if err != nil {
		return rep, err
	}
	res, err := db.Merge(recs)
	if err == nil {
		err = db.bolt.Sync() // one fsync for the whole new file
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(out)
		return rep, fmt.Errorf("write salvaged records to %s: %w", out, err)
	}
	rep.Lost = append(rep.Lost, res.Notes...)
	return rep, nil
}

// salvageRecords gathers, from a workspace file's bytes, every record it can read and checks
// each as Merge will, so the result always merges.
func salvageRecords(data []byte) (SetRecords, SalvageReport) {
	var rep SalvageReport
	var tree []record
	raw, err := readRaw(data)
	if err != nil {
		rep.Problems = append(rep.Problems, err.Error())
		// Both meta pages are gone: guess the usual page size and scan every page.
		raw = &rawFile{src: bytesSource(data), pageSize: 4096}
	} else {
		c, _ := checkRaw(data, func(r record) { tree = append(tree, r) })
		rep.Problems = append(rep.Problems, c.problems...)
		_ = c.reached
	}
	pages := uint64(len(data)) / raw.pageSize

	// Articles: every readable revision, by article id and revision.
	revs := map[string]map[int]Article{}
	fromTree := map[string]bool{}
	known := map[string]map[int]bool{} // revisions the content index says existed
	// addArticle keeps a readable revision. The tree's records are authoritative; a record from
	// a loose page is used only for an article the tree does not hold at all, and of two loose
	// copies the later-updated wins.
	addArticle := func(v []byte, tree bool) bool {
		var a Article
		if json.Unmarshal(v, &a) != nil || a.ID == "" || a.Revision < 1 || a.Hash != textHash(a.Text) {
			return false
		}
		if !tree && fromTree[a.ID] {
			return true
		}
		if revs[a.ID] == nil {
			revs[a.ID] = map[int]Article{}
		}
		if old, ok := revs[a.ID][a.Revision]; ok && !tree && !a.UpdatedAt.After(old.UpdatedAt) {
			return true
		}
		revs[a.ID][a.Revision] = a
		if tree {
			fromTree[a.ID] = true
		}
		return true
	}
	var highlights []Highlight
	var verdicts []Verdict
	var aliases []LearnedAlias
	var links []ManualLink
	var overrides []StoryOverride
	var tags []Tag
	tagsOK := true
	for _, r := range tree {
		bucket := string(r.path[0])
		switch {
		case bucket == "articles" && len(r.path) == 1, bucket == "revisions" && len(r.path) == 2:
			if !addArticle(r.val, true) {
				rep.Lost = append(rep.Lost, fmt.Sprintf("article %q: its record is damaged", r.key))
			}
		case bucket == "hashes" && len(r.path) == 1:
			var ref hashRef
			if json.Unmarshal(r.val, &ref) == nil && ref.Article != "" {
				if known[ref.Article] == nil {
					known[ref.Article] = map[int]bool{}
				}
				known[ref.Article][ref.Revision] = true
			}
		case bucket == "highlights" && len(r.path) == 2:
			var h Highlight
			if json.Unmarshal(r.val, &h) == nil {
				highlights = append(highlights, h)
			} else {
				rep.Lost = append(rep.Lost, fmt.Sprintf("highlight %q of article %q: its record is damaged", r.key, r.path[1]))
			}
		case bucket == "verdicts" && len(r.path) == 1:
			var v Verdict
			if json.Unmarshal(r.val, &v) == nil {
				verdicts = append(verdicts, v)
			} else {
				rep.Lost = append(rep.Lost, fmt.Sprintf("verdict %q: its record is damaged", r.key))
			}
		case bucket == "aliases" && len(r.path) == 1:
			var a LearnedAlias
			if json.Unmarshal(r.val, &a) == nil {
				aliases = append(aliases, a)
			} else {
				rep.Lost = append(rep.Lost, fmt.Sprintf("alias %q: its record is damaged", r.key))
			}
		case bucket == "links" && len(r.path) == 1:
			var l ManualLink
			if json.Unmarshal(r.val, &l) == nil {
				links = append(links, l)
			} else {
				rep.Lost = append(rep.Lost, fmt.Sprintf("link %q: its record is damaged", r.key))
			}
		case bucket == "stories" && len(r.path) == 1:
			var o StoryOverride
			if json.Unmarshal(r.val, &o) == nil {
				overrides = append(overrides, o)
			}
		case bucket == "tags" && len(r.path) == 1:
			var t Tag
			if json.Unmarshal(r.val, &t) == nil {
				tags = append(tags, t)
			} else {
				tagsOK = false
			}
		}
	}

	// A damaged branch page orphans whole subtrees, and a damaged meta page leaves bbolt with
	// the previous, partly overwritten tree: scan every leaf page of the file (and the inline
	// buckets inside them) for article records. The tree's version of an article wins.
	for id := uint64(2); id < pages; id++ {
		off := id * raw.pageSize
		p := data[off : off+raw.pageSize]
		if binary.LittleEndian.Uint64(p) != id {
			continue
		}
		if ov := uint64(binary.LittleEndian.Uint32(p[12:])); ov > 0 && id+ov < pages {
			p = data[off : off+(ov+1)*raw.pageSize]
		}
		flags, els, err := elements(p)
		if err != nil || flags != leafFlag {
			continue
		}
		for _, e := range els {
			vals := [][]byte{e.value}
			if e.bucket && len(e.value) > bucketHdrSize && binary.LittleEndian.Uint64(e.value) == 0 {
				if fl, inner, err := elements(e.value[bucketHdrSize:]); err == nil && fl == leafFlag {
					vals = vals[:0]
					for _, ie := range inner {
						vals = append(vals, ie.value)
					}
				}
			}
			for _, v := range vals {
				addArticle(v, false)
			}
		}
	}

	// Histories: revisions 1..N in order. A gap keeps only the revisions after it, renumbered
	// from 1, and highlights follow their revision.
	var recs SetRecords
	renum := map[revRef]int{}
	ids := make([]string, 0, len(revs))
	for id := range revs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	texts := map[revRef]string{}
	for _, id := range ids {
		var nums []int
		for n := range revs[id] {
			nums = append(nums, n)
		}
		sort.Ints(nums)
		start := len(nums) - 1
		for start > 0 && nums[start-1] == nums[start]-1 {
			start--
		}
		if nums[start] != 1 {
			rep.Lost = append(rep.Lost, fmt.Sprintf("article %q: revisions 1 to %d are lost; revision %d is kept as its first", id, nums[start]-1, nums[start]))
		}
		var h ArticleHistory
		for i, n := range nums[start:] {
			a := revs[id][n]
			if err := validArticle(a); err != nil {
				h = nil
				rep.Lost = append(rep.Lost, fmt.Sprintf("article %q revision %d: %v", id, n, err))
				break
			}
			a.Revision = i + 1
			renum[revRef{id, n}] = i + 1
			texts[revRef{id, i + 1}] = a.Text
			h = append(h, a)
		}
		if len(h) == 0 {
			continue
		}
		recs.Articles = append(recs.Articles, h)
		rep.Articles++
		rep.Revisions += len(h) - 1
		if !fromTree[id] {
			rep.FromLoosePages++
		}
	}
	have := map[string]bool{}
	for _, h := range recs.Articles {
		have[h[0].ID] = true
	}
	for id, rs := range known {
		if !have[id] {
			rep.Lost = append(rep.Lost, fmt.Sprintf("article %q (%d revisions): its pages are damaged", id, len(rs)))
		}
	}

	seen := map[string]bool{}
	for _, h := range highlights {
		n, ok := renum[revRef{h.Article, h.Revision}]
		key := h.Article + "\x00" + h.ID
		if !ok || seen[key] || validateKey("highlight id", h.ID) != nil {
			rep.Lost = append(rep.Lost, fmt.Sprintf("highlight %q of article %q: its article revision was not recovered", h.ID, h.Article))
			continue
		}
		h.Revision = n
		if err := validateSpan(texts[revRef{h.Article, n}], h.Start, h.End, h.Quote); err != nil {
			rep.Lost = append(rep.Lost, fmt.Sprintf("highlight %q of article %q: %v", h.ID, h.Article, err))
			continue
		}
		seen[key] = true
		recs.Highlights = append(recs.Highlights, h)
	}
	clear(seen)
	for _, v := range verdicts {
		if validateKey("verdict", v.Discrepancy) != nil || seen[v.Discrepancy] ||
			(v.Verdict != VerdictConfirmed && v.Verdict != VerdictRejected && v.Verdict != VerdictUnsure) {
			rep.Lost = append(rep.Lost, fmt.Sprintf("verdict on %q: damaged", v.Discrepancy))
			continue
		}
		seen[v.Discrepancy] = true
		recs.Verdicts = append(recs.Verdicts, v)
	}
	clear(seen)
	for _, a := range aliases {
		if a.Surface == "" || a.Surface != strings.TrimSpace(a.Surface) || strings.TrimSpace(a.ActorID) == "" || seen[a.Surface] {
			rep.Lost = append(rep.Lost, fmt.Sprintf("alias %q: damaged", a.Surface))
			continue
		}
		seen[a.Surface] = true
		recs.Aliases = append(recs.Aliases, a)
	}
	clear(seen)
links:
	for _, l := range links {
		if validateKey("link id", l.ID) != nil || len(l.Members) < 2 || seen[l.ID] {
			rep.Lost = append(rep.Lost, fmt.Sprintf("link %q: damaged", l.ID))
			continue
		}
		for _, m := range l.Members {
			if !have[m.Article] {
				rep.Lost = append(rep.Lost, fmt.Sprintf("link %q: it joins article %q, which was not recovered", l.ID, m.Article))
				continue links
			}
		}
		seen[l.ID] = true
		recs.Links = append(recs.Links, l)
	}
	clear(seen)
	for _, o := range overrides {
		if have[o.Article] && !seen[o.Article] {
			seen[o.Article] = true
			recs.StoryOverrides = append(recs.StoryOverrides, o)
		}
	}
	if tagsOK && len(tags) > 0 && validateTags(tags) == nil {
		recs.Tags = tags
	} else if len(tags) > 0 || !tagsOK {
		rep.Lost = append(rep.Lost, "the tag set (the default one is used)")
	}
	rep.Highlights, rep.Verdicts, rep.Aliases = len(recs.Highlights), len(recs.Verdicts), len(recs.Aliases)
	rep.Links, rep.Tags = len(recs.Links), len(recs.Tags)
	sort.Strings(rep.Lost)
	return recs, rep
}

// validArticle applies Merge's checks to one revision.
func validArticle(a Article) error {
	if err := validateKey("article id", a.ID); err != nil {
		return err
	}
	if err := ValidateArticleText(a.Text); err != nil {
		return err
	}
	if err := validateLang(a.Lang); err != nil {
		return err
	}
	return validatePublished(a.Published)
}
