package report

import (
	"bufio"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/source"
)

// Defaults for SARIFOptions.
const (
	DefaultInformationURI = "https://github.com/glasgow-open-data/contentlint"
	// DefaultMaxResults is GitHub code scanning's limit on results per run:
	// a run with more is rejected whole, and of those accepted only the
	// 5,000 most severe are shown ("SARIF results exceed limit" in GitHub's
	// code scanning docs, which also limit a file to 20 runs, a run to
	// 25,000 rules, a rule to 20 tags of which 10 are shown, and the upload
	// to 10 MB gzip-compressed).
	DefaultMaxResults = 25000
	// FingerprintKey is the partialFingerprints key contentlint fills. It is
	// our own: primaryLocationLineHash belongs to GitHub, whose upload
	// action computes it from the source line and warns ("found existing
	// inconsistent fingerprint value") for every result that brings another.
	FingerprintKey = "contentlint/v1"
)

const (
	sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion   = "2.1.0"
	srcRoot        = "%SRCROOT%"
	// maxDescription is GitHub's limit on shortDescription and fullDescription.
	maxDescription = 1024
	// maxTags is how many tags of a rule GitHub shows.
	maxTags = 10
)

// SARIF writes a SARIF 2.1.0 log for GitHub code scanning and other SARIF
// viewers: one run, the metadata of every rule that fired, and one result
// per finding with a line-move-stable partial fingerprint under
// FingerprintKey. Suppressed findings in the run are kept with an inSource
// suppression and its justification; as the spec asks (§3.27.23), every
// result then carries "suppressions", [] when it is not suppressed. GitHub
// code scanning ignores suppressions and would open an alert for each
// suppressed result, so leave them out of the run for an upload there
// (lint --sarif-suppressed omit, as the Action does). The zero value uses
// the defaults below.
type SARIF struct {
	// InformationURI is tool.driver.informationUri; default DefaultInformationURI.
	InformationURI string
	// HelpBaseURI is the rules document; each rule's helpUri is HelpBaseURI#id.
	// Default InformationURI + "/blob/REF/docs/rules.md", where REF is the
	// invocation's DocsRef (the release tag), else main.
	HelpBaseURI string
	// MaxResults caps the results; the most severe are kept. Default DefaultMaxResults.
	MaxResults int
}

