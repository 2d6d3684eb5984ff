package textview

import (
	"strings"
	"testing"
)

// A sentence of the app's own that begins with a quoted Arabic title reads left to right
// once marked: the quote, then "(ar)" and the English words after it, left-aligned.
func TestLTR_SentenceStartingWithArabicQuote(t *testing.T) {
	s := "«الصين تنفي» (ar) reports another event"
	if !IsRTL(s) {
		t.Fatalf("IsRTL(%q) = false; the test needs a sentence the bidi rules take for right-to-left", s)
	}
	if IsRTL(LTR(s)) {
		t.Errorf("IsRTL(LTR(%q)) = true, want a left-to-right paragraph", s)
	}
	v := Visual(LTR(s))
	quote, tag, words := strings.Index(v, "الصين"), strings.Index(v, "(ar)"), strings.Index(v, "reports")
	if quote < 0 || tag < 0 || words < 0 || !(quote < tag && tag < words) {
		t.Errorf("visual %q: want the Arabic quote, then (ar), then the English words, left to right", v)
	}
}
