package compare

// defaultExtract is the extractor Analyze uses when AnalyzeOptions.Extract is nil.
//
// TODO(analysis): switch to ExtractFacts once the fact extractors land.
func defaultExtract(d Document, o Options) []Fact { return nil }

// hasDefaultExtractor is false while defaultExtract cannot resolve dates, so Analyze does
// not try to infer publication dates with it.
const hasDefaultExtractor = false

// diffForm is the form of a name go-diff compares: its transliteration into Latin letters,
// so an analyst who does not read the script still sees where two spellings differ.
func diffForm(s, lang string) string { return Transliterate(s, lang) }
