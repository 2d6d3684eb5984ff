package ingest

import (
	"bytes"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/language"
)

// htmlMeta is what the page says about itself, read before readability cleans the tree.
type htmlMeta struct {
	lang      string // <html lang>, primary subtag
	url       string // <link rel=canonical>, else og:url
	published string // ISO date from article/og published-time meta or <time datetime>
	siteName  string // og:site_name
}

// publishedKeys are meta names/properties/itemprops that carry the publication time, in
// the order of trust (readability already reads JSON-LD datePublished and
// article:published_time; these catch the og: variants and the common plain names).
var publishedKeys = []string{
	"article:published_time", "og:published_time", "og:article:published_time",
	"datepublished", "pubdate", "publishdate", "publish-date", "date", "dc.date.issued",
	"dc.date", "dcterms.issued", "sailthru.date", "parsely-pub-date",
}

// decodeHTML decodes a page: UTF-8/UTF-16 as for text files, or, when the bytes are not
// UTF-8 and the page declares its charset (<meta charset>, http-equiv), that legacy
// encoding — old Arabic and Russian news pages are often windows-1256 or windows-1251.
func decodeHTML(path string, data []byte) (string, error) {
	if len(data) > 0 && !utf8.Valid(data) && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff}) && bytes.IndexByte(data, 0) < 0 {
		// DetermineEncoding falls back to windows-1252 when the page declares nothing; only a
		// declared charset is trusted, otherwise the bytes are reported as invalid UTF-8.
		head := data[:min(len(data), 1024)]
		if enc, name, _ := charset.DetermineEncoding(data, "text/html"); name != "utf-8" && bytes.Contains(bytes.ToLower(head), []byte("charset")) {
			out, err := enc.NewDecoder().Bytes(data)
			if err == nil {
				return decodeText(path, out)
			}
		}
	}
	return decodeText(path, data)
}

// fromHTML extracts the main text and metadata of a decoded page with readability.
func fromHTML(path, src string) (Document, error) {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return Document{}, fileErrWrap(path, ErrNoText, err, "cannot parse the HTML: %v", err)
	}
	meta := scanHTMLMeta(root)
	doc := Document{Format: "html", URL: meta.url, SourceName: meta.siteName}
	art, err := readability.FromDocument(root, nil)
	var text string
	if err == nil && art.Node != nil {
		text = paragraphs(render.InnerText(art.Node))
		doc.Title = strings.TrimSpace(art.Title())
		if t, err := art.PublishedTime(); err == nil {
			doc.Published, doc.PublishedFrom = t.Format("2006-01-02"), "html meta"
			if t.Hour() != 0 || t.Minute() != 0 {
				doc.PublishedTime = t.Format(time.RFC3339)
			}
		}
	}
	if strings.TrimSpace(text) == "" {
		// Readability gives up on pages with little text (a short news brief); the visible
		// text of <body>, rendered by the same library, is then the article.
		if body := findElement(root, "body"); body != nil {
			text = paragraphs(render.InnerText(body))
		}
	}
	if strings.TrimSpace(text) == "" {
		return Document{}, fileErr(path, ErrNoText, "no readable text found in the page (only scripts, styles or empty markup); if it is a page that builds itself in the browser, save it after it has loaded (\"Save Page As…, complete\") or paste its text into a .txt file")
	}
	doc.Text = normalize(text)
	if doc.Published == "" && meta.published != "" {
		doc.Published, doc.PublishedFrom = meta.published, "html meta"
	}
	if meta.lang != "" {
		doc.Lang, doc.LangFrom = meta.lang, "html"
	}
	return doc, nil
}

// paragraphs turns rendered text into paragraphs separated by one blank line: every line
// break of the rendering (a <p>, <div>, <li>, <br>) ends a paragraph, white space at the
// ends of lines goes, and runs of empty lines collapse.
func paragraphs(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(l)
	}
	return b.String()
}

func scanHTMLMeta(root *html.Node) htmlMeta {
	var m htmlMeta
	var ogURL string
	pub := map[string]string{}
	var timeDatetime string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "html":
				if l := attr(n, "lang"); l != "" {
					m.lang = primaryLang(l)
				} else if l := attr(n, "xml:lang"); l != "" {
					m.lang = primaryLang(l)
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
					m.url = strings.TrimSpace(attr(n, "href"))
				}
			case "meta":
				content := strings.TrimSpace(attr(n, "content"))
				for _, k := range []string{attr(n, "property"), attr(n, "name"), attr(n, "itemprop")} {
					k = strings.ToLower(strings.TrimSpace(k))
					switch {
					case k == "":
					case k == "og:url" && ogURL == "":
						ogURL = content
					case k == "og:site_name" && m.siteName == "":
						m.siteName = content
					default:
						if _, seen := pub[k]; !seen && content != "" {
							pub[k] = content
						}
					}
				}
			case "time":
				if timeDatetime == "" && (strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate")) {
					timeDatetime = attr(n, "datetime")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if m.url == "" {
		m.url = ogURL
	}
	for _, k := range publishedKeys {
		if d, ok := isoDate(strings.TrimSpace(pub[k])); ok {
			m.published = d
			break
		}
	}
	if m.published == "" {
		if d, ok := isoDate(strings.TrimSpace(timeDatetime)); ok {
			m.published = d
		}
	}
	return m
}

func primaryLang(tag string) string {
	t, err := language.Parse(strings.TrimSpace(tag))
	if err != nil {
		return ""
	}
	base, conf := t.Base()
	if conf == language.No || base.String() == "und" {
		return ""
	}
	return strings.ToLower(base.String())
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func findElement(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, tag); f != nil {
			return f
		}
	}
	return nil
}
