package assets

import "embed"

// Gazetteer holds the actor gazetteer under gazetteer/: countries.tsv (generated from CLDR by
// cmd/gen-gazetteer), countries_extra.tsv and actors.tsv (curated), adjectives.tsv,
// templates.tsv, frames.tsv and morph.tsv (language rules the matcher applies). compare
// compiles it once, at first use.
//
//go:embed gazetteer/*.tsv
var Gazetteer embed.FS
