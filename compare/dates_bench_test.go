package compare

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkExtractFacts runs the whole extraction over mixed-language text: the sample
// articles concatenated and repeated to about 1 MB, one document per language run.
func BenchmarkExtractFacts(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if len(files) == 0 {
		b.Skip("no sample articles in ../seeds")
	}
	langs := map[string]string{"000": "ar", "001": "fr", "002": "vi", "003": "fr", "004": "ru"}
	var docs []Document
	total := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		text := strings.Repeat(string(t)+"\n\n", 40)
		docs = append(docs, Document{Lang: langs[filepath.Base(f)[:3]], Text: text})
		total += len(text)
	}
	ExtractFacts(docs[0], Options{}) // compile the lexicons outside the timing
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			ExtractFacts(d, Options{})
		}
	}
	reportCPURate(b, total, cpu)
}

// reportCPURate reports MB of text per second of process CPU time (garbage collection
// included) since cpu: the per-core figure, which other work on a shared machine does not
// change the way it changes the wall-clock MB/s.
func reportCPURate(b *testing.B, bytesPerOp int, cpu time.Duration) {
	el := cpuTime() - cpu
	if el > 0 {
		b.ReportMetric(float64(bytesPerOp)*float64(b.N)/1e6/el.Seconds(), "cpu-MB/s")
	}
}

// BenchmarkExtractFactsArticles extracts articles of ordinary length one by one: the dev half
// of the news corpus (eight languages) and the sample articles, each once per round. Unlike
// BenchmarkExtractFacts it charges what every article costs whatever its length.
func BenchmarkExtractFactsArticles(b *testing.B) {
	docs := devCorpusDocs(b)
	seeds, _ := azLoadSeeds(b)
	docs = append(docs, seeds...)
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	ExtractFacts(docs[0], Options{}) // compile the tables outside the timing
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			ExtractFacts(d, Options{})
		}
	}
	reportCPURate(b, total, cpu)
}

// BenchmarkExtractDatesNumbers measures the date and number grammars alone.
func BenchmarkExtractDatesNumbers(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	var sb strings.Builder
	for _, f := range files {
		t, _ := os.ReadFile(f)
		sb.Write(t)
	}
	text := strings.Repeat(sb.String(), 40)
	doc := Document{Lang: "", Text: text}
	extractDatesNumbers(doc, Options{})
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		extractDatesNumbers(doc, Options{})
	}
}
