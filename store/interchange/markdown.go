package interchange

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// writeMarkdown writes the report as CommonMark: a heading per story, a table of versions,
// one numbered subsection per discrepancy with its spans as block quotes (the span in bold),
// and the highlights as a list. Text from articles is escaped so that it never turns into
// markup.
func writeMarkdown(w io.Writer, v reportView) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	title := "Discrepancy report"
	if v.Scope != "" {
		title += " — story " + mdEscape(v.Scope)
	}
	p("# %s\n\nExported %s by %s · %d %s\n", title, v.Generated, mdEscape(v.Generator), len(v.Stories), plural(len(v.Stories), "story", "stories"))
	if v.NoAnalysis {
		p("\nThis set was exported without its analysis: it lists the articles and the analyst's highlights, but no stories or discrepancies.\n")
	}
	for _, s := range v.Stories {
		head := mdEscape(oneLineMD(s.Title))
		if s.ID != "" {
			head = fmt.Sprintf("Story %d: %s", s.N, head)
		}
		p("\n## %s\n\n", head)
		if s.ID != "" {
			p("`%s` · ", s.ID)
		}
		p("%d %s · %d %s (%d major, %d minor) · %d with a verdict · %d %s\n",
			len(s.Versions), plural(len(s.Versions), "version", "versions"),
			len(s.Discrepancies), plural(len(s.Discrepancies), "discrepancy", "discrepancies"),
			s.Major, s.Minor, s.Verdicts, s.Highlights, plural(s.Highlights, "highlight", "highlights"))

		p("\n### Versions\n\n| Version | Language | Title | Published | Source | Highlights |\n|---|---|---|---|---|---:|\n")
		for _, ver := range s.Versions {
			src := mdCell(ver.Source)
			if ver.URL != "" {
				src = fmt.Sprintf("[%s](<%s>)", src, strings.NewReplacer("<", "%3C", ">", "%3E").Replace(ver.URL))
			}
			if ver.Revision > 1 {
				src += fmt.Sprintf(" (revision %d)", ver.Revision)
			}
			if ver.SameText != "" {
				src += " — " + mdCell(ver.SameText)
			}
			pub := ver.Published
			switch {
			case pub == "":
				pub = "unknown"
			case ver.Inferred:
				pub += " (inferred)"
			}
			p("| %s | %s | %s | %s | %s | %d |\n", mdCell(ver.Label), langName(ver.Lang), mdCell(ver.Title), pub, src, ver.Highlights)
		}

		if len(s.Discrepancies) > 0 {
			p("\n### Discrepancies\n")
			for _, d := range s.Discrepancies {
				p("\n#### %s. %s — %s %s\n\n", d.Label, mdEscape(oneLineMD(d.Summary)), strings.ToUpper(d.Severity), d.Kind)
				p("`%s`\n", d.ID)
				if d.Diff != "" {
					p("\nSpelling: `%s`\n", strings.ReplaceAll(d.Diff, "`", "'"))
				}
				for _, m := range d.Members {
					p("\n%s\n", mdQuote(m))
				}
				if vd := d.Verdict; vd != nil {
					p("\n**Verdict: %s**", vd.Verdict)
					if vd.Author != "" {
						p(" by %s", mdEscape(vd.Author))
					}
					if vd.Date != "" {
						p(", %s", vd.Date)
					}
					if vd.Note != "" {
						p(" — %s", mdEscape(oneLineMD(vd.Note)))
					}
					p("\n")
				} else {
					p("\n*No verdict yet.*\n")
				}
			}
		} else if !v.NoAnalysis {
			p("\nNo discrepancies were found between these versions.\n")
		}

		if len(s.Articles) > 0 {
			p("\n### Analyst highlights\n")
			for _, a := range s.Articles {
				p("\n#### %s — %s\n\n", mdEscape(a.Label), mdEscape(oneLineMD(a.Title)))
				for _, h := range a.Items {
					var tags []string
					for _, t := range h.Tags {
						tags = append(tags, "`"+strings.ReplaceAll(t.Name, "`", "'")+"`")
					}
					p("- %s%s", mdInlineQuote(h.Quote), "")
					if len(tags) > 0 {
						p(" %s", strings.Join(tags, " "))
					}
					var by []string
					if h.Author != "" {
						by = append(by, mdEscape(h.Author))
					}
					if h.Date != "" {
						by = append(by, h.Date)
					}
					if h.Quote.Revision != h.Quote.CurrentRevision {
						by = append(by, fmt.Sprintf("on revision %d", h.Quote.Revision))
					}
					if len(by) > 0 {
						p(" (%s)", strings.Join(by, ", "))
					}
					if h.Note != "" {
						p("  \n  %s", mdEscape(oneLineMD(h.Note)))
					}
					p("\n")
				}
			}
		}
	}
	if len(v.Orphans) > 0 {
		p("\n## Verdicts on discrepancies no longer found\n\nThe analysis exported with this set does not list these discrepancies any more (an article's text, an alias or a link changed since the verdict was given).\n\n")
		for _, o := range v.Orphans {
			p("- `%s`: **Verdict: %s**", o.Key, o.Verdict.Verdict)
			if o.Verdict.Author != "" {
				p(" by %s", mdEscape(o.Verdict.Author))
			}
			if o.Verdict.Date != "" {
				p(", %s", o.Verdict.Date)
			}
			if o.Verdict.Note != "" {
				p(" — %s", mdEscape(oneLineMD(o.Verdict.Note)))
			}
			p("\n")
		}
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("write Markdown report: %w", err)
	}
	return nil
}

// mdQuote renders a discrepancy member as a block quote with the span in bold, then who says it.
func mdQuote(q quoteView) string {
	who := fmt.Sprintf("— %s, *%s*", mdEscape(q.Label), mdEscape(oneLineMD(shortTitle(q.Title))))
	if q.Missing {
		return "> *(does not state it)*  \n> " + who
	}
	return "> " + mdInlineQuote(q) + "  \n> " + who
}

func mdInlineQuote(q quoteView) string {
	return mdEscape(squeeze(q.Before)) + "**" + mdEscape(oneLineMD(q.Exact)) + "**" + mdEscape(squeeze(q.After))
}

// squeeze is oneLineMD keeping one space at either end, so that the context stays apart
// from the bold span it surrounds.
func squeeze(s string) string {
	out := oneLineMD(s)
	if out == "" {
		return strings.Repeat(" ", min(1, len(s)))
	}
	if strings.TrimLeft(s, " \t\n") != s {
		out = " " + out
	}
	if strings.TrimRight(s, " \t\n") != s {
		out += " "
	}
	return out
}

// mdEscape backslash-escapes the characters CommonMark could read as markup, so article text
// stays text: emphasis, code, links, HTML, tables and strike-through anywhere, and block
// markers (heading, list, quote) at the start.
func mdEscape(s string) string {
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&", r) || i == 0 && strings.ContainsRune("#-+=>", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. " or "1) " at the start would open an ordered list.
	if j := strings.IndexAny(out, ".)"); j > 0 && isDigits(out[:j]) {
		out = out[:j] + "\\" + out[j:]
	}
	return out
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// mdCell is mdEscape for a table cell, on one line.
func mdCell(s string) string { return mdEscape(oneLineMD(s)) }

func oneLineMD(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
