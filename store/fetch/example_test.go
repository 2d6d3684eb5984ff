package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"

	"parallax/store/fetch"
)

func ExampleFetcher_Page() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html lang="fr"><head>
<link rel="canonical" href="/2024/10/30/inondations.html">
<meta property="og:site_name" content="Le Quotidien">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Inondations : 95 morts",
 "datePublished":"2024-10-30T16:21:00+01:00"}</script></head>
<body><article><p>Au moins 95 personnes ont péri dans la région de Valence.</p></article></body></html>`)
	}))
	defer srv.Close()

	f := fetch.New(fetch.Options{UserAgent: "Parallax/0.1.0 (example)"})
	doc, err := f.Page(context.Background(), srv.URL+"/amp/inondations")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.SourceName, doc.Lang, doc.PublishedTime)
	fmt.Println(doc.URL == srv.URL+"/2024/10/30/inondations.html")
	// Output:
	// Inondations : 95 morts
	// Le Quotidien fr 2024-10-30T16:21:00+01:00
	// true
}
