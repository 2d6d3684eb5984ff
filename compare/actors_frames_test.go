package compare

import "testing"

// TestPermanentMissionFrames: a mission the text calls permanent, to an organisation, is the
// sending country's Permanent Mission in every language frames.tsv covers; to a country it
// stays a mission, and "de la" before the sender no longer stops a French frame.
func TestPermanentMissionFrames(t *testing.T) {
	cases := []struct{ lang, text, surface, want string }{
		{"zh", "法国常驻联合国代表团当天发表声明。", "法国常驻联合国代表团", "Permanent Mission of France to the United Nations"},
		{"ru", "Постпредство Китая при ООН выступило с заявлением.", "Постпредство Китая при ООН", "Permanent Mission of China to the United Nations"},
		{"ar", "وقالت البعثة الدائمة لفرنسا لدى الأمم المتحدة إنها تتابع الوضع.", "البعثة الدائمة لفرنسا لدى الأمم المتحدة", "Permanent Mission of France to the United Nations"},
		{"ar", "وأصدرت البعثة الصينية الدائمة لدى الأمم المتحدة بيانا.", "البعثة الصينية الدائمة لدى الأمم المتحدة", "Permanent Mission of China to the United Nations"},
		{"en", "The Chinese permanent mission to the UN issued a statement.", "Chinese permanent mission to the UN", "Permanent Mission of China to the United Nations"},
		{"fr", "La représentation permanente de la France auprès de l'ONU a réagi.", "représentation permanente de la France auprès de l'ONU", "Permanent Mission of France to the United Nations"},
		{"es", "La misión permanente de Francia ante la ONU respondió.", "misión permanente de Francia ante la ONU", "Permanent Mission of France to the United Nations"},
		{"de", "Die Ständige Vertretung Chinas bei den Vereinten Nationen widersprach.", "Ständige Vertretung Chinas bei den Vereinten Nationen", "Permanent Mission of China to the United Nations"},
		{"vi", "Phái đoàn thường trực Pháp tại Liên Hợp Quốc cho biết.", "Phái đoàn thường trực Pháp tại Liên Hợp Quốc", "Permanent Mission of France to the United Nations"},
		{"fr", "L'ambassade de la Chine à Paris a réagi.", "ambassade de la Chine à Paris", "Embassy of China in France"},
		{"ru", "Постпредство России в Бельгии сообщило.", "Постпредство России в Бельгии", "Mission of Russia to Belgium"},
	}
	for _, c := range cases {
		facts := ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{})
		found := false
		for _, f := range facts {
			if f.Kind == KindActor && f.Text == c.surface {
				found = true
				if f.Label != c.want {
					t.Errorf("%s %q: %q is %q, want %q", c.lang, c.text, c.surface, f.Label, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: no actor %q", c.lang, c.text, c.surface)
		}
	}
}
