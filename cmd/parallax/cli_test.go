package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"parallax/store"
)

// seedsDir is the repository's copy of the sample articles.
const seedsDir = "../../seeds"

type result struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return result{code, out.String(), errb.String()}
}

func TestExitStatuses(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.txt")
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"version", []string{"version"}, 0, ""},
		{"help", []string{"help"}, 0, ""},
		{"help of a command", []string{"help", "analyze"}, 0, "Usage: parallax analyze"},
		{"command --help", []string{"import", "--help"}, 0, "Usage: parallax import"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"analyze without paths", []string{"analyze"}, 2, "give at least one PATH"},
		{"analyze unknown flag", []string{"analyze", "--jsn", seedsDir}, 2, "flag provided but not defined"},
		{"import without --db", []string{"import", seedsDir}, 2, "--db FILE is required"},
		{"export without --db", []string{"export"}, 2, "--db FILE is required"},
		{"export unknown format", []string{"export", "--db", filepath.Join(dir, "w"), "--format", "xml"}, 2, "unknown --format"},
		{"analyze missing file", []string{"analyze", missing}, 1, missing},
		{"export missing workspace", []string{"export", "--db", filepath.Join(dir, "none.parallax")}, 1, "none.parallax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			if r.code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", r.code, tt.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.inStderr) {
				t.Errorf("stderr %q does not mention %q", r.stderr, tt.inStderr)
			}
		})
	}
}

// analyzeReport mirrors the analyze --json contract of DESIGN.md with raw fields, so the test
// checks the JSON a consumer sees rather than our own Go types.
type analyzeReport struct {
	Version  *int `json:"version"`
	Articles []struct {
		ID        *string           `json:"id"`
		Source    *string           `json:"source"`
		Lang      *string           `json:"lang"`
		Title     *string           `json:"title"`
		Published json.RawMessage   `json:"published"`
		Text      *string           `json:"text"`
		Facts     []json.RawMessage `json:"facts"`
	} `json:"articles"`
	Stories       []json.RawMessage `json:"stories"`
	Alignments    []json.RawMessage `json:"alignments"`
	Discrepancies []json.RawMessage `json:"discrepancies"`
}

