package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"gopkg.in/yaml.v3"
)

// frontMatter holds the keys DESIGN.md defines; other keys are allowed and ignored, so files
// written for static-site generators (author, tags, …) import unchanged.
type frontMatter struct {
	Title, URL, Source, Published, Lang string
	PublishedTime                       string // RFC 3339 when published gives a time of day
}

// splitFrontMatter separates YAML front matter from the body. Front matter exists only when
// the very first line is "---" and a later line is "---" (or YAML's "..."); a file that opens
// with "---" and never closes it is plain text that begins with a rule. The body starts at
// the first character after the closing line, which is where offsets count from.
func splitFrontMatter(text string) (yamlText, body string, ok bool) {
	first, rest, found := strings.Cut(text, "\n")
	if !found || strings.TrimRight(first, " \t") != "---" {
		return "", text, false
	}
	pos := 0
	for pos <= len(rest) {
		end := strings.IndexByte(rest[pos:], '\n')
		line := rest[pos:]
		if end >= 0 {
			line = rest[pos : pos+end]
		}
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			if end < 0 {
				return rest[:pos], "", true
			}
			return rest[:pos], rest[pos+end+1:], true
		}
		if end < 0 {
			break
		}
		pos += end + 1
	}
	return "", text, false
}

var yamlLineRe = regexp.MustCompile(`line (\d+)`)

// parseFrontMatter reads the YAML between the --- lines. Line numbers in errors are the
// file's (the YAML starts on line 2).
func parseFrontMatter(path, src string) (frontMatter, error) {
	var fm frontMatter
	fields, err := frontMatterFields(path, src)
	if err != nil {
		return fm, err
	}
	for _, f := range fields {
		key := strings.ToLower(f.key)
		var dst *string
		switch key {
		case "title":
			dst = &fm.Title
		case "url":
			dst = &fm.URL
		case "source":
			dst = &fm.Source
		case "published":
			dst = &fm.Published
		case "lang":
			dst = &fm.Lang
		default:
			continue
		}
		if !f.scalar {
			return fm, fileErr(path, ErrFrontMatter, "line %d: %s must be a single value, not a list or mapping", f.line, key)
		}
		v := f
		val := strings.TrimSpace(v.value)
		switch key {
		case "published":
			if val == "" {
				break
			}
			d, ok := isoDate(val)
			if !ok {
				return fm, fileErr(path, ErrFrontMatter, "line %d: published %q is not an ISO date; write it as YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known (a full timestamp such as 2021-07-20T14:49:00+03:00 also works)", v.line, val)
			}
			val = d
			fm.PublishedTime = isoTime(strings.TrimSpace(v.value))
		case "lang":
			if val == "" {
				break
			}
			tag, err := language.Parse(val)
			base, conf := tag.Base()
			if err != nil || conf == language.No {
				return fm, fileErr(path, ErrFrontMatter, "line %d: lang %q is not a BCP 47 language tag; write a code such as ar, fr, vi, ru, en, es, de or zh", v.line, val)
			}
			val = strings.ToLower(base.String())
		}
		*dst = val
	}
	return fm, nil
}

// frontMatterField is one top-level key of the front matter, with its file line number.
type frontMatterField struct {
	key, value string
	scalar     bool
	line       int
}

var plainFieldRe = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*))?$`)

// frontMatterFields reads the top-level keys of the front matter. Valid YAML is read as YAML.
// Front matter that is not valid YAML but is plain "key: value" lines is read line by line:
// people write titles such as "Bridge attacked again: two dead" unquoted, which YAML refuses
// (": " inside a plain value) but whose meaning is not in doubt. Anything else is refused with
// YAML's own error, on the file's line numbers (the YAML starts on line 2).
func frontMatterFields(path, src string) ([]frontMatterField, error) {
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		if fields, ok := plainFrontMatter(src); ok {
			return fields, nil
		}
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = yamlLineRe.ReplaceAllStringFunc(msg, func(m string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
			return "line " + strconv.Itoa(n+1)
		})
		if !strings.HasPrefix(msg, "line ") {
			msg = "front matter: " + msg
		}
		return nil, fileErrWrap(path, ErrFrontMatter, err, "%s; fix the YAML between the --- lines at the top of the file", msg)
	}
	if len(root.Content) == 0 { // empty front matter
		return nil, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, fileErr(path, ErrFrontMatter, "line %d: front matter must be \"key: value\" lines (title, url, source, published, lang)", m.Line+1)
	}
	var fields []frontMatterField
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		// An alias (*name) stands for the value its anchor (&name) marks.
		for n := 0; v.Kind == yaml.AliasNode && v.Alias != nil && n < 8; n++ {
			v = v.Alias
		}
		fields = append(fields, frontMatterField{key: k.Value, value: v.Value, scalar: v.Kind == yaml.ScalarNode, line: v.Line + 1})
	}
	return fields, nil
}

// plainFrontMatter reads front matter made only of unindented "key: value" lines (blank lines
// and # comments allowed) whose values are prose; ok is false when any line is something else.
func plainFrontMatter(src string) (fields []frontMatterField, ok bool) {
	for i, line := range strings.Split(src, "\n") {
		t := strings.TrimRight(line, " \t\r")
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		m := plainFieldRe.FindStringSubmatch(t)
		if m == nil {
			return nil, false
		}
		val := strings.TrimSpace(m[2])
		if val != "" && strings.ContainsRune("[{&*!|>%@`", rune(val[0])) {
			return nil, false // YAML syntax, not prose: YAML's own error says what is wrong
		}
		if n := len(val); n >= 2 && (val[0] == '"' && val[n-1] == '"' || val[0] == '\'' && val[n-1] == '\'') {
			val = val[1 : n-1]
		}
		fields = append(fields, frontMatterField{key: m[1], value: val, scalar: true, line: i + 2})
	}
	return fields, len(fields) > 0
}

// isoTime returns the instant of a timestamp with a time of day and a zone as RFC 3339, and ""
// for a plain date or a time without a zone (whose instant is unknown).
func isoTime(s string) string {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return ""
}

// isoDate accepts an ISO 8601 date, or a timestamp that starts with one (RFC 3339 with or
// without zone, "T" or space separated), and returns the date as written: the publisher's
// calendar day, not converted to UTC. A month (2021-07) or a year (2021) is accepted and kept as written: some pages give no more,
// and the publication date keeps that precision downstream.
func isoDate(s string) (string, bool) {
	if len(s) == 7 || len(s) == 4 {
		layout := "2006-01"[:len(s)]
		if _, err := time.Parse(layout, s); err == nil {
			return s, true
		}
		return "", false
	}
	if len(s) < 10 {
		return "", false
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return "", false
	}
	if len(s) == 10 {
		return s, true
	}
	for _, layout := range []string{
		time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04Z07:00", "2006-01-02T15:04",
		"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04",
		"2006-01-02 15:04:05 -0700 MST",
	} {
		if _, err := time.Parse(layout, s); err == nil {
			return s[:10], true
		}
	}
	return "", false
}
