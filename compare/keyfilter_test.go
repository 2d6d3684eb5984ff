package compare

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
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

// TestNameStartFilter: the gazetteer's filters know every word a name starts with, every
// beginning of a name and every name, so they never turn a name away.
func TestNameStartFilter(t *testing.T) {
	g := loadGazetteer()
	for k := range g.maxLen {
		if !g.mayStart(k) {
			t.Fatalf("a name starts with %q but mayStart says none does", k)
		}
	}
	for k := range g.prefix {
		if !g.prefixes.has(k) {
			t.Fatalf("%q begins a name but the prefix filter says no", k)
		}
	}
	for k := range g.names {
		if !g.fullNames.has(k) {
			t.Fatalf("%q is a name but the name filter says no", k)
		}
	}
}

// TestExtractBufferReuse: extraction reuses its rune and token buffers across calls; an article
// extracted after a longer or a shorter one, or while others run, gives the facts it gives
// alone.
func TestExtractBufferReuse(t *testing.T) {
	docs, _ := azLoadSeeds(t)
	long := Document{ID: "long", Lang: "fr", Text: strings.Repeat(docs[1].Text+"\n", 5)}
	docs = append(docs, long, Document{ID: "short", Lang: "en", Text: "On 3 May 2021, 12 people met in Paris."})
	want := make([][]Fact, len(docs))
	for i, d := range docs {
		want[i] = ExtractFacts(d, Options{})
	}
	check := func(i int) {
		if got := ExtractFacts(docs[i], Options{}); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("%s: facts differ when extracted after other articles", docs[i].ID)
		}
	}
	for i := len(docs) - 1; i >= 0; i-- {
		check(i)
		check(len(docs) - 2) // the long one between every two
	}
	var wg sync.WaitGroup
	for i := range docs {
		wg.Add(1)
		go func() { defer wg.Done(); check(i) }()
	}
	wg.Wait()
}
