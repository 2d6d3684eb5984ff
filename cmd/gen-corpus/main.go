// Command gen-corpus writes a synthetic corpus of N unique articles for scale measurements
// (issue 15, docs/scale.md): the five sample articles repeated as N/5 stories, each story
// with its own years, days of month and quantities and its own invented person, so every
// text is unique and every story is a different event, as in a real archive.
//
//	go run ./cmd/gen-corpus -n 100000 -o /tmp/corpus100k
//
// Files go into sub-directories of 1,000 (corpus/000/000123-002_….txt). The output depends
// only on N: rerunning it writes the same bytes.
package main

import (
	"flag"
	"fmt"
	iofs "io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"parallax/seeds"
)

func main() {
	n := flag.Int("n", 1000, "number of `articles` to write (rounded up to whole stories of five)")
	out := flag.String("o", "", "output `DIR` (created; must be empty or missing)")
	first := flag.Int("first", 0, "number of the first `article` (a multiple of 5): -first 100000 -n 100 writes the 100 that follow a 100,000-article corpus")
	flag.Parse()
	if *out == "" || *n <= 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gen-corpus -n N -o DIR")
		os.Exit(2)
	}
	if *first%5 != 0 || *first < 0 {
		fmt.Fprintln(os.Stderr, "gen-corpus: -first must be a multiple of 5")
		os.Exit(2)
	}
	bytes, err := write(*out, *first, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen-corpus:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d articles, %.1f MB of text\n", *out, *n, float64(bytes)/1e6)
}

// write writes articles first … first+n-1 under dir and returns the bytes written.
func write(dir string, first, n int) (int, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return 0, fmt.Errorf("%s is not empty", dir)
	}
	names := seeds.Names()
	base := make([]string, len(names))
	for i, name := range names {
		b, err := iofs.ReadFile(seeds.FS(), name)
		if err != nil {
			return 0, err
		}
		base[i] = string(b)
	}
	total := 0
	for i := first; i < first+n; i++ {
		s, k := i/len(base), i%len(base)
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 || i == first {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return total, err
			}
		}
		text := Vary(base[k], s)
		p := filepath.Join(sub, fmt.Sprintf("%06d-%s", i, names[k]))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return total, err
		}
		total += len(text)
	}
	return total, nil
}

// Vary makes story s's version of a sample text, looking at each run of ASCII digits: a year
// 1900–2099 moves by the story's year shift (so 2021 and 2024 keep their three years apart);
// a number 1–31 is taken for a day and moved by the day shift, wrapping within 1–28 (also in
// "30,000" and "APT31": crude, but the same in every language version); a run starting with 0
// is kept; any other number is multiplied by the story's factor. A closing line names the
// story's own person. Stories s and s+14,000 share their dates but not their person.
func Vary(text string, s int) string {
	yShift := s%500 - 400              // 1621 … 2120 for 2021
	dShift := (s / 500) % 28           // days of month
	factor := 1 + (s/(500*28))%7 + s%3 // quantities
	var b strings.Builder
	b.Grow(len(text) + 40)
	r := []rune(text)
	for i := 0; i < len(r); {
		if !unicode.IsDigit(r[i]) || r[i] > unicode.MaxASCII {
			b.WriteRune(r[i])
			i++
			continue
		}
		j := i
		for j < len(r) && r[j] <= unicode.MaxASCII && unicode.IsDigit(r[j]) {
			j++
		}
		tok := string(r[i:j])
		v, _ := strconv.Atoi(tok)
		switch {
		case tok[0] == '0' || len(tok) > 6:
			b.WriteString(tok) // "000" of 52.000, or an identifier
		case v >= 1900 && v <= 2099:
			b.WriteString(strconv.Itoa(v + yShift))
		case v >= 1 && v <= 31:
			b.WriteString(strconv.Itoa((v-1+dShift)%28 + 1))
		default:
			b.WriteString(strconv.Itoa(v * factor))
		}
		i = j
	}
	b.WriteString("\n\n" + person(s) + ".\n")
	return b.String()
}

// person invents a two-word name unique to story s: the first word spells s in base 12
// with syllables, the second a permutation of s, so both words vary from story to story.
func person(s int) string {
	syll := []string{"ka", "lo", "mi", "ren", "to", "va", "shi", "por", "den", "lu", "sa", "ber"}
	word := func(x, n int) string {
		var w strings.Builder
		for q := 0; q < n; q++ {
			w.WriteString(syll[x%len(syll)])
			x /= len(syll)
		}
		t := w.String()
		return strings.ToUpper(t[:1]) + t[1:]
	}
	return word(s, 5) + " " + word(s*10007+3, 4)
}
