package compare

// Dateline is a publication timestamp found near the top of an article's text
// (e.g. "20 تموز 2021 14:49" under a headline).
type Dateline struct {
	Date  string // ISO 8601 YYYY-MM-DD
	Start int    // rune offsets of the dateline's date in the text
	End   int
	Text  string
}

// FindDateline looks for the article's own timestamp or dateline in the first lines of text.
// lang is a hint ("" when unknown).
//
// TODO(dates engineer): replace this placeholder with the real search built on the date
// extractor; callers (ingest) already depend on this signature.
func FindDateline(text, lang string) (Dateline, bool) {
	return Dateline{}, false
}
