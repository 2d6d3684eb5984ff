package compare

import (
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// spellingDiff renders how variant differs from reference as a compact character diff:
// "Zhao Liji[an→ang]". It uses go-diff with DiffTimeout = 0, so the result is the same on
// every machine whatever its speed, and semantic cleanup, so the changes fall on readable
// boundaries. A change that only inserts or deletes is shown with the two letters before it,
// so that "[→g]" reads as "[an→ang]".
func spellingDiff(reference, variant string) string {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMain(reference, variant, false)
	diffs = dmp.DiffCleanupSemantic(diffs)

	var b strings.Builder
	var del, ins strings.Builder
	pending := []rune{} // equal text not yet written, so a change can borrow its tail
	flush := func() {
		if del.Len() == 0 && ins.Len() == 0 {
			return
		}
		d, i := del.String(), ins.String()
		if d == "" || i == "" {
			// Borrow up to two letters of context from the preceding equal text.
			n := 0
			for n < 2 && n < len(pending) && unicode.IsLetter(pending[len(pending)-1-n]) {
				n++
			}
			ctx := string(pending[len(pending)-n:])
			pending = pending[:len(pending)-n]
			d, i = ctx+d, ctx+i
		}
		b.WriteString(string(pending))
		pending = pending[:0]
		b.WriteString("[" + d + "→" + i + "]")
		del.Reset()
		ins.Reset()
	}
	for _, d := range diffs {
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			flush()
			pending = append(pending, []rune(d.Text)...)
		case diffmatchpatch.DiffDelete:
			del.WriteString(d.Text)
		case diffmatchpatch.DiffInsert:
			ins.WriteString(d.Text)
		}
	}
	flush()
	b.WriteString(string(pending))
	return b.String()
}

// foldAccents lowercases and strips diacritics, so that "Pékin" and "Pekin", "Zélande" and
// "Zelande" compare equal: accents are often lost in transmission and are not misspellings.
func foldAccents(s string) string {
	return foldLatin(strings.ToLower(s))
}
