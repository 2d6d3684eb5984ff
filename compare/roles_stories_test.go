package compare

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The role, date and internal stories of testdata/roles: short versions of one invented
// story in several languages, written for these tests (never copied from the news corpus),
// each with the flags an analyst wants (expected.json) and no other flag of the kinds it
// checks. They vary the wording of one phenomenon so a rule shaped on one text fails them.

type storyFlag struct {
	Kind string `json:"kind"`
	// Members are [file, text] pairs: the text as it stands in that version.
	Members [][2]string `json:"members"`
}

type storyExpect struct {
	// Kinds are the discrepancy kinds the story checks: a flag of such a kind that is not
	// listed fails the test.
	Kinds []string    `json:"kinds"`
	Flags []storyFlag `json:"flags"`
}

// loadStoryDocs reads every version of a story folder.
func loadStoryDocs(t *testing.T, dir string) []Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: no versions", dir)
	}
	var docs []Document
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if !strings.HasPrefix(s, "---\n") {
			t.Fatalf("%s: no front matter", f)
		}
		head, body, ok := strings.Cut(s[4:], "\n---\n")
		if !ok {
			t.Fatalf("%s: front matter not closed", f)
		}
		d := Document{ID: filepath.Base(f), Text: body}
		for _, line := range strings.Split(head, "\n") {
			k, v, _ := strings.Cut(line, ":")
			v = strings.TrimSpace(v)
			switch k {
			case "title":
				d.Title = v
			case "lang":
				d.Lang = v
			case "published":
				d.Published = v[:10]
				d.PublishedTime = v
			}
		}
		docs = append(docs, d)
	}
	return docs
}

// flagHas reports whether a raised flag has a member on text in file.
func flagHas(d Discrepancy, docs map[string]Document, file, text string) bool {
	doc, ok := docs[file]
	if !ok {
		return false
	}
	rs := []rune(doc.Text)
	for _, m := range d.Members {
		if m.Article != file || m.Start < 0 || m.End > len(rs) {
			continue
		}
		// The member overlaps an occurrence of text.
		for off := 0; ; {
			i := strings.Index(doc.Text[off:], text)
			if i < 0 {
				break
			}
			s := len([]rune(doc.Text[:off+i]))
			e := s + len([]rune(text))
			if m.Start < e && s < m.End {
				return true
			}
			off += i + len(text)
		}
	}
	return false
}

func TestRoleStories(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/roles/*")
	sort.Strings(dirs)
	for _, dir := range dirs {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		t.Run(filepath.Base(dir), func(t *testing.T) {
			docs := loadStoryDocs(t, dir)
			var exp storyExpect
			if b, err := os.ReadFile(filepath.Join(dir, "expected.json")); err != nil {
				t.Fatal(err)
			} else if err := json.Unmarshal(b, &exp); err != nil {
				t.Fatalf("expected.json: %v", err)
			}
			byID := map[string]Document{}
			for _, d := range docs {
				byID[d.ID] = d
			}
			res := Analyze(docs, nil, AnalyzeOptions{})
			if len(res.Stories) != 1 {
				t.Errorf("%d stories, want 1", len(res.Stories))
			}
			checked := map[string]bool{}
			for _, k := range exp.Kinds {
				checked[k] = true
			}
			found := make([]bool, len(exp.Flags))
			for _, d := range res.Discrepancies {
				hit := false
				for i, f := range exp.Flags {
					if f.Kind != string(d.Kind) {
						continue
					}
					n := 0
					for _, m := range f.Members {
						if flagHas(d, byID, m[0], m[1]) {
							n++
						}
					}
					if n >= min(2, len(f.Members)) {
						found[i], hit = true, true
					}
				}
				switch {
				case hit:
					t.Logf("found: %s: %s", d.Kind, d.Summary)
				case checked[string(d.Kind)]:
					t.Errorf("unexpected flag: %s: %s", d.Kind, d.Summary)
				default:
					t.Logf("other flag: %s: %s", d.Kind, d.Summary)
				}
			}
			for i, f := range exp.Flags {
				if !found[i] {
					t.Errorf("missed flag: %s %v", f.Kind, f.Members)
				}
			}
		})
	}
}
