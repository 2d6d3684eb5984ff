package fetch

import (
	"errors"

	"parallax/internal/problem"
)

// Sentinel causes. Every error this package returns for a URL is an *Error whose chain holds
// one of them, so callers can route with errors.Is and show Error's message as it is.
var (
	// ErrBadURL: not an http or https URL.
	ErrBadURL = errors.New("not a web address")
	// ErrNetwork: no connection (offline, DNS failure, connection refused or reset, TLS).
	ErrNetwork = errors.New("network failure")
	// ErrTimeout: the server did not answer (or finish sending) within the time limit.
	ErrTimeout = errors.New("timed out")
	// ErrStatus: the server answered with an error status (403, 404, 429, 5xx…).
	ErrStatus = errors.New("error status from the server")
	// ErrRedirects: more redirects than the limit, or a redirect to a non-web address.
	ErrRedirects = errors.New("too many redirects")
	// ErrTooLarge: the page is over the size limit.
	ErrTooLarge = errors.New("page too large")
	// ErrNotPage: the URL serves a PDF, an image or other non-page content.
	ErrNotPage = errors.New("not a web page")
	// ErrNoArticle: the page has no article text (a cookie or subscription wall, a page built
	// by scripts, an empty page).
	ErrNoArticle = errors.New("no article text")
	// ErrNotFeed: the URL does not serve an RSS or Atom feed.
	ErrNotFeed = errors.New("not a news feed")
	// ErrCanceled: the batch was cancelled before this URL was fetched.
	ErrCanceled = errors.New("cancelled")
)

// Error reports why one URL could not be fetched.
type Error struct {
	URL string // as given
	Err error  // a user-facing explanation wrapping one of the sentinels above
}

func (e *Error) Error() string { return problem.Printable(e.URL) + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// urlErr is an Error whose Err says what happened and what to do and unwraps to cause.
func urlErr(url string, cause error, format string, args ...any) *Error {
	return &Error{URL: url, Err: problem.New(cause, format, args...)}
}

// urlErrWrap is urlErr that also unwraps to the underlying error.
func urlErrWrap(url string, cause, under error, format string, args ...any) *Error {
	return &Error{URL: url, Err: problem.Wrap(cause, under, format, args...)}
}
