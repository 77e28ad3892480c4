package validate

import "testing"

func BenchmarkEmail(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if Email("contact@glasgowopendata.org") != nil {
			b.Fatal("seed rejected")
		}
	}
}

func BenchmarkEmailIDN(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if Email("info@bücher.de") != nil {
			b.Fatal("IDN rejected")
		}
	}
}

func BenchmarkURL(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if URL("https://glasgowtech.slack.com/channels/open-data?x=1#top") != nil {
			b.Fatal("seed rejected")
		}
	}
}

func BenchmarkHandles(b *testing.B) {
	b.ReportAllocs()
	twitter, _ := NetworkByName("twitter")
	for b.Loop() {
		if twitter.Check("https://twitter.com/GlasgowOpenData", FormAny) != nil {
			b.Fatal("seed rejected")
		}
	}
}
