// Command gen-gazetteer writes assets/gazetteer/countries.tsv, the country and territory part of
// the actor gazetteer, from the CLDR locale display names (npm package cldr-localenames-full).
//
// Usage:
//
//	npm install --prefix /tmp/cldr cldr-localenames-full@48.2.0
//	go run ./cmd/gen-gazetteer -cldr /tmp/cldr/node_modules/cldr-localenames-full -o assets/gazetteer/countries.tsv
//
// Every two-letter CLDR territory becomes one line; its names in every CLDR locale (including
// the "short" and "variant" alternative forms, which hold the news forms США, UK, Mỹ, Hong
// Kong) are grouped by name so that a name shared by forty locales is written once. Locales are
// reduced to their primary language subtag (fr-CA → fr). Ids are English Wikipedia-style titles
// (see ../../shared/seeds-expected.json "conventions"): CLDR's English name unless wikiIDs
// overrides it. Hand-written news forms CLDR lacks live in assets/gazetteer/countries_extra.tsv,
// which this command does not touch.
//
// With -geonames it also writes assets/gazetteer/places.tsv, the multilingual table of cities
// and regions, from GeoNames (CC BY 4.0, www.geonames.org) as Debian's libgeonames-common
// ships it: one gettext catalogue per locale mapping GeoNames ids to the place's name there.
//
//	apt-get install libgeonames-common
//	go run ./cmd/gen-gazetteer -geonames /usr/share/locale -places-o assets/gazetteer/places.tsv
//
// See geonames.go for which places are kept. With -opencc it writes
// assets/gazetteer/han-variants.tsv, traditional Chinese characters and their simplified forms
// (see hanvariants.go).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// wikiIDs maps CLDR territory codes whose CLDR English name is not the English Wikipedia title.
var wikiIDs = map[string]string{
	"AG": "Antigua and Barbuda", "BA": "Bosnia and Herzegovina", "BL": "Saint Barthélemy",
	"BS": "The Bahamas", "CC": "Cocos (Keeling) Islands", "CD": "Democratic Republic of the Congo",
	"CG": "Republic of the Congo", "CI": "Ivory Coast", "CZ": "Czech Republic",
	"EA": "Ceuta and Melilla", "FM": "Federated States of Micronesia", "GM": "The Gambia",
	"GS": "South Georgia and the South Sandwich Islands", "HK": "Hong Kong",
	"HM": "Heard Island and McDonald Islands", "KN": "Saint Kitts and Nevis", "LC": "Saint Lucia",
	"MF": "Collectivity of Saint Martin", "MK": "North Macedonia", "MM": "Myanmar", "MO": "Macau",
	"PM": "Saint Pierre and Miquelon", "PN": "Pitcairn Islands", "PS": "State of Palestine",
	"SH": "Saint Helena, Ascension and Tristan da Cunha", "SJ": "Svalbard and Jan Mayen",
	"ST": "São Tomé and Príncipe", "TC": "Turks and Caicos Islands", "TL": "East Timor",
	"TR": "Turkey", "TT": "Trinidad and Tobago", "UM": "United States Minor Outlying Islands",
	"VA": "Vatican City", "VC": "Saint Vincent and the Grenadines",
	"VI": "United States Virgin Islands", "WF": "Wallis and Futuna", "EU": "European Union",
	"UN": "United Nations", "CV": "Cape Verde", "SZ": "Eswatini",
}

// orgCodes are CLDR "territories" that are organisations, not countries.
var orgCodes = map[string]bool{"EU": true, "UN": true}

// skipCodes are CLDR pseudo-territories that never name an actor.
var skipCodes = map[string]bool{"EZ": true, "QO": true, "XA": true, "XB": true, "ZZ": true}

type territoriesFile struct {
	Main map[string]struct {
		LocaleDisplayNames struct {
			Territories map[string]string `json:"territories"`
		} `json:"localeDisplayNames"`
	} `json:"main"`
}

