package assets

import "embed"

// Lang holds the language tables compare reads: lang/cldr/<lang>.json, generated from CLDR by
// cmd/gen-langdata for every CLDR language (months, weekdays, relative day and period words,
// duration patterns, number symbols and scale words), and lang/extra/<lang>.json, hand-written
// additions (colloquial and regional forms, number words, qualifiers) described in
// lang/README.md; and lang/words/, frequent-word lists and the rules that find glued and
// stray words with them (lang/words/README.md).
//
//go:generate go run ../cmd/gen-langdata -cldr /tmp/cldr/node_modules -out lang/cldr
//go:embed lang/cldr/*.json lang/extra/*.json lang/concepts.tsv lang/latin-conventions.tsv lang/units.tsv lang/unit-factors.tsv lang/conversion-units.tsv lang/born.tsv lang/events.tsv lang/attributions.tsv lang/clock.tsv lang/date-events.tsv lang/date-actions.tsv lang/captions.tsv lang/scope-totals.tsv lang/words/*.txt lang/words/*.tsv lang/currency-rates.tsv lang/org-generic-words.txt
var Lang embed.FS
