package compare

import (
	"fmt"
	"testing"
)

// TestKeyFilter: every key added passes, few others do.
func TestKeyFilter(t *testing.T) {
	keys := []string{"", "a", "china", "北京", "пекин", "الصين", "new york", "hà nội"}
	for i := 0; i < 50000; i++ {
		keys = append(keys, fmt.Sprintf("name%d", i))
	}
	f := newKeyFilter(len(keys))
	for _, k := range keys {
		f.add(k)
	}
	for _, k := range keys {
		if !f.has(k) {
			t.Fatalf("%q was added but the filter says no", k)
		}
	}
	pass := 0
	const others = 20000
	for i := 0; i < others; i++ {
		if f.has(fmt.Sprintf("word%d", i)) {
			pass++
		}
	}
	if rate := float64(pass) / others; rate > 0.03 {
		t.Errorf("%.1f%% of keys never added pass the filter, want under 3%%", 100*rate)
	}
}

// TestNameStartFilter: the gazetteer's filter of first words knows every word a name starts
// with, so it never turns away a name.
func TestNameStartFilter(t *testing.T) {
	g := loadGazetteer()
	for k := range g.maxLen {
		if !g.mayStart(k) {
			t.Fatalf("a name starts with %q but mayStart says none does", k)
		}
	}
}
