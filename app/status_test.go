package app_test

import (
	"strings"
	"testing"

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
