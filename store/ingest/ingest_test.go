package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"parallax/compare"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// sentinels name the causes for golden files and messages.
var sentinels = map[string]error{
	"ErrBinary": ErrBinary, "ErrEncoding": ErrEncoding, "ErrEmpty": ErrEmpty,
	"ErrTooLarge": ErrTooLarge, "ErrNoText": ErrNoText, "ErrUnsupported": ErrUnsupported,
	"ErrParallaxSet": ErrParallaxSet, "ErrFrontMatter": ErrFrontMatter, "ErrUnreadable": ErrUnreadable,
}

func causeName(err error) string {
	for name, s := range sentinels {
		if errors.Is(err, s) {
			return name
		}
	}
	return "unknown"
}

// golden is what one fixture file must produce: a document, or an error cause and message.
type golden struct {
	Error   string    `json:"error,omitempty"`
	Message string    `json:"message,omitempty"`
	Doc     *Document `json:"document,omitempty"`
}

// TestFixtures ingests every file in testdata/files and compares with testdata/golden.
// Dates found in the text are left out of the goldens: they come from compare's date
// engine, whose own tests own them (TestDatelineWiring checks the hand-over).
func TestFixtures(t *testing.T) {
	files, err := filepath.Glob("testdata/files/*")
	if err != nil || len(files) < 15 {
		t.Fatalf("fixtures missing: %v %v", files, err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			doc, err := File(f)
			var got golden
			if err != nil {
				var fe *FileError
				if !errors.As(err, &fe) || fe.Path != f {
					t.Fatalf("error %v is not a *FileError for %s", err, f)
				}
				got = golden{Error: causeName(err), Message: err.Error()}
			} else {
				if strings.HasPrefix(doc.PublishedFrom, "text: ") {
					doc.Published, doc.PublishedFrom = "", ""
				}
				checkText(t, doc.Text)
				got = golden{Doc: &doc}
			}
			out, _ := json.MarshalIndent(got, "", "  ")
			out = append(out, '\n')
			path := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("%s differs from golden:\n got: %s\nwant: %s", name, out, want)
			}
		})
	}
}

// checkText asserts the text contract of DESIGN.md.
func checkText(t testing.TB, s string) {
	t.Helper()
	switch {
	case !utf8.ValidString(s):
		t.Errorf("text is not valid UTF-8")
	case strings.ContainsRune(s, '\r'):
		t.Errorf("text contains CR")
	case strings.HasPrefix(s, "\ufeff"):
		t.Errorf("text starts with a BOM")
	case !norm.NFC.IsNormalString(s):
		t.Errorf("text is not NFC")
	case strings.TrimSpace(s) == "":
		t.Errorf("text is empty")
	}
}

