package interchange_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"parallax/store/interchange"
)

// readCSV parses a CSV export and undoes the apostrophe that guards formula-like text.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	for _, r := range rows {
		for i, c := range r {
			if len(c) > 1 && c[0] == '\'' && strings.ContainsRune("=+-@", rune(c[1])) {
				r[i] = c[1:]
			}
		}
	}
	return rows
}

// The facts and discrepancies of the seeds, with verdicts and notes (one of them looking like a
// formula), go out as CSV and XLSX and read back to the same tables: every fact and every
// discrepancy once, with its verdict and note, in the same order in both formats.
func TestSheets_RoundTrip(t *testing.T) {
	set := seedSet(t)
	set.Verdicts[0].Note = "=HYPERLINK(\"http://x\") — not a formula, the analyst's words"
	nFacts := 0
	for _, af := range set.Analysis.Facts {
		nFacts += len(af.Facts)
	}
	var xl bytes.Buffer
	if err := interchange.WriteXLSX(&xl, set); err != nil {
		t.Fatal(err)
	}
	book, err := excelize.OpenReader(bytes.NewReader(xl.Bytes()), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer book.Close()
	if got := book.GetSheetList(); !slices.Equal(got, []string{"Facts", "Discrepancies"}) {
		t.Fatalf("sheets %v", got)
	}
	for _, tt := range []struct {
		table, sheet string
		rows         int
		check        func(t *testing.T, header []string, rows [][]string)
	}{
		{interchange.TableFacts, "Facts", nFacts, func(t *testing.T, h []string, rows [][]string) {
			id, text, value := slices.Index(h, "fact"), slices.Index(h, "text"), slices.Index(h, "value")
			i := 0
			for _, af := range set.Analysis.Facts {
				for _, f := range af.Facts {
					r := rows[i]
					i++
					if r[id] != f.ID || r[text] != f.Text {
						t.Fatalf("row %d is %v, want fact %s %q", i, r, f.ID, f.Text)
					}
					// An unresolved date's value is "": there is nothing to lose.
					if f.Value != nil && f.Value != "" && r[value] == "" {
						t.Errorf("fact %s %q lost its value %v", f.ID, f.Text, f.Value)
					}
				}
			}
		}},
		{interchange.TableDiscrepancies, "Discrepancies", len(set.Analysis.Discrepancies), func(t *testing.T, h []string, rows [][]string) {
			id, verdict, note, members := slices.Index(h, "discrepancy"), slices.Index(h, "verdict"), slices.Index(h, "note"), slices.Index(h, "members")
			byID := map[string][]string{}
			for i, d := range set.Analysis.Discrepancies {
				if rows[i][id] != d.ID {
					t.Fatalf("row %d is %s, want %s", i, rows[i][id], d.ID)
				}
				if !strings.Contains(rows[i][members], d.Members[0].Text) {
					t.Errorf("%s members %q do not quote %q", d.ID, rows[i][members], d.Members[0].Text)
				}
				byID[d.ID] = rows[i]
			}
			for _, v := range set.Verdicts {
				r := byID[v.Discrepancy]
				if r == nil || r[verdict] != v.Verdict || r[note] != v.Note {
					t.Errorf("verdict %+v not in its row %v", v, r)
				}
			}
		}},
	} {
		t.Run(tt.table, func(t *testing.T) {
			var buf bytes.Buffer
			if err := interchange.WriteCSV(&buf, set, tt.table); err != nil {
				t.Fatal(err)
			}
			if tt.table == interchange.TableDiscrepancies && !strings.Contains(buf.String(), "'=HYPERLINK") {
				t.Errorf("a note that looks like a formula is not guarded in the CSV")
			}
			rows := readCSV(t, buf.Bytes())
			if len(rows) != tt.rows+1 {
				t.Fatalf("%d CSV rows, want a header and %d", len(rows), tt.rows)
			}
			tt.check(t, rows[0], rows[1:])
			xrows, err := book.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			for i := range rows {
				x := xrows[i]
				for len(x) < len(rows[i]) { // GetRows drops trailing empty cells
					x = append(x, "")
				}
				if !slices.Equal(x, rows[i]) {
					t.Fatalf("%s row %d differs:\nxlsx %q\ncsv  %q", tt.sheet, i, x, rows[i])
				}
			}
			if len(xrows) != len(rows) {
				t.Errorf("%d rows in the sheet, %d in the CSV", len(xrows), len(rows))
			}
		})
	}
	if err := interchange.WriteCSV(&bytes.Buffer{}, set, "highlights"); err == nil {
		t.Error("an unknown table was accepted")
	}
}
