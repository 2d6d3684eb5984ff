package fetch

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// urlCases feed TestNormalizeURL and FuzzNormalizeURL's seeds.
var urlCases = []struct {
	in, want string // want "" = ErrBadURL
}{
	{"https://www.lemonde.example/a.html", "https://www.lemonde.example/a.html"},
	{"  HTTPS://news.example/a#comments \n", "https://news.example/a"},
	{"news.example/2024/10/30/floods", "https://news.example/2024/10/30/floods"},
	{"http://xn--mgbh0fb.example/خبر?id=1", "http://xn--mgbh0fb.example/%D8%AE%D8%A8%D8%B1?id=1"},
	{"https://ria.example/20241030/наводнение.html", "https://ria.example/20241030/%D0%BD%D0%B0%D0%B2%D0%BE%D0%B4%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5.html"},
	{"ftp://files.example/a.txt", ""},
	{"file:///home/me/a.html", ""},
	{"mailto:desk@news.example", ""},
	{"javascript:alert(1)", ""},
	{"", ""},
	{"not a link", ""},
	{"https://", ""},
	{"http://[::1", ""},
	{"\xff\xfe", ""},
}

func TestNormalizeURL(t *testing.T) {
	for _, tc := range urlCases {
		got, err := NormalizeURL(tc.in)
		switch {
		case tc.want == "" && !errors.Is(err, ErrBadURL):
			t.Errorf("NormalizeURL(%q) = %q, %v; want ErrBadURL", tc.in, got, err)
		case tc.want != "" && (err != nil || got != tc.want):
			t.Errorf("NormalizeURL(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func FuzzNormalizeURL(f *testing.F) {
	for _, tc := range urlCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := NormalizeURL(s)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) || !errors.Is(err, ErrBadURL) {
				t.Fatalf("NormalizeURL(%q): %v is not an *Error with ErrBadURL", s, err)
			}
			return
		}
		if !strings.HasPrefix(got, "http://") && !strings.HasPrefix(got, "https://") || strings.Contains(got, "#") {
			t.Fatalf("NormalizeURL(%q) = %q", s, got)
		}
		if again, err := NormalizeURL(got); err != nil || again != got {
			t.Fatalf("not idempotent: %q → %q → %q, %v", s, got, again, err)
		}
	})
}

func TestSplitURLs(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int // -1: not a list of URLs
	}{
		{"https://a.example/1\nhttps://b.example/2\r\n\nhttp://c.example/3 https://d.example/4\thttps://e.example/5\n", 5},
		{"https://a.example/1", 1},
		{"Beijing denied it on Tuesday.", -1},
		{"https://a.example/1\nsee also this", -1},
		{"news.example/a", -1}, // pasted text that happens to be a word with a dot is not taken for a URL
		{"", -1},
		{"   \n", -1},
	} {
		urls, ok := SplitURLs(tc.in)
		if (tc.want < 0) == ok || (ok && len(urls) != tc.want) {
			t.Errorf("SplitURLs(%q) = %v, %v; want %d", tc.in, urls, ok, tc.want)
		}
	}
}

// jsonLDCases feed FuzzParseJSONLD: what news sites put in ld+json, broken ones included.
var jsonLDCases = []string{
	`{"@type":"NewsArticle","headline":"H","datePublished":"2024-10-30T14:05:00Z","publisher":{"name":"P"}}`,
	`[{"@type":"BreadcrumbList"},{"@type":["NewsArticle","Article"],"headline":["H1","H2"],"publisher":"P"}]`,
	`{"@graph":[{"@type":"WebSite"},{"@type":"Article","name":"N","isAccessibleForFree":"False"}]}`,
	`{"@type":"NewsArticle","headline":`,
	`{"@type":"NewsArticle","publisher":[{"name":"A"},{"name":"B"}],"datePublished":"30/10/2024"}`,
	"{\"@type\":\"NewsArticle\",\"headline\":\"\xff\"}",
	`null`, `"text"`, `[[[[]]]]`,
}

func FuzzParseJSONLD(f *testing.F) {
	for _, c := range jsonLDCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, block string) {
		ld := parseJSONLD([]string{block})
		for _, s := range []string{ld.headline, ld.publisher} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 out of %q", block)
			}
		}
	})
}

func TestParseJSONLD(t *testing.T) {
	want := []jsonLD{
		{headline: "H", published: "2024-10-30T14:05:00Z", publisher: "P"},
		{headline: "H1", publisher: "P"},
		{headline: "N", paywalled: true},
		{},
		{publisher: "A", published: "30/10/2024"},
		{headline: "\uFFFD"},
		{}, {}, {},
	}
	for i, c := range jsonLDCases {
		if got := parseJSONLD([]string{c}); got != want[i] {
			t.Errorf("parseJSONLD(%s) = %+v, want %+v", c, got, want[i])
		}
	}
}
