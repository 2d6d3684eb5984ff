package ingest

import (
	"errors"

	"parallax/internal/problem"
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

func (e *FileError) Error() string { return problem.Printable(e.Path) + ": " + e.Err.Error() }

func (e *FileError) Unwrap() error { return e.Err }

// fileErr is a FileError whose Err says what is wrong and what to do and unwraps to cause.
func fileErr(path string, cause error, format string, args ...any) *FileError {
	return &FileError{Path: path, Err: problem.New(cause, format, args...)}
}

// fileErrWrap is fileErr that also unwraps to the underlying error.
func fileErrWrap(path string, cause, under error, format string, args ...any) *FileError {
	return &FileError{Path: path, Err: problem.Wrap(cause, under, format, args...)}
}
