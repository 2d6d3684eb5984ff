// Package fetch collects articles from the web: pages by URL and the items of RSS and Atom
// feeds. It downloads; store/ingest reads what was downloaded (charset, main text through
// readability, <html lang>, Open Graph, canonical link); this package adds what only a page
// fetched from the web has (JSON-LD NewsArticle metadata, the URL it was fetched from, when,
// and the page as served) and turns every way a download can fail into an *Error that names
// the URL and says what happened and what to do.
//
// A Fetcher is a careful HTTP client: a timeout for each page, a limit on redirects and on the
// size of a page (checked before and while reading, after gzip or brotli decompression), an
// honest User-Agent that names Parallax and its version, and a pause between two requests to
// the same host. Pages fetches a batch: it goes on past a bad URL and returns its error with
// the others, in the order given.
//
// Nothing here writes to a workspace: the caller stores the documents (store.DB.ImportDocuments,
// one transaction for the batch), so a cancelled or failed batch leaves nothing half-stored.
//
// # Caveats
//
// No JavaScript runs: a page that builds its article in the browser yields ErrNoArticle, as
// does a cookie or subscription wall. Robots.txt is not consulted: a Fetcher only fetches the
// URLs a person gave it, one at a time per host, as a browser would.
package fetch
