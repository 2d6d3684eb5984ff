package app_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/store/ingest"
)

// BenchmarkOpenWorkspace10k opens a workspace of 10,000 articles (the seeds repeated, each
// copy distinct) and measures the time until the library's first frame is drawn, and the heap
// then. The budget is 1 s and 200 MB. Run it with -benchtime=1x: building the workspace takes
// a while and is not timed.
func BenchmarkOpenWorkspace10k(b *testing.B) {
	const n = 10000
	seeds := seedDocs(b)
	dir := b.TempDir()
	db := openDB(b, dir)
	docs := make([]ingest.Document, 0, n)
	for i := range n {
		d := seeds[i%len(seeds)]
		d.Source = fmt.Sprintf("bench/%05d-%s", i, d.Source)
		d.Text += fmt.Sprintf("\n\nCopy %d.", i)
		docs = append(docs, d)
	}
	if _, err := db.ImportDocuments(docs, time.Now()); err != nil {
		b.Fatal(err)
	}
	docs = nil
	a := test.NewTempApp(b)
	b.ResetTimer()
	var frame time.Duration
	var heap uint64
	for range b.N {
		runtime.GC()
		w := test.NewTempWindow(b, widget.NewLabel(""))
		start := time.Now()
		u := app.Create(a, w, db, app.Options{NoAnalysis: true})
		u.WaitLoaded()
		w.Resize(fyne.NewSize(1400, 900))
		w.Canvas().Capture() // draw the frame
		frame = time.Since(start)
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = ms.HeapAlloc
		b.StopTimer()
		if got := len(u.Library.Rows()); got != n {
			b.Fatalf("library shows %d rows, want %d", got, n)
		}
		u.WaitIdle()
		b.StartTimer()
	}
	b.ReportMetric(frame.Seconds(), "s-to-first-frame")
	b.ReportMetric(float64(heap)/(1<<20), "MB-heap")
	if frame > time.Second || heap > 200<<20 {
		b.Errorf("opening %d articles: first frame after %v with %d MB of heap; the budget is 1 s and 200 MB", n, frame, heap>>20)
	}
}
