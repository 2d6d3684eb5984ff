package interchange_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"parallax/store"
	"parallax/store/ingest"
	"parallax/store/interchange"
)

// The emoji article: the quoted phrase repeats, so a TextQuoteSelector's exact text alone is
// ambiguous and only prefix and suffix pick the right one; flags, a ZWJ family and a skin
// tone make code point, UTF-16 and byte offsets all differ.
const emojiText = "Le drapeau 🇫🇷 flotte. La famille 👩‍👩‍👧 regarde le drapeau 🇫🇷 et sourit 👍🏽.\n\nPuis le drapeau 🇫🇷 tombe, et la famille 👩‍👩‍👧 rentre."

// runeIndex is the code point offset of the n-th (0-based) occurrence of sub in s.
func runeIndex(t *testing.T, s, sub string, n int) int {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			t.Fatalf("%q has no occurrence %d of %q", s, n, sub)
		}
		if i == n {
			return len([]rune(s[:off+j]))
		}
		off += j + len(sub)
	}
}

// reanchor finds a TextQuoteSelector in a text the way a W3C client does: every occurrence of
// exact whose preceding text ends with prefix and following text starts with suffix. It
// returns the code point offsets of the matches.
func reanchor(text, exact, prefix, suffix string) []int {
	r := []rune(text)
	e, p, s := []rune(exact), []rune(prefix), []rune(suffix)
	var out []int
	for i := 0; i+len(e) <= len(r); i++ {
		if slices.Equal(r[i:i+len(e)], e) && i >= len(p) && slices.Equal(r[i-len(p):i], p) &&
			i+len(e)+len(s) <= len(r) && slices.Equal(r[i+len(e):i+len(e)+len(s)], s) {
			out = append(out, i)
		}
	}
	return out
}

type w3cDoc struct {
	Context []any  `json:"@context"`
	Type    string `json:"type"`
	Total   int    `json:"total"`
	First   struct {
		Type  string `json:"type"`
		Items []struct {
			ID         string `json:"id"`
			Type       string `json:"type"`
			Motivation string `json:"motivation"`
			Creator    *struct{ Name string }
			Body       []struct {
				Type, Purpose, Value string
			} `json:"body"`
			Target []struct {
				Source struct {
					ID       string `json:"id"`
					Article  string `json:"parallax:article"`
					Revision int    `json:"parallax:revision"`
					Dir      string `json:"textDirection"`
				} `json:"source"`
				Selector []struct {
					Type                  string
					Exact, Prefix, Suffix string
					Start, End            int
				} `json:"selector"`
			} `json:"target"`
		} `json:"items"`
	} `json:"first"`
}

