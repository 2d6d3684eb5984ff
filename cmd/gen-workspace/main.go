// Command gen-workspace writes a workspace of N unique articles made from the five sample
// articles (see internal/wsgen), for trying the window and its tests at real size.
//
// Usage:
//
//	go run ./cmd/gen-workspace -n 3000 -db /tmp/big.parallax
//	go run ./build/parallax --db /tmp/big.parallax
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"parallax/internal/wsgen"
	"parallax/store"
)

func main() {
	n := flag.Int("n", 3000, "number of articles")
	dbPath := flag.String("db", "", "workspace `FILE` to create or add to (required)")
	flag.Parse()
	if *dbPath == "" || *n <= 0 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	db, err := store.Open(*dbPath, store.Options{Timeout: 2 * time.Second, NoSync: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-workspace:", err)
		os.Exit(1)
	}
	err = wsgen.Fill(db, *n)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-workspace:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d articles to %s\n", *n, *dbPath)
}
