package interchange_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"parallax/store"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

// wireDocs is one wire story as run by three papers (the third twice), plus the first paper's
// own file again from another folder.
func wireDocs(t testing.TB) []ingest.Document {
	t.Helper()
	body := "Beijing rejected the accusations on Tuesday, the foreign ministry said.\n"
	var docs []ingest.Document
	for _, f := range []struct{ name, fm string }{
		{"a/herald.md", "source: The Herald\npublished: 2021-07-20"},
		{"b/courier.md", "source: The Courier\nurl: https://courier.example/world/1"},
		{"c/gazette.md", "url: https://www.gazette.example/wire/beijing"},
		{"c/gazette-2.md", "url: https://www.gazette.example/wire/beijing?amp=1"},
		{"copy/herald.md", "source: The Herald"},
	} {
		d, err := ingest.Bytes(f.name, []byte("---\n"+f.fm+"\n---\n"+body))
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// Identical text from three outlets is one article that records the other two (one text, the
// outlets all visible); the same outlet again adds nothing. The set carries them, validates
// against the schema, and restores exactly; the report names them.
func TestSyndication(t *testing.T) {
	db, _ := openDB(t)
	res, err := db.ImportDocuments(wireDocs(t), time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var st []store.ImportStatus
	for _, d := range res.Docs {
		st = append(st, d.Status)
	}
	if res.Added != 1 || res.Syndicated != 2 || res.Unchanged != 2 {
		t.Fatalf("statuses %v (%+v)", st, res)
	}
	as, _ := db.Articles()
	if len(as) != 1 || len(as[0].AlsoRan) != 2 {
		t.Fatalf("articles %+v", as)
	}
	a := as[0]
	if got, want := a.SameTextNote(), "the same wire text ran in The Herald, The Courier and www.gazette.example"; got != want {
		t.Errorf("note %q, want %q", got, want)
	}
	if a.AlsoRan[0].URL != "https://courier.example/world/1" || a.AlsoRan[1].Source != "c/gazette.md" {
		t.Errorf("also ran %+v", a.AlsoRan)
	}

	set, first := export(t, db, true)
	if !bytes.Contains(first, []byte(`"also_ran"`)) {
		t.Fatal("the set does not carry the other outlets")
	}
	dst, _ := openDB(t)
	read, err := interchange.Read(bytes.NewReader(first), "wire.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := interchange.Import(dst, read, ""); err != nil {
		t.Fatal(err)
	}
	if _, second := export(t, dst, true); !bytes.Equal(first, second) {
		t.Errorf("export → import → export differs:\n%s", firstDiff(first, second))
	}
	var md bytes.Buffer
	if err := interchange.WriteReport(&md, set, "md", ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "the same wire text ran in The Herald, The Courier and www.gazette.example") {
		t.Errorf("the report does not say who ran the text:\n%s", md.String())
	}
}
