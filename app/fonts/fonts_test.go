package fonts

import (
	"os"
	"path/filepath"

	"testing"

	"bytes"
	"github.com/go-text/typesetting/font"
)

func TestInstallWritesFontsAndPrependsDataDir(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_DIRS", "/usr/share")
	if err := Install(dir); err != nil {
		t.Fatal(err)
	}
	if err := Install(dir); err != nil { // second call: no rewrite, no duplicate entry
		t.Fatal(err)
	}
	got := os.Getenv("XDG_DATA_DIRS")
	if got != dir+string(os.PathListSeparator)+"/usr/share" {
		t.Fatalf("XDG_DATA_DIRS = %q", got)
	}
	for _, name := range []string{Arabic.Name(), CJK.Name()} {
		data, err := os.ReadFile(filepath.Join(dir, "fonts", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := font.ParseTTF(bytes.NewReader(data)); err != nil {
			t.Errorf("%s does not parse: %v", name, err)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "fonts")); len(entries) != 4 {
		t.Errorf("want 2 fonts + 2 licences, got %d files", len(entries))
	}
}

func TestBundledFontsCoverTheirScripts(t *testing.T) {
	for _, c := range []struct {
		res  []byte
		text string
	}{
		{Arabic.Content(), "قال بايدن في تموز إن تعرضت للهجوم ڤپچگ"},
		{CJK.Content(), "中国外交部发言人赵立坚說臺灣ひらがなカタカナ，。"},
	} {
		face, err := font.ParseTTF(bytes.NewReader(c.res))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range c.text {
			if r == ' ' {
				continue
			}
			if _, ok := face.NominalGlyph(r); !ok {
				t.Errorf("bundled font lacks %q (U+%04X)", r, r)
			}
		}
	}
}
