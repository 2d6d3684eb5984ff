package compare

import (
	"fmt"
	"strings"
	"testing"
)

// The two revisions of one wire article: the toll rose, the police spokesman's name was
// corrected, and a paragraph was dropped.
const (
	ferryV1 = "Ferry sinks on Lake Malawi, 12 dead\n" +
		"At least 12 people died when an overloaded ferry sank on Lake Malawi on Sunday, police in Malawi said.\n" +
		"The ferry was carrying about 80 passengers to Likoma Island when it was hit by a storm. Police spokesman Peter Kalua said 41 people had been rescued.\n" +
		"Witnesses said the captain had ignored a storm warning issued on Saturday.\n" +
		"President Lazarus Chakwera declared three days of national mourning."
	ferryV2 = "Ferry sinks on Lake Malawi, 35 dead\n" +
		"At least 35 people died when an overloaded ferry sank on Lake Malawi on Sunday, police in Malawi said.\n" +
		"The ferry was carrying about 80 passengers to Likoma Island when it was hit by a storm. Police spokesman James Kadadzera said 41 people had been rescued.\n" +
		"President Lazarus Chakwera declared three days of national mourning."
)

func ferryRevision(rev int, text, fetched string) RevisionText {
	doc := Document{ID: "ferry", Name: "Example Wire (en)", Lang: "en", Text: text, Published: "2025-05-12",
		Title: strings.SplitN(text, "\n", 2)[0]}
	return RevisionText{Doc: doc, Facts: ExtractFacts(doc, Options{}),
		Stamp: RevisionStamp{Revision: rev, Fetched: fetched}}
}

// Pages come out of the extractor with a blank line between paragraphs; the revisions are
// compared both ways.
func TestEditDiscrepancy_Ferry(t *testing.T) {
	for _, sep := range []string{"\n", "\n\n"} {
		v1, v2 := strings.ReplaceAll(ferryV1, "\n", sep), strings.ReplaceAll(ferryV2, "\n", sep)
		t.Run(strings.ReplaceAll(sep, "\n", "n"), func(t *testing.T) { testFerryEdits(t, v1, v2) })
	}
}

