package config

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/validate"
)

// files is an in-memory file system.
func files(m map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, text := range m {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// TestFind: .contentlint.yaml before contentlint.yaml, the nearest folder
// first, and never above the repository root.
func TestFind(t *testing.T) {
	fsys := files(map[string]string{
		"root/.contentlint.yaml":        "outside the repository",
		"root/repo/.git/HEAD":           "ref: refs/heads/main\n",
		"root/repo/content/groups/a.md": "",
	})
	deep := "root/repo/content/groups"
	find := func() string {
		t.Helper()
		got, err := Find(fsys, deep)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := find(); got != "" {
		t.Fatalf("found %q above the repository root", got)
	}
	fsys["root/repo/contentlint.yaml"] = &fstest.MapFile{}
	if got := find(); got != "root/repo/contentlint.yaml" {
		t.Fatalf("Find = %q, want the repository's contentlint.yaml", got)
	}
	fsys["root/repo/.contentlint.yaml"] = &fstest.MapFile{}
	if got := find(); got != "root/repo/.contentlint.yaml" {
		t.Fatalf("Find = %q, want .contentlint.yaml before contentlint.yaml", got)
	}
	fsys["root/repo/content/contentlint.yaml"] = &fstest.MapFile{}
	if got := find(); got != "root/repo/content/contentlint.yaml" {
		t.Fatalf("Find = %q, want the nearest folder's file", got)
	}
	delete(fsys, "root/repo/.git/HEAD")
	delete(fsys, "root/repo/contentlint.yaml")
	delete(fsys, "root/repo/.contentlint.yaml")
	delete(fsys, "root/repo/content/contentlint.yaml")
	if got := find(); got != "root/.contentlint.yaml" {
		t.Fatalf("Find = %q without a repository, want the file at the top", got)
	}
}

// TestCollections: first matching collection wins, exclude and ignore
// apply, and severities resolve collection before global, id before family.
func TestCollections(t *testing.T) {
	fsys := files(map[string]string{"site/c.yaml": `
collections:
  - name: drafts
    include: ["content/groups/draft-*.md"]
    frontmatter: optional
    rules:
      schema: off
  - name: groups
    include: ["content/groups/**/*.{md,markdown}"]
    exclude: ["content/groups/archive/**"]
    rules:
      social-twitter: note
rules:
  social: warning
  url-insecure: error
ignore: ["content/tmp/**"]
`})
	cat := lint.DefaultCatalogue()
	cfg, err := Load(fsys, "site/c.yaml", "c.yaml", cat)
	if err != nil {
		t.Fatal(err)
	}
	at := func(rel string) string {
		if c := cfg.CollectionFor("site/" + rel); c != nil {
			return c.Name
		}
		return ""
	}
	for rel, want := range map[string]string{
		"content/groups/a.md":         "groups",
		"content/groups/a.markdown":   "groups",
		"content/groups/x/y/b.md":     "groups",
		"content/groups/draft-1.md":   "drafts",
		"content/groups/archive/a.md": "",
		"content/events/a.md":         "",
		"../content/groups/a.md":      "",
	} {
		if got := at(rel); got != want {
			t.Errorf("%s: collection %q, want %q", rel, got, want)
		}
	}
	if !cfg.Ignored("site/content/tmp/a.md") || cfg.Ignored("site/content/a.md") {
		t.Error("ignore globs do not apply")
	}
	groups := cfg.CollectionFor("site/content/groups/a.md")
	drafts := cfg.CollectionFor("site/content/groups/draft-1.md")
	for _, tc := range []struct {
		rule string
		coll *lint.Collection
		want lint.Severity
	}{
		{"social-twitter", groups, lint.SeverityNote},   // collection id
		{"social-github", groups, lint.SeverityWarning}, // global family
		{"url-insecure", groups, lint.SeverityError},    // global id over default warning
		{"schema-type", drafts, lint.SeverityOff},       // collection family
		{"schema-type", groups, lint.SeverityError},     // default
	} {
		if got := cfg.Severity(cat.Rule(tc.rule), tc.coll); got != tc.want {
			t.Errorf("%s in %s: %v, want %v", tc.rule, tc.coll.Name, got, tc.want)
		}
	}
	if drafts.FrontMatterRequired || !groups.FrontMatterRequired {
		t.Error("frontmatter: optional/required not applied")
	}
	if groups.Schema != nil {
		t.Errorf("a collection without schema: has schema %s", groups.Schema.Name)
	}
}

// TestDefaultIsAConfigFile: the built-in defaults come from default.yaml,
// which is a valid configuration file (Default trusts it and skips the
// configuration schema).
func TestDefaultIsAConfigFile(t *testing.T) {
	if _, err := Parse(nil, "default.yaml", "work", defaultYAML, lint.DefaultCatalogue()); err != nil {
		t.Fatalf("default.yaml is not a valid configuration: %v", err)
	}
	cfg, err := Default("work", lint.DefaultCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Collections[0]
	if cfg.Name != DefaultName || cfg.Dir != "work" || c.Name != "community-entry" || c.Schema.Name != "builtin:community-entry" {
		t.Fatalf("default configuration: %+v", c)
	}
	if len(c.Sections.Required) != 2 || c.Sections.Required[1].Aliases[0] != "How to Get Involved" {
		t.Fatalf("default sections: %+v", c.Sections)
	}
}

// TestRuleOptions: a rule's options are validated against its own schema,
// with the position of the offending value, and decoded onto its defaults.
func TestRuleOptions(t *testing.T) {
	cat := lint.DefaultCatalogue()
	r := cat.Rule("description-length")
	cfg, err := Parse(nil, "c.yaml", ".", []byte("collections:\n  - name: x\n    include: [\"**\"]\n    rules:\n      description-length: {severity: warning, options: {max: 120}}\n      schema: {severity: note}\n"), cat)
	if err != nil {
		t.Fatal(err)
	}
	coll := cfg.Collections[0]
	if got := cfg.Severity(r, coll); got != lint.SeverityWarning {
		t.Errorf("severity %v, want warning", got)
	}
	if got := cfg.Severity(cat.Rule("schema-type"), coll); got != lint.SeverityNote {
		t.Errorf("schema family set as an object: %v, want note", got)
	}
	// The options type is the rule's own; its JSON shows what was decoded.
	got, _ := json.Marshal(coll.Options[r])
	if want := `{"max":120,"field":"description"}`; string(got) != want {
		t.Fatalf("options %s, want %s: max configured, field defaulted", got, want)
	}
}

// TestInvalid: each bad configuration names its line and column.
func TestInvalid(t *testing.T) {
	cases := map[string]string{
		"collections: []\n":                                                       "c.yaml:1:14: collections: must have at least 1 item; it has 0",
		"collections:\n  - name: x\n    include: [1]\n":                           "c.yaml:3:15: collections[0].include[0]: expected a string (text), got the number 1",
		"collections:\n  - name: x\n    include: []\n":                            "c.yaml:3:14: collections[0].include: must have at least 1 item; it has 0",
		"ignore: 3\ncollections:\n  - name: x\n    include: [a]\n":                "c.yaml:1:9: ignore: expected a list, got the number 3",
		"collections:\n  - {name: x, include: [a], level: 3}\n":                   `c.yaml:2:29: collections[0].level: unknown field`,
		"collections:\n  - {name: x, include: [a], frontmatter: maybe}\n":         `c.yaml:2:42: collections[0].frontmatter: must be one of "required", "optional"`,
		"collections:\n  - name: x\n    include: [a]\n    sections: {level: 9}\n": "c.yaml:4:23: collections[0].sections.level: must be at most 6; got the number 9",
		"rules: {schema: off}\n":                                                  "c.yaml:1:1: collections: required field is missing",
		"collections:\n  - name: x\n    include: [\"content/[a\"]\n":              `c.yaml:3:15: collections[0].include[0]: "content/[a" is not a valid glob`,
		"collections:\n  - name: x\n    include: [a]\n    rules:\n      description-length: {severity: warning, options: {max: 0}}\n":     "c.yaml:5:62: collections[0].rules.description-length.options.max: must be at least 1; got the number 0",
		"collections:\n  - name: x\n    include: [a]\n    rules:\n      description-length: {severity: warning, options: {maximum: 3}}\n": `c.yaml:5:57: collections[0].rules.description-length.options.maximum: unknown field; allowed fields are field, max`,
		"collections:\n  - name: x\n    include: [a]\n    rules:\n      schema-type: {severity: warning, options: {max: 3}}\n":            "c.yaml:5:40: collections[0].rules.schema-type: schema-type takes no options",
		"collections:\n  - name: x\n    include: [a]\nrules:\n  description-length: {severity: warning, options: {max: 3}}\n":             "c.yaml:5:43: rules.description-length: set a rule's options in a collection's rules",
		"collections:\n  - name: x\n    include: [a]\n    rules:\n      description-length: {severity: loud}\n":                           "c.yaml:5:",
		"collections:\n  - name: x\n    include: [a]\n    rules: {descripton-length: off}\n":                                              `c.yaml:4:13: collections[0].rules.descripton-length: no rule or family "descripton-length"; did you mean "description-length"?`,
		// A section declared twice, however it is written.
		"collections:\n  - name: x\n    include: [a]\n    sections: {required: [Our Mission, Our Mission]}\n":                                 `c.yaml:4:40: collections[0].sections.required[1]: section "Our Mission" is already declared at collections[0].sections.required[0]; declare each section once (an alias counts)`,
		"collections:\n  - name: x\n    include: [a]\n    sections:\n      required: [Our Mission]\n      recommended: [\"our  mission:\"]\n": `c.yaml:6:21: collections[0].sections.recommended[0]: section "our  mission:" is already declared at collections[0].sections.required[0]`,
		"collections:\n  - name: x\n    include: [a]\n    sections:\n      required: [{title: Get Involved, aliases: [Join Us]}, Join us]\n":  `c.yaml:5:61: collections[0].sections.required[1]: section "Join us" is already declared at collections[0].sections.required[0].aliases[0]`,
		"collections:\n  - name: x\n    include: [a]\n    sections:\n      required: [Resources, {title: Links, aliases: [Resources]}]\n":     `c.yaml:5:54: collections[0].sections.required[1].aliases[0]: section "Resources" is already declared at collections[0].sections.required[0]`,
		"collections:\n  - name: x\n    include: [a]\n    sections:\n      required: [{title: Resources}, {title: resources}]\n":              `c.yaml:5:46: collections[0].sections.required[1].title: section "resources" is already declared at collections[0].sections.required[0].title`,
	}
	fields := "collections:\n  - name: x\n    include: [a]\n    fields:\n"
	for src, want := range map[string]string{
		fields + "      twitter: {kind: social, network: twiter}\n": `c.yaml:5:40: collections[0].fields.twitter: "twiter" is not a network contentlint knows; did you mean "twitter"?`,
		fields + "      homepage: social\n":                         `c.yaml:5:17: collections[0].fields.homepage: "homepage" is not a network contentlint knows; say which one it is with network:`,
		fields + "      website: {kind: url, form: handle}\n":       "c.yaml:5:28: collections[0].fields.website: network and form apply to social fields; add kind: social",
		fields + "      github: {kind: social, schemes: [https]}\n": "c.yaml:5:30: collections[0].fields.github: schemes, relative and prefix apply to url fields; add kind: url",
		fields + "      github: {kind: social, form: slug}\n":       `c.yaml:5:36: collections[0].fields.github.form: must be one of "handle", "url", "any"; got the string "slug"`,
		fields + "      website: link\n":                            `c.yaml:5:16: collections[0].fields.website: must be one of "email", "url", "social", "none"; got the string "link"`,
		fields + "      \"social.[\": social\n":                     `c.yaml:5:7: collections[0].fields."social.[": "social.[" is not a valid field pattern`,
		fields + "      url: [\"a.[\"]\n":                           `c.yaml:5:13: collections[0].fields.url[0]: "a.[" is not a valid field pattern`,
		fields + "      twitter: [a]\n":                             `c.yaml:5:16: collections[0].fields.twitter: expected a mapping of fields, got a list`,
		"collections:\n  - {name: x, include: [a], empty: maybe}\n": `c.yaml:2:36: collections[0].empty: must be one of "ignore", "error"; got the string "maybe"`,
	} {
		cases[src] = want
	}
	for src, want := range cases {
		_, err := Parse(nil, "c.yaml", ".", []byte(src), lint.DefaultCatalogue())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: error %v, want %q", src, err, want)
		}
	}
}

// TestEmpty: an empty configuration says so.
func TestEmpty(t *testing.T) {
	for _, src := range []string{"", "  \n", "# only a comment\n"} {
		_, err := Parse(nil, "c.yaml", ".", []byte(src), lint.DefaultCatalogue())
		if err == nil || !strings.Contains(err.Error(), "the configuration is empty") {
			t.Errorf("%q: error %v", src, err)
		}
	}
}

// TestFieldDeclarations: lists, kinds and declarations are read in the order
// written, with their networks, forms, schemes and empty settings.
func TestFieldDeclarations(t *testing.T) {
	src := `collections:
  - name: x
    include: [a]
    empty: error
    fields:
      linkedin: {kind: social, network: LinkedIn, form: handle, empty: ignore}
      email: ["*email"]
      fediverse: social
      url: {kind: url, schemes: [https, mailto], relative: true}
      social: ["social.*"]
      repo: none
`
	cfg, err := Parse(nil, "c.yaml", ".", []byte(src), lint.DefaultCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Collections[0]
	want := []lint.FieldKind{
		{Match: "linkedin", Kind: "social", Network: "linkedin", Form: validate.FormHandle, Empty: lint.EmptyAbsent},
		{Match: "*email", Kind: "email"},
		{Match: "fediverse", Kind: "social"},
		{Match: "url", Kind: "url", URL: validate.URLRules{Schemes: []string{"https", "mailto"}, Relative: true}},
		{Match: "social.*", Kind: "social"},
		{Match: "repo", Kind: "none"},
	}
	if len(c.Fields) != len(want) {
		t.Fatalf("fields %+v, want %+v", c.Fields, want)
	}
	for i := range want {
		if got, _ := json.Marshal(c.Fields[i]); string(got) != mustJSON(want[i]) {
			t.Errorf("field %d = %s, want %s", i, got, mustJSON(want[i]))
		}
	}
	if !c.EmptyIsError {
		t.Error("empty: error not read")
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}
