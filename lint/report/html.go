package report

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// HTML writes an audit report people open in a browser: one self-contained
// file (styles and script inline, no fetches, enforced by its Content
// Security Policy) with the totals by severity, rule and collection, a
// chart, the entries with the most findings, and a table of every finding
// with its source line, filtered by rule, severity and collection and
// searched by path or message. Everything taken from the entries is
// escaped by html/template; the script reads the table, never writes
// markup. Suppressed findings are listed too, hidden until asked for.
type HTML struct {
	// HelpBaseURI is the rules document rule ids link to; default
	// DefaultInformationURI + "/blob/main/docs/rules.md".
	HelpBaseURI string
}

// htmlTopEntries is how many entries the "most findings" table lists.
const htmlTopEntries = 10

type (
	htmlPage struct {
		Version     string
		Files       int
		Total       int // unsuppressed findings
		Counts      Counts
		CSP         string
		Severities  []htmlBar
		Rules       []htmlBar
		Collections []htmlBar
		Top         []htmlBar
		Findings    []htmlFinding
		Chart       htmlChart
	}
	// htmlBar is one row of a totals table: a label, its counts, and the
	// widths of its bar's parts, in percent of the largest total.
	htmlBar struct {
		Label, Title, Class, URL string
		Errors, Warnings, Notes  int
		Total                    int
		Percent                  float64
		ErrorW, WarningW, NoteW  float64
	}
	htmlFinding struct {
		Path, Location, Severity, Rule, RuleTitle, RuleURL, Collection, Message string
		Before, Mark, After                                                     string
		HasSource, Suppressed                                                   bool
		Justification                                                           string
		Search                                                                  string
		Related                                                                 []htmlRelated
	}
	htmlRelated struct{ Location, Message, Line string }
	// htmlChart is the bar chart of findings by rule, laid out for SVG.
	htmlChart struct {
		Height int
		Bars   []htmlChartBar
	}
	htmlChartBar struct {
		Y, TextY                 int
		Label                    string
		ErrorW, WarningW, NoteW  float64
		WarningX, NoteX, CountX  float64
		Total                    int
		Errors, Warnings, Notes  int
		HasError, HasWarn, HasNo bool
	}
)

// Report writes run as an HTML page.
func (h HTML) Report(w io.Writer, run Run) error {
	help := h.HelpBaseURI
	if help == "" {
		help = DefaultInformationURI + "/blob/main/docs/rules.md"
	}
	page := htmlPage{Version: run.Invocation.ToolVersion, Files: run.Files, Counts: Count(run.Findings), CSP: htmlCSP()}
	page.Total = page.Counts.Total()

	bySeverity := map[string]*htmlBar{}
	byRule := map[string]*htmlBar{}
	byCollection := map[string]*htmlBar{}
	byPath := map[string]*htmlBar{}
	tally := func(m map[string]*htmlBar, key string, f lint.Finding) *htmlBar {
		b := m[key]
		if b == nil {
			b = &htmlBar{Label: key}
			m[key] = b
		}
		switch f.Severity {
		case lint.SeverityError:
			b.Errors++
		case lint.SeverityWarning:
			b.Warnings++
		default:
			b.Notes++
		}
		b.Total++
		return b
	}
	for _, f := range run.Findings {
		hf := htmlFinding{
			Path:       filepath.ToSlash(f.Path),
			Location:   fmt.Sprintf("%s:%d:%d", filepath.ToSlash(f.Path), f.Span.Start.Line, f.Span.Start.Column),
			Severity:   f.Severity.String(),
			Rule:       f.Rule.ID,
			RuleTitle:  f.Rule.Title,
			RuleURL:    help + "#" + f.Rule.ID,
			Collection: cmp.Or(f.Collection, "(none)"),
			Message:    f.Message,
			Suppressed: f.Suppressed, Justification: f.Justification,
		}
		hf.Search = strings.ToLower(hf.Path + "\n" + f.Message)
		if f.SourceLine != "" {
			hf.HasSource = true
			hf.Before, hf.Mark, hf.After = splitSpan(f)
		}
		for _, r := range f.Related {
			hf.Related = append(hf.Related, htmlRelated{
				Location: fmt.Sprintf("%s:%d:%d", filepath.ToSlash(r.Path), r.Span.Start.Line, r.Span.Start.Column),
				Message:  r.Message, Line: r.SourceLine,
			})
		}
		page.Findings = append(page.Findings, hf)
		if f.Suppressed {
			continue
		}
		tally(bySeverity, f.Severity.String(), f)
		b := tally(byRule, f.Rule.ID, f)
		b.Title, b.URL = f.Rule.Title, hf.RuleURL
		tally(byCollection, hf.Collection, f)
		tally(byPath, hf.Path, f)
	}
	for _, sev := range []string{"error", "warning", "note"} {
		if b := bySeverity[sev]; b != nil {
			b.Class = sev
			page.Severities = append(page.Severities, *b)
		}
	}
	page.Rules = sortedBars(byRule, 0)
	page.Collections = sortedBars(byCollection, 0)
	page.Top = sortedBars(byPath, htmlTopEntries)
	for _, bars := range [][]htmlBar{page.Severities, page.Rules, page.Collections, page.Top} {
		scaleBars(bars)
	}
	page.Chart = chart(page.Rules, 12)

	bw := bufio.NewWriter(w)
	if err := htmlTemplate().Execute(bw, page); err != nil {
		return fmt.Errorf("write html: %w", err)
	}
	return bw.Flush()
}

