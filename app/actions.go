package app

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"

	"parallax/compare"
	"parallax/store"
)

// action is one undoable change of the workspace made in the workbench (a verdict, an alias,
// a link, a story override). do and undo each write the store in their own transaction.
type action struct {
	name string
	do   func() error
	undo func() error
	// reanalyse is set for changes that alter the analysis (aliases, links, overrides);
	// verdicts only change the marks.
	reanalyse bool
	// show, when set, makes the change visible at once on the UI goroutine (undo true: shows
	// the state before it), before the store is written; a failed write shows it undone
	// again. Verdicts use it, so a click answers at once and no goroutine touches the panel
	// the click came from.
	show func(undo bool)
}

// undoStack holds the workbench's changes for Edit → Undo/Redo.
type undoStack struct {
	done, undone []action
}

// perform applies a change in the background, then records it for undo and shows its effect.
func (u *UI) perform(a action) {
	u.runAction(a, false, func() {
		u.undo.done = append(u.undo.done, a)
		u.undo.undone = nil
	})
}

// Undo reverts the last workbench change (the reader has its own undo for highlights).
func (u *UI) Undo() {
	if e := u.undoTarget(); e != nil {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		return
	}
	if u.Tabs.Selected() == u.ReadTab {
		u.Reader.Undo()
		return
	}
	u.step(&u.undo.done, &u.undo.undone, true, "undo", "Undid ")
}

// Redo applies again the last change undone.
func (u *UI) Redo() {
	if e := u.undoTarget(); e != nil {
		e.TypedShortcut(&fyne.ShortcutRedo{})
		return
	}
	if u.Tabs.Selected() == u.ReadTab {
		u.Reader.Redo()
		return
	}
	u.step(&u.undo.undone, &u.undo.done, false, "redo", "Redid ")
}

// step takes the last action off from, runs it backwards (undo) or forwards, and once it
// has run puts it on to, so Undo and Redo are the same walk in opposite directions.
func (u *UI) step(from, to *[]action, backwards bool, verb, done string) {
	n := len(*from)
	if n == 0 {
		u.Status.SetText("Nothing to " + verb)
		return
	}
	a := (*from)[n-1]
	*from = (*from)[:n-1]
	u.runAction(a, backwards, func() {
		*to = append(*to, a)
		u.Status.SetText(done + a.name)
	})
}

// runAction writes a change (or its undo) in the background. after records it for undo; it
// runs at once for changes shown optimistically, else once the write succeeded.
func (u *UI) runAction(a action, undo bool, after func()) {
	db := u.db
	fn := a.do
	if undo {
		fn = a.undo
	}
	if a.show != nil {
		a.show(undo)
		after()
	}
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		err := fn()
		if err == nil && a.show != nil && !a.reanalyse {
			return // already shown
		}
		fyne.DoAndWait(func() {
			if db != u.db {
				return
			}
			if err != nil {
				if a.show != nil {
					a.show(!undo)
				}
				u.showError(fmt.Errorf("%s: %w", a.name, err))
				return
			}
			if a.show == nil {
				after()
			}
			if a.reanalyse {
				u.analyse()
			} else {
				u.reloadHighlights()
			}
		})
	}()
}

// SetVerdict records the analyst's verdict (confirmed, rejected, unsure) and note on a
// discrepancy.
func (u *UI) SetVerdict(discrepancy, verdict, note string) {
	u.perform(u.verdictAction(discrepancy, verdict, note))
}

func (u *UI) verdictAction(discrepancy, verdict, note string) action {
	db := u.db
	prev, had := u.m.verdicts[discrepancy]
	v := store.Verdict{Discrepancy: discrepancy, Verdict: verdict, Note: note, Author: u.analyst()}
	return action{
		name: "verdict " + verdict,
		show: func(undo bool) {
			switch {
			case !undo:
				u.m.verdicts[discrepancy] = v
			case had:
				u.m.verdicts[discrepancy] = prev
			default:
				delete(u.m.verdicts, discrepancy)
			}
			u.Library.refresh()
			u.Compare.Panel.refreshVerdicts()
		},
		do: func() error { return db.PutVerdict(v) },
		undo: func() error {
			if had {
				return db.PutVerdict(prev)
			}
			return db.DeleteVerdict(discrepancy)
		},
	}
}

// aliasAction teaches that surface names actor (id, label, type).
func (u *UI) aliasAction(surface string, actor compare.Alias) action {
	db := u.db
	var prev store.LearnedAlias
	had := false
	for _, a := range u.m.aliases {
		if a.Surface == surface {
			prev, had = a, true
		}
	}
	actor.Surface = surface
	la := store.LearnedAlias{Alias: actor, Author: u.analyst()}
	return action{
		name: fmt.Sprintf("alias %q → %s", surface, actor.Label),
		do:   func() error { return db.PutAlias(la) },
		undo: func() error {
			if had {
				return db.PutAlias(prev)
			}
			return db.DeleteAlias(surface)
		},
		reanalyse: true,
	}
}

// doLink stores a hand-made link (or unlink) between spans and re-analyses.
func (u *UI) doLink(l store.ManualLink, name string) {
	db := u.db
	if l.ID == "" {
		l.ID = "l-" + randomHex(8)
	}
	u.perform(action{
		name:      name,
		do:        func() error { _, err := db.PutLink(l); return err },
		undo:      func() error { return db.DeleteLink(l.ID) },
		reanalyse: true,
	})
}

// MoveToOwnStory keeps an article in a story of its own (an "event" discrepancy: it reports
// another event), whatever automatic clustering would do.
func (u *UI) MoveToOwnStory(articleID string) {
	u.perform(u.storyAction(articleID, "", "move article to its own story"))
}

// JoinStory puts an article into a story (the analyst says it reports the same event).
func (u *UI) JoinStory(articleID, story string) {
	u.perform(u.storyAction(articleID, story, "join story"))
}

// storyAction overrides the story of an article ("" = a story of its own).
func (u *UI) storyAction(articleID, story, name string) action {
	db := u.db
	var prev *store.StoryOverride
	return action{
		name: name,
		do: func() error {
			os, err := db.StoryOverrides()
			if err != nil {
				return err
			}
			for _, o := range os {
				if o.Article == articleID {
					prev = &o
				}
			}
			return db.PutStoryOverride(store.StoryOverride{Article: articleID, Story: story, Author: u.analyst()})
		},
		undo: func() error {
			if prev != nil {
				return db.PutStoryOverride(*prev)
			}
			err := db.DeleteStoryOverride(articleID)
			if errors.Is(err, store.ErrNotFound) {
				return nil
			}
			return err
		},
		reanalyse: true,
	}
}

// combine makes one undoable action of several, undone in reverse order.
func combine(name string, as ...action) action {
	re := false
	var shows []func(bool)
	for _, a := range as {
		re = re || a.reanalyse
		if a.show != nil {
			shows = append(shows, a.show)
		}
	}
	var show func(bool)
	if len(shows) > 0 {
		show = func(undo bool) {
			for _, s := range shows {
				s(undo)
			}
		}
	}
	return action{
		name: name,
		show: show,
		do: func() error {
			for _, a := range as {
				if err := a.do(); err != nil {
					return err
				}
			}
			return nil
		},
		undo: func() error {
			for i := len(as) - 1; i >= 0; i-- {
				if err := as[i].undo(); err != nil {
					return err
				}
			}
			return nil
		},
		reanalyse: re,
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
