package interchange

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"parallax/store"
)

// Import of W3C Web Annotations made with other tools (Hypothesis, Recogito, a colleague's
// Parallax): each annotation whose target names a stored article (by URL, source or Parallax
// article id) and whose quote is found in that article's text becomes a highlight with the
// annotation's tags and note. The offsets of a TextPositionSelector count in the annotated
// web page's text, not in Parallax's, so the quote (TextQuoteSelector exact, with prefix and
// suffix to choose between repeats) is what anchors; a position only decides between equal
// candidates, or anchors alone on a Parallax target. What cannot be anchored is reported with
// the reason, never dropped silently.

// W3CImportReport says what ImportW3C did with each annotation.
type W3CImportReport struct {
	Annotations int // annotations read
	Imported    int // new highlights
	Already     int // highlights an earlier import of the same annotations made
	// Flags counts Parallax's own discrepancy annotations, which are not highlights (the
	// analysis finds them again) and are skipped.
	Flags int
	// Unanchored lists the annotations (or targets) that did not become highlights, and why.
	Unanchored []Unanchored
	TagsAdded  []string // tags the workspace's tag set gained
}

// Unanchored is one annotation target that could not be placed on a stored article.
type Unanchored struct {
	Annotation string // the annotation's id, or its place in the file ("#3")
	Target     string // the target's source (URL or id)
	Quote      string
	Reason     string
}

func (r W3CImportReport) String() string {
	s := fmt.Sprintf("%d annotations: %d highlights added, %d already there, %d not anchored", r.Annotations, r.Imported, r.Already, len(r.Unanchored))
	if r.Flags > 0 {
		s += fmt.Sprintf(", %d Parallax discrepancy flags skipped (the analysis finds them)", r.Flags)
	}
	if len(r.TagsAdded) > 0 {
		s += "; new tags " + strings.Join(r.TagsAdded, ", ")
	}
	for _, u := range r.Unanchored {
		q := u.Quote
		if n := []rune(q); len(n) > 60 {
			q = string(n[:60]) + "…"
		}
		s += fmt.Sprintf("\n  %s on %s", u.Annotation, u.Target)
		if q != "" {
			s += fmt.Sprintf(" %q", q)
		}
		s += ": " + u.Reason
	}
	return s
}

// ErrNotAnnotations: the document is JSON but holds no Web Annotations.
var ErrNotAnnotations = errors.New("not W3C Web Annotations")

