package fetch

import (
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/andybalholm/brotli"
)

// Defaults for the zero Options.
const (
	// DefaultTimeout bounds one page, from the request to the last byte: a news page arrives
	// in a second or two; thirty leave room for a slow connection, not for a stuck server.
	DefaultTimeout = 30 * time.Second
	// DefaultMaxBytes bounds one page after decompression. The heaviest news pages (inline
	// scripts, styles and images as data URLs) are 2–4 MiB; 10 MiB refuses a video or a dump
	// before it fills memory.
	DefaultMaxBytes int64 = 10 << 20
	// DefaultMaxRedirects is how many redirects one fetch follows (tracking links,
	// http→https, AMP and mobile hosts rarely chain more than three).
	DefaultMaxRedirects = 10
	// DefaultHostInterval is the pause between two requests to one host, so a batch of one
	// outlet's articles does not look like an attack.
	DefaultHostInterval = time.Second
	// DefaultWorkers is how many pages of a batch are fetched at once (from different hosts;
	// requests to one host still wait their turn).
	DefaultWorkers = 4
)

// Options tune a Fetcher. The zero value uses the defaults above.
type Options struct {
	// UserAgent names the program to servers; "" gives "Parallax (news comparison
	// workbench)". Callers pass the version: "Parallax/0.1.0 (…)".
	UserAgent    string
	Timeout      time.Duration
	MaxBytes     int64
	MaxRedirects int
	// HostInterval is the pause between requests to one host; negative means none (tests).
	HostInterval time.Duration
	Workers      int
	// Transport replaces the network (tests); nil uses a clone of http.DefaultTransport.
	Transport http.RoundTripper
	// Now stamps Document.FetchedAt; nil is time.Now.
	Now func() time.Time
}

// DefaultUserAgent is sent when Options.UserAgent is "".
const DefaultUserAgent = "Parallax (news comparison workbench)"

// Fetcher downloads pages and feeds. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client

	mu   sync.Mutex
	next map[string]time.Time // host → earliest time of its next request
}

// New returns a Fetcher with the given options.
func New(opts Options) *Fetcher {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	}
	if opts.HostInterval == 0 {
		opts.HostInterval = DefaultHostInterval
	}
	if opts.Workers <= 0 {
		opts.Workers = DefaultWorkers
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	tr := opts.Transport
	if tr == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.DisableCompression = true // Accept-Encoding is set and decoded here (gzip and br)
		tr = t
	}
	f := &Fetcher{opts: opts, next: map[string]time.Time{}}
	f.client = &http.Client{
		Transport: tr,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > f.opts.MaxRedirects {
				return errTooManyRedirects
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return errBadRedirect
			}
			return nil
		},
	}
	return f
}

var (
	errTooManyRedirects = errors.New("too many redirects")
	errBadRedirect      = errors.New("redirect to a non-web address")
)

// NormalizeURL checks that s is a web address and completes it the way a browser's address
// bar does: surrounding space is dropped, a missing scheme becomes https, the #fragment goes
// (it names a place in the page, not another page).
func NormalizeURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", urlErr(s, ErrBadURL, "an empty address")
	}
	u, err := url.Parse(s)
	if err == nil && u.Scheme == "" && u.Host == "" && strings.Contains(strings.SplitN(u.Path, "/", 2)[0], ".") {
		u, err = url.Parse("https://" + s)
	}
	if err != nil {
		return "", urlErrWrap(s, ErrBadURL, err, "not a valid web address (%v)", err)
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", urlErr(s, ErrBadURL, "not a web address: Parallax fetches http:// and https:// pages; save other documents as files and import them")
	}
	if u.Hostname() == "" {
		return "", urlErr(s, ErrBadURL, "the address names no site (nothing between // and the next /)")
	}
	u.Scheme = scheme
	u.Fragment, u.RawFragment = "", ""
	return u.String(), nil
}

// response is a successful download.
type response struct {
	body        []byte
	contentType string
	final       *url.URL // after redirects
}

