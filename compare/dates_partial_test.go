package compare

import "testing"

// partialDateCases: days written alone, parts of the day, nights across two days, dashed
// ranges, decades, seasons, this week's weekday, weekdays ahead of the publication date and anaphors,
// per language. Published is a Wednesday (2023-09-13) unless a case says otherwise. They also
// seed FuzzExtractDates.
var partialDateCases = []struct {
	lang, text, published string
	span, want            string // the first date fact's text and value
}{
	// Chinese: a day alone takes the month of the publication date; parts of the day stay in
	// the span; 本周 is the week holding the anchor; 当天 is the date just named.
	{"zh", "救援人员8日凌晨赶到现场", "2023-09-13", "8日凌晨", "2023-09-08"},
	{"zh", "他表示，28日是最困难的一天", "2023-10-02", "28日", "2023-09-28"},
	{"zh", "船只于12日晚至13日凌晨通过海峡", "2023-09-13", "12日晚至13日凌晨", "2023-09-12/2023-09-13"},
	{"zh", "会议定于本周日举行", "2023-09-13", "本周日", "2023-09-17"},
	{"zh", "周六晚间，大坝决堤", "2023-09-13", "周六晚间", "2023-09-09"},
	{"zh", "9月10日发生洪灾，当天下午", "2023-09-13", "9月10日", "2023-09-10"},
	{"zh", "今晚将召开会议", "2023-09-13", "今晚", "2023-09-13"},
	{"zh", "管道中的天然气今冬无法供应", "2022-09-29", "今冬", "2022-12/2023-02"},
	// German: a weekday with the part of the day glued on; the night to a day is that day.
	{"de", "Am Montagabend trat der Rat zusammen", "2023-09-13", "Montagabend", "2023-09-11"},
	{"de", "Dienstagmittag meldete die Behörde", "2023-09-13", "Dienstagmittag", "2023-09-12"},
	{"de", "in der Nacht zum Montag brachen die Dämme", "2023-09-13", "in der Nacht zum Montag", "2023-09-11"},
	{"de", "Die Wahl soll am Sonntag stattfinden", "2023-09-13", "Sonntag", "2023-09-17"},
	{"de", "Er hatte vergangene Woche gewarnt", "2023-09-13", "vergangene Woche", "2023-09-04/2023-09-10"},
	{"de", "Er hat am 12. Juli gewarnt", "2023-09-13", "12. Juli", "2023-07-12"},
	// A part of the day before a weekday and its date is one date; German days written
	// "15.4." and the northern Sonnabend; "Morgen" after "frühen" is the morning, not
	// tomorrow; "vào 15/4" is a date as "ngày 15/4" is.
	{"ru", "Вечером в пятницу, 23 июня, колонна вышла из лагеря", "2023-06-24", "Вечером в пятницу, 23 июня", "2023-06-23"},
	{"de", "Das Feuer brach am 15.4. in der Altstadt aus", "2019-04-16", "15.4", "2019-04-15"},
	{"de", "Am Sonnabend protestierten Tausende", "2023-09-13", "Sonnabend", "2023-09-09"},
	{"de", "Am frühen Morgen des 8. Oktober brannte die Brücke", "2022-10-09", "8. Oktober", "2022-10-08"},
	{"de", "Tags zuvor hatte der Minister gewarnt", "2023-09-13", "Tags zuvor", "2023-09-12"},
	{"vi", "Vụ cháy xảy ra vào 15/4 tại trung tâm thành phố", "2019-04-16", "vào 15/4", "2019-04-15"},
	// A bare day before a dash and a date is their interval; before "and" it is a date of
	// its own in the same month.
	{"ru", "Учения прошли 14–16 марта на полигоне", "2023-03-20", "14–16 марта", "2023-03-14/2023-03-16"},
	{"en", "The talks were held on 14-16 March in Geneva", "2023-03-20", "14-16 March", "2023-03-14/2023-03-16"},
	{"de", "Am 14. und 15. März wurde gestreikt", "2023-03-20", "14.", "2023-03-14"},
	{"fr", "Les 14 et 15 mars, les syndicats ont manifesté", "2023-03-20", "14", "2023-03-14"},
	{"es", "Los días 14 y 15 de marzo hubo huelga", "2023-03-20", "14", "2023-03-14"},
	// A weekday of a named week is that day of that week (published Wednesday 13 September
	// 2023: last week's Tuesday is the 5th, not yesterday).
	{"de", "Am Dienstag vergangener Woche brach der Damm", "2023-09-13", "Dienstag vergangener Woche", "2023-09-05"},
	{"ru", "Во вторник на прошлой неделе прорвало дамбу", "2023-09-13", "Во вторник на прошлой неделе", "2023-09-05"},
	{"fr", "Mardi de la semaine dernière, la digue a cédé", "2023-09-13", "Mardi de la semaine dernière", "2023-09-05"},
	{"en", "The dam burst on Tuesday of last week", "2023-09-13", "Tuesday of last week", "2023-09-05"},
	{"es", "El martes de la semana pasada cedió la presa", "2023-09-13", "martes de la semana pasada", "2023-09-05"},
	{"ar", "انهار السد يوم الثلاثاء من الأسبوع الماضي", "2023-09-13", "يوم الثلاثاء من الأسبوع الماضي", "2023-09-05"},
	// A month with "last" or "next" is the last or next such month from the publication
	// date, not the one of its year: in February 2023 "last March" is March 2022.
	{"ar", "تفشي الكوليرا في البلاد منذ مارس/آذار الماضي هو الأكثر فتكا", "2023-02-03", "مارس/آذار الماضي", "2022-03"},
	{"ar", "أعلن الطوارئ في ديسمبر الماضي", "2023-02-03", "ديسمبر الماضي", "2022-12"},
	{"ar", "ستجرى الانتخابات في يناير المقبل", "2023-02-03", "يناير المقبل", "2024-01"},
	{"en", "the outbreak that began last March is the deadliest", "2023-02-03", "last March", "2022-03"},
	{"en", "the outbreak that began last March is the deadliest", "2023-09-13", "last March", "2023-03"},
	{"en", "The vote is due next February", "2023-02-03", "next February", "2024-02"},
	{"fr", "l'épidémie qui sévit depuis mars dernier est la plus meurtrière", "2023-02-03", "mars dernier", "2022-03"},
	{"fr", "Les élections auront lieu en mars prochain", "2023-09-13", "mars prochain", "2024-03"},
	{"es", "el brote que sufre el país desde el pasado mes de marzo", "2023-02-03", "pasado mes de marzo", "2022-03"},
	{"es", "el brote que comenzó en marzo pasado", "2023-02-03", "marzo pasado", "2022-03"},
	{"de", "der Ausbruch, der im vergangenen März begann", "2023-02-03", "vergangenen März", "2022-03"},
	{"vi", "đợt dịch bùng phát hồi tháng 3 vừa qua", "2023-09-13", "hồi tháng 3 vừa qua", "2023-03"},
	// "منذ عام 1939" is since the year 1939, not "a year ago" and a year.
	{"ar", "وهي أسوأ كارثة تشهدها المنطقة منذ عام 1953", "2023-09-13", "عام 1953", "1953"},
	{"ar", "غادر الوزير منصبه منذ عام", "2023-09-13", "منذ عام", "2022"},
	// A future cue governs its clause: a weekday a dozen words after it lies ahead too.
	{"en", "He is due to meet the head of the regional development fund in Brussels on Friday", "2023-09-13", "Friday", "2023-09-15"},
	{"fr", "Le ministre doit rencontrer les représentants des familles des victimes à Bruxelles vendredi", "2023-09-13", "vendredi", "2023-09-15"},
	{"de", "Der Minister wird die Vertreter der Angehörigen der Opfer in Brüssel am Freitag treffen", "2023-09-13", "Freitag", "2023-09-15"},
	// A day in the possessive is ahead when the verb of its noun looks ahead; a day said
	// before its clause's verb stays behind.
	{"en", "The minister said Sunday's runoff for the mayor's office would go ahead", "2023-09-13", "Sunday", "2023-09-17"},
	{"en", "Officials said Friday's match in the capital will be played without fans", "2023-09-13", "Friday", "2023-09-15"},
	{"en", "Sunday's vote was calm, and turnout will be published later", "2023-09-13", "Sunday", "2023-09-10"},
	{"en", "On Sunday the minister said the vote would go ahead", "2023-09-13", "Sunday", "2023-09-10"},
	// A deadline lies ahead: an obligation before the weekday makes it the next one.
	{"en", "Officials said the road must be cleared by Friday", "2023-09-13", "Friday", "2023-09-15"},
	{"ru", "Дорогу должны расчистить к пятнице", "2023-09-13", "к пятнице", "2023-09-15"},
	{"vi", "Con đường phải được thông trước thứ Sáu", "2023-09-13", "thứ Sáu", "2023-09-15"},
	{"ar", "يجب فتح الطريق بحلول يوم الجمعة", "2023-09-13", "يوم الجمعة", "2023-09-15"},
	{"es", "El gobierno exige una respuesta para el viernes", "2023-09-13", "viernes", "2023-09-15"},
	// A season with its year is the months of that season of that year.
	{"de", "Im Sommer 2021 brannten die Wälder", "2023-09-13", "Sommer 2021", "2021-06/2021-08"},
	{"ru", "Летом 2021 года горели леса", "2023-09-13", "Летом 2021 года", "2021-06/2021-08"},
	{"en", "Forests burned in the summer of 2021", "2023-09-13", "summer of 2021", "2021-06/2021-08"},
	{"es", "Los bosques ardieron en el verano de 2021", "2023-09-13", "verano de 2021", "2021-06/2021-08"},
	{"ar", "احترقت الغابات في صيف 2021", "2023-09-13", "صيف 2021", "2021-06/2021-08"},
	// A day written as an ordinal word.
	{"ru", "Референдум назначен на двадцать четвёртого марта", "2023-03-01", "двадцать четвёртого марта", "2023-03-24"},
	{"ru", "Тринадцатого января избиратели пришли на участки", "2024-01-14", "Тринадцатого января", "2024-01-13"},
	{"fr", "Le premier mai, les syndicats ont défilé", "2023-05-02", "premier mai", "2023-05-01"},
	{"es", "El primero de mayo hubo marchas en todo el país", "2023-05-02", "primero de mayo", "2023-05-01"},
	// Weeks are Monday to Sunday, weekends Saturday and Sunday, in every language (published
	// on Wednesday 13 September 2023: this week is 11–17, the last weekend 9–10).
	{"de", "Am vergangenen Wochenende protestierten Tausende", "2023-09-13", "Am vergangenen Wochenende", "2023-09-09/2023-09-10"},
	{"de", "Anfang nächster Woche beginnen die Gespräche", "2023-09-13", "Anfang nächster Woche", "2023-09-18/2023-09-24"},
	{"en", "Earlier this week the talks stalled", "2023-09-13", "Earlier this week", "2023-09-11/2023-09-17"},
	{"en", "Thousands protested last weekend in the capital", "2023-09-13", "last weekend", "2023-09-09/2023-09-10"},
	{"fr", "Le week-end dernier, des milliers de personnes ont défilé", "2023-09-13", "Le week-end dernier", "2023-09-09/2023-09-10"},
	{"fr", "La semaine dernière, le ministre a démissionné", "2023-09-13", "La semaine dernière", "2023-09-04/2023-09-10"},
	{"es", "El fin de semana pasado miles de personas marcharon", "2023-09-13", "El fin de semana pasado", "2023-09-09/2023-09-10"},
	{"ru", "В минувшие выходные тысячи людей вышли на улицы", "2023-09-13", "В минувшие выходные", "2023-09-09/2023-09-10"},
	{"ru", "В начале следующей недели начнутся переговоры", "2023-09-13", "В начале следующей недели", "2023-09-18/2023-09-24"},
	{"ru", "На прошлой неделе министр подал в отставку", "2023-09-13", "На прошлой неделе", "2023-09-04/2023-09-10"},
	{"vi", "Cuối tuần trước hàng nghìn người xuống đường", "2023-09-13", "Cuối tuần trước", "2023-09-09/2023-09-10"},
	{"zh", "上周末数千人上街抗议", "2023-09-13", "上周末", "2023-09-09/2023-09-10"},
	{"ar", "خرج الآلاف في نهاية الأسبوع الماضي إلى الشوارع", "2023-09-13", "نهاية الأسبوع الماضي", "2023-09-09/2023-09-10"},
	{"ar", "استقال الوزير الأسبوع الماضي", "2023-09-13", "الأسبوع الماضي", "2023-09-04/2023-09-10"},
	{"de", "Die Dämme stammen aus den 1970er Jahren", "2023-09-13", "1970er Jahren", "1970/1979"},
	// A month with a relative year beside it is a month of that year, in every language.
	{"en", "In January last year the factory closed", "2023-06-15", "January last year", "2022-01"},
	{"fr", "En janvier de l'année dernière, l'usine a fermé", "2023-06-15", "janvier de l'année dernière", "2022-01"},
	{"es", "En enero del año pasado la fábrica cerró", "2023-06-15", "enero del año pasado", "2022-01"},
	{"de", "Im Januar vergangenen Jahres wurde die Fabrik geschlossen", "2023-06-15", "Januar vergangenen Jahres", "2022-01"},
	{"ru", "В январе прошлого года завод закрыли", "2023-06-15", "В январе прошлого года", "2022-01"},
	{"ar", "في يناير من العام الماضي أغلق المصنع", "2023-06-15", "يناير من العام الماضي", "2022-01"},
	{"vi", "Tháng 1 năm ngoái, nhà máy đã đóng cửa", "2023-06-15", "Tháng 1 năm ngoái", "2022-01"},
	{"zh", "去年1月，该工厂关闭", "2023-06-15", "去年1月", "2022-01"},
	{"en", "The plant will reopen in March next year", "2023-06-15", "March next year", "2024-03"},
	{"ru", "Завод закрыли в марте, а в прошлом году он работал", "2023-06-15", "в марте", "2023-03"},
	// English.
	{"en", "in the night of September 10-11 the dams burst", "2023-09-13", "the night of September 10-11", "2023-09-10/2023-09-11"},
	{"en", "Rain fell on September 4-7 across the region", "2023-09-13", "September 4-7", "2023-09-04/2023-09-07"},
	{"en", "He served in 2006-2007 and again later", "2023-09-13", "2006-2007", "2006/2007"},
	{"en", "the dams were built in the 1970s", "2023-09-13", "1970s", "1970/1979"},
	{"en", "The rest should be gone by Sunday, he said", "2023-09-13", "Sunday", "2023-09-17"},
	{"en", "The storm hit on Sunday, he said", "2023-09-13", "Sunday", "2023-09-10"},
	{"en", "prices will rise this winter", "2022-09-29", "this winter", "2022-12/2023-02"},
	{"en", "from Monday to Thursday", "2023-09-13", "from Monday to Thursday", "2023-09-04/2023-09-07"},
	{"en", "On 10 September the dam broke. That evening the water rose", "2023-09-13", "10 September", "2023-09-10"},
	// French.
	{"fr", "Dans la nuit de dimanche à lundi, les digues ont cédé", "2023-09-13", "Dans la nuit de dimanche à lundi", "2023-09-10/2023-09-11"},
	{"fr", "le ministre doit se rendre sur place samedi", "2023-09-13", "samedi", "2023-09-16"},
	{"fr", "des barrages construits dans les années 1970", "2023-09-13", "les années 1970", "1970/1979"},
	{"fr", "dimanche soir, le bilan s'est alourdi", "2023-09-13", "dimanche soir", "2023-09-10"},
	// Spanish.
	{"es", "la noche del domingo 10 al lunes 11 de septiembre", "2023-09-13", "la noche del domingo 10 al lunes 11 de septiembre", "2023-09-10/2023-09-11"},
	{"es", "presas construidas en los años setenta", "2023-09-13", "los años setenta", "1970/1979"},
	{"es", "esta noche cruzarán los buques", "2023-09-13", "esta noche", "2023-09-13"},
	// Russian.
	{"ru", "в ночь с 10 на 11 сентября прорвало плотины", "2023-09-13", "в ночь с 10 на 11 сентября", "2023-09-10/2023-09-11"},
	{"ru", "плотины построили в 1970-х годах", "2023-09-13", "в 1970-х годах", "1970/1979"},
	{"ru", "До выборов, назначенных на воскресенье, оставалось", "2023-09-13", "воскресенье", "2023-09-17"},
	{"ru", "этой зимой цены вырастут", "2022-09-29", "этой зимой", "2022-12/2023-02"},
	{"ru", "в 2002–2005 годах он работал", "2023-09-13", "в 2002–2005 годах", "2002/2005"},
	// Russian: "минувший" is "прошлый"; weekdays in the genitive (с пятницы, вечера субботы);
	// a part of the day before "в субботу"; a day with its case ending ("10-го").
	{"ru", "В минувшую пятницу власти объявили эвакуацию", "2023-09-13", "В минувшую пятницу", "2023-09-08"},
	{"ru", "Утром в субботу вода отступила", "2023-09-13", "Утром в субботу", "2023-09-09"},
	{"ru", "К вечеру субботы вода отступила", "2023-09-13", "субботы", "2023-09-09"},
	{"ru", "В ночь с пятницы на субботу прорвало дамбу", "2023-09-13", "В ночь с пятницы на субботу", "2023-09-08/2023-09-09"},
	{"ru", "В воскресенье, 10-го сентября, прорвало дамбу", "2023-09-13", "воскресенье, 10-го сентября", "2023-09-10"},
	{"ru", "В 90-е годы страна пережила кризисы", "2023-09-13", "В 90-е годы", "1990/1999"},
	{"ru", "24 июн 2023, 10:15", "2023-09-13", "24 июн 2023", "2023-06-24"},
	// A weekday in lower case before a name is no name ("Sunday Times" is); a future verb
	// after the subject puts it ahead.
	{"ru", "В понедельник Путин провёл заседание", "2023-09-13", "В понедельник", "2023-09-11"},
	{"ru", "В понедельник Путин проведёт заседание", "2023-09-13", "В понедельник", "2023-09-18"},
	{"ru", "Заседание Совбеза состоится в понедельник", "2023-09-13", "в понедельник", "2023-09-18"},
	{"es", "el lunes Macron visitó la catedral", "2023-09-13", "lunes", "2023-09-11"},
	// German: "Sonntag, den 10. September" is one date; "zwischen dem … und"; a bare year
	// before a verb.
	{"de", "Am Sonntag, den 10. September, brachen die Dämme", "2023-09-13", "Sonntag, den 10. September", "2023-09-10"},
	{"de", "Zwischen dem 4. und 7. September regnete es", "2023-09-13", "Zwischen dem 4. und 7. September", "2023-09-04/2023-09-07"},
	{"de", "1999 waren bei einem Beben viele Menschen gestorben", "2023-09-13", "1999", "1999"},
	{"de", "2014 hatte Russland die Halbinsel annektiert", "2023-09-13", "2014", "2014"},
	{"de", "In den 90er Jahren erlebte das Land Krisen", "2023-09-13", "90er Jahren", "1990/1999"},
	// Spanish: decades in two digits or words; a weekday before or after a verb in the future
	// lies ahead; a medieval year after "en".
	{"es", "presas construidas en los años 70", "2023-09-13", "los años 70", "1970/1979"},
	{"es", "a mediados de los noventa se reformó", "2023-09-13", "de los noventa", "1990/1999"},
	{"es", "Los ciudadanos votarán el sábado", "2023-09-13", "sábado", "2023-09-16"},
	{"es", "El lunes será día de luto nacional", "2023-09-13", "lunes", "2023-09-18"},
	{"es", "El lunes fue día de luto nacional", "2023-09-13", "lunes", "2023-09-11"},
	{"es", "Las obras comenzaron en 1163, bajo Luis VII", "2023-09-13", "1163", "1163"},
	// Arabic: a night across two weekdays; a part of the day before today.
	{"ar", "انهار السدان ليل الأحد إلى الاثنين", "2023-09-13", "ليل الأحد إلى الاثنين", "2023-09-10/2023-09-11"},
	{"ar", "وقع الزلزال الثاني ظهر اليوم", "2023-09-13", "ظهر اليوم", "2023-09-13"},
	{"ar", "قال أمس الثلاثاء إن", "2023-09-13", "أمس الثلاثاء", "2023-09-12"},
	{"ar", "بني السد في سبعينيات القرن الماضي", "2023-09-13", "سبعينيات القرن الماضي", "1970/1979"},
	// Vietnamese: a night to the next morning; a day restated in brackets.
	{"vi", "vào đêm 10/9 rạng sáng 11/9, hai con đập bị vỡ", "2023-09-13", "vào đêm 10/9 rạng sáng 11/9", "2023-09-10/2023-09-11"},
	{"vi", "qua đời chiều hôm qua (12/9) tại bệnh viện", "2023-09-13", "hôm qua", "2023-09-12"},
	{"vi", "các đập xây từ những năm 1970", "2023-09-13", "những năm 1970", "1970/1979"},
}

