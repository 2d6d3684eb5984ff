package app

import (
	"fmt"
	"image/color"
	"math"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/textview"
	"parallax/compare"
)

// TimelinePoint is one date fact placed on the timeline.
type TimelinePoint struct {
	Row        int
	Article    string
	Fact       compare.Fact
	Start, End time.Time // End after Start for a month, a year or an interval
	Discrepant bool      // the date takes part in a discrepancy
}

// Timeline plots every date fact of a story, one row per version, on a shared time axis;
// discrepant dates are red. Clicking a point opens the compare view at its span.
type Timeline struct {
	widget.BaseWidget
	u *UI

	// Title names the story plotted; cut in logical order, so an Arabic title keeps its start.
	Title *textview.FitLabel
	// WholeRange widens the axis to every date, decades-long spans included; by default the
	// axis covers the dates of day or month precision, where the story happens, and longer
	// spans are cut at its edges.
	WholeRange *widget.Check
	Points     []TimelinePoint
	Rows       []string // article ids, one per row
	labels     []string // row labels ("ar · Arabic")
	from       time.Time
	to         time.Time

	content fyne.CanvasObject
}

// Layout constants of the plot.
const (
	tlLabelWidth = 150
	tlRowHeight  = 56
	tlAxisHeight = 40
	tlRadius     = 6
)

var (
	tlPointColor = color.NRGBA{0x1e, 0x88, 0xe5, 0xff}
	tlDiscColor  = color.NRGBA{0xd9, 0x3a, 0x2b, 0xff}
)

func newTimeline(u *UI) *Timeline {
	t := &Timeline{u: u}
	t.ExtendBaseWidget(t)
	t.Title = textview.NewFitLabel("")
	t.Title.TextStyle.Bold = true // before the text: the cut measures bold glyphs
	t.Title.SetFull("Open a story in Compare to see its dates here.")
	t.WholeRange = widget.NewCheck("Whole range", func(bool) { t.refresh() })
	legend := container.NewHBox(t.WholeRange,
		legendDot(tlPointColor, "date"), legendDot(tlDiscColor, "date in a discrepancy"),
		widget.NewLabel("· a bar is a month, a year or a span · click a point to read it in context"))
	t.content = container.NewBorder(container.NewVBox(t.Title, legend), nil, nil, nil, container.NewScroll(t))
	return t
}

func legendDot(c color.Color, text string) fyne.CanvasObject {
	dot := canvas.NewCircle(c)
	return container.NewHBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(12, 12), dot)), widget.NewLabel(text))
}

// refresh re-reads the story shown in the compare view (or the largest story).
func (t *Timeline) refresh() {
	m := t.u.m
	story := t.u.Compare.Story()
	if story == "" {
		for _, id := range m.storyIDs() {
			story = id
			break
		}
	}
	t.Points, t.Rows, t.labels = nil, nil, nil
	if story == "" {
		t.Title.SetFull("No story yet: import articles, then open a story in Compare.")
		t.Refresh()
		return
	}
	t.Title.SetFull("Dates in " + m.storyLabel(story))
	var ids []string
	if t.u.Compare.Story() == story && len(t.u.Compare.articles) > 0 {
		ids = t.u.Compare.articles
	} else {
		ids = storyIDsOf(m.storyArticles(story))
	}
	inDisc := map[string]bool{} // "article/start/end" of spans in a discrepancy
	for _, d := range m.discs[story] {
		for _, mem := range d.Members {
			inDisc[fmt.Sprintf("%s/%d/%d", mem.Article, mem.Start, mem.End)] = true
		}
	}
	first := true
	var all []TimelinePoint
	for row, id := range ids {
		a, _ := m.article(id)
		t.Rows = append(t.Rows, id)
		t.labels = append(t.labels, a.Lang+" · "+languageName(a.Lang))
		for _, f := range m.facts[id] {
			if f.Kind != compare.KindDate {
				continue
			}
			s, e, ok := dateSpan(fmt.Sprint(f.Value))
			if !ok {
				continue
			}
			p := TimelinePoint{Row: row, Article: id, Fact: f, Start: s, End: e,
				Discrepant: inDisc[fmt.Sprintf("%s/%d/%d", id, f.Start, f.End)]}
			all = append(all, p)
		}
	}
	// Discrepant dates last, so they are drawn on top of an agreeing date at the same place.
	sort.SliceStable(all, func(i, j int) bool { return !all[i].Discrepant && all[j].Discrepant })
	t.Points = all
	for _, p := range all {
		if !t.WholeRange.Checked && p.End.Sub(p.Start) > 40*24*time.Hour {
			continue // a year or a long span: cut at the edges rather than squash the story
		}
		if first || p.Start.Before(t.from) {
			t.from = p.Start
		}
		if first || p.End.After(t.to) {
			t.to = p.End
		}
		first = false
	}
	if first { // only long spans: show them whole
		for _, p := range all {
			if first || p.Start.Before(t.from) {
				t.from = p.Start
			}
			if first || p.End.After(t.to) {
				t.to = p.End
			}
			first = false
		}
	}
	if !first {
		// A margin so the first and last points are not on the edge.
		pad := t.to.Sub(t.from) / 20
		if pad < 24*time.Hour {
			pad = 24 * time.Hour
		}
		t.from, t.to = t.from.Add(-pad), t.to.Add(pad)
	}
	t.Refresh()
}

