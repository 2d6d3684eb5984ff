package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestAnalyze_SameResultWhateverTheIDs analyses the dev events twice, with IDs that order the
// articles differently (as two folders or two URLs would), and wants the same facts,
// alignments and flags: an ID says where an article came from, not what it says.
func TestAnalyze_SameResultWhateverTheIDs(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the dev corpus twice")
	}
	docs := devCorpusDocs(t)
	for i := range docs {
		docs[i].Name = docs[i].ID
	}
	byName := func(d Document) string { return d.Name }
	hashed := func(d Document) string {
		sum := sha256.Sum256([]byte("elsewhere/" + d.Name))
		return hex.EncodeToString(sum[:6])
	}
	a := analyzeWithIDs(docs, byName)
	b := analyzeWithIDs(docs, hashed)
	if len(a) != len(b) {
		t.Fatalf("%d lines of result with one set of IDs, %d with the other", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("results differ:\n  %s\n  %s", a[i], b[i])
			break
		}
	}
}

// analyzeWithIDs analyses docs under the IDs id gives and renders the result with every ID
// replaced by the article's name, one sorted line per fact, alignment and flag.
func analyzeWithIDs(docs []Document, id func(Document) string) []string {
	in := make([]Document, len(docs))
	name := map[string]string{}
	for i, d := range docs {
		d.ID = id(d)
		name[d.ID] = d.Name
		in[i] = d
	}
	res := Analyze(in, nil, AnalyzeOptions{})
	members := func(ms []Member) string {
		var s []string
		for _, m := range ms {
			s = append(s, fmt.Sprintf("%s:%d-%d", name[m.Article], m.Start, m.End))
		}
		sort.Strings(s)
		return strings.Join(s, " ")
	}
	var out []string
	for artID, fs := range res.Facts {
		for _, f := range fs {
			f.ID = ""
			j, _ := json.Marshal(f)
			out = append(out, "fact "+name[artID]+" "+string(j))
		}
	}
	for _, al := range res.Alignments {
		out = append(out, fmt.Sprintf("align %s %s %s", al.Kind, al.Claim, members(al.Members)))
	}
	for _, d := range res.Discrepancies {
		out = append(out, fmt.Sprintf("flag %s %s %s %s %s | %s", d.Kind, d.Severity, d.Relation, d.Claim, members(d.Members), d.Summary))
	}
	sort.Strings(out)
	return out
}
