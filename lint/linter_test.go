package lint_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
)

// ruleIDs lists the findings' rule ids.
func ruleIDs(findings []lint.Finding) []string {
	var out []string
	for _, f := range findings {
		out = append(out, f.Rule.ID)
	}
	return out
}

// TestPanickingCheck: a panic inside a check becomes an internal-error
// finding naming the check's rules, and every other check still runs.
func TestPanickingCheck(t *testing.T) {
	_, cfg := builtin(t)
	boom := &lint.Rule{ID: "boom", Family: "test", Severity: lint.SeverityError}
	after := &lint.Rule{ID: "after", Family: "test", Severity: lint.SeverityWarning}
	cat := lint.NewCatalogue(
		lint.Check{Rules: []*lint.Rule{boom}, Run: func(*lint.Pass) { panic("kaboom") }},
		lint.Check{Rules: []*lint.Rule{after}, Run: func(p *lint.Pass) {
			p.Report(after, p.Entry.Lines.LineSpan(1), "still ran")
		}},
	)
	l := lint.NewLinter(cat, cfg, nil, 0)
	findings := l.LintSource("x.md", []byte("---\ntitle: x\n---\nBody\n"), nil)
	for _, f := range findings {
		if f.Rule.ID == "internal-error" && (!strings.Contains(f.Message, "the check for boom failed: kaboom") || f.Severity != lint.SeverityError) {
			t.Errorf("internal-error finding: %+v", f)
		}
	}
	if got := strings.Join(ruleIDs(findings), ","); got != "after,internal-error" {
		t.Fatalf("findings %v, want after and internal-error", got)
	}
}

// TestUndeclaredRule: a check that reports a rule it does not declare is a
// bug, reported as an internal error rather than as that rule.
func TestUndeclaredRule(t *testing.T) {
	_, cfg := builtin(t)
	mine := &lint.Rule{ID: "mine", Family: "test", Severity: lint.SeverityError}
	other := &lint.Rule{ID: "other", Family: "test", Severity: lint.SeverityError}
	cat := lint.NewCatalogue(
		lint.Check{Rules: []*lint.Rule{mine}, Run: func(p *lint.Pass) {
			p.Report(other, p.Entry.Lines.LineSpan(1), "not mine to report")
		}},
		lint.Check{Rules: []*lint.Rule{other}},
	)
	findings := lint.NewLinter(cat, cfg, nil, 0).LintSource("x.md", []byte("---\ntitle: x\n---\nBody\n"), nil)
	if len(findings) != 1 || findings[0].Rule.ID != "internal-error" ||
		!strings.Contains(findings[0].Message, "the check for mine failed: a check reported rule other, which it does not declare") {
		t.Fatalf("findings %+v, want one internal-error naming the undeclared rule", findings)
	}
}

// TestCatalogueDuplicateID: two rules with one id cannot make a catalogue.
func TestCatalogueDuplicateID(t *testing.T) {
	defer func() {
		if v := recover(); v == nil || !strings.Contains(v.(string), "duplicate rule id twice") {
			t.Errorf("NewCatalogue with a duplicate id: panic %v", v)
		}
	}()
	lint.NewCatalogue(
		lint.Check{Rules: []*lint.Rule{{ID: "twice", Family: "a"}}},
		lint.Check{Rules: []*lint.Rule{{ID: "twice", Family: "b"}}},
	)
}

// TestSeverities: a collection's setting for the id wins, then for the
// family, then the configuration's, then the rule's default; "off" drops
// the finding.
func TestSeverities(t *testing.T) {
	cat := lint.DefaultCatalogue()
	r := cat.Rule("image-alt")
	coll := &lint.Collection{Severities: lint.Severities{"image": lint.SeverityNote}}
	cfg := &lint.Config{Severities: lint.Severities{"image-alt": lint.SeverityError}}
	for _, tc := range []struct {
		cfg  lint.Severities
		coll lint.Severities
		want lint.Severity
	}{
		{nil, nil, lint.SeverityWarning},
		{lint.Severities{"image": lint.SeverityError}, nil, lint.SeverityError},
		{lint.Severities{"image": lint.SeverityError, "image-alt": lint.SeverityNote}, nil, lint.SeverityNote},
		{cfg.Severities, coll.Severities, lint.SeverityNote},
		{cfg.Severities, lint.Severities{"image-alt": lint.SeverityOff, "image": lint.SeverityError}, lint.SeverityOff},
	} {
		c := &lint.Config{Severities: tc.cfg}
		if got := c.Severity(r, &lint.Collection{Severities: tc.coll}); got != tc.want {
			t.Errorf("Severity with configuration %v and collection %v = %v, want %v", tc.cfg, tc.coll, got, tc.want)
		}
	}
	off := &lint.Config{Severities: lint.Severities{"image-alt": lint.SeverityOff}}
	src := []byte("---\ntitle: x\n---\n![](a.png)\n")
	if got := lint.NewLinter(cat, off, nil, 0).LintSource("x.md", src, &lint.Collection{}); len(got) != 0 {
		t.Errorf("a rule set off still reports: %v", ruleIDs(got))
	}
	if got := lint.NewLinter(cat, &lint.Config{}, nil, 0).LintSource("x.md", src, &lint.Collection{}); !slices.Equal(ruleIDs(got), []string{"image-alt"}) {
		t.Errorf("findings %v, want image-alt", ruleIDs(got))
	}
}

