// Package compare reads the language versions of a news story and says where they disagree.
//
// It is a pure library: text in, facts, stories, alignments and discrepancies out. It does no
// I/O, holds no mutable globals, is deterministic and safe for concurrent use, and imports
// neither the UI (app) nor the persistence layer (store). Language rules (month names, number
// words, name variants) live in data under assets/, not in code branches.
//
// Every span is [Start, End) in Unicode code points (runes) of the article text, in logical
// order, never splitting a grapheme cluster (DESIGN.md, "Text and offsets").
package compare
