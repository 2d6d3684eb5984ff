package interchange

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"parallax/compare"
	"parallax/store"
)

// W3C Web Annotation Data Model vocabulary (https://www.w3.org/TR/annotation-model/).
const (
	annoContext = "http://www.w3.org/ns/anno.jsonld"
	// parallaxNS is the namespace of the few terms the W3C vocabulary lacks (article id and
	// revision, discrepancy key, severity); JSON-LD processors expand "parallax:" with it.
	parallaxNS = "https://parallax.invalid/ns#"
	// quoteContext is how many code points of prefix and suffix a TextQuoteSelector carries:
	// enough to tell apart repeated quotes, short enough to survive small edits around them.
	quoteContext = 32
)

// W3C JSON-LD shapes. Field order is the order readers see.
type (
	w3cCollection struct {
		Context   []any    `json:"@context"`
		ID        string   `json:"id"`
		Type      string   `json:"type"`
		Label     string   `json:"label"`
		Generator w3cAgent `json:"generator"`
		Generated string   `json:"generated"`
		Total     int      `json:"total"`
		First     w3cPage  `json:"first"`
	}
	w3cPage struct {
		Type       string          `json:"type"`
		StartIndex int             `json:"startIndex"`
		Items      []w3cAnnotation `json:"items"`
	}
	w3cAnnotation struct {
		ID          string      `json:"id"`
		Type        string      `json:"type"`
		Motivation  string      `json:"motivation"`
		Creator     *w3cAgent   `json:"creator,omitempty"`
		Created     string      `json:"created,omitempty"`
		Modified    string      `json:"modified,omitempty"`
		Body        []w3cBody   `json:"body,omitempty"`
		Target      []w3cTarget `json:"target"`
		Discrepancy string      `json:"parallax:discrepancy,omitempty"`
		Severity    string      `json:"parallax:severity,omitempty"`
	}
	w3cAgent struct {
		Type string `json:"type"`
		Name string `json:"name"`
	}
	w3cBody struct {
		Type     string    `json:"type"`
		Purpose  string    `json:"purpose"`
		Value    string    `json:"value"`
		Format   string    `json:"format,omitempty"`
		Language string    `json:"language,omitempty"`
		Creator  *w3cAgent `json:"creator,omitempty"`
		Modified string    `json:"modified,omitempty"`
	}
	w3cTarget struct {
		Type     string        `json:"type"`
		Source   w3cSource     `json:"source"`
		Selector []w3cSelector `json:"selector,omitempty"`
	}
	w3cSource struct {
		ID            string `json:"id"`
		Type          string `json:"type"`
		Format        string `json:"format"`
		Language      string `json:"language,omitempty"`
		TextDirection string `json:"textDirection,omitempty"`
		Title         string `json:"title,omitempty"`
		URL           string `json:"parallax:url,omitempty"`
		Article       string `json:"parallax:article"`
		Revision      int    `json:"parallax:revision"`
	}
	// w3cSelector is a TextQuoteSelector (Exact, Prefix, Suffix) or a TextPositionSelector
	// (Start, End); pointers keep a zero start in the output.
	w3cSelector struct {
		Type   string  `json:"type"`
		Exact  *string `json:"exact,omitempty"`
		Prefix *string `json:"prefix,omitempty"`
		Suffix *string `json:"suffix,omitempty"`
		Start  *int    `json:"start,omitempty"`
		End    *int    `json:"end,omitempty"`
	}
)

