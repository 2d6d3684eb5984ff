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
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(src), &root); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		msg = yamlLineRe.ReplaceAllStringFunc(msg, func(m string) string {
			n, _ := strconv.Atoi(strings.TrimPrefix(m, "line "))
			return "line " + strconv.Itoa(n+1)
		})
		if !strings.HasPrefix(msg, "line ") {
			msg = "front matter: " + msg
		}
		return fm, fileErrWrap(path, ErrFrontMatter, err, "%s; fix the YAML between the --- lines at the top of the file", msg)
	}
	if len(root.Content) == 0 { // empty front matter
		return fm, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return fm, fileErr(path, ErrFrontMatter, "line %d: front matter must be \"key: value\" lines (title, url, source, published, lang)", m.Line+1)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		// An alias (*name) stands for the value its anchor (&name) marks.
		for n := 0; v.Kind == yaml.AliasNode && v.Alias != nil && n < 8; n++ {
			v = v.Alias
		}
		key := strings.ToLower(k.Value)
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
		if v.Kind != yaml.ScalarNode {
			return fm, fileErr(path, ErrFrontMatter, "line %d: %s must be a single value, not a list or mapping", v.Line+1, key)
		}
		val := strings.TrimSpace(v.Value)
		switch key {
		case "published":
			if val == "" {
				break
			}
			d, ok := isoDate(val)
			if !ok {
				return fm, fileErr(path, ErrFrontMatter, "line %d: published %q is not an ISO date; write it as YYYY-MM-DD (a full timestamp such as 2021-07-20T14:49:00+03:00 also works)", v.Line+1, val)
			}
			val = d
			fm.PublishedTime = isoTime(strings.TrimSpace(v.Value))
		case "lang":
			if val == "" {
				break
			}
			tag, err := language.Parse(val)
			base, conf := tag.Base()
			if err != nil || conf == language.No {
				return fm, fileErr(path, ErrFrontMatter, "line %d: lang %q is not a BCP 47 language tag; write a code such as ar, fr, vi, ru, en, es, de or zh", v.Line+1, val)
			}
			val = strings.ToLower(base.String())
		}
		*dst = val
	}
	return fm, nil
}

// isoDate accepts an ISO 8601 date, or a timestamp that starts with one (RFC 3339 with or
// without zone, "T" or space separated), and returns the date as written: the publisher's
// calendar day, not converted to UTC.
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

func isoDate(s string) (string, bool) {
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
