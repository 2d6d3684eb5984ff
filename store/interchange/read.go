package interchange

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// SchemaJSON is the JSON Schema (draft 2020-12) of a version-1 set, as committed in
// schema/parallax-set.schema.json. Read validates every document against it.
//
//go:embed schema/parallax-set.schema.json
var SchemaJSON []byte

// schemaURL is the schema's $id.
const schemaURL = "https://parallax.invalid/schema/parallax-set-1.schema.json"

var compiled = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemaJSON))
	if err != nil {
		return nil, fmt.Errorf("parse the embedded set schema: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat() // "date-time" is a rule of the set, not a hint
	if err := c.AddResource(schemaURL, doc); err != nil {
		return nil, fmt.Errorf("load the embedded set schema: %w", err)
	}
	return c.Compile(schemaURL)
})

// ReadFile reads and validates a set file. A file larger than MaxSetBytes is refused before
// it is read.
func ReadFile(path string) (*Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read set: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > MaxSetBytes {
		return nil, tooLarge(path, st.Size())
	}
	return Read(f, path)
}

func tooLarge(name string, size int64) error {
	what := "more than " + strconv.Itoa(MaxSetBytes>>20) + " MiB"
	if size > 0 {
		what = strconv.FormatInt(size>>20, 10) + " MiB"
	}
	return &Error{Name: name, Err: ErrTooLarge,
		Msg: fmt.Sprintf("the document is %s, over the %d MiB limit for a Parallax set; is it the right file?", what, MaxSetBytes>>20)}
}

// Read reads one set document from r and validates it: size (at most MaxSetBytes, stopping as
// soon as it is exceeded), nesting depth (MaxDepth), JSON syntax, format and version (a newer
// version is refused with ErrNewerVersion), the JSON Schema, then the rules a schema cannot
// express (see Validate). name labels errors. Every error is an *Error that names the field
// by JSON pointer and wraps ErrInvalid, ErrNewerVersion or ErrTooLarge.
func Read(r io.Reader, name string) (*Set, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSetBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read set %s: %w", name, err)
	}
	if len(data) > MaxSetBytes {
		return nil, tooLarge(name, 0)
	}
	return parse(data, name)
}

func parse(data []byte, name string) (*Set, error) {
	// Editors on Windows save JSON with a UTF-8 byte-order mark; JSON itself has no use for it.
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	bad := func(ptr, format string, args ...any) error {
		return &Error{Name: name, Pointer: ptr, Msg: fmt.Sprintf(format, args...), Err: ErrInvalid}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, bad("", "the file is empty, not a Parallax set")
	}
	if err := checkDepth(data); err != nil {
		return nil, bad("", "%v", err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, bad("", "%s", syntaxMessage(data, err))
	}
	obj, ok := inst.(map[string]any)
	if !ok {
		return nil, bad("", "the document is a JSON %s, not an object; a Parallax set is one JSON object", jsonKind(inst))
	}
	if f, _ := obj["format"].(string); f != Format {
		return nil, bad("/format", "is %s, not %q: this is not a Parallax set", describe(obj["format"]), Format)
	}
	if v, ok := obj["version"].(json.Number); ok {
		if _, err := v.Int64(); err != nil {
			return nil, bad("/version", "is %s; the version of a set is a whole number such as %d", v, Version)
		}
		if n, err := v.Int64(); err == nil && n > Version {
			return nil, &Error{Name: name, Pointer: "/version", Err: ErrNewerVersion,
				Msg: fmt.Sprintf("the set has version %d; this Parallax reads up to version %d. Upgrade Parallax to import it", n, Version)}
		}
	}
	sch, err := compiled()
	if err != nil {
		return nil, err
	}
	if err := sch.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			ptr, msg := schemaMessage(ve)
			return nil, bad(ptr, "%s", msg)
		}
		return nil, bad("", "%v", err)
	}
	var set Set
	if err := json.Unmarshal(data, &set); err != nil {
		// The schema admits only what decodes; reaching here is a mismatch between the two.
		return nil, bad("", "decode: %v", err)
	}
	if err := validate(&set, name); err != nil {
		return nil, err
	}
	return &set, nil
}

// checkDepth refuses a document nested deeper than MaxDepth, scanning bytes (strings skipped)
// so that no recursive decoder ever sees it.
func checkDepth(data []byte) error {
	depth, inString, escaped := 0, false, false
	for i, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > MaxDepth {
				line, col := lineCol(data, i)
				return fmt.Errorf("the document nests arrays and objects more than %d deep (line %d, column %d); a Parallax set is never that deep", MaxDepth, line, col)
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	return nil
}

// syntaxMessage says where and how JSON is malformed.
func syntaxMessage(data []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "unexpected end of JSON"):
		return fmt.Sprintf("the document ends early (after %d bytes): it is truncated or incomplete JSON", len(data))
	case errors.As(err, &se):
		line, col := lineCol(data, int(se.Offset)-1)
		return fmt.Sprintf("not valid JSON at line %d, column %d: %v", line, col, se)
	case errors.As(err, &te):
		return fmt.Sprintf("not valid JSON: %v", te)
	}
	return fmt.Sprintf("not valid JSON: %v", err)
}

// lineCol turns a byte offset into a 1-based line and column (in bytes).
func lineCol(data []byte, off int) (int, int) {
	off = max(0, min(off, len(data)))
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "missing"
	case string:
		return strconv.Quote(x)
	}
	return "a " + jsonKind(v)
}

// schemaMessage picks the most specific failures of a schema validation (the deepest instance
// locations) and words them with their JSON pointers: the pointer of the first, and a message
// naming up to three.
func schemaMessage(ve *jsonschema.ValidationError) (string, string) {
	var leaves []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	slices.SortStableFunc(leaves, func(a, b *jsonschema.ValidationError) int {
		return len(b.InstanceLocation) - len(a.InstanceLocation)
	})
	p := message.NewPrinter(language.English)
	type failure struct{ ptr, text string }
	var fs []failure
	seen := map[failure]bool{}
	for _, l := range leaves {
		f := failure{pointer(l.InstanceLocation), l.ErrorKind.LocalizedString(p)}
		if !seen[f] {
			seen[f] = true
			fs = append(fs, f)
		}
	}
	if len(fs) == 0 {
		return "", "does not fit the Parallax set schema: " + ve.Error()
	}
	parts := []string{fs[0].text}
	for _, f := range fs[1:min(len(fs), 3)] {
		parts = append(parts, f.ptr+": "+f.text)
	}
	more := ""
	if len(fs) > 3 {
		more = fmt.Sprintf(" (and %d more)", len(fs)-3)
	}
	return fs[0].ptr, "does not fit the Parallax set schema: " + strings.Join(parts, "; ") + more
}

// pointer encodes a path as an RFC 6901 JSON pointer.
func pointer(path []string) string {
	if len(path) == 0 {
		return "/"
	}
	var b strings.Builder
	for _, p := range path {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(p))
	}
	return b.String()
}
