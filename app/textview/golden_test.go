package textview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The golden images are rendered with the bundled fonts only (the view names its faces), so they
// are the same on a machine without any fonts installed.
func TestTextView_RenderMixedLine(t *testing.T) {
	tv, w := newView(t, mixed, fyne.NewSize(460, 48))
	test.AssertImageMatches(t, "mixed_line.png", w.Canvas().Capture())

	tv.SetHighlights([]Highlight{
		{ID: "a", Start: 29, End: 38, Color: color.NRGBA{0xe5, 0x39, 0x35, 0xff}},
		{ID: "b", Start: 13, End: 25, Color: color.NRGBA{0x1e, 0x88, 0xe5, 0xff}},
		{ID: "c", Start: 4, End: 9, Color: color.NRGBA{0x43, 0xa0, 0x47, 0xff}},
	})
	test.AssertImageMatches(t, "mixed_line_highlighted.png", w.Canvas().Capture())
}

func TestTextView_RenderScripts(t *testing.T) {
	text := "Trung Quốc phản ứng mạnh — Nguyễn Phương\nМИД КНР: Чжао Лицзянь\n中国外交部发言人赵立坚表示 👍\nالصين تنفي اتهامها بمهاجمة مايكروسوفت"
	tv, w := newView(t, text, fyne.NewSize(420, 140))
	tv.SetFacts([]Fact{{ID: "f", Start: 50, End: 62, Kind: "actor"}})
	tv.SetHighlights([]Highlight{{ID: "h", Start: 11, End: 19, Color: color.NRGBA{0xf5, 0x7c, 0x00, 0xff}}})
	test.AssertImageMatches(t, "scripts.png", w.Canvas().Capture())
}

// Issue 14.3: brackets in right-to-left text are mirrored (UBA L4) and sit in their visual
// place: "(APT31)" in Arabic showed as ")APT31(".
func TestTextView_RenderMirroredBrackets(t *testing.T) {
	_, w := newView(t, "اتهمت لندن مجموعة (APT31) الصينية [رسميًا] بـ«الهجمات» (2021).", fyne.NewSize(460, 48))
	test.AssertImageMatches(t, "brackets_rtl.png", w.Canvas().Capture())
}

// Brackets followed by a number, nested and unbalanced brackets in Arabic paragraphs, in the
// view: x/text's pairing showed "الصين (APT31) 2021" as ")APT31) 2021 الصين".
func TestTextView_RenderBracketPairs(t *testing.T) {
	text := "الصين (APT31) 2021\nالصين (APT31 [Zirconium]) 2021\nالصين (APT31 2021\nThe group (الصين) said 2021"
	_, w := newView(t, text, fyne.NewSize(420, 120))
	test.AssertImageMatches(t, "brackets_pairs.png", w.Canvas().Capture())
}
