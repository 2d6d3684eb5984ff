package interchange

import (
	"cmp"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"
	"unicode"

	"parallax/compare"
	"parallax/store"
)

// reportContext is how many code points of the surrounding sentence a quoted span shows on
// each side in the report (cut at the paragraph and at character boundaries).
const reportContext = 90

// WriteReport writes a readable discrepancy report of a set: for each story (or only the story
// given), its versions, each discrepancy with its quoted spans in context, the analyst's
// verdict and note, and the analyst's highlights. format is "html" (one self-contained page
// that prints sensibly) or "md" (Markdown). A set exported without its analysis has no
// stories or discrepancies; the report then lists the articles and their highlights.
func WriteReport(w io.Writer, set *Set, format, story string) error {
	v, err := buildReport(set, story)
	if err != nil {
		return err
	}
	switch format {
	case "html":
		if err := reportHTML.Execute(w, v); err != nil {
			return fmt.Errorf("write HTML report: %w", err)
		}
		return nil
	case "md", "markdown":
		return writeMarkdown(w, v)
	}
	return fmt.Errorf("report format %q is not known; use \"html\" or \"md\"", format)
}

// The report's view model, shared by both formats.
type (
	reportView struct {
		Generated  string
		Generator  string
		Scope      string // "" or the story asked for
		NoAnalysis bool
		Stories    []storyView
		// Orphans are verdicts on discrepancies the analysis no longer finds (the text or
		// what the analyst taught changed since): shown apart, never silently dropped.
		Orphans []orphanView
	}
	orphanView struct {
		Key     string
		Verdict verdictView
	}
	storyView struct {
		N             int
		ID            string
		Title         string
		Lang          string
		Versions      []versionView
		Discrepancies []discView
		Articles      []articleHighlights
		Major, Minor  int
		Verdicts      int
		Highlights    int
	}
	versionView struct {
		ID, Label, Lang, Title, Source, URL, Published string
		// Inferred is true when Published is not the article's own date but the one the
		// analysis inferred from the story's other versions.
		Inferred             bool
		Revision, Highlights int
		SameText             string // "the same wire text ran in A and B"
	}
	discView struct {
		Label                       string // D1, D2…
		ID, Kind, Severity, Summary string
		Diff                        string
		Members                     []quoteView
		Verdict                     *verdictView
	}
	verdictView struct {
		Verdict, Note, Author, Date string
	}
	quoteView struct {
		Article, Label, Lang, Title string
		Before, Exact, After        string
		Missing                     bool // no span: the version that leaves the fact out
		Revision, CurrentRevision   int
	}
	articleHighlights struct {
		Label, Lang, Title string
		Items              []highlightView
	}
	highlightView struct {
		Quote        quoteView
		Tags         []tagView
		Note, Author string
		Date         string
	}
	tagView struct{ Name, Color string }
)

