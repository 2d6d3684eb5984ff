package interchange_test

import (
	"bytes"
	"testing"

	"parallax/compare"
	"parallax/store/interchange"
)

func compareAlias(surface, id, label string) compare.Alias {
	return compare.Alias{Surface: surface, ActorID: id, Label: label, Type: compare.ActorPerson}
}

// The "done when": the seeds, analysed, highlighted and with verdicts, export; the
// document re-imports into a fresh workspace, and exporting that gives the same bytes.
func TestRoundTrip_Seeds(t *testing.T) {
	src, _ := openDB(t)
	seedWorkspace(t, src, "Amira")
	set, first := export(t, src, true)
	if len(set.Highlights) == 0 || len(set.Verdicts) == 0 || set.Analysis == nil || len(set.Analysis.Discrepancies) == 0 {
		t.Fatalf("export lacks parts: %d highlights, %d verdicts, analysis %v", len(set.Highlights), len(set.Verdicts), set.Analysis != nil)
	}

	read, err := interchange.Read(bytes.NewReader(first), "seeds.json")
	if err != nil {
		t.Fatalf("Read of an export: %v", err)
	}
	dst, _ := openDB(t)
	rep, err := interchange.Import(dst, read, "")
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	if !rep.Restored || rep.Articles.Added != len(set.Articles) || rep.Highlights.Added != len(set.Highlights) || len(rep.Conflicts) != 0 {
		t.Errorf("report %s (%+v)", rep, rep.MergeResult)
	}
	t.Logf("import: %s", rep)
	_, second := export(t, dst, true)
	if !bytes.Equal(first, second) {
		t.Errorf("export → import → export differs:\n%s", firstDiff(first, second))
	}

	// Importing the same set again changes nothing.
	rep, err = interchange.Import(dst, read, "")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Restored || rep.Articles.Added+rep.Articles.Updated+rep.Highlights.Added+rep.Highlights.Updated+rep.Verdicts.Added+len(rep.Conflicts) != 0 {
		t.Errorf("second import of the same set changed something: %s", rep)
	}
	_, third := export(t, dst, true)
	if !bytes.Equal(first, third) {
		t.Errorf("re-import changed the export:\n%s", firstDiff(first, third))
	}
}

// firstDiff shows the first differing line of two documents with some context.
func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y []byte
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if !bytes.Equal(x, y) {
			return "line " + itoa(i+1) + ":\n- " + string(x) + "\n+ " + string(y)
		}
	}
	return "(no line differs)"
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}
