package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestVary(t *testing.T) {
	cases := []struct {
		text string
		s    int
		want string // the varied text before the closing person line
	}{
		// 1–31 is read as a day and wraps into 1–28, even in "30,000" (so "30 ألف" and
		// "30,000" still agree) and in names (APT31): the corpus is for measuring, and
		// the figures in docs/scale.md were measured on exactly this.
		{"20 July 2021, 30,000 servers", 0, "20 July 1621, 2,000 servers"},
		{"20 July 2021, 45,000 servers", 1, "20 July 1622, 90,000 servers"},
		{"20 July 2021 and 2024", 500, "21 July 1621 and 1624"},
		{"52.000 người; APT31; 2,5", 2, "156.000 người; APT3; 2,5"},
		{"٢٠ تموز", 3, "٢٠ تموز"}, // digits of other scripts are left alone
	}
	for _, c := range cases {
		got := Vary(c.text, c.s)
		body, _, _ := strings.Cut(got, "\n\n")
		if body != c.want {
			t.Errorf("Vary(%q, %d) = %q, want %q", c.text, c.s, body, c.want)
		}
	}
	seen := map[string]int{}
	for s := 0; s < 30000; s++ {
		p := person(s)
		if o, ok := seen[p]; ok {
			t.Fatalf("stories %d and %d both name %q", o, s, p)
		}
		seen[p] = s
	}
}

func TestWrite_SameBytesEveryRun(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	if _, err := write(a, 0, 12); err != nil {
		t.Fatal(err)
	}
	if _, err := write(b, 0, 12); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(a, "000", "*.txt"))
	if len(files) != 12 {
		t.Fatalf("%d files, want 12", len(files))
	}
	for _, f := range files {
		x, _ := os.ReadFile(f)
		y, _ := os.ReadFile(filepath.Join(b, "000", filepath.Base(f)))
		if string(x) != string(y) {
			t.Errorf("%s differs between two runs", filepath.Base(f))
		}
	}
	if _, err := write(a, 0, 1); err == nil {
		t.Error("writing into a non-empty directory succeeded")
	}
}