// sortedBars orders a totals table by errors, warnings, notes (most
// first), then label; most > 0 keeps that many.
func sortedBars(m map[string]*htmlBar, most int) []htmlBar {
	out := make([]htmlBar, 0, len(m))
	for _, b := range m {
		out = append(out, *b)
	}
	slices.SortFunc(out, func(a, b htmlBar) int {
		return cmp.Or(cmp.Compare(b.Total, a.Total), cmp.Compare(b.Errors, a.Errors), cmp.Compare(b.Warnings, a.Warnings), strings.Compare(a.Label, b.Label))
	})
	if most > 0 && len(out) > most {
		out = out[:most]
	}
	return out
}

func scaleBars(bars []htmlBar) {
	top := 0
	for _, b := range bars {
		top = max(top, b.Total)
	}
	for i := range bars {
		if top > 0 {
			b := &bars[i]
			b.Percent = float64(b.Total) * 100 / float64(top)
			b.ErrorW = float64(b.Errors) * 100 / float64(top)
			b.WarningW = float64(b.Warnings) * 100 / float64(top)
			b.NoteW = float64(b.Notes) * 100 / float64(top)
		}
	}
}

// chart lays out the bar chart of findings by rule (the most frequent
// rules), each bar split by severity.
func chart(rules []htmlBar, most int) htmlChart {
	const rowHeight, barWidth, labelWidth = 22, 420.0, 210.0
	if len(rules) > most {
		rules = rules[:most]
	}
	top := 1
	for _, r := range rules {
		top = max(top, r.Total)
	}
	c := htmlChart{Height: len(rules)*rowHeight + 4}
	for i, r := range rules {
		scale := barWidth / float64(top)
		b := htmlChartBar{Y: i*rowHeight + 2, TextY: i*rowHeight + 16, Label: r.Label, Total: r.Total,
			Errors: r.Errors, Warnings: r.Warnings, Notes: r.Notes,
			ErrorW: float64(r.Errors) * scale, WarningW: float64(r.Warnings) * scale, NoteW: float64(r.Notes) * scale}
		b.WarningX = labelWidth + b.ErrorW
		b.NoteX = b.WarningX + b.WarningW
		b.CountX = b.NoteX + b.NoteW + 6
		b.HasError, b.HasWarn, b.HasNo = r.Errors > 0, r.Warnings > 0, r.Notes > 0
		c.Bars = append(c.Bars, b)
	}
	return c
}

// splitSpan cuts a finding's source line into the text before its span,
// the span (to the end of the line when it continues) and the rest; an
// empty span marks the character it points at.
func splitSpan(f lint.Finding) (before, mark, after string) {
	rs := []rune(f.SourceLine)
	start := min(max(f.Span.Start.Column, 1), len(rs)+1) - 1
	end := len(rs)
	if f.Span.End.Line == f.Span.Start.Line {
		end = min(max(f.Span.End.Column-1, start), len(rs))
	}
	if end == start && start < len(rs) {
		end = start + 1
	}
	return string(rs[:start]), string(rs[start:end]), string(rs[end:])
}

