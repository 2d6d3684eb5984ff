// Package problem is the user-facing error of store/ingest (a file) and store/fetch (a web
// address): a message that says what went wrong and what to do, which unwraps to the
// package's sentinel cause, for errors.Is, and to the underlying error when there is one.
package problem

import (
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Error is a message with its sentinel cause and, when there is one, the underlying error.
type Error struct {
	Cause, Under error
	Msg          string
}

func (p *Error) Error() string { return p.Msg }

// Unwrap gives errors.Is and errors.As both the cause and the underlying error.
func (p *Error) Unwrap() []error {
	if p.Under != nil {
		return []error{p.Cause, p.Under}
	}
	return []error{p.Cause}
}

// New is a problem with cause and a message made from format and args.
func New(cause error, format string, args ...any) *Error {
	return &Error{Cause: cause, Msg: fmt.Sprintf(format, args...)}
}

// Wrap is New that also unwraps to under.
func Wrap(cause, under error, format string, args ...any) *Error {
	return &Error{Cause: cause, Under: under, Msg: fmt.Sprintf(format, args...)}
}

// Printable returns a name (a path, an address) fit to print on a terminal: as it is when
// plain, Go-quoted when it holds control or bidirectional-override characters or invalid
// UTF-8 (a newline in a file name must not be able to fake a line of output).
func Printable(s string) string {
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
