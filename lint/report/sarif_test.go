package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/glasgow-open-data/contentlint/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenRules are fixed rules, so that the goldens do not change when the
// real rules' documentation does.
var goldenRules = []*lint.Rule{
	{
		ID: "demo-error", Family: "demo", Severity: lint.SeverityError,
		Title: "A demonstration error",
		Doc:   "Fires on `bad` values. The message says what is expected.",
		Bad:   "---\nvalue: bad\n---\n\n```go\nx := 1\n```",
		Good:  "---\nvalue: good\n---",
		Tags:  []string{"correctness", "demo"},
	},
	{
		ID: "demo-unused", Family: "demo", Severity: lint.SeverityError,
		Title: "Never fires in the golden run", Doc: "Must not appear in driver.rules.",
	},
	{
		ID: "demo-warning", Family: "demo", Severity: lint.SeverityWarning,
		Title: "A demonstration warning | with a pipe",
		Doc:   "Fires on questionable values.",
		Bad:   "---\nvalue: meh\n---",
		Tags:  []string{"style"},
	},
	{
		ID: "demo-note", Family: "demo", Severity: lint.SeverityNote,
		Title: "A demonstration note",
	},
}

// goldenCatalogue is the catalogue of goldenRules.
func goldenCatalogue() *lint.Catalogue { return lint.NewCatalogue(lint.Check{Rules: goldenRules}) }

// otherRules are rules outside every catalogue, made on first use by id.
var otherRules = map[string]*lint.Rule{}

// rule returns the golden rule with id, else a rule of its own with that id
// (the same one each time).
func rule(id string) *lint.Rule {
	for _, r := range goldenRules {
		if r.ID == id {
			return r
		}
	}
	if r, ok := otherRules[id]; ok {
		return r
	}
	r := &lint.Rule{ID: id, Severity: lint.SeverityNote}
	otherRules[id] = r
	return r
}

func finding(path string, sev lint.Severity, r *lint.Rule, line, col, endLine, endCol int, msg, field, src string) lint.Finding {
	return lint.Finding{
		Path: path, Severity: sev, SourceLine: src,
		Diagnostic: lint.Diagnostic{
			Rule: r, Message: msg, Field: field,
			Span: lint.Span{
				Start: lint.Pos{Line: line, Column: col},
				End:   lint.Pos{Line: endLine, Column: endCol},
			},
		},
	}
}

// related adds related locations to a finding.
func related(f lint.Finding, rs ...lint.Related) lint.Finding {
	f.Related = rs
	return f
}

// goldenRun is the fixed set of findings every golden file is made from.
func goldenRun() Run {
	const cafe = "content/Café entries/glasgow open data.md"
	fs := []lint.Finding{
		finding(cafe, lint.SeverityError, rule("demo-error"), 3, 16, 3, 37,
			"contact_email: \"100% sure, really: no\"\nis not an email address", "contact_email", `contact_email: "100% sure, really: no"`),
		// An empty span (a "missing" finding points between characters).
		finding(cafe, lint.SeverityWarning, rule("demo-warning"), 5, 7, 5, 7,
			"social: missing \"twitter\"", "social", "social:"),
		// The same rule on the same text twice: occurrences 1 and 2.
		finding(cafe, lint.SeverityNote, rule("demo-note"), 8, 3, 8, 9, "tags: duplicate", "tags", "  - data"),
		finding(cafe, lint.SeverityNote, rule("demo-note"), 9, 3, 9, 9, "tags: duplicate", "tags", "  - data"),
		// A span over several lines.
		finding(cafe, lint.SeverityError, rule("demo-error"), 11, 1, 13, 4, "body: unterminated block", "", "```"),
		finding("content/100%#?.md", lint.SeverityWarning, rule("demo-warning"), 2, 1, 2, 5, "title: \"a, b: c\" looks odd", "title", "title: a, b: c"),
		finding("<stdin>", lint.SeverityError, rule("demo-error"), 1, 1, 1, 4, "front matter: missing", "", "---"),
		finding("/repo/docs/ünï.md", lint.SeverityNote, rule("mystery-rule"), 1, 1, 1, 2, "from a rule the catalogue lacks (suppressed)", "", "x"),
		finding("/elsewhere/outside.md", lint.SeverityWarning, rule("demo-warning"), 4, 2, 4, 3, "outside the repository", "", " y"),
		// A finding that names other places: related locations.
		related(finding("content/b.md", lint.SeverityWarning, rule("demo-warning"), 2, 8, 2, 33, "title: \"Glasgow\" is not unique: also in content/100%#?.md:2 and content/c.md:3", "title", `title: "Glasgow"`),
			lint.Related{Path: "content/100%#?.md", Span: lint.Span{Start: lint.Pos{Line: 2, Column: 1}, End: lint.Pos{Line: 2, Column: 5}}, Message: "title \"a, b: c\"", SourceLine: "title: a, b: c"},
			lint.Related{Path: "content/c.md", Span: lint.Span{Start: lint.Pos{Line: 3, Column: 8}, End: lint.Pos{Line: 3, Column: 8}}, Message: "title \"glasgow\""}),
	}
	return Run{Findings: lint.SortFindings(fs), Files: 5, Catalogue: goldenCatalogue(), Invocation: goldenInvocation()}
}

