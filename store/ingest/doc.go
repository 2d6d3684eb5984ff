// Package ingest turns input files into Documents: decoded, normalised article text with
// its metadata.
//
// Formats, chosen by extension: .txt/.text and .md/.markdown (optional YAML front matter
// with title, url, source, published, lang), .html/.htm (main text and metadata through
// codeberg.org/readeck/go-readability). A .json file is an exported Parallax set, reported
// with ErrParallaxSet for the caller to import as a set.
//
// Decoding follows DESIGN.md: UTF-8 with or without BOM, UTF-16 with BOM, CRLF and lone CR
// to LF, Unicode NFC. Invalid UTF-8 is an error that names the line and column of the first
// bad byte, never silently replaced. HTML pages that are not UTF-8 are decoded from their
// declared charset.
//
// What metadata does not give is found in the text: the language with compare/langid
// (front matter lang wins, then the HTML lang attribute, then detection), the title with
// the rule documented in title.go, the publication date with compare.FindDateline
// (PublishedFrom "text: " plus the dateline as written).
//
// Every error is a *FileError naming the file; its message says what is wrong and what to
// do, and errors.Is finds one of the sentinel causes (ErrBinary, ErrEncoding, ErrEmpty,
// ErrTooLarge, ErrNoText, ErrUnsupported, ErrParallaxSet, ErrFrontMatter, ErrUnreadable).
package ingest
