package interchange_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

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
	start := time.Now()
	rep, err := interchange.Import(dst, read, "")
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	t.Logf("seeds set: %d KB, %d articles, %d highlights, %d verdicts, %d discrepancies; import in %v",
		len(first)>>10, len(set.Articles), len(set.Highlights), len(set.Verdicts), len(set.Analysis.Discrepancies), time.Since(start).Round(time.Microsecond))
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

// A story-scoped export holds that story's articles and what concerns them, re-imports into an
// empty workspace, and refuses without the analysis or for an unknown story.
func TestExport_Story(t *testing.T) {
	db, _ := openDB(t)
	rep := seedWorkspace(t, db, "Amira Haddad")
	var main compare.Story
	for _, st := range rep.Stories {
		if len(st.Articles) > len(main.Articles) {
			main = st
		}
	}
	set, err := interchange.Export(db, interchange.ExportOptions{Story: main.ID, Analysis: &rep, Exported: exportTime})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := interchange.Write(&buf, set); err != nil {
		t.Fatal(err)
	}
	validateSchema(t, buf.Bytes())
	in := map[string]bool{}
	for _, id := range main.Articles {
		in[id] = true
	}
	for _, d := range rep.Discrepancies {
		if d.Story == main.ID {
			for _, m := range d.Members {
				in[m.Article] = true // quoted by the story's flags
			}
		}
	}
	if set.Story != main.ID || len(set.Articles) != len(in) || len(set.Analysis.Stories) != 1 {
		t.Fatalf("story set: story %q, %d articles (want %d), %d stories", set.Story, len(set.Articles), len(in), len(set.Analysis.Stories))
	}
	for _, h := range set.Highlights {
		if !in[h.Article] {
			t.Errorf("highlight %s of article %s outside the story", h.ID, h.Article)
		}
	}
	for _, d := range set.Analysis.Discrepancies {
		if d.Story != main.ID {
			t.Errorf("discrepancy %s of story %s", d.ID, d.Story)
		}
	}
	read, err := interchange.Read(&buf, "story.json")
	if err != nil {
		t.Fatal(err)
	}
	dst, _ := openDB(t)
	if r, err := interchange.Import(dst, read, ""); err != nil || r.Articles.Added != len(in) {
		t.Fatalf("import story set: %v, %s", err, r)
	}

	if _, err := interchange.Export(db, interchange.ExportOptions{Story: main.ID}); err == nil || !strings.Contains(err.Error(), "analysis") {
		t.Errorf("story export without analysis: %v", err)
	}
	if _, err := interchange.Export(db, interchange.ExportOptions{Story: "s-nope", Analysis: &rep}); err == nil || !strings.Contains(err.Error(), main.ID) {
		t.Errorf("unknown story: %v (should list the stories)", err)
	}
}
