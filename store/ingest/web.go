package ingest

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Web ingests a page downloaded from the web. source is the URL it was fetched from (it
// becomes Document.Source and names the page in errors); data is the body as served (after
// transfer decompression); contentType is the Content-Type header.
//
// The charset is the one the page carries: a byte-order mark, the header's charset, or the
// <meta charset>/http-equiv the first kilobyte declares (golang.org/x/net/html/charset;
// windows-1256, KOI8-R, windows-1251, GB2312/GBK, ISO-8859-1 and the rest of the WHATWG
// list). A page that declares nothing is read as UTF-8 when it is valid UTF-8, otherwise as
// windows-1252 as browsers do. Unlike files, a page that declares UTF-8 yet holds a few bad
// bytes is read with U+FFFD in their place: the page as served is kept beside the article.
//
// text/plain bodies are read as plain text; anything else as HTML.
func Web(source string, data []byte, contentType string) (Document, error) {
	mediaType, _, _ := mime.ParseMediaType(contentType)
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	utf := data
	if name != "utf-8" && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return Document{}, fileErrWrap(source, ErrEncoding, err, "the page says it is in %s but cannot be decoded as such: %v", name, err)
		}
		utf = out
	} else if !utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) && !bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		utf = bytes.ToValidUTF8(data, []byte("\uFFFD"))
	}
	text, err := decodeText(source, utf)
	if err != nil {
		return Document{}, err
	}
	var doc Document
	if mediaType == "text/plain" {
		doc = Document{Format: "txt", Text: text}
	} else if doc, err = fromHTML(source, text); err != nil {
		return Document{}, err
	}
	if strings.TrimSpace(doc.Text) == "" {
		return Document{}, fileErr(source, ErrEmpty, "the page holds no text")
	}
	doc.Source = source
	doc.Raw = data
	complete(&doc)
	return doc, nil
}
