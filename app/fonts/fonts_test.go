package fonts

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

// TestBundledFontsCoverPunctuation: the CJK subset once lacked U+0020 and all of ASCII, so a
// space between Hanzi in a title could come out as a missing-glyph box. Both bundled fonts must
// cover what their scripts mix in: the CJK font ASCII, Latin-1 signs, general and CJK
// punctuation; the Arabic font ASCII punctuation and digits (its Latin letters come from the
// theme font) and Arabic punctuation.
func TestBundledFontsCoverPunctuation(t *testing.T) {
	var ascii, asciiPunct []rune
	for r := rune(0x20); r <= 0x7E; r++ {
		ascii = append(ascii, r)
		if !('A' <= r && r <= 'Z' || 'a' <= r && r <= 'z') {
			asciiPunct = append(asciiPunct, r)
		}
	}
	cjkPunct := "\u3000，。、「」『』《》〈〉【】〔〕！？：；（）·—…‘’“”～％"
	for _, c := range []struct {
		name  string
		res   []byte
		runes string
	}{
		{CJK.Name(), CJK.Content(), string(ascii) + cjkPunct + "\u00A0°×÷–"},
		{Arabic.Name(), Arabic.Content(), string(asciiPunct) + "\u00A0،؛؟٪٫٬"},
	} {
		face, err := font.ParseTTF(bytes.NewReader(c.res))
		if err != nil {
			t.Fatal(err)
		}
		var missing []string
		for _, r := range c.runes {
			if _, ok := face.NominalGlyph(r); !ok {
				missing = append(missing, fmt.Sprintf("%q U+%04X", r, r))
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d characters: %s\n(add them to the character list in assets/fonts/subset.sh and run it)",
				c.name, len(missing), strings.Join(missing, ", "))
		}
	}
}
