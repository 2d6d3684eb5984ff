// Package app is Parallax's user interface: the main window with the library of articles, the
// comparison workbench (the versions of a story side by side, the discrepancy panel with
// verdicts and alias teaching), the timeline of a story's dates, the article reader, and the
// menus, shortcuts, preferences and dialogs around them. It is the only package besides cmd
// that imports Fyne.
//
// Slow work — import, analysis, folding the library for search — runs off the UI goroutine and
// comes back through fyne.Do; the status bar shows its progress (with Cancel for imports).
// Every widget a test drives is an exported field, so tests use the real window with Fyne's
// test driver.
package app

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax"
	"parallax/app/article"
	"parallax/app/fonts"
	"parallax/app/textview"
	"parallax/store"
	"parallax/store/analysis"
	"parallax/store/fetch"
	"parallax/store/ingest"
)

// Options configure the main window.
type Options struct {
	// Samples are documents to import when the workspace is empty (the first run).
	Samples func() ([]ingest.Document, error)
	// NoAnalysis opens the workspace without analysing it; View → Analyse again runs it. For
	// very large workspaces on slow machines, and for measuring the library alone.
	NoAnalysis bool
	// Fetch tunes File → Import from URL and news feeds; the zero value is the real network.
	Fetch fetch.Options
}

// Preference keys (fyne.Preferences of the app).
const (
	prefAnalyst       = "analyst"
	prefTheme         = "theme" // "system", "light", "dark"
	prefWidth         = "window.width"
	prefHeight        = "window.height"
	prefSplit         = "compare.split"
	prefRecent        = "workspaces.recent"
	prefHintDismissed = "hint.dismissed"
)

// UI is the main window's state. Widget handles are exported fields so tests can drive them.
// Everything except the background jobs runs on Fyne's goroutine.
type UI struct {
	app   fyne.App
	win   fyne.Window
	db    *store.DB
	opts  Options
	prefs fyne.Preferences

	m      *model       // the workspace as shown; replaced whole after each load or analysis
	search *searchIndex // nil until built

	// Tabs holds the Library, Compare, Timeline and Read tabs.
	Tabs                                         *container.AppTabs
	LibraryTab, CompareTab, TimelineTab, ReadTab *container.TabItem

	Library  *Library
	Compare  *CompareView
	Timeline *Timeline
	// Reader is the article view (highlights, tags, find, undo) for one article.
	Reader *article.View

	// Status bar: what is happening, the progress of a job, and Cancel for imports.
	Status   *widget.Label
	Progress *widget.ProgressBar
	// Busy runs while a job has not yet said how far it is (reopening a workspace whose facts
	// are cached goes straight to clustering: a bar at 0 % would look stuck).
	Busy   *widget.ProgressBarInfinite
	Cancel *widget.Button

	jobs         sync.WaitGroup
	writes       sync.WaitGroup // exports being written: Quit waits for them
	loaded       chan struct{}  // closed when the library first shows the workspace
	loadedOnce   sync.Once
	cancelJob    func()
	analysing    bool
	notice       string // what the last import did, kept in the status line after analysis
	analyseAgain bool
	undo         undoStack
	dialogs      []dialog.Dialog // open, the last on top: Esc closes it
	web          *fetch.Fetcher  // made on first use; one per window, so its pause per site spans fetches

	// tabStatus is a status line that speaks about the Compare tab ("Flag 2 of 17"), and
	// statusBefore what the line said before it; leaving Compare puts statusBefore back.
	tabStatus, statusBefore string
}

