package app_test

import (
	"image/color"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/textview"
)

// shownLine is what the eye reads in a one-line entry: the texts drawn after the last opaque box
// of the input background colour (what is under such a box is hidden), left to right, without
// the marks Visual puts between pieces.
func shownLine(o fyne.CanvasObject) string {
	bg := theme.Current().Color(theme.ColorNameInputBackground, fyne.CurrentApp().Settings().ThemeVariant())
	type piece struct {
		x float32
		s string
	}
	var ps []piece
	for _, obj := range test.LaidOutObjects(o) {
		if !obj.Visible() {
			continue
		}
		switch c := obj.(type) {
		case *canvas.Rectangle:
			if sameColor(c.FillColor, bg) && c.Size().Width > 20 {
				ps = ps[:0] // covers what was drawn before it
			}
		case *canvas.Text:
			if strings.TrimSpace(c.Text) != "" {
				ps = append(ps, piece{fyne.CurrentApp().Driver().AbsolutePositionForObject(c).X, c.Text})
			}
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].x < ps[j].x })
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.s)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(b.String(), "\u200e", "")), "")
}

func sameColor(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// Issue 14, entries: the search box and the flag note showed Arabic mixed with Latin and digits
// in logical order. Not being edited, they show it as the labels do (visual order, brackets
// mirrored); being edited, Fyne's own text where its caret is.
func TestEntries_RightToLeftInVisualOrder(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, w := newUI(t, db)
	const q = "الصين (APT31) تنفي 2021"
	want := strings.Join(strings.Fields(strings.ReplaceAll(textview.Visual(q), "\u200e", "")), "")

	u.Library.Search.SetText(q)
	w.Canvas().Unfocus()
	if got := shownLine(u.Library.Search); got != want {
		t.Errorf("search box not focused shows %q, want the visual order %q", got, want)
	}
	w.Canvas().Focus(u.Library.Search)
	if got := shownLine(u.Library.Search); got == want {
		t.Errorf("search box being edited shows the visual order %q: the caret would not match the text", got)
	}
	w.Canvas().Unfocus()
	u.Library.Search.SetText("")

	storyOf(t, u, articleBySource(t, db, "004_").ID)
	selectRow(t, u, u.Compare.Panel.Rows()[0].ID)
	u.Compare.Panel.Note.SetText(q)
	w.Resize(fyne.NewSize(1280, 800)) // lays out the flag detail shown since the last resize
	if got := shownLine(u.Compare.Panel.Note); got != want {
		t.Errorf("flag note shows %q, want the visual order %q", got, want)
	}
}

// The real window at 1280×800 showed Arabic column headlines cut at their start: the title was
// put in visual order and Fyne's truncation then cut the visual string's right end, which is
// where a right-to-left text begins. The headline keeps its first word at every column width.
func TestCompare_RightToLeftTitleKeepsItsStart(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, w := newUI(t, db)
	ar := articleBySource(t, db, "000_")
	storyOf(t, u, ar.ID)
	first := strings.Fields(ar.Title)[0]
	for _, width := range []float32{1400, 1280, 1024} {
		w.Resize(fyne.NewSize(width, 760))
		for _, c := range u.Compare.Columns {
			if c.Article.ID != ar.ID {
				continue
			}
			var shown strings.Builder
			for _, o := range test.LaidOutObjects(c.Title) {
				if tx, ok := o.(*canvas.Text); ok && tx.Visible() {
					shown.WriteString(tx.Text)
				}
			}
			if !strings.Contains(shown.String(), first) {
				t.Errorf("at %.0f px the Arabic headline shows %q: its first word %q is cut off", width, shown.String(), first)
			}
		}
	}
}

// The library's title column cut Arabic titles the same way at 1024×700 (seen in the real
// window: a row showed the middle of its headline). Its cells cut in logical order too.
func TestLibrary_RightToLeftTitleKeepsItsStart(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, _ := newUI(t, db)
	ar := articleBySource(t, db, "000_")
	first := strings.Fields(ar.Title)[0]
	tbl := u.Library.Table
	rows, cols := tbl.Length()
	found := false
	for r := range rows {
		for c := range cols {
			cell := tbl.CreateCell()
			tbl.UpdateCell(widget.TableCellID{Row: r, Col: c}, cell)
			for _, o := range test.LaidOutObjects(cell) {
				l, ok := o.(*textview.FitLabel)
				if !ok || l.Full() == "" || !strings.HasPrefix(ar.Title, strings.TrimRight(l.Full(), "…\u200f")) {
					continue
				}
				found = true
				for _, width := range []float32{320, 200, 120} { // the title column at 1280, 1024, 800 px
					cell.Resize(fyne.NewSize(width, 36))
					var shown strings.Builder
					for _, o := range test.LaidOutObjects(l) {
						if tx, ok := o.(*canvas.Text); ok && tx.Visible() {
							shown.WriteString(tx.Text)
						}
					}
					if !strings.Contains(shown.String(), first) {
						t.Errorf("a %.0f px title cell shows the Arabic title as %q: its first word %q is cut off", width, shown.String(), first)
					}
				}
			}
		}
	}
	if !found {
		t.Fatalf("no library cell shows the Arabic title %q through a label that cuts in logical order", ar.Title)
	}
}
