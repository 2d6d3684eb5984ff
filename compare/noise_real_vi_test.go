package compare

import "testing"

// Noise found on real news (sport, courts, storms): facts that must not appear, and the ones
// that must, in sentences written for this test.
func TestRealNewsNoise(t *testing.T) {
	cases := []struct {
		lang, text string
		absent     []string // fact texts that must not be extracted (any kind)
		present    []string // fact texts that must be
	}{
		// A fraction after an ordinal is a half of a match or a period, not a 50 % share.
		{"en", "The striker scored early in the second half to seal the win.", []string{"half"}, nil},
		{"en", "Exports grew in the first half of the year, and half of the firms hired.", []string{"half"}, []string{"half of"}},
		{"de", "Der Stürmer traf kurz nach Beginn der zweiten Hälfte.", []string{"Hälfte"}, nil},
		{"de", "Der Umsatz stieg in der ersten Hälfte des Jahres, die Hälfte der Häuser stürzte ein.", []string{"Hälfte"}, []string{"die Hälfte"}},
		// A storm's number is a label, not a count or a day of the month.
		{"vi", "Bão số 6 đổ bộ vào bờ biển các tỉnh phía nam.", []string{"6"}, nil},
		{"vi", "Cơn bão số 3 gây mưa lớn, khiến 12 người chết.", []string{"3"}, []string{"12"}},
		{"zh", "今年第6号台风登陆，造成12人死亡。", []string{"6号"}, []string{"12"}},
		{"zh", "台风于9日登陆。", nil, []string{"9日"}},
		// A chronicle's entry or a heading ends its date with a colon: the year stays, a clock
		// time glued after the colon is still no year.
		{"de", "22. November 2005: Bei ihrer ersten Wahl erhielt sie 397 Stimmen.", []string{"22. November"}, []string{"22. November 2005"}},
		{"en", "Timeline.\n\n22 November 2005: She won the vote with 397 ballots.", []string{"22 November"}, []string{"22 November 2005"}},
		{"vi", "Ngày 22/11/2005: bà nhận được 397 phiếu.", []string{"2005"}, []string{"Ngày 22/11/2005"}},
		{"en", "In 2009: a second term began.", nil, []string{"2009"}},
		{"de", "Am 29.02.2020 13:12 kam es zum Unfall.", nil, []string{"29.02.2020"}},
		// Vietnamese papers write day.month with a dot after "ngày"; after "vào" it may be a
		// decimal.
		{"vi", "Thống kê đến ngày 13.10, mưa lũ đã làm 28 người chết.", []string{"13.10"}, []string{"ngày 13.10"}},
		{"vi", "Sáng ngày 31.12 có 3 người chết.", nil, []string{"Sáng ngày 31.12"}},
		{"vi", "Tăng trưởng đạt vào 6.5 năm ngoái.", []string{"vào 6.5"}, nil},
		{"vi", "Ngày 13.25 có mưa lớn.", []string{"Ngày 13.25"}, nil},
		// Academic titles are no names; the name after them is.
		{"de", "Der Chefarzt Prof. Dr. Markus Albrecht sagte, die Lage sei stabil.", []string{"Chefarzt Prof", "Dr", "Prof"}, []string{"Markus Albrecht"}},
		{"de", "Auch Dr. Sabine Keller vom Klinikum Ulm bestätigte das.", []string{"Dr"}, []string{"Sabine Keller"}},
		// Vietnam's central region is a place, not a person called Trung, nor the Quad (Bộ Tứ).
		{"vi", "Mưa lũ ở miền Trung đã làm 8 người chết.", []string{"Trung"}, []string{"miền Trung"}},
		{"vi", "Các địa phương ở Trung Bộ từ ngày 6/10 bị ngập sâu.", []string{"Bộ từ", "Trung"}, nil},
		// Văn is the commonest Vietnamese middle name: "Nguyễn Văn Nam" is a person, and the
		// province Vân Nam (Yunnan) counts beside China only.
		{"vi", "Ông Nguyễn Văn Nam, người dân địa phương, cho biết nước lên rất nhanh.", []string{"Văn Nam"}, []string{"Nguyễn Văn Nam"}},
		{"vi", "Mưa lớn ở Vân Nam, Trung Quốc, khiến 5 người chết.", nil, []string{"Vân Nam", "Trung Quốc"}},
	}
	for _, c := range cases {
		facts := ExtractFacts(Document{ID: "x", Lang: c.lang, Text: c.text, Published: "2025-10-10"}, Options{})
		checkSpans(t, c.text, facts)
		got := map[string]bool{}
		for _, f := range facts {
			got[f.Text] = true
		}
		for _, a := range c.absent {
			if got[a] {
				t.Errorf("%s %q: unexpected fact %q", c.lang, c.text, a)
			}
		}
		for _, p := range c.present {
			if !got[p] {
				t.Errorf("%s %q: missing fact %q (got %v)", c.lang, c.text, p, got)
			}
		}
	}
}
