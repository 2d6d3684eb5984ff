package app

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2/theme"
)

// luminance is the WCAG relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// Issue 14.10: in the light theme the verdict radio circles (input border on the background)
// were nearly invisible. Non-text contrast must be at least 3:1 (WCAG 1.4.11) in both variants.
func TestTheme_InputBorderVisible(t *testing.T) {
	for _, th := range []appTheme{
		{Theme: theme.DefaultTheme(), variant: theme.VariantLight, forced: true},
		{Theme: theme.DefaultTheme(), variant: theme.VariantDark, forced: true},
	} {
		c := contrast(th.Color(theme.ColorNameInputBorder, 0), th.Color(theme.ColorNameBackground, 0))
		if c < 3 {
			t.Errorf("variant %d (0 dark, 1 light): input border contrast %.1f:1, want at least 3:1", th.variant, c)
		}
	}
}
