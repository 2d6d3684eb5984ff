package fetch

import (
	"bytes"
	"context"
	"errors"
	"mime"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"parallax/store/ingest"
)

const acceptPage = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1"

// Page downloads one article page and reads it. The document's Source is the URL as
// normalized (NormalizeURL); URL is the page's canonical URL (<link rel=canonical>, else
// og:url, else the address the redirects ended at), which identifies the article in the
// workspace, so fetching it again with changed text gives a new revision; Outlet, title,
// publication and modification times come from JSON-LD NewsArticle, Open Graph and the
// page's other metadata; Raw is the page as served.
func (f *Fetcher) Page(ctx context.Context, rawURL string) (ingest.Document, error) {
	target, err := NormalizeURL(rawURL)
	if err != nil {
		return ingest.Document{}, err
	}
	resp, err := f.get(ctx, rawURL, target, acceptPage)
	if err != nil {
		return ingest.Document{}, err
	}
	if isFeed(resp.body, resp.contentType) {
		return ingest.Document{}, urlErr(rawURL, ErrNotPage, "this address is a news feed (RSS or Atom), not an article; add it as a feed (parallax fetch --feed, or File → Add news feed) to choose among its articles")
	}
	fetched := f.opts.Now().UTC()
	ld := readJSONLD(resp.body, resp.contentType)
	doc, err := ingest.Web(target, resp.body, resp.contentType)
	if err != nil {
		return ingest.Document{}, ingestError(rawURL, resp.body, resp.contentType, err)
	}
	if wall := wallText(doc.Text, ld); wall {
		return ingest.Document{}, urlErr(rawURL, ErrNoArticle, "the page shows a cookie-consent, login or subscription wall instead of the article (%d characters of text); open it in a browser, get past the wall, save the page and import the saved file", utf8.RuneCountInString(doc.Text))
	}
	doc.URL = canonical(resp.final, doc.URL)
	doc.FetchedAt = fetched
	ld.apply(&doc)
	return doc, nil
}

// canonical resolves the page's canonical link against the address it was served from; a
// missing or unusable one gives that address. A canonical link to the site's home page from
// an article (a template bug some sites have) is ignored: taken at its word it would make
// every article of the site a revision of one.
func canonical(final *url.URL, link string) string {
	if link != "" {
		if u, err := final.Parse(strings.TrimSpace(link)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
			!(strings.Trim(u.Path, "/") == "" && u.RawQuery == "" && strings.Trim(final.Path, "/") != "") {
			u.Fragment, u.RawFragment = "", ""
			return u.String()
		}
	}
	u := *final
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// ingestError turns a reading failure into an *Error: binary content is not a page; a page
// without text is no article (a wall, when it says so).
func ingestError(given string, body []byte, contentType string, err error) error {
	msg := err.Error()
	var fe *ingest.FileError
	if errors.As(err, &fe) {
		msg = fe.Err.Error()
	}
	switch {
	case errors.Is(err, ingest.ErrBinary):
		return urlErrWrap(given, ErrNotPage, err, "this address serves a file, not a web page: %s", msg)
	case errors.Is(err, ingest.ErrNoText), errors.Is(err, ingest.ErrEmpty):
		if hasWallWords(strings.ToLower(string(body))) {
			return urlErrWrap(given, ErrNoArticle, err, "the page shows a cookie-consent, login or subscription wall and no article; open it in a browser, get past the wall, save the page and import the saved file")
		}
		return urlErrWrap(given, ErrNoArticle, err, "the page has no article text (it may build itself with scripts, which Parallax does not run); open it in a browser, save the page once it has loaded and import the saved file")
	}
	return urlErrWrap(given, ErrNoArticle, err, "cannot read the page: %s", msg)
}

// wallMaxRunes: a page whose whole readable text is this short and talks of cookies, consent or
// subscriptions is a wall, not a brief (wire briefs run 400+ characters).
const wallMaxRunes = 600

// wallWords are what cookie, consent, login and subscription walls say, in the eight languages.
var wallWords = []string{
	"cookie", "consent", "subscribe", "subscription", "sign in to continue", "log in to continue",
	"abonnez", "abonnement", "connectez-vous", "accepter et continuer", "tout accepter",
	"suscríbete", "suscripción", "aceptar", "akzeptieren", "abonnieren",
	"подпишитесь", "подписк", "принять", "اشترك", "الاشتراك", "ملفات تعريف الارتباط",
	"订阅", "登录", "接受", "đăng ký", "chấp nhận",
}

func hasWallWords(lower string) bool {
	for _, w := range wallWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// wallText says whether the text read from a page is a wall rather than an article.
func wallText(text string, ld jsonLD) bool {
	n := utf8.RuneCountInString(text)
	if ld.paywalled && n < 2*wallMaxRunes {
		return true
	}
	return n < wallMaxRunes && hasWallWords(strings.ToLower(text))
}

// readJSONLD decodes the body (its charset as ingest reads it) and reads the JSON-LD blocks.
func readJSONLD(body []byte, contentType string) jsonLD {
	if !bytes.Contains(body, []byte("ld+json")) {
		return jsonLD{}
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return jsonLD{}
	}
	var blocks []string
	z := html.NewTokenizer(r)
	inLD := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return parseJSONLD(blocks)
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			inLD = false
			if string(name) == "script" && hasAttr {
				for {
					k, v, more := z.TagAttr()
					if string(k) == "type" && strings.EqualFold(strings.TrimSpace(string(v)), "application/ld+json") {
						inLD = true
					}
					if !more {
						break
					}
				}
			}
		case html.TextToken:
			if inLD {
				blocks = append(blocks, string(z.Text()))
			}
		case html.EndTagToken:
			inLD = false
		}
	}
}

// isFeed tells an RSS or Atom feed from a page: by its media type, or by its root element
// when it is served as generic XML.
func isFeed(body []byte, contentType string) bool {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml":
		return true
	case "text/html", "application/xhtml+xml", "text/plain":
		return false
	}
	head := bytes.ToLower(body[:min(len(body), 1024)])
	return bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf:rdf"))
}
