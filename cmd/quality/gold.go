package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Event is one folder of the corpus: the articles about one real event and what a careful
// reader found in them (compare/testdata/news/README.md).
type Event struct {
	Dir              string                  `json:"-"`
	Name             string                  `json:"event"`
	Title            string                  `json:"title"`
	Domain           string                  `json:"domain"`
	Split            string                  `json:"split"`
	Claims           map[string]string       `json:"claims"`
	Articles         map[string]*GoldArticle `json:"articles"`
	Discrepancies    []GoldFlag              `json:"discrepancies"`
	NonDiscrepancies []GoldFlag              `json:"non_discrepancies"`
}

// GoldArticle is one language version with every fact in it.
type GoldArticle struct {
	File      string     `json:"-"`
	Lang      string     `json:"lang"`
	Story     string     `json:"story"`
	Published string     `json:"published"`
	Facts     []GoldFact `json:"facts"`
	body      []rune
}

// GoldFact is one date, number or actor as the reader found it.
type GoldFact struct {
	Kind      string   `json:"kind"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`
	Value     any      `json:"value"`
	Precision string   `json:"precision,omitempty"`
	Inferred  bool     `json:"inferred,omitempty"`
	Qualifier string   `json:"qualifier,omitempty"`
	Vague     bool     `json:"vague,omitempty"`
	Magnitude *float64 `json:"magnitude,omitempty"`
	Concept   string   `json:"concept,omitempty"`
	Unit      string   `json:"unit,omitempty"`
	Claim     string   `json:"claim,omitempty"`
	Type      string   `json:"type,omitempty"`
	Note      string   `json:"note,omitempty"`
}

// GoldFlag is a discrepancy the reader wants flagged (or, in non_discrepancies, a difference
// that must not be).
type GoldFlag struct {
	Kind     string       `json:"kind"`
	Severity string       `json:"severity,omitempty"`
	Relation string       `json:"relation,omitempty"`
	Claim    string       `json:"claim,omitempty"`
	Members  []GoldMember `json:"members"`
	Why      string       `json:"why"`
}

