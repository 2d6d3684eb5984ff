package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"parallax/app/textview"
)

// Keys that open a menu of the menu bar: F10 the first, Alt and the menu's first letter
// (Flags: Alt+L) the others, as on other desktop apps.
var menuKeys = []fyne.KeyName{fyne.KeyF, fyne.KeyE, fyne.KeyV, fyne.KeyL, fyne.KeyH}

// addMenuKeys binds the keys that work without a focused widget taking them: Alt+letter for
// the menus, and through the canvas F10 (menu bar), Esc (close the top dialog) and Enter (open
// the library row).
func (u *UI) addMenuKeys() {
	c := u.win.Canvas()
	for i, k := range menuKeys {
		i := i
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}, func(fyne.Shortcut) { u.OpenMenu(i) })
	}
	c.SetOnTypedKey(u.typedKey)
}

// typedKey gets the keys no focused widget took.
func (u *UI) typedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyF10:
		u.OpenMenu(0)
	case fyne.KeyEscape:
		u.DismissDialog()
	case fyne.KeyReturn, fyne.KeyEnter:
		if u.Tabs.Selected() == u.LibraryTab && len(u.dialogs) == 0 {
			u.OpenReader(u.Library.current)
		}
	}
}

// OpenMenu opens the i-th menu of the window's menu bar with the keyboard on it (arrows move,
// Enter runs an item, Esc closes). Windows without an in-window menu bar ignore it.
func (u *UI) OpenMenu(i int) {
	c, ok := u.win.Canvas().(interface{ ToggleMenu() })
	if !ok {
		return
	}
	c.ToggleMenu() // opens the first menu, focused
	for range i {
		if f := u.win.Canvas().Focused(); f != nil {
			f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
		}
	}
}

// showDialog shows d and remembers it until it closes, so Esc can close it. The keyboard focus
// leaves the window behind (a focused text view would take Esc for itself).
func (u *UI) showDialog(d dialog.Dialog) {
	u.dialogs = append(u.dialogs, d)
	d.SetOnClosed(func() {
		u.dialogs = slices.DeleteFunc(u.dialogs, func(x dialog.Dialog) bool { return x == d })
	})
	u.win.Canvas().Unfocus()
	d.Show()
}

// DismissDialog closes the dialog shown last (Esc), as its Cancel or Close button would.
func (u *UI) DismissDialog() bool {
	if len(u.dialogs) == 0 {
		return false
	}
	d := u.dialogs[len(u.dialogs)-1]
	u.dialogs = u.dialogs[:len(u.dialogs)-1]
	d.Dismiss()
	return true
}

// Dialogs returns how many dialogs are open.
func (u *UI) Dialogs() int { return len(u.dialogs) }

// StepFlag selects the next (dir 1) or previous (dir -1) flag of the story in Compare, and
// scrolls every column to it.
func (u *UI) StepFlag(dir int) {
	p := u.Compare.Panel
	if u.Tabs.Selected() != u.CompareTab {
		u.Tabs.Select(u.CompareTab)
	}
	rows := p.Rows()
	if len(rows) == 0 {
		u.setTabStatus("No flags in the versions shown")
		return
	}
	at := -1
	if s := p.Selected(); s != nil {
		for i, d := range rows {
			if d.ID == s.ID {
				at = i
			}
		}
	}
	next := 0
	switch {
	case at < 0 && dir < 0:
		next = len(rows) - 1
	case at >= 0:
		next = (at + dir + len(rows)) % len(rows)
	}
	p.SelectRow(rows[next].ID)
	u.setTabStatus(fmt.Sprintf("Flag %d of %d", next+1, len(rows)))
}

// VerdictKey gives the flag shown a verdict (store.VerdictConfirmed, …) as its radio would.
func (u *UI) VerdictKey(verdict string) {
	p := u.Compare.Panel
	if p.Selected() == nil {
		u.setTabStatus("Pick a flag first (Alt+Down selects the next one)")
		return
	}
	choice := choiceOf(verdict)
	if p.Verdict.Selected == choice {
		return
	}
	p.Verdict.SetSelected(choice) // its OnChanged stores the verdict, with the note
}

// undoTarget is a focused text entry, whose own undo Ctrl+Z means while it has the focus.
func (u *UI) undoTarget() fyne.Shortcutable {
	switch e := u.win.Canvas().Focused().(type) {
	case *textview.Entry:
		return e
	case *widget.Entry:
		return e
	}
	return nil
}

// keyHelp lists the keys, for Help → Keyboard.
var keyHelp = [][2]string{
	{"F10, Alt+F/E/V/L/H", "open the menus (arrows move, Enter runs, Esc closes)"},
	{"Alt+1 … Alt+4", "Library, Compare, Timeline, Read"},
	{"Enter", "open the library row in Read"},
	{"Ctrl+Z, Ctrl+Y (Ctrl+Shift+Z)", "undo, redo"},
	{"Alt+Down, Alt+Up", "next, previous flag"},
	{"Ctrl+1, Ctrl+2, Ctrl+3", "confirmed, rejected, unsure"},
	{"1 … 9", "tag the selected words (Read)"},
	{"Ctrl+F, Ctrl+I, Ctrl+E", "find, import, export"},
	{"Esc", "close the dialog"},
	{"Ctrl+Q", "quit"},
}

// KeysDialog shows the keyboard shortcuts.
func (u *UI) KeysDialog() {
	var b strings.Builder
	for _, k := range keyHelp {
		fmt.Fprintf(&b, "%s — %s\n", k[0], k[1])
	}
	u.showDialog(dialog.NewInformation("Keyboard", strings.TrimSpace(b.String()), u.win))
}

// setTabStatus shows a status that is only true in the Compare tab (which flag of how many);
// leaving the tab takes it away again (clearTabStatus).
func (u *UI) setTabStatus(s string) {
	if u.tabStatus == "" || u.Status.Text != u.tabStatus {
		u.statusBefore = u.Status.Text
	}
	u.tabStatus = s
	u.Status.SetText(s)
}

// clearTabStatus puts back what the status line said before setTabStatus, unless something
// else (an import, an export) has written to it since.
func (u *UI) clearTabStatus() {
	if u.tabStatus != "" && u.Status.Text == u.tabStatus {
		u.Status.SetText(u.statusBefore)
	}
	u.tabStatus, u.statusBefore = "", ""
}

// hideTooltips takes down the hover tooltips of the Read and Compare text views when the tab
// changes; the one left under the pointer would otherwise be up again on coming back.
func (u *UI) hideTooltips() {
	u.Reader.TextView().HideTooltip()
	for _, c := range u.Compare.Columns {
		c.View.HideTooltip()
	}
}
