package compare

import (
	"sort"
	"strings"
	"time"
)

// The analysis works through a story's versions in a fixed order, and some of its choices
// are greedy (the first version to name an actor gives the spelling others are checked
// against, the first fact of a claim seeds its alignment). That order must come from the
// articles themselves, never from their IDs: an ID is a hash of where the article came from
// (its URL or file path), so ordering by ID made the same texts give different facts and
// flags when the files were copied to another folder (the corpus scored a test flag
// precision of 0.944 from one path and 0.895 from another).

// orderKey is the article's place in that order: publication instant (UTC; a bare date sorts
// before the times of its day, an unknown date after every known one), then language,
// outlet and headline, and the ID last so that two copies of one article still have an
// order. Not the text: a streamed analysis reads an article's facts without its text.
func orderKey(d Document) string {
	when := "~"
	if t, err := time.Parse(time.RFC3339, d.PublishedTime); err == nil {
		when = t.UTC().Format("2006-01-02T15:04:05")
	} else if d.Published != "" {
		when = d.Published
	}
	return strings.Join([]string{when, d.Lang, d.Source, d.Title, d.ID}, "\x00")
}

// sortArticles puts articles in analysis order (see orderKey).
func sortArticles(arts []*article) {
	sort.SliceStable(arts, func(i, j int) bool { return arts[i].order < arts[j].order })
}