// Create builds the main window's content for the workspace db and starts loading it.
func Create(a fyne.App, w fyne.Window, db *store.DB, opts Options) *UI {
	// The bundled Arabic and CJK fonts must be known before Fyne measures any text; this is
	// the earliest point the package gets control (cmd should call fonts.Install earlier still,
	// before the app is created; doing it twice is harmless).
	if err := fonts.Install(""); err != nil {
		fyne.LogError("Parallax: Arabic and Chinese text may show as boxes", err)
	}
	u := &UI{app: a, win: w, db: db, opts: opts, prefs: a.Preferences(), m: newModel(nil), loaded: make(chan struct{})}
	applyTheme(a, u.prefs.StringWithFallback(prefTheme, "system"))

	u.Status = widget.NewLabel("Opening workspace…")
	u.Status.Truncation = fyne.TextTruncateEllipsis
	u.Progress = widget.NewProgressBar()
	u.Progress.Hide()
	u.Busy = widget.NewProgressBarInfinite()
	u.Busy.Stop()
	u.Busy.Hide()
	u.Cancel = widget.NewButton("Cancel", func() {
		if u.cancelJob != nil {
			u.cancelJob()
		}
	})
	u.Cancel.Hide()

	u.Library = newLibrary(u)
	u.Compare = newCompareView(u)
	u.Timeline = newTimeline(u)
	u.Reader = u.newReader()

	u.LibraryTab = container.NewTabItem("Library", u.Library.content)
	u.CompareTab = container.NewTabItem("Compare", u.Compare.content)
	u.TimelineTab = container.NewTabItem("Timeline", u.Timeline.content)
	u.ReadTab = container.NewTabItem("Read", u.Reader)
	u.Tabs = container.NewAppTabs(u.LibraryTab, u.CompareTab, u.TimelineTab, u.ReadTab)
	u.Tabs.OnSelected = func(t *container.TabItem) {
		// The focus stays in the tab left (a text view), which would take the window's keys.
		u.win.Canvas().Unfocus()
		if t != u.CompareTab {
			u.clearTabStatus()
		}
		u.hideTooltips()
		if t == u.TimelineTab {
			u.Timeline.refresh()
		}
	}

	status := container.NewBorder(nil, nil, nil,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(220, u.Progress.MinSize().Height), container.NewStack(u.Progress, u.Busy)), u.Cancel),
		u.Status)
	w.SetContent(container.NewBorder(nil, status, nil, nil, u.Tabs))
	u.setTitle()
	w.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	w.SetOnDropped(u.dropped)
	w.Resize(fyne.NewSize(
		float32(u.prefs.FloatWithFallback(prefWidth, 1280)),
		float32(u.prefs.FloatWithFallback(prefHeight, 800))))
	// A laptop screen may be smaller than the remembered or default size: the status bar and
	// the window's bottom would be off screen, with no way to reach them but resizing blind.
	a.Lifecycle().SetOnStarted(u.fitToScreen)
	w.SetCloseIntercept(func() {
		u.savePrefs()
		w.Close()
	})
	// The workspace may have been switched since cmd opened it: close whichever is open.
	a.Lifecycle().SetOnStopped(func() {
		if u.db != nil {
			_ = u.db.Close()
		}
	})
	u.rememberWorkspace(db.Path())
	u.load(db)
	u.scheduleSnapshots()
	return u
}

// WaitIdle blocks until every background job started so far (import, analysis) is finished
// and its result shown. Tests call it; the window never does.
func (u *UI) WaitIdle() { u.jobs.Wait() }

// WaitLoaded blocks until the library shows the workspace's articles (analysis may still be
// running). The benchmark uses it to time the first useful frame.
func (u *UI) WaitLoaded() { <-u.loaded }

// DB returns the workspace shown.
func (u *UI) DB() *store.DB { return u.db }

// setTitle names the workspace in the window title, and says while it is being analysed (the
// task bar shows it; the real-window test waits for it).
func (u *UI) setTitle() {
	t := "Parallax — " + u.db.Path()
	if u.analysing {
		t += " — analysing…"
	}
	u.win.SetTitle(t)
}

// analyst is the name written on highlights, verdicts and aliases.
func (u *UI) analyst() string { return u.prefs.String(prefAnalyst) }

// fitToScreen shrinks the window to the screen's work area when it is larger, keeping a
// margin for the window's frame and title bar.
func (u *UI) fitToScreen() {
	if width, height, ok := screenWorkArea(); ok {
		u.FitToWorkArea(width, height)
	}
}

// FitToWorkArea shrinks the window to fit a work area of width×height screen pixels. The
// window calls it with the primary monitor's work area once the app has started; tests call
// it with a laptop's.
func (u *UI) FitToWorkArea(width, height int) {
	const frame = 48 // title bar and borders, in screen pixels
	scale := u.win.Canvas().Scale()
	if scale <= 0 {
		scale = 1
	}
	maxW := float32(width-frame/2) / scale
	maxH := float32(height-frame) / scale
	s := u.win.Canvas().Size()
	if s.Width <= maxW && s.Height <= maxH {
		return
	}
	u.win.Resize(fyne.NewSize(min(s.Width, maxW), min(s.Height, maxH)))
	u.win.CenterOnScreen()
}

