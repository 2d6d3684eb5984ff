package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/textview"
	"parallax/compare"
	"parallax/store"
)

// Verdict choices as the radio group shows them.
const (
	choiceConfirmed = "Confirmed"
	choiceRejected  = "Rejected"
	choiceUnsure    = "Unsure"
)

var verdictOfChoice = map[string]string{
	choiceConfirmed: store.VerdictConfirmed, choiceRejected: store.VerdictRejected, choiceUnsure: store.VerdictUnsure,
}

// discRow is one row of the discrepancy list: a group heading or a discrepancy.
type discRow struct {
	heading string
	d       compare.Discrepancy
}

// DiscPanel lists a story's discrepancies grouped by kind and severity; the selected one is
// shown in full with the verdict controls and, by kind, alias teaching or a story move.
type DiscPanel struct {
	u  *UI
	cv *CompareView

	List *widget.List
	// Detail of the selected discrepancy.
	Title   *textview.FitLabel
	Summary *textview.WrapLabel
	Diff    *widget.RichText
	Quotes  *widget.Label
	Verdict *widget.RadioGroup
	Note    *textview.Entry
	// SaveNote stores the note with the current verdict.
	SaveNote *widget.Button
	// Spelling discrepancies: teach that the forms name one actor, or two.
	SameActor, DifferentActor *widget.Button
	// Event discrepancies: keep the article in a story of its own, or put it in this story.
	OwnStory, JoinStory *widget.Button

	rows     []discRow
	selected *compare.Discrepancy
	detail   *fyne.Container
	content  fyne.CanvasObject
	quiet    bool // set while the panel itself updates the radio group
}

func newDiscPanel(u *UI, cv *CompareView) *DiscPanel {
	p := &DiscPanel{u: u, cv: cv}
	p.List = widget.NewList(
		func() int { return len(p.rows) },
		func() fyne.CanvasObject {
			// Summaries quote article text: cut in logical order, then shown in visual order.
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, textview.NewFitLabel(""))
		},
		p.updateRow,
	)
	p.List.OnSelected = func(id widget.ListItemID) {
		if id < 0 || id >= len(p.rows) || p.rows[id].heading != "" {
			p.List.Unselect(id)
			return
		}
		p.Select(p.rows[id].d.ID)
	}
	p.Title = textview.NewFitLabel("") // cut to its width: a long line must not widen the window
	p.Title.TextStyle.Bold = true
	// Wrapped in logical order, each line in visual order: Fyne's own wrapping of a Visual
	// string put the digits of mixed Arabic/Latin summaries on the wrong line and side.
	p.Summary = textview.NewWrapLabel("Click a flag to see where the versions disagree.")
	p.Diff = widget.NewRichText()
	p.Quotes = widget.NewLabel("")
	p.Quotes.Wrapping = fyne.TextWrapWord
	p.Verdict = widget.NewRadioGroup([]string{choiceConfirmed, choiceRejected, choiceUnsure}, func(choice string) {
		if p.quiet || p.selected == nil || choice == "" {
			return
		}
		p.u.SetVerdict(p.selected.ID, verdictOfChoice[choice], strings.TrimSpace(p.Note.Text))
	})
	p.Verdict.Horizontal = true
	p.Note = textview.NewMultiLineEntry()
	p.Note.SetPlaceHolder("Note on this flag (saved with the verdict)")
	p.Note.SetMinRowsVisible(2)
	p.Note.Wrapping = fyne.TextWrapWord
	p.SaveNote = widget.NewButtonWithIcon("Save note", theme.DocumentSaveIcon(), func() {
		if p.selected == nil {
			return
		}
		v := verdictOfChoice[p.Verdict.Selected]
		if v == "" {
			v = store.VerdictUnsure // a note alone says the analyst is still looking
			p.setVerdictQuietly(choiceUnsure)
		}
		p.u.SetVerdict(p.selected.ID, v, strings.TrimSpace(p.Note.Text))
	})
	p.SameActor = widget.NewButtonWithIcon("Same actor", theme.ConfirmIcon(), func() { p.teach(true) })
	p.DifferentActor = widget.NewButtonWithIcon("Different actor", theme.CancelIcon(), func() { p.teach(false) })
	p.OwnStory = widget.NewButton("Its own story", func() {
		if a := p.oddArticle(); a != "" {
			p.u.perform(combine("own story", p.u.storyAction(a, "", "move article to its own story"),
				p.u.verdictAction(p.selected.ID, store.VerdictConfirmed, strings.TrimSpace(p.Note.Text))))
		}
	})
	p.JoinStory = widget.NewButton("Same event: join", func() {
		if a := p.oddArticle(); a != "" {
			p.u.perform(combine("join story", p.u.storyAction(a, p.selected.Story, "join story"),
				p.u.verdictAction(p.selected.ID, store.VerdictRejected, strings.TrimSpace(p.Note.Text))))
		}
	})
	// What the analyst acts on first, the quotes last: on a laptop screen (1280×800, 1024×700)
	// Same actor and the verdicts are in view without scrolling.
	p.detail = container.NewVBox(p.Title, p.Summary, p.Diff,
		// One button a line: the panel stays narrow and the labels can say what they do.
		container.NewVBox(p.SameActor, p.DifferentActor, p.OwnStory, p.JoinStory),
		p.Verdict, p.Note, container.NewHBox(p.SaveNote), p.Quotes)
	p.showDetail(nil)
	heading := widget.NewLabelWithStyle("Discrepancies", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	split := container.NewVSplit(p.List, container.NewVScroll(p.detail))
	split.Offset = 0.4
	p.content = container.NewBorder(heading, nil, nil, nil, split)
	return p
}

