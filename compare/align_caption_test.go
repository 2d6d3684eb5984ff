package compare

import "testing"

// Photo captions in each core language, by their label or their picture credit, and lines of
// a story that are none.
func TestIsCaptionLine(t *testing.T) {
	cases := []struct {
		lang, line string
		want       bool
	}{
		{"en", "Photo: Firefighters spray water on the warehouse on Tuesday. REUTERS", true},
		{"en", "Caption: Volunteers clear mud from a street in the old town.", true},
		{"en", "Residents queue for water near the station on Monday. Photo: Jane Roe/AP", true},
		{"fr", "Légende : des pompiers devant l'entrepôt détruit, le 4 mai. © AFP", true},
		{"es", "Voluntarios retiran escombros en el puerto el 4 de mayo. EFE/Juan Pérez", true},
		{"de", "Feuerwehrleute löschen die Reste des Lagerhauses. Foto: Max Muster/dpa", true},
		{"ru", "Фото: пожарные на месте взрыва в порту, 4 мая.", true},
		{"ar", "صورة: رجال الإطفاء قرب المستودع المدمر في الميناء.", true},
		{"vi", "Lính cứu hỏa làm việc tại hiện trường ngày 4/5. Ảnh: Reuters", true},
		{"zh", "图为5月4日，消防员在港口仓库现场灭火。（新华社发）", true},
		// Lines of the story: a word label with no colon after it, an agency tag at the
		// head of a paragraph, a sentence about a photographer.
		{"en", "Photographers gathered at the gate on Tuesday as the minister arrived.", false},
		{"en", "Pictures of the blast spread on social media within minutes, and the port was closed on Tuesday while firefighters worked through the night.", false},
		{"ar", "بيروت (أ ف ب) - قال مسؤولون إن الانفجار الذي وقع في الميناء يوم الثلاثاء أدى إلى دمار واسع في الأحياء المجاورة وإن فرق الإنقاذ ما زالت تبحث عن مفقودين.", false},
		{"fr", "Le photographe a été blessé lundi dans l'explosion, selon son agence.", false},
	}
	for _, c := range cases {
		if got := isCaptionLine([]rune(c.line), c.lang); got != c.want {
			t.Errorf("%s %q: caption %v, want %v", c.lang, c.line, got, c.want)
		}
	}
}
