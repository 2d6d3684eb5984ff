package app_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestWorkbench_FlagStatusLeavesWithCompare: "Flag 1 of N" describes the Compare tab; it used to
// stay in the status line after switching to Read.
func TestWorkbench_FlagStatusLeavesWithCompare(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, _ := newUI(t, db)
	before := u.Status.Text

	u.Library.SelectArticle(articleBySource(t, db, "004_").ID)
	test.Tap(u.Library.CompareStory)
	if len(u.Compare.Panel.Rows()) == 0 {
		t.Fatal("the 2021 story has no flags: the test needs one to step to")
	}
	u.StepFlag(1)
	if !strings.HasPrefix(u.Status.Text, "Flag 1 of ") {
		t.Fatalf("status after the next-flag key = %q, want Flag 1 of …", u.Status.Text)
	}
	u.Tabs.Select(u.ReadTab)
	if strings.HasPrefix(u.Status.Text, "Flag ") {
		t.Errorf("status in Read still says %q", u.Status.Text)
	}
	if u.Status.Text != before {
		t.Errorf("status in Read = %q, want what it said before the flag status, %q", u.Status.Text, before)
	}
}

// TestWorkbench_TooltipGoneAfterTabChange: a fact's tooltip in a Compare column stayed up after
// going to Read and back (Fyne sends no MouseOut to a hidden view).
func TestWorkbench_TooltipGoneAfterTabChange(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, w := newUI(t, db)
	u.Library.SelectArticle(articleBySource(t, db, "004_").ID)
	test.Tap(u.Library.CompareStory)
	if len(u.Compare.Columns) == 0 {
		t.Fatal("Compare story opened no columns")
	}
	v := u.Compare.Columns[0].View
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(v)
	shown := false
	for o := 0; o < 400 && !shown; o++ {
		test.MoveMouse(w.Canvas(), origin.Add(v.PositionOf(o)))
		shown = v.Tooltip() != ""
	}
	if !shown {
		t.Fatal("no fact tooltip in the first 400 characters of the first column: the test needs one")
	}
	u.Tabs.Select(u.ReadTab)
	u.Tabs.Select(u.CompareTab)
	if tip := v.Tooltip(); tip != "" {
		t.Errorf("tooltip %q still up after leaving Compare and coming back", tip)
	}
}