// setStory lists the discrepancies of a story, or for a hand-picked set those that concern
// only the articles shown.
func (p *DiscPanel) setStory(story string, articles []string) {
	m := p.u.m
	var ds []compare.Discrepancy
	if story != "" {
		ds = m.discs[story]
	} else {
		shown := map[string]bool{}
		stories := map[string]bool{}
		for _, a := range articles {
			shown[a] = true
			stories[m.storyOf[a]] = true
		}
		for s := range stories {
			for _, d := range m.discs[s] {
				for _, mem := range d.Members {
					if shown[mem.Article] {
						ds = append(ds, d)
						break
					}
				}
			}
		}
		sortDiscrepancies(ds)
	}
	p.rows = p.rows[:0]
	group := ""
	for _, d := range ds {
		g := kindTitle(d.Kind) + " · " + d.Severity
		if g != group {
			n := 0
			for _, e := range ds {
				if e.Kind == d.Kind && e.Severity == d.Severity {
					n++
				}
			}
			p.rows = append(p.rows, discRow{heading: fmt.Sprintf("%s (%d)", g, n)})
			group = g
		}
		p.rows = append(p.rows, discRow{d: d})
	}
	p.List.UnselectAll()
	p.List.Refresh()
	keep := ""
	if p.selected != nil {
		keep = p.selected.ID
	}
	p.selected = nil
	p.showDetail(nil)
	if keep != "" {
		for i, r := range p.rows {
			if r.heading == "" && r.d.ID == keep {
				p.List.Select(i)
			}
		}
	}
}

// kindTitle names a discrepancy kind for a heading.
func kindTitle(kind string) string {
	switch kind {
	case compare.DiscEvent:
		return "Another event"
	case compare.DiscDate:
		return "Dates"
	case compare.DiscNumber:
		return "Numbers"
	case compare.DiscActor:
		return "Actors"
	case compare.DiscSpelling:
		return "Spelling"
	case compare.DiscOmission:
		return "Left out"
	case compare.DiscGarbled:
		return "Damaged text"
	case compare.DiscEdit:
		return "Edited after publication"
	}
	return kind
}

func (p *DiscPanel) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	lbl, icon := c.Objects[0].(*textview.FitLabel), c.Objects[1].(*widget.Icon)
	if id >= len(p.rows) {
		return
	}
	r := p.rows[id]
	if r.heading != "" {
		lbl.TextStyle.Bold = true
		lbl.SetFull(r.heading)
		lbl.Refresh() // the style may change with the same text
		icon.SetResource(nil)
		icon.Hide()
		return
	}
	icon.Show()
	lbl.TextStyle.Bold = false
	text := p.u.m.readable(r.d)
	if r.d.Diff != "" {
		text = r.d.Diff + " — " + text
	}
	if r.d.Kind == compare.DiscGarbled && len(r.d.Members) > 0 && r.d.Members[0].Text != "" {
		// Several damaged spots of one article read the same: the words tell them apart.
		text = "“" + ellipsis(r.d.Members[0].Text, 24) + "” — " + text
	}
	lbl.SetFull(textview.LTR(text))
	lbl.Refresh() // the style may change with the same text
	icon.SetResource(verdictIcon(p.u.m.verdicts[r.d.ID].Verdict))
}

