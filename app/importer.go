package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax/app/textview"
	"parallax/store"
	"parallax/store/fetch"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

// importExts are the file types a folder import picks up: what ingest reads, plus Parallax
// sets (.json). Inside folders other files are skipped silently, as ingest.Paths does.
var importExts = map[string]bool{
	".txt": true, ".text": true, ".md": true, ".markdown": true, ".html": true, ".htm": true, ".json": true,
}

// expandPaths lists the files to import: files as given, folders walked (hidden entries and
// other file types skipped). Folders that cannot be read are reported.
func expandPaths(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			// ingest words the error for a person (missing file, permissions).
			_, es := ingest.Paths([]string{p}, ingest.Options{})
			errs = append(errs, es...)
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: cannot read this folder (%v); check its permissions", path, err))
				if d != nil && d.IsDir() && path != p {
					return fs.SkipDir
				}
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && importExts[strings.ToLower(filepath.Ext(path))] {
				files = append(files, path)
			}
			return nil
		})
	}
	return files, errs
}

// importJob is what a background import (files, web pages) says to the analyst, in its
// own words: the progress bar's title, the status line's prefix for what was stored, the
// line for a cancelled job and for one that stored nothing, and the title of the error list
// ("%d file(s) could not be imported").
type importJob struct {
	progress, done, cancelled, nothing, failed string
}

// importOutcome is what an import's work reports: a summary of what it stored ("" when
// nothing), the errors to list, and whether the workspace changed.
type importOutcome struct {
	summary string
	errs    []error
	stored  bool
}

// runImport runs work in the background with a progress bar and Cancel, then, on the UI
// goroutine: the status line says what was stored, or that the job was cancelled and
// nothing stored; the errors are listed (not after a Cancel: nothing was stored anyway);
// and the workspace is read again when it changed. work gets the workspace open when the
// job started; its result is dropped if another workspace has been opened since.
func (u *UI) runImport(job importJob, work func(ctx context.Context, db *store.DB) importOutcome) {
	db := u.db
	ctx, cancel := context.WithCancel(context.Background())
	u.showProgress(job.progress, cancel)
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		defer cancel()
		out := work(ctx, db)
		cancelled := ctx.Err() != nil
		fyne.DoAndWait(func() {
			u.hideProgress()
			if db != u.db {
				return
			}
			switch {
			case cancelled:
				u.Status.SetText(job.cancelled)
			case out.summary != "":
				u.notice = job.done + ": " + out.summary
				u.Status.SetText(u.notice)
			default:
				u.Status.SetText(job.nothing)
			}
			if len(out.errs) > 0 && !cancelled {
				u.showErrorList(fmt.Sprintf(job.failed, len(out.errs)), out.errs)
			}
			if !cancelled && out.stored {
				u.reload()
			}
		})
	}()
}

// storedSummary says what an import stored: "2 added, 1 revised, 0 already there".
func storedSummary(res store.ImportResult) string {
	return fmt.Sprintf("%d added, %d revised, %d already there", res.Added, res.Revised, res.Unchanged)
}

// showErrorList lists what could not be imported or fetched, one line each, saying why.
func (u *UI) showErrorList(title string, errs []error) {
	lines := make([]string, 0, len(errs))
	for _, e := range errs {
		lines = append(lines, "• "+e.Error())
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", container.NewVScroll(text), u.win)
	d.Resize(fyne.NewSize(680, 360))
	u.showDialog(d)
}

// ImportPaths imports files and folders in the background: a progress bar with Cancel, every
// file's error listed at the end, everything readable imported. Parallax sets (.json) are
// merged with their highlights, verdicts and aliases.
func (u *UI) ImportPaths(paths []string) {
	if len(paths) == 0 {
		return
	}
	job := importJob{progress: "Importing", done: "Imported", cancelled: "Import cancelled; nothing was imported",
		nothing: "Nothing imported", failed: "%d file(s) could not be imported"}
	u.runImport(job, func(ctx context.Context, db *store.DB) importOutcome {
		files, errs := expandPaths(paths)
		var docs []ingest.Document
		var sets []*interchange.Set
		var setNames []string
		last := time.Time{}
		for i, f := range files {
			if ctx.Err() != nil {
				break
			}
			if now := time.Now(); now.Sub(last) > 100*time.Millisecond {
				last = now
				fyne.Do(func() { u.setProgress("Reading files", i, len(files)) })
			}
			ds, es := ingest.Paths([]string{f}, ingest.Options{})
			docs = append(docs, ds...)
			for _, e := range es {
				if errors.Is(e, ingest.ErrParallaxSet) {
					set, err := interchange.ReadFile(f)
					if err != nil {
						errs = append(errs, err)
					} else {
						sets = append(sets, set)
						setNames = append(setNames, f)
					}
					continue
				}
				errs = append(errs, e)
			}
		}
		if ctx.Err() != nil {
			return importOutcome{}
		}
		var summary []string
		fyne.Do(func() { u.Status.SetText(fmt.Sprintf("Storing %d articles…", len(docs))) })
		if len(docs) > 0 {
			res, err := db.ImportDocuments(docs, time.Now())
			if err != nil {
				errs = append(errs, err)
			} else {
				summary = append(summary, storedSummary(res))
			}
		}
		for i, set := range sets {
			rep, err := interchange.Import(db, set, "")
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", setNames[i], err))
				continue
			}
			summary = append(summary, fmt.Sprintf("set %s: %d articles added, %d highlights, %d verdicts",
				filepath.Base(setNames[i]), rep.Articles.Added, rep.Highlights.Added, rep.Verdicts.Added))
		}
		return importOutcome{summary: strings.Join(summary, "; "), errs: errs, stored: len(docs) > 0 || len(sets) > 0}
	})
}