// GoldMember is one span of a flag.
type GoldMember struct {
	Article string `json:"article"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// The vocabularies gold.json may use (README.md of the corpus).
var (
	factKinds  = set("date", "number", "actor")
	actorTypes = set("person", "org", "country", "place", "group")
	precisions = set("day", "month", "year")
	qualifiers = set("at_least", "more_than", "about", "up_to", "less_than")
	flagKinds  = set("number", "date", "actor", "spelling", "omission", "event", "garbled", "internal")
	severities = set("major", "minor")
	relations  = set("update", "source", "contradiction")
	concepts   = set("deaths", "injured", "missing", "displaced", "homeless", "rescued", "evacuated",
		"arrested", "attackers", "victims", "people", "rescuers", "buildings", "homes", "vehicles",
		"ships", "aircraft", "aftershocks", "magnitude", "depth", "distance", "length", "height",
		"width", "area", "volume", "weight", "speed", "duration", "age", "money", "percentage",
		"votes", "vote_share", "seats", "turnout", "rank", "count")
	languages = set("ar", "de", "en", "es", "fr", "ru", "vi", "zh")
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// LoadCorpus reads every event folder under dir (those holding a gold.json), in name order.
func LoadCorpus(dir string) ([]*Event, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read the corpus folder: %w", err)
	}
	var events []*Event
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		gold := filepath.Join(dir, e.Name(), "gold.json")
		if _, err := os.Stat(gold); err != nil {
			continue
		}
		ev, err := LoadEvent(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		events = append(events, ev)
	}
	if len(events) == 0 {
		return nil, fmt.Errorf("no event folders with a gold.json in %s", dir)
	}
	return events, nil
}

// LoadEvent reads one event's gold.json and the bodies of its articles.
func LoadEvent(dir string) (*Event, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	ev := &Event{Dir: dir}
	if err := dec.Decode(ev); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "gold.json"), err)
	}
	for name, a := range ev.Articles {
		a.File = name
		body, err := readBody(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(dir, name), err)
		}
		a.body = []rune(body)
		sort.SliceStable(a.Facts, func(i, j int) bool { return a.Facts[i].Start < a.Facts[j].Start })
	}
	return ev, nil
}

// readBody returns an article file's text after its front matter, the way DESIGN.md counts
// offsets (from the first character after the closing "---" line).
func readBody(path string) (string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	s := string(raw)
	if !strings.HasPrefix(s, "---\n") {
		return "", fmt.Errorf("no front matter: the file must start with a \"---\" line")
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		return "", fmt.Errorf("front matter is not closed by a \"---\" line")
	}
	return s[4+end+5:], nil
}

// Check reports every way the event's gold does not fit its texts or the corpus conventions.
func (ev *Event) Check() []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, ev.Name+": "+fmt.Sprintf(format, args...)) }
	if ev.Name == "" || ev.Name != filepath.Base(ev.Dir) {
		bad("\"event\" must be the folder name %q", filepath.Base(ev.Dir))
	}
	if ev.Split != "dev" && ev.Split != "test" {
		bad("split %q must be dev or test", ev.Split)
	}
	if ev.Domain == "" || ev.Title == "" {
		bad("title and domain are required")
	}
	usedClaims := map[string]bool{}
	for _, name := range sortedKeys(ev.Articles) {
		a := ev.Articles[name]
		raw, err := os.ReadFile(filepath.Join(ev.Dir, name))
		if err == nil {
			if !utf8.Valid(raw) || bytes.HasPrefix(raw, []byte("\uFEFF")) || bytes.Contains(raw, []byte("\r")) || !norm.NFC.IsNormal(raw) {
				bad("%s: must be UTF-8 without BOM, LF line ends, NFC", name)
			}
		}
		if !languages[a.Lang] {
			bad("%s: lang %q is not one of the eight", name, a.Lang)
		}
		if a.Story == "" {
			bad("%s: story is required (\"main\" or the other event's name)", name)
		}
		if n := len(a.body); a.Story == "main" && (n < 1000 || n > 3000) {
			bad("%s: body is %d characters; the corpus keeps articles at 1,000–3,000", name, n)
		}
		prevEnd := -1
		for i, f := range a.Facts {
			where := fmt.Sprintf("%s fact %d (%q at %d)", name, i, f.Text, f.Start)
			if got, ok := a.span(f.Start, f.End); !ok || got != f.Text {
				bad("%s: span [%d,%d) holds %q, not %q", where, f.Start, f.End, got, f.Text)
			}
			if f.Start < prevEnd {
				bad("%s: overlaps the previous fact", where)
			}
			prevEnd = f.End
			if !factKinds[f.Kind] {
				bad("%s: kind %q", where, f.Kind)
				continue
			}
			if f.Claim != "" {
				usedClaims[f.Claim] = true
				if _, ok := ev.Claims[f.Claim]; !ok {
					bad("%s: claim %q is not glossed in \"claims\"", where, f.Claim)
				}
			}
			switch f.Kind {
			case "date":
				v, ok := f.Value.(string)
				if !ok || !validISO(v) {
					bad("%s: a date's value must be ISO 8601 (YYYY-MM-DD, YYYY-MM, YYYY or start/end), got %v", where, f.Value)
				}
				if !precisions[f.Precision] {
					bad("%s: precision %q", where, f.Precision)
				}
			case "number":
				if f.Value == nil {
					if !f.Vague {
						bad("%s: a number with value null must be vague", where)
					}
				} else if _, ok := f.Value.(float64); !ok {
					bad("%s: a number's value must be a JSON number or null, got %v", where, f.Value)
				}
				if !concepts[f.Concept] {
					bad("%s: concept %q is not in the README's list", where, f.Concept)
				}
				if f.Qualifier != "" && !qualifiers[f.Qualifier] {
					bad("%s: qualifier %q", where, f.Qualifier)
				}
			case "actor":
				if v, ok := f.Value.(string); !ok || v == "" {
					bad("%s: an actor's value must be its English name", where)
				}
				if !actorTypes[f.Type] {
					bad("%s: actor type %q", where, f.Type)
				}
			}
		}
	}
	for k := range ev.Claims {
		if !usedClaims[k] {
			bad("claim %q is glossed but no fact states it", k)
		}
	}
	check := func(list string, flags []GoldFlag, kindRequired bool) {
		for i, d := range flags {
			where := fmt.Sprintf("%s %d (%s)", list, i, d.Kind)
			if kindRequired && !flagKinds[d.Kind] {
				bad("%s: kind %q", where, d.Kind)
			}
			if kindRequired && !severities[d.Severity] {
				bad("%s: severity %q", where, d.Severity)
			}
			if d.Relation != "" && !relations[d.Relation] {
				bad("%s: relation %q", where, d.Relation)
			}
			if d.Why == "" {
				bad("%s: why is required", where)
			}
			if len(d.Members) == 0 {
				bad("%s: no members", where)
			}
			for _, m := range d.Members {
				a, ok := ev.Articles[m.Article]
				if !ok {
					bad("%s: member article %q is not in articles", where, m.Article)
					continue
				}
				if got, ok := a.span(m.Start, m.End); !ok || got != m.Text {
					bad("%s: member span [%d,%d) of %s holds %q, not %q", where, m.Start, m.End, m.Article, got, m.Text)
				}
			}
		}
	}
	check("discrepancy", ev.Discrepancies, true)
	check("non-discrepancy", ev.NonDiscrepancies, false)
	return probs
}

func (a *GoldArticle) span(start, end int) (string, bool) {
	if start < 0 || end > len(a.body) || start >= end {
		return "", false
	}
	return string(a.body[start:end]), true
}

// validISO accepts the date values of DESIGN.md: YYYY, YYYY-MM, YYYY-MM-DD, or two of them
// joined by "/".
func validISO(v string) bool {
	parts := strings.Split(v, "/")
	if len(parts) > 2 {
		return false
	}
	for _, p := range parts {
		switch len(p) {
		case 4, 7, 10:
		default:
			return false
		}
		for i, r := range p {
			if (i == 4 || i == 7) && r != '-' || (i != 4 && i != 7) && (r < '0' || r > '9') {
				return false
			}
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// sameNumber is equality of normalised numbers up to float noise.
func sameNumber(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}