// dateSpan reads an ISO date value (YYYY-MM-DD, YYYY-MM, YYYY or start/end) as the time span
// it covers.
func dateSpan(v string) (time.Time, time.Time, bool) {
	if a, b, ok := strings.Cut(v, "/"); ok {
		s, _, ok1 := dateSpan(a)
		_, e, ok2 := dateSpan(b)
		return s, e, ok1 && ok2 && !e.Before(s)
	}
	for _, f := range []struct {
		layout string
		step   func(time.Time) time.Time
	}{
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
	} {
		if t, err := time.Parse(f.layout, v); err == nil {
			return t, f.step(t), true
		}
	}
	return time.Time{}, time.Time{}, false
}

// x maps a time to the plot's x coordinate for a plot of width w.
func (t *Timeline) x(at time.Time, w float32) float32 {
	span := t.to.Sub(t.from).Seconds()
	if span <= 0 {
		return tlLabelWidth
	}
	f := min(1, max(0, at.Sub(t.from).Seconds()/span)) // spans beyond the axis are cut at its ends
	return tlLabelWidth + tlRadius + float32(f)*(w-tlLabelWidth-tlRadius*3)
}

// pointAt returns the index of the point under pos, or -1.
func (t *Timeline) pointAt(pos fyne.Position) int {
	w := t.Size().Width
	best, bestD := -1, float32(tlRadius*2)
	for i, p := range t.Points {
		cx, cy := t.center(p, w)
		x0, x1 := t.x(p.Start, w), t.x(p.End, w)
		var d float32
		if pos.X >= x0 && pos.X <= x1 && p.End.Sub(p.Start) > 24*time.Hour {
			d = float32(math.Abs(float64(pos.Y - cy)))
		} else {
			d = float32(math.Hypot(float64(pos.X-cx), float64(pos.Y-cy)))
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// PointPosition returns where point i is drawn, for tests and tooltips.
func (t *Timeline) PointPosition(i int) fyne.Position {
	x, y := t.center(t.Points[i], t.Size().Width)
	return fyne.NewPos(x, y)
}

func (t *Timeline) center(p TimelinePoint, w float32) (float32, float32) {
	x := t.x(p.Start, w)
	if p.End.Sub(p.Start) > 24*time.Hour {
		x = (x + t.x(p.End, w)) / 2
	}
	return x, float32(p.Row)*tlRowHeight + tlRowHeight/2
}

// Tapped opens the compare view at the tapped date's span.
func (t *Timeline) Tapped(e *fyne.PointEvent) {
	i := t.pointAt(e.Position)
	if i < 0 {
		return
	}
	t.Jump(i)
}

// Jump shows point i's span in the compare view.
func (t *Timeline) Jump(i int) {
	p := t.Points[i]
	cv := t.u.Compare
	if cv.column(p.Article) == nil {
		if s := t.u.m.storyOf[p.Article]; s != "" {
			cv.ShowStory(s)
		}
	}
	t.u.Tabs.Select(t.u.CompareTab)
	if c := cv.column(p.Article); c != nil {
		c.View.Select(textview.Range{Start: p.Fact.Start, End: p.Fact.End})
	}
	cv.FocusFact(p.Article, p.Fact.ID)
}

// MinSize implements fyne.Widget: one row per version plus the axis.
func (t *Timeline) MinSize() fyne.Size {
	return fyne.NewSize(tlLabelWidth+400, float32(max(1, len(t.Rows)))*tlRowHeight+tlAxisHeight)
}

// CreateRenderer implements fyne.Widget.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	return &timelineRenderer{t: t}
}

type timelineRenderer struct {
	t    *Timeline
	objs []fyne.CanvasObject
	size fyne.Size
}

func (r *timelineRenderer) Destroy()                     {}
func (r *timelineRenderer) MinSize() fyne.Size           { return r.t.MinSize() }
func (r *timelineRenderer) Objects() []fyne.CanvasObject { return r.objs }
func (r *timelineRenderer) Layout(s fyne.Size) {
	r.size = s
	r.build()
}
func (r *timelineRenderer) Refresh() {
	r.build()
	canvas.Refresh(r.t)
}

// build draws the rows, the axis with its ticks, and the points.
func (r *timelineRenderer) build() {
	t := r.t
	w := r.size.Width
	fg := theme.Color(theme.ColorNameForeground)
	grid := theme.Color(theme.ColorNameSeparator)
	objs := r.objs[:0]
	n := len(t.Rows)
	for row, label := range t.labels {
		y := float32(row) * tlRowHeight
		if row%2 == 1 {
			band := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
			band.Move(fyne.NewPos(0, y))
			band.Resize(fyne.NewSize(w, tlRowHeight))
			objs = append(objs, band)
		}
		txt := canvas.NewText(label, fg)
		txt.TextStyle.Bold = true
		txt.Move(fyne.NewPos(theme.Padding(), y+tlRowHeight/2-txt.MinSize().Height/2))
		objs = append(objs, txt)
	}
	axisY := float32(n) * tlRowHeight
	axis := canvas.NewLine(fg)
	axis.Position1, axis.Position2 = fyne.NewPos(tlLabelWidth, axisY), fyne.NewPos(w, axisY)
	objs = append(objs, axis)
	if len(t.Points) > 0 {
		for _, tick := range ticks(t.from, t.to) {
			x := t.x(tick.at, w)
			gl := canvas.NewLine(grid)
			gl.Position1, gl.Position2 = fyne.NewPos(x, 0), fyne.NewPos(x, axisY+4)
			lbl := canvas.NewText(tick.label, fg)
			lbl.TextSize = theme.CaptionTextSize()
			lbl.Move(fyne.NewPos(x-lbl.MinSize().Width/2, axisY+6))
			objs = append(objs, gl, lbl)
		}
	}
	// Labels: below the dot, else above it, else left out when both places are taken (the
	// tooltip-less plot stays readable; the point is still there to click).
	type taken struct{ x0, x1 float32 }
	below, above := map[int][]taken{}, map[int][]taken{}
	free := func(ts []taken, x0, x1 float32) bool {
		for _, tk := range ts {
			if x0 < tk.x1+4 && tk.x0 < x1+4 {
				return false
			}
		}
		return true
	}
	for _, p := range t.Points {
		c := color.Color(tlPointColor)
		if p.Discrepant {
			c = tlDiscColor
		}
		cx, cy := t.center(p, w)
		if p.End.Sub(p.Start) > 24*time.Hour {
			x0, x1 := t.x(p.Start, w), t.x(p.End, w)
			bar := canvas.NewRectangle(withAlpha(c, 0x70))
			bar.CornerRadius = 3
			bar.Move(fyne.NewPos(x0, cy-4))
			bar.Resize(fyne.NewSize(max(x1-x0, 3), 8))
			objs = append(objs, bar)
		}
		rad := float32(tlRadius)
		if p.Discrepant {
			rad += 2
		}
		dot := canvas.NewCircle(c)
		dot.StrokeColor = theme.Color(theme.ColorNameBackground)
		dot.StrokeWidth = 1.5
		dot.Move(fyne.NewPos(cx-rad, cy-rad))
		dot.Resize(fyne.NewSize(rad*2, rad*2))
		objs = append(objs, dot)
		lbl := canvas.NewText(textview.Visual(ellipsis(p.Fact.Text, 22)), fg)
		lbl.TextSize = theme.CaptionTextSize()
		lw, lh := lbl.MinSize().Width, lbl.MinSize().Height
		x0 := cx - lw/2
		switch {
		case free(below[p.Row], x0, x0+lw):
			below[p.Row] = append(below[p.Row], taken{x0, x0 + lw})
			lbl.Move(fyne.NewPos(x0, cy+rad+1))
			objs = append(objs, lbl)
		case free(above[p.Row], x0, x0+lw):
			above[p.Row] = append(above[p.Row], taken{x0, x0 + lw})
			lbl.Move(fyne.NewPos(x0, cy-rad-lh-1))
			objs = append(objs, lbl)
		}
	}
	r.objs = objs
}

func withAlpha(c color.Color, a uint8) color.Color {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = a
	return n
}

type tick struct {
	at    time.Time
	label string
}

// ticks picks axis ticks at years, months or days, whichever gives a handful.
func ticks(from, to time.Time) []tick {
	span := to.Sub(from)
	var out []tick
	switch {
	case span > 4*365*24*time.Hour:
		step := int(math.Ceil(span.Hours() / 24 / 365 / 8))
		for y := from.Year() + 1; y <= to.Year(); y += step {
			out = append(out, tick{time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), fmt.Sprint(y)})
		}
	case span > 60*24*time.Hour:
		months := int(span.Hours()/24/30) + 1
		step := max(1, months/8)
		t := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
		for ; t.Before(to); t = t.AddDate(0, step, 0) {
			out = append(out, tick{t, t.Format("Jan 2006")})
		}
	default:
		days := int(span.Hours()/24) + 1
		step := max(1, days/8)
		t := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
		for ; t.Before(to); t = t.AddDate(0, 0, step) {
			out = append(out, tick{t, t.Format("2 Jan 2006")})
		}
	}
	return out
}