// The SARIF 2.1.0 subset contentlint writes. Field order is output order.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool               `json:"tool"`
		Invocations        []sarifInvocation       `json:"invocations"`
		OriginalURIBaseIDs *sarifBaseIDs           `json:"originalUriBaseIds,omitempty"`
		AutomationDetails  *sarifAutomationDetails `json:"automationDetails,omitempty"`
		ColumnKind         string                  `json:"columnKind"`
		Results            []sarifResult           `json:"results"`
		Properties         *sarifRunProperties     `json:"properties,omitempty"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		Version         string      `json:"version,omitempty"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		InformationURI  string      `json:"informationUri"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string               `json:"id"`
		Name                 string               `json:"name"`
		ShortDescription     sarifText            `json:"shortDescription"`
		FullDescription      sarifText            `json:"fullDescription"`
		Help                 *sarifMultiformat    `json:"help,omitempty"`
		HelpURI              string               `json:"helpUri,omitempty"`
		DefaultConfiguration sarifConfiguration   `json:"defaultConfiguration"`
		Properties           *sarifRuleProperties `json:"properties,omitempty"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifMultiformat struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifRuleProperties struct {
		Tags []string `json:"tags"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool              `json:"executionSuccessful"`
		WorkingDirectory    *sarifArtifactLoc `json:"workingDirectory,omitempty"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifBaseIDs struct {
		SrcRoot sarifArtifactLoc `json:"%SRCROOT%"`
	}
	sarifFingerprints struct {
		// Contentlint is the finding's identity (rule, field or section,
		// offending text, occurrence), hashed; see FingerprintKey.
		Contentlint string `json:"contentlint/v1"`
	}
	sarifAutomationDetails struct {
		ID string `json:"id"`
	}
	sarifRunProperties struct {
		Truncated    bool `json:"truncated"`
		TotalResults int  `json:"totalResults"`
		// Dropped counts the results left out, by rule id.
		Dropped map[string]int `json:"droppedResults"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifText          `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
		PartialFingerprints sarifFingerprints  `json:"partialFingerprints"`
		Suppressions        []sarifSuppression `json:"suppressions"`
	}
	sarifLocation struct {
		ID               *int                  `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
		Message          *sarifText            `json:"message,omitempty"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           sarifRegion      `json:"region"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
)

// Report writes run as SARIF.
func (opts SARIF) Report(w io.Writer, run Run) error {
	opts = opts.withDefaults(run.Invocation)
	inv := run.Invocation

	// Fingerprints count occurrences over the whole report, before any
	// truncation, so that dropping results never renumbers the kept ones.
	fingerprints := Fingerprints(run.Findings)
	order := make([]int, len(run.Findings))
	for i := range order {
		order[i] = i
	}
	var props *sarifRunProperties
	if len(order) > opts.MaxResults {
		var dropped []int
		order, dropped = mostSevere(run.Findings, order, opts.MaxResults)
		props = &sarifRunProperties{Truncated: true, TotalResults: len(run.Findings), Dropped: map[string]int{}}
		for _, i := range dropped {
			props.Dropped[run.Findings[i].Rule.ID]++
		}
		if inv.Warn != nil {
			fmt.Fprintf(inv.Warn, "contentlint: SARIF output keeps the %d most severe of %d results (GitHub code scanning rejects a run with more); dropped: %s\n",
				len(order), len(run.Findings), describeDropped(run.Findings, dropped))
		}
	}

	rules, index := sarifRules(run.Catalogue, run.Findings, order, opts.HelpBaseURI)
	results := make([]sarifResult, 0, len(order))
	for _, i := range order {
		f := run.Findings[i]
		reg := regionOf(f.Span)
		res := sarifResult{
			RuleID:    f.Rule.ID,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifText{Text: messageText(f.Message)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifactLocation(f.Path, inv.RepoRoot, inv.WorkingDirectory),
				Region:           reg.sarif(),
			}}},
			PartialFingerprints: sarifFingerprints{Contentlint: fingerprints[i]},
			Suppressions:        []sarifSuppression{},
		}
		for j, rel := range f.Related {
			id := j + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID: &id,
				PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: artifactLocation(rel.Path, inv.RepoRoot, inv.WorkingDirectory),
					Region:           regionOf(rel.Span).sarif(),
				},
				Message: &sarifText{Text: messageText(rel.Message)},
			})
		}
		if f.Suppressed {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Justification}}
		}
		results = append(results, res)
	}

	r := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:            "contentlint",
			Version:         inv.ToolVersion,
			SemanticVersion: inv.SemanticVersion,
			InformationURI:  opts.InformationURI,
			Rules:           rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		ColumnKind:  "unicodeCodePoints",
		Results:     results,
		Properties:  props,
	}
	if inv.WorkingDirectory != "" {
		r.Invocations[0].WorkingDirectory = &sarifArtifactLoc{URI: dirURI(inv.WorkingDirectory)}
	}
	if inv.RepoRoot != "" {
		r.OriginalURIBaseIDs = &sarifBaseIDs{SrcRoot: sarifArtifactLoc{URI: dirURI(inv.RepoRoot)}}
	}
	if inv.Category != "" {
		id := inv.Category
		if !strings.HasSuffix(id, "/") {
			id += "/"
		}
		r.AutomationDetails = &sarifAutomationDetails{ID: id}
	}

	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{r}}); err != nil {
		return fmt.Errorf("write sarif: %w", err)
	}
	return bw.Flush()
}

func (o SARIF) withDefaults(inv Invocation) SARIF {
	if o.InformationURI == "" {
		o.InformationURI = DefaultInformationURI
	}
	if o.HelpBaseURI == "" {
		o.HelpBaseURI = rulesDocURI(o.InformationURI, inv.DocsRef)
	}
	if o.MaxResults <= 0 {
		o.MaxResults = DefaultMaxResults
	}
	return o
}

// sarifLevel maps a severity to a SARIF level; it is the only such mapping.
func sarifLevel(s lint.Severity) string {
	switch s {
	case lint.SeverityError:
		return "error"
	case lint.SeverityWarning:
		return "warning"
	case lint.SeverityNote:
		return "note"
	}
	return "none"
}

// rulesDocURI is the rules document at ref (a tag), or on main.
func rulesDocURI(informationURI, ref string) string {
	return strings.TrimSuffix(informationURI, "/") + "/blob/" + cmp.Or(ref, "main") + "/docs/rules.md"
}

// mostSevere returns the indices of the n findings to keep, and those it
// drops: unsuppressed before suppressed, then errors, warnings and notes,
// each in report order. The kept ones are in that order, so the most
// important come first.
func mostSevere(fs []lint.Finding, order []int, n int) (keep, dropped []int) {
	order = slices.Clone(order)
	rank := func(i int) int {
		r := -int(fs[i].Severity)
		if fs[i].Suppressed {
			r += 100
		}
		return r
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rank(a), rank(b)) })
	return order[:n], order[n:]
}

// describeDropped says which results were dropped, by severity and rule:
// "1200 notes (section-recommended 1100, heading-skip 100)".
func describeDropped(fs []lint.Finding, dropped []int) string {
	type group struct {
		sev   lint.Severity
		n     int
		rules map[string]int
	}
	var groups []*group
	bySev := map[lint.Severity]*group{}
	for _, i := range dropped {
		f := fs[i]
		g := bySev[f.Severity]
		if g == nil {
			g = &group{sev: f.Severity, rules: map[string]int{}}
			bySev[f.Severity] = g
			groups = append(groups, g)
		}
		g.n++
		g.rules[f.Rule.ID]++
	}
	slices.SortFunc(groups, func(a, b *group) int { return cmp.Compare(b.sev, a.sev) })
	var parts []string
	for _, g := range groups {
		ids := make([]string, 0, len(g.rules))
		for id := range g.rules {
			ids = append(ids, id)
		}
		slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(g.rules[b], g.rules[a]), cmp.Compare(a, b)) })
		var rules []string
		for _, id := range ids {
			rules = append(rules, fmt.Sprintf("%s %d", id, g.rules[id]))
		}
		parts = append(parts, fmt.Sprintf("%s (%s)", source.Plural(g.n, g.sev.String()), strings.Join(rules, ", ")))
	}
	return strings.Join(parts, ", ")
}

// sarifRules returns the descriptors of the rules the kept results use, in
// catalogue order (rules the catalogue lacks follow in order of
// appearance), and each rule's index among them.
func sarifRules(cat *lint.Catalogue, fs []lint.Finding, order []int, helpBase string) ([]sarifRule, map[*lint.Rule]int) {
	fired := map[*lint.Rule]bool{}
	var outside []*lint.Rule
	for _, i := range order {
		r := fs[i].Rule
		if fired[r] {
			continue
		}
		fired[r] = true
		if cat == nil || cat.Rule(r.ID) != r {
			outside = append(outside, r)
		}
	}
	rules := []sarifRule{}
	index := map[*lint.Rule]int{}
	add := func(r *lint.Rule, helpBase string) {
		index[r] = len(rules)
		rules = append(rules, ruleDescriptor(r, helpBase))
	}
	if cat != nil {
		for _, r := range cat.Rules() {
			if fired[r] {
				add(r, helpBase)
			}
		}
	}
	for _, r := range outside {
		add(r, "") // the rules document does not describe it
	}
	return rules, index
}

func ruleDescriptor(r *lint.Rule, helpBase string) sarifRule {
	short := cmp.Or(r.Title, r.ID)
	d := sarifRule{
		ID:                   r.ID,
		Name:                 pascalCase(r.ID),
		ShortDescription:     sarifText{Text: truncate(short, maxDescription)},
		FullDescription:      sarifText{Text: truncate(cmp.Or(r.Doc, short), maxDescription)},
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
	}
	if r.Doc != "" || r.Bad != "" || r.Good != "" {
		d.Help = &sarifMultiformat{Text: helpText(r), Markdown: helpMarkdown(r)}
	}
	if helpBase != "" {
		d.HelpURI = helpBase + "#" + r.ID
	}
	var tags []string
	for _, t := range append(slices.Clone(r.Tags), r.Family) {
		if t != "" && !slices.Contains(tags, t) && len(tags) < maxTags {
			tags = append(tags, t)
		}
	}
	if len(tags) > 0 {
		d.Properties = &sarifRuleProperties{Tags: tags}
	}
	return d
}

// helpText is the rule's documentation with its examples, as plain text.
func helpText(r *lint.Rule) string {
	var b strings.Builder
	b.WriteString(r.Doc)
	for _, ex := range []struct{ label, src string }{{"Bad", r.Bad}, {"Good", r.Good}} {
		if ex.src == "" {
			continue
		}
		fmt.Fprintf(&b, "\n\n%s:\n\n%s", ex.label, Indent(ex.src, "    "))
	}
	return strings.TrimLeft(b.String(), "\n")
}

// helpMarkdown is the rule's documentation with its examples in fenced blocks.
func helpMarkdown(r *lint.Rule) string {
	var b strings.Builder
	b.WriteString(r.Doc)
	for _, ex := range []struct{ label, src string }{{"Bad", r.Bad}, {"Good", r.Good}} {
		if ex.src == "" {
			continue
		}
		fmt.Fprintf(&b, "\n\n**%s:**\n\n%s", ex.label, Fenced(ex.src, "markdown"))
	}
	return strings.TrimLeft(b.String(), "\n")
}

// pascalCase turns "schema-unknown-field" into "SchemaUnknownField".
func pascalCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' || r == '.' || r == ' ' }) {
		r, size := utf8.DecodeRuneInString(part)
		b.WriteString(strings.ToUpper(string(r)))
		b.WriteString(part[size:])
	}
	return b.String()
}

// truncate shortens s to at most n characters, ending it with "…" when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// messageText keeps a message non-empty: SARIF viewers show nothing otherwise.
func messageText(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(no message)"
	}
	return s
}

// region is a finding's span in 1-based, end-exclusive columns, clamped so
// that every value is at least 1 and the range is never empty or reversed.
type region struct{ line, col, endLine, endCol int }

func regionOf(s lint.Span) region {
	r := region{
		line:    max(s.Start.Line, 1),
		col:     max(s.Start.Column, 1),
		endLine: s.End.Line,
		endCol:  s.End.Column,
	}
	switch {
	case r.endLine < r.line, r.endCol < 1:
		// Unset or reversed end: mark one character.
		r.endLine, r.endCol = r.line, r.col+1
	case r.endLine == r.line && r.endCol <= r.col:
		// Empty span: viewers need at least one character to underline.
		r.endCol = r.col + 1
	}
	return r
}

func (r region) sarif() sarifRegion {
	return sarifRegion{StartLine: r.line, StartColumn: r.col, EndLine: r.endLine, EndColumn: r.endCol}
}

// Fingerprints returns each finding's fingerprint: a hash of its Identity
// (rule, field or section, offending text) without the path, then ":" and
// the occurrence of that identity within the file. Line numbers are left
// out so that the fingerprint survives edits elsewhere in the file, and
// the path so that it survives a rename.
func Fingerprints(fs []lint.Finding) []string {
	type key struct {
		path string
		id   lint.Identity
	}
	seen := map[key]int{}
	out := make([]string, len(fs))
	for i := range fs {
		id := fs[i].Identity("")
		k := key{fs[i].Path, id}
		seen[k]++
		occ := strconv.Itoa(seen[k])
		sum := sha256.Sum256([]byte(strings.Join([]string{id.Rule, id.Field, id.Section, id.Value, occ}, "\x00")))
		out[i] = hex.EncodeToString(sum[:8]) + ":" + occ
	}
	return out
}

// artifactLocation places path in the repository: relative to %SRCROOT% when
// it lies inside root, an absolute file URI when it lies outside, and a bare
// relative reference when it is no file at all ("<stdin>"). It works on
// slash-separated text only, so that its result is the same on every OS.
func artifactLocation(p, root, wd string) sarifArtifactLoc {
	if lint.IsPseudoPath(p) {
		return sarifArtifactLoc{URI: escapePath(p, false)}
	}
	p, root, wd = filepath.ToSlash(p), filepath.ToSlash(root), filepath.ToSlash(wd)
	if !isAbsSlash(p) {
		if wd == "" {
			// Without a working directory, relative paths are taken as
			// relative to the repository root, as CI runs from there.
			wd = root
		}
		if wd != "" {
			p = path.Join(wd, p)
		}
	}
	p = cleanSlash(p)
	if rel, ok := relSlash(root, p); ok {
		return sarifArtifactLoc{URI: escapePath(rel, false), URIBaseID: srcRoot}
	}
	if isAbsSlash(p) {
		return sarifArtifactLoc{URI: fileURI(p)}
	}
	// No root known: the path is relative to wherever the tool ran, which is
	// the best guess at the repository root.
	return sarifArtifactLoc{URI: escapePath(p, false), URIBaseID: srcRoot}
}

// isAbsSlash reports whether a slash-separated path is absolute on any OS:
// "/x", "C:/x" or "//server/share".
func isAbsSlash(p string) bool {
	return strings.HasPrefix(p, "/") || hasDrive(p) && len(p) > 2 && p[2] == '/'
}

func hasDrive(p string) bool {
	return len(p) >= 2 && p[1] == ':' && ('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

// cleanSlash is path.Clean keeping the leading "//" of a UNC path.
func cleanSlash(p string) string {
	if strings.HasPrefix(p, "//") && !strings.HasPrefix(p, "///") {
		return "/" + path.Clean(p)
	}
	return path.Clean(p)
}

// relSlash returns p relative to root when p lies strictly inside it. Paths
// with a drive letter are compared ignoring case, as Windows does.
func relSlash(root, p string) (string, bool) {
	if root == "" || !isAbsSlash(root) || !isAbsSlash(p) {
		return "", false
	}
	root = strings.TrimSuffix(cleanSlash(root), "/") + "/"
	if len(p) <= len(root) {
		return "", false
	}
	head := p[:len(root)]
	if head == root || hasDrive(root) && strings.EqualFold(head, root) {
		return p[len(root):], true
	}
	return "", false
}

// fileURI turns an absolute path into a file:// URI.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	switch {
	case strings.HasPrefix(p, "//"):
		return "file:" + escapePath(p, true) // UNC: //server/share/x
	case !strings.HasPrefix(p, "/"):
		p = "/" + p // Windows: C:/x becomes /C:/x
	}
	return "file://" + escapePath(p, true)
}

// dirURI is fileURI with the trailing slash that base URIs need.
func dirURI(abs string) string {
	u := fileURI(abs)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// escapePath percent-encodes a slash-separated path as the path of a URI
// reference (RFC 3986 §3.3): every byte but the unreserved characters,
// sub-delims, "@" and "/" is encoded, so spaces, non-ASCII, "%", "#", "?"
// and "\" cannot change its meaning. ":" is encoded too unless keepColon,
// because in a relative reference it could be read as a scheme.
func escapePath(p string, keepColon bool) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			strings.IndexByte("-._~!$&'()*+,;=@/", c) >= 0,
			c == ':' && keepColon:
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hexDigits[c>>4])
			b.WriteByte(hexDigits[c&15])
		}
	}
	return b.String()
}
