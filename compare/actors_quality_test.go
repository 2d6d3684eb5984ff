package compare

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestActorQualitySeeds measures actor extraction against what a careful reader found in the
// sample articles (../../shared/seeds-expected.json): a found actor counts when its span
// overlaps an expected one and the ids are equal (for a local id, its label must spell the
// expected name). It prints precision, recall and F1 per seed and in total and fails under
// F1 0.9.
func TestActorQualitySeeds(t *testing.T) {
	shared := filepath.Join("..", "..", "shared")
	raw, err := os.ReadFile(filepath.Join(shared, "seeds-expected.json"))
	if err != nil {
		t.Skipf("no reader-listed facts to measure against (%v); CI checks out shared/ beside the clone", err)
	}
	var exp struct {
		Articles map[string]struct {
			Language string `json:"language"`
			Facts    []struct {
				Kind    string `json:"kind"`
				Surface string `json:"surface"`
				Offset  int    `json:"offset"`
				Value   any    `json:"value"`
			} `json:"facts"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatalf("parse seeds-expected.json: %v", err)
	}
	names := make([]string, 0, len(exp.Articles))
	for n := range exp.Articles {
		names = append(names, n)
	}
	sort.Strings(names)
	var tp, fp, fn int
	for _, name := range names {
		a := exp.Articles[name]
		text, err := os.ReadFile(filepath.Join(shared, "seeds", name))
		if err != nil {
			t.Fatalf("read seed %s: %v", name, err)
		}
		got := extractActors(Document{ID: name, Lang: a.Language, Text: string(text)}, Options{})
		type span struct {
			s, e int
			id   string
			text string
		}
		var want []span
		for _, f := range a.Facts {
			if f.Kind != "actor" {
				continue
			}
			id, _ := f.Value.(string)
			want = append(want, span{f.Offset, f.Offset + len([]rune(f.Surface)), id, f.Surface})
		}
		used := make([]bool, len(got))
		stp := 0
		var missed []string
		for _, w := range want {
			hit := false
			for k, g := range got {
				if used[k] || g.End <= w.s || g.Start >= w.e {
					continue
				}
				if sameActorID(g, w.id) {
					used[k], hit = true, true
					break
				}
			}
			if hit {
				stp++
			} else {
				missed = append(missed, fmt.Sprintf("%d %q→%s", w.s, w.text, w.id))
			}
		}
		var extra []string
		for k, g := range got {
			if !used[k] {
				extra = append(extra, fmt.Sprintf("%d %q→%v", g.Start, g.Text, g.Value))
			}
		}
		sfp, sfn := len(got)-stp, len(want)-stp
		p, r, f1 := prf(stp, sfp, sfn)
		t.Logf("%s (%s): actors P=%.3f R=%.3f F1=%.3f (tp %d, fp %d, fn %d)", name, a.Language, p, r, f1, stp, sfp, sfn)
		if testing.Verbose() {
			if len(missed) > 0 {
				t.Logf("  missed: %s", strings.Join(missed, "; "))
			}
			if len(extra) > 0 {
				t.Logf("  extra:  %s", strings.Join(extra, "; "))
			}
		}
		tp, fp, fn = tp+stp, fp+sfp, fn+sfn
	}
	p, r, f1 := prf(tp, fp, fn)
	t.Logf("TOTAL actors P=%.3f R=%.3f F1=%.3f (tp %d, fp %d, fn %d)", p, r, f1, tp, fp, fn)
	if f1 < 0.9 {
		t.Errorf("actor F1 %.3f is under the 0.9 bar", f1)
	}
}

// sameActorID: equal ids, or a local actor whose name spells the expected one.
func sameActorID(f Fact, want string) bool {
	id, _ := f.Value.(string)
	if id == want {
		return true
	}
	if strings.HasPrefix(id, "local:") {
		return FoldForSearch(f.Label) == FoldForSearch(want)
	}
	return false
}

func prf(tp, fp, fn int) (p, r, f1 float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return
}
