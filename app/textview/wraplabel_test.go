package textview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// reorder puts runes in visual order from their levels (UBA L2) and mirrors those at odd levels
// (L4), character by character.
func reorder(rs []rune, levels []uint8) string {
	order := make([]int, len(rs))
	hi, lo := uint8(0), uint8(255)
	for i := range rs {
		order[i] = i
		hi = max(hi, levels[i])
		if levels[i]%2 == 1 {
			lo = min(lo, levels[i])
		}
	}
	for k := hi; k >= lo && k > 0; k-- {
		for i := 0; i < len(order); {
			if levels[order[i]] < k {
				i++
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= k {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	var b strings.Builder
	for _, i := range order {
		if levels[i]%2 == 1 {
			b.WriteRune(Mirror(rs[i]))
		} else {
			b.WriteRune(rs[i])
		}
	}
	return b.String()
}

// Wrapped lines keep the levels of their paragraph: each line, drawn, is the line's characters
// in the order FriBidi's paragraph levels give them (UBA L1–L2 per line).
func TestWrapParagraph_FriBidi(t *testing.T) {
	count := func(s string) float32 { return float32(len([]rune(s))) }
	for _, c := range loadFribidiCases(t) {
		rs := []rune(c.in)
		levels := make([]uint8, len(rs))
		for i := range rs {
			levels[i] = c.levels[i] - '0'
		}
		for _, width := range []float32{8, 13, 21} {
			ranges := breakLines(rs, width, count)
			lines := wrapParagraph(rs, width, count)
			if len(lines) != len(ranges) {
				t.Fatalf("%q at %v: %d lines for %d ranges", c.in, width, len(lines), len(ranges))
			}
			for k, r := range ranges {
				if k > 0 && strings.TrimSpace(string(rs[ranges[k-1][1]:r[0]])) != "" {
					t.Errorf("%q at %v: text lost between lines %d and %d", c.in, width, k-1, k)
				}
				want := reorder(rs[r[0]:r[1]], levels[r[0]:r[1]])
				if got := drawn(lines[k]); got != want {
					t.Errorf("%q at width %v, line %d (%q):\n got %q\nwant %q", c.in, width, k, string(rs[r[0]:r[1]]), got, want)
				}
			}
		}
	}
}

// Golden image of the flag detail's summary case: a right-to-left paragraph with Latin, digits
// and brackets, wrapped at the label's width.
func TestWrapLabel_Golden(t *testing.T) {
	test.NewTempApp(t)
	box := container.NewVBox(
		NewWrapLabel("قال بايدن في 20 تموز 2021 إن مجموعة (APT31) المرتبطة بالصين هاجمت Microsoft Exchange عام 2021."),
		NewWrapLabel("Casualties: the Arabic version says «الصين (APT31) 2021» where the English one says 2020."),
	)
	w := test.NewTempWindow(t, box)
	w.Resize(fyne.NewSize(300, 260))
	// The labels wrapped at their new width and grew taller: the window's driver lays the box
	// out again on its next frame (EnsureMinSize); the test canvas needs to be told.
	box.Refresh()
	test.AssertImageMatches(t, "wraplabel_mixed.png", w.Canvas().Capture())
}