// htmlScript filters the findings table. It only reads the page and sets
// rows' hidden flags and text, so that nothing from an entry can become
// markup or code; the filters are kept in the address's fragment, so that
// a filtered view can be shared.
const htmlScript = `(function () {
  "use strict";
  var table = document.getElementById("findings-table");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var rule = document.getElementById("filter-rule");
  var severity = document.getElementById("filter-severity");
  var collection = document.getElementById("filter-collection");
  var search = document.getElementById("filter-search");
  var suppressed = document.getElementById("filter-suppressed");
  var shown = document.getElementById("shown");
  var none = document.getElementById("no-match");
  function apply() {
    var r = rule.value, s = severity.value, c = collection.value;
    var q = search.value.trim().toLowerCase(), withSuppressed = suppressed.checked;
    var n = 0;
    for (var i = 0; i < rows.length; i++) {
      var d = rows[i].dataset;
      var ok = (r === "" || d.rule === r) && (s === "" || d.severity === s) &&
        (c === "" || d.collection === c) && (q === "" || d.search.indexOf(q) >= 0) &&
        (withSuppressed || d.suppressed !== "true");
      rows[i].hidden = !ok;
      if (ok) { n++; }
    }
    shown.textContent = String(n);
    none.hidden = n !== 0;
    var state = [];
    if (r) { state.push("rule=" + encodeURIComponent(r)); }
    if (s) { state.push("severity=" + encodeURIComponent(s)); }
    if (c) { state.push("collection=" + encodeURIComponent(c)); }
    if (q) { state.push("q=" + encodeURIComponent(q)); }
    if (withSuppressed) { state.push("suppressed=1"); }
    var hash = state.length ? "#" + state.join("&") : "";
    if (location.hash !== hash && history.replaceState) {
      history.replaceState(null, "", hash || location.pathname + location.search);
    }
  }
  function choose(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.value = value; return; }
    }
  }
  function restore() {
    var parts = location.hash.replace(/^#/, "").split("&");
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split("="), v = "";
      try { v = decodeURIComponent(kv[1] || ""); } catch (e) { continue; }
      if (kv[0] === "rule") { choose(rule, v); }
      if (kv[0] === "severity") { choose(severity, v); }
      if (kv[0] === "collection") { choose(collection, v); }
      if (kv[0] === "q") { search.value = v; }
      if (kv[0] === "suppressed") { suppressed.checked = v === "1"; }
    }
  }
  [rule, severity, collection, suppressed].forEach(function (el) { el.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  document.querySelectorAll("[data-filter]").forEach(function (el) {
    el.addEventListener("click", function (ev) {
      ev.preventDefault();
      var kind = el.getAttribute("data-filter"), v = el.getAttribute("data-value");
      if (kind === "rule") { choose(rule, v); }
      if (kind === "severity") { choose(severity, v); }
      if (kind === "collection") { choose(collection, v); }
      if (kind === "path") { search.value = v.toLowerCase(); }
      apply();
      document.getElementById("findings").scrollIntoView();
    });
  });
  document.getElementById("filter-reset").addEventListener("click", function () {
    rule.value = ""; severity.value = ""; collection.value = ""; search.value = ""; suppressed.checked = false;
    apply();
  });
  restore();
  apply();
  document.documentElement.setAttribute("data-ready", "true");
})();`

// htmlCSP allows the page nothing but its own inline styles and its one
// script (by hash): no fetches, no other script, whatever an entry says.
// Both are made on first use, not at start-up: most runs write no HTML.
var htmlCSP = sync.OnceValue(func() string {
	sum := sha256.Sum256([]byte(htmlScript))
	return "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'; base-uri 'none'; form-action 'none'"
})

var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").Funcs(template.FuncMap{
		"plural": func(n int, word string) string { return source.Plural(n, word) },
		"pct":    func(f float64) string { return fmt.Sprintf("%.1f%%", f) },
		"num":    func(f float64) string { return fmt.Sprintf("%.1f", f) },
		"script": func() template.JS { return template.JS(htmlScript) },
		"barClass": func(severity string) string {
			return map[string]string{"error": "e", "warning": "w", "note": "o"}[severity]
		},
	}).Parse(htmlPageTemplate))
})

const htmlPageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="contentlint{{with .Version}} {{.}}{{end}}">
<title>contentlint report: {{if .Total}}{{plural .Total "finding"}} in {{plural .Files "file"}}{{else}}no problems in {{plural .Files "file"}}{{end}}</title>
<style>
:root { --error: #c62828; --warning: #b26a00; --note: #1565c0; --line: #d8dde3; --muted: #5f6b76; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; background: #fff; }
header { padding: 18px 28px 14px; border-bottom: 1px solid var(--line); background: var(--bg); }
h1 { margin: 0 0 2px; font-size: 22px; }
h2 { font-size: 16px; margin: 0 0 10px; }
main { padding: 18px 28px 40px; }
.muted { color: var(--muted); }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin-top: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 8px 16px; min-width: 140px; background: #fff; }
.card b { display: block; font-size: 26px; line-height: 1.2; }
.card.error b { color: var(--error); } .card.warning b { color: var(--warning); } .card.note b { color: var(--note); }
.grid { display: grid; grid-template-columns: minmax(0, 1.1fr) minmax(0, 1fr); gap: 20px; margin-bottom: 20px; }
@media (max-width: 1000px) { .grid { grid-template-columns: minmax(0, 1fr); } }
.stack > section + section { margin-top: 20px; }
section.panel { border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.scroll { max-height: 300px; overflow-y: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; position: sticky; top: 0; background: #fff; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.barcell { width: 30%; vertical-align: middle; }
.bar { display: flex; height: 10px; border-radius: 3px; overflow: hidden; }
.bar span { display: block; height: 100%; }
.e { background: var(--error); } .w { background: var(--warning); } .o { background: var(--note); }
.sev { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.sev.error { background: var(--error); } .sev.warning { background: var(--warning); } .sev.note { background: var(--note); }
a { color: #0b5cad; }
code, pre { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre.src { margin: 4px 0 0; padding: 3px 8px; background: var(--bg); border-radius: 4px; white-space: pre-wrap; word-break: break-all; tab-size: 4; }
pre.src mark { background: #ffe08a; border-bottom: 2px solid var(--error); }
.filters { display: flex; gap: 10px; flex-wrap: wrap; align-items: center; margin-bottom: 10px; }
.filters select, .filters input, .filters button { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.filters input[type=search] { min-width: 280px; }
#findings-table td.loc { white-space: nowrap; }
tr[hidden] { display: none; }
tr.suppressed td { opacity: 0.6; }
ul.related { margin: 4px 0 0; padding-left: 18px; font-size: 13px; }
svg text { font: 13px system-ui, sans-serif; fill: #1f2328; }
.empty { padding: 24px; text-align: center; border: 1px dashed var(--line); border-radius: 8px; }
</style>
</head>
<body>
<header>
<h1>contentlint report</h1>
<div class="muted">{{plural .Files "file"}} linted{{if .Total}}; {{plural .Total "finding"}} in {{plural .Counts.FilesWithFindings "file"}}{{end}}{{if .Counts.Suppressed}}; {{.Counts.Suppressed}} suppressed{{end}}{{with .Version}} · contentlint {{.}}{{end}}</div>
<div class="cards">
<div class="card error"><span class="muted">Errors</span><b id="total-errors">{{.Counts.Errors}}</b></div>
<div class="card warning"><span class="muted">Warnings</span><b id="total-warnings">{{.Counts.Warnings}}</b></div>
<div class="card note"><span class="muted">Notes</span><b id="total-notes">{{.Counts.Notes}}</b></div>
<div class="card"><span class="muted">Files with findings</span><b>{{.Counts.FilesWithFindings}} <span class="muted" style="font-size: 15px">of {{.Files}}</span></b></div>
</div>
</header>
<main>
{{if not .Findings}}<p class="empty" id="clean">No problems found in {{plural .Files "file"}}.</p>{{else}}
<div class="grid">
<section class="panel" id="by-rule">
<h2>Findings by rule</h2>
<svg role="img" aria-label="Bar chart of findings by rule" width="100%" viewBox="0 0 700 {{.Chart.Height}}" preserveAspectRatio="xMinYMin meet">
{{range .Chart.Bars}}<g><title>{{.Label}}: {{.Errors}} errors, {{.Warnings}} warnings, {{.Notes}} notes</title>
<text x="0" y="{{.TextY}}">{{.Label}}</text>
{{if .HasError}}<rect x="210" y="{{.Y}}" width="{{num .ErrorW}}" height="16" fill="#c62828"></rect>{{end}}
{{if .HasWarn}}<rect x="{{num .WarningX}}" y="{{.Y}}" width="{{num .WarningW}}" height="16" fill="#b26a00"></rect>{{end}}
{{if .HasNo}}<rect x="{{num .NoteX}}" y="{{.Y}}" width="{{num .NoteW}}" height="16" fill="#1565c0"></rect>{{end}}
<text x="{{num .CountX}}" y="{{.TextY}}">{{.Total}}</text></g>
{{end}}</svg>
<div class="scroll">
<table>
<thead><tr><th>Rule</th><th class="n">Errors</th><th class="n">Warnings</th><th class="n">Notes</th></tr></thead>
<tbody>
{{range .Rules}}<tr><td><a href="#findings" data-filter="rule" data-value="{{.Label}}" title="{{.Title}}">{{.Label}}</a> <a href="{{.URL}}" class="muted" title="the rule's documentation">docs</a></td><td class="n">{{.Errors}}</td><td class="n">{{.Warnings}}</td><td class="n">{{.Notes}}</td></tr>
{{end}}</tbody>
</table>
</div>
</section>
<div class="stack">
<section class="panel" id="by-severity">
<h2>Findings by severity</h2>
<table><tbody>
{{range .Severities}}<tr><td><a href="#findings" data-filter="severity" data-value="{{.Class}}"><span class="sev {{.Class}}">{{.Label}}</span></a></td><td class="barcell"><div class="bar"><span class="{{barClass .Class}}" style="width: {{pct .Percent}}"></span></div></td><td class="n">{{.Total}}</td></tr>
{{end}}</tbody></table>
</section>
<section class="panel" id="by-collection">
<h2>Findings by collection</h2>
<table>
<thead><tr><th>Collection</th><th></th><th class="n">Errors</th><th class="n">Warnings</th><th class="n">Notes</th></tr></thead>
<tbody>
{{range .Collections}}<tr><td><a href="#findings" data-filter="collection" data-value="{{.Label}}">{{.Label}}</a></td><td class="barcell"><div class="bar"><span class="e" style="width: {{pct .ErrorW}}"></span><span class="w" style="width: {{pct .WarningW}}"></span><span class="o" style="width: {{pct .NoteW}}"></span></div></td><td class="n">{{.Errors}}</td><td class="n">{{.Warnings}}</td><td class="n">{{.Notes}}</td></tr>
{{end}}</tbody>
</table>
</section>
<section class="panel" id="top-entries">
<h2>Entries with the most findings</h2>
<table>
<thead><tr><th>Entry</th><th></th><th class="n">Errors</th><th class="n">Warnings</th><th class="n">Notes</th></tr></thead>
<tbody>
{{range .Top}}<tr><td><a href="#findings" data-filter="path" data-value="{{.Label}}">{{.Label}}</a></td><td class="barcell"><div class="bar"><span class="e" style="width: {{pct .ErrorW}}"></span><span class="w" style="width: {{pct .WarningW}}"></span><span class="o" style="width: {{pct .NoteW}}"></span></div></td><td class="n">{{.Errors}}</td><td class="n">{{.Warnings}}</td><td class="n">{{.Notes}}</td></tr>
{{end}}</tbody>
</table>
</section>
</div>
</div>
<section id="findings">
<h2>All findings</h2>
<div class="filters">
<label>Rule <select id="filter-rule"><option value="">all rules</option>{{range .Rules}}<option value="{{.Label}}">{{.Label}} ({{.Total}})</option>{{end}}</select></label>
<label>Severity <select id="filter-severity"><option value="">all severities</option>{{range .Severities}}<option value="{{.Class}}">{{.Label}} ({{.Total}})</option>{{end}}</select></label>
<label>Collection <select id="filter-collection"><option value="">all collections</option>{{range .Collections}}<option value="{{.Label}}">{{.Label}} ({{.Total}})</option>{{end}}</select></label>
<input type="search" id="filter-search" placeholder="Search paths and messages" aria-label="Search paths and messages">
<label><input type="checkbox" id="filter-suppressed"> show suppressed</label>
<button type="button" id="filter-reset">Reset</button>
<span class="muted">showing <b id="shown">{{len .Findings}}</b> of {{len .Findings}}</span>
</div>
<table id="findings-table">
<thead><tr><th>Severity</th><th>Location</th><th>Rule</th><th>Message and source</th></tr></thead>
<tbody>
{{range .Findings}}<tr data-rule="{{.Rule}}" data-severity="{{.Severity}}" data-collection="{{.Collection}}" data-search="{{.Search}}" data-suppressed="{{.Suppressed}}"{{if .Suppressed}} class="suppressed"{{end}}>
<td><span class="sev {{.Severity}}">{{.Severity}}</span>{{if .Suppressed}}<br><span class="muted" title="{{.Justification}}">suppressed</span>{{end}}</td>
<td class="loc"><code>{{.Location}}</code><br><span class="muted">{{.Collection}}</span></td>
<td><a href="{{.RuleURL}}" title="{{.RuleTitle}}">{{.Rule}}</a></td>
<td class="msg">{{.Message}}{{if .HasSource}}<pre class="src">{{.Before}}<mark>{{.Mark}}</mark>{{.After}}</pre>{{end}}{{if .Related}}<ul class="related">{{range .Related}}<li><code>{{.Location}}</code> {{.Message}}{{with .Line}}<pre class="src">{{.}}</pre>{{end}}</li>{{end}}</ul>{{end}}</td>
</tr>
{{end}}</tbody>
</table>
<p class="empty" id="no-match" hidden>No finding matches these filters.</p>
</section>
{{end}}
</main>
<script>{{script}}</script>
</body>
</html>
`
