package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/compare"
)

// buildDamageFixture makes a workspace like an analyst's: n articles in several languages,
// some with a second revision, highlights, verdicts and aliases. It returns the file's path.
func buildDamageFixture(t testing.TB, dir string, n int) string {
	t.Helper()
	path := filepath.Join(dir, "fixture.parallax")
	db, err := Open(path, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	texts := []string{
		"Pékin a démenti mardi les accusations de cyberattaque portées par Washington et ses alliés. ",
		"Чжао Лицзянь заявил во вторник, что обвинения необоснованны, и призвал прекратить. ",
		"Trung Quốc bác bỏ cáo buộc của Mỹ về các cuộc tấn công mạng, 5,31 triệu người bị ảnh hưởng. ",
		"نفت الصين يوم الثلاثاء الاتهامات الأمريكية بشن هجمات إلكترونية على 30 ألف شركة. ",
		"China on Tuesday rejected accusations by the United States and its allies of 30,000 hacks. ",
	}
	var docs []ingestDoc
	for i := range n {
		body := strings.Repeat(fmt.Sprintf(texts[i%len(texts)]+"(%d) ", i), 3+i%9)
		docs = append(docs, Doc(fmt.Sprintf("corpus/a%03d.txt", i), []string{"fr", "ru", "vi", "ar", "en"}[i%5], body))
	}
	if _, err := db.ImportDocuments(docs, time.Date(2026, 7, 20, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	// A second revision for every fourth article.
	var again []ingestDoc
	for i := 0; i < n; i += 4 {
		d := docs[i]
		d.Text += " Mise à jour."
		again = append(again, d)
	}
	if _, err := db.ImportDocuments(again, time.Date(2026, 7, 21, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	arts, err := db.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range arts {
		if i%3 != 0 {
			continue
		}
		if _, err := db.PutHighlight(Highlight{Article: a.ID, Revision: a.Revision, Start: 0, End: 5, Quote: spanText(a.Text, 0, 5), Tags: []string{"claim"}, Note: "checked"}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 5 {
		if err := db.PutVerdict(Verdict{Discrepancy: fmt.Sprintf("number|a%03d|0-5", i), Verdict: VerdictConfirmed}); err != nil {
			t.Fatal(err)
		}
		if err := db.PutAlias(LearnedAlias{Alias: compare.Alias{Surface: fmt.Sprintf("Zhao Liji%c", 'a'+i), ActorID: "person:zhao-lijian"}}); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// articlePages maps every page of a sound workspace file to the ids of the current article
// records it holds (with its overflow pages).
func articlePages(t testing.TB, data []byte) (map[uint64][]string, []string) {
	t.Helper()
	f, err := readRaw(data)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[uint64][]string{}
	var ids []string
	w := &walker{f: f, reached: newPageSet(0), maxProbs: 10}
	w.visit = func(r record) {}
	// Walk the articles bucket's pages directly: find its root, then every leaf under it.
	var walk func(id uint64)
	walk = func(id uint64) {
		p, err := f.page(id)
		if err != nil {
			t.Fatal(err)
		}
		flags, els, err := elements(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range els {
			if flags == branchFlag {
				walk(e.child)
				continue
			}
			var a Article
			if json.Unmarshal(e.value, &a) != nil {
				t.Fatalf("page %d: not an article", id)
			}
			for i := range uint64(len(p)) / f.pageSize {
				pages[id+i] = append(pages[id+i], a.ID)
			}
			ids = append(ids, a.ID)
		}
	}
	p, _ := f.page(f.root)
	_, roots, _ := elements(p)
	for _, e := range roots {
		if string(e.key) == "articles" {
			root := binary.LittleEndian.Uint64(e.value)
			if root == 0 {
				t.Fatal("articles bucket is inline; make the fixture larger")
			}
			walk(root)
		}
	}
	return pages, ids
}

// TestCorruptionHarness damages a real workspace in hundreds of ways — one byte changed at
// offsets spread over every page (headers, element tables, keys and values), and truncation at
// many lengths — and runs what a user would on each copy, asserting in the style of SQLite's
// corruption tests:
//   - nothing panics or hangs; every failure is ErrDamaged or ErrNotWorkspace, with a message;
//   - a damaged file is never written: when Open for writing refuses, the bytes stay the same;
//     when it accepts, the damage is invisible to the full check (slack or free space);
//   - reads of an accepted file return a result or an error, never a panic;
//   - Salvage recovers every article whose record's page is intact.
func TestCorruptionHarness(t *testing.T) {
	start := time.Now()
	dir := t.TempDir()
	base := buildDamageFixture(t, dir, 80)
	orig := FileBytes(t, base)
	raw, err := readRaw(orig)
	if err != nil {
		t.Fatal(err)
	}
	ps := raw.pageSize
	npages := uint64(len(orig)) / ps
	if raw.hwm < npages {
		npages = raw.hwm
	}
	pageArts, allIDs := articlePages(t, orig)
	if len(allIDs) != 80 {
		t.Fatalf("fixture holds %d articles, want 80", len(allIDs))
	}

	type damage struct {
		name string
		data []byte
		lost map[string]bool // articles whose record page was damaged or cut off
	}
	var cases []damage
	rng := rand.New(rand.NewPCG(18, 2026))
	flip := func(off uint64, why string) {
		d := bytes.Clone(orig)
		d[off] ^= byte(1 + rng.IntN(255))
		lost := map[string]bool{}
		for _, id := range pageArts[off/ps] {
			lost[id] = true
		}
		cases = append(cases, damage{fmt.Sprintf("flip %s @%d", why, off), d, lost})
	}
	for pg := range npages {
		off := pg * ps
		count := uint64(binary.LittleEndian.Uint16(orig[off+10:]))
		flip(off+uint64(rng.IntN(16)), "header")
		if m := min(count*16, ps-32); count > 0 && pg%2 == 0 {
			flip(off+16+uint64(rng.IntN(int(m))), "element")
		} else {
			flip(off+16+m+uint64(rng.IntN(int(ps-16-m))), "data")
		}
	}
	target := 360 // plus 40 truncations
	if raceEnabled {
		target = 200
	}
	for len(cases) < target {
		flip(uint64(rng.IntN(int(npages*ps))), "random")
	}
	for i := range 40 {
		cut := uint64(len(orig)) * uint64(i) / 40
		if i%2 == 1 {
			cut = cut / ps * ps // on a page boundary
		}
		lost := map[string]bool{}
		for pg, ids := range pageArts {
			if (pg+1)*ps > cut {
				for _, id := range ids {
					lost[id] = true
				}
			}
		}
		cases = append(cases, damage{fmt.Sprintf("truncate to %d", cut), orig[:cut], lost})
	}

	var refused, accepted, salvaged, recoveredAll int
	for i, c := range cases {
		path := filepath.Join(dir, fmt.Sprintf("case%03d.parallax", i))
		if err := os.WriteFile(path, c.data, 0o600); err != nil {
			t.Fatal(err)
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s: panic: %v", c.name, p)
				}
			}()
			db, err := Open(path, Options{Timeout: 100 * time.Millisecond, NoSync: true})
			if err != nil {
				refused++
				if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrNotWorkspace) {
					t.Errorf("%s: Open refused with %v, want ErrDamaged or ErrNotWorkspace", c.name, err)
				}
				if got := FileBytes(t, path); !bytes.Equal(got, c.data) {
					t.Errorf("%s: the refused file was changed", c.name)
				}
				if rep, err := CheckFile(path, time.Second); err == nil && rep.OK() && len(c.data) > 0 {
					t.Errorf("%s: Open refused it but CheckFile finds nothing", c.name)
				}
			} else {
				accepted++
				_, _ = db.Snapshot()
				_ = db.Close()
				if rep, err := CheckFile(path, time.Second); err != nil || !rep.OK() {
					t.Errorf("%s: Open for writing accepted a file that fails its check: %v %+v", c.name, err, rep)
				}
			}
			if len(c.data) == 0 || err == nil {
				return // nothing to salvage in a file that passes its check
			}
			out := filepath.Join(dir, fmt.Sprintf("case%03d.salvaged", i))
			before := FileBytes(t, path)
			rep, err := Salvage(path, out)
			if !bytes.Equal(FileBytes(t, path), before) {
				t.Errorf("%s: Salvage changed the damaged file", c.name)
			}
			want := len(allIDs) - len(c.lost)
			if err != nil {
				if want > 0 {
					t.Errorf("%s: Salvage failed with %d intact articles: %v", c.name, want, err)
				}
				return
			}
			salvaged++
			sdb, err := Open(out, Options{ReadOnly: true})
			if err != nil {
				t.Errorf("%s: salvaged workspace does not open: %v", c.name, err)
				return
			}
			defer sdb.Close()
			got, err := sdb.Articles()
			if err != nil {
				t.Errorf("%s: salvaged articles: %v", c.name, err)
			}
			have := map[string]bool{}
			for _, a := range got {
				have[a.ID] = true
			}
			missing := 0
			for _, id := range allIDs {
				if !have[id] && !c.lost[id] {
					missing++
				}
			}
			if missing > 0 {
				t.Errorf("%s: salvage lost %d articles whose pages are intact (recovered %d, report %+v)", c.name, missing, len(got), rep.Problems)
			}
			if len(got) == len(allIDs) {
				recoveredAll++
			}
			_ = os.Remove(out)
		}()
		_ = os.Remove(path)
	}
	t.Logf("%d damaged copies of a %d-page workspace (%d articles): Open refused %d, accepted %d (damage in slack or free space, the full check agrees); salvage ran on the %d refused, recovered every article in %d; %v",
		len(cases), npages, len(allIDs), refused, accepted, salvaged, recoveredAll, time.Since(start).Round(time.Millisecond))
}