// cases is the table shared by TestBytes and the FuzzBytes seeds. Cases found by fuzzing go
// at the end.
var cases = []struct {
	name    string
	file    string
	data    string
	wantErr error
	want    func(t *testing.T, d Document)
}{
	{name: "plain", file: "a.txt", data: "China denies hacking claims\n\nBeijing on Tuesday rejected the accusations made by the United States.",
		want: func(t *testing.T, d Document) {
			if d.Lang != "en" || d.LangFrom != "detected" || d.Title != "China denies hacking claims" || d.Format != "txt" {
				t.Errorf("got %+v", d)
			}
		}},
	{name: "bom", file: "a.txt", data: "\ufeffLe texte commence ici et continue.",
		want: func(t *testing.T, d Document) {
			if d.Text != "Le texte commence ici et continue." {
				t.Errorf("BOM not removed: %q", d.Text)
			}
		}},
	{name: "crlf and lone cr", file: "a.txt", data: "one two three\r\nfour five six\rseven\r\n",
		want: func(t *testing.T, d Document) {
			if d.Text != "one two three\nfour five six\nseven\n" {
				t.Errorf("line ends: %q", d.Text)
			}
		}},
	{name: "nfd to nfc", file: "a.txt", data: "Pe\u0301kin a de\u0301menti les accusations.",
		want: func(t *testing.T, d Document) {
			if d.Text != "Pékin a démenti les accusations." {
				t.Errorf("not NFC: %q", d.Text)
			}
		}},
	{name: "utf16le", file: "a.txt", data: "\xff\xfeH\x00i\x00 \x00t\x00h\x00e\x00r\x00e\x00",
		want: func(t *testing.T, d Document) {
			if d.Text != "Hi there" {
				t.Errorf("utf16: %q", d.Text)
			}
		}},
	{name: "utf16 odd length", file: "a.txt", data: "\xff\xfeH\x00i", wantErr: ErrEncoding},
	{name: "utf16 unpaired surrogate", file: "a.txt", data: "\xff\xfeH\x00\x00\xd8i\x00", wantErr: ErrEncoding},
	{name: "utf32", file: "a.txt", data: "\xff\xfe\x00\x00H\x00\x00\x00", wantErr: ErrEncoding},
	{name: "invalid utf8", file: "a.txt", data: "caf\xe9 au lait", wantErr: ErrEncoding},
	{name: "nul bytes", file: "a.txt", data: "abc\x00def\x01\x02", wantErr: ErrBinary},
	{name: "png", file: "a.txt", data: "\x89PNG\r\n\x1a\nrest", wantErr: ErrBinary},
	{name: "pdf as md", file: "a.md", data: "%PDF-1.7\n...", wantErr: ErrBinary},
	{name: "control chars", file: "a.txt", data: strings.Repeat("\x1b[31mred\x1b[0m ", 10), wantErr: ErrBinary},
	{name: "empty", file: "a.txt", data: "", wantErr: ErrEmpty},
	{name: "white space only", file: "a.md", data: " \n\t \r\n", wantErr: ErrEmpty},
	{name: "front matter only", file: "a.md", data: "---\ntitle: x\n---\n", wantErr: ErrEmpty},
	{name: "front matter", file: "a.md",
		data: "---\ntitle: Titre\nurl: https://ex.org/a\nsource: Ex\npublished: 2021-07-20\nlang: fr-CA\n---\nLe texte.\n",
		want: func(t *testing.T, d Document) {
			if d.Text != "Le texte.\n" || d.Title != "Titre" || d.URL != "https://ex.org/a" || d.SourceName != "Ex" ||
				d.Published != "2021-07-20" || d.PublishedFrom != "front matter" || d.Lang != "fr" || d.LangFrom != "front matter" {
				t.Errorf("got %+v", d)
			}
		}},
	{name: "front matter lang wins over detection", file: "a.md", data: "---\nlang: de\n---\nThis text is plainly written in English.",
		want: func(t *testing.T, d Document) {
			if d.Lang != "de" || d.LangFrom != "front matter" {
				t.Errorf("got %s from %s", d.Lang, d.LangFrom)
			}
		}},
	{name: "front matter rfc3339 keeps the written day", file: "a.md", data: "---\npublished: 2021-07-20T23:30:00-05:00\n---\nText here.",
		want: func(t *testing.T, d Document) {
			if d.Published != "2021-07-20" {
				t.Errorf("published %q", d.Published)
			}
		}},
	{name: "front matter month keeps its precision", file: "a.md", data: "---\npublished: 2021-07\n---\nText here, 20 July.",
		want: func(t *testing.T, d Document) {
			if d.Published != "2021-07" || d.PublishedFrom != "front matter" || d.PublishedTime != "" {
				t.Errorf("published %q from %q (%q)", d.Published, d.PublishedFrom, d.PublishedTime)
			}
		}},
	{name: "front matter year keeps its precision", file: "a.md", data: "---\npublished: 2021\n---\nText here.",
		want: func(t *testing.T, d Document) {
			if d.Published != "2021" {
				t.Errorf("published %q", d.Published)
			}
		}},
	{name: "bad month", file: "a.md", data: "---\npublished: 2021-13\n---\nBody", wantErr: ErrFrontMatter},
	{name: "bad short date", file: "a.md", data: "---\npublished: 2021-7\n---\nBody", wantErr: ErrFrontMatter},
	{name: "front matter crlf", file: "a.md", data: "---\r\ntitle: T\r\n---\r\nBody\r\n",
		want: func(t *testing.T, d Document) {
			if d.Title != "T" || d.Text != "Body\n" {
				t.Errorf("got %+v", d)
			}
		}},
	{name: "bad yaml", file: "a.md", data: "---\ntitle: a\nurl: [x\n---\nBody", wantErr: ErrFrontMatter},
	{name: "bad date", file: "a.md", data: "---\npublished: yesterday\n---\nBody", wantErr: ErrFrontMatter},
	{name: "bad lang", file: "a.md", data: "---\nlang: not a language\n---\nBody", wantErr: ErrFrontMatter},
	{name: "list value", file: "a.md", data: "---\ntitle: [a, b]\n---\nBody", wantErr: ErrFrontMatter},
	{name: "unclosed front matter is text", file: "a.md", data: "---\nStill text after a rule line here.",
		want: func(t *testing.T, d Document) {
			if !strings.HasPrefix(d.Text, "---\n") {
				t.Errorf("text %q", d.Text)
			}
		}},
	{name: "html", file: "a.html",
		data: `<html lang="de-AT"><head><title>Titel | Seite</title><meta property="og:published_time" content="2020-01-02"></head><body><p>Das ist der erste Absatz des Artikels über die Verhandlungen.</p><p>Und das ist der zweite.</p></body></html>`,
		want: func(t *testing.T, d Document) {
			if d.Lang != "de" || d.LangFrom != "html" || d.Published != "2020-01-02" || d.Format != "html" {
				t.Errorf("got %+v", d)
			}
			if !strings.Contains(d.Text, "Verhandlungen.\n\nUnd das") {
				t.Errorf("paragraphs not blank-line separated: %q", d.Text)
			}
		}},
	{name: "html lang contradicted by script", file: "a.htm",
		data: `<html lang="en"><body><p>قالت وزارة الخارجية الصينية يوم الثلاثاء إن الاتهامات لا أساس لها من الصحة على الإطلاق.</p></body></html>`,
		want: func(t *testing.T, d Document) {
			if d.Lang != "ar" || d.LangFrom != "detected" {
				t.Errorf("got %s from %s", d.Lang, d.LangFrom)
			}
		}},
	{name: "html scripts only", file: "a.html", data: `<html><head><script>var x = "text";</script></head><body><script>document.write("hi")</script></body></html>`, wantErr: ErrNoText},
	{name: "html empty", file: "a.html", data: `<html></html>`, wantErr: ErrNoText},
	{name: "json", file: "set.json", data: `{"version":1}`, wantErr: ErrParallaxSet},
	{name: "unsupported", file: "a.docx", data: "PK\x03\x04", wantErr: ErrUnsupported},
	{name: "no extension", file: "README", data: "text", wantErr: ErrUnsupported},
	{name: "mixed scripts", file: "a.txt", data: "Чжао Лицзянь (Zhao Lijian) 赵立坚 زاو ليجيان",
		want: func(t *testing.T, d Document) { checkText(t, d.Text) }},
	// Cases found by fuzzing.
	{name: "lone cr only", file: "a.txt", data: "\r", wantErr: ErrEmpty},
	{name: "front matter then nothing", file: "a.md", data: "---\n---", wantErr: ErrEmpty},
}

