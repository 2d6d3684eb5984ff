package compare

import (
	"bufio"
	"sort"
	"strings"
	"testing"

	"parallax/assets"
)

// actors.tsv is curated by hand: these tests keep it loadable and unambiguous as it grows.

// TestActorsTSVOneLinePerID: an actor is one line. A second line with the same id would
// merge silently into the first, hiding a mistake (two people given one title).
func TestActorsTSVOneLinePerID(t *testing.T) {
	f, err := assets.Gazetteer.Open("gazetteer/actors.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	seen := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			t.Errorf("line %d: want id, type and names: %q", n, line)
			continue
		}
		switch fields[1] {
		case ActorPerson, ActorOrg, ActorGroup, ActorPlace, ActorCountry, typProduct:
		default:
			t.Errorf("line %d: unknown type %q", n, fields[1])
		}
		for _, fl := range fields[2:] {
			if strings.HasPrefix(fl, "@") {
				continue
			}
			lang, names, ok := strings.Cut(fl, ":")
			if !ok || lang == "" {
				t.Errorf("line %d: field %q is not lang:names", n, fl)
				continue
			}
			for _, nm := range strings.Split(names, "|") {
				if strings.TrimSpace(strings.TrimPrefix(nm, "~")) == "" || nm != strings.TrimSpace(nm) {
					t.Errorf("line %d (%s): empty or padded name %q", n, fields[0], nm)
				}
			}
		}
		if prev, ok := seen[fields[0]]; ok {
			t.Errorf("id %q on lines %d and %d", fields[0], prev, n)
		}
		seen[fields[0]] = n
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestGazetteerNoSharedNames: no name of a person, organisation or group reads as two of
// them in one language. Matching keeps the first candidate of a tie, so a shared name would
// quietly give every mention to whichever line came first.
func TestGazetteerNoSharedNames(t *testing.T) {
	g := loadGazetteer()
	curated := map[string]bool{}
	if err := readTSV(assets.Gazetteer, "actors.tsv", func(f []string) error {
		curated[f[0]] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	named := func(a int32) bool {
		if !curated[g.actors[a].id] {
			return false // template names (Niger, Nigeria share a Russian stem) are not curated
		}
		switch g.actors[a].typ {
		case ActorPerson, ActorOrg, ActorGroup:
			return true
		}
		return false
	}
	overlap := func(a, b *candidate) bool {
		if a.langs == nil || b.langs == nil || a.en || b.en {
			return true
		}
		for _, x := range a.langs {
			for _, y := range b.langs {
				if x == y {
					return true
				}
			}
		}
		return false
	}
	var bad []string
	for key, cands := range g.names {
		for i := range cands {
			for j := i + 1; j < len(cands); j++ {
				a, b := &cands[i], &cands[j]
				if a.actor == b.actor || !named(a.actor) || !named(b.actor) || a.adj || b.adj {
					continue
				}
				// A family name shared by two people is allowed as a short form of each:
				// it counts only in an article that names one of them in full.
				if a.short && b.short || a.exact != b.exact || a.capFirst != b.capFirst {
					continue
				}
				if overlap(a, b) {
					bad = append(bad, key+": "+g.actors[a.actor].id+" / "+g.actors[b.actor].id)
				}
			}
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Errorf("name shared by two actors: %s", b)
	}
}
