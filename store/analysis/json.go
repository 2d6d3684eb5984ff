package analysis

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes rep as the analyze --json document, element by element: the bytes are
// exactly those of a json.Encoder with two-space indentation and HTML escaping off, but no
// more than one article, story, alignment or discrepancy is ever encoded in memory at a time
// (encoding the whole report at once held a second, larger copy of it: 665 MB of JSON for
// 20,000 articles).
func WriteJSON(w io.Writer, rep Report) error {
	jw := newJSONWriter(w)
	jw.raw("{\n  \"version\": ")
	jw.value(rep.Version, "  ")
	jw.raw(",\n  \"articles\": ")
	writeArray(jw, rep.Articles)
	jw.raw(",\n  \"stories\": ")
	writeArray(jw, rep.Stories)
	jw.raw(",\n  \"alignments\": ")
	writeArray(jw, rep.Alignments)
	jw.raw(",\n  \"discrepancies\": ")
	writeArray(jw, rep.Discrepancies)
	jw.raw("\n}\n")
	return jw.flush()
}

// jsonWriter encodes values one at a time through a buffered writer, keeping the first error.
type jsonWriter struct {
	bw  *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder
	err error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	jw := &jsonWriter{bw: bufio.NewWriterSize(w, 1<<16)}
	jw.enc = json.NewEncoder(&jw.buf)
	jw.enc.SetEscapeHTML(false)
	return jw
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.bw.WriteString(s)
	}
}

// value writes v indented as an element nested at prefix would be.
func (jw *jsonWriter) value(v any, prefix string) {
	if jw.err != nil {
		return
	}
	jw.buf.Reset()
	jw.enc.SetIndent(prefix, "  ")
	if jw.err = jw.enc.Encode(v); jw.err != nil {
		return
	}
	b := bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")) // Encode ends each value with a newline
	_, jw.err = jw.bw.Write(b)
}

func (jw *jsonWriter) flush() error {
	if jw.err == nil {
		jw.err = jw.bw.Flush()
	}
	return jw.err
}

// writeArray writes a top-level array of the report as json.Encoder would: "[]" when empty,
// else one element per line at a four-space indent ("null" for a nil slice).
func writeArray[T any](jw *jsonWriter, items []T) {
	if items == nil {
		jw.raw("null")
		return
	}
	if len(items) == 0 {
		jw.raw("[]")
		return
	}
	jw.raw("[")
	for i := range items {
		if i > 0 {
			jw.raw(",")
		}
		jw.raw("\n    ")
		jw.value(&items[i], "    ")
	}
	jw.raw("\n  ]")
}
