package compare

import (
	"fmt"
	"strings"
	"testing"
)

// numberCase is one row of the per-language number tables: the first number fact of text must
// have these fields (want nil: the text holds no number fact). The same rows seed
// FuzzNumbers.
type numberCase struct {
	lang, text string
	want       *numWant
}

type numWant struct {
	value     any // float64, or nil for a vague quantity
	qualifier string
	unit      string // "" = not checked
	magnitude float64
	ordinal   bool
}

func num(v float64) *numWant { return &numWant{value: v} }

func (w *numWant) q(q string) *numWant      { w.qualifier = q; return w }
func (w *numWant) u(u string) *numWant      { w.unit = u; return w }
func (w *numWant) rank() *numWant           { w.ordinal = true; return w }
func vague(mag float64) *numWant            { return &numWant{magnitude: mag} }
func (w *numWant) String() string           { return fmt.Sprintf("%+v", *w) }
func noNumber(lang, text string) numberCase { return numberCase{lang, text, nil} }

var numberCases = map[string][]numberCase{
	"zh": {
		{"zh", "不到50人参加", num(50).q(QualifierLessThan)},
		// A number against an organisation's name is a count; against a plane maker's, a model.
		{"zh", "欧盟27个成员国的领导人出席了峰会", num(27)},
		// 约 and 近 that end another word (北约, 纽约, 最近, 附近) qualify nothing.
		{"zh", "北约32个成员国的领导人出席了峰会", num(32)},
		{"zh", "紐約3名警察受傷", num(3)},
		{"zh", "附近2座房屋倒塌", num(2)},
		{"zh", "北约约有3500名士兵", num(3500).q(QualifierAbout)},
		noNumber("zh", "一架波音737客机在跑道上滑行"),
		{"zh", "至少20人死亡", num(20).q(QualifierAtLeast)},
		{"zh", "搁浅三天半后", num(3.5).u("day")},
		{"zh", "造成一周以上的延误", num(1).q(QualifierAtLeast).u("week")},
		{"zh", "事故造成五名工人死亡", num(5)},
		{"zh", "另有两名警察受伤", num(2)},
		{"zh", "共有三万多人撤离", num(30000).q(QualifierMoreThan)},
		{"zh", "一千余人参加", num(1000).q(QualifierMoreThan)},
		{"zh", "20多名医生参与抢救", num(20).q(QualifierMoreThan)},
		{"zh", "现场传出两声枪响", num(2)},
		{"zh", "数百人聚集", vague(100)},
		{"zh", "数万名群众", vague(10000)},
		{"zh", "数百万人受灾", vague(1000000)},
		{"zh", "发现数件爆炸物", vague(0)},
		{"zh", "损失约2,9千台", num(2900).q(QualifierAbout)},
		{"zh", "约3.5万人", num(35000).q(QualifierAbout)},
		{"zh", "投资1.2亿美元", num(120000000).u("USD")},
		{"zh", "该市是中国第二大城市", num(2).rank()},
		{"zh", "第五大城市", num(5).rank()},
		{"zh", "他终年67岁", num(67).u("year")},
		{"zh", "从其身后约3米处开枪", num(3).q(QualifierAbout).u("m")},
		{"zh", "约一半居民", num(50).q(QualifierAbout).u("%")},
		{"zh", "该党获得百分之四十的选票", num(40).u("%")},
		{"zh", "投票率为百分之71.86", num(71.86).u("%")},
		noNumber("zh", "于当地时间17时03分去世"),
		noNumber("zh", "安倍晋三8日在奈良市遭枪击"),
		noNumber("zh", "统一战线和一些问题"),
		noNumber("zh", "第二次会议"),
	},
	"en": {
		{"en", "Half a million people were left without power.", num(500000)},
		{"en", "A quarter of a million homes were damaged.", num(250000)},
		{"en", "Half a dozen ships were waiting.", num(6)},
		{"en", "2000 people were evacuated from the town.", num(2000)},
		{"en", "Quake kills 45 people", num(45)},
		{"en", "fewer than 50 people attended", num(50).q(QualifierLessThan)},
		{"en", "up to 300,000 people were left homeless", num(300000).q(QualifierUpTo)},
		{"en", "damage could reach $10-15 billion, officials said", num(10000000000).u("USD")},
		{"en", "donors pledged more than €850m within two days", num(850000000).q(QualifierMoreThan).u("EUR")},
		{"en", "One firefighter was seriously injured in the blaze", num(1)},
		{"en", "two men aged 58 and 65 were found", num(2)},
		noNumber("en", "the chemicals were kept in Hangar No. 12 until the blast"),
		{"en", "a crack 193km long", num(193).u("km")},
		{"en", "the 1,640ft ship", num(1640).u("ft")},
		{"en", "Three of the victims were found near the river bank", num(3)},
		{"en", "leaks have been found, two on Nord Stream 1 and one on Nord Stream 2", num(2)},
		{"en", "it rained for a day and a night", num(1).u("day")},
		{"en", "between 2 and 3 million people", num(2000000)},
		{"en", "dozens of people were hurt", vague(10)},
		{"en", "tens of thousands fled", vague(10000)},
		{"en", "hundreds of thousands of homes", vague(100000)},
		{"en", "millions of people", vague(1000000)},
		{"en", "nearly two decades", num(2).q(QualifierAbout).u("decade")},
		{"en", "the second largest city", num(2).rank()},
		{"en", "the country's second-largest city", num(2).rank()},
		{"en", "the 3rd largest port", num(3).rank()},
		{"en", "a $5 million loan", num(5000000).u("USD")},
		{"en", "more than 20 doctors", num(20).q(QualifierMoreThan)},
		{"en", "at least 2.5 million dollars", num(2500000).q(QualifierAtLeast).u("USD")},
		{"en", "a 67-year-old man", num(67).u("year")},
		{"en", "about 40 km away", num(40).q(QualifierAbout).u("km")},
		{"en", "unemployment rose to 7.5%", num(7.5).u("%")},
		{"en", "he fired twice", num(2)},
		{"en", "two dozen soldiers", num(24)},
		{"en", "half of the residents", num(50).u("%")},
		{"en", "It happened on 12 October 1960. Three weeks later he died.", num(3).u("week")},
		{"en", "he served for three years", num(3).u("year")},
		noNumber("en", "Nord Stream 2 was damaged"),
		noNumber("en", "a Boeing 737 crashed"),
		noNumber("en", "the G7 and Covid-19"),
		noNumber("en", "at 11:30 a.m. or 9 pm"),
		noNumber("en", "Call +1 555-123-4567"),
		noNumber("en", "many people came"),
		noNumber("en", "Investigators said a Boeing 737 crashed near the city on its way north"),
		noNumber("en", "Explosions damaged the Nord Stream 2 pipeline in the Baltic Sea last autumn"),
		noNumber("en", "Leaders of the G7 met as Covid-19 cases rose across the region again"),
		noNumber("en", "1. The ministry said the talks would go on in the capital\n2) Officials said"),
		noNumber("en", "For details call 020 7946 0018 or +44 20 7946 0018 during office hours"),
		noNumber("en", "The meeting started at 9 am and ended by 11.30 pm local time in the capital"),
		// A one-letter unit before a measuring adjective; millions written "m" before a counted
		// noun without a currency; a fraction that is an ordinal before its noun.
		{"en", "The mast, which was 45m tall, fell onto the roof", num(45).u("m")},
		{"en", "The incumbent won 3.25m votes in the first round", num(3250000)},
		{"en", "Some 12.4m people live in the province", num(12400000).q(QualifierAbout)},
		noNumber("en", "A 2.5m wall collapsed onto the street"),
		{"en", "the two-week mission ended early", num(2).u("week")},
		noNumber("en", "The mayor was elected to a third consecutive term"),
		{"en", "Nearly a third of the voters stayed at home", num(33.3).q(QualifierAbout).u("%")},
	},
	"fr": {
		{"fr", "Un demi-million de personnes sont sans électricité.", num(500000)},
		{"fr", "Une demi-douzaine de navires attendent.", num(6)},
		{"fr", "2000 personnes ont été évacuées.", num(2000)},
		{"fr", "Séisme : 45 morts", num(45)},
		{"fr", "moins de 50 personnes", num(50).q(QualifierLessThan)},
		{"fr", "jusqu'à 300 000 sans-abri", num(300000).q(QualifierUpTo)},
		{"fr", "les tours culminent à 69 m. La charpente a brûlé", num(69).u("m")},
		{"fr", "trois fuites, deux sur Nord Stream 1", num(3)},
		{"fr", "à un kilomètre de la côte", num(1).u("km")},
		{"fr", "un quart des maisons", num(25).u("%")},
		{"fr", "des dizaines de milliers de personnes", vague(10000)},
		{"fr", "des centaines de blessés", vague(100)},
		{"fr", "des milliers de maisons", vague(1000)},
		{"fr", "une vingtaine de blessés", num(20).q(QualifierAbout)},
		{"fr", "quelques heures après", vague(0).u("hour")},
		{"fr", "plus de deux décennies", num(2).q(QualifierMoreThan).u("decade")},
		{"fr", "la deuxième plus grande ville", num(2).rank()},
		{"fr", "il avait 67 ans", num(67).u("year")},
		{"fr", "plus de 52 000 personnes", num(52000).q(QualifierMoreThan)},
		{"fr", "2,5 millions d'euros", num(2500000)},
		{"fr", "la moitié des habitants", num(50).u("%")},
		noNumber("fr", "constaté à 17 h 03 heure locale"),
		noNumber("fr", "le groupe APT31 et le G7"),
		noNumber("fr", "l'incendie s'est déclaré à 18 heures, selon les pompiers"),
		{"fr", "Les explosions ont touché Nord Stream 2 et tué 3 personnes selon la police", num(3)},
	},
	"de": {
		{"de", "Die Suche dauerte anderthalb Tage.", num(1.5).u("day")},
		{"de", "Die Bergung dauerte eineinhalb Stunden.", num(1.5).u("hour")},
		{"de", "Der Schaden beträgt eine halbe Million Euro.", num(500000).u("EUR")},
		{"de", "Ein halbes Dutzend Schiffe wartet vor der Einfahrt.", num(6)},
		{"de", "2000 Menschen wurden evakuiert.", num(2000)},
		{"de", "Erdbeben tötet 45 Menschen", num(45)},
		noNumber("de", "Die Brücke wurde 2018 eröffnet."),
		{"de", "Mehrere Zehntausend Menschen demonstrierten in der Hauptstadt.", vague(10000)},
		{"de", "Die Ladung entsprach mehreren Hundert Tonnen Sprengstoff.", vague(100).u("t")},
		{"de", "Annähernd 200 Menschen starben.", num(200).q(QualifierAbout)},
		{"de", "weniger als 50 Menschen", num(50).q(QualifierLessThan)},
		{"de", "bis zu 300.000 Obdachlose", num(300000).q(QualifierUpTo)},
		{"de", "Zwei Drittel des Dachs sind zerstört", num(66.7).u("%")},
		{"de", "Am Montag brannte es. Spender sagten binnen 48 Stunden Geld zu.", num(48).u("hour")},
		{"de", "täglich 14 bis 15 Millionen Dollar", num(14000000)},
		{"de", "eine siebentägige Staatstrauer", num(7).u("day")},
		{"de", "nach dem zweijährigen Dienst", num(2).u("year")},
		{"de", "mehr als 2000 Kubikmeter Sand", num(2000).q(QualifierMoreThan).u("m3")},
		{"de", "Dutzende Menschen", vague(10)},
		{"de", "Hunderte Verletzte", vague(100)},
		{"de", "Tausende flohen", vague(1000)},
		{"de", "Zehntausende Menschen", vague(10000)},
		{"de", "2,5 Millionen Euro", num(2500000).u("EUR")},
		{"de", "zwei Dutzend Soldaten", num(24)},
		{"de", "der 67-Jährige starb", num(67).u("year")},
		{"de", "er schoss zweimal", num(2)},
		{"de", "die zweitgrößte Stadt", num(2).rank()},
		{"de", "mehr als 100 Blutkonserven", num(100).q(QualifierMoreThan)},
		{"de", "Mehrere Hundert Menschen wurden evakuiert", vague(100)},
		{"de", "Einige Tausend Menschen flohen aus der Stadt", vague(1000)},
		{"de", "Die DPP kam auf 51 von 113 Sitzen im Parlament", num(51)},
		noNumber("de", "Das Feuer brach gegen 18.50 Uhr aus"),
		noNumber("de", "Der Konvoi stoppte um 6.07 auf der Brücke"),
		noNumber("de", "Der Spitzturm stammte aus dem 19. Jahrhundert"),
		{"de", "Die Zahl der Toten stieg auf 19. Die Polizei ermittelt", num(19)},
		{"de", "Drei wurden verletzt, zwei werden vermisst", num(3)},
		noNumber("de", "In den 90er Jahren erlebte das Land mehrere Krisen"),
		noNumber("de", "um 17.03 Uhr Ortszeit"),
		noNumber("de", "Die Pipeline Nord Stream 2 wurde bei den Explosionen schwer beschädigt"),
		noNumber("de", "gegen 11.30 Uhr"),
		// Numbers written as one word: units before tens after "und", hundreds and thousands.
		{"de", "Mehr als sechstausend Menschen wurden verletzt", num(6000).q(QualifierMoreThan)},
		{"de", "Dreiundzwanzig Bergleute sind eingeschlossen", num(23)},
		{"de", "Die Miliz hat rund fünfundzwanzigtausend Kämpfer", num(25000).q(QualifierAbout)},
		{"de", "Es wurden zweihundertfünfzig Häuser zerstört", num(250)},
		{"de", "Viertausenddreihundert Helfer sind im Einsatz", num(4300)},
		noNumber("de", "Achtung, das Dreieck an der Einfahrt ist gesperrt"),
		noNumber("de", "Die Siebenschläfer des Parks und die Neunkirchener Feuerwehr"),
	},
	"es": {
		{"es", "Medio millón de personas se quedaron sin luz.", num(500000)},
		{"es", "Media docena de barcos esperan.", num(6)},
		{"es", "Terremoto deja 45 muertos", num(45)},
		{"es", "menos de 50 personas", num(50).q(QualifierLessThan)},
		{"es", "al menos 20 muertos", num(20).q(QualifierAtLeast)},
		{"es", "el Yuan Legislativo tiene 113 escaños; el PPD obtuvo 51, el resto fue para otros", num(113)},
		{"es", "durante tres días y medio", num(3.5).u("day")},
		{"es", "a un kilómetro de la costa", num(1).u("km")},
		{"es", "once remolcadores de puerto y dos de altura", num(11)},
		noNumber("es", "construidas en los años setenta por una empresa"),
		noNumber("es", "el tráfico se reanudó a las 08.00 y a las 18.00 hora local"),
		{"es", "decenas de muertos", vague(10)},
		{"es", "cientos de heridos", vague(100)},
		{"es", "miles de personas", vague(1000)},
		{"es", "decenas de miles de personas", vague(10000)},
		{"es", "2,5 millones de dólares", num(2500000).u("USD")},
		{"es", "una veintena de heridos", num(20).q(QualifierAbout)},
		{"es", "más de 30.000 organizaciones", num(30000).q(QualifierMoreThan)},
		{"es", "la segunda ciudad más grande", num(2).rank()},
		{"es", "El partido obtuvo 51 de los 113 escaños del parlamento", num(51)},
		{"es", "la catedral será reconstruida en cinco años, dijo", num(5).u("year")},
		noNumber("es", "el fuego comenzó a las 18.50 en la catedral de la ciudad"),
		noNumber("es", "los colegios abrieron hacia las 8.00 en toda la isla"),
		noNumber("es", "el fuego comenzó a las 18 horas, según los bomberos"),
		{"es", "el organismo trabajará las 24 horas para dar salida a los buques", num(24).u("hour")},
	},
	"ru": {
		{"ru", "2000 человек были эвакуированы.", num(2000)},
		{"ru", "Погибли 45 человек", num(45)},
		{"ru", "менее 50 человек", num(50).q(QualifierLessThan)},
		{"ru", "не менее 13 летчиков погибли", num(13).q(QualifierAtLeast)},
		{"ru", "около полутора тысяч машин скопились в пробке", num(1500).q(QualifierAbout)},
		noNumber("ru", "уголовное дело возбуждено по статье 205 УК РФ после взрыва"),
		{"ru", "сотрудники ФСБ задержали восьмерых подозреваемых", num(8)},
		{"ru", "погибли двести двадцать пять человек", num(225)},
		noNumber("ru", "груз хранился на складе № 12 до самого взрыва в порту"),
		{"ru", "объявлен семидневный траур", num(7).u("day")},
		{"ru", "трехмесячный режим", num(3).u("month")},
		{"ru", "обнаружены три утечки: две — на первом", num(3)},
		{"ru", "десятки людей", vague(10)},
		{"ru", "сотни домов", vague(100)},
		{"ru", "тысячи жителей", vague(1000)},
		{"ru", "десятки тысяч человек", vague(10000)},
		{"ru", "около 47-ми тысяч человек", num(47000).q(QualifierAbout)},
		{"ru", "3 миллиона 200 тысяч человек", num(3200000)},
		{"ru", "более 500-т человек", num(500).q(QualifierMoreThan)},
		{"ru", "5 тыс. человек", num(5000)},
		{"ru", "более 3 млн человек", num(3000000).q(QualifierMoreThan)},
		{"ru", "2 млрд рублей", num(2000000000).u("RUB")},
		{"ru", "41-летний житель", num(41).u("year")},
		{"ru", "он выстрелил дважды", num(2)},
		{"ru", "второй по величине город", num(2).rank()},
		{"ru", "Ему было 67 лет", num(67).u("year")},
		{"ru", "на глубине 10 км", num(10).u("km")},
		{"ru", "Погибли трое, включая водителя грузовика", num(3)},
		{"ru", "колонна остановилась в двухстах километрах от столицы", num(200)},
		{"ru", "около полумиллиона человек остались без света", num(500000).q(QualifierAbout)},
		{"ru", "Партия получила 51 из 113 мест в парламенте", num(51)},
		{"ru", "пожар продолжался около 15 часов, прежде чем его потушили", num(15).q(QualifierAbout).u("hour")},
		{"ru", "было сбито два десятка беспилотников", num(20).q(QualifierAbout)},
		{"ru", "полтора десятка человек получили ранения", num(15).q(QualifierAbout)},
		{"ru", "на восстановление собрали почти миллиард евро", num(1000000000).q(QualifierAbout)},
		{"ru", "более тысячи человек подписали петицию", num(1000).q(QualifierMoreThan)},
		{"ru", "более сотни тысяч человек вышли на улицы", vague(100000).q(QualifierMoreThan)},
		noNumber("ru", "В 10 часов утра Путин выступил с обращением к нации"),
		noNumber("ru", "колонна прошла Воронеж в 10 часов, сообщили власти"),
		{"ru", "штурм продолжался 10 часов, сообщили источники", num(10).u("hour")},
	},
	"ar": {
		// Compound numerals joined by a glued "و", a scale that carries its count before a
		// smaller part, halves after a scale or a time unit, a fraction of a scale.
		{"ar", "قتل خمسة وعشرون شخصا في الزلزال", num(25)},
		{"ar", "قتل ثلاثمئة وخمسة وعشرون شخصا في القصف", num(325)},
		{"ar", "أصيب ألفان وثلاثمئة شخص في الزلزال", num(2300)},
		{"ar", "أصيب ألف وخمسمئة شخص في الزلزال", num(1500)},
		{"ar", "بلغ عدد القتلى ألفين وخمسمئة", num(2500)},
		{"ar", "قتل مائتا شخص في الزلزال", num(200)},
		{"ar", "نزح مليون ونصف المليون شخص من المدينة", num(1500000)},
		{"ar", "يعيش في المدينة نصف مليون شخص", num(500000)},
		{"ar", "استمر الاجتماع ساعة ونصف", num(1.5).u("hour")},
		{"ar", "استمر الحصار أسبوعين كاملين", num(2).u("week")},
		// A year-like figure before a counted noun; a headline with a verb of killing.
		{"ar", "وتم إجلاء 2000 شخص من المنطقة المنكوبة", num(2000)},
		{"ar", "زلزال يقتل 45 شخصا", num(45)},
		noNumber("ar", "افتتح الجسر 2018 رسميا بحضور الرئيس"),
		// Duals of the nouns news counts; "the two X" with the article is no count.
		{"ar", "فاز الرئيس بولايتين متتاليتين", num(2)},
		{"ar", "دمر القصف دبابتين للجيش", num(2)},
		{"ar", "اشتعلت النيران في صهريجين للوقود", num(2)},
		{"ar", "بعد انهيار سدين على نهر درنة", num(2)},
		{"ar", "بمساعدة قاطرتين وصلتا صباحا", num(2)},
		{"ar", "أقل من 50 شخصا", num(50).q(QualifierLessThan)},
		{"ar", "أكثر من 13 ألفا آخرين", num(13000).q(QualifierMoreThan)},
		noNumber("ar", "وقالت الشركة إن طائرة بوينغ 737 هبطت اضطراريا في المطار"),
		{"ar", "وأسقطت ست مروحيات وطائرة", num(6)},
		{"ar", "وفي سوريا قتل 1444 شخصا على الأقل", num(1444).q(QualifierAtLeast)},
		{"ar", "وتسبب الزلزال في قتيلين في لبنان", num(2)},
		{"ar", "تقدر الأضرار بما بين ثلاثة وخمسة مليارات دولار", num(3000000000)},
		noNumber("ar", "كانت المواد مخزنة في العنبر رقم 12 منذ سنوات طويلة"),
		{"ar", "تخسر القناة ما بين 12 و14 مليون دولار يوميا", num(12000000)},
		{"ar", "وأعلن ارتفاع عدد القتلى إلى ١٥٤١ والجرحى", num(1541)},
		{"ar", "أصيب أكثر من ألف آخرين", num(1000).q(QualifierMoreThan)},
		noNumber("ar", "وكلّف الرئيس الوزير بمتابعة الملف"),
		{"ar", "عشرات القتلى", vague(10)},
		{"ar", "مئات الجرحى", vague(100)},
		{"ar", "آلاف السكان", vague(1000)},
		{"ar", "عشرات الآلاف من السكان", vague(10000)},
		{"ar", "ما لا يقل عن 30 ألف مؤسسة", num(30000).q(QualifierAtLeast)},
		{"ar", "عشرين ألفا من الجنود", num(20000)},
		{"ar", "ثلاثة آلاف شخص", num(3000)},
		{"ar", "5 ملايين دولار", num(5000000).u("USD")},
		{"ar", "أطلق صاروخين", num(2)},
		{"ar", "قتل شخصين", num(2)},
		{"ar", "قالت الوزارة إن الهجوم قتل ٣٥ شخصا", num(35)},
		{"ar", "أسفر الهجوم عن مقتل شخص و236 جريحا", num(236)},
		{"ar", "هاجمت القوات المدينة بـ35 صاروخا", num(35)},
		{"ar", "الثلث من السكان", num(33.3).u("%")},
		{"ar", "ثاني أكبر مدينة", num(2).rank()},
		{"ar", "وقد أصيب عنصران من الشرطة في الحادث", num(2)},
		{"ar", "وانهار قسمان من الطريق البري للجسر", num(2)},
		{"ar", "وحصل لاي على 5 ملايين و586 ألف صوت في الانتخابات", num(5586000)},
		{"ar", "وأصيب ستة آلاف وخمسمئة شخص في الانفجار", num(6500)},
		{"ar", "وكانت الـ2750 طنا من نترات الأمونيوم مخزنة في العنبر", num(2750).u("t")},
		{"ar", "وقتل ما يقرب من 200 شخص في الانفجار الضخم", num(200).q(QualifierAbout)},
		{"ar", "وأصيب ما يفوق 6 آلاف شخص في الانفجار", num(6000).q(QualifierMoreThan)},
		{"ar", "وافتتح بوتين الجسر بعد أربع سنوات من ضم القرم", num(4)},
		{"ar", "وجمعت التبرعات نحو مليار يورو خلال يومين فقط", num(1000000000).q(QualifierAbout)},
		// One after its unit, as Arabic writes it; after other nouns it is "a single", no count.
		{"ar", "تقع القرية على بعد كيلومتر واحد من الشاطئ", num(1).u("km")},
		{"ar", "استمر الإضراب يوما واحدا فقط", num(1).u("day")},
		noNumber("ar", "وصل الوفد في حافلة واحدة إلى العاصمة"),
		// Duals of units and decades.
		{"ar", "تراجع الإنتاج منذ نحو عقدين", num(2).q(QualifierAbout)},
	},
	"vi": {
		{"vi", "Nửa triệu người mất điện.", num(500000)},
		{"vi", "Một triệu rưỡi người phải sơ tán.", num(1500000)},
		{"vi", "2000 người đã được sơ tán.", num(2000)},
		{"vi", "chưa đến 50 người", num(50).q(QualifierLessThan)},
		{"vi", "ít nhất 20 người chết", num(20).q(QualifierAtLeast)},
		{"vi", "Quốc dân đảng giành 52 trên tổng số 113 ghế", num(52)},
		{"vi", "mất ba ngày rưỡi", num(3.5).u("day")},
		{"vi", "có nhiều tàu chở dầu", vague(0)},
		{"vi", "khoảng 5,31 triệu máy chủ", num(5310000).q(QualifierAbout)},
		{"vi", "năm người thiệt mạng", num(5)},
		{"vi", "Hàng chục người đã vây quanh", vague(10)},
		{"vi", "hàng trăm ngôi nhà", vague(100)},
		{"vi", "hàng nghìn người", vague(1000)},
		{"vi", "hàng triệu người", vague(1000000)},
		{"vi", "hàng chục nghìn người", vague(10000)},
		{"vi", "thành phố lớn thứ hai", num(2).rank()},
		{"vi", "ông hưởng thọ 67 tuổi", num(67).u("year")},
		{"vi", "từng phục vụ 3 năm", num(3).u("year")},
		noNumber("vi", "vào thứ hai tuần trước"),
		noNumber("vi", "lúc 14 giờ 30"),
	},
	// A range written with a dash: both ends are facts, the second the upper bound with the
	// scale and the unit; a score, a phone number and a day range are not.
	"dash ranges": {
		{"ru", "Потери оцениваются в 3–4 млрд рублей", num(3000000000)},
		{"ru", "Потери оцениваются в 3–4 млрд рублей, заявил министр", num(3000000000)},
		{"en", "Between 3,000-5,000 people marched", num(3000)},
		{"en", "some 40-50 people were hurt", num(40).q(QualifierAbout)},
		{"de", "Die Reparatur kostet 2-3 Milliarden Euro", num(2000000000)},
		{"fr", "une hausse de 20-25 % des prix", num(20)},
		noNumber("en", "The visitors won 21-14 in the final"),
		noNumber("en", "Call 555-123-4567 for details"),
	},
	// A range of years before 1900 is no count in any language; a range of counts is.
	"year ranges": {
		noNumber("en", "The cathedral was built between 1163 and 1345."),
		noNumber("en", "The cathedral, built in 1163-1345, burned."),
		noNumber("fr", "La cathédrale a été bâtie de 1163 à 1345."),
		noNumber("es", "La catedral se construyó entre 1163 y 1345."),
		noNumber("de", "Die Kathedrale wurde zwischen 1163 und 1345 errichtet."),
		noNumber("de", "Die Kathedrale wurde von 1163 bis 1345 erbaut."),
		noNumber("ar", "بنيت الكاتدرائية بين عامي 1163 و1345."),
		noNumber("vi", "Nhà thờ được xây dựng từ năm 1163 đến năm 1345."),
		{"ar", "تضرر بين 1200 و1500 منزل في المدينة", num(1200)},
		{"en", "The toll rose from 1200 to 1500.", num(1500)},
		// A figure with two smaller parts.
		{"ar", "وحصل لاي على 5 ملايين و586 ألفا و19 صوتا", num(5586019)},
	},
	// A time unit alone after a qualifier is one of it, where the language has no article
	// (Russian, Arabic) and after the article (English "about an hour"); "ago" makes it a
	// date, and "около часа ночи" is a time.
	"one unit": {
		{"ru", "Мятеж продлился менее суток.", num(1).q(QualifierLessThan).u("day")},
		{"ru", "Поиски продолжались более года.", num(1).q(QualifierMoreThan).u("year")},
		{"ar", "وانتهى التمرد في أقل من يوم.", num(1).q(QualifierLessThan).u("day")},
		{"ar", "واستمرت المفاوضات نحو ساعة.", num(1).q(QualifierAbout).u("hour")},
		{"ar", "واستمر الحصار أكثر من عام ونصف.", num(1.5).q(QualifierMoreThan).u("year")},
		{"en", "Talks lasted about an hour.", num(1).q(QualifierAbout).u("hour")},
		{"vi", "Cuộc nổi loạn kéo dài chưa đầy một ngày.", num(1).q(QualifierLessThan).u("day")},
		noNumber("ru", "Взрыв прогремел около часа ночи."),
		noNumber("ru", "Более года назад мост был открыт."),
		noNumber("ar", "ووقع الانفجار قبل أكثر من عام."),
	},
	// A plural time unit with no number after a cue of duration is a vague duration; with an
	// adjective or an article before it, it names the years.
	"plural units": {
		{"en", "He blamed the collapse after years of conflict.", vague(0).u("year")},
		{"en", "Freeing the ship could take days to weeks.", vague(0).u("day")},
		{"de", "Er schloss nicht aus, dass die Arbeiten Wochen dauern.", vague(0).u("week")},
		{"de", "Seit Jahren warnten Experten vor der Gefahr.", vague(0).u("year")},
		{"fr", "Les produits étaient stockés depuis des années.", vague(0).u("year")},
		{"ar", "وكانت المواد مخزنة في المرفأ لسنوات.", vague(0).u("year")},
		noNumber("en", "In recent years the port grew."),
		noNumber("de", "In den vergangenen Jahren wuchs der Hafen."),
		noNumber("de", "Die Tage nach dem Beben waren chaotisch."),
		noNumber("ar", "في السنوات الأخيرة نما الميناء."),
	},
	// Hours ahead in running text are how long something took, not a day to come.
	"hours ahead": {
		{"en", "The appeal went well: in 36 hours the fund doubled", num(36).u("hour")},
		{"de", "Der Aufruf wirkte: binnen 36 Stunden verdoppelte sich der Fonds", num(36).u("hour")},
		{"ar", "نجحت الحملة وتضاعف الصندوق خلال 36 ساعة", num(36).u("hour")},
		{"ru", "Призыв сработал: в течение 36 часов фонд удвоился", num(36).u("hour")},
		// Years ahead likewise: a span of time, not a year to come.
		{"fr", "Le maire a promis de rebâtir le pont d'ici cinq ans", num(5).u("year")},
		{"de", "Der Bürgermeister will die Brücke in fünf Jahren neu bauen", num(5).u("year")},
	},
	// A sentence of three words is a sentence, not page furniture ("12 Shares").
	"short": {
		{"ru", "Паводок разрушил 7 мостов.", num(7)},
		{"ar", "دمر الفيضان 7 جسور.", num(7)},
		{"zh", "洪水冲毁7座桥。", num(7)},
		{"en", "Seven bridges collapsed!", num(7)},
		noNumber("en", "12 Shares"),
		noNumber("en", "Photos 12"),
		noNumber("ru", "Комментарии 14"),
	},
	// A figure of a year's size after a word that is both "until" and "up to" counts when a
	// counted noun follows it or the clause named the count; a bare number a verb ends a
	// sentence with counts after a count named before it. Years and labels stay no number.
	"counts like years": {
		{"ru", "Эвакуированы до 1800 человек.", num(1800).q(QualifierUpTo)},
		{"ru", "Число жертв выросло до 1541.", num(1541).q(QualifierUpTo)},
		{"es", "Hasta 1800 personas fueron evacuadas.", num(1800).q(QualifierUpTo)},
		{"ar", "تم إجلاء حتى 1800 شخص.", num(1800).q(QualifierUpTo)},
		{"de", "Die Zahl der Toten erreichte 5000.", num(5000)},
		{"vi", "Số người chết đạt 5000.", num(5000)},
		noNumber("ru", "Работы продлятся до 2024 года."),
		noNumber("ru", "Собор строили до 1345 года."),
		noNumber("es", "El puente estuvo cerrado hasta 1998."),
		noNumber("en", "He upgraded to Windows 10."),
		noNumber("de", "Er nutzt Windows 10."),
	},
	// Number words in the forms news writes: the Arabic construct state before a scale
	// (مئتي مليون), duals of nouns, Russian scales in every case, Vietnamese linh/lẻ (105) and
	// "năm" (five and year) before a unit.
	"forms": {
		{"ar", "تعهدت عائلة أرنو بمئتي مليون يورو.", num(200000000).u("EUR")},
		{"ar", "انهار مقطعان من الجسر.", num(2)},
		{"ru", "Пригожин заявил о 25 тысячах бойцов.", num(25000)},
		{"ru", "Речь идет о 2,5 миллионах долларов.", num(2500000).u("USD")},
		{"ru", "Речь идет о тысячах пострадавших.", vague(1000)},
		{"ru", "Около полсотни домов разрушены.", num(50).q(QualifierAbout)},
		{"vi", "Một trăm linh năm người bị thương.", num(105)},
		{"vi", "Công trình trùng tu kéo dài năm năm.", num(5).u("year")},
		{"vi", "Cháu bé năm tuổi được cứu.", num(5).u("year")},
		{"vi", "Chưa tới 1.000 người tham gia.", num(1000).q(QualifierLessThan)},
		{"vi", "Con số thương vong vượt quá 100 người.", num(100).q(QualifierMoreThan)},
		noNumber("vi", "Lúc năm giờ sáng, đám cháy bùng phát."),
		noNumber("vi", "Không ngày nào yên bình."),
		// A unit that starts with a scale is the unit; a scale alone after a qualifier is one
		// of it; 段 and 节 count sections and carriages.
		{"zh", "全长19千米的克里米亚大桥。", num(19).u("km")},
		{"zh", "这批货物重20千克。", num(20).u("kg")},
		{"zh", "灾害导致逾万人死亡。", num(10000).q(QualifierMoreThan)},
		{"zh", "超过千人受伤。", num(1000).q(QualifierMoreThan)},
		{"zh", "公路桥两段垮塌。", num(2)},
		noNumber("zh", "这段时间很难熬。"),
	},
	// A number word alone at the end of a clause is no count unless a list of counts
	// precedes it (TestListedCounts).
	"listed counts": {
		noNumber("en", "The TPP won eight."),
		noNumber("vi", "Trong đó có ông Ba."),
	},
	// A part of a time unit is a duration, not a share; "and a half" after "an hour".
	"part of a unit": {
		{"en", "The meeting lasted half an hour.", num(0.5).u("hour")},
		{"en", "The fire started in the evening. An hour and a half later the spire collapsed.", num(1.5).u("hour")},
		{"vi", "Nửa giờ sau, ngọn tháp đổ sập.", num(0.5).u("hour")},
		{"ar", "وبعد نصف ساعة انهار البرج.", num(0.5).u("hour")},
		{"ar", "دمر الانفجار نصف المدينة.", num(50).u("%")},
		{"en", "Half of the roof was destroyed.", num(50).u("%")},
	},
	// A glued one-letter unit after a measuring word before it; a store's number is a label.
	"vi measures": {
		{"vi", "Tòa tháp cao 96m đã sụp đổ.", num(96).u("m")},
		{"vi", "Tòa nhà kho số 12 chứa 2.750 tấn amoni nitrat.", num(2750).u("t")},
		noNumber("vi", "Mạng 5G được triển khai."),
	},
	// A clock time with its hours and minutes, or hours and a part of the day, is no count;
	// the same words after a verb of lasting are a duration.
	"clock hours and minutes": {
		noNumber("ru", "ЧП произошло в 3 часа 15 минут."),
		noNumber("ru", "Взрыв прогремел в 5 утра."),
		noNumber("ru", "Пожар начался около 11 вечера."),
		noNumber("ru", "В 2 часа ночи сработала сирена."),
		{"ru", "Пожар длился 3 часа.", num(3).u("hour")},
		{"ru", "Тушение заняло 3 часа 15 минут.", num(3).u("hour")},
		noNumber("en", "The blast happened at 3 o'clock in the morning."),
		noNumber("en", "The blast happened at 3.15 pm."),
		noNumber("fr", "L'explosion a eu lieu à 3 h 15."),
		noNumber("vi", "Vụ nổ xảy ra lúc 3 giờ 15 phút."),
		noNumber("zh", "爆炸发生在凌晨3时15分。"),
		noNumber("de", "Die Explosion ereignete sich um 3 Uhr 15."),
		noNumber("es", "La explosión ocurrió a las 3 de la madrugada."),
		noNumber("es", "El incendio empezó a las 11 de la noche."),
	},
	// The minutes of a time written in words are no duration.
	"clock in words": {
		noNumber("ar", "وقع الانفجار عند الساعة السادسة وسبع دقائق."),
		{"ar", "استمر القصف سبع دقائق.", num(7).u("minute")},
	},
	// "Every n-th" is a share where the language says it so.
	"every nth": {
		{"de", "In Washington hatte fast jede zweite Tankstelle kein Benzin.", num(50).q(QualifierAbout).u("%")},
		{"de", "Jeder dritte Wähler stimmte für Lai.", num(33.3).u("%")},
		{"ru", "Каждый третий житель остался без крова.", num(33.3).u("%")},
		{"ru", "Почти каждый второй житель остался без крова.", num(50).q(QualifierAbout).u("%")},
		noNumber("de", "Jeder Bewohner verlor sein Haus."),
		noNumber("de", "Jede zweite Woche fährt ein Schiff."),
		noNumber("ru", "Каждый день гибнут люди."),
	},
}