func TestBytes(t *testing.T) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Bytes(c.file, []byte(c.data))
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("err = %v, want %v", err, c.wantErr)
				}
				var fe *FileError
				if !errors.As(err, &fe) || fe.Path != c.file || !strings.HasPrefix(err.Error(), c.file+": ") {
					t.Errorf("error %q does not name the file", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			checkText(t, d.Text)
			if d.Source != c.file {
				t.Errorf("Source = %q", d.Source)
			}
			if c.want != nil {
				c.want(t, d)
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(p, bytes.Repeat([]byte("word "), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs := Paths([]string{p}, Options{MaxFileSize: 1000})
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.Contains(errs[0].Error(), "limit") {
		t.Fatalf("errs = %v", errs)
	}
	// the default limit, stated in the message
	_, err := Bytes("huge.txt", make([]byte, DefaultMaxFileSize+1))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "20 MiB") {
		t.Fatalf("err = %v", err)
	}
}

// TestLongLine: one 10 MB line must ingest whole, and quickly (no line-length limit, no
// quadratic step).
func TestLongLine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "line.txt")
	line := strings.Repeat("Le ministère a démenti les accusations. ", 10<<20/41)
	if err := os.WriteFile(p, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	d, err := File(p)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if d.Text != line || d.Lang != "fr" {
		t.Errorf("text %d bytes (want %d), lang %q", len(d.Text), len(line), d.Lang)
	}
	if utf8.RuneCountInString(d.Title) > maxTitleRunes+1 {
		t.Errorf("title is %d runes", utf8.RuneCountInString(d.Title))
	}
	t.Logf("10 MB line ingested in %v", elapsed)
	if elapsed > 20*time.Second { // generous for -race on a busy 2-core machine
		t.Errorf("too slow: %v", elapsed)
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPathsDirectory(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.txt"), "Second article text, about the talks.")
	writeFile(t, filepath.Join(dir, "a.md"), "First article text, about the storm.")
	writeFile(t, filepath.Join(dir, "nested", "deeper", "c.html"), "<p>Third article, nested two levels down.</p>")
	writeFile(t, filepath.Join(dir, "nested", "d.TXT"), "Fourth article with an upper-case extension.")
	writeFile(t, filepath.Join(dir, ".hidden.txt"), "hidden file")
	writeFile(t, filepath.Join(dir, ".git", "e.txt"), "inside a hidden directory")
	writeFile(t, filepath.Join(dir, "photo.jpg"), "\xff\xd8\xff")
	writeFile(t, filepath.Join(dir, "notes.docx"), "PK")
	writeFile(t, filepath.Join(dir, "set.json"), "{}")
	writeFile(t, filepath.Join(dir, "empty.txt"), "")
	single := filepath.Join(dir, "nested", "d.TXT")

	docs, errs := Paths([]string{dir, single}, Options{})
	var got []string
	for _, d := range docs {
		rel, _ := filepath.Rel(dir, d.Source)
		got = append(got, rel)
	}
	want := []string{"a.md", "b.txt", "nested/d.TXT", "nested/deeper/c.html", "nested/d.TXT"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("documents %v, want %v", got, want)
	}
	var causes []string
	for _, e := range errs {
		rel, _ := filepath.Rel(dir, e.(*FileError).Path)
		causes = append(causes, rel+"="+causeName(e))
	}
	if strings.Join(causes, ",") != "empty.txt=ErrEmpty,set.json=ErrParallaxSet" {
		t.Errorf("errors %v", causes)
	}
	// an unsupported file named explicitly is reported, not skipped
	_, errs = Paths([]string{filepath.Join(dir, "notes.docx"), filepath.Join(dir, "missing.txt")}, Options{})
	if len(errs) != 2 || !errors.Is(errs[0], ErrUnsupported) || !errors.Is(errs[1], ErrUnreadable) || !errors.Is(errs[1], fs.ErrNotExist) {
		t.Errorf("errs = %v", errs)
	}
}

// TestPathsUnreadable: a directory holding an unreadable file yields the other files and
// an error naming the unreadable one. Permission bits do not stop root, so the real-chmod
// variant runs only for other users; the injected-reader variant runs everywhere.
func TestPathsUnreadable(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "ok.txt"), "A readable article about the negotiations.")
	locked := filepath.Join(dir, "sub", "locked.txt")
	writeFile(t, locked, "A locked article.")

	check := func(t *testing.T, opts Options) {
		docs, errs := Paths([]string{dir}, opts)
		if len(docs) != 1 || filepath.Base(docs[0].Source) != "ok.txt" {
			t.Errorf("docs = %v", docs)
		}
		if len(errs) != 1 || !errors.Is(errs[0], ErrUnreadable) || !errors.Is(errs[0], fs.ErrPermission) ||
			!strings.HasPrefix(errs[0].Error(), locked+": ") || !strings.Contains(errs[0].Error(), "permission") {
			t.Errorf("errs = %v", errs)
		}
	}
	t.Run("injected", func(t *testing.T) {
		check(t, Options{readFile: func(p string) ([]byte, error) {
			if p == locked {
				return nil, &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
			}
			return os.ReadFile(p)
		}})
	})
	t.Run("chmod", func(t *testing.T) {
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(locked, 0o644)
		if f, err := os.Open(locked); err == nil {
			f.Close()
			t.Skip("running as root (or on a file system without permissions): chmod 000 does not block reading; the injected variant covers this")
		}
		check(t, Options{})
	})
}

func TestSeeds(t *testing.T) {
	want := []struct{ prefix, lang, title string }{
		{"000", "ar", "الصين تنفي اتهامها بمهاجمة مايكروسوفت وتصف واشنطن ببطلة العالم في الهجمات الإلكترونية الخبيثة"},
		{"001", "fr", "Chine : dément les allégations de cyberattaques des États-Unis, de l'OTAN et de l'UE et lance une « contre-attaque »"},
		{"002", "vi", "Trung Quốc phản ứng mạnh khi bị cáo buộc đứng sau chiến dịch tin tặc toàn cầu"},
		{"003", "fr", "JAKARTA - Mardi 26 mars, la Chine a exhorté les États-Unis et le Royaume-Uni à mettre fin à la politisation des questions de cybersécurité."},
		{"004", "ru", "МИД КНР заявил о том, что обвинения США в связи китайских спецслужб с кибератаками не имеют оснований."},
	}
	for _, w := range want {
		m, _ := filepath.Glob("../../seeds/" + w.prefix + "_*.txt")
		if len(m) != 1 {
			t.Fatalf("seed %s not found", w.prefix)
		}
		d, err := File(m[0])
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(m[0])
		if d.Text != string(raw) { // the seeds are clean UTF-8 NFC with LF: text = file
			t.Errorf("seed %s: text changed by ingest", w.prefix)
		}
		if d.Lang != w.lang || d.LangFrom != "detected" {
			t.Errorf("seed %s: lang %q from %q, want %q", w.prefix, d.Lang, d.LangFrom, w.lang)
		}
		if d.Title != w.title {
			t.Errorf("seed %s: title %q, want %q", w.prefix, d.Title, w.title)
		}
	}
}

// TestDatelineWiring: when metadata has no date, the dateline compare finds in the text is
// the publication date, marked with the dateline as written.
func TestDatelineWiring(t *testing.T) {
	m, _ := filepath.Glob("../../seeds/000_*.txt")
	raw, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	d, err := File(m[0])
	if err != nil {
		t.Fatal(err)
	}
	dl, ok := compare.FindDateline(string(raw), "ar")
	if !ok {
		t.Fatalf("compare.FindDateline finds no dateline in %s, whose third line is its timestamp", m[0])
	}
	if d.Published != dl.Date || d.PublishedFrom != "text: "+dl.Text {
		t.Errorf("published %q from %q, want %q from text: %q", d.Published, d.PublishedFrom, dl.Date, dl.Text)
	}
}

func TestTitleRule(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Home\n\nWorld\n\nStorm leaves thousands without power\n\nThe storm hit on Monday.", "Storm leaves thousands without power"},
		{"Accueil » Monde » Asie\n\nPékin dément les accusations\n\nTexte.", "Pékin dément les accusations"},
		{"Share:\n\n12:30 | 20.07.2021\n\nTalks resume in Geneva today\n\nBody.", "Talks resume in Geneva today"},
		{"中国外交部\n\n中国否认黑客攻击指控\n\n正文。", "中国否认黑客攻击指控"},
		{"", ""},
		{"ok", ""},
	}
	for _, c := range cases {
		if got := titleFromText(c.text); got != c.want {
			t.Errorf("titleFromText(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	long := strings.Repeat("word ", 300)
	if got := titleFromText(long); utf8.RuneCountInString(got) > maxTitleRunes+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("long title %q", got)
	}
}

func FuzzBytes(f *testing.F) {
	for _, c := range cases {
		f.Add(c.file, []byte(c.data))
	}
	for _, name := range []string{"a.txt", "a.md", "a.html"} {
		f.Add(name, []byte("---\ntitle: x\n---\nbody\r\n"))
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		d, err := Bytes(name, data)
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || causeName(err) == "unknown" {
				t.Fatalf("error %v is not a *FileError with a known cause", err)
			}
			return
		}
		checkText(t, d.Text)
	})
}

// TestPlainFrontMatterWithColons: a title with ": " in it, unquoted, is what people write; it is
// read as the title rather than refused as bad YAML.
func TestPlainFrontMatterWithColons(t *testing.T) {
	src := "---\ntitle: Крымский мост атакован во второй раз: погибли супруги\nsource: Обозрение\npublished: 2023-07-17T13:20:00+03:00\nlang: ru\n---\nТекст.\n"
	docs, err := Bytes("a.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got := docs.Title; got != "Крымский мост атакован во второй раз: погибли супруги" {
		t.Errorf("title = %q", got)
	}
	if docs.Lang != "ru" || docs.Published != "2023-07-17" {
		t.Errorf("lang %q published %q", docs.Lang, docs.Published)
	}
}
