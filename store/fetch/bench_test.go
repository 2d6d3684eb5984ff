package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"testing"
)

// BenchmarkPage measures fetching and reading one news page (JSON-LD, readability, language
// detection) from the loopback test server: the cost per URL apart from the network.
func BenchmarkPage(b *testing.B) {
	srv := newTestServer(b)
	f := testFetcher(Options{})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Page(ctx, srv.URL+"/en/article"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPage_50MB measures refusing a 50 MB body streamed without a length: the memory a
// refused page costs is bounded by the limit, not by the body.
func BenchmarkPage_50MB(b *testing.B) {
	srv := newTestServer(b)
	f := testFetcher(Options{})
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Page(ctx, srv.URL+"/huge-chunked"); err == nil {
			b.Fatal("a 50 MB page was accepted")
		}
	}
}

// TestKeptPageSize reports how much the gzip the store keeps saves on the fixture pages.
func TestKeptPageSize(t *testing.T) {
	var raw, gz int
	for _, f := range fixtures {
		data := fixtureBytes(t, f)
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(data)
		zw.Close()
		raw += len(data)
		gz += buf.Len()
	}
	t.Logf("fixture pages: %d bytes, %d gzipped (%.1fx)", raw, gz, float64(raw)/float64(gz))
	if gz >= raw {
		t.Errorf("gzip did not shrink the pages: %d → %d", raw, gz)
	}
}
