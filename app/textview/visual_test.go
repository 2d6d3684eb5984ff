package textview

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/app/fonts"
)

// TestMain makes Fyne's font fallback see the bundled fonts and nothing else, so the label
// goldens below are the same on every machine (fontscan indexes the folders once per process).
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "textview-fonts")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_DIRS", "")
	os.Setenv("XDG_DATA_HOME", filepath.Join(dir, "none"))
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	os.Setenv("HOME", dir)
	if err := fonts.Install(filepath.Join(dir, "xdg")); err != nil {
		panic(err)
	}
	os.Setenv("XDG_DATA_DIRS", filepath.Join(dir, "xdg"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// visualCases: logical text, and the visual order expected (pieces separated by LRM removed).
var visualCases = []struct{ in, want string }{
	{"Zhao Lijian", "Zhao Lijian"},
	{"20 تموز 2021", "2021 تموز 20"},
	{"الصين (APT31) تنفي", "تنفي (APT31) الصين"},
	{"ar · 20 تموز 2021 · الصين تنفي", "ar · 20 تنفي الصين · 2021 تموز"}, // UBA, LTR paragraph: compose fields one by one
	{Visual("20 تموز 2021") + " · ar · " + Visual("الصين تنفي"), "2021 تموز 20 · ar · تنفي الصين"},
	{"Spelling: «Zhao» vs (تموز)", "Spelling: «Zhao» vs (تموز)"},
	{"[ar] “الصين تنفي”", "[ar] “تنفي الصين”"},
	{"الصين (APT31) 2021", "2021 (APT31) الصين"},
	{"الصين (APT31 [Zirconium]) 2021", "2021 (APT31 [Zirconium]) الصين"},
}

func TestVisual_Order(t *testing.T) {
	for _, c := range visualCases {
		got := []rune{}
		for _, r := range Visual(c.in) {
			if r != lrm {
				got = append(got, r)
			}
		}
		if string(got) != c.want {
			t.Errorf("Visual(%q) = %q, want %q", c.in, string(got), c.want)
		}
	}
}

// Golden images of Fyne labels showing mixed-direction text through Visual: bracket mirroring
// and Arabic dates with Latin and digits, as the library, headers and flag list show them.
func TestVisual_LabelsGolden(t *testing.T) {
	test.NewTempApp(t)
	box := container.NewVBox()
	for _, c := range visualCases[1:] {
		box.Add(widget.NewLabel(Visual(c.in)))
	}
	w := test.NewTempWindow(t, box)
	w.Resize(fyne.NewSize(420, 330))
	test.AssertImageMatches(t, "labels_mixed.png", w.Canvas().Capture())
}

// A cut text's "…" stays at the cut end of the words before it: at the left of a cut Arabic or
// Hebrew headline after left-to-right fields, not at the far right beside its first word.
func TestEllipsis_StaysAtTheCutEnd(t *testing.T) {
	for _, c := range []struct{ cut, want string }{
		{"2024-05-03 · ar · وزارة النقل تعلن", "2024-05-03 · ar · …تعلن النقل وزارة"},
		{"2024-05-03 · he · משרד התחבורה הודיע", "2024-05-03 · he · …הודיע התחבורה משרד"},
		{"2024-05-03 · en · The ministry announces", "2024-05-03 · en · The ministry announces…"},
		{"2024-05-03 · ru · Министерство объявило", "2024-05-03 · ru · Министерство объявило…"},
		{"وزارة النقل تعلن", "…تعلن النقل وزارة"},
		{"الشركة تعلن عن Microsoft", "…Microsoft عن تعلن الشركة"},
		{"2024-05-03 · ", "2024-05-03 · …"},
	} {
		got := []rune{}
		for _, r := range Visual(Ellipsis(c.cut)) {
			if r != lrm && r != '\u200f' {
				got = append(got, r)
			}
		}
		if string(got) != c.want {
			t.Errorf("Visual(Ellipsis(%q)) = %q, want %q", c.cut, string(got), c.want)
		}
	}
}

// A right-to-left word is cut whole or not at all (but a first word too long to keep); other
// words are cut where the width ends.
func TestWordCut(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
		want string
	}{
		{"وزارة النقل تعلن", 8, "وزارة"},
		{"وزارة النقل تعلن", 11, "وزارة النقل"},
		{"وزارة النقل تعلن", 3, "وزا"},
		{"2024-05-03 · ar · وزارة النقل", 26, "2024-05-03 · ar · وزارة"},
		{"2024-05-03 · ar · وزارة النقل", 21, "2024-05-03 · ar ·"},
		{"مُحَمَّد يَكتُب", 11, "مُحَمَّد"},
		{"משרד התחבורה הודיע", 7, "משרד"},
		{"The ministry announces", 7, "The min"},
		{"Министерство объявило", 15, "Министерство об"},
		{"وزارة", 0, ""},
		{"وزارة", 9, "وزارة"},
	} {
		rs := []rune(c.text)
		if got := string(rs[:WordCut(rs, c.n)]); got != c.want {
			t.Errorf("WordCut(%q, %d) keeps %q, want %q", c.text, c.n, got, c.want)
		}
	}
}
