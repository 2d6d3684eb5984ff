package analysis

import (
	"bytes"
	"encoding/json"
	"testing"

	"parallax/compare"
)

// TestWriteJSON_SameBytesAsEncoder: the streamed document is byte for byte what encoding the
// whole report at once gives, for the samples and for empty and one-element reports.
func TestWriteJSON_SameBytesAsEncoder(t *testing.T) {
	seeded, err := Documents(seedDocs(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pub := "2021-07-20"
	cases := []struct {
		name string
		rep  Report
	}{
		{"samples", seeded},
		{"empty", Report{Version: ReportVersion, Articles: []Article{}, Stories: []compare.Story{},
			Alignments: []compare.Alignment{}, Discrepancies: []compare.Discrepancy{}}},
		{"nil slices", Report{Version: ReportVersion}},
		{"one article, html and unicode", Report{Version: ReportVersion,
			Articles: []Article{{ID: "a", Source: "x<y>&z.txt", Lang: "ar", Title: "\u2028«ت»", Published: &pub,
				Text: "20 تموز 2021\n\t\"q\"", Facts: []compare.Fact{}}},
			Stories: []compare.Story{{ID: "s-1", Articles: []string{"a"}}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(c.rep); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteJSON(&got, c.rep); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("streamed JSON differs from the encoder's:\n got %.400q\nwant %.400q", got.String(), want.String())
			}
		})
	}
}
