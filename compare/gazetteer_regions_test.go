package compare

// regionCases are sentences written for TestGazetteerActorsInEveryLanguage: first-level regions (actors.tsv, the
// regions section) by their bare, "province of" and adjectival forms in each language, and
// the words a region's name must not be read in.
var regionCases = []struct {
	name, lang, text string
	want             []string
}{
	{"en governorate bare", "en", "Fighting spread from Anbar to Diyala.", []string{"Al Anbar Governorate", "Diyala Governorate"}},
	{"fr province of", "fr", "Les combats ont gagné la province de Diyala.", []string{"Diyala Governorate"}},
	{"ru governorate inflected", "ru", "В провинции Анбар прошли бои.", []string{"Al Anbar Governorate"}},
	{"ar governorate with clitic", "ar", "وصلت التعزيزات إلى الأنبار ونينوى", []string{"Al Anbar Governorate", "Nineveh Governorate"}},
	{"zh governorate", "zh", "伊拉克安巴尔省发生爆炸。", []string{"Iraq", "Al Anbar Governorate"}},
	{"ar common word needs the country", "ar", "وقال إن السند القانوني واضح", nil},
	{"ar region word beside the country", "ar", "وأعلنت السلطات في واسط جنوب العراق حظر التجول", []string{"Wasit Governorate", "Iraq"}},
	{"de Turkish province bare", "de", "Am stärksten betroffen war Hatay.", []string{"Hatay Province"}},
	{"vi Turkish province", "vi", "Tỉnh Hatay chịu thiệt hại nặng nhất.", []string{"Hatay Province"}},
	{"es Pakistani province", "es", "Las lluvias anegaron Sind y Baluchistán.", []string{"Sindh", "Balochistan, Pakistan"}},
	{"ru oblast adjectival, genitive", "ru", "Обстрелу подверглись районы Запорожской области.", []string{"Zaporizhzhia Oblast"}},
	{"en oblast region", "en", "Shelling hit the Kherson region overnight.", []string{"Kherson Oblast"}},
	{"fr Russian region", "fr", "Des drones ont visé la région de Belgorod.", []string{"Belgorod Oblast"}},
	{"zh Russian region", "zh", "罗斯托夫州州长发表声明。", []string{"Rostov Oblast"}},
	{"zh US state short form", "zh", "加州和得州的油价上涨。", []string{"California", "Texas"}},
	{"ru US state is not the country", "ru", "Власти штата Джорджия ввели режим ЧП.", []string{"Georgia (U.S. state)"}},
	{"zh US state is not the country", "zh", "佐治亚州州长宣布进入紧急状态。", []string{"Georgia (U.S. state)"}},
	{"ar oblast, Russian press spelling", "ar", "وقال حاكم مقاطعة خاركوف إن القصف استمر", []string{"Kharkiv Oblast"}},
	{"fr Nigerian state", "fr", "Des hommes armés ont attaqué un village de l'État de Borno.", []string{"Borno State"}},
	{"es Mexican state", "es", "La violencia aumentó en Sinaloa y en el estado de Guerrero.", []string{"Sinaloa", "Guerrero"}},
	{"en family name is no state", "en", "Both goals came from Paolo Guerrero.", []string{"local:paolo guerrero"}},
	{"zh Indian state", "zh", "印度北方邦发生踩踏事件。", []string{"India", "Uttar Pradesh"}},
	{"de republic", "de", "Kadyrow regiert Tschetschenien seit 2007.", []string{"Ramzan Kadyrov", "Chechnya"}},
}