// goldenSARIFRun is goldenRun as SARIF receives it: with the finding an
// inline comment suppressed, marked.
func goldenSARIFRun() Run {
	run := goldenRun()
	for i := range run.Findings {
		if f := &run.Findings[i]; strings.Contains(f.Message, "(suppressed)") {
			f.Suppressed, f.Justification = true, "generated file"
		}
	}
	return run
}

func goldenInvocation() Invocation {
	return Invocation{
		ToolVersion:      "v1.2.3-4-gabcdef0",
		SemanticVersion:  "1.2.3",
		Category:         "contentlint",
		WorkingDirectory: "/repo",
		RepoRoot:         "/repo",
	}
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update and review the diff):\n%s", name, got)
	}
}

// sarifSchema compiles the official SARIF 2.1.0 schema once: the shared copy
// beside the repository when present, else the one committed in testdata.
var sarifSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	path := filepath.Join("..", "..", "..", "shared", "spec", "sarif-schema-2.1.0.json")
	if _, err := os.Stat(path); err != nil {
		path = filepath.Join("testdata", "sarif-schema-2.1.0.json")
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft4
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	const url = "file:///sarif-schema-2.1.0.json"
	if err := c.AddResource(url, f); err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return c.Compile(url)
})

// validateSARIF fails the test unless doc is valid SARIF 2.1.0.
func validateSARIF(t *testing.T, doc []byte) {
	t.Helper()
	if err := checkSARIFSchema(doc); err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
}

func checkSARIFSchema(doc []byte) error {
	sch, err := sarifSchema()
	if err != nil {
		return fmt.Errorf("compile SARIF schema: %w", err)
	}
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return fmt.Errorf("SARIF output is not JSON: %w", err)
	}
	if err := sch.Validate(v); err != nil {
		return fmt.Errorf("SARIF output does not match the schema: %#v", err)
	}
	return nil
}

// TestSARIFSchemaRejects makes sure the validation is not vacuous.
func TestSARIFSchemaRejects(t *testing.T) {
	doc, _ := writeSARIF(t, goldenSARIFRun(), SARIF{})
	for _, bad := range []struct{ from, to string }{
		{`"startLine": 3,`, `"startLine": 0,`},
		{`"level": "warning",`, `"level": "warn",`},
		{`"version": "2.1.0"`, `"version": "2.0.0"`},
		{`"uri": "content/100%25%23%3F.md"`, `"uri": "content\\100.md"`},
	} {
		broken := bytes.Replace(doc, []byte(bad.from), []byte(bad.to), 1)
		if bytes.Equal(broken, doc) {
			t.Fatalf("fixture lacks %s", bad.from)
		}
		if checkSARIFSchema(broken) == nil {
			t.Errorf("schema accepted %s", bad.to)
		}
	}
}