// WriteW3C writes a set as a W3C Web Annotation collection (JSON-LD): every highlight is an
// Annotation whose target carries a TextQuoteSelector (exact, prefix, suffix) and a
// TextPositionSelector ([start, end) in code points, as the W3C model counts), whose tags are
// "tagging" bodies and whose note is a "commenting" TextualBody. With the analysis, every
// discrepancy is an Annotation targeting all its member spans (a member with no span, such as
// the article that omits a fact, targets the whole article), with its summary, kind and the
// analyst's verdict as bodies. Verdicts on discrepancies the analysis no longer lists have no
// target to name and are left out; the collection's label says how many.
func WriteW3C(w io.Writer, set *Set) error {
	x := newTexts(set)
	var items []w3cAnnotation
	for _, h := range set.Highlights {
		a, err := x.highlightAnnotation(h)
		if err != nil {
			return err
		}
		items = append(items, a)
	}
	orphans := len(set.Verdicts)
	if set.Analysis != nil {
		verdicts := map[string]store.Verdict{}
		for _, v := range set.Verdicts {
			verdicts[v.Discrepancy] = v
		}
		for _, d := range set.Analysis.Discrepancies {
			v, ok := verdicts[d.ID]
			if ok {
				orphans--
			}
			a, err := x.discrepancyAnnotation(d, v, ok, set.Generator)
			if err != nil {
				return err
			}
			items = append(items, a)
		}
	}
	label := fmt.Sprintf("Parallax set: %d articles, %d highlights", len(set.Articles), len(set.Highlights))
	if set.Analysis != nil {
		label += fmt.Sprintf(", %d discrepancies", len(set.Analysis.Discrepancies))
	}
	if set.Story != "" {
		label += ", story " + set.Story
	}
	if orphans > 0 {
		label += fmt.Sprintf(" (%d verdicts on discrepancies not in this analysis are not included)", orphans)
	}
	if items == nil {
		items = []w3cAnnotation{}
	}
	coll := w3cCollection{
		Context:   []any{annoContext, map[string]string{"parallax": parallaxNS}},
		ID:        "urn:parallax:set:" + set.Exported.UTC().Format("20060102T150405Z") + storySuffix(set.Story),
		Type:      "AnnotationCollection",
		Label:     label,
		Generator: w3cAgent{Type: "Software", Name: set.Generator},
		Generated: set.Exported.UTC().Format(time.RFC3339),
		Total:     len(items),
		First:     w3cPage{Type: "AnnotationPage", StartIndex: 0, Items: items},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(coll); err != nil {
		return fmt.Errorf("write W3C annotations: %w", err)
	}
	return nil
}

func storySuffix(s string) string {
	if s == "" {
		return ""
	}
	return ":" + s
}

func (x *texts) highlightAnnotation(h store.Highlight) (w3cAnnotation, error) {
	t, err := x.target(h.Article, h.Revision, h.Start, h.End)
	if err != nil {
		return w3cAnnotation{}, fmt.Errorf("highlight %s: %w", h.ID, err)
	}
	a := w3cAnnotation{
		ID:         "urn:parallax:highlight:" + h.Article + ":" + h.ID,
		Type:       "Annotation",
		Motivation: "highlighting",
		Created:    h.Created.UTC().Format(time.RFC3339),
		Modified:   h.Updated.UTC().Format(time.RFC3339),
		Target:     []w3cTarget{t},
	}
	if h.Author != "" {
		a.Creator = &w3cAgent{Type: "Person", Name: h.Author}
	}
	for _, tag := range h.Tags {
		a.Body = append(a.Body, w3cBody{Type: "TextualBody", Purpose: "tagging", Value: tag})
	}
	if h.Note != "" {
		a.Motivation = "commenting"
		a.Body = append(a.Body, w3cBody{Type: "TextualBody", Purpose: "commenting", Value: h.Note, Format: "text/plain"})
	}
	return a, nil
}

func (x *texts) discrepancyAnnotation(d compare.Discrepancy, v store.Verdict, hasVerdict bool, generator string) (w3cAnnotation, error) {
	a := w3cAnnotation{
		ID:          "urn:parallax:discrepancy:" + d.ID,
		Type:        "Annotation",
		Motivation:  "assessing",
		Creator:     &w3cAgent{Type: "Software", Name: generator},
		Discrepancy: d.ID,
		Severity:    d.Severity,
		Body: []w3cBody{
			{Type: "TextualBody", Purpose: "describing", Value: d.Summary, Format: "text/plain", Language: "en"},
			{Type: "TextualBody", Purpose: "tagging", Value: d.Kind},
			{Type: "TextualBody", Purpose: "tagging", Value: d.Severity},
		},
	}
	if d.Diff != "" {
		a.Body = append(a.Body, w3cBody{Type: "TextualBody", Purpose: "describing", Value: d.Diff, Format: "text/plain"})
	}
	if hasVerdict {
		value := v.Verdict
		if v.Note != "" {
			value += ": " + v.Note
		}
		b := w3cBody{Type: "TextualBody", Purpose: "assessing", Value: value, Format: "text/plain",
			Modified: v.Updated.UTC().Format(time.RFC3339)}
		if v.Author != "" {
			b.Creator = &w3cAgent{Type: "Person", Name: v.Author}
		}
		a.Body = append(a.Body, b)
		a.Modified = b.Modified
	}
	for _, m := range d.Members {
		e := x.entry(m.Article)
		if e == nil {
			return w3cAnnotation{}, fmt.Errorf("discrepancy %s names article %q, which the set does not hold", d.ID, m.Article)
		}
		if m.End <= m.Start {
			// No span (the version that leaves the fact out): the article as a whole.
			a.Target = append(a.Target, w3cTarget{Type: "SpecificResource", Source: x.source(e.Article)})
			continue
		}
		t, err := x.target(m.Article, e.Revision, m.Start, m.End)
		if err != nil {
			return w3cAnnotation{}, fmt.Errorf("discrepancy %s: %w", d.ID, err)
		}
		a.Target = append(a.Target, t)
	}
	return a, nil
}

// texts looks up article revisions of a set and caches their grapheme boundaries.
type texts struct {
	set     *Set
	entries map[string]*ArticleEntry
	bounds  map[textKey][]bool
	runes   map[textKey][]rune
}

func newTexts(set *Set) *texts {
	x := &texts{set: set, entries: map[string]*ArticleEntry{}, bounds: map[textKey][]bool{}, runes: map[textKey][]rune{}}
	for i := range set.Articles {
		x.entries[set.Articles[i].ID] = &set.Articles[i]
	}
	return x
}

func (x *texts) entry(id string) *ArticleEntry { return x.entries[id] }

// revision returns an article revision, or an error naming what is missing.
func (x *texts) revision(id string, rev int) (store.Article, error) {
	e := x.entries[id]
	if e == nil {
		return store.Article{}, fmt.Errorf("article %q is not in the set", id)
	}
	if rev == e.Revision {
		return e.Article, nil
	}
	for _, r := range e.Revisions {
		if r.Revision == rev {
			return r, nil
		}
	}
	return store.Article{}, fmt.Errorf("article %q has no revision %d in the set", id, rev)
}

func (x *texts) runesOf(k textKey, text string) ([]rune, []bool) {
	r, ok := x.runes[k]
	if !ok {
		r = []rune(text)
		x.runes[k] = r
		x.bounds[k] = graphemeBoundaries(text)
	}
	return r, x.bounds[k]
}

// target is a SpecificResource for [start, end) of an article revision with both selectors.
func (x *texts) target(id string, rev, start, end int) (w3cTarget, error) {
	a, err := x.revision(id, rev)
	if err != nil {
		return w3cTarget{}, err
	}
	r, b := x.runesOf(textKey{id, rev}, a.Text)
	if start < 0 || end > len(r) || start >= end {
		return w3cTarget{}, fmt.Errorf("span [%d,%d) is outside article %q revision %d (%d characters)", start, end, id, rev, len(r))
	}
	exact := string(r[start:end])
	ps := max(0, start-quoteContext)
	for ps > 0 && !b[ps] {
		ps-- // never start a prefix inside a character
	}
	se := min(len(r), end+quoteContext)
	for se < len(r) && !b[se] {
		se++
	}
	prefix, suffix := string(r[ps:start]), string(r[end:se])
	s, e := start, end
	return w3cTarget{
		Type:   "SpecificResource",
		Source: x.source(a),
		Selector: []w3cSelector{
			{Type: "TextQuoteSelector", Exact: &exact, Prefix: &prefix, Suffix: &suffix},
			{Type: "TextPositionSelector", Start: &s, End: &e},
		},
	}, nil
}

// source describes the text selectors count in: Parallax's stored text of one article
// revision (not the web page it came from, whose markup would shift every offset).
func (x *texts) source(a store.Article) w3cSource {
	return w3cSource{
		ID:            fmt.Sprintf("urn:parallax:article:%s:%d", a.ID, a.Revision),
		Type:          "Text",
		Format:        "text/plain",
		Language:      a.Lang,
		TextDirection: textDirection(a.Lang, a.Text),
		Title:         a.Title,
		URL:           a.URL,
		Article:       a.ID,
		Revision:      a.Revision,
	}
}

// textDirection is "rtl" for articles in a right-to-left language or script, else "ltr".
func textDirection(lang, text string) string {
	primary, _, _ := strings.Cut(lang, "-")
	switch primary {
	case "ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb", "sd", "ug":
		return "rtl"
	case "":
		rtl, ltr := 0, 0
		for _, c := range text[:min(len(text), 4096)] {
			switch {
			case c >= 0x0590 && c <= 0x08FF || c >= 0xFB1D && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF:
				rtl++
			case c >= 'A' && c <= 'z' || c >= 0x00C0 && c < 0x0590 || c >= 0x3040:
				ltr++
			}
		}
		if rtl > ltr {
			return "rtl"
		}
	}
	return "ltr"
}
