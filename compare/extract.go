package compare

// Options carries what the analyst has taught the machine into an analysis.
type Options struct {
	// Aliases confirmed by the analyst; they win over the gazetteer and clustering.
	Aliases []Alias
}

// ExtractorVersion identifies the fact extractors' behaviour; stored fact caches keyed by an
// older version are recomputed. Bump it whenever extraction output can change.
const ExtractorVersion = "0"
