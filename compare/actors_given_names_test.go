package compare

import (
	"strings"
	"testing"
)

// A curated name marked "?" is also a given name: before a family name it is part of a
// person's name, not the actor it names alone (Lazarus Chakwera, president of Malawi, is not
// the Lazarus hacking group).
func TestActors_GivenNameYieldsToFullName(t *testing.T) {
	for _, c := range []struct {
		lang, text, span, value string
	}{
		{"en", "President Lazarus Chakwera declared a state of emergency.", "Lazarus Chakwera", "local:lazarus chakwera"},
		{"fr", "Le président Lazarus Chakwera a déclaré l'état d'urgence.", "Lazarus Chakwera", "local:lazarus chakwera"},
		{"es", "El presidente Lazarus Chakwera declaró la emergencia.", "Lazarus Chakwera", "local:lazarus chakwera"},
		{"en", "The theft was blamed on Lazarus, a group linked to North Korea.", "Lazarus", "Lazarus Group"},
		{"de", "Die Hacker von Lazarus erbeuteten Millionen.", "Lazarus", "Lazarus Group"},
		{"en", "Hackers of the Conti gang demanded a ransom.", "Conti", "Conti (ransomware)"},
	} {
		found := false
		for _, f := range ExtractFacts(Document{Lang: c.lang, Text: c.text, Published: "2023-02-03"}, Options{}) {
			if f.Kind == KindActor && f.Text == c.span {
				found = true
				if f.Value != c.value {
					t.Errorf("%s %q: %q = %q, want %q", c.lang, c.text, f.Text, f.Value, c.value)
				}
			}
		}
		if !found {
			t.Errorf("%s %q: no actor %q", c.lang, c.text, c.span)
		}
	}
}

// A "!" name is also an ordinary word: Arabic سيول is Seoul and "torrents". It names the city
// only where the article also names South Korea.
func TestActors_CommonWordNeedsItsCountry(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"وشهد العراق تساقط أمطار غزيرة أدت إلى حدوث سيول وفيضانات في عدد من المناطق", false},
		{"وصل الرئيس إلى سيول في زيارة رسمية إلى كوريا الجنوبية تستمر يومين", true},
	} {
		got := false
		for _, f := range ExtractFacts(Document{Lang: "ar", Text: c.text, Published: "2023-02-03"}, Options{}) {
			got = got || f.Kind == KindActor && f.Value == "Seoul"
		}
		if got != c.want {
			t.Errorf("%q: Seoul found %v, want %v", c.text, got, c.want)
		}
	}
}

// A place name of GeoNames beside a name dot is a piece of a transcribed foreign name: 博尔
// (Bor, Serbia) inside 伊丽莎白·博尔内 (Élisabeth Borne) is no place.
func TestActors_DottedNameTakesAPlaceInside(t *testing.T) {
	text := "法国总理伊丽莎白·博尔内领导的政府因此得以保住。"
	var got []string
	for _, f := range ExtractFacts(Document{Lang: "zh", Text: text, Published: "2023-03-20"}, Options{}) {
		if f.Kind == KindActor {
			got = append(got, f.Text+"="+f.Type)
		}
	}
	want := "法国=country 伊丽莎白·博尔内=person"
	if strings.Join(got, " ") != want {
		t.Errorf("%s: actors %v, want %s", text, got, want)
	}
}

// After a title, a run of transcription characters is a foreign person's family name
// (总统查克维拉, 总理博尔内), even over a GeoNames place inside it (博尔, Bor); a title
// before an ordinary word (总统府, 外交部长会议) names no one.
func TestActors_ChineseTitleBeforeATranscribedName(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"马拉维总统查克维拉于去年12月5日宣布进入紧急状态。", "马拉维=country 查克维拉=person"},
		{"法国总理博尔内表示，政府将继续推进改革。", "法国=country 博尔内=person"},
		{"公司首席执行官布朗特说，公司支付了赎金。", "布朗特=person"},
		{"总统府发表声明。总统特别代表抵达。", ""},
	} {
		var got []string
		for _, f := range ExtractFacts(Document{Lang: "zh", Text: c.text, Published: "2023-03-20"}, Options{}) {
			if f.Kind == KindActor {
				got = append(got, f.Text+"="+f.Type)
			}
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: actors %v, want %s", c.text, got, c.want)
		}
	}
}
