package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Places from GeoNames. libgeonames-common holds, per locale, a gettext catalogue
// (geonames.mo) from GeoNames ids (cities of 15,000 people and more; "CC.NN" ids are
// first-level regions) to names. A place is kept when it has an English name and a name in at
// least minLangs of the other seven languages Parallax reads: that many translations mark a
// place the press writes about, and leave out the thousands of small towns whose names are
// also common words. An English name shared by several places goes to the one with most
// names; the others are left out.

// placeLangs maps Parallax's languages to the locales whose catalogues give their names.
var placeLangs = []struct {
	lang    string
	locales []string
	script  func(rune) bool
}{
	{"ar", []string{"ar"}, func(r rune) bool { return unicode.Is(unicode.Arabic, r) }},
	{"de", []string{"de"}, latin},
	{"es", []string{"es"}, latin},
	{"fr", []string{"fr"}, latin},
	{"ru", []string{"ru"}, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }},
	{"vi", []string{"vi"}, latin},
	{"zh", []string{"zh_CN", "zh_Hans", "zh", "zh_SG"}, func(r rune) bool { return unicode.Is(unicode.Han, r) }},
}

const minLangs = 3

func latin(r rune) bool { return unicode.Is(unicode.Latin, r) }

// strip are words a catalogue keeps on a place's name that the press usually leaves out:
// the name is written with and without them.
var strip = map[string]struct{ prefix, suffix []string }{
	"ar": {prefix: []string{"مدينة "}},
	"zh": {suffix: []string{"市"}},
}

// readMO reads the msgid → msgstr pairs of a gettext .mo file.
func readMO(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(data) < 20 {
		return nil, fmt.Errorf("%s: too short for a .mo file", path)
	}
	var bo binary.ByteOrder = binary.LittleEndian
	switch binary.LittleEndian.Uint32(data) {
	case 0x950412de:
	case 0xde120495:
		bo = binary.BigEndian
	default:
		return nil, fmt.Errorf("%s: not a .mo file", path)
	}
	n := int(bo.Uint32(data[8:]))
	orig, trans := int(bo.Uint32(data[12:])), int(bo.Uint32(data[16:]))
	str := func(table, i int) (string, error) {
		at := table + 8*i
		if at+8 > len(data) {
			return "", fmt.Errorf("%s: table out of range", path)
		}
		l, off := int(bo.Uint32(data[at:])), int(bo.Uint32(data[at+4:]))
		if off+l > len(data) {
			return "", fmt.Errorf("%s: string out of range", path)
		}
		return string(data[off : off+l]), nil
	}
	out := make(map[string]string, n)
	for i := 0; i < n; i++ {
		k, err := str(orig, i)
		if err != nil {
			return nil, err
		}
		v, err := str(trans, i)
		if err != nil {
			return nil, err
		}
		if k != "" {
			out[k] = v
		}
	}
	return out, nil
}

func cleanName(s string) string {
	s = strings.TrimSpace(norm.NFC.String(s))
	// Arabic vowel marks (طَرَابُلُس) are dropped: articles write the bare letters.
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) && unicode.Is(unicode.Arabic, r) {
			return -1
		}
		return r
	}, s)
	return s
}

func runPlaces(dir, out string) error {
	en, err := readMO(filepath.Join(dir, "en", "LC_MESSAGES", "geonames.mo"))
	if err != nil {
		return fmt.Errorf("read the English catalogue (is -geonames the locale directory?): %w", err)
	}
	names := map[string]map[string][]string{} // id → lang → names
	for _, pl := range placeLangs {
		for _, loc := range pl.locales {
			cat, err := readMO(filepath.Join(dir, loc, "LC_MESSAGES", "geonames.mo"))
			if os.IsNotExist(err) {
				continue
			}
			if err != nil {
				return err
			}
			for id, v := range cat {
				v = cleanName(v)
				if v == "" || strings.ContainsAny(v, "\t|:=\n") || utf8.RuneCountInString(v) < 2 {
					continue
				}
				ok := true
				for _, r := range v {
					if unicode.IsLetter(r) && !pl.script(r) {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				if names[id] == nil {
					names[id] = map[string][]string{}
				}
				forms := []string{v}
				for _, p := range strip[pl.lang].prefix {
					if rest, found := strings.CutPrefix(v, p); found && utf8.RuneCountInString(rest) >= 2 {
						forms = append(forms, rest)
					}
				}
				for _, suf := range strip[pl.lang].suffix {
					// 阿勒颇市 → 阿勒颇, but not 北上市 → 北上 ("northward"): two letters
					// alone are too often a word.
					if rest, found := strings.CutSuffix(v, suf); found && utf8.RuneCountInString(rest) >= 3 {
						forms = append(forms, rest)
					}
				}
				for _, f := range forms {
					if !contains(names[id][pl.lang], f) {
						names[id][pl.lang] = append(names[id][pl.lang], f)
					}
				}
			}
		}
	}
	type place struct {
		id, en string
		langs  int
	}
	byName := map[string][]place{}
	for id, e := range en {
		e = cleanName(e)
		if e == "" || strings.ContainsAny(e, "\t|:=\n") || utf8.RuneCountInString(e) < 3 {
			continue
		}
		n := len(names[id])
		if n < minLangs {
			continue
		}
		byName[e] = append(byName[e], place{id, e, n})
	}
	keys := make([]string, 0, len(byName))
	for k := range byName {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("# Generated by cmd/gen-gazetteer -geonames from GeoNames (www.geonames.org, CC BY 4.0) as\n")
	b.WriteString("# shipped in Debian's libgeonames-common; DO NOT EDIT. Cities and regions named in at least\n")
	b.WriteString(fmt.Sprintf("# %d of the seven other languages; curated actors (capitals, countries) win over these.\n", minLangs))
	b.WriteString("# id\ttype\tlang:name|name…\t…\n")
	for _, k := range keys {
		ps := byName[k]
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].langs != ps[j].langs {
				return ps[i].langs > ps[j].langs
			}
			return ps[i].id < ps[j].id
		})
		p := ps[0]
		fields := []string{p.en, "place", "en:" + p.en}
		for _, pl := range placeLangs {
			if ns := names[p.id][pl.lang]; len(ns) > 0 {
				sort.Strings(ns)
				fields = append(fields, pl.lang+":"+strings.Join(ns, "|"))
			}
		}
		b.WriteString(strings.Join(fields, "\t"))
		b.WriteByte('\n')
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
