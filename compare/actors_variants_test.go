package compare

import "testing"

// TestTraditionalChinese: a text in traditional characters names the actors the gazetteer
// writes in simplified ones (and the other way round), with offsets on the text as written;
// its transcribed names sound the same.
func TestTraditionalChinese(t *testing.T) {
	cases := []struct{ text, surface, id string }{
		{"土耳其總統埃爾多安週二視察災區。", "埃爾多安", "Recep Tayyip Erdoğan"},
		{"代表團週二抵達東京。", "東京", "Tokyo"},
		{"代表团周二抵达东京。", "东京", "Tokyo"},
		// A body's full Chinese name is one mention, not its country.
		{"日本广播协会周五报道了选举结果。", "日本广播协会", "NHK"},
		{"俄罗斯天然气工业股份公司周一宣布停止供气。", "俄罗斯天然气工业股份公司", "Gazprom"},
	}
	for _, c := range cases {
		found := false
		for _, f := range extractActors(Document{Lang: "zh", Text: c.text}, Options{}) {
			if f.Value == c.id {
				found = true
				if f.Text != c.surface {
					t.Errorf("%q: %s spans %q, want %q", c.text, c.id, f.Text, c.surface)
				}
			}
		}
		if !found {
			t.Errorf("%q: %s not found", c.text, c.id)
		}
	}
	g := loadGazetteer()
	if a, b := g.hanSoundOf("埃爾多安"), g.hanSoundOf("埃尔多安"); a != b {
		t.Errorf("traditional transcription sounds %q, simplified %q", a, b)
	}
}
