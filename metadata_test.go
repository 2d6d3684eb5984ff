package parallax

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

func TestAppMetadata(t *testing.T) {
	m := AppMetadata()
	if m.Name != "Parallax" {
		t.Errorf("Name = %q, want Parallax", m.Name)
	}
	if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(m.Version) {
		t.Errorf("Version = %q, want semantic x.y.z", m.Version)
	}
	if m.Build < 1 {
		t.Errorf("Build = %d, want >= 1", m.Build)
	}
	if !regexp.MustCompile(`^[a-z]+(\.[a-z][a-z0-9]*)+$`).MatchString(m.ID) {
		t.Errorf("ID = %q, want a reverse-DNS app id", m.ID)
	}
}

// The fyne tool reads FyneApp.toml from the main package's folder; cmd/parallax/FyneApp.toml is
// a symlink to the top-level file so there is one source of truth. This test fails if someone
// replaces the link by a copy that can drift.
func TestFyneAppTOMLIsOneFile(t *testing.T) {
	top, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join("cmd", "parallax", "FyneApp.toml")
	fi, err := os.Lstat(link)
	if err != nil {
		t.Fatalf("%s missing: `fyne package --src cmd/parallax` needs it: %v", link, err)
	}
	if fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is a copy, not a symlink to ../../FyneApp.toml: it will drift", link)
	}
	got, err := os.ReadFile(link)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(top) {
		t.Fatalf("%s does not resolve to the top-level FyneApp.toml", link)
	}
}
