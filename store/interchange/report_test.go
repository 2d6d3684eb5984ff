package interchange_test

import (
	"bytes"
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"parallax/store"
	"parallax/store/interchange"
)

// seedSet is the seeds workspace, analysed, highlighted and with verdicts, exported.
func seedSet(t *testing.T) *interchange.Set {
	t.Helper()
	db, _ := openDB(t)
	seedWorkspace(t, db, "Amira Haddad")
	set, _ := export(t, db, true)
	return set
}

// report renders a report and, when PARALLAX_REPORT_DIR is set, keeps it there to look at.
func report(t *testing.T, set *interchange.Set, format, story string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := interchange.WriteReport(&buf, set, format, story); err != nil {
		t.Fatalf("%s report: %v", format, err)
	}
	if dir := os.Getenv("PARALLAX_REPORT_DIR"); dir != "" && story == "" {
		if err := os.WriteFile(filepath.Join(dir, "report."+format), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.String()
}

func TestWriteReport_Seeds(t *testing.T) {
	set := seedSet(t)
	// A verdict on a discrepancy the analysis no longer finds is shown apart, not dropped.
	set.Verdicts = append(set.Verdicts, store.Verdict{Discrepancy: "d-00000000000000ff", Verdict: store.VerdictRejected,
		Note: "an older analysis flagged this", Author: "Bao Nguyen"})
	html, md := report(t, set, "html", ""), report(t, set, "md", "")
	if !strings.Contains(html, "no longer found") || !strings.Contains(md, "no longer found") {
		t.Error("report does not show the verdict whose discrepancy is gone")
	}
	for _, d := range set.Analysis.Discrepancies {
		for format, out := range map[string]string{"html": html, "md": md} {
			if !strings.Contains(out, d.ID) {
				t.Errorf("%s report lacks discrepancy %s", format, d.ID)
			}
		}
	}
	// Every verdict is shown: on its discrepancy, or (when the analysis no longer finds that
	// discrepancy) in a section of its own.
	for _, v := range set.Verdicts {
		if strings.Count(html, v.Discrepancy) == 0 || !strings.Contains(md, "**Verdict: "+v.Verdict+"**") ||
			!strings.Contains(html, `class="verdict `+v.Verdict+`"`) {
			t.Errorf("report lacks the %s verdict on %s", v.Verdict, v.Discrepancy)
		}
	}
	for _, h := range set.Highlights {
		if !strings.Contains(html, "<mark>"+templateEscape(h.Quote)+"</mark>") {
			t.Errorf("HTML report lacks highlight %q", h.Quote)
		}
	}
	// Self-contained, printable, right-to-left aware.
	for _, want := range []string{"@media print", `dir="auto"`, "<bdi", `lang="ar"`, "break-inside: avoid"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML report lacks %s", want)
		}
	}
	if regexp.MustCompile(`(?i)<(script|link|img|iframe)\b|url\(`).MatchString(html) {
		t.Error("HTML report loads something from outside the file")
	}
	if strings.Contains(html, "ZgotmplZ") {
		t.Error("html/template rejected a value (ZgotmplZ in the output)")
	}

	// One story only.
	story := set.Analysis.Stories[0].ID
	one := report(t, set, "md", story)
	if strings.Count(one, "\n## ") != 1 || !strings.Contains(one, story) {
		t.Errorf("story report does not hold exactly story %s", story)
	}
	if err := interchange.WriteReport(&bytes.Buffer{}, set, "html", "s-nope"); err == nil || !strings.Contains(err.Error(), story) {
		t.Errorf("unknown story: %v (should list the stories there are)", err)
	}
	if err := interchange.WriteReport(&bytes.Buffer{}, set, "pdf", ""); err == nil {
		t.Error("unknown format accepted")
	}
}

func templateEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}

// Markdown from article text never turns into markup.
func TestWriteReport_MarkdownEscapes(t *testing.T) {
	db, _ := openDB(t)
	seedWorkspace(t, db, "*bold* [link](x) <b>")
	set, _ := export(t, db, true)
	set.Articles[0].Title = "# not a heading | not a cell"
	md := report(t, set, "md", "")
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`[^\\]\| not a cell`), regexp.MustCompile(`\n# not a heading`),
		regexp.MustCompile(`[^\\]\[link[^\\]\]\(x\)`), regexp.MustCompile(`[^\\]<b>`), regexp.MustCompile(`[^\\]\*bold[^\\]\*`),
	} {
		if loc := bad.FindStringIndex(md); loc != nil {
			t.Errorf("Markdown report contains unescaped %q", md[loc[0]:loc[1]])
		}
	}
}

// The HTML report opens in a browser: headless Chromium renders it to a screenshot that is not
// blank, and prints it to a PDF of a few pages. Skipped where Chromium is not installed.
func TestWriteReport_Chromium(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	bin := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" {
		t.Skip("no Chromium on PATH (apt install chromium)")
	}
	set := seedSet(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(report(t, set, "html", "")), 0o644); err != nil {
		t.Fatal(err)
	}
	shot, pdf := filepath.Join(dir, "report.png"), filepath.Join(dir, "report.pdf")
	for _, out := range []string{"--screenshot=" + shot, "--print-to-pdf=" + pdf} {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu",
			"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
			"--user-data-dir="+t.TempDir(), "--window-size=1200,1600", "--no-pdf-header-footer", out, "file://"+page)
		start := time.Now()
		msg, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("chromium %s: %v\n%s", out, err, msg)
		}
		t.Logf("chromium %s in %v", strings.SplitN(out, "=", 2)[0], time.Since(start).Round(time.Millisecond))
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	b := img.Bounds()
	ink, marked := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r < 0x8000 && g < 0x8000 && bl < 0x8000 {
				ink++ // text
			}
			if r > 0xf000 && g > 0xe000 && bl < 0xc000 && bl > 0x8000 {
				marked++ // the yellow of <mark>
			}
		}
	}
	total := b.Dx() * b.Dy() / 4
	if ink < total/200 || marked == 0 {
		t.Errorf("screenshot looks empty: %d%% dark pixels, %d marked", 100*ink/total, marked)
	}
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(data, -1))
	if pages < 2 || pages > 20 {
		t.Errorf("printed report has %d pages", pages)
	}
	t.Logf("screenshot %dx%d, %.1f%% text pixels; PDF %d pages, %d KB", b.Dx(), b.Dy(), 100*float64(ink)/float64(total), pages, len(data)>>10)
	if dir := os.Getenv("PARALLAX_REPORT_DIR"); dir != "" {
		for _, p := range []string{shot, pdf} {
			data, _ := os.ReadFile(p)
			_ = os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644)
		}
	}
}

// A version whose date the analysis inferred from its story shows that date, marked, rather
// than "unknown"; one whose date nobody knows still says so.
func TestWriteReport_InferredPublication(t *testing.T) {
	set := seedSet(t)
	inferred := map[string]string{}
	for _, af := range set.Analysis.Facts {
		if af.Published != "" {
			inferred[af.Article] = af.Published
		}
	}
	if len(inferred) == 0 {
		t.Fatal("the seeds' analysis inferred no publication date; the test has nothing to check")
	}
	md := report(t, set, "md", "")
	for _, a := range set.Articles {
		want, ok := inferred[a.ID]
		if !ok || a.Published != "" {
			continue
		}
		if !strings.Contains(md, want+" (inferred)") {
			t.Errorf("report lacks %s's inferred date %s", a.Source, want)
		}
	}
}