func buildReport(set *Set, story string) (reportView, error) {
	x := newTexts(set)
	v := reportView{
		Generated: set.Exported.UTC().Format("2006-01-02 15:04 UTC"),
		Generator: set.Generator,
		Scope:     story,
	}
	colors := map[string]string{}
	for _, t := range set.Tags {
		colors[t.Name] = t.Color
	}
	labels := versionLabels(set)
	relabel := func(s string) string {
		for id, l := range labels {
			s = strings.ReplaceAll(s, id, l)
		}
		return s
	}
	verdicts := map[string]store.Verdict{}
	for _, vd := range set.Verdicts {
		verdicts[vd.Discrepancy] = vd
	}
	var stories []compare.Story
	if set.Analysis == nil {
		if story != "" {
			return v, fmt.Errorf("report on story %q: the set was exported without its analysis, so it has no stories; export it with the analysis", story)
		}
		v.NoAnalysis = true
		st := compare.Story{ID: "", Articles: nil}
		for _, a := range set.Articles {
			st.Articles = append(st.Articles, a.ID)
		}
		stories = []compare.Story{st}
	} else {
		var ids []string
		for _, st := range set.Analysis.Stories {
			ids = append(ids, st.ID)
			if story == "" || st.ID == story {
				stories = append(stories, st)
			}
		}
		if len(stories) == 0 && story != "" {
			return v, fmt.Errorf("report on story %q: no such story; the set has %s", story, listOrNone(ids))
		}
		// The story with most versions is what the report is about; singletons come last.
		slices.SortStableFunc(stories, func(a, b compare.Story) int { return len(b.Articles) - len(a.Articles) })
	}
	if set.Analysis != nil && story == "" {
		known := map[string]bool{}
		for _, d := range set.Analysis.Discrepancies {
			known[d.ID] = true
		}
		for _, vd := range set.Verdicts {
			if !known[vd.Discrepancy] {
				v.Orphans = append(v.Orphans, orphanView{Key: vd.Discrepancy,
					Verdict: verdictView{Verdict: vd.Verdict, Note: vd.Note, Author: vd.Author, Date: day(vd.Updated)}})
			}
		}
	}
	inferred := map[string]string{} // article → publication date inferred from its story
	if set.Analysis != nil {
		for _, af := range set.Analysis.Facts {
			if af.Published != "" {
				inferred[af.Article] = af.Published
			}
		}
	}
	for i, st := range stories {
		sv := storyView{N: i + 1, ID: st.ID}
		in := map[string]bool{}
		for _, id := range st.Articles {
			e := x.entry(id)
			if e == nil {
				continue
			}
			in[id] = true
			ver := versionView{ID: id, Label: labels[id], Lang: e.Lang, Title: e.Title, Source: e.Source,
				URL: e.URL, Published: e.Published, Revision: e.Revision, SameText: e.SameTextNote()}
			if ver.Published == "" && inferred[id] != "" {
				ver.Published, ver.Inferred = inferred[id], true
			}
			sv.Versions = append(sv.Versions, ver)
		}
		slices.SortStableFunc(sv.Versions, func(a, b versionView) int {
			return cmp.Or(strings.Compare(a.Published, b.Published), strings.Compare(a.Lang, b.Lang), strings.Compare(a.ID, b.ID))
		})
		if len(sv.Versions) > 0 {
			sv.Title, sv.Lang = sv.Versions[0].Title, sv.Versions[0].Lang
		}
		if set.Analysis != nil {
			var ds []compare.Discrepancy
			for _, d := range set.Analysis.Discrepancies {
				if d.Story == st.ID {
					ds = append(ds, d)
				}
			}
			slices.SortStableFunc(ds, func(a, b compare.Discrepancy) int {
				return cmp.Or(cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)), strings.Compare(a.Kind, b.Kind))
			})
			for j, d := range ds {
				dv := discView{Label: fmt.Sprintf("D%d", j+1), ID: d.ID, Kind: d.Kind, Severity: d.Severity, Summary: relabel(d.Summary), Diff: d.Diff}
				if d.Severity == compare.SeverityMajor {
					sv.Major++
				} else {
					sv.Minor++
				}
				for _, m := range d.Members {
					e := x.entry(m.Article)
					if e == nil {
						continue
					}
					q := x.quote(e.Article, m.Start, m.End, reportContext)
					q.Label = labels[m.Article]
					dv.Members = append(dv.Members, q)
				}
				if vd, ok := verdicts[d.ID]; ok {
					dv.Verdict = &verdictView{Verdict: vd.Verdict, Note: vd.Note, Author: vd.Author, Date: day(vd.Updated)}
					sv.Verdicts++
				}
				sv.Discrepancies = append(sv.Discrepancies, dv)
			}
		}
		byArticle := map[string]*articleHighlights{}
		for _, h := range set.Highlights {
			if !in[h.Article] {
				continue
			}
			a, err := x.revision(h.Article, h.Revision)
			if err != nil {
				return v, fmt.Errorf("highlight %s: %w", h.ID, err)
			}
			ah := byArticle[h.Article]
			if ah == nil {
				e := x.entry(h.Article)
				ah = &articleHighlights{Label: labels[h.Article], Lang: e.Lang, Title: e.Title}
				byArticle[h.Article] = ah
			}
			hv := highlightView{Quote: x.quote(a, h.Start, h.End, reportContext/2), Note: h.Note, Author: h.Author, Date: day(h.Updated)}
			hv.Quote.CurrentRevision = x.entry(h.Article).Revision
			for _, t := range h.Tags {
				hv.Tags = append(hv.Tags, tagView{Name: t, Color: cmp.Or(colors[t], "#888888")})
			}
			ah.Items = append(ah.Items, hv)
			sv.Highlights++
		}
		for k := range sv.Versions {
			if ah := byArticle[sv.Versions[k].ID]; ah != nil {
				sv.Versions[k].Highlights = len(ah.Items)
				sv.Articles = append(sv.Articles, *ah)
			}
		}
		v.Stories = append(v.Stories, sv)
	}
	return v, nil
}