// waitHost sleeps until host may be asked again, then claims the moment: the next request
// to host waits HostInterval from now. Workers that wait for one host take turns.
func (f *Fetcher) waitHost(ctx context.Context, host string) error {
	if f.opts.HostInterval < 0 {
		return ctx.Err()
	}
	for {
		f.mu.Lock()
		now := time.Now()
		at := f.next[host]
		if !now.Before(at) {
			f.next[host] = now.Add(f.opts.HostInterval)
			f.mu.Unlock()
			return ctx.Err()
		}
		f.mu.Unlock()
		t := time.NewTimer(at.Sub(now))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// get downloads target (a normalized URL) and checks status, type and size. given is the
// URL as the user wrote it, for messages; accept is the Accept header.
func (f *Fetcher) get(ctx context.Context, given, target, accept string) (*response, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, urlErrWrap(given, ErrBadURL, err, "not a valid web address (%v)", err)
	}
	if err := f.waitHost(ctx, u.Host); err != nil {
		return nil, urlErrWrap(given, ErrCanceled, err, "cancelled before it was fetched")
	}
	cctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(cctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, urlErrWrap(given, ErrBadURL, err, "not a valid web address (%v)", err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", accept)
	req.Header.Set("Accept-Encoding", "gzip, br")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.transportError(ctx, given, u.Hostname(), err)
	}
	defer resp.Body.Close()
	if err := statusError(given, resp); err != nil {
		return nil, err
	}
	ct := resp.Header.Get("Content-Type")
	if err := typeError(given, ct); err != nil {
		return nil, err
	}
	if resp.ContentLength > f.opts.MaxBytes && resp.Header.Get("Content-Encoding") == "" {
		return nil, f.tooLarge(given, resp.ContentLength)
	}
	var body io.Reader = resp.Body
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, f.readError(ctx, given, err)
		}
		body = zr
	case "br":
		body = brotli.NewReader(resp.Body)
	default:
		return nil, urlErr(given, ErrNetwork, "the server sent the page compressed as %q, which Parallax cannot read; try again later or save the page from a browser and import the file", enc)
	}
	data, err := io.ReadAll(io.LimitReader(body, f.opts.MaxBytes+1))
	if err != nil {
		return nil, f.readError(ctx, given, err)
	}
	if int64(len(data)) > f.opts.MaxBytes {
		return nil, f.tooLarge(given, -1)
	}
	return &response{body: data, contentType: ct, final: resp.Request.URL}, nil
}

func (f *Fetcher) tooLarge(given string, n int64) error {
	size := "more than " + mib(f.opts.MaxBytes)
	if n > 0 {
		size = mib(n)
	}
	return urlErr(given, ErrTooLarge, "the page is %s, over the %s limit for one article; it is probably a video, an archive or a data file, not an article", size, mib(f.opts.MaxBytes))
}

func mib(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// transportError words a failed request: cancelled, timed out, DNS, refused, TLS, redirects.
func (f *Fetcher) transportError(ctx context.Context, given, host string, err error) error {
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var hostErr x509.HostnameError
	switch {
	case ctx.Err() != nil:
		return urlErrWrap(given, ErrCanceled, err, "cancelled while it was being fetched")
	case errors.Is(err, errTooManyRedirects):
		return urlErrWrap(given, ErrRedirects, err, "the site redirected more than %d times (a redirect loop, often a cookie or login check); open it in a browser, save the page and import the file", f.opts.MaxRedirects)
	case errors.Is(err, errBadRedirect):
		return urlErrWrap(given, ErrRedirects, err, "the site redirected to an address that is not a web page (%v)", err)
	case isTimeout(err):
		return urlErrWrap(given, ErrTimeout, err, "the server %s did not answer within %s; it may be down or very slow — try again later", host, f.opts.Timeout)
	case errors.As(err, &dnsErr):
		return urlErrWrap(given, ErrNetwork, err, "cannot find the site %s (the name lookup failed); check the address, and whether this computer is online", host)
	case errors.Is(err, syscall.ECONNREFUSED):
		return urlErrWrap(given, ErrNetwork, err, "the server %s refused the connection; the site may be down — try again later", host)
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &hostErr):
		return urlErrWrap(given, ErrNetwork, err, "the secure connection to %s failed (its certificate is not valid: %v); Parallax does not fetch from sites it cannot verify", host, err)
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return urlErrWrap(given, ErrNetwork, err, "cannot reach %s: this computer seems to be offline; connect to the network and try again", host)
	}
	return urlErrWrap(given, ErrNetwork, err, "cannot fetch the page from %s (%v); check whether this computer is online and try again", host, unwrapURLError(err))
}

