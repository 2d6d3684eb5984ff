package compare

import (
	"reflect"
	"testing"
)

// German news (and the agencies' datelines of every language) as actor extraction reads it:
// places listed in a dateline, numbers and conjunctions that open a sentence of capitalised
// nouns. The sentences are written for these tests.
func TestActorsGermanNews(t *testing.T) {
	cases := []struct {
		name, lang, text string
		want             []actorWant
	}{
		// A dateline may list several places, joined by slashes, before the agency.
		{"dateline de", "de", "Istanbul/Gaziantep (dpa) – Die Helfer suchen weiter.",
			[]actorWant{{"Istanbul", "Istanbul"}, {"Gaziantep", "Gaziantep"}, {"dpa", "Deutsche Presse-Agentur"}}},
		{"dateline en", "en", "Istanbul/Gaziantep (Reuters) - Rescuers kept digging.",
			[]actorWant{{"Istanbul", "Istanbul"}, {"Gaziantep", "Gaziantep"}, {"Reuters", "Reuters"}}},
		{"dateline fr", "fr", "Istanbul / Gaziantep (AFP) — Les secours creusent toujours.",
			[]actorWant{{"Istanbul", "Istanbul"}, {"Gaziantep", "Gaziantep"}, {"AFP", "Agence France-Presse"}}},
		{"dateline es", "es", "Odesa/Busán, 3 mar (EFE).- Los barcos esperan.",
			[]actorWant{{"Odesa", "Odessa"}, {"Busán", "Busan"}, {"EFE", "EFE"}}},
		// Places joined by a slash that the sentence goes on after are no dateline: the first,
		// opening the sentence, stays as uncertain as any generated place there.
		{"no dateline", "de", "Gaziantep/Antakya sind betroffen, sagte sie.", []actorWant{{"Antakya", "Antakya"}}},
		// A number word or a conjunction opening a sentence is no part of a name: German
		// capitalises the nouns after it.
		{"number word", "de", "Sechs Tage nach dem Angriff läuft die Leitung wieder.", nil},
		{"number word after", "de", "Drei Wochen später kam die Antwort aus Berlin.",
			[]actorWant{{"Berlin", "Berlin"}}},
		{"conjunction", "de", "Ob Kunden recht haben, blieb offen.", nil},
		// A country hyphened to a noun is its adjective (the American pipeline, a trip to
		// Russia); an organisation or a person hyphened so is still named.
		{"country compound", "de", "Die größte US-Pipeline und die Russland-Reise des Kanzlers.", nil},
		{"country compound and name", "de", "Die US-Bundespolizei FBI ermittelt, sagte der SPD-Politiker.",
			[]actorWant{{"FBI", "Federal Bureau of Investigation"}, {"SPD", "Social Democratic Party of Germany"}}},
		{"country alone", "de", "Die Pipeline der USA läuft, sagte Russland.",
			[]actorWant{{"USA", "United States"}, {"Russland", "Russia"}}},
		// German names of actors the gazetteer knew in other languages, declined too.
		{"german names", "de", "König Charles empfing Michail Mischustin nicht, sagte ein Helfer des Japanischen Roten Kreuzes.",
			[]actorWant{{"König Charles", "Charles III"}, {"Michail Mischustin", "Mikhail Mishustin"}, {"Japanischen Roten Kreuzes", "Japanese Red Cross"}}},
		{"german names 2", "de", "Die Partei der Arbeit Koreas tagte in Eriwan, nicht in Addis Abeba.",
			[]actorWant{{"Partei der Arbeit Koreas", "Workers' Party of Korea"}, {"Eriwan", "Yerevan"}, {"Addis Abeba", "Addis Ababa"}}},
		// The German press writes the acronyms it pronounces as words with one capital
		// (Nato, Uno, Unesco, Opec, Unifil), and its own exonyms for capitals the gazetteer
		// curates (Taipeh, Pjöngjang, Tiflis, Khartum).
		{"acronyms as words", "de", "Die Nato und die Uno berieten, die Opec schwieg, Unifil meldete Schüsse.",
			[]actorWant{{"Nato", "NATO"}, {"Uno", "United Nations"}, {"Opec", "OPEC"}, {"Unifil", "United Nations Interim Force in Lebanon"}}},
		{"capitals", "de", "Peking warnte Taipeh, Pjöngjang schwieg, aus Tiflis und Khartum kam Kritik.",
			[]actorWant{{"Peking", "Beijing"}, {"Taipeh", "Taipei"}, {"Pjöngjang", "Pyongyang"}, {"Tiflis", "Tbilisi"}, {"Khartum", "Khartoum"}}},
		// A title before a name is no part of it (Ajatollah, Scheich, Machthaber,
		// Vorsitzende): the person after it is the known one, or an unknown one without it.
		{"titles", "de", "Ajatollah Ali Khamenei drohte, sagte die Vorsitzende Greta Vollmer.",
			[]actorWant{{"Ali Khamenei", "Ali Khamenei"}, {"Greta Vollmer", "local:greta vollmer"}}},
		// Every German noun has a capital: a common noun before a name describes it, and a
		// noun hyphened to the next word makes a compound noun, no name. A capitalised
		// adjective starts a name, and a family name may be a noun (Sauer, Stein).
		{"noun before a name", "de", "Nach Angaben der Schiffsagenten Nordic Lines saß der Frachter im Krankenhaus Sankt Georg fest.",
			[]actorWant{{"Nordic Lines", "local:nordic lines"}, {"Sankt Georg", "local:sankt georg"}}},
		{"compound nouns", "de", "Zwei Unterwasser-Explosionen trafen die Ostsee, der Betrieb der Benzin-Pipeline ruht.",
			[]actorWant{{"Ostsee", "Baltic Sea"}}},
		{"place after a common noun", "de", "Die Staatsanwaltschaft Köln und die Polizei Lyon ermitteln.",
			[]actorWant{{"Köln", "Cologne"}, {"Lyon", "Lyon"}}},
		// A genitive ending on a compound of place and head (des Suezkanals) or on the last
		// word of an unknown name the article also writes without it is the same name.
		{"genitive forms", "de", "Die Sperrung des Suezkanals traf Corvane Shipping. Corvane Shippings Chefin Ana Ruiz schwieg.",
			[]actorWant{{"Suezkanals", "local:suez canal"}, {"Corvane Shipping", "local:corvane shipping"}, {"Corvane Shippings", "local:corvane shipping"}, {"Ana Ruiz", "local:ana ruiz"}}},
		// A place's adjective before a head word is the head phrase on that place.
		{"place adjective and head", "de", "Im Hamburger Hafen und am Kölner Bahnhof staute es sich, der Moskauer Bürgermeister schwieg.",
			[]actorWant{{"Hamburger Hafen", "local:port of hamburg"}, {"Kölner Bahnhof", "local:cologne station"}}},
		{"titles compounded", "de", "Professorin Lea Brandt und Rettungshelfer Jonas Weiler kamen.",
			[]actorWant{{"Lea Brandt", "local:lea brandt"}, {"Jonas Weiler", "local:jonas weiler"}}},
		{"adjective and surname nouns", "de", "Forscher der Freien Universität sprachen mit Tim Sauer und Lara Stein.",
			[]actorWant{{"Freien Universität", "local:freien universitat"}, {"Tim Sauer", "local:tim sauer"}, {"Lara Stein", "local:lara stein"}}},
		// Where only names have capitals, the words before a name are part of it.
		{"no nouns cut en", "en", "Staff at Hospital Sankt Georg met Nordic Lines.",
			[]actorWant{{"Hospital Sankt Georg", "local:hospital sankt georg"}, {"Nordic Lines", "local:nordic lines"}}},
		{"country pair en", "en", "Trucks wait at the US-Mexico border.",
			[]actorWant{{"US", "United States"}, {"Mexico", "Mexico"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := extractActors(Document{Lang: c.lang, Text: c.text}, Options{})
			var gw []actorWant
			for _, f := range got {
				gw = append(gw, actorWant{f.Text, f.Value.(string)})
			}
			if !reflect.DeepEqual(gw, c.want) {
				t.Errorf("extractActors(%q)\n got  %v\n want %v", c.text, gw, c.want)
			}
			checkActorSpans(t, c.text, got)
		})
	}
}