func TestAnalyzeJSONContract(t *testing.T) {
	r := runCLI(t, "analyze", "--json", seedsDir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil {
		t.Fatalf("output is not one JSON object: %v", err)
	}
	for _, k := range []string{"version", "articles", "stories", "alignments", "discrepancies"} {
		if v, ok := raw[k]; !ok || string(v) == "null" {
			t.Errorf("required key %q missing or null", k)
		}
	}
	var rep analyzeReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Version == nil || *rep.Version != 1 {
		t.Errorf("version = %v, want 1", rep.Version)
	}
	wantLang := map[string]string{"000": "ar", "001": "fr", "002": "vi", "003": "fr", "004": "ru"}
	if len(rep.Articles) != len(wantLang) {
		t.Fatalf("%d articles, want %d", len(rep.Articles), len(wantLang))
	}
	for _, a := range rep.Articles {
		if a.ID == nil || a.Source == nil || a.Lang == nil || a.Title == nil || a.Text == nil || a.Published == nil || a.Facts == nil {
			t.Fatalf("article misses a required key: %+v", a)
		}
		base := filepath.Base(*a.Source)
		if want := wantLang[base[:3]]; *a.Lang != want {
			t.Errorf("%s: lang %q, want %q", base, *a.Lang, want)
		}
		file, err := os.ReadFile(*a.Source)
		if err != nil {
			t.Fatalf("source %q is not the path as given: %v", *a.Source, err)
		}
		if *a.Text != string(file) {
			t.Errorf("%s: text differs from the file (the seeds are NFC, LF, no BOM)", base)
		}
		if s := string(a.Published); s != "null" && !strings.HasPrefix(s, `"`) {
			t.Errorf("%s: published = %s, want an ISO string or null", base, s)
		}
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

type exportedSet struct {
	Articles []struct {
		ID     string `json:"id"`
		Source string `json:"source"`
		Lang   string `json:"lang"`
		Text   string `json:"text"`
	} `json:"articles"`
}

func TestImportExportSeeds(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.db")
	r := runCLI(t, "import", "--db", db, seedsDir)
	if r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "5 added") {
		t.Errorf("import said %q, want 5 added", r.stdout)
	}
	if fi, err := os.Stat(db); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("workspace mode = %v (%v), want 0600", fi.Mode().Perm(), err)
	}
	out := filepath.Join(t.TempDir(), "set.json")
	if r := runCLI(t, "export", "--db", db, "-o", out); r.code != 0 {
		t.Fatalf("export: exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var set exportedSet
	if err := json.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	var langs []string
	sort.Slice(set.Articles, func(i, j int) bool { return set.Articles[i].Source < set.Articles[j].Source })
	for _, a := range set.Articles {
		langs = append(langs, a.Lang)
		file, err := os.ReadFile(a.Source)
		if err != nil {
			t.Fatal(err)
		}
		if a.Text != string(file) {
			t.Errorf("%s: exported text differs from the file", a.Source)
		}
	}
	if got := strings.Join(langs, " "); got != "ar fr vi fr ru" {
		t.Errorf("languages %q, want ar fr vi fr ru", got)
	}

	// Importing the same files again, or the bundled samples (the same texts), adds nothing.
	before := fileSum(t, db)
	for _, args := range [][]string{{"import", "--db", db, seedsDir}, {"import", "--db", db, "--samples"}} {
		r := runCLI(t, args...)
		if r.code != 0 || !strings.Contains(r.stdout, "0 added, 0 revised, 5 unchanged") {
			t.Errorf("%v: exit %d, said %q %q; want 5 unchanged", args, r.code, r.stdout, r.stderr)
		}
	}
	_ = before
	d, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if n, _ := d.ArticleCount(); n != 5 {
		t.Errorf("after re-import: %d articles, want 5", n)
	}
}

// TestBadInputLeavesWorkspaceUnchanged runs import with each kind of bad input into a workspace
// that already holds the seeds and checks: exit 1, a message naming the file, and the workspace
// file byte-for-byte as before.
func TestBadInputLeavesWorkspaceUnchanged(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	if r := runCLI(t, "import", "--db", db, seedsDir); r.code != 0 {
		t.Fatalf("setup import: %s", r.stderr)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)
	good := write("good.txt", []byte("Une phrase correcte en français, pour rien.\n"))
	cases := []struct {
		name string
		path string
	}{
		{"png renamed txt", write("photo.txt", png)},
		{"invalid utf-8", write("broken.txt", []byte("Pékin \xff\xfe a démenti\n"))},
		{"empty file", write("empty.txt", nil)},
		{"html with only scripts", write("scripts.html", []byte("<html><head><script>var a=1;</script></head><body><script>b()</script></body></html>"))},
		{"oversized file", write("huge.txt", bytes.Repeat([]byte("a"), 64<<20))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := fileSum(t, db)
			r := runCLI(t, "import", "--db", db, good, c.path)
			if r.code != 1 {
				t.Fatalf("exit %d, want 1; stderr: %s", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, filepath.Base(c.path)) {
				t.Errorf("message %q does not name %s", r.stderr, filepath.Base(c.path))
			}
			if fileSum(t, db) != before {
				t.Error("workspace file changed although nothing was imported")
			}
		})
	}
}

func TestWorkspaceFileProblems(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join("..", "..", "seeds", "000_aee102b197d6c641.txt")

	t.Run("not a workspace", func(t *testing.T) {
		p := filepath.Join(dir, "notes.parallax")
		os.WriteFile(p, []byte("just some text the user keeps here\n"), 0o644)
		before := fileSum(t, p)
		r := runCLI(t, "import", "--db", p, good)
		if r.code != 1 || !strings.Contains(r.stderr, "not a Parallax workspace") || !strings.Contains(r.stderr, p) {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
		if fileSum(t, p) != before {
			t.Error("the file was modified")
		}
	})

	t.Run("newer schema", func(t *testing.T) {
		p := filepath.Join(dir, "future.parallax")
		if r := runCLI(t, "import", "--db", p, good); r.code != 0 {
			t.Fatal(r.stderr)
		}
		b, err := bolt.Open(p, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		err = b.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("999"))
		})
		b.Close()
		if err != nil {
			t.Fatal(err)
		}
		before := fileSum(t, p)
		r := runCLI(t, "import", "--db", p, good)
		if r.code != 1 || !strings.Contains(r.stderr, "newer version of Parallax") {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
		if fileSum(t, p) != before {
			t.Error("the file was modified")
		}
	})

	t.Run("locked by another window", func(t *testing.T) {
		p := filepath.Join(dir, "busy.parallax")
		holder, err := store.Open(p, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer holder.Close()
		start := time.Now()
		r := runCLI(t, "import", "--db", p, good)
		if r.code != 1 || !strings.Contains(r.stderr, "open in another window") {
			t.Errorf("exit %d, stderr %q", r.code, r.stderr)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("took %v to give up on the lock; it must not hang", d)
		}
	})
}

// TestExportSpreadsheets writes the facts and discrepancies of the seeds as CSV and XLSX
// through the command line.
func TestExportSpreadsheets(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	if r := runCLI(t, "import", "--db", db, seedsDir); r.code != 0 {
		t.Fatalf("import: exit %d: %s", r.code, r.stderr)
	}
	for _, tt := range []struct {
		args []string
		head string
	}{
		{[]string{"--format", "csv", "--table", "facts"}, "story,article,version,outlet,lang,published,fact,kind,text,value"},
		{[]string{"--format", "csv"}, "story,discrepancy,kind,severity,summary"},
		{[]string{"--format", "xlsx"}, "PK\x03\x04"},
	} {
		out := filepath.Join(dir, "out")
		r := runCLI(t, append([]string{"export", "--db", db, "-o", out}, tt.args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, r.code, r.stderr)
		}
		data, _ := os.ReadFile(out)
		if !bytes.HasPrefix(data, []byte(tt.head)) || bytes.Count(data, []byte("\n")) < 3 {
			t.Errorf("%v wrote %.80q…, want %q and rows", tt.args, data, tt.head)
		}
	}
	if r := runCLI(t, "export", "--db", db, "--format", "csv", "--table", "highlights"); r.code != 2 || !strings.Contains(r.stderr, "unknown --table") {
		t.Errorf("bad --table: exit %d, %q", r.code, r.stderr)
	}
}

// TestImportAnnotations stores W3C annotations made elsewhere as highlights and reports the
// ones that do not anchor.
func TestImportAnnotations(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	src := seedsDir + "/000_aee102b197d6c641.txt"
	anno := filepath.Join(dir, "notes.jsonld")
	os.WriteFile(anno, []byte(`[{"id": "a1", "type": "Annotation", "body": [{"purpose": "tagging", "value": "number"}],
	  "target": {"source": "`+src+`", "selector": {"type": "TextQuoteSelector", "exact": "30 ألف مؤسسة"}}},
	 {"id": "a2", "type": "Annotation", "target": {"source": "https://example.org/elsewhere",
	  "selector": {"type": "TextQuoteSelector", "exact": "x"}}}]`), 0o644)
	r := runCLI(t, "import", "--db", db, "--annotations", anno, src)
	if r.code != 0 || !strings.Contains(r.stdout, "1 highlights added") || !strings.Contains(r.stdout, "a2 on https://example.org/elsewhere") {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"hello": 1}`), 0o644)
	if r := runCLI(t, "import", "--db", db, "--annotations", bad); r.code != 1 || !strings.Contains(r.stderr, "no annotations") {
		t.Errorf("not annotations: exit %d, %q", r.code, r.stderr)
	}
}

// TestAnalyzeSyndication: the same text from two outlets is one article in analyze, which
// names both, in JSON and in text.
func TestAnalyzeSyndication(t *testing.T) {
	dir := t.TempDir()
	body := "Beijing rejected the accusations on Tuesday, the foreign ministry said.\n"
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("---\nsource: The Herald\n---\n"+body), 0o644)
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("---\nsource: The Courier\n---\n"+body), 0o644)
	r := runCLI(t, "analyze", "--json", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var rep struct {
		Articles []struct {
			AlsoRan []struct {
				Outlet string `json:"outlet"`
			} `json:"also_ran"`
			SameText string `json:"same_text"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Articles) != 1 || len(rep.Articles[0].AlsoRan) != 1 || rep.Articles[0].AlsoRan[0].Outlet != "The Courier" ||
		rep.Articles[0].SameText != "the same wire text ran in The Herald and The Courier" {
		t.Errorf("articles %+v", rep.Articles)
	}
	if r := runCLI(t, "analyze", dir); !strings.Contains(r.stdout, "the same wire text ran in The Herald and The Courier") {
		t.Errorf("text output does not name both outlets:\n%s", r.stdout)
	}
}

// A .json file beside the articles of a directory (a gold or metadata file, a set) does not
// stop analyze: it is skipped with a note. Named on the command line, it is refused with the
// way to analyse a set; a directory of nothing but .json files has no articles.
func TestAnalyze_JSONFilesInDirectories(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("en.txt", "At least 35 people died when a ferry sank on Sunday, police said.\n")
	write("fr.txt", "Au moins 35 personnes sont mortes dimanche dans le naufrage d'un ferry, selon la police.\n")
	gold := write("gold.json", `{"event": "ferry", "articles": []}`)

	r := runCLI(t, "analyze", "--json", dir)
	if r.code != 0 {
		t.Fatalf("analyze DIR with a .json beside the articles: exit %d\n%s", r.code, r.stderr)
	}
	if !strings.Contains(r.stderr, "skipped") || !strings.Contains(r.stderr, "gold.json") {
		t.Errorf("stderr does not say the .json file was skipped: %q", r.stderr)
	}
	var rep struct{ Articles []struct{ Source string } }
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Articles) != 2 {
		t.Fatalf("want the 2 articles in the report, got %d (%v)", len(rep.Articles), err)
	}

	if r := runCLI(t, "analyze", "--json", gold); r.code != 1 || !strings.Contains(r.stderr, "parallax import") {
		t.Errorf("analyze FILE.json: exit %d, stderr %q; want 1 and how to import a set", r.code, r.stderr)
	}
	only := filepath.Join(dir, "only")
	if err := os.Mkdir(only, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(only, "set.json"), []byte(`{"version":1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "analyze", "--json", only); r.code != 1 || !strings.Contains(r.stderr, "no articles") {
		t.Errorf("analyze DIR of .json only: exit %d, stderr %q; want 1 and no articles", r.code, r.stderr)
	}
}