func main() {
	cldr := flag.String("cldr", "", "path to node_modules/cldr-localenames-full")
	out := flag.String("o", "assets/gazetteer/countries.tsv", "output file for -cldr")
	geonames := flag.String("geonames", "", "locale directory holding */LC_MESSAGES/geonames.mo (Debian libgeonames-common: /usr/share/locale)")
	placesOut := flag.String("places-o", "assets/gazetteer/places.tsv", "output file for -geonames")
	opencc := flag.String("opencc", "", "OpenCC's TSCharacters dictionary as text (see hanvariants.go)")
	variantsOut := flag.String("variants-o", "assets/gazetteer/han-variants.tsv", "output file for -opencc")
	flag.Parse()
	if *cldr == "" && *geonames == "" && *opencc == "" {
		fmt.Fprintln(os.Stderr, "gen-gazetteer: -cldr, -geonames or -opencc is required (see the package comment)")
		os.Exit(2)
	}
	if *opencc != "" {
		if err := runHanVariants(*opencc, *variantsOut); err != nil {
			fmt.Fprintln(os.Stderr, "gen-gazetteer:", err)
			os.Exit(1)
		}
	}
	if *cldr != "" {
		if err := run(*cldr, *out); err != nil {
			fmt.Fprintln(os.Stderr, "gen-gazetteer:", err)
			os.Exit(1)
		}
	}
	if *geonames != "" {
		if err := runPlaces(*geonames, *placesOut); err != nil {
			fmt.Fprintln(os.Stderr, "gen-gazetteer:", err)
			os.Exit(1)
		}
	}
}

func run(cldr, out string) error {
	locales, err := os.ReadDir(filepath.Join(cldr, "main"))
	if err != nil {
		return fmt.Errorf("read CLDR locales (is -cldr the cldr-localenames-full directory?): %w", err)
	}
	// names[code][name] = set of primary languages
	names := map[string]map[string]map[string]bool{}
	english := map[string]string{}
	for _, l := range locales {
		path := filepath.Join(cldr, "main", l.Name(), "territories.json")
		raw, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			continue // a few locales name no territories at all
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		var tf territoriesFile
		if err := json.Unmarshal(raw, &tf); err != nil {
			return fmt.Errorf("parse %s: %w", path, err)
		}
		lang := strings.ToLower(strings.SplitN(l.Name(), "-", 2)[0])
		for _, m := range tf.Main {
			for key, name := range m.LocaleDisplayNames.Territories {
				code := strings.SplitN(key, "-alt-", 2)[0]
				if len(code) != 2 || skipCodes[code] || code[0] < 'A' || code[0] > 'Z' {
					continue
				}
				name = strings.TrimSpace(norm.NFC.String(name))
				if name == "" || name == code && lang != "en" {
					continue
				}
				if l.Name() == "en" && key == code {
					english[code] = name
				}
				if names[code] == nil {
					names[code] = map[string]map[string]bool{}
				}
				if names[code][name] == nil {
					names[code][name] = map[string]bool{}
				}
				names[code][name][lang] = true
			}
		}
	}
	codes := make([]string, 0, len(names))
	for c := range names {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var b strings.Builder
	b.WriteString("# Generated by cmd/gen-gazetteer from CLDR cldr-localenames-full; DO NOT EDIT.\n")
	b.WriteString("# id\ttype\tcode\tname=lang,lang…\t…\n")
	for _, c := range codes {
		id := wikiIDs[c]
		if id == "" {
			id = english[c]
		}
		if id == "" {
			return fmt.Errorf("territory %s has no English name; add it to wikiIDs", c)
		}
		typ := "country"
		if orgCodes[c] {
			typ = "org"
		}
		ns := make([]string, 0, len(names[c]))
		for n := range names[c] {
			ns = append(ns, n)
		}
		sort.Strings(ns)
		fields := []string{id, typ, c}
		for _, n := range ns {
			if strings.ContainsAny(n, "\t=\n") {
				continue
			}
			ls := make([]string, 0, len(names[c][n]))
			for l := range names[c][n] {
				ls = append(ls, l)
			}
			sort.Strings(ls)
			fields = append(fields, n+"="+strings.Join(ls, ","))
		}
		b.WriteString(strings.Join(fields, "\t"))
		b.WriteByte('\n')
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
