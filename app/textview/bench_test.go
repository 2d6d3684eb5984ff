package textview

import (
	"image/color"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// article repeats a sample article's paragraphs up to n code points.
func article(b *testing.B, path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("sample article: %v", err)
	}
	var sb strings.Builder
	count := 0
	for count < n {
		for _, r := range string(data) {
			if count == n {
				break
			}
			sb.WriteRune(r)
			count++
		}
	}
	return sb.String()
}

func benchmarkLayout(b *testing.B, path string) {
	text := article(b, path, 100_000)
	fs := defaultFontSet()
	b.ResetTimer()
	for b.Loop() {
		l := newLayout(text, fs, 14, 6)
		l.wrap(700)
	}
}

// BenchmarkLayoutArabic100k shapes and wraps a 100,000-code-point Arabic article (target < 100 ms).
func BenchmarkLayoutArabic100k(b *testing.B) {
	benchmarkLayout(b, "../../seeds/000_aee102b197d6c641.txt")
}

// BenchmarkLayoutFrench100k shapes and wraps a 100,000-code-point French article (target < 100 ms).
func BenchmarkLayoutFrench100k(b *testing.B) {
	benchmarkLayout(b, "../../seeds/003_4404a4061091f89c.txt")
}

// BenchmarkRewrapArabic100k is a window resize: wrapping only, shaping reused.
func BenchmarkRewrapArabic100k(b *testing.B) {
	l := newLayout(article(b, "../../seeds/000_aee102b197d6c641.txt", 100_000), defaultFontSet(), 14, 6)
	w := float32(600)
	for b.Loop() {
		w = 1300 - w
		l.wrap(w)
	}
}

// BenchmarkSelectAndDraw is the view's share of "selection event → highlight drawn": a drag
// selects a word, the highlight is set, and the visible lines are rendered to pixels.
func BenchmarkSelectAndDraw(b *testing.B) {
	test.NewTempApp(b)
	tv := New()
	tv.SetText(article(b, "../../seeds/000_aee102b197d6c641.txt", 100_000))
	w := test.NewTempWindow(b, tv)
	w.Resize(fyne.NewSize(800, 600))
	from, to := tv.PositionOf(200), tv.PositionOf(206)
	for b.Loop() {
		test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
		s := tv.Selection()
		tv.SetHighlights([]Highlight{{ID: "x", Start: s.Start, End: s.End, Color: color.NRGBA{0xe5, 0x39, 0x35, 0xff}}})
		w.Canvas().Capture()
	}
}

// BenchmarkLayoutArticle shapes and wraps one sample article as it is (the Arabic one, about 2,000 code
// points): what opening a story costs per column. Fonts are set up once per process, not per
// article.
func BenchmarkLayoutArticle(b *testing.B) {
	data, err := os.ReadFile("../../seeds/000_aee102b197d6c641.txt")
	if err != nil {
		b.Skipf("sample article: %v", err)
	}
	text := string(data)
	fs := defaultFontSet()
	b.ResetTimer()
	for b.Loop() {
		l := newLayout(text, fs, 14, 6)
		l.wrap(300)
	}
}