// verdictIcon marks a row by its verdict ("" = still open).
func verdictIcon(v string) fyne.Resource {
	switch v {
	case store.VerdictConfirmed:
		return theme.ConfirmIcon()
	case store.VerdictRejected:
		return theme.CancelIcon()
	case store.VerdictUnsure:
		return theme.QuestionIcon()
	}
	return theme.RadioButtonIcon()
}

// Rows returns the discrepancy ids listed, in order (headings left out).
func (p *DiscPanel) Rows() []compare.Discrepancy {
	var out []compare.Discrepancy
	for _, r := range p.rows {
		if r.heading == "" {
			out = append(out, r.d)
		}
	}
	return out
}

// Select shows a discrepancy in full and scrolls every column to it.
func (p *DiscPanel) Select(id string) {
	for i, r := range p.rows {
		if r.heading == "" && r.d.ID == id {
			d := r.d
			p.selected = &d
			p.showDetail(&d)
			p.cv.ShowDiscrepancy(d)
			p.List.ScrollTo(i)
			return
		}
	}
}

// SelectRow selects a discrepancy's row in the list (as a click would), which shows it.
func (p *DiscPanel) SelectRow(id string) {
	for i, r := range p.rows {
		if r.heading == "" && r.d.ID == id {
			p.List.Select(i)
			return
		}
	}
}

// Selected returns the discrepancy shown in full, or nil.
func (p *DiscPanel) Selected() *compare.Discrepancy { return p.selected }

func (p *DiscPanel) showDetail(d *compare.Discrepancy) {
	for _, o := range p.detail.Objects[2:] {
		o.Hide()
	}
	if d == nil {
		p.Title.SetFull("")
		p.Summary.SetFull("Click a flag to see where the versions disagree.")
		return
	}
	m := p.u.m
	p.Title.SetFull(fmt.Sprintf("%s · %s", kindTitle(d.Kind), d.Severity))
	p.Summary.SetFull(textview.LTR(m.readable(*d)))
	if d.Diff != "" {
		p.Diff.Segments = diffSegments(d.Diff)
		p.Diff.Refresh()
		p.Diff.Show()
	}
	var quotes []string
	for _, mem := range d.Members {
		a, _ := m.article(mem.Article)
		q := mem.Text
		if q == "" {
			q = "(not stated)"
			if d.Kind == compare.DiscEvent {
				q = "(the article)"
			}
		}
		quotes = append(quotes, fmt.Sprintf("[%s] “%s”", a.Lang, textview.Visual(ellipsis(q, 90))))
	}
	p.Quotes.SetText(strings.Join(quotes, "\n"))
	p.Quotes.Show()
	v := m.verdicts[d.ID]
	p.setVerdictQuietly(choiceOf(v.Verdict))
	p.Note.SetText(v.Note)
	p.Verdict.Show()
	p.Note.Show()
	p.detail.Objects[6].Show() // Save note
	actions := p.detail.Objects[3].(*fyne.Container)
	for _, o := range actions.Objects {
		o.Hide()
	}
	switch d.Kind {
	case compare.DiscSpelling:
		wrong, right := p.spellingForms(*d)
		p.SameActor.SetText(fmt.Sprintf("Same actor: “%s” is %s", textview.Visual(ellipsis(wrong.Text, 20)), textview.Visual(ellipsis(right.Label, 20))))
		p.DifferentActor.SetText("Different actor")
		p.SameActor.Show()
		p.DifferentActor.Show()
		actions.Show()
	case compare.DiscEvent:
		if a, ok := m.article(p.oddArticle()); ok {
			p.OwnStory.SetText(textview.Visual(fmt.Sprintf("Own story for %s", m.articleName(a.ID))))
			p.JoinStory.SetText("Same event: join the story")
			p.OwnStory.Show()
			p.JoinStory.Show()
			actions.Show()
		}
	}
}

func (p *DiscPanel) setVerdictQuietly(choice string) {
	p.quiet = true
	p.Verdict.SetSelected(choice)
	p.quiet = false
}

func choiceOf(v string) string {
	for c, vv := range verdictOfChoice {
		if vv == v {
			return c
		}
	}
	return ""
}

// refreshVerdicts redraws the verdict marks after verdicts changed.
func (p *DiscPanel) refreshVerdicts() {
	p.List.Refresh()
	if p.selected != nil {
		v := p.u.m.verdicts[p.selected.ID]
		p.setVerdictQuietly(choiceOf(v.Verdict))
	}
}