// ImportW3C reads W3C Web Annotations (a JSON-LD Annotation, an array of them, an
// AnnotationCollection or AnnotationPage, or Hypothesis API rows) and stores those it can
// anchor as highlights, in one transaction: either all of them are stored or none. author is
// given to annotations that name no creator.
func ImportW3C(db *store.DB, r io.Reader, name, author string) (W3CImportReport, error) {
	var rep W3CImportReport
	data, err := io.ReadAll(io.LimitReader(r, MaxSetBytes+1))
	if err != nil {
		return rep, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxSetBytes {
		return rep, fmt.Errorf("%s: %w", name, ErrTooLarge)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		return rep, fmt.Errorf("%s is not JSON: %v: %w", name, err, ErrNotAnnotations)
	}
	annos := annotationList(doc)
	if len(annos) == 0 {
		return rep, fmt.Errorf("%s holds no annotations (an Annotation, a list of them, an AnnotationCollection or Hypothesis rows): %w", name, ErrNotAnnotations)
	}
	rep.Annotations = len(annos)

	arts, err := db.Articles()
	if err != nil {
		return rep, err
	}
	tags, err := db.Tags()
	if err != nil {
		return rep, err
	}
	tagName := map[string]string{}
	for _, t := range tags {
		tagName[strings.ToLower(t.Name)] = t.Name
	}
	var in store.SetRecords
	held := map[string]bool{}
	for i, a := range annos {
		if a["parallax:discrepancy"] != nil {
			rep.Flags++
			continue
		}
		ann := readAnnotation(a, i)
		if ann.creator == "" {
			ann.creator = author
		}
		if len(ann.targets) == 0 {
			rep.Unanchored = append(rep.Unanchored, Unanchored{Annotation: ann.id, Reason: "it has no target"})
			continue
		}
		for _, t := range ann.targets {
			un := Unanchored{Annotation: ann.id, Target: t.source, Quote: t.exact}
			art := findArticle(arts, t)
			if art == nil {
				un.Reason = "no stored article has this URL or source; import the article first"
				rep.Unanchored = append(rep.Unanchored, un)
				continue
			}
			start, end, why := anchor(art.Text, t)
			if why != "" {
				un.Reason = why
				rep.Unanchored = append(rep.Unanchored, un)
				continue
			}
			var htags []string
			for _, tg := range ann.tags {
				k := strings.ToLower(tg)
				if tagName[k] == "" {
					tagName[k] = tg
					in.Tags = append(in.Tags, store.Tag{Name: tg, Color: tagColor(tg)})
					rep.TagsAdded = append(rep.TagsAdded, tg)
				}
				htags = append(htags, tagName[k])
			}
			sum := sha256.Sum256([]byte(ann.id + "\x00" + art.ID + "\x00" + strconv.Itoa(start) + "\x00" + strconv.Itoa(end)))
			h := store.Highlight{ID: "w3c-" + hex.EncodeToString(sum[:8]), Article: art.ID, Revision: art.Revision,
				Start: start, End: end, Quote: string([]rune(art.Text)[start:end]), Tags: htags, Note: ann.note,
				Author: ann.creator, Created: ann.created, Updated: ann.modified}
			if h.Tags == nil {
				h.Tags = []string{}
			}
			if h.Created.IsZero() {
				h.Created = time.Now().UTC()
			}
			if h.Updated.IsZero() || h.Updated.Before(h.Created) {
				h.Updated = h.Created
			}
			if exists, err := hasHighlight(db, art.ID, h.ID); err != nil {
				return rep, err
			} else if exists {
				rep.Already++
				continue
			}
			if !held[art.ID] {
				hist, err := db.Revisions(art.ID)
				if err != nil {
					return rep, err
				}
				in.Articles = append(in.Articles, hist)
				held[art.ID] = true
			}
			in.Highlights = append(in.Highlights, h)
		}
	}
	if len(in.Highlights) == 0 {
		return rep, nil
	}
	if _, err := db.Merge(in); err != nil {
		return rep, fmt.Errorf("import annotations from %s: %w; nothing was imported", name, err)
	}
	rep.Imported = len(in.Highlights)
	return rep, nil
}

func hasHighlight(db *store.DB, article, id string) (bool, error) {
	hs, err := db.Highlights(article)
	if err != nil {
		return false, err
	}
	for _, h := range hs {
		if h.ID == id {
			return true, nil
		}
	}
	return false, nil
}

// tagColor gives a new tag a stable colour from a small palette.
func tagColor(name string) string {
	palette := []string{"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324"}
	sum := sha256.Sum256([]byte(strings.ToLower(name)))
	return palette[int(sum[0])%len(palette)]
}

// annotation is what Parallax takes from one Web Annotation.
type annotation struct {
	id, note, creator string
	tags              []string
	created, modified time.Time
	targets           []annoTarget
}

type annoTarget struct {
	source                string // URL, IRI or Parallax urn
	article               string // parallax:article, when the target is Parallax's
	exact, prefix, suffix string
	start, end            int
	hasPosition, hasQuote bool
}

// annotationList finds the annotations in a document of any of the shapes tools write.
func annotationList(doc any) []map[string]any {
	var out []map[string]any
	switch v := doc.(type) {
	case []any:
		for _, x := range v {
			out = append(out, annotationList(x)...)
		}
	case map[string]any:
		switch {
		case v["rows"] != nil: // Hypothesis API search result
			return annotationList(v["rows"])
		case v["items"] != nil: // AnnotationPage
			out = annotationList(v["items"])
			if next, ok := v["next"].(map[string]any); ok {
				out = append(out, annotationList(next)...)
			}
			return out
		case v["first"] != nil: // AnnotationCollection with embedded pages
			return annotationList(v["first"])
		case v["target"] != nil:
			return []map[string]any{v}
		}
	}
	return out
}

func readAnnotation(a map[string]any, i int) annotation {
	ann := annotation{id: str(a["id"])}
	if ann.id == "" {
		ann.id = str(a["@id"])
	}
	if ann.id == "" {
		ann.id = fmt.Sprintf("#%d", i+1)
	}
	ann.creator = agentName(a["creator"])
	if ann.creator == "" { // Hypothesis: "acct:name@hypothes.is"
		u := strings.TrimPrefix(str(a["user"]), "acct:")
		ann.creator, _, _ = strings.Cut(u, "@")
	}
	ann.created = when(a["created"])
	ann.modified = when(a["modified"])
	if ann.modified.IsZero() {
		ann.modified = when(a["updated"])
	}
	var notes []string
	for _, b := range list(a["body"]) {
		switch b := b.(type) {
		case string:
			notes = append(notes, b)
		case map[string]any:
			val := str(b["value"])
			if val == "" {
				continue
			}
			switch str(b["purpose"]) {
			case "tagging", "classifying", "identifying":
				ann.tags = append(ann.tags, val)
			case "assessing", "highlighting", "editing", "replying", "linking":
				notes = append(notes, val)
			default: // commenting, describing, none
				notes = append(notes, val)
			}
		}
	}
	for _, t := range list(a["tags"]) { // Hypothesis
		if s := str(t); s != "" {
			ann.tags = append(ann.tags, s)
		}
	}
	if txt := str(a["text"]); txt != "" { // Hypothesis
		notes = append(notes, txt)
	}
	ann.note = strings.Join(notes, "\n\n")
	var cleaned []string
	for _, t := range ann.tags {
		if t = strings.TrimSpace(t); t != "" {
			cleaned = append(cleaned, t)
		}
	}
	ann.tags = cleaned
	fallback := str(a["uri"]) // Hypothesis names the page beside the target
	for _, t := range list(a["target"]) {
		ann.targets = append(ann.targets, readTarget(t, fallback))
	}
	return ann
}

func readTarget(t any, fallback string) annoTarget {
	var at annoTarget
	switch t := t.(type) {
	case string:
		at.source = t
		return at
	case map[string]any:
		switch s := t["source"].(type) {
		case string:
			at.source = s
		case map[string]any:
			at.source = str(s["id"])
			at.article = str(s["parallax:article"])
			if u := str(s["parallax:url"]); at.source == "" {
				at.source = u
			}
		}
		if at.source == "" {
			at.source = str(t["id"])
		}
		for _, sel := range list(t["selector"]) {
			sm, _ := sel.(map[string]any)
			switch str(sm["type"]) {
			case "TextQuoteSelector":
				at.exact, at.prefix, at.suffix, at.hasQuote = str(sm["exact"]), str(sm["prefix"]), str(sm["suffix"]), true
			case "TextPositionSelector":
				s, ok1 := sm["start"].(float64)
				e, ok2 := sm["end"].(float64)
				if ok1 && ok2 {
					at.start, at.end, at.hasPosition = int(s), int(e), true
				}
			}
		}
	}
	if at.source == "" {
		at.source = fallback
	}
	return at
}

// findArticle returns the stored article a target names: by Parallax article id or urn, by
// URL (scheme, "www.", fragment and a trailing slash aside), or by the source as given.
func findArticle(arts []store.Article, t annoTarget) *store.Article {
	id := t.article
	if rest, ok := strings.CutPrefix(t.source, "urn:parallax:article:"); ok && id == "" {
		id, _, _ = strings.Cut(rest, ":")
	}
	key := urlKey(t.source)
	for i := range arts {
		a := &arts[i]
		if id != "" && a.ID == id || t.source != "" && (a.Source == t.source || key != "" && urlKey(a.URL) == key) {
			return a
		}
	}
	return nil
}

func urlKey(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	return host + strings.TrimSuffix(u.EscapedPath(), "/") + "?" + u.RawQuery
}

// anchor places a target on text: the reason is "" when it is placed at [start, end).
func anchor(text string, t annoTarget) (start, end int, reason string) {
	runes := []rune(text)
	if !t.hasQuote || t.exact == "" {
		if t.hasPosition && t.article != "" && t.start >= 0 && t.end <= len(runes) && t.start < t.end {
			return t.start, t.end, ""
		}
		if t.hasPosition {
			return 0, 0, "it has a position but no quote; positions count in the annotated page's text, not Parallax's"
		}
		return 0, 0, "it selects no text (no TextQuoteSelector): a note on the whole article"
	}
	// Exact position first: a Parallax target, or a page whose text is the article's.
	if t.hasPosition && t.start >= 0 && t.end <= len(runes) && t.start < t.end && equalText(string(runes[t.start:t.end]), t.exact) {
		return t.start, t.end, ""
	}
	// Search the quote with whitespace and Unicode form made uniform on both sides.
	nt, pos := squeezeSpace(runes)
	q, _ := squeezeSpace([]rune(norm.NFC.String(t.exact)))
	if len(q) == 0 {
		return 0, 0, "its quote is only spaces"
	}
	// The context keeps its space next to the quote: "Washington.\n\n" ends in one.
	pre, _ := squeezeSpace([]rune(norm.NFC.String(t.prefix) + "x"))
	pre = pre[:len(pre)-1]
	suf, _ := squeezeSpace([]rune("x" + norm.NFC.String(t.suffix)))
	suf = suf[1:]
	best, bestScore, ties := -1, -1, 0
	for i := 0; i+len(q) <= len(nt); i++ {
		if string(nt[i:i+len(q)]) != string(q) {
			continue
		}
		score := commonSuffix(nt[:i], pre) + commonPrefix(nt[i+len(q):], suf)
		if t.hasPosition {
			// Nearer the page's position wins among equal contexts (a small bonus only).
			if d := pos[i] - t.start; d > -200 && d < 200 {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, ties = i, score, 1
		case score == bestScore:
			ties++
		}
	}
	if best < 0 {
		return 0, 0, "its quote is not in the stored text (another version of the page?)"
	}
	if ties > 1 {
		return 0, 0, fmt.Sprintf("its quote occurs %d times and the context does not tell which", ties)
	}
	start = pos[best]
	last := pos[best+len(q)-1]
	return start, last + 1, ""
}

func equalText(a, b string) bool {
	x, _ := squeezeSpace([]rune(a))
	y, _ := squeezeSpace([]rune(norm.NFC.String(b)))
	return string(x) == string(y)
}

// squeezeSpace folds every run of white space to one space and trims the ends; pos maps each
// kept rune back to its offset in r.
func squeezeSpace(r []rune) ([]rune, []int) {
	out := make([]rune, 0, len(r))
	pos := make([]int, 0, len(r))
	space := false
	for i, c := range r {
		if unicode.IsSpace(c) {
			space = len(out) > 0
			continue
		}
		if space {
			out = append(out, ' ')
			pos = append(pos, i-1)
			space = false
		}
		out = append(out, c)
		pos = append(pos, i)
	}
	return out, pos
}

func commonSuffix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func commonPrefix(a, b []rune) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func list(v any) []any {
	switch v := v.(type) {
	case nil:
		return nil
	case []any:
		return v
	}
	return []any{v}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func agentName(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		if n := str(v["name"]); n != "" {
			return n
		}
		return str(v["nickname"])
	case []any:
		if len(v) > 0 {
			return agentName(v[0])
		}
	}
	return ""
}

func when(v any) time.Time {
	t, err := time.Parse(time.RFC3339Nano, str(v))
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}
