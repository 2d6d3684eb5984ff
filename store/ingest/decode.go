package ingest

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// signature is the start of a well-known non-text file format.
type signature struct {
	magic string
	what  string
}

// signatures name the binary formats people most often drop by mistake, so the message can
// say what the file is rather than only that it is not text.
var signatures = []signature{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"%PDF-", "a PDF document"},
	{"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.epub document, which are ZIP archives)"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"},
	{"\x1f\x8b", "a gzip-compressed file"},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
	{"\x7fELF", "an executable program"},
	{"SQLite format 3\x00", "an SQLite database"},
}

// decodeText turns a file's bytes into the article text DESIGN.md prescribes: UTF-8 without
// BOM, LF line ends, Unicode NFC. It accepts UTF-8 (with or without BOM) and UTF-16 with a
// BOM; anything else is an error, never a silent replacement of bad bytes.
func decodeText(path string, data []byte) (string, error) {
	if len(data) == 0 {
		return "", fileErr(path, ErrEmpty, "the file is empty; add the article's text or leave the file out")
	}
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xfe, 0xff}):
		return "", fileErr(path, ErrEncoding, "the file is encoded as UTF-32, which Parallax does not read; save it as UTF-8 and import it again")
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}), bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		s, err := decodeUTF16(path, data)
		if err != nil {
			return "", err
		}
		text = s
	default:
		data = bytes.TrimPrefix(data, []byte{0xef, 0xbb, 0xbf})
		for _, sig := range signatures {
			if bytes.HasPrefix(data, []byte(sig.magic)) {
				return "", fileErr(path, ErrBinary, "this is %s, not text; Parallax reads articles as .txt, .md or .html — save the article's text in one of those", sig.what)
			}
		}
		if bytes.IndexByte(data, 0) >= 0 {
			if looksUTF16NoBOM(data) {
				return "", fileErr(path, ErrEncoding, "the file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with BOM) and import it again")
			}
			return "", fileErr(path, ErrBinary, "the file contains NUL bytes, so it is binary data, not text; Parallax reads articles as .txt, .md or .html")
		}
		if !utf8.Valid(data) {
			return "", invalidUTF8(path, data)
		}
		text = string(data)
	}
	if n := controlChars(text); n > 0 && (n > 8 || n*100 > utf8.RuneCountInString(text)) {
		return "", fileErr(path, ErrBinary, "the file holds %d control characters, so it is binary data or a terminal log, not article text", n)
	}
	return normalize(text), nil
}

// normalize makes line ends LF (CRLF and lone CR alike) and the text NFC.
func normalize(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return norm.NFC.String(s)
}

// decodeUTF16 decodes UTF-16 with a byte-order mark. Broken surrogate pairs are reported
// rather than replaced, like invalid UTF-8.
func decodeUTF16(path string, data []byte) (string, error) {
	if len(data)%2 != 0 {
		return "", fileErr(path, ErrEncoding, "the file starts with a UTF-16 byte-order mark but has an odd number of bytes, so it is cut short or not UTF-16; save it again as UTF-8")
	}
	big := data[0] == 0xfe
	units := len(data)/2 - 1
	for i := 0; i < units; i++ {
		u := unit16(data, 2+2*i, big)
		switch {
		case utf16.IsSurrogate(rune(u)) && u < 0xdc00: // high surrogate: a low one must follow
			if i+1 >= units || !isLowSurrogate(unit16(data, 2+2*(i+1), big)) {
				return "", fileErr(path, ErrEncoding, "broken UTF-16: unpaired surrogate at character %d; the file is damaged — save it again as UTF-8", i+1)
			}
			i++
		case isLowSurrogate(u):
			return "", fileErr(path, ErrEncoding, "broken UTF-16: unpaired surrogate at character %d; the file is damaged — save it again as UTF-8", i+1)
		}
	}
	endian := xunicode.LittleEndian
	if big {
		endian = xunicode.BigEndian
	}
	out, err := xunicode.UTF16(endian, xunicode.ExpectBOM).NewDecoder().Bytes(data)
	if err != nil {
		return "", fileErrWrap(path, ErrEncoding, err, "cannot decode UTF-16: %v; save the file as UTF-8", err)
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return "", fileErr(path, ErrBinary, "the file contains NUL characters, so it is binary data, not text")
	}
	return string(out), nil
}

func unit16(b []byte, i int, big bool) uint16 {
	if big {
		return uint16(b[i])<<8 | uint16(b[i+1])
	}
	return uint16(b[i+1])<<8 | uint16(b[i])
}

func isLowSurrogate(u uint16) bool { return u >= 0xdc00 && u <= 0xdfff }

// looksUTF16NoBOM: UTF-16 text in a Latin script has a NUL in every other byte.
func looksUTF16NoBOM(data []byte) bool {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	return (odd*10 >= pairs*7 && even*10 < pairs) || (even*10 >= pairs*7 && odd*10 < pairs)
}

// invalidUTF8 locates the first bad byte (line and column, counted in characters) so the
// user can find it, and suggests the usual cause: a legacy 8-bit encoding.
func invalidUTF8(path string, data []byte) error {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	line := bytes.Count(data[:i], []byte{'\n'}) + 1
	lineStart := bytes.LastIndexByte(data[:i], '\n') + 1
	col := utf8.RuneCount(data[lineStart:i]) + 1
	return fileErr(path, ErrEncoding,
		"not valid UTF-8 (byte 0x%02X at line %d, column %d); the file is probably in a legacy encoding such as Windows-1252, Windows-1256 or Windows-1251 — save it as UTF-8 and import it again",
		data[i], line, col)
}

// controlChars counts C0/C1 control characters other than the white space a text may
// legitimately hold (tab, line feed, carriage return, form feed, vertical tab).
func controlChars(s string) int {
	n := 0
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			n++
		}
	}
	return n
}
