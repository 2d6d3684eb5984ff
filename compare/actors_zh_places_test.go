package compare

import "testing"

// TestZhBarePlaces: Chinese glues 州, 市 or 县 to a place's name on first mention and often
// drops it later; the bare name is the same place. A province's bare name is left to the city,
// and a two-character bare name (南部 of 南部省, "the south") is no place.
func TestZhBarePlaces(t *testing.T) {
	cases := []struct {
		text, surface, want string
	}{
		{"德克萨斯州的油价上涨后，德克萨斯的司机开始排队。", "德克萨斯", "Texas"},
		{"佛罗里达的港口周二关闭。", "佛罗里达", "Florida"},
		{"加利福尼亚州州长发表讲话。", "加利福尼亚州", "California"},
		{"该国南部的村庄受灾严重。", "南部", ""},
	}
	for _, c := range cases {
		var got string
		for _, f := range extractActors(Document{Lang: "zh", Text: c.text}, Options{}) {
			if f.Text == c.surface {
				got, _ = f.Value.(string)
			}
		}
		if got != c.want {
			t.Errorf("%s: %q got %q, want %q", c.text, c.surface, got, c.want)
		}
	}
}

// TestZhListHeads: a province word written once after a list of places (等省) makes each
// place of the list the province; the same places without it, or one place alone before
// 等省, stay as written.
func TestZhListHeads(t *testing.T) {
	cases := []struct {
		text string
		want map[string]string
	}{
		{"救援队已抵达阿勒颇、拉塔基亚和伊德利卜等省。",
			map[string]string{"阿勒颇": "Aleppo Governorate", "拉塔基亚": "Latakia Governorate", "伊德利卜": "Idlib Governorate"}},
		{"救援队已抵达阿勒颇和伊德利卜两座城市。",
			map[string]string{"阿勒颇": "Aleppo", "伊德利卜": "Idlib"}},
		{"政府向阿勒颇派出医生，伊德利卜等省也在求援。",
			map[string]string{"阿勒颇": "Aleppo", "伊德利卜": "Idlib"}},
	}
	for _, c := range cases {
		got := map[string]string{}
		for _, f := range extractActors(Document{Lang: "zh", Text: c.text}, Options{}) {
			got[f.Text], _ = f.Value.(string)
		}
		for surface, want := range c.want {
			if got[surface] != want {
				t.Errorf("%s: %q got %q, want %q", c.text, surface, got[surface], want)
			}
		}
	}
}