// writeSARIF runs SARIF and validates its output; every test uses it.
func writeSARIF(t *testing.T, run Run, s SARIF) ([]byte, sarifLog) {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Report(&buf, run); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("got %d runs, want 1", len(log.Runs))
	}
	return buf.Bytes(), log
}

func TestSARIFGolden(t *testing.T) {
	doc, log := writeSARIF(t, goldenSARIFRun(), SARIF{})
	checkGolden(t, "golden.sarif", doc)

	run := log.Runs[0]
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	if got, want := strings.Join(ids, " "), "demo-error demo-warning demo-note mystery-rule"; got != want {
		t.Errorf("driver.rules = %s, want %s (fired rules in catalogue order, unknown ids last)", got, want)
	}
	for _, res := range run.Results {
		if got := run.Tool.Driver.Rules[res.RuleIndex].ID; got != res.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is %s", res.RuleID, res.RuleIndex, got)
		}
	}
}

func TestSARIFEmpty(t *testing.T) {
	doc, log := writeSARIF(t, Run{Catalogue: lint.DefaultCatalogue()}, SARIF{})
	if !bytes.Contains(doc, []byte(`"results": []`)) {
		t.Errorf(`empty run lacks "results": []:\n%s`, doc)
	}
	if !bytes.Contains(doc, []byte(`"rules": []`)) {
		t.Errorf(`empty run lacks "rules": []:\n%s`, doc)
	}
	if !log.Runs[0].Invocations[0].ExecutionSuccessful {
		t.Error("executionSuccessful = false, want true")
	}
}

