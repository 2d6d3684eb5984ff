package interchange_test

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"parallax/seeds"
	"parallax/store"
	"parallax/store/analysis"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

// exportTime is the fixed Exported stamp of test exports, so two exports compare byte for byte.
var exportTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

// openDB opens a new workspace under t.TempDir(); it is checked (store.Check) and closed when
// the test ends.
func openDB(t testing.TB) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workspace.parallax")
	return openDBAt(t, path), path
}

func openDBAt(t testing.TB, path string) *store.DB {
	t.Helper()
	db, err := store.Open(path, store.Options{Timeout: time.Second, NoSync: true})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() {
		if err := db.Check(); err != nil {
			t.Errorf("workspace check: %v", err)
		}
		db.Close()
	})
	return db
}

// seedDocs decodes the five bundled sample articles through ingest, as the app does.
func seedDocs(t testing.TB) []ingest.Document {
	t.Helper()
	var docs []ingest.Document
	for _, name := range seeds.Names() {
		data, err := fs.ReadFile(seeds.FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		d, err := ingest.Bytes("samples/"+name, data)
		if err != nil {
			t.Fatalf("ingest %s: %v", name, err)
		}
		docs = append(docs, d)
	}
	return docs
}

// seedWorkspace is the workspace of the "done when": the seeds imported and analysed,
// with an analyst's highlights on discrepancy spans, verdicts, an alias, a link and a story
// override. It returns the analysis too.
func seedWorkspace(t testing.TB, db *store.DB, author string) analysis.Report {
	t.Helper()
	if _, err := db.ImportDocuments(seedDocs(t), time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	// The alias first: it changes the analysis, and verdicts must be on the discrepancies the
	// export's analysis lists.
	if err := db.PutAlias(store.LearnedAlias{Alias: compareAlias("Чжао Лицзянь", "zhao-lijian", "Zhao Lijian"), Author: author}); err != nil {
		t.Fatal(err)
	}
	rep, err := analysis.Workspace(db, analysis.Options{})
	if err != nil {
		t.Fatalf("analyse seeds: %v", err)
	}
	if len(rep.Discrepancies) < 2 {
		t.Fatalf("the seeds gave %d discrepancies; the test needs two", len(rep.Discrepancies))
	}
	notes := []string{"الرقم مختلف في النسخة العربية", "Date divergente — vérifier l'original", "Tên viết sai?"}
	tags := []string{"number", "date", "actor"}
	n := 0
	per := map[string]int{}
	for _, d := range rep.Discrepancies {
		for _, m := range d.Members {
			// Spread over the versions: at most two highlights per article, ten in all.
			if m.End <= m.Start || n >= 10 || per[m.Article] >= 2 {
				continue
			}
			per[m.Article]++
			if _, err := db.PutHighlight(store.Highlight{Article: m.Article, Start: m.Start, End: m.End,
				Tags: []string{tags[n%3], "claim"}, Note: notes[n%3], Author: author}); err != nil {
				t.Fatalf("highlight %v: %v", m, err)
			}
			n++
		}
	}
	verdicts := []string{store.VerdictConfirmed, store.VerdictRejected, store.VerdictUnsure}
	for i, d := range rep.Discrepancies[:min(3, len(rep.Discrepancies))] {
		if err := db.PutVerdict(store.Verdict{Discrepancy: d.ID, Verdict: verdicts[i], Note: "checked against the wire copy", Author: author}); err != nil {
			t.Fatal(err)
		}
	}
	return rep
}

// export exports a workspace with its analysis at exportTime, and checks the document against
// the schema.
func export(t testing.TB, db *store.DB, withAnalysis bool) (*interchange.Set, []byte) {
	t.Helper()
	opts := interchange.ExportOptions{Exported: exportTime}
	if withAnalysis {
		rep, err := analysis.Workspace(db, analysis.Options{})
		if err != nil {
			t.Fatal(err)
		}
		opts.Analysis = &rep
	}
	set, err := interchange.Export(db, opts)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := interchange.Write(&buf, set); err != nil {
		t.Fatal(err)
	}
	validateSchema(t, buf.Bytes())
	return set, buf.Bytes()
}

var testSchema *jsonschema.Schema

// validateSchema checks a document against the committed schema file with the JSON Schema
// library directly, not through Read, so the schema itself is what is tested.
func validateSchema(t testing.TB, doc []byte) {
	t.Helper()
	if testSchema == nil {
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		f, err := os.Open("schema/parallax-set.schema.json")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		sdoc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			t.Fatalf("schema file is not JSON: %v", err)
		}
		if err := c.AddResource("parallax-set.schema.json", sdoc); err != nil {
			t.Fatal(err)
		}
		if testSchema, err = c.Compile("parallax-set.schema.json"); err != nil {
			t.Fatalf("schema does not compile: %v", err)
		}
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if err := testSchema.Validate(inst); err != nil {
		t.Fatalf("export does not fit the schema: %v", err)
	}
}

// fileSum is the SHA-256 of a file's bytes.
func fileSum(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}
