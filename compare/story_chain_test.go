package compare

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
)

// TestStories_NoChaining: versions of 28 events a day apart that name the same countries,
// companies and quantities (the five samples copied 28 times, copy c with every day of month
// moved c days on, and its own person) do not chain into one story (A~B~C…: each copy
// resembling the next): no story spans more than eventWindowDays of the year, so at most 15
// copies' versions (60 articles) can meet. Most versions are undated and write their days
// without the year; before the day-of-year veto they chained into a story of 75 of the 140
// articles spanning most of the month. The bench script measures the largest story at scale (docs/scale.md).
func TestStories_NoChaining(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 200 articles")
	}
	base := cacheDocs(t)
	num := regexp.MustCompile(`[0-9]+`)
	var docs []Document
	for c := 0; c < 28; c++ {
		for _, d := range base {
			if d.ID[:5] == "copy-" {
				continue
			}
			nd := d
			nd.ID = fmt.Sprintf("c%02d-%s", c, d.ID)
			nd.Text = num.ReplaceAllStringFunc(d.Text, func(s string) string {
				v, _ := strconv.Atoi(s)
				if v < 1 || v > 31 || s[0] == '0' {
					return s
				}
				return strconv.Itoa((v-1+c)%28 + 1)
			}) + "\n\n" + person(c) + ".\n"
			docs = append(docs, nd)
		}
	}
	res := Analyze(docs, nil, AnalyzeOptions{})
	days := map[string]yearDays{}
	for _, d := range docs {
		days[d.ID] = dayOfYearOf(newArticle(d, res.Facts[d.ID]))
	}
	largest := 0
	for _, s := range res.Stories {
		largest = max(largest, len(s.Articles))
		var y yearDays
		for _, id := range s.Articles {
			y = y.merge(days[id])
		}
		if y.span() > eventWindowDays {
			t.Errorf("story %s spans %d days of the year (%d articles)", s.ID, y.span(), len(s.Articles))
		}
	}
	t.Logf("%d articles → %d stories, largest %d", len(docs), len(res.Stories), largest)
	if largest > 4*(eventWindowDays+1) {
		t.Errorf("a story of %d articles: versions of different events chained together", largest)
	}
}

func person(s int) string {
	syll := []string{"ka", "lo", "mi", "ren", "to", "va", "shi", "por", "den", "lu", "sa", "ber"}
	w := func(x, n int) string {
		out := ""
		for q := 0; q < n; q++ {
			out += syll[x%len(syll)]
			x /= len(syll)
		}
		return string(out[0]-'a'+'A') + out[1:]
	}
	return w(s+1, 3) + " " + w(s*7+5, 4)
}
