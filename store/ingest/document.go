package ingest

import "time"

// Document is one decoded input file, ready to be stored as an article.
//
// Text is the article body exactly as DESIGN.md says: UTF-8, no BOM, LF line ends, Unicode NFC,
// with front matter and HTML markup removed. Every offset anywhere counts runes of Text.
type Document struct {
	Source        string // the path (or URL) as given by the user
	URL           string // canonical URL from front matter or HTML metadata, "" if none
	SourceName    string // outlet named by front matter "source" or HTML og:site_name, "" if none
	Title         string
	Lang          string // BCP 47 primary language subtag ("ar", "fr", …)
	LangFrom      string // where Lang came from: "front matter", "html", "detected"
	LangScore     float64
	Published     string // ISO 8601 date: YYYY-MM-DD, or YYYY-MM / YYYY when only that is known; "" when unknown
	PublishedFrom string // "front matter", "html meta", "text: <the dateline as written>"
	// PublishedTime is the publication instant (RFC 3339) when the source gives a time of
	// day, "" otherwise: versions of one day are ordered by it (a toll that rose by the hour).
	PublishedTime string
	Format        string // "txt", "md", "html"
	Text          string

	// Modified is the last-modified instant (RFC 3339) or date the page declares (JSON-LD
	// dateModified), "" when it gives none.
	Modified string `json:",omitempty"`
	// FetchedAt is when the page was downloaded; zero for files.
	FetchedAt time.Time `json:",omitzero"`
	// Raw is the page exactly as the server sent it (after transfer decompression), kept so
	// a better extractor can read it again without the network; nil for files.
	Raw []byte `json:"-"`
}
