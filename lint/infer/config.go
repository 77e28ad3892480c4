package infer

import (
	"fmt"
	"regexp"
	"strings"
)

// configInput is what the configuration is written from.
type configInput struct {
	opts        Options
	entries     int
	withFM      int
	frontMatter string
	root        string // the entries' folder, relative to the configuration's
	include     []string
	recommended []section
	fields      fieldPatterns
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
	root := in.root
	line(0, "# contentlint configuration, inferred by contentlint init from %d %s under %s.", in.entries, plural(in.entries, "entry", "entries"), root)
	line(0, "# Every choice below describes the entries as they are today: review it, then")
	line(0, "# tighten or loosen it. The format is schema/config.schema.json in contentlint.")
	line(0, "collections:")
	line(1, "- name: %s", scalar(in.opts.Name))
	line(2, "# The Markdown files under %s, as lint walks a folder.", root)
	line(2, "include:")
	for _, g := range in.include {
		line(3, "- %s", scalar(g))
	}
	line(2, "# Front matter schema inferred from the entries: the type of every field seen;")
	line(2, "# required where a field is in at least %d%% of entries; enums for small closed sets;", requiredTenths*10)
	line(2, "# formats for emails, URLs and handles; no other fields allowed, so typos are caught.")
	line(2, "schema: %s", scalar(slash(in.opts.SchemaFile)))
	if in.frontMatter == "required" {
		line(2, "# %s have front matter (at least %d%%): a file without it is an error.", ratio(in.withFM, in.entries, "entries"), frontMatterTenths*10)
	} else {
		line(2, "# Only %s have front matter (under %d%%): a file may do without it.", ratio(in.withFM, in.entries, "entries"), frontMatterTenths*10)
	}
	line(2, "frontmatter: %s", in.frontMatter)
	line(2, "sections:")
	line(3, "# None is required: move a title to a \"required:\" list to make its absence an error.")
	if len(in.recommended) == 0 {
		line(3, "# No level-%d heading is in at least %d%% of the entries, so none is recommended.", sectionLevel, sectionTenths*10)
		line(3, "recommended: []")
	} else {
		line(3, "# Level-%d headings in at least %d%% of the entries, in the order they first appear;", sectionLevel, sectionTenths*10)
		line(3, "# a missing one is a warning.")
		line(3, "recommended:")
		for _, s := range in.recommended {
			line(4, "- %s # in %s", scalar(s.title), ratio(s.count, in.entries, "entries"))
		}
	}
	line(3, "level: %d", sectionLevel)
	if in.fields.empty() {
		line(2, "# No field holds only email addresses, URLs or social handles.")
		line(2, "fields: {}")
		return []byte(b.String())
	}
	line(2, "# Fields whose every value is a valid email address, URL or handle, checked as such.")
	line(2, "fields:")
	list := func(key, why string, vals []string) {
		if len(vals) == 0 {
			return
		}
		line(3, "# %s", why)
		line(3, "%s:", key)
		for _, v := range vals {
			line(4, "- %s", scalar(v))
		}
	}
	list("email", "Every value is an email address.", in.fields.email)
	list("url", "Every value is an absolute http(s) URL.", in.fields.url)
	list("social", "Mappings keyed by network (twitter, github, ...) whose values are valid handles.", in.fields.social)
	return []byte(b.String())
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