// readError words a failure while the body arrives.
func (f *Fetcher) readError(ctx context.Context, given string, err error) error {
	switch {
	case ctx.Err() != nil:
		return urlErrWrap(given, ErrCanceled, err, "cancelled while it was being fetched")
	case isTimeout(err):
		return urlErrWrap(given, ErrTimeout, err, "the server stopped sending the page before it was complete (no end within %s); try again later", f.opts.Timeout)
	}
	return urlErrWrap(given, ErrNetwork, err, "the page arrived broken (%v); try again later", err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// statusError words an HTTP error status, or returns nil for a success.
func statusError(given string, resp *http.Response) error {
	code := resp.StatusCode
	if code >= 200 && code < 300 {
		return nil
	}
	status := fmt.Sprintf("%d %s", code, http.StatusText(code))
	switch {
	case code == http.StatusUnauthorized:
		return urlErr(given, ErrStatus, "the page needs a login (%s); open it in a browser where you are logged in, save it (Save Page As…) and import the saved file", status)
	case code == http.StatusForbidden:
		return urlErr(given, ErrStatus, "the site refused to serve the page (%s); some sites turn programs away — open it in a browser, save the page and import the saved file", status)
	case code == http.StatusNotFound || code == http.StatusGone:
		return urlErr(given, ErrStatus, "no such page (%s); check the address — the article may have been moved or taken down", status)
	case code == http.StatusTooManyRequests:
		wait := ""
		if s, err := strconv.Atoi(strings.TrimSpace(resp.Header.Get("Retry-After"))); err == nil && s > 0 {
			wait = fmt.Sprintf(" (it asks to wait %s)", time.Duration(s)*time.Second)
		}
		return urlErr(given, ErrStatus, "the site asks Parallax to slow down (%s)%s; try this address again later", status, wait)
	case code == http.StatusUnavailableForLegalReasons:
		return urlErr(given, ErrStatus, "the site does not serve this page here (%s)", status)
	case code >= 500:
		return urlErr(given, ErrStatus, "the site's server failed (%s); try again later", status)
	}
	return urlErr(given, ErrStatus, "the site answered %s instead of the page", status)
}

// notPageTypes name the media types people link to that are not articles.
var notPageTypes = map[string]string{
	"application/pdf":          "a PDF document",
	"application/zip":          "a ZIP archive",
	"application/octet-stream": "a file to download",
	"application/msword":       "a Word document",
	"application/json":         "JSON data",
}

// typeError refuses content that is not a page or feed, naming what it is.
func typeError(given, contentType string) error {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || contentType == "" {
		return nil // sniffed from the bytes by ingest
	}
	what := notPageTypes[mt]
	switch {
	case what != "":
	case strings.HasPrefix(mt, "image/"):
		what = "an image"
	case strings.HasPrefix(mt, "video/"):
		what = "a video"
	case strings.HasPrefix(mt, "audio/"):
		what = "an audio file"
	case strings.HasPrefix(mt, "application/vnd."):
		what = "an office document"
	default:
		return nil
	}
	return urlErr(given, ErrNotPage, "this address serves %s (%s), not a web page; Parallax reads articles — download it, save its text as .txt and import that", what, mt)
}

// UserAgent is the User-Agent a Parallax build of the given version sends.
func UserAgent(version string) string {
	return "Parallax/" + version + " (news comparison workbench)"
}
