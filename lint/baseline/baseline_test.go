package baseline

import (
	"bytes"
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

var (
	ruleType  = &lint.Rule{ID: "schema-type"}
	ruleEmail = &lint.Rule{ID: "email-invalid"}
	ruleAlt   = &lint.Rule{ID: "image-alt"}
)

// finding builds a finding on one line: the value is src[col-1:endCol-1].
func finding(path string, r *lint.Rule, line, col, endCol int, field, section, src string) lint.Finding {
	return lint.Finding{
		Path: path, Severity: lint.SeverityError, SourceLine: src, Section: section,
		Diagnostic: lint.Diagnostic{Rule: r, Field: field, Message: r.ID + " message",
			Span: lint.Span{Start: lint.Pos{Line: line, Column: col}, End: lint.Pos{Line: line, Column: endCol}}},
	}
}

func samePath(f *lint.Finding) string { return f.Path }
func all(string) bool                 { return true }

func today() []lint.Finding {
	return []lint.Finding{
		finding("a.md", ruleType, 7, 11, 16, "featured", "", `featured: "yes"`),
		finding("b.md", ruleEmail, 6, 16, 46, "contact_email", "", `contact_email: "contact@@glasgowopendata.org"`),
		finding("b.md", ruleAlt, 28, 11, 24, "", "Our Mission", `- Support ![](logo.png) projects`),
		finding("b.md", ruleAlt, 30, 3, 16, "", "Our Mission", `- ![](logo.png)`),
	}
}

// TestMatching: what survives unrelated edits and what does not, one
// change at a time.
func TestMatching(t *testing.T) {
	b := New(today(), samePath)
	for _, tc := range []struct {
		name      string
		edit      func(fs []lint.Finding) []lint.Finding
		baselined int
		kept      []string // rule ids of the findings reported
	}{
		{"unchanged", func(fs []lint.Finding) []lint.Finding { return fs }, 4, nil},
		{"lines moved", func(fs []lint.Finding) []lint.Finding {
			for i := range fs {
				fs[i].Span.Start.Line += 12
				fs[i].Span.End.Line += 12
			}
			return fs
		}, 4, nil},
		{"indentation and columns changed", func(fs []lint.Finding) []lint.Finding {
			fs[0].SourceLine, fs[0].Span.Start.Column, fs[0].Span.End.Column = `featured:    "yes"   `, 14, 19
			return fs
		}, 4, nil},
		{"message reworded", func(fs []lint.Finding) []lint.Finding {
			fs[0].Message = "a better message"
			return fs
		}, 4, nil},
		{"value changed", func(fs []lint.Finding) []lint.Finding {
			fs[0].SourceLine = `featured: "no!"`
			return fs
		}, 3, []string{"schema-type"}},
		{"another field", func(fs []lint.Finding) []lint.Finding {
			fs[0].Field = "hidden"
			return fs
		}, 3, []string{"schema-type"}},
		{"another section", func(fs []lint.Finding) []lint.Finding {
			fs[2].Section = "Resources"
			return fs
		}, 3, []string{"image-alt"}},
		{"another file", func(fs []lint.Finding) []lint.Finding {
			fs[0].Path = "c.md"
			return fs
		}, 3, []string{"schema-type"}},
		{"one more of a known value", func(fs []lint.Finding) []lint.Finding {
			return append(fs, finding("b.md", ruleAlt, 40, 3, 16, "", "Our Mission", `- ![](logo.png)`))
		}, 4, []string{"image-alt"}},
		{"suppressed findings pass through", func(fs []lint.Finding) []lint.Finding {
			fs[0].Suppressed = true
			return fs
		}, 3, []string{"schema-type"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := b.Apply(tc.edit(today()), samePath, all)
			var kept []string
			for _, f := range out.Findings {
				kept = append(kept, f.Rule.ID)
			}
			if out.Baselined != tc.baselined || strings.Join(kept, ",") != strings.Join(tc.kept, ",") {
				t.Errorf("baselined %d, kept %v; want %d, %v", out.Baselined, kept, tc.baselined, tc.kept)
			}
		})
	}
}

func TestCountsAndStale(t *testing.T) {
	b := New(today(), samePath)
	if len(b.Entries) != 3 {
		t.Fatalf("entries %+v, want 3 (the two image-alt findings share an identity)", b.Entries)
	}
	// One of the two images fixed, the email fixed.
	now := []lint.Finding{today()[0], today()[2]}
	out := b.Apply(now, samePath, all)
	if out.Baselined != 2 || len(out.Findings) != 0 || len(out.Stale) != 2 {
		t.Fatalf("baselined %d, findings %d, stale %+v", out.Baselined, len(out.Findings), out.Stale)
	}
	var desc []string
	for _, s := range out.Stale {
		desc = append(desc, s.Describe())
	}
	want := `email-invalid in b.md at contact_email: "\"contact@@glasgowopendata.org\""|image-alt in b.md at section "Our Mission": "![](logo.png)"`
	if strings.Join(desc, "|") != want {
		t.Errorf("stale:\n%s\nwant:\n%s", strings.Join(desc, "|"), want)
	}
	// Files not linted in this run are not judged.
	if out := b.Apply(now, samePath, func(p string) bool { return p == "a.md" }); len(out.Stale) != 0 {
		t.Errorf("stale entries of a file not linted: %+v", out.Stale)
	}

	pruned, dropped := b.Prune(now, samePath, all)
	if dropped != 2 || len(pruned.Entries) != 2 || pruned.Entries[1].Count != 0 {
		t.Errorf("prune dropped %d, kept %+v", dropped, pruned.Entries)
	}
	if out := pruned.Apply(now, samePath, all); out.Baselined != 2 || len(out.Stale) != 0 {
		t.Errorf("after prune: %+v", out)
	}
}

func TestRoundTrip(t *testing.T) {
	b := New(today(), samePath)
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Parse("b.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if out := back.Apply(today(), samePath, all); out.Baselined != 4 || len(out.Findings) != 0 {
		t.Errorf("read back: %+v", out)
	}
	if back.Entries[1].Span().Start.Line != 11 {
		t.Errorf("entry 2 at line %d, want 11:\n%s", back.Entries[1].Span().Start.Line, buf.String())
	}
	// Deterministic: the same findings in another order write the same bytes.
	rev := today()
	rev[0], rev[3] = rev[3], rev[0]
	var again bytes.Buffer
	New(rev, samePath).Write(&again)
	if again.String() != buf.String() {
		t.Error("the baseline depends on the order of the findings")
	}
	var empty bytes.Buffer
	New(nil, samePath).Write(&empty)
	if !strings.Contains(empty.String(), `"findings": []`) {
		t.Errorf("an empty baseline: %s", empty.String())
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{``, "b.json:1:1: "},
		{`[]`, `b.json:1:1: a baseline is a JSON object`},
		{`{"version": 2, "findings": []}`, `b.json:1:13: unsupported baseline version 2`},
		{`{"version": 1, "findings": {}}`, `b.json:1:28: findings: cannot unmarshal object`},
		{`{"version": 1, "findings": [{"rule": "x", "path": "a.md", "colour": 1}]}`, `b.json:1:28: findings: unknown field "colour"`},
		{"{\"version\": 1,\n \"findings\": [{\"path\": \"a.md\"}]}", `b.json:2:15: findings[0]: an entry needs a rule and a path`},
		{`{"version": 1, "findings": [{"rule": "x", "path": "a.md", "count": -1}]}`, `b.json:1:68: findings[0].count: must not be negative; leave it out for one occurrence`},
		{`{"version": 1, "findings": [] `, `b.json:1:`},
	} {
		_, err := Parse("b.json", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, want %q...", tc.src, err, tc.want)
		}
	}
}

// FuzzParse: a baseline file is user input; reading it never panics, and
// what it accepts writes back and reads again the same.
func FuzzParse(f *testing.F) {
	var buf bytes.Buffer
	New(today(), samePath).Write(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte(`{"version": 1, "findings": []}`))
	f.Add([]byte(`{"version": 1, "findings": [{"rule": "x", "path": "a.md", "count": 3}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		b, err := Parse("fuzz.json", src)
		if err != nil {
			return
		}
		var out bytes.Buffer
		if err := b.Write(&out); err != nil {
			t.Fatal(err)
		}
		again, err := Parse("again.json", out.Bytes())
		if err != nil {
			t.Fatalf("a baseline written from an accepted one does not parse: %v\n%s", err, out.String())
		}
		if len(again.Entries) != len(b.Entries) {
			t.Fatalf("%d entries became %d", len(b.Entries), len(again.Entries))
		}
	})
}
