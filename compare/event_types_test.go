package compare

import "testing"

// TestLookBackIsAnotherEvent: a piece looking back at an earlier quake in the same country,
// published the same week as this year's versions, names other people and other days; it
// must be its own story, and the analyst must be told it reports another event.
func TestLookBackIsAnotherEvent(t *testing.T) {
	docs := []Document{
		{ID: "en", Lang: "en", Published: "2023-02-07", PublishedTime: "2023-02-07T08:00:00Z",
			Text: "A powerful earthquake struck southern Turkey on Monday, 6 February 2023. The quake and its aftershocks killed more than 3,000 people in Gaziantep and Hatay, the disaster agency said.\n"},
		{ID: "fr", Lang: "fr", Published: "2023-02-07", PublishedTime: "2023-02-07T09:00:00Z",
			Text: "Un violent séisme a frappé le sud de la Turquie lundi 6 février 2023. Le tremblement de terre et ses répliques ont fait plus de 3 000 morts à Gaziantep et dans le Hatay.\n"},
		{ID: "de", Lang: "de", Published: "2023-02-07", PublishedTime: "2023-02-07T10:00:00Z",
			Text: "Ein schweres Erdbeben hat am Montag, dem 6. Februar 2023, den Süden der Türkei erschüttert. Das Beben und die Nachbeben töteten in Gaziantep und Hatay mehr als 3000 Menschen.\n"},
		{ID: "look-back", Lang: "en", Published: "2023-02-08", PublishedTime: "2023-02-08T12:00:00Z",
			Text: "The Izmit earthquake of 17 August 1999 remains Turkey's deadliest quake in living memory. On 17 August 1999 the tremor flattened towns around Izmit and Golcuk; rescuers and the Kandilli Observatory counted 17,000 dead by 20 August 1999.\n"},
	}
	res := Analyze(docs, nil, AnalyzeOptions{})
	for _, st := range res.Stories {
		for _, id := range st.Articles {
			if id == "look-back" && len(st.Articles) != 1 {
				t.Fatalf("the look-back piece shares a story with %v", st.Articles)
			}
		}
	}
	found := false
	for _, d := range res.Discrepancies {
		if d.Kind == DiscEvent {
			for _, m := range d.Members {
				if m.Article == "look-back" {
					found = true
				}
			}
		}
	}
	if !found {
		t.Fatalf("no event flag on the look-back piece; flags: %+v", res.Discrepancies)
	}
}
