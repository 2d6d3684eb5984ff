package compare

import (
	"sync"

	"parallax/assets"
)

// Event types: what kind of event an article reports (an earthquake, a flood, an
// explosion…), read from the words news uses for it (assets/lang/events.tsv) with the concept
// matcher. Two stories about the same kind of event in the same country are the case the
// event flag exists for: last year's quake beside this year's.

// eventTypeMinCues is how many cue words make an article about an event type.
const eventTypeMinCues = 2

var loadEventTypes = sync.OnceValue(func() *conceptLexicon {
	lx, err := compileConcepts(assets.Lang, "lang/events.tsv")
	if err != nil {
		panic("compare: embedded events table is broken: " + err.Error())
	}
	return lx
})

// eventTypes returns the kinds of event an article reports: those with eventTypeMinCues cue
// words or more. Callers go through article.kindsOfEvent, which keeps the answer.
func eventTypes(a *article) map[string]bool {
	loaded := a.runes != nil
	if !loaded {
		a.load()
		defer a.unload()
	}
	count := map[string]int{}
	for _, c := range a.eventCues() {
		count[c.concept]++
	}
	out := map[string]bool{}
	for t, n := range count {
		if n >= eventTypeMinCues {
			out[t] = true
		}
	}
	return out
}

// storyEventTypes returns the kinds of event most of a story's articles report.
func storyEventTypes(st *story, types map[*article]map[string]bool) map[string]bool {
	count := map[string]int{}
	for _, a := range st.arts {
		for t := range types[a] {
			count[t]++
		}
	}
	out := map[string]bool{}
	for t, n := range count {
		if n*2 > len(st.arts) {
			out[t] = true
		}
	}
	return out
}
