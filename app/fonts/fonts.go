// Package fonts makes the fonts Parallax bundles (Arabic and CJK) available to Fyne.
//
// Fyne 2.7 draws every glyph its theme font (Noto Sans) lacks with a system font found by
// go-text's fontscan, and has no hook to add fonts to that fallback. On a Linux machine without
// Arabic or CJK fonts every Arabic and Chinese letter in every widget — labels, lists, titles,
// dialogs — is then a box. fontscan does read $XDG_DATA_DIRS/fonts, so Install writes the
// embedded fonts to a private directory and puts it first in XDG_DATA_DIRS; Fyne's own fallback
// then finds them, with Fyne's line metrics intact (a theme whose primary font is an Arabic font
// makes every line taller and clips dots below letters). Install must run before Fyne measures
// or draws the first text, because fontscan indexes the font directories once per process.
// Windows and macOS ship Arabic and CJK fonts and fontscan does not read XDG_DATA_DIRS there;
// Install is harmless on them.
//
// The text view does not depend on that: it names the face for each run itself (Arabic, CJK
// resources below) so that what it measures is exactly what Fyne draws.
package fonts

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"

	"parallax/assets"
)

// Bundled font resources, for canvas.Text.FontSource and the text view.
var (
	Arabic = fyne.NewStaticResource("DejaVuSans-Arabic.ttf", assets.FontArabic)
	CJK    = fyne.NewStaticResource("NotoSansCJKsc-Subset.otf", assets.FontCJK)
)

// DefaultDir is where Install puts the fonts when given "": the user cache directory
// (~/.cache/parallax/xdg on Linux), falling back to the temporary directory.
func DefaultDir() string {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	return filepath.Join(base, "parallax", "xdg")
}

// Install writes the bundled fonts to dir/fonts (dir "" means DefaultDir) and prepends dir to
// XDG_DATA_DIRS. Call it first thing in main, before app.New draws anything. Files already
// there with the same content are left alone, so later starts cost one read per font.
func Install(dir string) error {
	if dir == "" {
		dir = DefaultDir()
	}
	fontDir := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fontDir, 0o755); err != nil {
		return fmt.Errorf("fonts: creating %s for the bundled fonts: %w (set XDG_CACHE_HOME to a writable directory)", fontDir, err)
	}
	for _, f := range []struct {
		name string
		data []byte
	}{
		{Arabic.Name(), assets.FontArabic},
		{CJK.Name(), assets.FontCJK},
		{"LICENSE-DejaVu.txt", []byte(assets.FontArabicLicense)},
		{"OFL-NotoSansCJK.txt", []byte(assets.FontCJKLicense)},
	} {
		path := filepath.Join(fontDir, f.name)
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, f.data) {
			continue
		}
		// Write then rename, so a second Parallax starting at the same time never reads half a font.
		tmp := path + ".tmp"
		if err := os.WriteFile(tmp, f.data, 0o644); err != nil {
			return fmt.Errorf("fonts: writing %s: %w", tmp, err)
		}
		if err := os.Rename(tmp, path); err != nil {
			return fmt.Errorf("fonts: installing %s: %w", path, err)
		}
	}
	prependDataDir(dir)
	return nil
}

// prependDataDir puts dir first in XDG_DATA_DIRS, keeping the spec's default
// (/usr/local/share:/usr/share) when the variable was unset, so system fonts still count.
func prependDataDir(dir string) {
	old := os.Getenv("XDG_DATA_DIRS")
	if old == "" {
		old = "/usr/local/share/:/usr/share/"
	}
	for _, d := range filepath.SplitList(old) {
		if filepath.Clean(d) == filepath.Clean(dir) {
			return
		}
	}
	os.Setenv("XDG_DATA_DIRS", strings.Join([]string{dir, old}, string(os.PathListSeparator)))
}