// versionLabels names each article of the set by its language ("FR"), numbered when several
// share one ("FR 1", "FR 2", in order of source), so summaries and quotes say which version
// speaks without repeating long titles or hex ids.
func versionLabels(set *Set) map[string]string {
	byLang := map[string][]ArticleEntry{}
	for _, a := range set.Articles {
		l := strings.ToUpper(cmp.Or(a.Lang, "??"))
		byLang[l] = append(byLang[l], a)
	}
	labels := map[string]string{}
	for l, as := range byLang {
		slices.SortStableFunc(as, func(a, b ArticleEntry) int {
			return cmp.Or(strings.Compare(a.Source, b.Source), strings.Compare(a.ID, b.ID))
		})
		for i, a := range as {
			labels[a.ID] = l
			if len(as) > 1 {
				labels[a.ID] = fmt.Sprintf("%s %d", l, i+1)
			}
		}
	}
	return labels
}

func severityRank(s string) int {
	if s == compare.SeverityMajor {
		return 0
	}
	return 1
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

// quote cuts [start, end) out of an article revision with up to n code points of context on
// each side, within its paragraph and on character boundaries. An empty span is a version
// that does not state the fact at all.
func (x *texts) quote(a store.Article, start, end, n int) quoteView {
	q := quoteView{Article: a.ID, Lang: a.Lang, Title: a.Title, Revision: a.Revision, CurrentRevision: a.Revision}
	r, b := x.runesOf(textKey{a.ID, a.Revision}, a.Text)
	if end <= start || start < 0 || end > len(r) {
		q.Missing = true
		return q
	}
	from := max(0, start-n)
	for k := start - 1; k >= from; k-- {
		if r[k] == '\n' {
			from = k + 1
			break
		}
	}
	for from > 0 && !b[from] {
		from--
	}
	to := min(len(r), end+n)
	for k := end; k < to; k++ {
		if r[k] == '\n' {
			to = k
			break
		}
	}
	for to < len(r) && !b[to] {
		to++
	}
	// Cut the context at whole words where the script has spaces (not in Chinese).
	if from > 0 && r[from-1] != '\n' {
		for k := from; k < start; k++ {
			if unicode.IsSpace(r[k]) {
				from = k + 1
				break
			}
		}
	}
	if to < len(r) && r[to] != '\n' {
		for k := to - 1; k > end; k-- {
			if unicode.IsSpace(r[k]) {
				to = k
				break
			}
		}
	}
	q.Before = strings.TrimLeft(string(r[from:start]), " \t")
	q.Exact = string(r[start:end])
	q.After = strings.TrimRight(string(r[end:to]), " \t")
	if from > 0 && r[from-1] != '\n' {
		q.Before = "…" + q.Before
	}
	if to < len(r) && r[to] != '\n' {
		q.After += "…"
	}
	return q
}

//go:embed report.html.tmpl
var reportTemplate string

var reportHTML = template.Must(template.New("report").Funcs(template.FuncMap{
	"langName": langName,
	"upper":    strings.ToUpper,
	"short":    shortTitle,
	"count":    func(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) },
}).Parse(reportTemplate))

// shortTitle cuts a title to about 40 characters at a word boundary, for labels beside quotes.
func shortTitle(t string) string {
	r := []rune(t)
	if len(r) <= 44 {
		return t
	}
	cut := 40
	for i := 40; i > 20; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,.:;") + "…"
}

// langName is the English name of the languages Parallax is built for, else the tag.
func langName(tag string) string {
	primary, _, _ := strings.Cut(tag, "-")
	if n, ok := map[string]string{
		"ar": "Arabic", "fr": "French", "vi": "Vietnamese", "ru": "Russian", "en": "English",
		"es": "Spanish", "de": "German", "zh": "Chinese",
	}[primary]; ok {
		return n
	}
	if tag == "" {
		return "unknown language"
	}
	return tag
}
