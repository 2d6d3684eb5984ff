package app_test

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// The main screens as markup (text goldens do not depend on the machine's fonts). They show
// what the engine finds in the seeds, so a change in compare that changes the flags shows
// up here too: look at testdata/failed/*.xml, and copy it over the golden when it is right.
func TestWorkbench_Markup(t *testing.T) {
	db := openDB(t, t.TempDir())
	u, w := newUI(t, db)
	test.AssertRendersToMarkup(t, "library.xml", w.Canvas())

	storyOf(t, u, articleBySource(t, db, "004_").ID)
	for _, d := range u.Compare.Panel.Rows() {
		if d.Kind == "spelling" && d.Diff == "Zhao Liji[an→ang]" {
			selectRow(t, u, d.ID)
		}
	}
	test.AssertRendersToMarkup(t, "compare.xml", w.Canvas())

	u.Tabs.Select(u.TimelineTab)
	test.AssertRendersToMarkup(t, "timeline.xml", w.Canvas())
}
