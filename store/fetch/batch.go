package fetch

import (
	"context"
	"strings"
	"sync"

	"parallax/store/ingest"
)

// Progress is told after each URL of a batch: how many are done, of how many, and which URL
// was just finished. It is called from the batch's goroutines, one call at a time.
type Progress func(done, total int, url string)

// Pages fetches a batch of URLs, several hosts at once, and returns the documents read and
// the errors (each an *Error naming its URL), both in the order the URLs were given. A bad
// URL does not stop the batch; a URL given twice is fetched once. When ctx is cancelled the
// URLs not yet fetched are left out of both results: the caller reports the cancellation.
func (f *Fetcher) Pages(ctx context.Context, urls []string, progress Progress) ([]ingest.Document, []error) {
	var uniq []string
	seen := map[string]bool{}
	for _, u := range urls {
		key := strings.TrimSpace(u)
		if n, err := NormalizeURL(u); err == nil {
			key = n
		}
		if !seen[key] {
			seen[key] = true
			uniq = append(uniq, u)
		}
	}
	type result struct {
		doc  ingest.Document
		err  error
		done bool
	}
	results := make([]result, len(uniq))
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for range min(f.opts.Workers, len(uniq)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				doc, err := f.Page(ctx, uniq[i])
				if ctx.Err() != nil {
					continue // cancelled: neither a document nor an error of this URL
				}
				results[i] = result{doc: doc, err: err, done: true}
				mu.Lock()
				done++
				if progress != nil {
					progress(done, len(uniq), uniq[i])
				}
				mu.Unlock()
			}
		}()
	}
	for i := range uniq {
		if ctx.Err() != nil {
			break
		}
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var docs []ingest.Document
	var errs []error
	for _, r := range results {
		switch {
		case !r.done:
		case r.err != nil:
			errs = append(errs, r.err)
		default:
			docs = append(docs, r.doc)
		}
	}
	return docs, errs
}

// SplitURLs reads web addresses from pasted text, one a line (or separated by spaces). ok
// is false when some word is not a web address, so a caller can tell a pasted list of links
// from a pasted article.
func SplitURLs(text string) (urls []string, ok bool) {
	for _, w := range strings.Fields(text) {
		lw := strings.ToLower(w)
		if !strings.HasPrefix(lw, "http://") && !strings.HasPrefix(lw, "https://") {
			return nil, false
		}
		if _, err := NormalizeURL(w); err != nil {
			return nil, false
		}
		urls = append(urls, w)
	}
	return urls, len(urls) > 0
}
