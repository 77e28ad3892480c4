package lint

import (
	"fmt"
	"regexp"
	"strings"

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
		Title: "A suppression comment does not name a known rule",
		Doc: "Every suppression must name the rule ids or families it silences, so that a justified exception silences only itself: " +
			"`<!-- contentlint-disable-next-line link-url -- the site blocks robots -->`. Text after `--` is the justification, kept in SARIF output. " +
			"In YAML and TOML front matter a `#` comment does the same: `# contentlint-disable-line RULE` at the end of the line it silences, " +
			"`# contentlint-disable-next-line RULE` on the line before (and `disable`, `enable`, `disable-file`); a `#` inside a quoted value is data, not a comment. " +
			"`contentlint-disable-line` works only in front matter: in the body it is reported, naming the `disable-next-line` comment to write instead. " +
			"The finding points at the comment.",
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
	body          bool // an HTML comment in the body, not a front matter comment
}

var (
	htmlDirective = regexp.MustCompile(`<!--\s*contentlint-(disable-next-line|disable-line|disable-file|disable|enable)\b([\s\S]*?)-->`)
	// commentDirective is a YAML or TOML comment, found by source.Comments
	// so that a "#" inside a quoted value is never read as one.
	commentDirective = regexp.MustCompile(`^#\s*contentlint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$`)
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
// the body (never inside code) and comments in YAML or TOML front matter.
func directives(e *Entry) []*directive {
	var out []*directive
	if (e.Format == source.FormatYAML || e.Format == source.FormatTOML) && !e.Close.IsZero() {
		start, end := e.Lines.LineStart(e.Open.Start.Line+1), e.Lines.LineStart(e.Close.Start.Line)
		for _, c := range source.Comments(e.Src[start:end], e.Format) {
			text := e.Src[start+c[0] : start+c[1]]
			if m := commentDirective.FindSubmatchIndex(text); m != nil {
				span := e.Lines.Span(start+c[0], start+c[1])
				out = append(out, parseDirective(string(text[m[2]:m[3]]), string(text[m[4]:m[5]]), span))
			}
		}
	}
	if e.body == nil {
		return out
	}
	body := e.BodySource()
	for _, h := range e.body.html {
		if h.start < 0 || h.stop > len(body) || h.start >= h.stop {
			continue
		}
		chunk := body[h.start:h.stop]
		for _, m := range htmlDirective.FindAllSubmatchIndex(chunk, -1) {
			span := e.BodySpan(h.start+m[0], h.start+m[1])
			d := parseDirective(string(chunk[m[2]:m[3]]), string(chunk[m[4]:m[5]]), span)
			d.body = true
			out = append(out, d)
		}
	}
	return out
}

// applySuppressions marks the findings that a directive silences and
// reports directives that are invalid or silence nothing. unchecked are
// findings that could not be ruled out (online targets not checked): a
// directive covering one is not unused. Directives that name a cross-entry
// rule are returned instead of judged: what they silence is known only
// once the run's cross-entry checks finish.
func (l *Linter) applySuppressions(e *Entry, findings []Finding, c *Collection, unchecked []Diagnostic) ([]Finding, []keptDirective) {
	ds := entryDirectives(e)
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
		if d.body && d.kind == "disable-line" {
			names := strings.Join(d.rules, ", ")
			if names == "" {
				names = "RULE"
			}
			report(ruleSuppressionInvalid, d.span, "contentlint-disable-line works only on front matter lines, as a trailing \"# contentlint-disable-line %s\" comment; in the body, put <!-- contentlint-disable-next-line %s --> on the line before instead", names, names)
			continue
		}
		if len(d.rules) == 0 {
			example := fmt.Sprintf("<!-- contentlint-%s link-url -->", d.kind)
			if !d.body {
				example = fmt.Sprintf("# contentlint-%s url-insecure", d.kind)
			}
			report(ruleSuppressionInvalid, d.span, "contentlint-%s names no rule; name the rule ids it silences, e.g. %s", d.kind, example)
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
	for _, u := range unchecked {
		if d := suppressor(valid, u.Rule.ID, u.Rule.Family, u.Span.Start.Line); d != nil {
			d.used = true
		}
	}
	var cross []keptDirective
	for _, d := range valid {
		if l.catalogue.namesCross(d.rules) {
			cross = append(cross, keptDirective{d, string(e.Lines.LineText(d.span.Start.Line))})
			continue
		}
		if !d.used && d.kind != "enable" {
			report(ruleUnusedSuppression, d.span, "%s", d.unused())
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

// unused is the unused-suppression message for a directive that silenced
// nothing.
func (d *directive) unused() string {
	return fmt.Sprintf("contentlint-%s %s silences nothing; remove it", d.kind, strings.Join(d.rules, ", "))
}
