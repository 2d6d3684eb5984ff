package assets

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The window icon must be a real, square PNG large enough for high-DPI task bars.
func TestIconPNG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(IconPNG))
	if err != nil {
		t.Fatalf("IconPNG is not a PNG: %v; run assets/icon/render.sh", err)
	}
	b := img.Bounds()
	if b.Dx() != b.Dy() || b.Dx() < 256 {
		t.Fatalf("IconPNG is %dx%d, want a square of at least 256 px", b.Dx(), b.Dy())
	}
}

// `fyne package --src cmd/parallax` takes the icon FyneApp.toml names (Icon.png) from the main
// package's folder. It must be a link into assets/icon, so the packaged icon and the window icon
// are the same picture and cannot drift apart.
func TestPackagedIconIsTheEmbeddedOne(t *testing.T) {
	link := filepath.Join("..", "cmd", "parallax", "Icon.png")
	fi, err := os.Lstat(link)
	if err != nil {
		t.Fatalf("%s missing: fyne package needs it: %v", link, err)
	}
	if fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("%s is a copy, not a link to ../../assets/icon/icon-512.png: it will drift", link)
	}
	got, err := os.ReadFile(link)
	if err != nil {
		t.Fatalf("%s does not resolve: %v", link, err)
	}
	if !bytes.Equal(got, IconPNG) {
		t.Fatalf("%s is not the icon assets.IconPNG embeds", link)
	}
}
