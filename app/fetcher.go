package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax"
	"parallax/app/textview"
	"parallax/store"
	"parallax/store/fetch"
)

// fetcher is the window's Fetcher (the app's options, with Parallax's name and version as
// User-Agent), made on first use. One for the window, so the pause between two requests to a
// site holds across fetches too. Call it on the UI goroutine.
func (u *UI) fetcher() *fetch.Fetcher {
	if u.web == nil {
		opts := u.opts.Fetch
		if opts.UserAgent == "" {
			opts.UserAgent = fetch.UserAgent(parallax.AppMetadata().Version)
		}
		u.web = fetch.New(opts)
	}
	return u.web
}

// ImportURLs fetches web pages in the background and stores the articles read: a progress
// bar with Cancel, as for files; the URLs that failed listed at the end; everything fetched
// stored in one transaction, or nothing when cancelled.
func (u *UI) ImportURLs(urls []string) {
	if len(urls) == 0 {
		return
	}
	f := u.fetcher()
	job := importJob{progress: "Fetching", done: "Fetched", cancelled: "Fetching cancelled; nothing was stored",
		nothing: "Nothing fetched", failed: "%d address(es) could not be fetched"}
	u.runImport(job, func(ctx context.Context, db *store.DB) importOutcome {
		docs, errs := f.Pages(ctx, urls, func(done, total int, _ string) {
			fyne.Do(func() { u.setProgress("Fetching pages", done, total) })
		})
		if ctx.Err() != nil || len(docs) == 0 {
			return importOutcome{errs: errs}
		}
		fyne.Do(func() { u.Status.SetText(fmt.Sprintf("Storing %d articles…", len(docs))) })
		res, err := db.ImportDocuments(docs, time.Now())
		if err != nil {
			return importOutcome{errs: append(errs, err)}
		}
		return importOutcome{summary: storedSummary(res), errs: errs, stored: true}
	})
}

// parseURLList reads addresses one a line (or separated by spaces) as NormalizeURL accepts
// them, and the words that are not addresses.
func parseURLList(text string) (urls []string, bad []string) {
	for _, w := range strings.Fields(text) {
		if _, err := fetch.NormalizeURL(w); err != nil {
			bad = append(bad, w)
			continue
		}
		urls = append(urls, w)
	}
	return urls, bad
}

// ImportURLDialog asks for web addresses, one a line (prefilled from the clipboard when it
// holds some), and fetches them.
func (u *UI) ImportURLDialog() {
	entry := textview.NewMultiLineEntry()
	entry.SetPlaceHolder("https://…\nhttps://…\n(one address a line: the versions of a story, from any outlets)")
	entry.SetMinRowsVisible(8)
	if c := u.app.Clipboard(); c != nil {
		if _, ok := fetch.SplitURLs(c.Content()); ok {
			entry.SetText(strings.TrimSpace(c.Content()))
		}
	}
	form := dialog.NewForm("Import from URL", "Fetch", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Addresses", entry),
	}, func(ok bool) {
		if !ok {
			return
		}
		urls, bad := parseURLList(entry.Text)
		if len(bad) > 0 {
			u.showError(userError{"Not web addresses", fmt.Errorf("these are not web addresses (http:// or https://): %s", strings.Join(bad, ", "))})
			return
		}
		u.ImportURLs(urls)
	}, u.win)
	form.Resize(fyne.NewSize(720, 380))
	form.Show()
}

// pasteOnWindow handles paste (Ctrl+V) when no text field has the focus: on the library,
// web addresses are fetched and other text opens the paste dialog with it.
func (u *UI) pasteOnWindow() {
	if u.Tabs.Selected() != u.LibraryTab {
		return
	}
	c := u.app.Clipboard()
	if c == nil || strings.TrimSpace(c.Content()) == "" {
		return
	}
	if urls, ok := fetch.SplitURLs(c.Content()); ok {
		u.ImportURLs(urls)
		return
	}
	u.PasteDialog()
}

// FeedDialog asks for an RSS or Atom feed's address, then shows its items to choose from.
func (u *UI) FeedDialog() {
	entry := textview.NewEntry()
	entry.SetPlaceHolder("https://outlet.example/rss.xml")
	form := dialog.NewForm("Add news feed", "Show items", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Feed address", entry),
	}, func(ok bool) {
		if ok && strings.TrimSpace(entry.Text) != "" {
			u.OpenFeed(entry.Text)
		}
	}, u.win)
	form.Resize(fyne.NewSize(620, 160))
	form.Show()
}

// OpenFeed fetches a feed in the background and shows its items: the ones not yet in the
// workspace are ticked, and Import fetches the ticked ones.
func (u *UI) OpenFeed(feedURL string) {
	db := u.db
	ctx, cancel := context.WithCancel(context.Background())
	u.showProgress("Reading the feed", cancel)
	f := u.fetcher()
	u.jobs.Add(1)
	go func() {
		defer u.jobs.Done()
		defer cancel()
		feed, err := f.Feed(ctx, feedURL)
		have := map[string]bool{}
		if err == nil {
			arts, aerr := db.Articles()
			if aerr != nil {
				err = aerr
			}
			for _, a := range arts {
				have[a.Source], have[a.URL] = true, true
			}
		}
		fyne.DoAndWait(func() {
			u.hideProgress()
			if db != u.db || errors.Is(err, fetch.ErrCanceled) {
				u.Status.SetText("")
				return
			}
			if err != nil {
				u.Status.SetText("The feed could not be read")
				u.showError(userError{"Cannot read the feed", err})
				return
			}
			u.Status.SetText(fmt.Sprintf("Feed: %d items", len(feed.Items)))
			u.showFeedItems(feed, have)
		})
	}()
}

// showFeedItems lets the analyst choose the items to import.
func (u *UI) showFeedItems(feed fetch.Feed, have map[string]bool) {
	checks := make([]*widget.Check, len(feed.Items))
	rows := container.NewVBox()
	fresh := 0
	for i, it := range feed.Items {
		label := it.Title
		if label == "" {
			label = it.Link
		}
		if !it.Published.IsZero() {
			label = it.Published.Local().Format("2006-01-02 15:04") + "  " + label
		}
		norm, _ := fetch.NormalizeURL(it.Link)
		stored := have[it.Link] || have[norm]
		if stored {
			label += "  (already in the workspace)"
		} else {
			fresh++
		}
		checks[i] = widget.NewCheck(label, nil)
		checks[i].SetChecked(!stored)
		rows.Add(checks[i])
	}
	title := feed.Title
	if title == "" {
		title = feed.URL
	}
	d := dialog.NewCustomConfirm(fmt.Sprintf("%s — %d items, %d new", title, len(feed.Items), fresh), "Import ticked", "Close",
		container.NewVScroll(rows), func(ok bool) {
			if !ok {
				return
			}
			var urls []string
			for i, c := range checks {
				if c.Checked {
					urls = append(urls, feed.Items[i].Link)
				}
			}
			u.ImportURLs(urls)
		}, u.win)
	d.Resize(fyne.NewSize(760, 480))
	d.Show()
}
