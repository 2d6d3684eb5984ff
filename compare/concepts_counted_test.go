package compare

import (
	"strings"
	"testing"
)

// countedCases: for every concept of things counted in news, one sentence per core language
// in which the number 7 counts that thing the way the language's press writes it (the noun
// after the number, a classifier before the noun in Chinese, a genitive in Russian and
// Arabic). The number takes the concept from its own noun, even when another cue is near.
var countedCases = map[string]map[string]string{
	"shots": {
		"en": "Witnesses heard 7 shots near the station.",
		"fr": "Les témoins ont entendu 7 coups de feu près de la gare.",
		"es": "Los testigos oyeron 7 disparos cerca de la estación.",
		"de": "Zeugen hörten 7 Schüsse am Bahnhof.",
		"ru": "Очевидцы слышали 7 выстрелов у вокзала.",
		"ar": "سمع شهود 7 طلقات قرب المحطة.",
		"vi": "Nhân chứng nghe thấy 7 phát súng gần nhà ga.",
		"zh": "目击者在车站附近听到7声枪响。",
	},
	"explosions": {
		"en": "Seismologists recorded 7 explosions under the sea.",
		"fr": "Les sismologues ont enregistré 7 explosions sous la mer.",
		"es": "Los sismólogos registraron 7 explosiones bajo el mar.",
		"de": "Seismologen registrierten 7 Explosionen unter Wasser.",
		"ru": "Сейсмологи зафиксировали 7 взрывов под водой.",
		"ar": "رصد خبراء الزلازل 7 انفجارات تحت البحر.",
		"vi": "Các nhà địa chấn học ghi nhận 7 vụ nổ dưới biển.",
		"zh": "地震台网探测到7次爆炸。",
	},
	"leaks": {
		"en": "The coast guard has found 7 leaks on the pipeline.",
		"fr": "Les garde-côtes ont repéré 7 fuites sur le gazoduc.",
		"es": "Los guardacostas hallaron 7 fugas en el gasoducto.",
		"de": "Die Küstenwache fand 7 Lecks an der Pipeline.",
		"ru": "Береговая охрана обнаружила 7 утечек на газопроводе.",
		"ar": "رصد خفر السواحل 7 تسربات في خط الأنابيب.",
		"vi": "Lực lượng tuần duyên phát hiện 7 điểm rò rỉ trên đường ống.",
		"zh": "海岸警卫队在管道上发现7处泄漏点。",
	},
	"wounds": {
		"en": "Doctors said he had 7 wounds to the chest.",
		"fr": "Selon les médecins, il présentait 7 plaies à la poitrine.",
		"es": "Los forenses contaron 7 impactos de bala en el pecho.",
		"de": "Er hatte 7 Wunden an der Brust.",
		"ru": "У него было 7 ран на груди.",
		"ar": "أظهر التقرير 7 طعنات في الصدر.",
		"vi": "Ông có 7 vết thương ở ngực.",
		"zh": "他胸部有7处枪伤。",
	},
	"dams": {
		"en": "The storm burst 7 dams above the city.",
		"fr": "La tempête a rompu 7 barrages en amont de la ville.",
		"es": "La tormenta reventó 7 presas aguas arriba.",
		"de": "Das Unwetter brach 7 Dämme oberhalb der Stadt.",
		"ru": "Под напором воды рухнули 7 плотин выше города.",
		"ar": "انهارت 7 سدود فوق المدينة.",
		"vi": "Cơn bão làm vỡ 7 con đập phía trên thành phố.",
		"zh": "暴雨冲垮了7座大坝。",
	},
	"bridges": {
		"en": "The floods swept away 7 bridges.",
		"fr": "Les crues ont emporté 7 ponts.",
		"es": "Las riadas arrastraron 7 puentes.",
		"de": "Die Fluten rissen 7 Brücken mit.",
		"ru": "Паводок разрушил 7 мостов в районе.",
		"ar": "دمرت السيول 7 جسور في المدينة.",
		"vi": "Lũ cuốn trôi 7 cây cầu.",
		"zh": "洪水冲毁了7座桥。",
	},
	"tugs": {
		"en": "The company brought in 7 tugs to free the ship.",
		"fr": "La société a mobilisé 7 remorqueurs pour dégager le navire.",
		"es": "La empresa movilizó 7 remolcadores para liberar el buque.",
		"de": "Die Firma setzte 7 Schlepper ein.",
		"ru": "Компания направила 7 буксиров к судну.",
		"ar": "شاركت 7 قاطرات في تعويم السفينة.",
		"vi": "Công ty huy động 7 tàu kéo để giải cứu con tàu.",
		"zh": "公司动用了7艘拖轮。",
	},
	"missiles": {
		"en": "The army said it shot down 7 missiles overnight.",
		"fr": "L'armée affirme avoir abattu 7 missiles dans la nuit.",
		"es": "El ejército derribó 7 misiles durante la noche.",
		"de": "Die Armee schoss 7 Raketen ab.",
		"ru": "Армия сбила 7 ракет ночью.",
		"ar": "أسقط الجيش 7 صواريخ ليلا.",
		"vi": "Quân đội bắn hạ 7 tên lửa trong đêm.",
		"zh": "军方击落了7枚导弹。",
	},
	"drones": {
		"en": "Air defences downed 7 drones over the capital.",
		"fr": "La défense aérienne a abattu 7 drones au-dessus de la capitale.",
		"es": "La defensa antiaérea derribó 7 drones sobre la capital.",
		"de": "Die Luftabwehr schoss 7 Drohnen ab.",
		"ru": "ПВО сбила 7 беспилотников над столицей.",
		"ar": "أسقطت الدفاعات الجوية 7 طائرات مسيرة فوق العاصمة.",
		"vi": "Phòng không bắn hạ 7 máy bay không người lái.",
		"zh": "防空部队击落7架无人机。",
	},
	"containers": {
		"en": "The ship can carry 7 containers more than its sister.",
		"fr": "Le navire peut transporter 7 conteneurs de plus.",
		"es": "El buque puede llevar 7 contenedores más.",
		"de": "Das Schiff kann 7 Container mehr laden.",
		"ru": "Судно берет на борт 7 контейнеров.",
		"ar": "تحمل السفينة 7 حاويات إضافية.",
		"vi": "Con tàu chở được thêm 7 container.",
		"zh": "该船可多装7个集装箱。",
	},
	"crew": {
		"en": "All 7 crew members were safe.",
		"fr": "Les 7 membres d'équipage sont sains et saufs.",
		"es": "Los 7 tripulantes están a salvo.",
		"de": "Die 7 Besatzungsmitglieder sind wohlauf.",
		"ru": "Все 7 членов экипажа в безопасности.",
		"ar": "جميع البحارة الـ 7 بخير، وعددهم 7 بحارة.",
		"vi": "Cả 7 thuyền viên đều an toàn.",
		"zh": "船上7名船员均安全。",
	},
	"medics": {
		"en": "A team of 7 doctors tried to save him.",
		"fr": "Une équipe de 7 médecins a tenté de le sauver.",
		"es": "Un equipo de 7 médicos intentó salvarlo.",
		"de": "Ein Team von 7 Ärzten versuchte, ihn zu retten.",
		"ru": "Бригада из 7 врачей пыталась его спасти.",
		"ar": "حاول 7 أطباء إنقاذ حياته.",
		"vi": "Một nhóm 7 bác sĩ đã cố gắng cứu ông.",
		"zh": "7名医生参与抢救。",
	},
	"hostages": {
		"en": "The gunmen still hold 7 hostages.",
		"fr": "Les assaillants détiennent encore 7 otages.",
		"es": "Los asaltantes retienen aún a 7 rehenes.",
		"de": "Die Täter halten noch 7 Geiseln fest.",
		"ru": "Боевики удерживают 7 заложников в здании школы.",
		"ar": "لا يزال المسلحون يحتجزون 7 رهائن.",
		"vi": "Các tay súng vẫn giữ 7 con tin.",
		"zh": "歹徒仍扣押着7名人质。",
	},
	"suspects": {
		"en": "Police are questioning 7 suspects.",
		"fr": "La police interroge 7 suspects.",
		"es": "La policía interroga a 7 sospechosos.",
		"de": "Die Polizei befragt 7 Verdächtige.",
		"ru": "Полиция допрашивает 7 подозреваемых по этому делу.",
		"ar": "تستجوب الشرطة 7 متهمين في القضية.",
		"vi": "Cảnh sát đang thẩm vấn 7 nghi phạm.",
		"zh": "警方正在审讯7名嫌疑人。",
	},
	"provinces": {
		"en": "A state of emergency covers 7 provinces.",
		"fr": "L'état d'urgence couvre 7 provinces.",
		"es": "El estado de emergencia abarca 7 provincias.",
		"de": "Der Notstand gilt in 7 Provinzen.",
		"ru": "Режим ЧС введен в 7 регионах.",
		"ar": "تشمل حالة الطوارئ 7 ولايات.",
		"vi": "Tình trạng khẩn cấp áp dụng tại 7 quận huyện.",
		"zh": "紧急状态覆盖7个省。",
	},
	"countries": {
		"en": "Rescue teams came from 7 countries.",
		"fr": "Des secouristes sont venus de 7 pays.",
		"es": "Llegaron rescatistas de 7 países.",
		"de": "Helfer kamen aus 7 Ländern.",
		"ru": "Спасатели прибыли из 7 стран.",
		"ar": "وصلت فرق إنقاذ من 7 دول.",
		"vi": "Đội cứu hộ đến từ 7 quốc gia.",
		"zh": "来自7个国家的救援队抵达。",
	},
}

