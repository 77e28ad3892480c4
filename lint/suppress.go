package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// The rules about the inline suppression comments themselves, reported by
// the linter when it applies them.
var (
	ruleUnusedSuppression = &Rule{
		ID: "unused-suppression", Family: "suppression", Severity: SeverityWarning,
		Title:  "A suppression comment silences nothing",
		Doc:    "A `contentlint-disable` comment whose rule no longer fires on the lines it covers. Remove it, so that it cannot hide a future problem. The finding points at the comment.",
		Config: exampleBare,
		Bad:    titled("<!-- contentlint-disable-next-line link-url -->\n[A fine link](https://glasgowopendata.org)\n"),
		Good:   titled("[A fine link](https://glasgowopendata.org)\n"),
		Tags:   []string{"maintenance"},
	}
	ruleSuppressionInvalid = &Rule{
		ID: "suppression-invalid", Family: "suppression", Severity: SeverityError,
		Title:  "A suppression comment does not name a known rule",
		Doc:    "Every suppression must name the rule ids or families it silences, so that a justified exception silences only itself: `<!-- contentlint-disable-next-line link-url -- the site blocks robots -->`. Text after `--` is the justification, kept in SARIF output. The finding points at the comment.",
		Config: exampleBare,
		Bad:    titled("<!-- contentlint-disable-next-line -->\nAbout the group.\n"),
		Good:   titled("<!-- contentlint-disable-next-line link-url -- the old address is quoted on purpose -->\n[Our charter](htps://glasgowopendata.org/charter)\n"),
		Tags:   []string{"maintenance"},
	}
)

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
	if e.Format == source.FormatYAML && !e.Close.IsZero() {
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
// reports directives that are invalid or silence nothing. Directives that
// name a cross-entry rule are returned instead of judged: what they
// silence is known only once the run's cross-entry checks finish.
func (l *Linter) applySuppressions(e *Entry, findings []Finding, c *Collection) ([]Finding, []keptDirective) {
	ds := directives(e)
	if len(ds) == 0 {
		return findings, nil
	}
	var extra []Finding
	report := func(r *Rule, span Span, format string, args ...any) {
		if sev := l.config.Severity(r, c); sev != SeverityOff {
			f := Finding{Path: e.Path, Severity: sev, Diagnostic: Diagnostic{Rule: r, Span: span}}
			if c != nil {
				f.Collection = c.Name
			}
			f.Message = fmt.Sprintf(format, args...)
			f.SourceLine = string(e.Lines.LineText(span.Start.Line))
			extra = append(extra, f)
		}
	}
	valid := ds[:0:0]
	for _, d := range ds {
		if len(d.rules) == 0 {
			report(ruleSuppressionInvalid, d.span, "contentlint-%s names no rule; name the rule ids it silences, e.g. <!-- contentlint-%s link-url -->", d.kind, d.kind)
			continue
		}
		ok := true
		for _, name := range d.rules {
			if !l.catalogue.Known(name) {
				report(ruleSuppressionInvalid, d.span, "contentlint-%s names %q, which is not a rule id or family; \"contentlint rules\" lists them", d.kind, name)
				ok = false
			}
		}
		if ok {
			valid = append(valid, d)
		}
	}
	for i := range findings {
		f := &findings[i]
		if f.Rule == ruleInternalError {
			continue
		}
		if d := suppressor(valid, f.Rule.ID, f.Rule.Family, f.Span.Start.Line); d != nil {
			d.used = true
			f.Suppressed, f.Justification = true, d.justification
		}
	}
	var cross []keptDirective
	for _, d := range valid {
		if l.catalogue.namesCross(d.rules) {
			cross = append(cross, keptDirective{d, string(e.Lines.LineText(d.span.Start.Line))})
			continue
		}
		if !d.used && d.kind != "enable" {
			report(ruleUnusedSuppression, d.span, "contentlint-%s %s silences nothing; remove it", d.kind, strings.Join(d.rules, ", "))
		}
	}
	return append(findings, extra...), cross
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