// TestSARIFEveryRule fires every rule of the real catalogue once, so that
// each rule's metadata passes the schema and GitHub's limits.
func TestSARIFEveryRule(t *testing.T) {
	cat := lint.DefaultCatalogue()
	var fs []lint.Finding
	for i, r := range cat.Rules() {
		sev := r.Severity
		if sev == lint.SeverityOff {
			sev = lint.SeverityNote
		}
		fs = append(fs, finding("content/entry.md", sev, r, i+1, 1, i+1, 5, r.Title, "", "line"))
	}
	_, log := writeSARIF(t, Run{Findings: fs, Files: 1, Catalogue: cat, Invocation: Invocation{RepoRoot: "/repo"}}, SARIF{})
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(cat.Rules()) {
		t.Fatalf("driver.rules has %d rules, want %d", len(run.Tool.Driver.Rules), len(cat.Rules()))
	}
	for i, d := range run.Tool.Driver.Rules {
		r := cat.Rules()[i]
		if d.ID != r.ID {
			t.Errorf("rules[%d].id = %s, want %s (catalogue order)", i, d.ID, r.ID)
		}
		if d.Name == "" || strings.Contains(d.Name, "-") {
			t.Errorf("%s: name %q is not PascalCase", r.ID, d.Name)
		}
		if n := utf8.RuneCountInString(d.ShortDescription.Text); n == 0 || n > maxDescription {
			t.Errorf("%s: shortDescription has %d characters", r.ID, n)
		}
		if n := utf8.RuneCountInString(d.FullDescription.Text); n == 0 || n > maxDescription {
			t.Errorf("%s: fullDescription has %d characters", r.ID, n)
		}
		if want := DefaultInformationURI + "/blob/main/docs/rules.md#" + r.ID; d.HelpURI != want {
			t.Errorf("%s: helpUri = %s, want %s", r.ID, d.HelpURI, want)
		}
		// SARIF §3.58.6: error, warning and note as they are; a rule off by
		// default is level "none".
		want := map[lint.Severity]string{lint.SeverityError: "error", lint.SeverityWarning: "warning", lint.SeverityNote: "note", lint.SeverityOff: "none"}[r.Severity]
		if d.DefaultConfiguration.Level != want {
			t.Errorf("%s: defaultConfiguration.level = %s, want %s", r.ID, d.DefaultConfiguration.Level, want)
		}
		if d.Properties == nil || !contains(d.Properties.Tags, r.Family) {
			t.Errorf("%s: tags lack the family %q", r.ID, r.Family)
		}
	}
	for i, res := range run.Results {
		if res.RuleIndex != i {
			t.Errorf("result %d (%s) has ruleIndex %d", i, res.RuleID, res.RuleIndex)
		}
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestSARIFLongDescriptions(t *testing.T) {
	long := strings.Repeat("é", 3000)
	r := &lint.Rule{ID: "long-rule", Family: "long", Title: long, Doc: long, Severity: lint.SeverityWarning}
	cat := lint.NewCatalogue(lint.Check{Rules: []*lint.Rule{r}})
	fs := []lint.Finding{finding("a.md", lint.SeverityWarning, r, 1, 1, 1, 2, "m", "", "x")}
	_, log := writeSARIF(t, Run{Findings: fs, Catalogue: cat}, SARIF{})
	d := log.Runs[0].Tool.Driver.Rules[0]
	for name, s := range map[string]string{"shortDescription": d.ShortDescription.Text, "fullDescription": d.FullDescription.Text} {
		if n := utf8.RuneCountInString(s); n != maxDescription {
			t.Errorf("%s has %d characters, want %d", name, n, maxDescription)
		}
	}
}

func TestSARIFTruncation(t *testing.T) {
	fs := []lint.Finding{
		finding("a.md", lint.SeverityNote, rule("n"), 1, 1, 1, 2, "note 1", "", "1"),
		finding("a.md", lint.SeverityWarning, rule("w"), 2, 1, 2, 2, "warning 1", "", "2"),
		finding("a.md", lint.SeverityError, rule("e"), 3, 1, 3, 2, "error 1", "", "3"),
		finding("b.md", lint.SeverityWarning, rule("w"), 1, 1, 1, 2, "warning 2", "", "4"),
		finding("b.md", lint.SeverityError, rule("e"), 2, 1, 2, 2, "error 2", "", "5"),
	}
	var warn bytes.Buffer
	_, log := writeSARIF(t, Run{Findings: fs, Files: 2, Invocation: Invocation{Warn: &warn}}, SARIF{MaxResults: 3})
	run := log.Runs[0]
	var got []string
	for _, r := range run.Results {
		got = append(got, r.Message.Text)
	}
	if want := "error 1,error 2,warning 1"; strings.Join(got, ",") != want {
		t.Errorf("kept %q, want %s", got, want)
	}
	if run.Properties == nil || !run.Properties.Truncated || run.Properties.TotalResults != 5 {
		t.Errorf("run.properties = %+v, want truncated with totalResults 5", run.Properties)
	}
	if !strings.Contains(warn.String(), "3 most severe of 5") || !strings.Contains(warn.String(), "dropped: 1 warning (w 1), 1 note (n 1)") {
		t.Errorf("warning = %q", warn.String())
	}
	if d := run.Properties.Dropped; len(d) != 2 || d["w"] != 1 || d["n"] != 1 {
		t.Errorf("droppedResults = %v, want w 1, n 1", d)
	}
	// Fingerprints are those of the full report, not of the kept slice.
	full := Fingerprints(fs)
	if run.Results[0].PartialFingerprints.Contentlint != full[2] {
		t.Error("truncation changed a fingerprint")
	}

	// Under the limit: no properties, no warning.
	warn.Reset()
	_, log = writeSARIF(t, Run{Findings: fs, Invocation: Invocation{Warn: &warn}}, SARIF{MaxResults: 5})
	if log.Runs[0].Properties != nil || warn.Len() != 0 || len(log.Runs[0].Results) != 5 {
		t.Errorf("at the limit: properties %+v, warning %q, %d results", log.Runs[0].Properties, warn.String(), len(log.Runs[0].Results))
	}
}

func TestSARIFSuppressed(t *testing.T) {
	fs := []lint.Finding{
		finding("a.md", lint.SeverityError, rule("e"), 1, 1, 1, 2, "kept", "", "1"),
		finding("a.md", lint.SeverityError, rule("e"), 2, 1, 2, 2, "quiet", "", "2"),
	}
	fs[1].Suppressed, fs[1].Justification = true, "known false positive"
	_, log := writeSARIF(t, Run{Findings: fs}, SARIF{})
	res := log.Runs[0].Results
	if res[0].Suppressions == nil || len(res[0].Suppressions) != 0 {
		t.Errorf("unsuppressed result has suppressions %+v, want []", res[0].Suppressions)
	}
	if want := []sarifSuppression{{Kind: "inSource", Justification: "known false positive"}}; len(res[1].Suppressions) != 1 || res[1].Suppressions[0] != want[0] {
		t.Errorf("suppressions = %+v, want %+v", res[1].Suppressions, want)
	}
}

func TestSARIFCategory(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"contentlint", "contentlint/"},
		{"content/entries/", "content/entries/"},
	} {
		_, log := writeSARIF(t, Run{Invocation: Invocation{Category: tc.in}}, SARIF{})
		if ad := log.Runs[0].AutomationDetails; ad == nil || ad.ID != tc.want {
			t.Errorf("category %q: automationDetails = %+v, want id %q", tc.in, ad, tc.want)
		}
	}
	_, log := writeSARIF(t, Run{}, SARIF{})
	if log.Runs[0].AutomationDetails != nil {
		t.Error("automationDetails set without a category")
	}
}