// Every highlight's selectors re-anchor to exactly its words in Arabic and emoji-bearing
// articles: the quote (with prefix and suffix) finds one place, the position selector names
// the same code points, and both equal the highlight.
func TestWriteW3C_Reanchor(t *testing.T) {
	db, _ := openDB(t)
	seedWorkspace(t, db, "Amira Haddad")
	if _, err := db.ImportDocuments([]ingest.Document{{Source: "wire/fr-emoji.txt", Lang: "fr", Format: "txt", Text: emojiText}}, time.Now()); err != nil {
		t.Fatal(err)
	}
	var arabic, emoji store.Article
	arts, _ := db.Articles()
	for _, a := range arts {
		switch {
		case a.Lang == "ar":
			arabic = a
		case a.Source == "wire/fr-emoji.txt":
			emoji = a
		}
	}
	if arabic.ID == "" {
		t.Fatal("no Arabic seed")
	}
	put := func(a store.Article, start int, quote string, tags []string, note string) store.Highlight {
		t.Helper()
		h, err := db.PutHighlight(store.Highlight{Article: a.ID, Start: start, End: start + len([]rune(quote)), Tags: tags, Note: note, Author: "Amira Haddad"})
		if err != nil {
			t.Fatalf("highlight %q: %v", quote, err)
		}
		return h
	}
	want := []store.Highlight{
		put(arabic, runeIndex(t, arabic.Text, "الصين", 2), "الصين", []string{"actor", "claim"}, "third mention"),
		put(emoji, runeIndex(t, emoji.Text, "drapeau 🇫🇷", 1), "drapeau 🇫🇷", []string{"claim"}, ""),
		put(emoji, runeIndex(t, emoji.Text, "drapeau 🇫🇷", 2), "drapeau 🇫🇷", nil, "the last one"),
		put(emoji, runeIndex(t, emoji.Text, "👩‍👩‍👧", 1), "👩‍👩‍👧", []string{"actor"}, "ملاحظة"),
		put(emoji, runeIndex(t, emoji.Text, "👍🏽", 0), "👍🏽", []string{"quote"}, ""),
	}
	set, _ := export(t, db, true)
	var buf bytes.Buffer
	if err := interchange.WriteW3C(&buf, set); err != nil {
		t.Fatal(err)
	}
	var doc w3cDoc
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("W3C output is not JSON: %v", err)
	}
	if len(doc.Context) == 0 || doc.Context[0] != "http://www.w3.org/ns/anno.jsonld" || doc.Type != "AnnotationCollection" ||
		doc.First.Type != "AnnotationPage" || doc.Total != len(doc.First.Items) {
		t.Fatalf("not a W3C annotation collection: context %v, type %q, total %d of %d", doc.Context, doc.Type, doc.Total, len(doc.First.Items))
	}
	texts := map[string]string{}
	for _, a := range set.Articles {
		texts[a.ID] = a.Text
	}
	byID := map[string]store.Highlight{}
	for _, h := range want {
		byID["urn:parallax:highlight:"+h.Article+":"+h.ID] = h
	}
	found, discrepancies, utf16Differs := 0, 0, false
	for _, item := range doc.First.Items {
		if item.Type != "Annotation" || len(item.Target) == 0 {
			t.Fatalf("item %s: type %q, %d targets", item.ID, item.Type, len(item.Target))
		}
		for ti, tg := range item.Target {
			text := texts[tg.Source.Article]
			if len(tg.Selector) == 0 {
				continue // a whole-article target (the version that omits a fact)
			}
			if len(tg.Selector) != 2 || tg.Selector[0].Type != "TextQuoteSelector" || tg.Selector[1].Type != "TextPositionSelector" {
				t.Fatalf("%s target %d: selectors %+v", item.ID, ti, tg.Selector)
			}
			q, p := tg.Selector[0], tg.Selector[1]
			at := reanchor(text, q.Exact, q.Prefix, q.Suffix)
			if len(at) != 1 || at[0] != p.Start || p.End-p.Start != len([]rune(q.Exact)) || string([]rune(text)[p.Start:p.End]) != q.Exact {
				t.Errorf("%s target %d: quote %q (prefix %q, suffix %q) re-anchors at %v; position [%d,%d)", item.ID, ti, q.Exact, q.Prefix, q.Suffix, at, p.Start, p.End)
			}
			if h, ok := byID[item.ID]; ok {
				found++
				if p.Start != h.Start || p.End != h.End || q.Exact != h.Quote {
					t.Errorf("%s: selectors [%d,%d) %q, highlight [%d,%d) %q", item.ID, p.Start, p.End, q.Exact, h.Start, h.End, h.Quote)
				}
				if u := len(utf16.Encode([]rune(string([]rune(text)[:p.Start])))); u != p.Start {
					utf16Differs = true // the test tells code points from UTF-16 units
				}
				var tags []string
				note := ""
				for _, b := range item.Body {
					switch b.Purpose {
					case "tagging":
						tags = append(tags, b.Value)
					case "commenting":
						note = b.Value
					}
				}
				if !slices.Equal(tags, h.Tags) || note != h.Note || item.Creator == nil || item.Creator.Name != h.Author {
					t.Errorf("%s: bodies %+v creator %+v, want tags %v note %q", item.ID, item.Body, item.Creator, h.Tags, h.Note)
				}
				if tg.Source.Article == arabic.ID && tg.Source.Dir != "rtl" {
					t.Errorf("Arabic target has textDirection %q", tg.Source.Dir)
				}
			}
		}
		if strings.HasPrefix(item.ID, "urn:parallax:discrepancy:") {
			discrepancies++
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d highlights", found, len(want))
	}
	if discrepancies != len(set.Analysis.Discrepancies) {
		t.Errorf("%d discrepancy annotations, want %d", discrepancies, len(set.Analysis.Discrepancies))
	}
	if !utf16Differs {
		t.Error("no highlight sits after an astral character; the test would not catch UTF-16 offsets")
	}
	// Each discrepancy targets all its members.
	for _, d := range set.Analysis.Discrepancies {
		for _, item := range doc.First.Items {
			if item.ID == "urn:parallax:discrepancy:"+d.ID && len(item.Target) != len(d.Members) {
				t.Errorf("discrepancy %s: %d targets for %d members", d.ID, len(item.Target), len(d.Members))
			}
		}
	}
	t.Logf("%d annotations (%d highlights, %d discrepancies), %d bytes", len(doc.First.Items), len(set.Highlights), discrepancies, buf.Len())
}