func TestPartialDates(t *testing.T) {
	for _, c := range partialDateCases {
		doc := Document{Lang: c.lang, Text: c.text, Published: c.published}
		facts := ExtractFacts(doc, Options{})
		checkSpans(t, doc.Text, facts)
		var got *Fact
		for i := range facts {
			if facts[i].Kind == KindDate {
				got = &facts[i]
				break
			}
		}
		if got == nil {
			t.Errorf("%s %q: no date, want %q = %s", c.lang, c.text, c.span, c.want)
			continue
		}
		if got.Text != c.span || got.Value != c.want {
			t.Errorf("%s %q: first date %q = %v, want %q = %s", c.lang, c.text, got.Text, got.Value, c.span, c.want)
		}
	}
}

// TestBracketedDay: a day and month restated in brackets after a relative day is a date of
// its own ("hôm qua (12/9)").
func TestBracketedDay(t *testing.T) {
	doc := Document{Lang: "vi", Text: "qua đời chiều hôm qua (12/9) tại bệnh viện", Published: "2023-09-13"}
	var vals []any
	for _, f := range ExtractFacts(doc, Options{}) {
		if f.Kind == KindDate {
			vals = append(vals, f.Value)
		}
	}
	if len(vals) != 2 || vals[1] != "2023-09-12" {
		t.Errorf("dates %v, want the relative day and 2023-09-12", vals)
	}
}

