package compare

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestDumpOutputs writes everything the engine computes from the dev half of the news corpus,
// the sample articles and a small synthetic workspace — every article's extracted facts and
// each set's full Analyze result — as JSON lines to the file named by PARALLAX_DUMP. It proves
// that a change meant to be output-neutral (a speed-up) is: dump before and after, and `cmp`
// the two files. Without PARALLAX_DUMP it is skipped.
func TestDumpOutputs(t *testing.T) {
	path := os.Getenv("PARALLAX_DUMP")
	if path == "" {
		t.Skip("set PARALLAX_DUMP=file to write the outputs")
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	enc := json.NewEncoder(out)
	write := func(label string, v any) {
		if err := enc.Encode(map[string]any{"what": label, "out": v}); err != nil {
			t.Fatal(err)
		}
	}
	set := func(name string, docs []Document) {
		for _, d := range docs {
			write(name+" facts "+d.ID, ExtractFacts(d, Options{}))
		}
		write(name+" analyze", Analyze(docs, nil, AnalyzeOptions{}))
	}
	all := devCorpusDocs(t)
	if len(all) == 0 {
		t.Fatal("no dev articles found")
	}
	set("dev", all)
	seeds, _ := azLoadSeeds(t)
	set("seeds", seeds)
	set("synthetic", azSyntheticTexts(t, 100))
}

// devEvents are the corpus events the compare tests and benchmarks read: the dev half as it
// was when they were written (colonial-pipeline-2021 joined later; their figures are measured
// on these). The test half is never read outside the quality tool.
var devEvents = []string{"abe-assassination-2022", "derna-floods-2023", "ever-given-2021", "nord-stream-2022", "turkey-syria-earthquake-2023"}

// devCorpusDocs reads every version of devEvents, ID "event/file", in file order.
func devCorpusDocs(t testing.TB) []Document {
	t.Helper()
	var docs []Document
	for _, ev := range devEvents {
		files, _ := filepath.Glob(filepath.Join("testdata", "news", ev, "*.md"))
		sort.Strings(files)
		for _, f := range files {
			if filepath.Base(f) == "SOURCES.md" {
				continue
			}
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs = append(docs, dumpDoc(ev+"/"+filepath.Base(f), string(raw)))
		}
	}
	return docs
}

// dumpDoc reads an article file with front matter (lang, published) into a Document.
func dumpDoc(id, s string) Document {
	d := Document{ID: id, Text: s}
	if !strings.HasPrefix(s, "---\n") {
		return d
	}
	end := strings.Index(s[4:], "\n---\n")
	if end < 0 {
		return d
	}
	for _, line := range strings.Split(s[4:4+end], "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "lang":
			d.Lang = v
		case "published":
			if len(v) >= 10 {
				d.Published = v[:10]
			}
			d.PublishedTime = v
		case "title":
			d.Title = v
		}
	}
	d.Text = s[4+end+5:]
	return d
}
