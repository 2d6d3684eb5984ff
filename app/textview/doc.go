// Package textview is Parallax's annotatable text widget: it shows an article's text in any
// script — Arabic right to left and joined, Vietnamese with its stacked diacritics, Chinese,
// emoji — lets the analyst select exact [start, end) code-point ranges with mouse and keyboard,
// and draws highlights, automatic facts and alignment emphasis exactly on their glyphs.
//
// Fyne 2.7 has no bidi support (runs are drawn in logical order), RichText cannot be selected
// and splitting a word into styled segments breaks Arabic joins. So the view does its own
// layout: paragraphs split at '\n'; per paragraph the Unicode Bidirectional Algorithm
// (uba.go: implicit rules with bracket pairs; x/text only for explicit embeddings) gives
// levels, with the base direction from the first strong character; graphemes,
// line-break opportunities and word boundaries come from uniseg (UAX #29/#14); graphemes are
// grouped into items of one level and one face and each item is shaped once with go-text's
// HarfBuzz the same way Fyne's canvas.Text shapes it, so measurement and drawing agree. Wrapping
// at the view's width reuses those measurements; each line's pieces are put in visual order
// (UBA L1–L2) and RTL paragraphs are right-aligned. Each piece is one canvas.Text, drawn whole:
// highlights are rectangles behind the glyph extent of their code points, so a highlight never
// splits a word's shaping.
//
// Only the lines inside the viewport become canvas objects, so long articles scroll smoothly.
package textview