// TestSameDayAnaphor: 当天, "the same day" and "un día antes" point to the date just named
// (a weekday or "yesterday" included), not to the publication date.
func TestSameDayAnaphor(t *testing.T) {
	for _, c := range []struct{ lang, text, span, want string }{
		{"zh", "地震发生在9月8日。当天晚些时候，余震不断", "当天晚些时候", "2023-09-08"},
		{"en", "The quake struck on 8 September. The same day, aftershocks followed", "The same day", "2023-09-08"},
		{"fr", "Le séisme a frappé le 8 septembre. Le même jour, des répliques", "Le même jour", "2023-09-08"},
		// A relative day is the date just named too.
		{"es", "El viernes elevó la cifra que la agencia había dado un día antes", "un día antes", "2023-09-07"},
		{"fr", "Le séisme a frappé lundi. Une réplique a suivi le même jour", "le même jour", "2023-09-11"},
	} {
		doc := Document{Lang: c.lang, Text: c.text, Published: "2023-09-13"}
		found := false
		for _, f := range ExtractFacts(doc, Options{}) {
			if f.Kind == KindDate && f.Text == c.span {
				found = true
				if f.Value != c.want {
					t.Errorf("%s %q = %v, want %s", c.lang, c.span, f.Value, c.want)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: no date %q", c.lang, c.text, c.span)
		}
	}
}

// TestPartOfDay: the part of the day the text gives is kept on the fact.
func TestPartOfDay(t *testing.T) {
	for _, c := range []struct{ lang, text, want string }{
		{"zh", "救援人员8日凌晨赶到现场", "early_morning"},
		{"zh", "周六晚间，大坝决堤", "evening"},
		{"de", "Am Montagabend trat der Rat zusammen", "evening"},
		{"fr", "dimanche soir, le bilan s'est alourdi", "evening"},
		{"ar", "وقع الزلزال الثاني ظهر اليوم", "midday"},
		{"ru", "в ночь с 10 на 11 сентября прорвало плотины", "night"},
		// The night to a day is its small hours.
		{"ru", "Пожар начался в ночь на понедельник", "early_morning"},
		{"de", "Das Feuer brach in der Nacht zum Montag aus", "early_morning"},
		{"fr", "Le feu a pris dans la nuit de dimanche à lundi", "night"},
		{"en", "The storm hit on Sunday, he said", ""},
	} {
		doc := Document{Lang: c.lang, Text: c.text, Published: "2023-09-13"}
		for _, f := range ExtractFacts(doc, Options{}) {
			if f.Kind == KindDate {
				if f.PartOfDay != c.want {
					t.Errorf("%s %q: part of day %q, want %q", c.lang, f.Text, f.PartOfDay, c.want)
				}
				break
			}
		}
	}
}

// noDateCases hold durations, counts and times that are no date: each text must yield no
// date fact (published 2023-09-13). They also seed FuzzExtractDates.
var noDateCases = []struct{ lang, text string }{
	{"ru", "Пожар продолжался около 15 часов, прежде чем его потушили."},
	{"es", "La catedral será reconstruida en cinco años, dijo el presidente."},
	{"es", "Se detectaron daños en 1200 viviendas del barrio."},
	{"de", "2000 neue Wohnungen wurden im Süden gebaut."},
	{"de", "Die Polizei nahm 17 fest, darunter zwei Frauen."},
	{"ar", "وافتتح بوتين الجسر بعد أربع سنوات من ضم شبه الجزيرة."},
	// "after N days" counts from the story's own event, as "six days later" does in en.
	{"ar", "توقف الضخ، وبعد ستة أيام عادت المحطات إلى العمل."},
	{"vi", "Nhà máy ngừng hoạt động, sau 6 ngày mới chạy lại."},
	{"vi", "Cầu bị hư hại, ba tuần sau mới thông xe."},
}

func TestNoDateCases(t *testing.T) {
	for _, c := range noDateCases {
		for _, f := range ExtractFacts(Document{Lang: c.lang, Text: c.text, Published: "2023-09-13"}, Options{}) {
			if f.Kind == KindDate {
				t.Errorf("%s %q: unexpected date %q = %v; the text holds no date (see noDateCases)", c.lang, c.text, f.Text, f.Value)
			}
		}
	}
}