func testFerryEdits(t *testing.T, ferryV1, ferryV2 string) {
	before := ferryRevision(1, ferryV1, "2025-05-12T08:10:00Z")
	after := ferryRevision(2, ferryV2, "2025-05-12T16:30:00Z")
	after.Stamp.Modified = "2025-05-12T16:25:00Z"
	d, ok := EditDiscrepancy("s-1", before, after)
	if !ok {
		t.Fatal("no edit discrepancy between two different revisions")
	}
	var got []string
	for _, e := range d.Edits {
		got = append(got, e.Kind+" "+e.Change+" "+e.Old+"→"+e.New)
		if e.Change != EditRemoved && e.Kind != EditTitle {
			if s := string([]rune(ferryV2)[e.Start:e.End]); s != e.New {
				t.Errorf("edit %+v: span [%d,%d) of revision 2 reads %q", e, e.Start, e.End, s)
			}
		}
		if e.Change != EditAdded && e.Kind != EditTitle {
			if s := string([]rune(ferryV1)[e.OldStart:e.OldEnd]); s != e.Old {
				t.Errorf("edit %+v: span [%d,%d) of revision 1 reads %q", e, e.OldStart, e.OldEnd, s)
			}
		}
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"number changed 12→35",
		"Kalua",
		"Kadadzera",
		"paragraph removed Witnesses said the captain had ignored a storm warning issued on Saturday.→",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("edits lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "Chakwera") || strings.Contains(all, "80") {
		t.Errorf("unchanged facts reported as edits:\n%s", all)
	}
	if d.Kind != DiscEdit || d.Severity != SeverityMajor || len(d.Revisions) != 2 || d.Revisions[1].Modified == "" {
		t.Errorf("discrepancy = %+v", d)
	}
	for _, want := range []string{"Example Wire (en) was edited", "12", "35", "revision 1, fetched 2025-05-12 08:10", "modified 2025-05-12 16:25"} {
		if !strings.Contains(d.Summary, want) {
			t.Errorf("summary %q lacks %q", d.Summary, want)
		}
	}
	for _, m := range d.Members {
		if m.Article != "ferry" || m.Start > m.End || m.End > len([]rune(ferryV2)) {
			t.Errorf("member %+v does not lie in revision 2", m)
		}
	}
	// The same comparison again gives the same flag (its id keys the analyst's verdict).
	if d2, _ := EditDiscrepancy("s-1", before, after); d2.ID != d.ID || d2.Summary != d.Summary {
		t.Errorf("not deterministic: %q vs %q", d.ID, d2.ID)
	}
}

func TestEditDiscrepancy_Cases(t *testing.T) {
	cases := []struct {
		name, lang, before, after string
		want                      []string // kind change old→new, in order
	}{
		{"same text", "en", "A ferry sank.", "A ferry sank.", nil},
		{"paragraph added", "en", "One.\nTwo.", "One.\nTwo.\nThree more people were rescued on Monday.",
			[]string{"paragraph added →Three more people were rescued on Monday."}},
		{"wording only", "en", "The ferry sank quickly.", "The ferry sank very quickly.",
			[]string{"wording changed quickly→very quickly"}},
		{"a digit added", "en", "At least 12 people died in the fire.", "At least 125 people died in the fire.", []string{"number changed 12→125"}},
		{"mixed scripts", "ru", "В результате пожара погибли 12 человек.\nВторой абзац.", "В результате пожара погибли 35 человек.\nВторой абзац.",
			[]string{"number changed 12→35"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, ok := EditDiscrepancy("s", revisionOf(1, c.lang, c.before), revisionOf(2, c.lang, c.after))
			var got []string
			for _, e := range d.Edits {
				got = append(got, e.Kind+" "+e.Change+" "+e.Old+"→"+e.New)
			}
			if ok != (c.want != nil) || strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("edits = %q (ok %v), want %q", got, ok, c.want)
			}
		})
	}
}

func revisionOf(rev int, lang, text string) RevisionText {
	doc := Document{ID: "x", Lang: lang, Text: text}
	return RevisionText{Doc: doc, Facts: ExtractFacts(doc, Options{}), Stamp: RevisionStamp{Revision: rev}}
}

// A removal leaves nothing to point at in the later text: the flag points where it was only
// when nothing else changed.
func TestEditDiscrepancy_MembersOfRemovals(t *testing.T) {
	only, _ := EditDiscrepancy("s", revisionOf(1, "en", "One.\nTwo is gone now.\nThree."), revisionOf(2, "en", "One.\nThree."))
	if len(only.Members) != 1 || only.Members[0].Start != 5 || only.Members[0].End != 5 {
		t.Errorf("members of a sole removal = %+v, want one at offset 5", only.Members)
	}
	both, _ := EditDiscrepancy("s", revisionOf(1, "en", "One.\nTwo is gone now.\nThree."), revisionOf(2, "en", "One.\nThree.\nFour people were rescued on Monday."))
	for _, m := range both.Members {
		if m.Start == m.End {
			t.Errorf("empty member %+v beside an addition", m)
		}
	}
}

// A wholly rewritten long article costs a bounded number of character diffs per paragraph.
func BenchmarkEditDiscrepancy_Rewritten(b *testing.B) {
	var v1, v2 strings.Builder
	for i := range 300 {
		fmt.Fprintf(&v1, "Paragraph %d of the first version says the ferry carried %d passengers.\n\n", i, 80+i)
		fmt.Fprintf(&v2, "In the rewrite, section %d reports %d people rescued after the storm.\n\n", i, 40+i)
	}
	before, after := revisionOf(1, "en", v1.String()), revisionOf(2, "en", v2.String())
	b.ResetTimer()
	for range b.N {
		EditDiscrepancy("s", before, after)
	}
}
