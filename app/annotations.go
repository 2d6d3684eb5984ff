package app

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"parallax/store/interchange"
)

// ImportAnnotationsDialog asks for a W3C Web Annotation file (made with Hypothesis, Recogito
// or another Parallax) and stores the annotations that anchor on stored articles as
// highlights; the report it shows lists those that did not, with the reason.
func (u *UI) ImportAnnotationsDialog() {
	u.openFileDialog([]string{".json", ".jsonld"}, func(path string) {
		db, author := u.db, u.analyst()
		u.jobs.Add(1)
		go func() {
			defer u.jobs.Done()
			f, err := os.Open(path)
			if err != nil {
				u.showError(err)
				return
			}
			defer f.Close()
			rep, err := interchange.ImportW3C(db, f, filepath.Base(path), author)
			if err != nil {
				u.showError(err)
				return
			}
			fyne.Do(func() {
				dialog.ShowInformation("Annotations imported", rep.String(), u.win)
				u.reloadHighlights()
			})
		}()
	})
}
