package textview

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

const mixed = "قال بايدن في 20 تموز 2021 إن Microsoft تعرضت للهجوم."

func newView(t *testing.T, text string, size fyne.Size) (*TextView, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	tv := New()
	tv.SetText(text)
	w := test.NewTempWindow(t, tv)
	w.SetPadded(false)
	w.Resize(size)
	return tv, w
}

// dragSelect drags from inside the first grapheme of [s, e) to inside its last one.
func dragSelect(t *testing.T, tv *TextView, w fyne.Window, s, lastStart int) {
	t.Helper()
	from, to := tv.DragPoints(Range{s, tv.lay.next(lastStart)})
	// Fyne reports a drag at its current point, with the start at Position - Dragged.
	test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
}

func TestTextView_DragSelectsCodePoints(t *testing.T) {
	for _, c := range []struct {
		name, text, want      string
		start, lastStart, end int
	}{
		{"arabic", "الصين تنفي اتهامها بمهاجمة مايكروسوفت", "اتهامها", 11, 17, 18},
		{"mixed digits", mixed, "20 تموز 2021", 13, 24, 25},
		{"mixed latin", mixed, "Microsoft", 29, 37, 38},
		{"mixed latin into arabic", mixed, "Microsoft تعرضت", 29, 43, 44},
		{"vietnamese combining", "Trung Quốc phản ứng mạnh", "phản ứng", 11, 18, 19},
		{"vietnamese decomposed", "Nguye\u0302\u0303n Phương", "Nguye\u0302\u0303n", 0, 7, 8},
		{"chinese", "中国外交部发言人赵立坚表示", "赵立坚", 8, 10, 11},
		{"emoji", "ok 👍🏽 family 👨\u200d👩\u200d👧 end", "👨\u200d👩\u200d👧", 13, 13, 18},
	} {
		t.Run(c.name, func(t *testing.T) {
			tv, w := newView(t, c.text, fyne.NewSize(700, 200))
			dragSelect(t, tv, w, c.start, c.lastStart)
			if got := tv.Selection(); got != (Range{c.start, c.end}) {
				t.Fatalf("selection = %v (%q), want [%d,%d) %q", got, tv.SelectedText(), c.start, c.end, c.want)
			}
			if got := tv.SelectedText(); got != c.want {
				t.Fatalf("selected text %q, want %q", got, c.want)
			}
		})
	}
}

func TestTextView_VisualOrderOfMixedLine(t *testing.T) {
	tv, _ := newView(t, mixed, fyne.NewSize(700, 100))
	// Right to left: قال … first at the right, then 20, تموز, 2021, إن, Microsoft, تعرضت.
	words := []int{0, 13, 16, 21, 26, 29, 39}
	prev := float32(1e9)
	for _, o := range words {
		x := tv.PositionOf(o).X
		if x >= prev {
			t.Fatalf("word at %d drawn at x=%.1f, not left of the previous word (%.1f)", o, x, prev)
		}
		prev = x
	}
	// Digits and Latin read left to right inside.
	if a, b := tv.PositionOf(13).X, tv.PositionOf(14).X; a >= b {
		t.Errorf("20 drawn right to left")
	}
	if a, b := tv.PositionOf(29).X, tv.PositionOf(30).X; a >= b {
		t.Errorf("Microsoft drawn right to left")
	}
	// Right-aligned: the first letter ends near the right edge.
	if x := tv.PositionOf(0).X; x < 650 {
		t.Errorf("RTL paragraph not right-aligned: first letter at %.1f", x)
	}
}

func TestTextView_DoubleTapSelectsWord(t *testing.T) {
	tv, _ := newView(t, mixed, fyne.NewSize(700, 100))
	p := tv.PositionOf(6) // inside بايدن
	tv.content.DoubleTapped(&fyne.PointEvent{Position: p.Add(tv.scroll.Offset)})
	if got := tv.SelectedText(); got != "بايدن" {
		t.Fatalf("double tap selected %q", got)
	}
}

func TestTextView_ShiftArrowsExtendByGrapheme(t *testing.T) {
	tv, w := newView(t, "Nguye\u0302\u0303n Phương", fyne.NewSize(600, 100))
	tv.Select(Range{0, 0})
	w.Canvas().Focus(tv.content)
	tv.content.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for i := 0; i < 5; i++ {
		tv.content.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	tv.content.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := tv.SelectedText(); got != "Nguye\u0302\u0303" {
		t.Fatalf("shift+right x5 selected %q; a mark must not be split from its letter", got)
	}
	// In an RTL paragraph Left moves forward in logical order.
	tv.SetText("قال بايدن")
	tv.Select(Range{0, 0})
	tv.content.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if got := tv.Selection(); got != (Range{1, 1}) {
		t.Fatalf("left in RTL moved to %v", got)
	}
}

func TestTextView_SelectionAcrossLinesAndCopy(t *testing.T) {
	text := "Les États-Unis accusent la Chine.\nالصين تنفي.\n中国否认。"
	tv, w := newView(t, text, fyne.NewSize(400, 300))
	dragSelect(t, tv, w, 4, 38)
	if got := tv.SelectedText(); got != "États-Unis accusent la Chine.\nالصين" {
		t.Fatalf("selected %q", got)
	}
	w.Canvas().Focus(tv.content)
	tv.content.TypedShortcut(&fyne.ShortcutCopy{})
	if got := fyne.CurrentApp().Clipboard().Content(); got != tv.SelectedText() {
		t.Fatalf("clipboard %q", got)
	}
}

func TestTextView_HighlightTapAndTooltip(t *testing.T) {
	tv, w := newView(t, mixed, fyne.NewSize(700, 120))
	tv.SetHighlights([]Highlight{{ID: "h1", Start: 29, End: 38, Color: color.NRGBA{0xe5, 0x39, 0x35, 0xff}, Tooltip: "actor — note"}})
	var tapped string
	tv.OnHighlightTapped = func(id string) { tapped = id }
	p := tv.PositionOf(31)
	test.TapCanvas(w.Canvas(), p)
	if tapped != "h1" {
		t.Fatalf("tapped %q", tapped)
	}
	test.MoveMouse(w.Canvas(), p)
	if tv.content.hoverText != "actor — note" {
		t.Fatalf("tooltip %q", tv.content.hoverText)
	}
}

func TestTextView_WrapsAndVirtualises(t *testing.T) {
	long := ""
	for i := 0; i < 400; i++ {
		long += "La Chine a exhorté les États-Unis et le Royaume-Uni à mettre fin à la politisation.\n"
	}
	tv, _ := newView(t, long, fyne.NewSize(300, 300))
	if n := len(tv.lay.lines); n < 800 {
		t.Fatalf("%d lines: text not wrapped at 300", n)
	}
	texts := 0
	for _, o := range test.WidgetRenderer(tv.content).(*renderer).objects {
		if _, ok := o.(interface{ MinSize() fyne.Size }); ok {
			texts++
		}
	}
	if texts > 200 {
		t.Fatalf("%d objects drawn for a 300-high viewport: not virtualised", texts)
	}
	tv.ScrollTo(len([]rune(long)) - 5)
	if tv.scroll.Offset.Y < tv.content.MinSize().Height-400 {
		t.Fatalf("ScrollTo end left offset at %.0f of %.0f", tv.scroll.Offset.Y, tv.content.MinSize().Height)
	}
}
