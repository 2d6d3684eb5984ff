package compare

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentDeterminism runs extraction and analysis from several goroutines at once
// (the store extracts with one worker per CPU) and checks every run gives byte-identical
// output; under -race it also checks the shared compiled tables are only read.
func TestConcurrentDeterminism(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no sample articles in ../seeds: they are part of the repository")
	}
	langs := map[string]string{"000": "ar", "001": "fr", "002": "vi", "003": "fr", "004": "ru"}
	var docs []Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Document{ID: filepath.Base(f), Lang: langs[filepath.Base(f)[:3]], Text: string(b)})
	}
	run := func() string {
		res := Analyze(docs, nil, AnalyzeOptions{})
		b, err := json.Marshal(res)
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	want := run()
	const workers = 4
	got := make([]string, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			got[w] = run()
		}(w)
	}
	wg.Wait()
	for w, g := range got {
		if g != want {
			t.Errorf("run %d in parallel differs from the sequential run", w)
		}
	}
}
