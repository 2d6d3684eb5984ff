package compare

import "testing"

func TestDropSubsumed(t *testing.T) {
	m := func(art string, s, e int) Member { return Member{Article: art, Start: s, End: e} }
	role := Discrepancy{ID: "role", Kind: DiscActor, Members: []Member{m("es", 10, 20), m("es", 30, 38), m("en", 5, 15), m("en", 40, 48), m("fr", 7, 17)}}
	pair1 := Discrepancy{ID: "p1", Kind: DiscActor, Members: []Member{m("es", 10, 20), m("en", 5, 15)}}
	pair2 := Discrepancy{ID: "p2", Kind: DiscActor, Members: []Member{m("fr", 7, 17), m("es", 10, 20)}}
	other := Discrepancy{ID: "other", Kind: DiscActor, Members: []Member{m("es", 10, 20), m("ru", 1, 4)}}
	number := Discrepancy{ID: "num", Kind: DiscNumber, Members: []Member{m("es", 10, 20), m("en", 5, 15)}}
	twin := Discrepancy{ID: "twin", Kind: DiscActor, Members: []Member{m("en", 5, 15), m("es", 10, 20)}}
	for _, tc := range []struct {
		name string
		in   []Discrepancy
		want []string
	}{
		{"pairs within a role flag", []Discrepancy{pair1, role, pair2}, []string{"role"}},
		{"a member elsewhere stays", []Discrepancy{role, other}, []string{"role", "other"}},
		{"another kind stays", []Discrepancy{role, number}, []string{"role", "num"}},
		{"the same members: the first stays", []Discrepancy{pair1, twin}, []string{"p1"}},
		{"nothing to drop", []Discrepancy{pair1, other}, []string{"p1", "other"}},
	} {
		got := dropSubsumed(tc.in)
		var ids []string
		for _, d := range got {
			ids = append(ids, d.ID)
		}
		if len(ids) != len(tc.want) {
			t.Errorf("%s: got %v, want %v", tc.name, ids, tc.want)
			continue
		}
		for i := range ids {
			if ids[i] != tc.want[i] {
				t.Errorf("%s: got %v, want %v", tc.name, ids, tc.want)
				break
			}
		}
	}
}
