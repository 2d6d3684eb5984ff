package interchange_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"parallax/store"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

// The article of the bad-input cases: Arabic with vowel marks and a shadda, an emoji family
// (one grapheme cluster of five code points) and a flag.
const badText = "قالَ المُتَحَدِّثُ إنَّ 👩‍👩‍👧 العائلة 🇫🇷 في باريس."

// badBase is a valid export of a one-article workspace with two highlights (the Arabic word
// with the shadda, the emoji family), a verdict and the default tags, as a JSON tree to break.
func badBase(t testing.TB) map[string]any {
	t.Helper()
	db, _ := openDB(t)
	if _, err := db.ImportDocuments([]ingest.Document{{Source: "wire/ar.txt", Lang: "ar", Format: "txt", Text: badText}}, time.Now()); err != nil {
		t.Fatal(err)
	}
	arts, _ := db.Articles()
	runes := []rune(badText)
	word := strings.Index(badText, "المُتَحَدِّثُ")
	ws := len([]rune(badText[:word]))
	fam := len([]rune(badText[:strings.Index(badText, "👩")]))
	for _, span := range [][2]int{{ws, ws + len([]rune("المُتَحَدِّثُ"))}, {fam, fam + len([]rune("👩‍👩‍👧"))}} {
		if _, err := db.PutHighlight(store.Highlight{Article: arts[0].ID, Start: span[0], End: span[1], Tags: []string{"actor"}, Note: "ملاحظة"}); err != nil {
			t.Fatalf("highlight %q: %v", string(runes[span[0]:span[1]]), err)
		}
	}
	if err := db.PutVerdict(store.Verdict{Discrepancy: "d-0123456789abcdef", Verdict: store.VerdictConfirmed}); err != nil {
		t.Fatal(err)
	}
	_, doc := export(t, db, false)
	var tree map[string]any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&tree); err != nil {
		t.Fatal(err)
	}
	return tree
}

// at walks a JSON tree: string keys into objects, ints into arrays.
func at(v any, path ...any) map[string]any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v.(map[string]any)
}

