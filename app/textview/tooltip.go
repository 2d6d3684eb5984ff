package textview

// HideTooltip takes down the hover tooltip, if one is up. The app calls it when the view's tab
// is left: Fyne sends no MouseOut to a view hidden under a still pointer, so the tooltip would
// still be up on coming back.
func (t *TextView) HideTooltip() { t.content.MouseOut() }

// Tooltip returns the hover tooltip's text, "" when none is shown (for tests).
func (t *TextView) Tooltip() string { return t.content.hoverText }