// TestFingerprintStable: code scanning matches alerts across commits by
// their fingerprints, so ours must not depend on line numbers, nor on
// anything but the finding's identity.
func TestFingerprintStable(t *testing.T) {
	base := []lint.Finding{
		finding("a.md", lint.SeverityError, rule("schema-type"), 3, 11, 3, 16, "m", "featured", `featured: "yes"`),
		finding("a.md", lint.SeverityError, rule("schema-format"), 5, 10, 5, 13, "m", "website", `website: "x"`),
	}
	// Lines inserted above and other indentation: every finding moves.
	moved := []lint.Finding{
		finding("a.md", lint.SeverityError, rule("schema-type"), 13, 13, 13, 18, "m", "featured", `  featured: "yes"  `),
		finding("a.md", lint.SeverityError, rule("schema-format"), 25, 10, 25, 13, "m", "website", `website: "x"`),
	}
	a, b := Fingerprints(base), Fingerprints(moved)
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("finding %d: fingerprint changed when lines moved: %s → %s", i, a[i], b[i])
		}
	}
	if !strings.HasSuffix(a[0], ":1") {
		t.Errorf("fingerprint %s lacks the occurrence suffix :1", a[0])
	}

	changed := slicesCloneFindings(base)
	changed[0].SourceLine = `featured: "no!"`
	if c := Fingerprints(changed); c[0] == a[0] {
		t.Error("fingerprint unchanged when the offending value changed")
	} else if c[1] != a[1] {
		t.Error("changing one value changed another finding's fingerprint")
	}

	otherRule := slicesCloneFindings(base)
	otherRule[0].Rule = rule("schema-enum")
	if c := Fingerprints(otherRule); c[0] == a[0] {
		t.Error("fingerprint unchanged for another rule on the same value")
	}

	// The same identity twice in a file: told apart by occurrence.
	twice := []lint.Finding{base[0], base[0]}
	twice[1].Span.Start.Line = 9
	h := Fingerprints(twice)
	if h[0] == h[1] || !strings.HasSuffix(h[1], ":2") {
		t.Errorf("repeated identity fingerprints %s and %s, want distinct with :2", h[0], h[1])
	}
	// ... but not across files.
	twice[1].Path = "b.md"
	if h := Fingerprints(twice); h[0] != h[1] {
		t.Errorf("occurrence counted across files: %s and %s", h[0], h[1])
	}
}