func deepCopy(t testing.TB, v map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

func runeCut(s string, start, end int) string { return string([]rune(s)[start:end]) }

type badCase struct {
	name   string
	mutate func(doc map[string]any)  // changes a valid document…
	raw    func(valid []byte) []byte // …or makes the bytes directly
	want   error                     // sentinel
	ptr    string                    // JSON pointer the error names ("" for the document)
	msg    string                    // words the message must contain
}

var badCases = []badCase{
	{name: "truncated JSON", raw: func(v []byte) []byte { return v[:len(v)/2] }, want: interchange.ErrInvalid, msg: "truncated"},
	{name: "syntax error", raw: func(v []byte) []byte { return bytes.Replace(v, []byte(`"format":`), []byte(`"format"`), 1) },
		want: interchange.ErrInvalid, msg: "line 1, column 36"},
	{name: "empty file", raw: func([]byte) []byte { return []byte("  \n") }, want: interchange.ErrInvalid, msg: "empty"},
	{name: "not an object", raw: func([]byte) []byte { return []byte(`[{"format":"parallax-set"}]`) }, want: interchange.ErrInvalid, msg: "array, not an object"},
	{name: "other JSON", raw: func([]byte) []byte { return []byte(`{"name":"package.json"}`) }, want: interchange.ErrInvalid, ptr: "/format", msg: "not a Parallax set"},
	{name: "newer version", mutate: func(d map[string]any) { d["version"] = 2 }, want: interchange.ErrNewerVersion, ptr: "/version", msg: "Upgrade Parallax"},
	{name: "version zero", mutate: func(d map[string]any) { d["version"] = 0 }, want: interchange.ErrInvalid, ptr: "/version"},
	{name: "wrong type: start is a string", mutate: func(d map[string]any) { at(d, "highlights", 0)["start"] = "5" },
		want: interchange.ErrInvalid, ptr: "/highlights/0/start", msg: "want integer"},
	{name: "wrong type: articles is an object", mutate: func(d map[string]any) { d["articles"] = map[string]any{} },
		want: interchange.ErrInvalid, ptr: "/articles", msg: "want array"},
	{name: "negative offset", mutate: func(d map[string]any) { at(d, "highlights", 0)["start"] = -1 },
		want: interchange.ErrInvalid, ptr: "/highlights/0/start", msg: "minimum"},
	{name: "missing field", mutate: func(d map[string]any) { delete(at(d, "highlights", 0), "quote") },
		want: interchange.ErrInvalid, ptr: "/highlights/0", msg: "quote"},
	{name: "unknown field", mutate: func(d map[string]any) { at(d, "highlights", 0)["colour"] = "red" },
		want: interchange.ErrInvalid, ptr: "/highlights/0", msg: "colour"},
	{name: "bad time", mutate: func(d map[string]any) { at(d, "highlights", 1)["created"] = "yesterday" },
		want: interchange.ErrInvalid, ptr: "/highlights/1/created", msg: "date-time"},
	{name: "unknown verdict", mutate: func(d map[string]any) { at(d, "verdicts", 0)["verdict"] = "maybe" },
		want: interchange.ErrInvalid, ptr: "/verdicts/0/verdict"},
	{name: "offset outside the text", mutate: func(d map[string]any) {
		h := at(d, "highlights", 0)
		h["end"] = len([]rune(badText)) + 10
	}, want: interchange.ErrInvalid, ptr: "/highlights/0/end", msg: "outside the text"},
	{name: "reversed span", mutate: func(d map[string]any) { h := at(d, "highlights", 0); h["end"] = h["start"] },
		want: interchange.ErrInvalid, ptr: "/highlights/0/end", msg: "empty or reversed"},
	{name: "span splits an emoji family", mutate: func(d map[string]any) {
		h := at(d, "highlights", 1) // the family, [s, s+5)
		s := atoi(h["start"])
		h["start"] = s + 2
		h["quote"] = runeCut(badText, s+2, atoi(h["end"]))
	}, want: interchange.ErrInvalid, ptr: "/highlights/1/start", msg: "inside a character"},
	{name: "span splits a letter from its shadda", mutate: func(d map[string]any) {
		h := at(d, "highlights", 0)
		// End just before the last vowel mark of the word: the quote matches, the cut does not.
		e := atoi(h["end"]) - 1
		h["end"] = e
		h["quote"] = runeCut(badText, atoi(h["start"]), e)
	}, want: interchange.ErrInvalid, ptr: "/highlights/0/end", msg: "inside a character"},
	{name: "quote does not match", mutate: func(d map[string]any) { at(d, "highlights", 0)["quote"] = "الصين" },
		want: interchange.ErrInvalid, ptr: "/highlights/0/quote", msg: "reads"},
	{name: "duplicate highlight id", mutate: func(d map[string]any) {
		hs := d["highlights"].([]any)
		dup := map[string]any{}
		for k, v := range hs[1].(map[string]any) {
			dup[k] = v
		}
		dup["id"] = hs[0].(map[string]any)["id"]
		hs[1] = dup
	}, want: interchange.ErrInvalid, ptr: "/highlights/1/id", msg: "also used"},
	{name: "duplicate article id", mutate: func(d map[string]any) { d["articles"] = append(d["articles"].([]any), d["articles"].([]any)[0]) },
		want: interchange.ErrInvalid, ptr: "/articles/1/id", msg: "unique"},
	{name: "duplicate verdict", mutate: func(d map[string]any) { d["verdicts"] = append(d["verdicts"].([]any), d["verdicts"].([]any)[0]) },
		want: interchange.ErrInvalid, ptr: "/verdicts/1/discrepancy", msg: "second verdict"},
	{name: "altered text", mutate: func(d map[string]any) {
		at(d, "articles", 0)["text"] = strings.Replace(badText, "باريس", "لندن", 1)
	},
		want: interchange.ErrInvalid, ptr: "/articles/0/hash", msg: "SHA-256"},
	{name: "text not NFC", mutate: func(d map[string]any) { at(d, "articles", 0)["text"] = "Ba\u0306\u0301c Kinh" /* decomposed: NFD */ },
		want: interchange.ErrInvalid, ptr: "/articles/0/text", msg: "NFC"},
	{name: "highlight on a missing revision", mutate: func(d map[string]any) { at(d, "highlights", 0)["revision"] = 3 },
		want: interchange.ErrInvalid, ptr: "/highlights/0/revision", msg: "no revision 3"},
	{name: "highlight on a missing article", mutate: func(d map[string]any) { at(d, "highlights", 0)["article"] = "ffffffffffff" },
		want: interchange.ErrInvalid, ptr: "/highlights/0/article", msg: "does not hold"},
	{name: "two tags on one key", mutate: func(d map[string]any) { at(d, "tags", 1)["key"] = "1" },
		want: interchange.ErrInvalid, ptr: "/tags", msg: "key 1"},
	{name: "impossible date", mutate: func(d map[string]any) { at(d, "articles", 0)["published"] = "2021-02-30" },
		want: interchange.ErrInvalid, ptr: "/articles/0/published", msg: "not a real date"},
	{name: "deep nesting", raw: func([]byte) []byte {
		return []byte(`{"format":"parallax-set","version":1,"articles":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}")
	}, want: interchange.ErrInvalid, msg: "nests arrays and objects more than 64 deep"},
	{name: "depth just inside strings is fine, then broken type", raw: func(v []byte) []byte {
		// Brackets inside a string do not count as nesting; the document then fails on type.
		return []byte(`{"format":"parallax-set","version":1,"generator":"` + strings.Repeat("[{", 200) + `","exported":5}`)
	}, want: interchange.ErrInvalid, ptr: "/exported"},
}

func atoi(v any) int {
	switch n := v.(type) {
	case json.Number:
		i, _ := n.Int64()
		return int(i)
	case int:
		return n
	}
	panic("not a number")
}

// Each bad document is refused with its sentinel, the JSON pointer of the broken field and a
// message that says what is wrong; the workspace it was meant for is byte-identical after.
func TestRead_BadInput(t *testing.T) {
	base := badBase(t)
	valid, err := json.Marshal(base)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := interchange.Read(bytes.NewReader(valid), "valid.json"); err != nil {
		t.Fatalf("the base document is not valid: %v", err)
	}
	dir := t.TempDir()
	db, wsPath := openDB(t)
	if _, err := db.ImportDocuments(seedDocs(t)[:1], time.Now()); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, wsPath)
	for _, c := range badCases {
		t.Run(c.name, func(t *testing.T) {
			var doc []byte
			if c.raw != nil {
				doc = c.raw(valid)
			} else {
				d := deepCopy(t, base)
				c.mutate(d)
				if doc, err = json.Marshal(d); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".json")
			if err := os.WriteFile(path, doc, 0o600); err != nil {
				t.Fatal(err)
			}
			set, err := interchange.ReadFile(path)
			if err == nil {
				// Not refused: it must not reach the workspace either way.
				_, ierr := interchange.Import(db, set, "")
				t.Fatalf("accepted (import: %v)", ierr)
			}
			var ie *interchange.Error
			if !errors.Is(err, c.want) || !errors.As(err, &ie) {
				t.Fatalf("error %v, want %v as *interchange.Error", err, c.want)
			}
			if ie.Pointer != c.ptr || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), path) {
				t.Errorf("error %q: pointer %q (want %q), message should contain %q and the file name", err, ie.Pointer, c.ptr, c.msg)
			}
			t.Logf("%v", err)
			if fileSum(t, wsPath) != before {
				t.Fatal("the workspace file changed")
			}
		})
	}
}

// Import validates a Set built in code the same way, and writes nothing when it fails.
func TestImport_InvalidSetWritesNothing(t *testing.T) {
	base := badBase(t)
	valid, _ := json.Marshal(base)
	set, err := interchange.Read(bytes.NewReader(valid), "valid.json")
	if err != nil {
		t.Fatal(err)
	}
	set.Highlights[1].Start += 2 // inside the emoji family
	set.Highlights[1].Quote = runeCut(badText, set.Highlights[1].Start, set.Highlights[1].End)
	db, path := openDB(t)
	before := fileSum(t, path)
	_, err = interchange.Import(db, set, "")
	if !errors.Is(err, interchange.ErrInvalid) || !strings.Contains(err.Error(), "/highlights/1/start") || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("Import of an invalid set: %v", err)
	}
	if fileSum(t, path) != before {
		t.Fatal("the workspace file changed")
	}
	if n, _ := db.ArticleCount(); n != 0 {
		t.Fatalf("%d articles written", n)
	}
}

// hugeReader is a 1 GiB set generated on the fly: a valid opening, then one endless article
// text. It counts what was read, to show Read stops at its limit.
type hugeReader struct {
	head []byte
	size int64
	read int64
}

func (h *hugeReader) Read(p []byte) (int, error) {
	if h.read >= h.size {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && h.read < h.size {
		if h.read < int64(len(h.head)) {
			c := copy(p[n:], h.head[h.read:])
			n += c
			h.read += int64(c)
			continue
		}
		c := min(int64(len(p)-n), h.size-h.read)
		clear(p[n : n+int(c)])
		for i := n; i < n+int(c); i++ {
			p[i] = 'a'
		}
		n += int(c)
		h.read += c
	}
	return n, nil
}

// A 1 GiB document is refused: from a stream after reading just past the limit, from a file
// before reading anything.
func TestRead_HugeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 256 MiB")
	}
	h := &hugeReader{head: []byte(`{"format":"parallax-set","version":1,"generator":"x","exported":"2026-01-01T00:00:00Z","articles":[{"id":"a","text":"`), size: 1 << 30}
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	start := time.Now()
	_, err := interchange.Read(h, "huge.json")
	runtime.ReadMemStats(&ms1)
	if !errors.Is(err, interchange.ErrTooLarge) || !strings.Contains(err.Error(), "256 MiB") {
		t.Fatalf("1 GiB stream: %v", err)
	}
	if h.read > interchange.MaxSetBytes+1<<20 {
		t.Errorf("read %d MiB of the stream before refusing it", h.read>>20)
	}
	t.Logf("stream: refused after reading %d MiB in %v, %d MiB allocated: %v", h.read>>20, time.Since(start).Round(time.Millisecond), (ms1.TotalAlloc-ms0.TotalAlloc)>>20, err)

	// A file: refused from its size, before reading. (Sparse: no gigabyte is written.)
	path := filepath.Join(t.TempDir(), "huge.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	start = time.Now()
	_, err = interchange.ReadFile(path)
	if !errors.Is(err, interchange.ErrTooLarge) || !strings.Contains(err.Error(), "1024 MiB") {
		t.Fatalf("1 GiB file: %v", err)
	}
	t.Logf("file: refused in %v: %v", time.Since(start), err)
}
