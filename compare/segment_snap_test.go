package compare

import (
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// snapFromStart is snapToGraphemes without its shortcut: uniseg over the whole text.
func snapFromStart(text string, rs, re int) (int, int) {
	ns, ne := rs, re
	pos, state, rest := 0, -1, text
	for len(rest) > 0 && pos < re {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		n := utf8.RuneCountInString(c)
		if pos < rs && pos+n > rs {
			ns = pos
		}
		if pos < re && pos+n > re {
			ne = pos + n
		}
		pos += n
	}
	return ns, ne
}

// TestSnapToGraphemesLocal: walking back only to a sure cluster start (a space, a line start,
// an ideograph after an ideograph) widens every span exactly as segmenting the whole text does,
// in Chinese without spaces, with marks, flags, emoji sequences and Hangul among ideographs.
func TestSnapToGraphemesLocal(t *testing.T) {
	texts := []string{
		"中国国家主席习近平周三在北京会见了到访的法国总统马克龙，双方讨论了2023年的合作。",
		"日本前首相安倍晋三于7月8日在奈良遇袭身亡，享年67岁。\n第二段：警方逮捕了41岁的嫌疑人。",
		"e\u0301té 中\u0301国 🇫🇷🇩🇪 中国 👨\u200d👩\u200d👧 한국어 中文\u302a字",
		"Сергей Шойгу заявил 中国人民 ١٢ مارس 2022 قال الرئيس",
		"中🇫🇷国中👍🏽文字\u200d中文",
	}
	for _, text := range texts {
		rs := []rune(text)
		for s := 0; s < len(rs); s++ {
			for e := s + 1; e <= len(rs) && e <= s+6; e++ {
				bs := len(string(rs[:s]))
				gs, ge := snapToGraphemes(text, bs, s, 0, e)
				ws, we := snapFromStart(text, s, e)
				if gs != ws || ge != we {
					t.Fatalf("%q [%d,%d): got [%d,%d), whole-text segmentation gives [%d,%d)", text, s, e, gs, ge, ws, we)
				}
			}
		}
	}
}