// TestListedCounts: a number word that ends a clause of a list of counts counts the noun
// named with the count before it, in every language.
func TestListedCounts(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []float64
	}{
		{"de", "Die KMT gewann 52 Sitze, die TPP acht.", []float64{52, 8}},
		{"en", "The KMT won 52 seats and the TPP eight.", []float64{52, 8}},
		{"fr", "Le KMT obtient 52 sièges et le TPP huit.", []float64{52, 8}},
		{"ru", "Гоминьдан получил 52 места, Народная партия — восемь.", []float64{52, 8}},
		{"vi", "Quốc dân đảng giành 52 ghế, Đảng Dân chúng tám.", []float64{52, 8}},
		{"vi", "Hai người bị thương, trong đó có ông Ba.", []float64{2}},
		{"en", "Four people died in the town of Three.", []float64{4}},
		// Digits: the same noun again, or an acronym before them and a clause end after.
		{"vi", "DPP giành 51 ghế, KMT 52 ghế và TPP 8 ghế.", []float64{51, 52, 8}},
		{"en", "The DPP won 51 seats, the KMT 52 and the TPP 8.", []float64{51, 52, 8}},
		{"de", "Die DPP gewann 51 Sitze, die KMT 52 und die TPP 8.", []float64{51, 52, 8}},
		{"es", "El PPD obtuvo 51 escaños, el KMT 52 y el PPT 8.", []float64{51, 52, 8}},
		{"en", "Two leaks were found on Nord Stream 1 and one on Nord Stream 2.", []float64{2}},
		{"en", "The company sold 500 licences of Windows 10.", []float64{500}},
		// Arabic: no capitals, its own comma.
		{"ar", "فاز الحزب بـ51 مقعدا، والكومينتانغ بـ52، وحزب الشعب بـ8.", []float64{51, 52, 8}},
		{"ar", "قال مراسل فرانس 24 إن الانفجار كان ضخما.", nil},
	}
	for _, c := range cases {
		var got []float64
		for _, f := range ExtractFacts(Document{Lang: c.lang, Text: c.text, Published: "2024-01-14"}, Options{}) {
			if v, ok := f.Value.(float64); ok && f.Kind == KindNumber {
				got = append(got, v)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s %q: numbers %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

// TestDashRangeEnds: both ends of a range written with a dash are numbers, the second one the
// upper bound, in every language; a score and a phone number give none.
func TestDashRangeEnds(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []float64
	}{
		{"ru", "Потери оцениваются в 3–4 млрд рублей", []float64{3e9, 4e9}},
		{"en", "Damage could reach $3-4 billion", []float64{3e9, 4e9}},
		{"en", "Between 3,000-5,000 people marched", []float64{3000, 5000}},
		{"de", "Die Reparatur kostet 2-3 Milliarden Euro", []float64{2e9, 3e9}},
		{"fr", "Les réparations coûteront 2-3 milliards d'euros", []float64{2e9, 3e9}},
		{"es", "La reparación costará 2-3 millones de euros", []float64{2e6, 3e6}},
		{"vi", "Chi phí sửa chữa khoảng 2-3 tỷ USD", []float64{2e9, 3e9}},
		{"zh", "修复费用为20亿-30亿美元", []float64{2e9, 3e9}},
		{"ar", "تبلغ تكلفة الإصلاح 2-3 مليار دولار", []float64{2e9, 3e9}},
		{"en", "The visitors won 21-14 in the final", nil},
		{"en", "Call 555-123-4567 for details", nil},
	}
	for _, c := range cases {
		var got []float64
		for _, f := range ExtractFacts(Document{Lang: c.lang, Text: c.text, Published: "2023-02-07"}, Options{}) {
			if f.Kind != KindNumber {
				continue
			}
			v, _ := f.Value.(float64)
			got = append(got, v)
			if len(got) == 2 && f.Qualifier != QualifierUpTo {
				t.Errorf("%s %q: second end %q qualifier %q, want up_to", c.lang, c.text, f.Text, f.Qualifier)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s %q: numbers %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

// TestCountedOne: "one" with no noun after it counts in a list of counts that share their noun
// and in "one of the two"; as a pronoun or an indefinite it does not.
func TestCountedOne(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []float64
	}{
		{"en", "Four towers fell, three in the north and one in the south.", []float64{4, 3, 1}},
		{"fr", "Quatre tours sont tombées, trois au nord et une au sud.", []float64{4, 3, 1}},
		{"es", "Cayeron cuatro torres, tres en el norte y una en el sur.", []float64{4, 3, 1}},
		{"de", "Vier Türme stürzten ein, drei im Norden, einer im Süden.", []float64{4, 3, 1}},
		{"de", "Zwei Brücken sind gesperrt, eines der Tore ist zu.", []float64{2}},
		{"ru", "Рухнули четыре башни: три — на севере, одна — на юге.", []float64{4, 3, 1}},
		{"ru", "Огонь охватил одну из трёх башен.", []float64{1, 3}},
		{"en", "Fire engulfed one of the three towers.", []float64{1, 3}},
		{"en", "He was one of the founders of the party.", nil},
		{"en", "Two men aged 58 and 65 died in Volos, one of the worst-hit towns.", []float64{2, 58, 65}},
		{"fr", "Deux détonations ont eu lieu, l'une au nord, l'autre au sud.", []float64{2}},
		{"fr", "Une à une, les maisons se sont effondrées.", nil},
		{"en", "The site stays closed for one or two weeks.", []float64{2}},
	}
	for _, c := range cases {
		var got []float64
		for _, f := range ExtractFacts(Document{Lang: c.lang, Text: c.text, Published: "2023-02-07"}, Options{}) {
			if v, ok := f.Value.(float64); ok && f.Kind == KindNumber && v <= 100 {
				got = append(got, v)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%s %q: numbers %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}

func TestNumberCases(t *testing.T) {
	for lang, cases := range numberCases {
		for _, c := range cases {
			t.Run(lang+"/"+c.text, func(t *testing.T) {
				doc := Document{Lang: c.lang, Text: c.text, Published: "2023-02-07"}
				facts := ExtractFacts(doc, Options{})
				checkSpans(t, c.text, facts)
				var got *Fact
				for i := range facts {
					if facts[i].Kind == KindNumber {
						got = &facts[i]
						break
					}
				}
				if c.want == nil {
					if got != nil {
						t.Errorf("unexpected number %q = %v", got.Text, got.Value)
					}
					return
				}
				if got == nil {
					t.Fatalf("no number, want %v", c.want)
				}
				w := c.want
				switch wv := w.value.(type) {
				case nil:
					if !got.Vague || got.Value != nil || got.Magnitude != w.magnitude {
						t.Errorf("%q = %v vague %v magnitude %v, want vague with magnitude %v", got.Text, got.Value, got.Vague, got.Magnitude, w.magnitude)
					}
				case float64:
					v, ok := got.Value.(float64)
					if !ok || v-wv > 1e-9 || wv-v > 1e-9 {
						t.Errorf("%q = %v, want %v", got.Text, got.Value, wv)
					}
				}
				if got.Qualifier != w.qualifier {
					t.Errorf("%q qualifier %q, want %q", got.Text, got.Qualifier, w.qualifier)
				}
				if w.unit != "" && got.Unit != w.unit {
					t.Errorf("%q unit %q, want %q", got.Text, got.Unit, w.unit)
				}
				if got.Ordinal != w.ordinal {
					t.Errorf("%q ordinal %v, want %v", got.Text, got.Ordinal, w.ordinal)
				}
			})
		}
	}
}

// FuzzNumbers: the number grammar never panics and keeps its spans inside the text, on
// grapheme boundaries, whatever the language tables say; the per-language tables seed it.
func FuzzNumbers(f *testing.F) {
	for _, cases := range numberCases {
		for _, c := range cases {
			f.Add(c.lang, c.text)
		}
	}
	// Cases found by fuzzing and odd input.
	f.Add("zh", "数")
	f.Add("ru", "47-")
	f.Add("ar", "بـ")
	f.Add("ar", "الـ")
	f.Add("ar", "والـ٣")
	f.Add("en", "$")
	f.Add("fr", "des dizaines de\xff")
	f.Fuzz(func(t *testing.T, lang, text string) {
		doc := Document{Lang: lang, Text: text, Published: "2021-07-20"}
		facts := extractNumbers(doc, Options{})
		checkSpans(t, text, facts)
		for _, fc := range facts {
			if fc.Vague != (fc.Value == nil) {
				t.Fatalf("%q: vague %v with value %v", fc.Text, fc.Vague, fc.Value)
			}
		}
	})
}

// BenchmarkExtractNumbers measures the date and number grammars on number-dense text in the
// eight languages: every row of the number tables, one document per language, repeated to
// about 1 MB in all.
func BenchmarkExtractNumbers(b *testing.B) {
	var docs []Document
	total := 0
	for lang, cases := range numberCases {
		var sb strings.Builder
		for sb.Len() < 128<<10 {
			for _, c := range cases {
				sb.WriteString(c.text)
				sb.WriteString(". ")
			}
			sb.WriteString("\n")
		}
		docs = append(docs, Document{Lang: lang, Text: sb.String()})
		total += sb.Len()
	}
	for _, d := range docs {
		extractDatesNumbers(d, Options{}) // compile the lexicons outside the timing
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			extractDatesNumbers(d, Options{})
		}
	}
}
