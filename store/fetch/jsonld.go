package fetch

import (
	"encoding/json"
	"strings"
	"time"

	"parallax/store/ingest"
)

// jsonLD is what a page's JSON-LD says about its article (schema.org NewsArticle and kin).
type jsonLD struct {
	headline  string
	published string // as written
	modified  string
	publisher string
	paywalled bool // isAccessibleForFree: false
}

// articleTypes are the schema.org types of a news article's JSON-LD node, best first.
var articleTypes = map[string]int{
	"NewsArticle": 1, "ReportageNewsArticle": 1, "AnalysisNewsArticle": 1, "BackgroundNewsArticle": 1,
	"OpinionNewsArticle": 2, "ReviewNewsArticle": 2, "LiveBlogPosting": 2,
	"Article": 3, "BlogPosting": 3, "Report": 3, "WebPage": 4,
}

// parseJSONLD picks the best article node across the blocks (a block may be one node, an
// array, or a @graph) and reads it. Blocks that are not valid JSON are skipped: pages carry
// broken JSON-LD often enough, and the other metadata still counts.
func parseJSONLD(blocks []string) jsonLD {
	var best map[string]any
	bestRank := 99
	var visit func(v any)
	visit = func(v any) {
		switch n := v.(type) {
		case []any:
			for _, x := range n {
				visit(x)
			}
		case map[string]any:
			if g, ok := n["@graph"]; ok {
				visit(g)
			}
			for _, t := range strs(n["@type"]) {
				if r, ok := articleTypes[t]; ok && r < bestRank {
					best, bestRank = n, r
				}
			}
		}
	}
	for _, b := range blocks {
		var v any
		if json.Unmarshal([]byte(strings.TrimSpace(b)), &v) == nil {
			visit(v)
		}
	}
	if best == nil {
		return jsonLD{}
	}
	ld := jsonLD{
		headline:  firstStr(best["headline"]),
		published: firstStr(best["datePublished"]),
		modified:  firstStr(best["dateModified"]),
	}
	if ld.headline == "" && bestRank < 4 {
		ld.headline = firstStr(best["name"])
	}
	switch p := best["publisher"].(type) {
	case string:
		ld.publisher = p
	case map[string]any:
		ld.publisher = firstStr(p["name"])
	case []any:
		for _, x := range p {
			if m, ok := x.(map[string]any); ok && ld.publisher == "" {
				ld.publisher = firstStr(m["name"])
			}
		}
	}
	switch a := best["isAccessibleForFree"].(type) {
	case bool:
		ld.paywalled = !a
	case string:
		ld.paywalled = strings.EqualFold(a, "false")
	}
	return ld
}

// strs reads a string or an array of strings.
func strs(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func firstStr(v any) string {
	for _, s := range strs(v) {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// ldTimeLayouts are the forms datePublished takes on news sites.
var ldTimeLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05",
	"2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02",
}

// parseLDTime reads a JSON-LD date; clock says whether it gave an instant (a time of day
// with its zone: a local time without one cannot be placed, so only its date is used).
func parseLDTime(s string) (t time.Time, clock bool, ok bool) {
	for _, l := range ldTimeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, strings.Contains(l, "Z"), true
		}
	}
	return time.Time{}, false, false
}

// apply fills the document from the JSON-LD: the headline (cleaner than <title>, which
// carries the outlet's name), the publication instant (the page's own, which outranks what
// readability guessed), the modification time and, when Open Graph named none, the outlet.
func (ld jsonLD) apply(doc *ingest.Document) {
	if ld.headline != "" {
		doc.Title = ld.headline
	}
	if t, clock, ok := parseLDTime(ld.published); ok {
		doc.Published, doc.PublishedFrom, doc.PublishedTime = t.Format("2006-01-02"), "json-ld", ""
		if clock {
			doc.PublishedTime = t.Format(time.RFC3339)
		}
	}
	if t, clock, ok := parseLDTime(ld.modified); ok {
		if clock {
			doc.Modified = t.Format(time.RFC3339)
		} else {
			doc.Modified = t.Format("2006-01-02")
		}
	}
	if doc.SourceName == "" {
		doc.SourceName = ld.publisher
	}
}
