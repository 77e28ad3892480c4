package source

import (
	"os"
	"strings"
	"testing"
)

// Front matter as real entries have it: the seed entry's YAML and the same
// fields in TOML.
var (
	benchYAML = func() string {
		src, err := os.ReadFile("../../testdata/ok/seed.md")
		if err != nil {
			panic(err)
		}
		_, rest, _ := strings.Cut(string(src), "---\n")
		fm, _, _ := strings.Cut(rest, "\n---\n")
		return fm
	}()
	benchTOML = `title = "Glasgow Open Data Group"
description = "Community-driven group focused on promoting open data initiatives, civic technology, and digital transparency in Glasgow and the surrounding areas."
location = "Glasgow"
website = "https://glasgowopendata.org"
contact_email = "contact@glasgowopendata.org"
featured = true
tags = ["civic tech", "transparency", "community projects", "local government"]
date = 2024-05-01T10:00:00Z

[social]
twitter = "GlasgowOpenData"
slack = "https://glasgowtech.slack.com"
github = "glasgow-open-data"
`
)

func benchDecode(b *testing.B, format Format, src string) {
	x := NewLineIndex([]byte(src))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Decode(x, format, 0, len(src), "front matter")
	}
}

func BenchmarkDecodeYAML(b *testing.B) { benchDecode(b, FormatYAML, benchYAML) }
func BenchmarkDecodeTOML(b *testing.B) { benchDecode(b, FormatTOML, benchTOML) }

// BenchmarkDecodeYAMLBroken is the cost of explaining a syntax error in a
// typical front matter: the Dundee example's unclosed quote, after the seed's fields.
func BenchmarkDecodeYAMLBroken(b *testing.B) {
	benchDecode(b, FormatYAML, benchYAML+"\nnote: \"never closed\nlocation: \"Dundee\"\n")
}