// TestCountedNounConcepts checks each counted-thing concept in each core language.
func TestCountedNounConcepts(t *testing.T) {
	for concept, byLang := range countedCases {
		for lang, text := range byLang {
			t.Run(concept+"/"+lang, func(t *testing.T) {
				facts := ExtractFacts(Document{ID: "x", Lang: lang, Text: text}, Options{})
				var got []string
				for _, f := range facts {
					if f.Kind == KindNumber && containsDigits(f.Text, "7") {
						if f.Concept == concept {
							return
						}
						got = append(got, f.Text+"→"+f.Concept)
					}
				}
				t.Errorf("%q: the 7 does not count %s (numbers: %v); add the noun to assets/lang/concepts.tsv", text, concept, got)
			})
		}
	}
}

// TestCountedConceptsCoverEveryLanguage keeps the counted-thing rows complete: a concept
// known in some languages and not others would align its figures in some versions only.
func TestCountedConceptsCoverEveryLanguage(t *testing.T) {
	lx := loadConcepts()
	for concept := range lx.counted {
		for _, lang := range []string{"ar", "de", "en", "es", "fr", "ru", "vi", "zh"} {
			found := false
			for _, e := range lx.forms[lang] {
				if e.concept == concept {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("concept %s has no form in %s: add a row to assets/lang/concepts.tsv", concept, lang)
			}
		}
	}
}

// TestAdjectivalDurations: a duration written as an adjective ("трехмесячный режим",
// "siebentägige Staatstrauer", "a three-month state") is a duration like "three months".
func TestAdjectivalDurations(t *testing.T) {
	cases := []struct{ lang, text, num string }{
		{"ru", "Эрдоган объявил трехмесячный режим чрезвычайного положения.", "трехмесячный"},
		{"ru", "В стране объявлен семидневный траур.", "семидневный"},
		{"de", "Er ordnete eine siebentägige Staatstrauer an.", "siebentägige"},
		{"zh", "宣布实行紧急状态,为期3个月。", "3个月"},
	}
	for _, c := range cases {
		facts := ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{})
		found := false
		for _, f := range facts {
			if f.Kind == KindNumber && strings.Contains(f.Text, c.num) {
				found = true
				if f.Concept != "duration" {
					t.Errorf("%s %q: concept %q, want duration", c.lang, f.Text, f.Concept)
				}
			}
		}
		if !found {
			t.Errorf("%s: %q not extracted from %q", c.lang, c.num, c.text)
		}
	}
}

// TestCuesThatFoldTogether: a word that folds to a unit's or a counted noun's letters but
// stands on the wrong side of the number does not name it ("huy động 13 tàu kéo" is 13
// tugs, not 13 đồng; "two dams burst one after the other" does not make "one" a dam).
func TestCuesThatFoldTogether(t *testing.T) {
	cases := []struct{ lang, text, num, want string }{
		{"vi", "Công ty đã huy động 13 tàu kéo cảng.", "13", "tugs"},
		{"en", "Two dams above the city, the large one and the small one close to the centre, burst one after the other.", "one", ""},
	}
	for _, c := range cases {
		facts := ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text}, Options{})
		for _, f := range facts {
			if f.Kind == KindNumber && f.Text == c.num && f.Concept != c.want {
				t.Errorf("%s %q in %q: concept %q, want %q", c.lang, f.Text, c.text, f.Concept, c.want)
			}
		}
	}
}
