package interchange_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"parallax/store"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

// BenchmarkRoundTrip measures Export, Write, Read (schema and content checks) and Import into
// an empty workspace for a workspace of 1,000 articles of ~2,000 characters with ten
// highlights each.
func BenchmarkRoundTrip(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	src, _ := openDB(b)
	var docs []ingest.Document
	for i := range 1000 {
		docs = append(docs, ingest.Document{Source: fmt.Sprintf("bench/%04d.txt", i), Lang: "ar", Format: "txt", Text: genText(rng, 300)})
	}
	if _, err := src.ImportDocuments(docs, time.Now()); err != nil {
		b.Fatal(err)
	}
	arts, _ := src.Articles()
	for _, a := range arts {
		for range 10 {
			s, e := randomSpan(rng, a.Text)
			if _, err := src.PutHighlight(store.Highlight{Article: a.ID, Start: s, End: e, Tags: []string{"claim"}, Note: "n", Author: "A"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		set, err := interchange.Export(src, interchange.ExportOptions{Exported: exportTime})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := interchange.Write(&buf, set); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		size := buf.Len()
		read, err := interchange.Read(&buf, "bench.json")
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		b.StopTimer()
		dst, _ := openDB(b)
		b.StartTimer()
		t3 := time.Now()
		if _, err := interchange.Import(dst, read, ""); err != nil {
			b.Fatal(err)
		}
		t4 := time.Now()
		b.ReportMetric(float64(size)/(1<<20), "MiB")
		b.ReportMetric(t1.Sub(t0).Seconds()*1000, "export-ms")
		b.ReportMetric(t2.Sub(t1).Seconds()*1000, "read-ms")
		b.ReportMetric(t4.Sub(t3).Seconds()*1000, "import-ms")
	}
}
