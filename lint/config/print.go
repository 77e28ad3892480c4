package config

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
)

// Print writes the effective configuration for one file, so that a
// maintainer can see which collection claims it and why a rule applied.
// file is the path of the configuration's file system; name is how the
// user wrote it.
func Print(w io.Writer, c *lint.Config, cat *lint.Catalogue, file, name string) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "file: %s\n", name)
	fmt.Fprintf(bw, "configuration: %s\n", c.Name)
	if c.Ignored(file) {
		fmt.Fprintf(bw, "ignored: yes (matches ignore: %s)\n", strings.Join(c.Ignore, ", "))
		return bw.Flush()
	}
	coll := c.CollectionForFile(file)
	if coll == nil {
		if ex, glob := c.ExcludedBy(file); ex != nil {
			fmt.Fprintf(bw, "collection: none (the file is skipped: it is excluded from collection %s by exclude %q)\n", ex.Name, glob)
		} else {
			fmt.Fprintf(bw, "collection: none (the file is skipped; no collection's include matches %q)\n", c.Rel(file))
		}
		return bw.Flush()
	}
	fmt.Fprintf(bw, "collection: %s\n", coll.Name)
	fmt.Fprintf(bw, "  include: %s\n", strings.Join(coll.Include, ", "))
	if len(coll.Exclude) > 0 {
		fmt.Fprintf(bw, "  exclude: %s\n", strings.Join(coll.Exclude, ", "))
	}
	if coll.Schema != nil {
		fmt.Fprintf(bw, "schema: %s\n", coll.Schema.Name)
	} else {
		fmt.Fprintln(bw, "schema: none (front matter is not schema-checked)")
	}
	fm := "required"
	if !coll.FrontMatterRequired {
		fm = "optional"
	}
	fmt.Fprintf(bw, "frontmatter: %s\n", fm)
	if s := coll.Sections; s != nil {
		level := s.Level
		if level == 0 {
			level = 2
		}
		fmt.Fprintf(bw, "sections: level %d, order %v\n", level, s.Order)
		fmt.Fprintf(bw, "  required: %s\n", sectionList(s.Required))
		fmt.Fprintf(bw, "  recommended: %s\n", sectionList(s.Recommended))
	} else {
		fmt.Fprintln(bw, "sections: none declared")
	}
	fmt.Fprintln(bw, "fields: (the first that matches applies)")
	for _, f := range coll.Fields {
		fmt.Fprintf(bw, "  %s: %s\n", f.Match, describeField(f, coll))
	}
	printAcross(bw, coll)
	fmt.Fprintln(bw, "rules:")
	for _, r := range cat.Rules() {
		fmt.Fprintf(bw, "  %-28s %-8s %s\n", r.ID, c.Severity(r, coll), severitySource(c, r, coll))
	}
	return bw.Flush()
}

// describeField says what a field declaration checks.
func describeField(f lint.FieldKind, coll *lint.Collection) string {
	var parts []string
	switch f.Kind {
	case lint.KindSocial:
		network := f.Network
		if network == "" {
			network = "named by the key"
		}
		parts = append(parts, "network "+network, "form "+f.Form.String())
	case lint.KindURL:
		schemes := "https, http"
		if len(f.URL.Schemes) > 0 {
			schemes = strings.Join(f.URL.Schemes, ", ")
		}
		parts = append(parts, "schemes "+schemes)
		if f.URL.Relative {
			parts = append(parts, "relative references allowed")
		}
		if f.Prefix != "" {
			parts = append(parts, "the template adds "+f.Prefix+" to values without a scheme")
		}
	}
	if f.Kind != lint.KindNone {
		empty := "empty means absent"
		if f.Empty == lint.EmptyError || f.Empty == lint.EmptyDefault && coll.EmptyIsError {
			empty = "empty is an error"
		}
		parts = append(parts, empty)
	}
	if len(parts) == 0 {
		return f.Kind
	}
	return f.Kind + " (" + strings.Join(parts, "; ") + ")"
}

// severitySource says where a rule's severity comes from.
func severitySource(c *lint.Config, r *lint.Rule, coll *lint.Collection) string {
	for _, key := range []string{r.ID, r.Family} {
		if _, ok := coll.Severities[key]; ok {
			return fmt.Sprintf("(collection %s, rules.%s)", coll.Name, key)
		}
	}
	for _, key := range []string{r.ID, r.Family} {
		if _, ok := c.Severities[key]; ok {
			return fmt.Sprintf("(rules.%s)", key)
		}
	}
	return "(default)"
}

func sectionList(ss []lint.Section) string {
	if len(ss) == 0 {
		return "none"
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = fmt.Sprintf("%q", s.Title)
		if len(s.Aliases) > 0 {
			parts[i] += fmt.Sprintf(" (or %s)", strings.Join(s.Aliases, ", "))
		}
	}
	return strings.Join(parts, ", ")
}
