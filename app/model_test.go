package app

import (
	"testing"

	"parallax/compare"
)

// TestKindRankCoversEveryKind: every kind compare can emit has its own place in the flag order;
// a kind left out used to sort with "event" at the top of the list.
func TestKindRankCoversEveryKind(t *testing.T) {
	seen := map[int]string{}
	for _, k := range compare.DiscKinds {
		r, ok := kindRank[k]
		if !ok {
			t.Errorf("kindRank has no place for discrepancy kind %q: add it to kindRank in app/model.go", k)
			continue
		}
		if other, dup := seen[r]; dup {
			t.Errorf("kinds %q and %q share rank %d in kindRank", other, k, r)
		}
		seen[r] = k
	}
	if len(kindRank) != len(compare.DiscKinds) {
		t.Errorf("kindRank has %d kinds, compare.DiscKinds %d: remove kinds compare no longer emits", len(kindRank), len(compare.DiscKinds))
	}
}

func TestSortDiscrepanciesOrder(t *testing.T) {
	ds := []compare.Discrepancy{
		{ID: "e", Kind: compare.DiscEdit}, {ID: "i", Kind: compare.DiscInternal},
		{ID: "x", Kind: "unknown-kind"}, {ID: "g", Kind: compare.DiscGarbled},
		{ID: "n2", Kind: compare.DiscNumber, Severity: compare.SeverityMinor},
		{ID: "n1", Kind: compare.DiscNumber, Severity: compare.SeverityMajor},
		{ID: "v", Kind: compare.DiscEvent},
	}
	sortDiscrepancies(ds)
	var got string
	for _, d := range ds {
		got += d.ID + " "
	}
	if want := "v n1 n2 i g e x "; got != want {
		t.Errorf("flag order = %q, want %q", got, want)
	}
}