// TestSARIFFingerprintKey: our fingerprint goes under our own key, never
// GitHub's primaryLocationLineHash, which the upload action computes and
// warns about when a result brings a different one.
func TestSARIFFingerprintKey(t *testing.T) {
	doc, _ := writeSARIF(t, goldenSARIFRun(), SARIF{})
	var raw struct {
		Runs []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(doc, &raw); err != nil {
		t.Fatal(err)
	}
	for i, r := range raw.Runs[0].Results {
		if len(r.PartialFingerprints) != 1 || r.PartialFingerprints[FingerprintKey] == "" {
			t.Errorf("result %d: partialFingerprints = %v, want only %q", i, r.PartialFingerprints, FingerprintKey)
		}
	}
	if bytes.Contains(doc, []byte("primaryLocationLineHash")) {
		t.Error("the SARIF names primaryLocationLineHash, GitHub's own key")
	}
}

func slicesCloneFindings(fs []lint.Finding) []lint.Finding { return append([]lint.Finding(nil), fs...) }

func TestSARIFLevel(t *testing.T) {
	for sev, want := range map[lint.Severity]string{
		lint.SeverityError:   "error",
		lint.SeverityWarning: "warning",
		lint.SeverityNote:    "note",
		lint.SeverityOff:     "none",
	} {
		if got := sarifLevel(sev); got != want {
			t.Errorf("sarifLevel(%s) = %q, want %q", sev, got, want)
		}
	}
}

// TestEscapePath: RFC 3986 §3.3 allows unreserved characters, sub-delims,
// ":" and "@" in a path segment; everything else is percent-encoded (§2.1,
// uppercase hex), non-ASCII as its UTF-8 bytes (§2.5).
func TestEscapePath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"content/entry.md", "content/entry.md"},
		// The ends of each letter and digit range stay as they are.
		{"azAZ09/zz-ZZ-99.md", "azAZ09/zz-ZZ-99.md"},
		{"a b.md", "a%20b.md"},
		{"Café/ünï.md", "Caf%C3%A9/%C3%BCn%C3%AF.md"},
		{"100%.md", "100%25.md"},
		{"a#b.md", "a%23b.md"},
		{"what?.md", "what%3F.md"},
		{"c:d.md", "c%3Ad.md"}, // would read as a scheme
		{`back\slash.md`, "back%5Cslash.md"},
		{"[x]{y}^|`\"<>.md", "%5Bx%5D%7By%7D%5E%7C%60%22%3C%3E.md"},
		{"keep-._~!$&'()*+,;=@.md", "keep-._~!$&'()*+,;=@.md"},
		{"日本.md", "%E6%97%A5%E6%9C%AC.md"},
	} {
		if got := escapePath(tc.in, false); got != tc.want {
			t.Errorf("escapePath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestArtifactLocation(t *testing.T) {
	for _, tc := range []struct {
		path, root, wd string
		want           sarifArtifactLoc
	}{
		{"content/a b.md", "/repo", "/repo", sarifArtifactLoc{"content/a%20b.md", srcRoot}},
		{"a.md", "/repo", "/repo/content", sarifArtifactLoc{"content/a.md", srcRoot}},
		{"../a.md", "/repo", "/repo/content", sarifArtifactLoc{"a.md", srcRoot}},
		{"./content//a.md", "/repo", "", sarifArtifactLoc{"content/a.md", srcRoot}},
		{"/repo/content/é.md", "/repo", "/tmp", sarifArtifactLoc{"content/%C3%A9.md", srcRoot}},
		{"/repository/a.md", "/repo", "/repo", sarifArtifactLoc{"file:///repository/a.md", ""}},
		{"/other/a#1.md", "/repo", "/repo", sarifArtifactLoc{"file:///other/a%231.md", ""}},
		{"content/a.md", "", "", sarifArtifactLoc{"content/a.md", srcRoot}},
		{"<stdin>", "/repo", "/repo", sarifArtifactLoc{"%3Cstdin%3E", ""}},
		{"/", "/", "/", sarifArtifactLoc{"file:///", ""}},
		{"/a.md", "/", "/", sarifArtifactLoc{"a.md", srcRoot}},
		{"/repo/a.md", "/repo/", "", sarifArtifactLoc{"a.md", srcRoot}},
		{"/REPO/a.md", "/repo", "", sarifArtifactLoc{"file:///REPO/a.md", ""}},
		// Windows paths, in the slash form filepath.ToSlash gives them there.
		{"content/a.md", "C:/src/repo", "C:/src/repo", sarifArtifactLoc{"content/a.md", srcRoot}},
		{"c:/SRC/repo/a.md", "C:/src/repo", "", sarifArtifactLoc{"a.md", srcRoot}},
		{"D:/other/a.md", "C:/src/repo", "", sarifArtifactLoc{"file:///D:/other/a.md", ""}},
		{"//server/share/a.md", "C:/src/repo", "", sarifArtifactLoc{"file://server/share/a.md", ""}},
	} {
		if got := artifactLocation(tc.path, tc.root, tc.wd); got != tc.want {
			t.Errorf("artifactLocation(%q, %q, %q) = %+v, want %+v", tc.path, tc.root, tc.wd, got, tc.want)
		}
	}
}

func TestSARIFBaseURIs(t *testing.T) {
	_, log := writeSARIF(t, Run{Invocation: Invocation{RepoRoot: "/home/ci/my repo", WorkingDirectory: "/home/ci/my repo/sub"}}, SARIF{})
	run := log.Runs[0]
	if got, want := run.OriginalURIBaseIDs.SrcRoot.URI, "file:///home/ci/my%20repo/"; got != want {
		t.Errorf("%%SRCROOT%% = %s, want %s", got, want)
	}
	if wd := run.Invocations[0].WorkingDirectory; wd == nil || wd.URI != "file:///home/ci/my%20repo/sub/" {
		t.Errorf("workingDirectory = %+v", wd)
	}
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
}

func TestRegion(t *testing.T) {
	for _, tc := range []struct {
		name                       string
		line, col, endLine, endCol int
		want                       region
	}{
		{"ordinary", 3, 5, 3, 9, region{3, 5, 3, 9}},
		{"multi-line", 3, 5, 6, 1, region{3, 5, 6, 1}},
		{"empty span", 4, 7, 4, 7, region{4, 7, 4, 8}},
		{"reversed", 4, 7, 4, 2, region{4, 7, 4, 8}},
		{"unset end", 4, 7, 0, 0, region{4, 7, 4, 8}},
		{"zero everything", 0, 0, 0, 0, region{1, 1, 1, 2}},
		{"end before start line", 5, 2, 3, 9, region{5, 2, 5, 3}},
	} {
		f := finding("a.md", lint.SeverityError, rule("r"), tc.line, tc.col, tc.endLine, tc.endCol, "m", "", "")
		if got := regionOf(f.Span); got != tc.want {
			t.Errorf("%s: regionOf = %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestPascalCase(t *testing.T) {
	for in, want := range map[string]string{
		"schema-type":          "SchemaType",
		"schema-unknown-field": "SchemaUnknownField",
		"url":                  "Url",
		"social-twitter":       "SocialTwitter",
	} {
		if got := pascalCase(in); got != want {
			t.Errorf("pascalCase(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSARIFSchemaCopy keeps the committed fallback schema equal to the shared one.
func TestSARIFSchemaCopy(t *testing.T) {
	shared, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "spec", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Skipf("no shared schema beside the repository: %v", err)
	}
	local, err := os.ReadFile(filepath.Join("testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shared, local) {
		t.Error("testdata/sarif-schema-2.1.0.json differs from shared/spec; copy it again")
	}
}
