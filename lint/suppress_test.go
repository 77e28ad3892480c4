package lint

import (
	"reflect"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

func TestParseDirective(t *testing.T) {
	cases := []struct {
		rest          string
		rules         []string
		justification string
	}{
		{" link-url ", []string{"link-url"}, ""},
		{" link-url, image-alt -- the archive is only on http ", []string{"link-url", "image-alt"}, "the archive is only on http"},
		{" email\turl\n", []string{"email", "url"}, ""},
		{" -- why", nil, "why"},
		{"", nil, ""},
	}
	for _, tc := range cases {
		d := parseDirective("disable", tc.rest, Span{})
		same := reflect.DeepEqual(d.rules, tc.rules) || (len(d.rules) == 0 && len(tc.rules) == 0)
		if !same || d.justification != tc.justification {
			t.Errorf("parseDirective(%q) = %q, %q; want %q, %q", tc.rest, d.rules, d.justification, tc.rules, tc.justification)
		}
	}
}

func TestSuppressor(t *testing.T) {
	at := func(kind string, line int, rules ...string) *directive {
		return &directive{kind: kind, rules: rules, span: Span{Start: Pos{Line: line}, End: Pos{Line: line}}}
	}
	ds := []*directive{
		at("disable", 10, "image-alt"),
		at("enable", 20, "image-alt"),
		at("disable-next-line", 30, "link"),
		at("disable-line", 40, "url-insecure"),
	}
	cases := []struct {
		rule, family string
		line         int
		want         *directive
	}{
		{"image-alt", "image", 9, nil},
		{"image-alt", "image", 10, ds[0]},
		{"image-alt", "image", 15, ds[0]},
		{"image-alt", "image", 21, nil},
		{"link-url", "link", 31, ds[2]}, // by family
		{"link-url", "link", 32, nil},   // only the next line
		{"url-insecure", "url", 40, ds[3]},
		{"url-invalid", "url", 40, nil},    // another rule of the family
		{"schema-type", "schema", 15, nil}, // not named
	}
	for _, tc := range cases {
		if got := suppressor(ds, tc.rule, tc.family, tc.line); got != tc.want {
			t.Errorf("%s at line %d: suppressed by %+v, want %+v", tc.rule, tc.line, got, tc.want)
		}
	}
}

// FuzzSuppressions parses suppression comments from arbitrary bodies: no
// panic, every directive's span inside the file, the same result twice.
func FuzzSuppressions(f *testing.F) {
	head := "---\ntitle: \"T\" # contentlint-disable-line schema-type\n---\n"
	for _, body := range []string{
		"<!-- contentlint-disable-next-line link-url -- why -->\n[x](htp://a)\n",
		"<!-- contentlint-disable image-alt -->\n![](a.png)\n<!-- contentlint-enable image-alt -->\n",
		"<!-- contentlint-disable-file -->\n",
		"text <!-- contentlint-disable link --> more <!--contentlint-enable link-->\n",
		"```\n<!-- contentlint-disable-file url -->\n```\n",
		"<!-- contentlint-disable",
	} {
		f.Add(body)
	}
	p := NewParser()
	f.Fuzz(func(t *testing.T, body string) {
		src := []byte(head + body)
		e := p.Parse("f.md", src)
		first := directives(e)
		for _, d := range first {
			s := d.span
			if s.Start.Offset < 0 || s.End.Offset > len(src) || s.Start.Offset > s.End.Offset || s.Start.Line < 1 {
				t.Fatalf("directive span %+v outside the %d-byte file", s, len(src))
			}
			if !strings.Contains(string(src[s.Start.Offset:s.End.Offset]), "contentlint-"+d.kind) {
				t.Fatalf("span %q does not hold the %s directive", src[s.Start.Offset:s.End.Offset], d.kind)
			}
		}
		if second := directives(p.Parse("f.md", src)); !reflect.DeepEqual(first, second) {
			t.Fatal("two parses give different directives")
		}
	})
}

// FuzzLocate maps arbitrary JSON pointers to positions: always inside the file.
func FuzzLocate(f *testing.F) {
	src := []byte("---\ntitle: \"T\"\nsocial:\n  twitter: \"x\"\ntags: [a, b]\n---\nBody\n")
	for _, ptr := range []string{"", "/title", "/social/twitter", "/tags/1", "/tags/9", "/nope/deeper", "/~1", "//"} {
		f.Add(ptr)
	}
	e := NewParser().Parse("f.md", src)
	f.Fuzz(func(t *testing.T, ptr string) {
		for _, s := range []Span{e.Locate(ptr).Value, e.KeySpan(ptr)} {
			if s.Start.Offset < 0 || s.End.Offset > len(src) || s.Start.Offset > s.End.Offset || s.Start.Line < 1 || s.Start.Column < 1 {
				t.Fatalf("Locate(%q) = %+v, outside the file", ptr, s)
			}
		}
		_ = source.FieldPath(e.Data, ptr)
	})
}
