package store_test

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"parallax/store"
)

func srgb(hex string) (r, g, b float64) {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	lin := func(c uint64) float64 {
		x := float64(c) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return lin(v >> 16 & 0xff), lin(v >> 8 & 0xff), lin(v & 0xff)
}

func luminance(hex string) float64 {
	r, g, b := srgb(hex)
	return 0.2126*r + 0.7152*g + 0.0722*b
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func lab(hex string) [3]float64 {
	r, g, b := srgb(hex)
	x := (0.4124*r + 0.3576*g + 0.1805*b) / 0.95047
	y := 0.2126*r + 0.7152*g + 0.0722*b
	z := (0.0193*r + 0.1192*g + 0.9505*b) / 1.08883
	f := func(t float64) float64 {
		if t > 0.008856 {
			return math.Cbrt(t)
		}
		return 7.787*t + 16.0/116
	}
	return [3]float64{116*f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))}
}

// The default tags must read in both of Fyne's themes and be told apart from each other.
func TestDefaultTags_LegibleAndDistinct(t *testing.T) {
	tags := store.DefaultTags()
	want := []string{"claim", "accusation", "denial", "attribution", "date", "number", "actor", "quote", "question"}
	for i, tg := range tags {
		if tg.Name != want[i] || tg.Key != strconv.Itoa(i+1) {
			t.Errorf("tag %d = %s key %s, want %s key %d", i, tg.Name, tg.Key, want[i], i+1)
		}
		for _, bg := range []string{"#ffffff", "#171718"} { // Fyne light and dark backgrounds
			if c := contrast(tg.Color, bg); c < 3 {
				t.Errorf("%s %s has contrast %.2f against %s, want ≥ 3", tg.Name, tg.Color, c, bg)
			}
		}
		for _, other := range tags[:i] {
			a, b := lab(tg.Color), lab(other.Color)
			if d := math.Hypot(math.Hypot(a[0]-b[0], a[1]-b[1]), a[2]-b[2]); d < 25 {
				t.Errorf("%s and %s differ by ΔE %.1f, want ≥ 25", tg.Name, other.Name, d)
			}
		}
	}
}

func TestPutTags_Validation(t *testing.T) {
	ok := store.Tag{Name: "claim", Color: "#4e79a7", Key: "1"}
	cases := []struct {
		name string
		tags []store.Tag
		ok   bool
	}{
		{"fine", []store.Tag{ok, {Name: "source", Color: "#AABBCC"}, {Name: "другой", Color: "#000000", Key: "9"}}, true},
		{"empty set", nil, true},
		{"duplicate name", []store.Tag{ok, {Name: "Claim", Color: "#000000"}}, false},
		{"duplicate key", []store.Tag{ok, {Name: "other", Color: "#000000", Key: "1"}}, false},
		{"key 0", []store.Tag{{Name: "x", Color: "#000000", Key: "0"}}, false},
		{"key a", []store.Tag{{Name: "x", Color: "#000000", Key: "a"}}, false},
		{"short colour", []store.Tag{{Name: "x", Color: "#abc"}}, false},
		{"named colour", []store.Tag{{Name: "x", Color: "red"}}, false},
		{"blank name", []store.Tag{{Name: " ", Color: "#000000"}}, false},
		{"padded name", []store.Tag{{Name: " x", Color: "#000000"}}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := store.MustOpenDB(t)
			err := db.PutTags(tc.tags)
			if tc.ok != (err == nil) || (err != nil && !errors.Is(err, store.ErrInvalid)) {
				t.Fatalf("PutTags: %v, want ok=%v", err, tc.ok)
			}
			got, _ := db.Tags()
			want := tc.tags
			if !tc.ok {
				want = store.DefaultTags()
			}
			if len(got) != len(want) {
				t.Fatalf("Tags() = %v, want %v", got, want)
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("tag %d = %+v, want %+v", i, got[i], want[i])
				}
			}
		})
	}
}
