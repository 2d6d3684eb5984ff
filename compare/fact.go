package compare

// FactKind says what a fact is about.
type FactKind string

// The kinds of fact the extractors find.
const (
	KindDate   FactKind = "date"
	KindNumber FactKind = "number"
	KindActor  FactKind = "actor"
)

// Date precisions (Fact.Precision for date facts).
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// Number qualifiers (Fact.Qualifier for number facts).
const (
	QualifierAtLeast  = "at_least"
	QualifierMoreThan = "more_than"
	QualifierAbout    = "about"
	QualifierUpTo     = "up_to"
	QualifierLessThan = "less_than"
)

// Actor types (Fact.Type for actor facts).
const (
	ActorPerson  = "person"
	ActorOrg     = "org"
	ActorCountry = "country"
	ActorPlace   = "place"
	ActorGroup   = "group"
)

// Fact is one date, number or named actor found in an article, with its normalised value.
//
// Start and End are rune offsets into Document.Text, end exclusive.
type Fact struct {
	ID    string   `json:"id"`
	Kind  FactKind `json:"kind"`
	Start int      `json:"start"`
	End   int      `json:"end"`
	Text  string   `json:"text"`
	// Value is the normalised value: for dates an ISO 8601 string (YYYY-MM-DD, YYYY-MM, YYYY
	// or start/end), for numbers a float64, for actors the canonical actor id.
	Value any `json:"value"`

	// Actors.
	Label      string  `json:"label,omitempty"`
	Type       string  `json:"type,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`

	// Dates.
	Precision string `json:"precision,omitempty"`
	// ResolvedFrom names the anchor a relative or year-less date was resolved against
	// ("published", "dateline", "previous_date", "weekday", "story"); empty when unresolved.
	ResolvedFrom string `json:"resolved_from,omitempty"`
	// Inferred is true when part of the value (typically the year) is not written in the text.
	Inferred bool `json:"inferred,omitempty"`
	// Unresolved is true for a relative expression that no anchor could resolve; Value then
	// holds the best partial value (or "").
	Unresolved bool `json:"unresolved,omitempty"`

	// Numbers.
	Qualifier string `json:"qualifier,omitempty"`
	// Unit is the counted thing when the text says it ("organisations", "servers").
	Unit string `json:"unit,omitempty"`
	// Vague marks a quantity with no single value ("dozens", "des centaines", "数百"):
	// Value is nil, and Magnitude holds the order of magnitude the words give (10, 100,
	// 1000…), 0 when they give none.
	Vague     bool    `json:"vague,omitempty"`
	Magnitude float64 `json:"magnitude,omitempty"`
	// Ordinal marks a rank that carries a fact ("the second largest city", 第五大): Value is
	// the rank.
	Ordinal bool `json:"ordinal,omitempty"`

	// Claims (dates and numbers).
	// Concept is what the fact counts or dates, shared across languages ("deaths",
	// "injured", "magnitude", "distance"…); "" when the text does not say.
	Concept string `json:"concept,omitempty"`
	// AsOf is the time a figure is given for ("by Sunday evening", "selon le bilan de
	// lundi"), ISO 8601, when the text says so.
	AsOf string `json:"as_of,omitempty"`
	// PartOfDay narrows a day ("night", "morning", "evening"…) when the text says so.
	PartOfDay string `json:"part_of_day,omitempty"`
}

// Document is one article as compare sees it.
type Document struct {
	ID string
	// Name is how summaries name the article to a person ("004_…txt (ru)"); "" uses ID.
	Name string
	Lang string // BCP 47 primary language ("ar", "fr", …); "" when unknown
	Text string
	// Published is the publication date as ISO 8601 (YYYY-MM-DD), "" when unknown.
	Published string
	// PublishedTime is the publication instant (RFC 3339) when known to the minute: it
	// orders the versions of one day when a figure was updated by the hour.
	PublishedTime string
	// Source is the outlet (or the URL's host), and Title the headline, as summaries may
	// name the article: "" when unknown.
	Source, Title string
}

// Alias is an analyst-confirmed statement "this surface form names that actor". Aliases win
// over the gazetteer and over automatic clustering.
type Alias struct {
	Surface string `json:"surface"`
	ActorID string `json:"actor_id"`
	Label   string `json:"label,omitempty"`
	Type    string `json:"type,omitempty"`
}

// displayName is how a discrepancy summary refers to the document.
func (d Document) displayName() string {
	if d.Name != "" {
		return d.Name
	}
	return d.ID
}
