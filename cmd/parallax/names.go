package main

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// quoteName returns a file name or title fit to print on a terminal: unchanged when it is plain
// text, Go-quoted (with \n, \x1b… escaped) when it holds control or bidirectional-override
// characters or invalid UTF-8 — so a newline in a file name cannot fake a "parallax:" line and
// an escape sequence cannot repaint the terminal.
func quoteName(s string) string {
	if !utf8.ValidString(s) {
		return strconv.Quote(s)
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			return strconv.Quote(s)
		}
	}
	return s
}
