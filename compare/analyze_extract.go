package compare

// defaultExtract is the extractor Analyze uses when AnalyzeOptions.Extract is nil.
func defaultExtract(d Document, o Options) []Fact { return ExtractFacts(d, o) }

// diffForm is the form of a name go-diff compares: its transliteration into Latin letters,
// so an analyst who does not read the script still sees where two spellings differ.
func diffForm(s, lang string) string { return Transliterate(s, lang) }