// savePrefs remembers the window size and the compare split.
func (u *UI) savePrefs() {
	s := u.win.Canvas().Size()
	if s.Width > 100 && s.Height > 100 {
		u.prefs.SetFloat(prefWidth, float64(s.Width))
		u.prefs.SetFloat(prefHeight, float64(s.Height))
	}
	u.prefs.SetFloat(prefSplit, u.Compare.Split.Offset)
}

// load reads the workspace (importing the samples on first run) off the UI goroutine, shows
// the library, then analyses.
func (u *UI) load(db *store.DB) {
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		defer u.loadedOnce.Do(func() { close(u.loaded) }) // also when loading failed
		firstRun := false
		n, err := db.ArticleCount()
		if err != nil {
			u.showError(err)
			return
		}
		if n == 0 && u.opts.Samples != nil {
			docs, err := u.opts.Samples()
			if err == nil {
				_, err = db.ImportDocuments(docs, time.Now())
			}
			if err != nil {
				u.showError(fmt.Errorf("load the sample articles: %w", err))
			}
			firstRun = err == nil
		}
		m, err := readModel(db)
		if err != nil {
			u.showError(err)
			return
		}
		fyne.DoAndWait(func() {
			if db != u.db {
				return // another workspace was opened meanwhile
			}
			u.setModel(m)
			u.Status.SetText(fmt.Sprintf("%d articles · analysing…", len(m.articles)))
			// The hint's first line says what is loaded: the five samples only when they are
			// what the workspace holds (a 3,000-article workspace was greeted with "Five sample
			// articles are loaded").
			u.Library.Hint.SetSubTitle(hintSamples)
			if !firstRun && len(m.articles) != sampleCount {
				u.Library.Hint.SetSubTitle(fmt.Sprintf("This workspace holds %d articles.", len(m.articles)))
			}
			if firstRun || (len(m.articles) > 0 && !u.prefs.Bool(prefHintDismissed)) {
				u.Library.ShowHint(true)
			}
			u.loadedOnce.Do(func() { close(u.loaded) })
			if !u.opts.NoAnalysis {
				u.analyse()
			} else {
				u.Status.SetText(fmt.Sprintf("%d articles · not analysed (View → Analyse again)", len(m.articles)))
			}
		})
	}()
}

// readModel reads what the library shows: articles, highlight counts, verdicts, aliases.
func readModel(db *store.DB) (*model, error) {
	arts, err := db.Articles()
	if err != nil {
		return nil, err
	}
	m := newModel(arts)
	if err := m.readAnnotations(db); err != nil {
		return nil, err
	}
	return m, nil
}

// readAnnotations refreshes what the analyst made: highlight counts, verdicts, aliases.
func (m *model) readAnnotations(db *store.DB) error {
	hs, err := db.AllHighlights()
	if err != nil {
		return err
	}
	m.highlights = map[string]int{}
	for _, h := range hs {
		m.highlights[h.Article]++
	}
	vs, err := db.Verdicts()
	if err != nil {
		return err
	}
	m.verdicts = make(map[string]store.Verdict, len(vs))
	for _, v := range vs {
		m.verdicts[v.Discrepancy] = v
	}
	m.aliases, err = db.Aliases()
	return err
}

// setModel shows a new model everywhere.
func (u *UI) setModel(m *model) {
	u.m = m
	u.Library.refresh()
	u.Compare.modelChanged()
	u.Timeline.refresh()
}

