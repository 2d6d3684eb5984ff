package ingest

import (
	"errors"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Sentinel causes. Every error returned by this package is a *FileError whose chain holds
// exactly one of these, so callers can route with errors.Is and show FileError's message.
var (
	// ErrBinary: the file is not text (NUL bytes, control characters, or the signature of
	// an image, archive, PDF, office document, executable).
	ErrBinary = errors.New("not a text file")
	// ErrEncoding: the bytes are not valid UTF-8, or UTF-16 with a byte-order mark.
	ErrEncoding = errors.New("unsupported or broken text encoding")
	// ErrEmpty: nothing but white space (after front matter, if any).
	ErrEmpty = errors.New("no text")
	// ErrTooLarge: the file exceeds Options.MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrNoText: an HTML page in which no readable text was found.
	ErrNoText = errors.New("no readable text in the page")
	// ErrUnsupported: a file type Parallax does not read.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrParallaxSet: a .json file, which can only be an exported Parallax set; it is not
	// ingested as an article but imported as a set by the caller.
	ErrParallaxSet = errors.New("a Parallax JSON set, not an article")
	// ErrFrontMatter: the YAML front matter of a .txt/.md file is malformed or has a bad value.
	ErrFrontMatter = errors.New("bad front matter")
	// ErrUnreadable: the file or directory could not be opened or read (permissions, I/O).
	ErrUnreadable = errors.New("cannot read")
)

// FileError reports why one input file could not be ingested.
type FileError struct {
	Path string // the path as given (or the name given to Bytes)
	Err  error  // wraps one of the sentinel causes above
}

func (e *FileError) Error() string { return printable(e.Path) + ": " + e.Err.Error() }

// printable returns a path fit to print on a terminal: as it is when plain, Go-quoted when it
// holds control or bidirectional-override characters or invalid UTF-8 (a newline in a file
// name must not be able to fake a line of output).
func printable(s string) string {
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

func (e *FileError) Unwrap() error { return e.Err }

// problem is a FileError's Err: a user-facing explanation (what is wrong and what to do)
// that unwraps to its sentinel cause and, when there is one, to the underlying error.
type problem struct {
	cause error
	under error
	msg   string
}

func (p *problem) Error() string { return p.msg }

func (p *problem) Unwrap() []error {
	if p.under != nil {
		return []error{p.cause, p.under}
	}
	return []error{p.cause}
}

func fileErr(path string, cause error, format string, args ...any) *FileError {
	return &FileError{Path: path, Err: &problem{cause: cause, msg: fmt.Sprintf(format, args...)}}
}

func fileErrWrap(path string, cause, under error, format string, args ...any) *FileError {
	return &FileError{Path: path, Err: &problem{cause: cause, under: under, msg: fmt.Sprintf(format, args...)}}
}