// TestRun covers the driver's own work: standard input named by a path is
// that file (skipped like it when no collection claims it), files no
// collection claims listed as skipped, sorted findings named as the caller
// says, and usage errors for paths that do not exist.
func TestRun(t *testing.T) {
	cat := lint.DefaultCatalogue()
	cfg := &lint.Config{Dir: ".", Collections: []*lint.Collection{
		{Name: "entries", Include: []string{"content/**/*.md"}, FrontMatterRequired: true},
	}}
	fsys := fstest.MapFS{
		"content/b.md":  {Data: []byte("no front matter\n")},
		"content/a.md":  {Data: []byte("---\ntitle: a\n---\n![](https://glasgowopendata.org/x.png)\n")},
		"notes/todo.md": {Data: []byte("anything\n")},
	}
	var skipped []string
	res, err := lint.Run(context.Background(), lint.Options{
		FS: fsys, Paths: []string{".", "-"}, Stdin: strings.NewReader("no front matter either\n"), StdinName: "notes/stdin.md",
		Config: cfg, Catalogue: cat, Jobs: 3,
		Name:    func(p string) string { return "./" + p },
		Skipped: func(p, reason string) { skipped = append(skipped, p) },
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Path+" "+f.Rule.ID)
	}
	want := []string{"./content/a.md image-alt", "./content/b.md frontmatter-missing"}
	if !slices.Equal(got, want) {
		t.Errorf("findings %q, want %q", got, want)
	}
	if res.Files != 2 || !slices.Equal(res.Skipped, []string{"./notes/stdin.md", "./notes/todo.md"}) {
		t.Errorf("linted %d files and skipped %q, want 2 and ./notes/stdin.md, ./notes/todo.md", res.Files, res.Skipped)
	}
	if len(skipped) != 0 {
		t.Errorf("Skipped was told of %q; a file no collection claims is in Result.Skipped only", skipped)
	}

	for _, tc := range []struct {
		paths []string
		want  string
	}{
		{[]string{"content/c.md"}, "content/c.md: no such file or directory"},
		{[]string{"content/**/*.txt"}, "content/**/*.txt: the pattern matches no files"},
		{[]string{"-", "-"}, "\"-\" is named 2 times; standard input can be read once"},
	} {
		_, err := lint.Run(context.Background(), lint.Options{FS: fsys, Paths: tc.paths, Stdin: strings.NewReader(""), Config: cfg, Catalogue: cat})
		if err == nil || err.Error() != tc.want {
			t.Errorf("Run(%q): error %v, want %q", tc.paths, err, tc.want)
		}
	}
}

// TestResultFilters: Visible drops suppressed findings (unless kept, for
// SARIF) and, when quiet, all but errors; Failed counts only unsuppressed
// findings.
func TestResultFilters(t *testing.T) {
	cat := lint.DefaultCatalogue()
	f := func(id string, sev lint.Severity, suppressed bool) lint.Finding {
		return lint.Finding{Severity: sev, Diagnostic: lint.Diagnostic{Rule: cat.Rule(id)}, Suppressed: suppressed}
	}
	res := &lint.Result{Findings: []lint.Finding{
		f("schema-type", lint.SeverityError, false),
		f("image-alt", lint.SeverityWarning, false),
		f("image-alt", lint.SeverityWarning, false),
		f("link-url", lint.SeverityError, true),
	}}
	count := func(fs []lint.Finding) int { return len(fs) }
	if n := count(res.Visible(false, false)); n != 3 {
		t.Errorf("Visible(false, false): %d findings, want 3", n)
	}
	if n := count(res.Visible(true, false)); n != 1 {
		t.Errorf("Visible(quiet): %d findings, want the one error", n)
	}
	if n := count(res.Visible(true, true)); n != 2 {
		t.Errorf("Visible(quiet, keep suppressed): %d findings, want the error and the suppressed one", n)
	}
	for _, tc := range []struct {
		failOn      lint.Severity
		maxWarnings int
		want        bool
		reason      string
	}{
		{lint.SeverityError, -1, true, ""},
		{lint.SeverityOff, -1, false, ""},
		{lint.SeverityOff, 1, true, "2 warnings, more than --max-warnings 1"},
		{lint.SeverityOff, 2, false, ""},
	} {
		if failed, reason := res.Failed(tc.failOn, tc.maxWarnings); failed != tc.want || reason != tc.reason {
			t.Errorf("Failed(%v, %d) = %v, %q; want %v, %q", tc.failOn, tc.maxWarnings, failed, reason, tc.want, tc.reason)
		}
	}
	clean := &lint.Result{Findings: []lint.Finding{f("link-url", lint.SeverityError, true)}}
	if failed, _ := clean.Failed(lint.SeverityNote, 0); failed {
		t.Errorf("a suppressed error fails the run")
	}
}

// TestWarningCount: --max-warnings's reason counts in words that agree.
func TestWarningCount(t *testing.T) {
	r := &lint.Result{Findings: []lint.Finding{{Severity: lint.SeverityWarning}}}
	if failed, reason := r.Failed(lint.SeverityError, 0); !failed || reason != "1 warning, more than --max-warnings 0" {
		t.Errorf("Failed = %v, %q", failed, reason)
	}
	r.Findings = append(r.Findings, lint.Finding{Severity: lint.SeverityWarning})
	if _, reason := r.Failed(lint.SeverityError, 1); reason != "2 warnings, more than --max-warnings 1" {
		t.Errorf("reason %q", reason)
	}
}
