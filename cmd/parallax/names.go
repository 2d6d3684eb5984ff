package main

import (
	"strings"

	"parallax/internal/problem"
)

// quoteName returns a file name or title fit to print on a terminal: unchanged when it is plain
// text, Go-quoted (with \n, \x1b… escaped) when it holds control or bidirectional-override
// characters or invalid UTF-8 — so a newline in a file name cannot fake a "parallax:" line and
// an escape sequence cannot repaint the terminal. It is the rule ingest and fetch errors follow.
func quoteName(s string) string { return problem.Printable(s) }

// quoteList is quoteName of each path, joined with commas.
func quoteList(paths []string) string {
	shown := make([]string, len(paths))
	for i, p := range paths {
		shown[i] = quoteName(p)
	}
	return strings.Join(shown, ", ")
}
