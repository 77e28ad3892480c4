package infer

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/validate"
)

// configInput is what the configuration is written from.
type configInput struct {
	root        string // the scanned folder, relative to the configuration's
	entries     int
	collections []*collection
}

// buildConfig writes .contentlint.yaml by hand: comments are the point of
// the file, and a YAML encoder cannot place them.
func buildConfig(in configInput) []byte {
	var b strings.Builder
	line := func(indent int, format string, args ...any) {
		b.WriteString(strings.Repeat("  ", indent))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	n := len(in.collections)
	where := "under " + in.root
	if in.root == "." {
		where = "in this folder"
	}
	if n > 1 {
		where += fmt.Sprintf(", in %d collections", n)
	}
	line(0, "# contentlint configuration, inferred by contentlint init from %d %s %s.", in.entries, plural(in.entries, "entry", "entries"), where)
	line(0, "# Every choice below describes the entries as they are today: review it, then")
	line(0, "# tighten or loosen it. The format is schema/config.schema.json in contentlint.")
	if n > 1 {
		line(0, "# One collection per folder of entries; sibling folders whose entries share")
		line(0, "# most of their keys share one.")
	}
	line(0, "collections:")
	for _, c := range in.collections {
		writeCollection(line, c)
	}
	return []byte(b.String())
}

func writeCollection(line func(int, string, ...any), c *collection) {
	line(1, "- name: %s", scalar(c.name))
	n := fmt.Sprintf("%d %s", c.entries, plural(c.entries, "entry", "entries"))
	if c.broken > 0 {
		n += fmt.Sprintf(" (and %d that %s not parse)", c.broken, plural(c.broken, "does", "do"))
	}
	if c.group.bundles() {
		line(2, "# %s, one folder each.", n)
	} else {
		line(2, "# %s in %s.", n, c.group.dir)
	}
	line(2, "include:")
	for _, g := range c.include {
		line(3, "- %s", scalar(g))
	}
	if len(c.exclude) > 0 {
		line(2, "# Listing pages and repository documents, not entries.")
		line(2, "exclude:")
		for _, g := range c.exclude {
			line(3, "- %s", scalar(g))
		}
	}
	line(2, "# Front matter schema inferred from the entries: the type of every field seen")
	line(2, "# (with null where entries leave it empty); required where a field is filled in")
	if c.requiredPercent == 100 {
		line(2, "# every entry; enums for small closed sets; no other keys, so typos are caught.")
	} else {
		line(2, "# at least %d%% of entries; enums for small closed sets; no other keys, so typos are caught.", c.requiredPercent)
	}
	line(2, "schema: %s", scalar(slash(c.schemaFile)))
	if c.frontMatter == "required" {
		line(2, "# %s have front matter (at least %d%%): a file without it is an error.", ratio(c.withFM, c.entries, "entries"), frontMatterTenths*10)
	} else {
		line(2, "# Only %s have front matter (under %d%%): a file may do without it.", ratio(c.withFM, c.entries, "entries"), frontMatterTenths*10)
	}
	line(2, "frontmatter: %s", c.frontMatter)
	if len(c.recommended) == 0 {
		line(2, "# No sections: no level-%d heading is in at least %d%% of the entries.", sectionLevel, sectionTenths*10)
	} else {
		line(2, "sections:")
		line(3, "# Level-%d headings in at least %d%% of the entries, in the order they first appear;", sectionLevel, sectionTenths*10)
		line(3, "# a missing one is a warning. None is required: move a title to a \"required:\"")
		line(3, "# list to make its absence an error.")
		line(3, "recommended:")
		for _, s := range c.recommended {
			line(4, "- %s # in %s", scalar(s.title), ratio(s.count, c.entries, "entries"))
		}
		line(3, "level: %d", sectionLevel)
	}
	fields := c.fields()
	if len(fields) == 0 {
		line(2, "# No field holds email addresses, links or accounts in at least %d%% of its values.", kindTenths*10)
	} else {
		line(2, "# What fields hold, decided from their values: a kind when at least %d%% of a", kindTenths*10)
		line(2, "# field's values pass it; the form (handle or URL), schemes and relative paths")
		line(2, "# the values use. Empty values are not checked.")
		line(2, "fields:")
		for _, n := range fields {
			line(3, "# %s", fieldComment(n))
			line(3, "%s: %s", scalar(n.field), declaration(n.decl))
		}
	}
	var set []ruleChoice
	for _, r := range c.rules {
		if r.write {
			set = append(set, r)
		}
	}
	line(2, "# Rules that depend on the entries: the heading rules are off unless turned on,")
	line(2, "# and are on here where the entries have headings and none breaks the rule today.")
	// Rules left alone for the same reason share one comment.
	var whys []string
	ids := map[string][]string{}
	for _, r := range c.rules {
		if r.write || r.why == "" {
			continue
		}
		key := r.why + "; left " + severityName(r.byDefault)
		if ids[key] == nil {
			whys = append(whys, key)
		}
		ids[key] = append(ids[key], r.id)
	}
	for _, why := range whys {
		line(2, "# %s: %s.", strings.Join(ids[why], ", "), why)
	}
	if len(set) == 0 {
		return
	}
	line(2, "rules:")
	for _, r := range set {
		line(3, "# %s.", r.why)
		line(3, "%s: %s", r.id, r.severity)
	}
}

// fieldComment says why a field is declared as it is.
func fieldComment(n *node) string {
	d := n.decl
	s := d.why
	if empty := n.empties + n.nulls; empty > 0 {
		s += fmt.Sprintf("; %d empty", empty)
	}
	// A defect may be a value of the kind that is still wrong (a
	// placeholder address), so the count does not say "do not".
	if k := len(d.defects); k > 0 {
		s += fmt.Sprintf("; %d %s", k, plural(k, "is a likely defect (init lists it)", "are likely defects (init lists them)"))
	}
	return s
}

// declaration writes a field declaration in the shortest form that says it all.
func declaration(d *decision) string {
	switch d.kind {
	case lint.KindSocial:
		s := "{kind: social, network: " + d.network.Name
		if d.form != validate.FormAny {
			s += ", form: " + d.form.String()
		}
		return s + "}"
	case lint.KindURL:
		var parts []string
		if d.rules.Schemes != nil {
			parts = append(parts, "schemes: ["+strings.Join(d.rules.Schemes, ", ")+"]")
		}
		if d.rules.Relative {
			parts = append(parts, "relative: true")
		}
		if d.prefix != "" {
			parts = append(parts, "prefix: "+strconv.Quote(d.prefix))
		}
		if len(parts) == 0 {
			return "url"
		}
		return "{kind: url, " + strings.Join(parts, ", ") + "}"
	}
	return d.kind
}

// severityName writes a severity for a sentence: "off", "a warning".
func severityName(s lint.Severity) string {
	if s == lint.SeverityOff {
		return "off"
	}
	return "a " + s.String()
}

func slash(p string) string { return strings.ReplaceAll(p, `\`, "/") }

// plainScalar matches strings YAML reads back unchanged without quotes.
var plainScalar = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_ ./()'-]*[A-Za-z0-9_./)]$|^[A-Za-z_]$`)

// scalar writes s as a YAML scalar: plain when that is unambiguous, else
// double-quoted (a JSON string is a valid YAML double-quoted scalar).
func scalar(s string) string {
	switch strings.ToLower(s) {
	case "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~":
		return quote(s)
	}
	if plainScalar.MatchString(s) {
		return s
	}
	return quote(s)
}

func quote(s string) string {
	b, err := marshal(s)
	if err != nil {
		return `""`
	}
	return string(b)
}
