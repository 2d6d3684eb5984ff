package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"parallax"
	"parallax/store"
	"parallax/store/fetch"
	"parallax/store/ingest"
)

// userAgent names Parallax and its version to the sites it fetches from.
func userAgent() string {
	return fetch.UserAgent(parallax.AppMetadata().Version)
}

// fetchTransport and fetchHostInterval replace the network and the pause between requests
// to one host in tests; the zero values are the real ones.
var (
	fetchTransport    http.RoundTripper
	fetchHostInterval time.Duration
)

func cmdFetch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("fetch", "parallax fetch --db FILE URL…\n       parallax fetch --db FILE --feed URL [--list]",
		"Download articles from the web into a workspace: each page's main text, title, outlet,\n"+
			"language, publication time and canonical URL (from its JSON-LD, Open Graph and other\n"+
			"markup); the page itself is kept too. A page fetched again with changed text becomes a\n"+
			"new revision. With --feed, the RSS or Atom feed's items not yet in the workspace are\n"+
			"fetched (--list only shows the items). A URL that fails is reported at the end and does\n"+
			"not stop the others (exit status 1 lists them); the pages fetched are stored together,\n"+
			"or none if interrupted (exit status 130).", stderr)
	dbPath := fs.String("db", "", "workspace `FILE` (created if missing)")
	feedURL := fs.String("feed", "", "RSS or Atom feed `URL` whose new items to fetch")
	list := fs.Bool("list", false, "with --feed: list the feed's items and fetch nothing")
	timeout := fs.Duration("timeout", fetch.DefaultTimeout, "give up on a page after this `long`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case *feedURL == "" && *list:
		return misuse("fetch: --list needs --feed URL")
	case *feedURL == "" && fs.NArg() == 0:
		return misuse("fetch: give at least one URL, or --feed URL")
	case *dbPath == "" && !*list:
		return misuse("fetch: --db FILE is required")
	}
	f := fetch.New(fetch.Options{UserAgent: userAgent(), Timeout: *timeout, Transport: fetchTransport, HostInterval: fetchHostInterval})
	urls := fs.Args()
	var db *store.DB
	if *dbPath != "" && !*list {
		var err error
		if db, err = openStore(*dbPath, false); err != nil {
			return err
		}
		defer db.Close()
	}
	if *feedURL != "" {
		items, err := feedItems(ctx, f, db, *feedURL, *list, stdout)
		if err != nil || *list {
			return err
		}
		urls = append(urls, items...)
		if len(urls) == 0 {
			fmt.Fprintf(stdout, "%s: nothing new in the feed\n", *dbPath)
			return nil
		}
	}
	docs, errs := f.Pages(ctx, urls, func(done, total int, url string) {
		fmt.Fprintf(stderr, "[%d/%d] %s\n", done, total, url)
	})
	if ctx.Err() != nil {
		return &exitError{code: 130, msg: "fetch interrupted; nothing was stored"}
	}
	if len(docs) > 0 {
		res, err := db.ImportDocuments(docs, time.Now())
		if err != nil {
			return badInput("%v", err)
		}
		for i, r := range res.Docs {
			fmt.Fprintf(stdout, "%-9s %s\n", r.Status, describe(docs[i]))
		}
		fmt.Fprintf(stdout, "%s: %d added, %d revised, %d unchanged\n", *dbPath, res.Added, res.Revised, res.Unchanged)
	}
	if len(errs) > 0 {
		lines := make([]string, len(errs))
		for i, e := range errs {
			lines[i] = "  " + e.Error()
		}
		what := "nothing was stored"
		if len(docs) > 0 {
			what = "the other pages were stored"
		}
		return badInput("%d of %d URLs could not be fetched (%s):\n%s", len(errs), len(errs)+len(docs), what, strings.Join(lines, "\n"))
	}
	return nil
}

// feedItems reads a feed and returns the links of its items not yet in the workspace (as a
// source or canonical URL); with list it prints every item instead.
func feedItems(ctx context.Context, f *fetch.Fetcher, db *store.DB, feedURL string, list bool, stdout io.Writer) ([]string, error) {
	feed, err := f.Feed(ctx, feedURL)
	if err != nil {
		if errors.Is(err, fetch.ErrCanceled) {
			return nil, &exitError{code: 130, msg: "fetch interrupted; nothing was stored"}
		}
		return nil, badInput("%v", err)
	}
	have := map[string]bool{}
	if db != nil {
		arts, err := db.Articles()
		if err != nil {
			return nil, badInput("%v", err)
		}
		for _, a := range arts {
			have[a.Source], have[a.URL] = true, true
		}
	}
	var links []string
	if list {
		fmt.Fprintf(stdout, "%s — %d items\n", orDefault(feed.Title, feed.URL), len(feed.Items))
	}
	for _, it := range feed.Items {
		if list {
			when := "          "
			if !it.Published.IsZero() {
				when = it.Published.Format("2006-01-02")
			}
			fmt.Fprintf(stdout, "%s  %s\n            %s\n", when, orDefault(it.Title, "(untitled)"), it.Link)
			continue
		}
		if n, err := fetch.NormalizeURL(it.Link); err == nil && !have[n] && !have[it.Link] {
			links = append(links, it.Link)
		}
	}
	return links, nil
}

// describe names a fetched article as a person would: outlet, language, date and title.
func describe(d ingest.Document) string {
	var b strings.Builder
	b.WriteString(d.Source)
	b.WriteString(" — ")
	if d.SourceName != "" {
		b.WriteString(d.SourceName + ", ")
	}
	b.WriteString(d.Lang)
	if d.Published != "" {
		b.WriteString(", " + d.Published)
	}
	fmt.Fprintf(&b, ": %q", d.Title)
	return b.String()
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
