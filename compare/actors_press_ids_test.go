package compare

import "testing"

// TestPressCountryNames: the forms each language's press prints for a country (an older or
// shorter name, a transliteration) name that country, and the offices built on them take the
// English Wikipedia title of the office.
func TestPressCountryNames(t *testing.T) {
	cases := []struct {
		lang, text, surface, id string
	}{
		{"vi", "Phái đoàn của Arab Saudi đã tới Hà Nội hôm qua.", "Arab Saudi", "Saudi Arabia"},
		{"vi", "Các nhà ngoại giao từ Maroc có mặt tại hội nghị.", "Maroc", "Morocco"},
		{"vi", "Chính quyền quân sự ở Miến Điện không bình luận.", "Miến Điện", "Myanmar"},
		{"vi", "Thủ đô của Gruzia đón nhiều du khách.", "Gruzia", "Georgia"},
		{"en", "Aid convoys crossed into Burma at dawn.", "Burma", "Myanmar"},
		{"fr", "Les inondations ont frappé la Birmanie cette semaine.", "Birmanie", "Myanmar"},
		{"fr", "Un convoi a quitté la Centrafrique lundi.", "Centrafrique", "Central African Republic"},
		{"es", "El barco zarpó de Holanda con grano.", "Holanda", "Netherlands"},
		{"es", "Las lluvias afectaron a Birmania durante días.", "Birmania", "Myanmar"},
		{"de", "Die Grenze zu Weißrussland blieb geschlossen.", "Weißrussland", "Belarus"},
		{"de", "Die Delegation aus Moldawien reiste ab.", "Moldawien", "Moldova"},
		{"ru", "Делегация прибыла из Белоруссии во вторник.", "Белоруссии", "Belarus"},
		{"ru", "Спасатели из Южной Кореи прибыли в понедельник.", "Южной Кореи", "South Korea"},
		{"ru", "Южная Корея направила самолёт.", "Южная Корея", "South Korea"},
		{"ru", "Спасатели из ЮАР вылетели утром.", "ЮАР", "South Africa"},
		{"ar", "وصل وفد من المجر إلى المدينة.", "المجر", "Hungary"},
		{"ar", "أعلنت الدنمارك إرسال فريق إنقاذ.", "الدنمارك", "Denmark"},
		{"ar", "عبرت قوافل الإغاثة إلى ميانمار.", "ميانمار", "Myanmar"},
		{"zh", "沙特派出了救援队。", "沙特", "Saudi Arabia"},
		{"zh", "阿联酋宣布提供援助。", "阿联酋", "United Arab Emirates"},
		// Offices named through a country: the id is the office's English Wikipedia title.
		{"en", "The Chinese Foreign Ministry declined to comment.", "Chinese Foreign Ministry", "Ministry of Foreign Affairs of the People's Republic of China"},
		{"zh", "中国外交部发言人表示反对。", "中国外交部", "Ministry of Foreign Affairs of the People's Republic of China"},
		{"ru", "МИД Украины выразил протест.", "МИД Украины", "Ministry of Foreign Affairs of Ukraine"},
		{"fr", "Le ministère israélien de la Défense a démenti.", "ministère israélien de la Défense", "Ministry of Defense (Israel)"},
		{"de", "Das türkische Verteidigungsministerium meldete den Vorfall.", "türkische Verteidigungsministerium", "Ministry of National Defense (Turkey)"},
		{"vi", "Bộ Quốc phòng Pháp xác nhận tin này.", "Bộ Quốc phòng Pháp", "Ministry of Armed Forces (France)"},
		{"zh", "日本卫生部公布了数据。", "日本卫生部", "Ministry of Health, Labour and Welfare"},
		{"en", "The Ukrainian Red Cross sent volunteers.", "Ukrainian Red Cross", "Ukrainian Red Cross Society"},
		{"ar", "أصدرت وزارة خارجية سوريا بيانا.", "وزارة خارجية سوريا", "Ministry of Foreign Affairs and Expatriates (Syria)"},
	}
	for _, c := range cases {
		got := extractActors(Document{Lang: c.lang, Text: c.text}, Options{})
		found := false
		for _, f := range got {
			if f.Text == c.surface {
				found = true
				if f.Value != c.id {
					t.Errorf("%s %q: %q -> %v, want %q", c.lang, c.text, c.surface, f.Value, c.id)
				}
			}
		}
		if !found {
			var texts []string
			for _, f := range got {
				texts = append(texts, f.Text+"="+f.Value.(string))
			}
			t.Errorf("%s %q: no actor %q (got %v)", c.lang, c.text, c.surface, texts)
		}
	}
}
