package app

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"parallax/compare"
	"parallax/store"
)

// searchIndex answers the library's search box. Matching is script- and diacritic-insensitive
// (everything is compared through compare.FoldForSearch: Чжао Лицзянь and Zhao Lijian fold to
// the same key, Pékin to pekin) and alias-aware: a query that names an actor — by any surface
// form found in any article, by its English label, or by an alias the analyst taught — finds
// every article that mentions that actor, whatever spelling or script the article uses.
type searchIndex struct {
	keys   map[string]string          // article id → folded title, source and text
	actors map[string]map[string]bool // article id → actor ids it mentions
	names  map[string]map[string]bool // folded surface form or label → actor ids
}

// newSearchIndex folds every article once; it runs off the UI goroutine.
func newSearchIndex(arts []store.Article, facts map[string][]compare.Fact, aliases []store.LearnedAlias) *searchIndex {
	ix := &searchIndex{
		keys:   make(map[string]string, len(arts)),
		actors: make(map[string]map[string]bool, len(arts)),
		names:  map[string]map[string]bool{},
	}
	addName := func(name, actor string) {
		k := compare.FoldForSearch(name)
		if k == "" || actor == "" {
			return
		}
		if ix.names[k] == nil {
			ix.names[k] = map[string]bool{}
		}
		ix.names[k][actor] = true
	}
	for _, a := range arts {
		// Spaces around each part so a query can only match inside one part, never across.
		ix.keys[a.ID] = " " + compare.FoldForSearch(a.Title) + " " + compare.FoldForSearch(a.Source) +
			" " + compare.FoldForSearch(a.Text) + " "
		for _, f := range facts[a.ID] {
			if f.Kind != compare.KindActor {
				continue
			}
			id, _ := f.Value.(string)
			if id == "" {
				continue
			}
			if ix.actors[a.ID] == nil {
				ix.actors[a.ID] = map[string]bool{}
			}
			ix.actors[a.ID][id] = true
			addName(f.Text, id)
			addName(f.Label, id)
		}
	}
	for _, al := range aliases {
		addName(al.Surface, al.ActorID)
		addName(al.Label, al.ActorID)
	}
	return ix
}

// match returns the ids of the articles (of ids, in order) that the query finds.
func (ix *searchIndex) match(query string, ids []string) []string {
	q := compare.FoldForSearch(query)
	if q == "" {
		return ids
	}
	// The actors the query names: a known name equal to the query, or one the query is a
	// word-prefix of when it is long enough to be specific ("zhao li" → Zhao Lijian).
	wanted := map[string]bool{}
	for name, actors := range ix.names {
		if name == q || (len(q) >= 5 && strings.HasPrefix(name, q)) {
			for a := range actors {
				wanted[a] = true
			}
		}
	}
	var out []string
	for _, id := range ids {
		if strings.Contains(ix.keys[id], q) {
			out = append(out, id)
			continue
		}
		for a := range ix.actors[id] {
			if wanted[a] {
				out = append(out, id)
				break
			}
		}
	}
	return out
}

// languageName returns the English name of a BCP 47 code ("ar" → "Arabic"), or the code when
// it is unknown.
func languageName(code string) string {
	if code == "" {
		return "unknown"
	}
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	if n := display.English.Languages().Name(tag); n != "" {
		return n
	}
	return code
}
