// Package interchange writes and reads Parallax sets, and exports them for other tools and
// readers (DESIGN.md, "Exported set").
//
// # Parallax JSON
//
// A set is one versioned JSON document (Set) holding everything needed to rebuild a
// workspace's annotated set on another machine: articles with their text, metadata and
// revisions, the tag set, highlights, learned aliases, verdicts, hand-made links and story
// overrides, and optionally the analysis it was exported with. Its JSON Schema is committed
// as schema/parallax-set.schema.json (SchemaJSON) and every document Read accepts passes it.
//
// Export reads a workspace in one transaction; Write encodes a set. Read and ReadFile decode
// and validate one: size and nesting limits first (a 1 GB file is refused before it is read
// whole, a deeply nested one before any decoder recurses), then JSON syntax, version (a newer
// one is refused with ErrNewerVersion), the schema, and the rules a schema cannot express
// (Validate). Every refusal is an *Error naming the field by JSON pointer.
//
// Import writes a set into a workspace in one transaction (store.DB.Merge): an exact rebuild
// into an empty workspace, a merge that reports conflicts into one that already holds some of
// it. Export → Import → Export into an empty workspace gives the same document; a property
// test holds it to that.
//
// # Other formats
//
// WriteW3C writes a W3C Web Annotation (JSON-LD) collection: a highlight is an Annotation
// with a TextQuoteSelector and a TextPositionSelector (code points), its tags as tagging
// bodies and its note as a TextualBody; a discrepancy is an Annotation targeting all its
// member spans. WriteReport writes a readable, printable discrepancy report per story as
// self-contained HTML or as Markdown.
//
// # Offsets
//
// Every span is [start, end) in Unicode code points of the text of the article revision it
// names, never splitting a grapheme cluster — the W3C rule, and the store's.
package interchange
