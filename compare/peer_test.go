package compare

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// The peer suite: the multilingual date cases of dateparser's own tests
// (../shared/peer/dates-dateparser.jsonl), run through ExtractFacts exactly as an article is,
// with the case's relative base as the publication date.

type peerCase struct {
	ID            string             `json:"id"`
	Input         string             `json:"input"`
	Lang          string             `json:"lang"`
	Kind          string             `json:"kind"`
	ExpectedDate  string             `json:"expected_date"`
	RelativeBase  *string            `json:"relative_base"`
	Period        string             `json:"period"`
	Offset        map[string]float64 `json:"offset"`
	ExpectedFound []struct {
		Date string `json:"date"`
		Text string `json:"text"`
	} `json:"expected_found"`
	Unambiguous bool `json:"unambiguous"`
}

// peerOffsetBase is the "now" for cases that only state an offset ("3 days ago" → −3 days).
const peerOffsetBase = "2014-09-01"

// valueMatches compares a date fact with an expected day: equal at the fact's precision, which
// must be at least as fine as period; an interval matches through either end.
func valueMatches(f Fact, want string, period string) bool {
	v, _ := f.Value.(string)
	if v == "" || f.Unresolved {
		return false
	}
	for _, part := range strings.Split(v, "/") {
		if len(part) > len(want) || want[:len(part)] != part {
			continue
		}
		switch period {
		case "day", "week", "":
			if len(part) == 10 {
				return true
			}
		case "month":
			if len(part) >= 7 {
				return true
			}
		default:
			return true
		}
	}
	return false
}

func offsetExpectation(off map[string]float64) (string, string) {
	b, _ := time.Parse("2006-01-02", peerOffsetBase)
	t := b.Add(12 * time.Hour)
	t = t.AddDate(int(off["years"]), int(off["months"]), 0)
	h := (off["weeks"]*7+off["days"])*24 + off["hours"] + off["minutes"]/60 + off["seconds"]/3600
	t = t.Add(time.Duration(h * float64(time.Hour)))
	period := "year"
	switch {
	case off["weeks"] != 0 || off["days"] != 0 || off["hours"] != 0 || off["minutes"] != 0 || off["seconds"] != 0:
		period = "day"
	case off["months"] != 0:
		period = "month"
	}
	return t.Format("2006-01-02"), period
}

// runPeerCase reports whether the extractor passes one case, and what it found.
func runPeerCase(c peerCase) (bool, string) {
	doc := Document{ID: c.ID, Lang: c.Lang, Text: c.Input}
	if c.RelativeBase != nil && len(*c.RelativeBase) >= 10 {
		doc.Published = (*c.RelativeBase)[:10]
	}
	want, period := c.ExpectedDate, c.Period
	if c.Kind == "relative_offset" {
		doc.Published = peerOffsetBase
		want, period = offsetExpectation(c.Offset)
	}
	var dates []Fact
	for _, f := range ExtractFacts(doc, Options{}) {
		if f.Kind == KindDate {
			dates = append(dates, f)
		}
	}
	got := make([]string, len(dates))
	for i, f := range dates {
		got[i] = fmt.Sprintf("%q=%v", f.Text, f.Value)
	}
	found := strings.Join(got, " ")
	if c.Kind != "search" {
		for _, f := range dates {
			if valueMatches(f, want, period) {
				return true, found
			}
		}
		return false, found
	}
	used := make([]bool, len(dates))
	for _, e := range c.ExpectedFound {
		bi := strings.Index(c.Input, e.Text)
		if bi < 0 {
			return false, found
		}
		s := utf8.RuneCountInString(c.Input[:bi])
		en := s + utf8.RuneCountInString(e.Text)
		ok := false
		for k, f := range dates {
			if f.Start < en && s < f.End && valueMatches(f, e.Date[:10], "any") {
				used[k], ok = true, true
			}
		}
		if !ok {
			return false, found
		}
	}
	for k := range dates {
		if !used[k] {
			return false, found
		}
	}
	return true, found
}

func loadPeerCases(t *testing.T) []peerCase {
	fh, err := os.Open(sharedPath("peer", "dates-dateparser.jsonl"))
	if err != nil {
		t.Skip("../../shared/peer/dates-dateparser.jsonl not found: the peer suite needs the shared directory beside the project root")
	}
	defer fh.Close()
	var cases []peerCase
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c peerCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("peer case does not parse: %v", err)
		}
		if c.Unambiguous {
			cases = append(cases, c)
		}
	}
	return cases
}

// TestPeerDateparser runs every unambiguous dateparser case and requires a 90% pass rate in
// each language.
func TestPeerDateparser(t *testing.T) {
	cases := loadPeerCases(t)
	pass := map[string]int{}
	total := map[string]int{}
	for _, c := range cases {
		ok, found := runPeerCase(c)
		total[c.Lang]++
		if ok {
			pass[c.Lang]++
		} else {
			t.Logf("FAIL %s %s %q want %s%v: found %s", c.Lang, c.Kind, c.Input, c.ExpectedDate, c.Offset, found)
		}
	}
	langs := make([]string, 0, len(total))
	for l := range total {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	t.Logf("%-4s %5s %5s %7s", "lang", "pass", "cases", "rate")
	for _, l := range langs {
		rate := float64(pass[l]) / float64(total[l])
		t.Logf("%-4s %5d %5d %6.1f%%", l, pass[l], total[l], 100*rate)
		if rate < 0.9 {
			t.Errorf("peer pass rate for %s is %.1f%%, under 90%%", l, 100*rate)
		}
	}
}
