package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// SuppressionRules report problems with the inline suppression comments themselves.
var SuppressionRules = []*Rule{
	{
		ID: "unused-suppression", Family: "suppression", Severity: SeverityWarning,
		Title: "A suppression comment silences nothing",
		Doc:   "A `contentlint-disable` comment whose rule no longer fires on the lines it covers. Remove it, so that it cannot hide a future problem.",
		Bad:   "<!-- contentlint-disable-next-line link-url -->\n[A fine link](https://glasgowopendata.org)",
		Good:  "[A fine link](https://glasgowopendata.org)",
		Tags:  []string{"maintenance"},
	},
	{
		ID: "suppression-invalid", Family: "suppression", Severity: SeverityError,
		Title: "A suppression comment does not name a known rule",
		Doc:   "Every suppression must name the rule ids or families it silences, so that a justified exception silences only itself: `<!-- contentlint-disable-next-line link-url -- the site blocks robots -->`. Text after `--` is the justification, kept in SARIF output.",
		Bad:   "<!-- contentlint-disable-next-line -->",
		Good:  "<!-- contentlint-disable-next-line link-url -- the site blocks robots -->",
		Tags:  []string{"maintenance"},
	},
}

// directive is one suppression comment.
type directive struct {
	kind          string // disable, enable, disable-next-line, disable-file, disable-line
	rules         []string
	justification string
	span          Span
	used          bool
}

var (
	htmlDirective = regexp.MustCompile(`<!--\s*contentlint-(disable-next-line|disable-file|disable|enable)\b([\s\S]*?)-->`)
	yamlDirective = regexp.MustCompile(`#\s*contentlint-(disable-line)\b(.*)$`)
)

// parseDirective splits "rule-a, rule-b -- why" into rule names and a justification.
func parseDirective(kind, rest string, span Span) *directive {
	d := &directive{kind: kind, span: span}
	if i := strings.Index(rest, "--"); i >= 0 {
		d.justification = strings.TrimSpace(rest[i+2:])
		rest = rest[:i]
	}
	d.rules = strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
	return d
}

// directives finds the suppression comments of an entry: HTML comments in
// the body (never inside code) and trailing comments in YAML front matter.
func directives(e *Entry) []*directive {
	var out []*directive
	if e.Format == FormatYAML && !e.Close.IsZero() {
		for line := e.Open.Start.Line + 1; line < e.Close.Start.Line; line++ {
			text := e.Lines.LineText(line)
			if m := yamlDirective.FindSubmatchIndex(text); m != nil {
				start := e.Lines.LineStart(line)
				out = append(out, parseDirective(string(text[m[2]:m[3]]), string(text[m[4]:m[5]]), e.Lines.Span(start+m[0], start+m[1])))
			}
		}
	}
	if e.Body == nil {
		return out
	}
	body := e.BodySource()
	scan := func(start, stop int) {
		if start < 0 || stop > len(body) || start >= stop {
			return
		}
		chunk := body[start:stop]
		for _, m := range htmlDirective.FindAllSubmatchIndex(chunk, -1) {
			span := e.BodySpan(start+m[0], start+m[1])
			out = append(out, parseDirective(string(chunk[m[2]:m[3]]), string(chunk[m[4]:m[5]]), span))
		}
	}
	walkNodes(e.Body, func(n ast.Node, entering bool) ast.WalkStatus {
		if !entering {
			return ast.WalkContinue
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			lines := n.Lines()
			if lines.Len() > 0 {
				stop := lines.At(lines.Len() - 1).Stop
				if n.HasClosure() {
					stop = n.ClosureLine.Stop
				}
				scan(lines.At(0).Start, stop)
			}
			return ast.WalkSkipChildren
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				scan(n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop)
			}
		}
		return ast.WalkContinue
	})
	return out
}

// applySuppressions marks the findings that a directive silences and
// reports directives that are invalid or silence nothing.
func (l *Linter) applySuppressions(e *Entry, findings []Finding, c *Collection) []Finding {
	ds := directives(e)
	if len(ds) == 0 {
		return findings
	}
	var extra []Finding
	report := func(rule string, span Span, format string, args ...any) {
		r := l.Catalogue.Rule(rule)
		if sev := l.Severity(r, c); sev != SeverityOff {
			f := Finding{Path: e.Path, Severity: sev, Diagnostic: Diagnostic{Rule: rule, Span: span}}
			f.Message = fmt.Sprintf(format, args...)
			f.SourceLine = string(e.Lines.LineText(span.Start.Line))
			extra = append(extra, f)
		}
	}
	valid := ds[:0:0]
	for _, d := range ds {
		if len(d.rules) == 0 {
			report("suppression-invalid", d.span, "contentlint-%s names no rule; name the rule ids it silences, e.g. <!-- contentlint-%s link-url -->", d.kind, d.kind)
			continue
		}
		ok := true
		for _, name := range d.rules {
			if !l.Catalogue.Known(name) {
				report("suppression-invalid", d.span, "contentlint-%s names %q, which is not a rule id or family; \"contentlint rules\" lists them", d.kind, name)
				ok = false
			}
		}
		if ok {
			valid = append(valid, d)
		}
	}
	for i := range findings {
		f := &findings[i]
		if f.Rule == "internal-error" {
			continue
		}
		fam := f.Rule
		if r := l.Catalogue.Rule(f.Rule); r != nil {
			fam = r.Family
		}
		if d := suppressor(valid, f.Rule, fam, f.Span.Start.Line); d != nil {
			d.used = true
			f.Suppressed, f.Justification = true, d.justification
		}
	}
	for _, d := range valid {
		if !d.used && d.kind != "enable" {
			report("unused-suppression", d.span, "contentlint-%s %s silences nothing; remove it", d.kind, strings.Join(d.rules, ", "))
		}
	}
	return append(findings, extra...)
}

// suppressor returns the directive that silences f, if any. Directives are
// in source order, so a disable ... enable pair covers the lines between.
func suppressor(ds []*directive, rule, fam string, line int) *directive {
	names := func(d *directive) bool {
		for _, n := range d.rules {
			if n == rule || n == fam {
				return true
			}
		}
		return false
	}
	var open *directive
	for _, d := range ds {
		if !names(d) {
			continue
		}
		switch d.kind {
		case "disable-file":
			return d
		case "disable-line":
			if d.span.Start.Line == line {
				return d
			}
		case "disable-next-line":
			if d.span.End.Line+1 == line {
				return d
			}
		case "disable":
			if d.span.Start.Line <= line && open == nil {
				open = d
			}
		case "enable":
			if open != nil && d.span.Start.Line <= line {
				open = nil
			} else if open != nil {
				d.used = true
				return open
			}
		}
	}
	return open
}
