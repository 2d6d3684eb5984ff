package analysis

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/store"
	"parallax/store/ingest"
)

// benchCorpus is copies of the five samples, each copy with its own years and closing person
// (distinct events, as cmd/gen-corpus writes on a larger scale), copies first, first+1, ….
func benchCorpus(tb testing.TB, first, copies int) []ingest.Document {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("samples: %v", err)
	}
	var docs []ingest.Document
	for c := first; c < first+copies; c++ {
		repl := strings.NewReplacer("2021", fmt.Sprint(1700+c%400), "2024", fmt.Sprint(1703+c%400))
		for _, n := range names {
			b, err := os.ReadFile(n)
			if err != nil {
				tb.Fatal(err)
			}
			text := repl.Replace(string(b)) + fmt.Sprintf("\n\nKalo Renva%d.\n", c)
			d, err := ingest.Bytes(fmt.Sprintf("c%05d-%s", c, filepath.Base(n)), []byte(text))
			if err != nil {
				tb.Fatal(err)
			}
			docs = append(docs, d)
		}
	}
	return docs
}

// BenchmarkWorkspaceJSONPlus100 times the streamed analyze --json of a 1,000-article
// workspace whose facts and stories are cached (s/warm), and of the same workspace after 100
// new articles were imported (s/+100: only the stories they join or form are analysed; every
// article is still read and written). Each iteration starts from a copy of the warm
// workspace.
func BenchmarkWorkspaceJSONPlus100(b *testing.B) {
	dir := b.TempDir()
	warm := filepath.Join(dir, "warm.parallax")
	db, err := store.Open(warm, store.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := db.ImportDocuments(benchCorpus(b, 0, 200), time.Now()); err != nil {
		b.Fatal(err)
	}
	if err := WriteWorkspaceJSON(db, io.Discard, Options{}); err != nil {
		b.Fatal(err)
	}
	db.Close()
	extra := benchCorpus(b, 200, 20)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ws := filepath.Join(dir, fmt.Sprintf("w%d.parallax", i))
		data, err := os.ReadFile(warm)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(ws, data, 0o644); err != nil {
			b.Fatal(err)
		}
		db, err := store.Open(ws, store.Options{NoSync: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if err := WriteWorkspaceJSON(db, io.Discard, Options{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/warm")
		b.StopTimer()
		if _, err := db.ImportDocuments(extra, time.Now()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start = time.Now()
		if err := WriteWorkspaceJSON(db, io.Discard, Options{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "s/+100")
		b.StopTimer()
		db.Close()
		os.Remove(ws)
	}
}
