package fetch

import (
	"bytes"
	"context"
	"errors"
	"mime"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

const acceptFeed = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"

// Feed is an RSS or Atom feed's title and items, in the feed's order.
type Feed struct {
	URL   string // as normalized
	Title string
	Items []Item
}

// Item is one entry of a feed: what to show before choosing, and the link to fetch.
type Item struct {
	Title     string
	Link      string    // absolute
	Published time.Time // zero when the feed gives none
}

// Feed downloads and parses an RSS or Atom feed (github.com/mmcdole/gofeed). Items without a
// link are left out: there is no article to fetch for them. A web page given instead of a
// feed is ErrNotFeed, whose message names the feeds the page advertises, if any.
func (f *Fetcher) Feed(ctx context.Context, rawURL string) (Feed, error) {
	target, err := NormalizeURL(rawURL)
	if err != nil {
		return Feed{}, err
	}
	resp, err := f.get(ctx, rawURL, target, acceptFeed)
	if err != nil {
		return Feed{}, err
	}
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(resp.body))
	if err != nil {
		if alts := feedLinks(resp.final, resp.body, resp.contentType); len(alts) > 0 {
			return Feed{}, urlErrWrap(rawURL, ErrNotFeed, err, "this is a web page, not a feed; the page names its feed(s): %s — add one of those", strings.Join(alts, ", "))
		}
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return Feed{}, urlErrWrap(rawURL, ErrNotFeed, err, "this address serves no RSS or Atom feed; look on the site for a link named RSS, Atom or Feed")
		}
		return Feed{}, urlErrWrap(rawURL, ErrNotFeed, err, "the feed is broken and cannot be read (%v); try again later or tell the site", err)
	}
	out := Feed{URL: target, Title: strings.TrimSpace(parsed.Title)}
	for _, it := range parsed.Items {
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" {
			continue
		}
		u, err := resp.final.Parse(link)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		item := Item{Title: strings.TrimSpace(html.UnescapeString(it.Title)), Link: u.String()}
		switch {
		case it.PublishedParsed != nil:
			item.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			item.Published = *it.UpdatedParsed
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// feedLinks lists the feeds a web page advertises (<link rel=alternate type=…rss/atom…>).
func feedLinks(base *url.URL, body []byte, contentType string) []string {
	if mt, _, _ := mime.ParseMediaType(contentType); mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return nil
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil
	}
	var out []string
	z := html.NewTokenizer(r)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if string(name) != "link" || !hasAttr {
			continue
		}
		var rel, typ, href string
		for {
			k, v, more := z.TagAttr()
			switch string(k) {
			case "rel":
				rel = strings.ToLower(string(v))
			case "type":
				typ = strings.ToLower(string(v))
			case "href":
				href = string(v)
			}
			if !more {
				break
			}
		}
		if strings.Contains(rel, "alternate") && (strings.Contains(typ, "rss") || strings.Contains(typ, "atom")) && href != "" {
			if u, err := base.Parse(href); err == nil {
				out = append(out, u.String())
			}
		}
	}
}
