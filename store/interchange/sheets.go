package interchange

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"parallax/store"
)

// Spreadsheet export: the facts and the discrepancies of a set as tables that analysts and
// their editors open in a spreadsheet, one row per fact and one per discrepancy (with the
// analyst's verdict and note). CSV holds one table; XLSX holds both, one sheet each.

// The tables WriteCSV writes.
const (
	TableFacts         = "facts"
	TableDiscrepancies = "discrepancies"
)

// A cell is a string or a number: XLSX stores numbers as numbers, CSV writes both as text.
type sheet struct {
	name   string
	header []string
	rows   [][]any
}

var (
	factHeader = []string{"story", "article", "version", "outlet", "lang", "published", "fact",
		"kind", "text", "value", "precision", "qualifier", "concept", "label", "type", "start", "end"}
	discHeader = []string{"story", "discrepancy", "kind", "severity", "summary", "claim", "relation",
		"diff", "members", "verdict", "note", "author", "decided"}
)

// factSheet lists every fact of the set's analysis, article by article in set order.
func factSheet(set *Set) sheet {
	s := sheet{name: "Facts", header: factHeader}
	if set.Analysis == nil {
		return s
	}
	x := newTexts(set)
	labels := versionLabels(set)
	storyOf := storiesOf(set)
	for _, af := range set.Analysis.Facts {
		e := x.entry(af.Article)
		if e == nil {
			continue
		}
		pub := e.Published
		if pub == "" {
			pub = af.Published
		}
		for _, f := range af.Facts {
			s.rows = append(s.rows, []any{storyOf[af.Article], af.Article, labels[af.Article], outletOf(e.Article),
				e.Lang, pub, f.ID, string(f.Kind), f.Text, f.Value, f.Precision, f.Qualifier, f.Concept,
				f.Label, f.Type, f.Start, f.End})
		}
	}
	return s
}

// discSheet lists every discrepancy with its members quoted and the verdict on it.
func discSheet(set *Set) sheet {
	s := sheet{name: "Discrepancies", header: discHeader}
	if set.Analysis == nil {
		return s
	}
	labels := versionLabels(set)
	verdicts := map[string]store.Verdict{}
	for _, v := range set.Verdicts {
		verdicts[v.Discrepancy] = v
	}
	for _, d := range set.Analysis.Discrepancies {
		var members []string
		for _, m := range d.Members {
			members = append(members, fmt.Sprintf("%s: %s", labels[m.Article], m.Text))
		}
		v := verdicts[d.ID]
		decided := ""
		if !v.Updated.IsZero() {
			decided = v.Updated.UTC().Format("2006-01-02 15:04")
		}
		s.rows = append(s.rows, []any{d.Story, d.ID, d.Kind, d.Severity, d.Summary, d.Claim, d.Relation,
			d.Diff, strings.Join(members, "\n"), v.Verdict, v.Note, v.Author, decided})
	}
	return s
}

func storiesOf(set *Set) map[string]string {
	m := map[string]string{}
	if set.Analysis != nil {
		for _, st := range set.Analysis.Stories {
			for _, a := range st.Articles {
				m[a] = st.ID
			}
		}
	}
	return m
}

// outletOf names the publication: the outlet the file gave, else the URL's host, else the
// source as given; then the other outlets that ran the same text, joined by " + ".
func outletOf(a store.Article) string {
	name := func(outlet, u, src string) string { return cmp.Or(store.OutletName(outlet, u), src) }
	s := name(a.Outlet, a.URL, a.Source)
	for _, o := range a.AlsoRan {
		s += " + " + name(o.Outlet, o.URL, o.Source)
	}
	return s
}

// WriteCSV writes one table of the set (TableFacts or TableDiscrepancies) as CSV (RFC 4180,
// UTF-8, header row first). Text that a spreadsheet would run as a formula (starting with =, +,
// -, @) is prefixed with an apostrophe, as spreadsheets do for typed text.
func WriteCSV(w io.Writer, set *Set, table string) error {
	var s sheet
	switch table {
	case TableFacts:
		s = factSheet(set)
	case TableDiscrepancies:
		s = discSheet(set)
	default:
		return fmt.Errorf("table %q is not known; use %q or %q", table, TableFacts, TableDiscrepancies)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(s.header); err != nil {
		return err
	}
	rec := make([]string, len(s.header))
	for _, row := range s.rows {
		for i, c := range row {
			rec[i] = csvCell(c)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cellText renders a cell as text: numbers in the shortest exact decimal form.
func cellText(c any) string {
	switch v := c.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	}
	return fmt.Sprint(c)
}

func csvCell(c any) string {
	s := cellText(c)
	if _, text := c.(string); text && s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// WriteXLSX writes the facts and the discrepancies as an Excel workbook with two sheets,
// "Facts" and "Discrepancies": a bold, frozen header row with filters; numbers as numbers.
func WriteXLSX(w io.Writer, set *Set) error {
	f := excelize.NewFile()
	defer f.Close()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	for i, s := range []sheet{factSheet(set), discSheet(set)} {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		if err := writeSheet(f, s, bold, wrap); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
	}
	return f.Write(w)
}

func writeSheet(f *excelize.File, s sheet, bold, wrap int) error {
	header := make([]any, len(s.header))
	for i, h := range s.header {
		header[i] = h
	}
	if err := f.SetSheetRow(s.name, "A1", &header); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(s.header))
	if err := f.SetCellStyle(s.name, "A1", last+"1", bold); err != nil {
		return err
	}
	for r, row := range s.rows {
		cells := make([]any, len(row))
		for i, c := range row {
			switch v := c.(type) {
			case int, float64:
				cells[i] = v
			default:
				cells[i] = cellText(c) // strings stay strings: never a formula
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := f.SetSheetRow(s.name, cell, &cells); err != nil {
			return err
		}
	}
	if len(s.rows) > 0 {
		if err := f.SetCellStyle(s.name, "A2", fmt.Sprintf("%s%d", last, len(s.rows)+1), wrap); err != nil {
			return err
		}
	}
	if err := f.AutoFilter(s.name, fmt.Sprintf("A1:%s%d", last, len(s.rows)+1), nil); err != nil {
		return err
	}
	return f.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
