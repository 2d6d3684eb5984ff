package compare

// Discrepancy kinds.
const (
	DiscDate     = "date"
	DiscNumber   = "number"
	DiscActor    = "actor"
	DiscSpelling = "spelling"
	DiscOmission = "omission"
	DiscEvent    = "event"
	DiscGarbled  = "garbled"
	DiscInternal = "internal"
	// DiscEdit: an article was edited after publication (two revisions of it differ); see
	// EditDiscrepancy.
	DiscEdit = "edit"
)

// DiscKinds lists every discrepancy kind above, for code that must give each one a place (the
// app's flag order, exporters). TestDiscKindsListsEveryConstant keeps it complete.
var DiscKinds = []string{DiscDate, DiscNumber, DiscActor, DiscSpelling, DiscOmission, DiscEvent,
	DiscGarbled, DiscInternal, DiscEdit}

// Relations: why the values of one claim differ between versions.
const (
	// RelationUpdate: a running figure (a toll) grew from an earlier version to a later one.
	RelationUpdate = "update"
	// RelationSource: the versions credit their figures to different sources.
	RelationSource = "source"
	// RelationContradiction: the same claim, at the same time, stated differently.
	RelationContradiction = "contradiction"
)

// Severities.
const (
	SeverityMajor = "major"
	SeverityMinor = "minor"
)

// Story is a set of articles about one event.
type Story struct {
	ID       string   `json:"id"`
	Articles []string `json:"articles"`
}

// Member is one span taking part in an alignment or discrepancy.
type Member struct {
	Article string `json:"article"`
	Fact    string `json:"fact,omitempty"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Value   any    `json:"value,omitempty"`
}

// Alignment groups spans across the articles of a story that state the same thing.
type Alignment struct {
	ID      string   `json:"id"`
	Story   string   `json:"story"`
	Kind    string   `json:"kind"`
	Members []Member `json:"members"`
	// Manual is true for an alignment the analyst made by hand.
	Manual bool `json:"manual,omitempty"`
	// Claim names what the aligned numbers state ("deaths", "magnitude") when known.
	Claim string `json:"claim,omitempty"`
}

// Discrepancy is a flag: the versions of a story disagree, or one is damaged.
type Discrepancy struct {
	ID       string   `json:"id"`
	Story    string   `json:"story"`
	Kind     string   `json:"kind"`
	Severity string   `json:"severity"`
	Summary  string   `json:"summary"`
	Members  []Member `json:"members"`
	// Diff is set for spelling discrepancies: the go-diff of the transliterated forms in a
	// compact notation, e.g. "Zhao Liji[an→ang]".
	Diff string `json:"diff,omitempty"`
	// Relation says, for a number or date claim, how its values differ: update, source or
	// contradiction.
	Relation string `json:"relation,omitempty"`
	// Claim names what the differing facts state ("deaths", "magnitude").
	Claim string `json:"claim,omitempty"`
	// Edits and Revisions are set for an edit discrepancy: the changes from the earlier
	// revision to the later one, and when each was read (the evidence).
	Edits     []Edit          `json:"edits,omitempty"`
	Revisions []RevisionStamp `json:"revisions,omitempty"`
}
