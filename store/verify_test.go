package store

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/store/ingest"
)

// largeWorkspace writes a workspace of n articles of about size bytes of text each (distinct
// texts, a few revised, a few highlighted) and returns its path and file size.
func largeWorkspace(t testing.TB, n, size int) (string, int64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "large.parallax")
	db, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	para := strings.Repeat("Le pont a été rouvert à la circulation après des travaux. ", size/60+1)
	const batch = 200
	for first := 0; first < n; first += batch {
		var docs []ingest.Document
		for i := first; i < min(first+batch, n); i++ {
			docs = append(docs, Doc(fmt.Sprintf("a%05d.txt", i), "fr", fmt.Sprintf("Article %d.\n\n%s", i, para)))
		}
		if _, err := db.ImportDocuments(docs, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	// A second revision and a highlight on a few articles, so the check at open has every
	// kind of record to relate.
	for i := 0; i < n; i += n / 10 {
		src := fmt.Sprintf("a%05d.txt", i)
		res, err := db.ImportDocuments([]ingest.Document{Doc(src, "fr", fmt.Sprintf("Article %d, revu.\n\n%s", i, para))}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		a := res.Docs[0]
		if _, err := db.PutHighlight(Highlight{Article: a.ID, Revision: a.Revision, Start: 0, End: 7, Quote: "Article", Tags: []string{"claim"}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, info.Size()
}

// peakHeap runs fn while sampling the heap (every millisecond) and returns how far the heap
// rose above what it held before fn. The collector runs at GOGC=5 meanwhile, so that the
// figure is what fn holds rather than garbage awaiting a collection (whose allowance grows
// with whatever earlier tests left in the heap).
func peakHeap(fn func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			peak = max(peak, read())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	fn()
	close(done)
	wg.Wait()
	peak = max(peak, read())
	if peak < base {
		return 0
	}
	return peak - base
}

// rssKB reads a field (VmRSS, VmHWM) of /proc/self/status in kB; 0 where there is none.
func rssKB(field string) uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			n, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// TestOpen_LargeWorkspaceBoundedMemory opens a 45 MB workspace and checks that the damage
// checks run at opening hold a small part of it: the page check reads the file page by page
// (it used to read, then map, the whole file: the file's size in heap, then in resident
// memory), and the record check keeps each revision's hash, not its text (it kept every
// text). The bounds are a quarter of the file, far above what the checks need (a few MB of
// collector slack) and far below what holding the file takes.
func TestOpen_LargeWorkspaceBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 45 MB workspace")
	}
	path, size := largeWorkspace(t, 1500, 20_000)
	if size < 32<<20 {
		t.Fatalf("the workspace is %d bytes; the test needs one of 32 MB or more", size)
	}
	bound := uint64(size / 4)

	// The page check alone: heap, and resident memory where /proc tells it (a mapping of the
	// file counts there, not in the heap).
	var problems []string
	var err error
	clearPeak := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	rssBefore := rssKB("VmRSS")
	grew := peakHeap(func() { problems, err = verifyFile(path, time.Second) })
	if err != nil || len(problems) > 0 {
		t.Fatalf("verifyFile: %v %q", err, problems)
	}
	if grew > bound {
		t.Errorf("the page check of a %d MB file raised the heap by %d MB, want at most %d MB", size>>20, grew>>20, bound>>20)
	}
	if hwm := rssKB("VmHWM"); clearPeak && rssBefore > 0 && hwm > rssBefore && (hwm-rssBefore)<<10 > bound {
		t.Errorf("the page check of a %d MB file raised resident memory by %d MB, want at most %d MB", size>>20, (hwm-rssBefore)>>10, bound>>20)
	}

	// Open for writing: the page check and the record check (bbolt's own mapping of the file
	// is not heap).
	grew = peakHeap(func() {
		var db *DB
		if db, err = Open(path, Options{}); err == nil {
			err = db.Close()
		}
	})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if grew > bound {
		t.Errorf("opening a %d MB workspace for writing raised the heap by %d MB, want at most %d MB", size>>20, grew>>20, bound>>20)
	}
	t.Logf("%d MB workspace: the checks at opening raised the heap by at most %.1f MB", size>>20, float64(grew)/(1<<20))
}

// TestVerifyFile_SameAsInMemory checks that the page-by-page check reports what the check of
// the file's bytes in memory reports, on a sound file and on damaged copies of it.
func TestVerifyFile_SameAsInMemory(t *testing.T) {
	dir := t.TempDir()
	base := buildDamageFixture(t, dir, 40)
	orig := FileBytes(t, base)
	raw, err := readRaw(orig)
	if err != nil {
		t.Fatal(err)
	}
	ps := int(raw.pageSize)
	cases := map[string][]byte{"sound": orig}
	for _, off := range []int{ps*2 + 3, ps*3 + 20, ps*4 + 9, ps*5 + 100, ps * 6, len(orig) - ps + 40} {
		if off+1 < len(orig) {
			d := bytes.Clone(orig)
			d[off] ^= 0x5a
			d[off+1] ^= 0xa5
			cases[fmt.Sprintf("bytes %d", off)] = d
		}
	}
	cases["truncated"] = bytes.Clone(orig[:len(orig)-ps*2])
	for name, data := range cases {
		path := filepath.Join(dir, "copy.parallax")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		got, gotErr := verifyFile(path, time.Second)
		want, wantErr := checkRaw(data, nil)
		if (gotErr != nil) != (wantErr != nil) {
			t.Errorf("%s: verifyFile error %v, in memory %v", name, gotErr, wantErr)
			continue
		}
		if wantErr == nil && strings.Join(got, "\n") != strings.Join(want.problems, "\n") {
			t.Errorf("%s: verifyFile found\n%q\nin memory\n%q", name, got, want.problems)
		}
		if name == "sound" && len(got) > 0 {
			t.Errorf("the sound file has problems: %q", got)
		}
	}
}
