package store

import (
	"net/url"
	"strings"
	"time"

	"parallax/compare"
)

// Article is one stored article revision's metadata and text.
//
// ID is stable across revisions: it is derived from the article's source (URL, else the path as
// given, else the content hash). Re-importing identical text is a no-op; new text for the same
// source becomes Revision+1 and the previous revision stays readable through Revisions.
type Article struct {
	ID       string `json:"id"`
	Revision int    `json:"revision"`
	Source   string `json:"source"`
	URL      string `json:"url,omitempty"`
	// Outlet is the publication that ran the article (front matter "source", HTML
	// og:site_name), "" when the file does not say.
	Outlet        string `json:"outlet,omitempty"`
	Title         string `json:"title"`
	TitleFrom     string `json:"title_from,omitempty"` // FromAnalyst once the analyst edited it
	Lang          string `json:"lang"`
	LangFrom      string `json:"lang_from,omitempty"`
	Published     string `json:"published,omitempty"` // ISO date (day, month or year precision), "" when unknown
	PublishedFrom string `json:"published_from,omitempty"`
	// PublishedTime is the publication instant (RFC 3339) when the source gave a time of
	// day; "" otherwise.
	PublishedTime string `json:"published_time,omitempty"`
	Format        string `json:"format,omitempty"`
	// AlsoRan lists the other outlets that published this exact text (syndication: a wire
	// story run by several papers), in the order they were imported. The text is stored once.
	AlsoRan    []Syndication `json:"also_ran,omitempty"`
	Text       string        `json:"text"`
	Hash       string        `json:"hash"` // hex SHA-256 of Text
	ImportedAt time.Time     `json:"imported_at"`
	UpdatedAt  time.Time     `json:"updated_at"`

	// Modified is when the page says it was last changed (RFC 3339 or ISO date), "" if unsaid.
	Modified string `json:"modified,omitempty"`
	// FetchedAt is when the page was downloaded from Source (a URL); zero for files. The page
	// as served is kept beside the revision (DB.RawPage).
	FetchedAt time.Time `json:"fetched_at,omitzero"`
}

// Syndication is another publication of an article's exact text.
type Syndication struct {
	Outlet    string    `json:"outlet,omitempty"`
	Source    string    `json:"source"`
	URL       string    `json:"url,omitempty"`
	Published string    `json:"published,omitempty"`
	Imported  time.Time `json:"imported"`
}

// OutletName is the publication that ran the article: its outlet, else its URL's host, else
// "" when the file does not say.
func OutletName(outlet, rawURL string) string {
	if o := strings.TrimSpace(outlet); o != "" {
		return o
	}
	if u, err := url.Parse(rawURL); err == nil {
		return u.Host
	}
	return ""
}

// SameTextNote says which outlets ran the same text as the article ("the same wire text ran
// in A and B"), or "" when no other outlet did.
func (a Article) SameTextNote() string {
	if len(a.AlsoRan) == 0 {
		return ""
	}
	names := []string{OutletName(a.Outlet, a.URL)}
	if names[0] == "" {
		names[0] = a.Source
	}
	for _, s := range a.AlsoRan {
		n := OutletName(s.Outlet, s.URL)
		if n == "" {
			n = s.Source
		}
		names = append(names, n)
	}
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	return "the same wire text ran in " + list
}

// Highlight is an analyst's mark on a span of an article: [Start, End) in runes of the text of
// the article revision it was made on.
type Highlight struct {
	ID       string    `json:"id"`
	Article  string    `json:"article"`
	Revision int       `json:"revision"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Quote    string    `json:"quote"` // the exact text of the span, for re-anchoring
	Tags     []string  `json:"tags"`
	Note     string    `json:"note,omitempty"`
	Author   string    `json:"author,omitempty"`
	Created  time.Time `json:"created"`
	Updated  time.Time `json:"updated"`
}

// Tag is one entry of the workspace's tag set.
type Tag struct {
	Name  string `json:"name"`
	Color string `json:"color"`         // #rrggbb
	Key   string `json:"key,omitempty"` // "1".."9", the shortcut that applies it
}

// Verdict is the analyst's decision on one discrepancy. Discrepancy is the discrepancy's
// stable key (kind plus its member spans), so the verdict survives re-analysis.
type Verdict struct {
	Discrepancy string    `json:"discrepancy"`
	Verdict     string    `json:"verdict"` // "confirmed", "rejected", "unsure"
	Note        string    `json:"note,omitempty"`
	Author      string    `json:"author,omitempty"`
	Updated     time.Time `json:"updated"`
}

// LearnedAlias is an alias the analyst confirmed ("this spelling is that person").
type LearnedAlias struct {
	compare.Alias
	Author  string    `json:"author,omitempty"`
	Created time.Time `json:"created"`
}

// ManualLink is an alignment the analyst made ("same claim") or a machine alignment the analyst
// broke (Unlink true).
type ManualLink struct {
	ID      string           `json:"id"`
	Members []compare.Member `json:"members"`
	Unlink  bool             `json:"unlink,omitempty"`
	Author  string           `json:"author,omitempty"`
	Created time.Time        `json:"created"`
}

// StoryOverride moves an article into a story of its own (or into a named story), overriding
// automatic clustering.
type StoryOverride struct {
	Article string    `json:"article"`
	Story   string    `json:"story"` // "" = its own story
	Author  string    `json:"author,omitempty"`
	Created time.Time `json:"created"`
}