// analyse runs the analysis of the whole workspace in the background and shows it. A request
// while one runs is remembered and run after it, so the last thing taught always counts.
func (u *UI) analyse() {
	if u.analysing {
		u.analyseAgain = true
		return
	}
	u.analysing = true
	u.setTitle()
	db := u.db
	u.showProgress("Analysing", nil)
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		var last time.Time
		rep, err := analysis.Workspace(db, analysis.Options{Progress: func(done, total int) {
			// Throttled: one UI update per 100 ms is plenty for a bar.
			if now := time.Now(); now.Sub(last) > 100*time.Millisecond || done == total {
				last = now
				fyne.Do(func() { u.setProgress("Finding facts", done, total) })
			}
		}})
		var m *model
		if err == nil {
			m, err = readModel(db)
		}
		var ix *searchIndex
		if err == nil {
			m.setReport(rep)
			ix = newSearchIndex(m.articles, m.facts, m.aliases)
		}
		fyne.DoAndWait(func() {
			u.analysing = false
			u.setTitle()
			u.hideProgress()
			if db != u.db {
				return
			}
			if err != nil {
				u.Status.SetText("Analysis failed")
				u.showError(fmt.Errorf("analyse the workspace: %w", err))
			} else {
				u.search = ix
				u.setModel(m)
				status := fmt.Sprintf("%d articles · %d stories · %d discrepancies · %s",
					len(m.articles), len(rep.Stories), len(rep.Discrepancies), parallax.VersionString())
				if u.notice != "" {
					status = u.notice + " · " + status
					u.notice = ""
				}
				u.Status.SetText(status)
			}
			if u.analyseAgain {
				u.analyseAgain = false
				u.analyse()
			}
		})
	}()
}

// reloadHighlights re-reads the analyst's annotations (after the reader changed highlights or
// a verdict was given) without re-running the analysis.
func (u *UI) reloadHighlights() {
	db, m := u.db, u.m
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		next := *m
		if err := next.readAnnotations(db); err != nil {
			u.showError(err)
			return
		}
		fyne.DoAndWait(func() {
			if db != u.db || u.m != m {
				return // replaced meanwhile by a newer load, which has these annotations too
			}
			u.m = &next
			u.Library.refresh()
			u.Compare.annotationsChanged()
		})
	}()
}

// showProgress shows the progress bar (indeterminate until the first setProgress) with a
// Cancel button when cancel is set.
func (u *UI) showProgress(what string, cancel func()) {
	u.Status.SetText(what + "…")
	u.Progress.SetValue(0)
	u.Progress.Hide()
	u.Busy.Show()
	u.Busy.Start()
	u.cancelJob = cancel
	if cancel != nil {
		u.Cancel.Enable()
		u.Cancel.Show()
	}
}

func (u *UI) setProgress(what string, done, total int) {
	if total > 0 {
		if u.Busy.Visible() {
			u.Busy.Stop()
			u.Busy.Hide()
			u.Progress.Show()
		}
		u.Progress.SetValue(float64(done) / float64(total))
	}
	u.Status.SetText(fmt.Sprintf("%s… %d of %d", what, done, total))
}

func (u *UI) hideProgress() {
	u.Progress.Hide()
	u.Busy.Stop()
	u.Busy.Hide()
	u.Cancel.Hide()
	u.cancelJob = nil
}

// userError is an error the user can fix: shown as a plain information dialog rather than as
// a failure of the program.
type userError struct {
	title string
	err   error
}

func (e userError) Error() string { return e.err.Error() }
func (e userError) Unwrap() error { return e.err }

// isExpected tells mistakes a person can fix (wrong file, file locked, bad input) from
// failures of the program or the machine.
func isExpected(err error) bool {
	var ue userError
	var fe *ingest.FileError
	return errors.As(err, &ue) || errors.As(err, &fe) ||
		errors.Is(err, store.ErrLocked) || errors.Is(err, store.ErrNotWorkspace) ||
		errors.Is(err, store.ErrNewerSchema) || errors.Is(err, store.ErrNeedsMigration) ||
		errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrInvalid) ||
		errors.Is(err, store.ErrDamaged)
}

// showError reports an error from any goroutine: expected ones in a friendly dialog, others
// logged and shown as errors.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	if isExpected(err) {
		title := "Cannot do that"
		var ue userError
		if errors.As(err, &ue) && ue.title != "" {
			title = ue.title
		}
		fyne.Do(func() { u.showDialog(dialog.NewInformation(title, textview.Visual(err.Error()), u.win)) })
		return
	}
	fyne.LogError("Parallax", err)
	fyne.Do(func() { u.showDialog(dialog.NewError(errors.New(textview.Visual(err.Error())), u.win)) })
}
