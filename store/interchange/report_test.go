package interchange_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/store/interchange"
)

// seedSet is the seeds workspace exported with its analysis.
func seedSet(t *testing.T) *interchange.Set {
	t.Helper()
	db, _ := openDB(t)
	seedWorkspace(t, db, "Amira Haddad")
	set, _ := export(t, db, true)
	return set
}

func TestWriteReport_Seeds(t *testing.T) {
	set := seedSet(t)
	for _, format := range []string{"html", "md"} {
		var buf bytes.Buffer
		if err := interchange.WriteReport(&buf, set, format, ""); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if dir := os.Getenv("PARALLAX_REPORT_DIR"); dir != "" {
			if err := os.WriteFile(filepath.Join(dir, "report."+format), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		out := buf.String()
		for _, d := range set.Analysis.Discrepancies {
			if !strings.Contains(out, d.ID) {
				t.Errorf("%s report lacks discrepancy %s", format, d.ID)
			}
		}
	}
}
