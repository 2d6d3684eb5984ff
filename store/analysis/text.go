package analysis

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// WriteText prints a report for a person: the articles, the stories, then each story's
// discrepancies with their summaries and quoted spans.
func WriteText(w io.Writer, rep Report) error {
	ew := &errWriter{w: w}
	byID := make(map[string]Article, len(rep.Articles))
	for _, a := range rep.Articles {
		byID[a.ID] = a
	}
	ew.printf("%s, %d stories, %d alignments, %d discrepancies\n",
		plural(len(rep.Articles), "article"), len(rep.Stories), len(rep.Alignments), len(rep.Discrepancies))

	discByStory := make(map[string][]int)
	for i, d := range rep.Discrepancies {
		discByStory[d.Story] = append(discByStory[d.Story], i)
	}
	for _, s := range rep.Stories {
		ew.printf("\nStory %s (%s)\n", s.ID, plural(len(s.Articles), "article"))
		for _, id := range s.Articles {
			a := byID[id]
			pub := "undated"
			if a.Published != nil {
				pub = *a.Published
			}
			ew.printf("  [%s] %s  %s  %s\n", a.Lang, pub, a.Source, oneLine(a.Title, 70))
			if a.SameText != "" {
				ew.printf("        (%s)\n", a.SameText)
			}
		}
		idx := discByStory[s.ID]
		sort.SliceStable(idx, func(i, j int) bool {
			return severityRank(rep.Discrepancies[idx[i]].Severity) < severityRank(rep.Discrepancies[idx[j]].Severity)
		})
		if len(idx) == 0 {
			ew.printf("  No discrepancies.\n")
		}
		for _, i := range idx {
			d := rep.Discrepancies[i]
			ew.printf("  - %s %s: %s\n", d.Severity, d.Kind, d.Summary)
			if d.Diff != "" {
				ew.printf("      diff: %s\n", d.Diff)
			}
			for _, m := range d.Members {
				a := byID[m.Article]
				if m.Start == m.End {
					// An empty span stands for the article as a whole: the one that
					// leaves a fact out, or reports another event.
					ew.printf("      [%s] (the article as a whole) %s\n", a.Lang, a.Source)
					continue
				}
				ew.printf("      [%s] %q (%s, %d–%d)\n", a.Lang, oneLine(m.Text, 80), a.Source, m.Start, m.End)
			}
		}
	}
	// Discrepancies that belong to no listed story (there should be none) are still shown.
	known := make(map[string]bool, len(rep.Stories))
	for _, s := range rep.Stories {
		known[s.ID] = true
	}
	for _, d := range rep.Discrepancies {
		if !known[d.Story] {
			ew.printf("\n- %s %s: %s\n", d.Severity, d.Kind, d.Summary)
		}
	}
	if len(rep.Stories) == 0 {
		for _, a := range rep.Articles {
			pub := "undated"
			if a.Published != nil {
				pub = *a.Published
			}
			ew.printf("  [%s] %s  %s  %s  (%d facts)\n", a.Lang, pub, a.Source, oneLine(a.Title, 70), len(a.Facts))
		}
	}
	return ew.err
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func severityRank(s string) int {
	if s == "major" {
		return 0
	}
	return 1
}

func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > max {
		return string(r[:max-1]) + "…"
	}
	return s
}

// errWriter keeps the first write error so the report code stays linear.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