// diffSegments turns the compact diff notation ("Zhao Liji[an→ang]") into rich text with the
// changed parts coloured.
func diffSegments(diff string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	plain := func(s string) {
		if s != "" {
			segs = append(segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Monospace: true}}})
		}
	}
	changed := func(s string) {
		segs = append(segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Monospace: true, Bold: true}}})
	}
	for diff != "" {
		i := strings.IndexByte(diff, '[')
		j := strings.IndexByte(diff, ']')
		if i < 0 || j < i {
			plain(diff)
			break
		}
		plain(diff[:i])
		changed(diff[i : j+1])
		diff = diff[j+1:]
	}
	return segs
}

// spellingForm is one surface form of a spelling discrepancy with the actor it names.
type spellingForm struct {
	Text  string
	Alias compare.Alias // the actor: id, label, type
}

// spellingForms picks the misspelt form and the actor it should name: the form whose folded
// spelling differs from the actor's English label is the odd one (Zhao Lijiang against Zhao
// Lijian, whatever script the other versions use); when that does not decide, the engine's
// own order (the first member is the one flagged) does.
func (p *DiscPanel) spellingForms(d compare.Discrepancy) (wrong spellingForm, right compare.Alias) {
	forms := make([]spellingForm, 0, len(d.Members))
	for _, mem := range d.Members {
		forms = append(forms, spellingForm{Text: mem.Text, Alias: p.actorOf(mem)})
	}
	if len(forms) == 0 {
		return spellingForm{}, compare.Alias{}
	}
	wi, ri := 0, -1
	for i, f := range forms {
		if compare.FoldForSearch(f.Text) == compare.FoldForSearch(f.Alias.Label) {
			ri = i
			break
		}
	}
	if ri >= 0 {
		for i := range forms {
			if i != ri && compare.FoldForSearch(forms[i].Text) != compare.FoldForSearch(forms[ri].Text) {
				wi = i
				break
			}
		}
	} else if len(forms) > 1 {
		ri = 1
	} else {
		ri = 0
	}
	return forms[wi], forms[ri].Alias
}

// actorOf finds the actor a member names, from its fact.
func (p *DiscPanel) actorOf(mem compare.Member) compare.Alias {
	for _, f := range p.u.m.facts[mem.Article] {
		if (mem.Fact != "" && f.ID == mem.Fact) || (mem.Fact == "" && f.Kind == compare.KindActor && f.Start == mem.Start && f.End == mem.End) {
			id, _ := f.Value.(string)
			return compare.Alias{ActorID: id, Label: f.Label, Type: f.Type}
		}
	}
	id, _ := mem.Value.(string)
	return compare.Alias{ActorID: id, Label: id}
}

// teach stores what the analyst says about a spelling discrepancy: the odd form names the same
// actor (an alias, and the flag is confirmed as a misspelling), or another one (an alias to an
// actor of its own, and the flag is rejected).
func (p *DiscPanel) teach(same bool) {
	d := p.selected
	if d == nil || d.Kind != compare.DiscSpelling {
		return
	}
	wrong, right := p.spellingForms(*d)
	note := strings.TrimSpace(p.Note.Text)
	if same {
		if right.ActorID == "" {
			p.u.showError(userError{title: "No actor", err: fmt.Errorf("the forms of this flag are not linked to a known actor; teach the alias from the other form")})
			return
		}
		// The radio first: perform hands over to a goroutine, and nothing touches widgets after.
		p.setVerdictQuietly(choiceConfirmed)
		p.u.perform(combine("same actor",
			p.u.aliasAction(wrong.Text, right),
			p.u.verdictAction(d.ID, store.VerdictConfirmed, note)))
		return
	}
	own := compare.Alias{ActorID: "local:" + compare.FoldForSearch(wrong.Text), Label: compare.Transliterate(wrong.Text, ""), Type: wrong.Alias.Type}
	p.setVerdictQuietly(choiceRejected)
	p.u.perform(combine("different actor",
		p.u.aliasAction(wrong.Text, own),
		p.u.verdictAction(d.ID, store.VerdictRejected, note)))
}

// oddArticle is the article an event discrepancy is about: the member outside the story it
// is flagged against, else the first member's.
func (p *DiscPanel) oddArticle() string {
	d := p.selected
	if d == nil || len(d.Members) == 0 {
		return ""
	}
	for _, mem := range d.Members {
		if p.u.m.storyOf[mem.Article] != d.Story {
			return mem.Article
		}
	}
	return d.Members[0].Article
}