// reload re-reads the workspace after an import and analyses again.
func (u *UI) reload() {
	db := u.db
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		m, err := readModel(db)
		if err != nil {
			u.showError(err)
			return
		}
		fyne.DoAndWait(func() {
			if db != u.db {
				return
			}
			// Keep the last analysis' stories until the new one is ready.
			old := u.m
			m.analysed, m.report = old.analysed, old.report
			m.facts, m.storyOf, m.stories, m.discs, m.aligns = old.facts, old.storyOf, old.stories, old.discs, old.aligns
			for id, p := range old.pub {
				if m.pub[id] == "" {
					m.pub[id] = p
				}
			}
			u.m = m
			u.Library.refresh()
			u.analyse()
		})
	}()
}

// ImportFilesDialog asks for files (several may be picked by choosing a folder).
func (u *UI) ImportFilesDialog() {
	u.openFileDialog([]string{".txt", ".md", ".markdown", ".html", ".htm", ".json"}, func(path string) {
		u.ImportPaths([]string{path})
	})
}

// ImportFolderDialog asks for a folder and imports every article in it.
func (u *UI) ImportFolderDialog() {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if l == nil {
			return
		}
		u.ImportPaths([]string{l.Path()})
	}, u.win)
	d.Resize(fileDialogSize)
	u.showDialog(d)
}

// dropped imports files and folders dropped on the window; links dropped from a browser are
// fetched.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	var paths, urls []string
	for _, uri := range uris {
		switch uri.Scheme() {
		case "file":
			paths = append(paths, uri.Path())
		case "http", "https":
			urls = append(urls, uri.String())
		}
	}
	u.ImportPaths(paths)
	u.ImportURLs(urls)
}

// PasteDialog lets the analyst paste an article's text (from a browser, an e-mail…).
func (u *UI) PasteDialog() {
	name := textview.NewEntry()
	name.SetPlaceHolder("Where it is from (URL or name), optional")
	text := textview.NewMultiLineEntry()
	text.SetPlaceHolder("Paste the article here. A first line of YAML front matter (---) is read too.")
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(14)
	if c := u.app.Clipboard(); c != nil {
		text.SetText(c.Content())
	}
	form := dialog.NewForm("Paste an article", "Import", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Source", name), widget.NewFormItem("Text", text),
	}, func(ok bool) {
		if ok {
			u.ImportText(name.Text, text.Text)
		}
	}, u.win)
	form.Resize(fyne.NewSize(760, 520))
	u.showDialog(form)
}

// ImportText imports pasted text as an article named source ("" names it by the time).
// Text that is only web addresses, one a line, is fetched instead (ImportURLs).
func (u *UI) ImportText(source, text string) {
	if urls, ok := fetch.SplitURLs(text); ok {
		u.ImportURLs(urls)
		return
	}
	source = strings.TrimSpace(source)
	if source == "" {
		source = "pasted " + time.Now().Format("2006-01-02 15:04:05")
	}
	name := source
	if ext := strings.ToLower(filepath.Ext(name)); !importExts[ext] || ext == ".json" {
		name += ".txt" // Bytes picks the format by extension; pasted text is plain text
	}
	doc, err := ingest.Bytes(name, []byte(text))
	if err != nil {
		u.showError(err)
		return
	}
	doc.Source = source
	db := u.db
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		res, err := db.ImportDocuments([]ingest.Document{doc}, time.Now())
		if err != nil {
			u.showError(err)
			return
		}
		fyne.DoAndWait(func() {
			if db != u.db {
				return
			}
			u.notice = "Pasted article: " + storedSummary(res)
			u.Status.SetText(u.notice)
			u.reload()
		})
	}()
}
