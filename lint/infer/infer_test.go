package infer

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/validate"
	"github.com/glasgow-open-data/contentlint/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

const (
	repo       = "testdata/repo"
	groups     = "testdata/repo/content/groups"
	configFile = "testdata/repo/.contentlint.yaml"
	schemaFile = "testdata/repo/contentlint.schema.json"
	reportFile = "testdata/report.golden"
)

// onDisk points opts at the machine's file system, as the command line
// does: paths written relative to the working directory or absolute become
// paths of an fs.FS rooted at the volume's root, shown back as written.
func onDisk(t *testing.T, opts Options) Options {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	vol := filepath.VolumeName(wd)
	name := func(p string) string {
		if p == "" {
			p = "."
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimPrefix(filepath.ToSlash(strings.TrimPrefix(abs, vol)), "/")
	}
	opts.FS = os.DirFS(vol + string(filepath.Separator))
	opts.Root, opts.ConfigDir = name(opts.Root), name(opts.ConfigDir)
	opts.Show = func(p string) string {
		rel, err := filepath.Rel(wd, vol+string(filepath.Separator)+filepath.FromSlash(p))
		if err != nil {
			return p
		}
		return filepath.ToSlash(rel)
	}
	return opts
}

func inferRepo(t *testing.T) Result {
	t.Helper()
	res, err := Infer(context.Background(), onDisk(t, Options{Root: groups, ConfigDir: repo}))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// schemaDoc decodes the inferred schema into plain maps for assertions.
func schemaDoc(t *testing.T, res Result) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(res.Schema, &doc); err != nil {
		t.Fatalf("schema is not JSON: %v\n%s", err, res.Schema)
	}
	return doc
}

// prop returns the schema of the property at a dotted path.
func prop(t *testing.T, doc map[string]any, dotted string) map[string]any {
	t.Helper()
	s := doc
	for _, k := range strings.Split(dotted, ".") {
		props, _ := s["properties"].(map[string]any)
		next, ok := props[k].(map[string]any)
		if !ok {
			t.Fatalf("schema has no property %q (looking for %s)", k, dotted)
		}
		s = next
	}
	return s
}

func TestInferRepoSchema(t *testing.T) {
	res := inferRepo(t)
	if res.Entries != 13 || res.Skipped != 1 {
		t.Errorf("Entries, Skipped = %d, %d; want 13, 1", res.Entries, res.Skipped)
	}
	doc := schemaDoc(t, res)
	if doc["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v", doc["$schema"])
	}
	if doc["additionalProperties"] != false {
		t.Errorf("root additionalProperties = %v; want false", doc["additionalProperties"])
	}
	var required []string
	for _, r := range doc["required"].([]any) {
		required = append(required, r.(string))
	}
	for _, want := range []string{"title", "description", "location", "website", "contact_email"} {
		if !slices.Contains(required, want) {
			t.Errorf("required = %v; want it to contain %q", required, want)
		}
	}
	for _, not := range []string{"featured", "meetup"} {
		if slices.Contains(required, not) {
			t.Errorf("required = %v; %q is in too few entries", required, not)
		}
	}
	if got := prop(t, doc, "featured")["type"]; got != "boolean" {
		t.Errorf("featured type = %v; want boolean", got)
	}
	if got, _ := json.Marshal(prop(t, doc, "status")["enum"]); string(got) != `["active","paused"]` {
		t.Errorf("status enum = %s; want [\"active\",\"paused\"]", got)
	}
	if got := prop(t, doc, "location")["enum"]; got != nil {
		t.Errorf("location enum = %v; values seen once must not make an enum", got)
	}
	if got := prop(t, doc, "contact_email")["format"]; got != "email" {
		t.Errorf("contact_email format = %v; want email", got)
	}
	for _, f := range []string{"website", "meetup"} {
		if got := prop(t, doc, f)["format"]; got != "https-url" && got != "uri" {
			t.Errorf("%s format = %v; want https-url or uri", f, got)
		}
	}
	if got := prop(t, doc, "title")["minLength"]; got != 1.0 {
		t.Errorf("title minLength = %v; want 1", got)
	}
	tags := prop(t, doc, "tags")
	if tags["type"] != "array" || tags["uniqueItems"] != true || tags["items"].(map[string]any)["type"] != "string" {
		t.Errorf("tags = %v; want a uniqueItems array of strings", tags)
	}
	social := prop(t, doc, "social")
	if social["type"] != "object" || social["additionalProperties"] != false {
		t.Errorf("social = %v; want a closed object", social)
	}
	for k, want := range map[string]string{"twitter": "twitter-handle", "slack": "slack-handle", "github": "github-handle", "mastodon": "mastodon-handle"} {
		if got := prop(t, doc, "social."+k)["format"]; got != want {
			t.Errorf("social.%s format = %v; want %s", k, got, want)
		}
	}
	if res.Failing != 0 {
		t.Errorf("Failing = %d; want 0 for the well-formed entries\n%s", res.Failing, strings.Join(res.Report, "\n"))
	}
}

// TestInferRepoConfig checks the configuration parses as YAML, validates
// against the configuration schema and says what was inferred.
func TestInferRepoConfig(t *testing.T) {
	res := inferRepo(t)
	checkConfig(t, res.Config)
	var got struct {
		Collections []struct {
			Name        string
			Include     []string
			Schema      string
			Frontmatter string
			Sections    struct {
				Required    []string
				Recommended []string
				Level       int
			}
			Fields map[string][]string
		}
	}
	if err := yaml.Unmarshal(res.Config, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Collections) != 1 {
		t.Fatalf("collections = %d; want 1", len(got.Collections))
	}
	c := got.Collections[0]
	if c.Name != "groups" || !slices.Equal(c.Include, []string{"content/groups/**/*.md"}) || c.Schema != "contentlint.schema.json" || c.Frontmatter != "required" {
		t.Errorf("collection = %+v", c)
	}
	if want := []string{"Our Mission", "Current Projects", "Regular Activities", "Get Involved"}; !slices.Equal(c.Sections.Recommended, want) {
		t.Errorf("recommended sections = %q; want %q", c.Sections.Recommended, want)
	}
	if len(c.Sections.Required) != 0 || c.Sections.Level != 2 {
		t.Errorf("sections = %+v; want none required, level 2", c.Sections)
	}
	want := map[string][]string{"email": {"contact_email"}, "url": {"website", "meetup"}, "social": {"social.*"}}
	for k, w := range want {
		if !slices.Equal(c.Fields[k], w) {
			t.Errorf("fields.%s = %q; want %q", k, c.Fields[k], w)
		}
	}
	if !bytes.Contains(res.Config, []byte("# None is required")) {
		t.Errorf("config does not say why no section is required:\n%s", res.Config)
	}
}

func TestInferRepoReport(t *testing.T) {
	res := inferRepo(t)
	report := strings.Join(res.Report, "\n")
	for _, want := range []string{
		"skipped 1 file",
		"broken.md:3:",
		"field title: string; required: in 13 of 13 entries (100%); minLength 1",
		"field featured: boolean; optional: in 5 of 13 entries (38%)",
		`field status: string; required: in 13 of 13 entries (100%); enum ["active", "paused"]`,
		"field social: object; optional: in 11 of 13 entries (84%)",
		"field social.twitter: string; optional: in 9 of 11 entries with social (81%); format twitter-handle",
		`section "Our Mission": in 13 of 13 entries (100%) → recommended`,
		"0 of 13 entries would fail the inferred schema",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

func TestInferDeterministic(t *testing.T) {
	a, b := inferRepo(t), inferRepo(t)
	if !bytes.Equal(a.Schema, b.Schema) || !bytes.Equal(a.Config, b.Config) || !slices.Equal(a.Report, b.Report) {
		t.Error("two runs over the same entries differ")
	}
}

// TestInferGolden compares the output with the files init would write; run
// with -update to rewrite them, and read the diff like code.
func TestInferGolden(t *testing.T) {
	res := inferRepo(t)
	report := []byte(strings.Join(res.Report, "\n") + "\n")
	for file, got := range map[string][]byte{configFile: res.Config, schemaFile: res.Schema, reportFile: report} {
		if *update {
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the output (run go test -update and review the diff):\n%s", file, got)
		}
	}
}

// TestGoldenSchemaLintsEntries checks the committed schema accepts every
// well-formed entry when compiled as lint compiles it.
func TestGoldenSchemaLintsEntries(t *testing.T) {
	v, err := schema.Load(os.DirFS("."), schemaFile, lint.SchemaOptions())
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(groups, "*.md"))
	p := lint.NewParser()
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		e := p.Parse(f, src)
		if _, broken := brokenProblem(e); broken {
			continue
		}
		if vs := v.Validate(e.Data); len(vs) > 0 {
			t.Errorf("%s: %+v", f, vs)
		}
	}
}

// writeEntries writes files (name → contents) into a new folder and returns it.
func writeEntries(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// entry is a YAML front matter entry with a minimal body.
func entry(frontMatter string) string {
	return "---\n" + frontMatter + "\n---\n\n## About\n\nText.\n"
}

// inferDir infers from dir with the configuration in dir, and checks the
// configuration is valid whatever was inferred.
func inferDir(t *testing.T, dir string) Result {
	t.Helper()
	res, err := Infer(context.Background(), onDisk(t, Options{Root: dir, ConfigDir: dir, Name: "test"}))
	if err != nil {
		t.Fatal(err)
	}
	checkConfig(t, res.Config)
	return res
}

func checkConfig(t *testing.T, cfg []byte) {
	t.Helper()
	checkConfigWith(t, cfg, "../../schema/config.schema.json")
}

// checkConfigWith validates cfg against the configuration schema at path.
func checkConfigWith(t *testing.T, cfg []byte, path string) {
	t.Helper()
	var doc any
	if err := yaml.Unmarshal(cfg, &doc); err != nil {
		t.Fatalf("config is not YAML: %v\n%s", err, cfg)
	}
	j, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var data any
	dec := json.NewDecoder(bytes.NewReader(j))
	dec.UseNumber()
	if err := dec.Decode(&data); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := schema.Compile(path, src, schema.Options{Formats: validate.Formats})
	if err != nil {
		t.Fatal(err)
	}
	if vs := v.Validate(data); len(vs) > 0 {
		t.Errorf("config does not validate against config.schema.json: %+v\n%s", vs, cfg)
	}
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestInferTypes covers type inference: integer and number, mixed types,
// null values, empty strings and arrays of objects.
func TestInferTypes(t *testing.T) {
	files := map[string]string{}
	for i := range 10 {
		fm := "title: \"Group " + strconv.Itoa(i) + "\"\ncount: 3\nmixed: \"a\"\nnothing: null\nnote: \"x\"\nlinks:\n  - url: \"https://a.org\"\n    label: \"A\"\n  - url: \"http://b.org\"\n"
		switch i {
		case 0:
			fm = strings.Replace(fm, "count: 3", "count: 2.5", 1)
		case 1:
			fm = strings.Replace(fm, "mixed: \"a\"", "mixed: 7", 1)
		case 2:
			fm = strings.Replace(fm, "note: \"x\"", "note: \"\"", 1)
		}
		files[string(rune('a'+i))+".md"] = entry(fm)
	}
	res := inferDir(t, writeEntries(t, files))
	doc := schemaDoc(t, res)
	for path, want := range map[string]string{
		"count.type":        `"number"`,
		"mixed.type":        `["string","integer"]`,
		"nothing.type":      `null`,
		"note.minLength":    `null`,
		"title.minLength":   `1`,
		"links.type":        `"array"`,
		"links.uniqueItems": `null`,
	} {
		field, key, _ := strings.Cut(path, ".")
		if got := jsonOf(prop(t, doc, field)[key]); got != want {
			t.Errorf("%s = %s; want %s", path, got, want)
		}
	}
	items := prop(t, doc, "links")["items"].(map[string]any)
	if got := jsonOf(items["required"]); got != `["url"]` {
		t.Errorf("links items required = %s; want [\"url\"] (label is in half of them)", got)
	}
	if got := items["properties"].(map[string]any)["url"].(map[string]any)["format"]; got != "uri" {
		t.Errorf("links url format = %v; want uri (one is http)", got)
	}
	if !bytes.Contains(res.Config, []byte("- links.url")) {
		t.Errorf("config does not check links.url as a URL:\n%s", res.Config)
	}
	if got := jsonOf(doc["required"]); got != `["title","count","mixed","note","links"]` {
		t.Errorf("required = %s; a field with only null values is never required", got)
	}
	if res.Failing != 0 {
		t.Errorf("Failing = %d; want 0\n%s", res.Failing, strings.Join(res.Report, "\n"))
	}
}

func TestInferEnum(t *testing.T) {
	for _, tc := range []struct {
		name   string
		values []string
		want   string
	}{
		{"two values, each repeated", []string{"a", "a", "a", "a", "a", "b", "b", "b", "b", "b"}, `["a","b"]`},
		{"a value seen once", []string{"a", "a", "a", "a", "a", "a", "a", "a", "a", "b"}, `null`},
		{"seen in fewer than 10 entries", []string{"a", "a", "a", "a", "a", "b", "b", "b", "b"}, `null`},
		{"more than 8 distinct values", []string{"a", "a", "b", "b", "c", "c", "d", "d", "e", "e", "f", "f", "g", "g", "h", "h", "i", "i"}, `null`},
		{"8 distinct values", []string{"a", "a", "b", "b", "c", "c", "d", "d", "e", "e", "f", "f", "g", "g", "h", "h"}, `["a","b","c","d","e","f","g","h"]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{}
			for i, v := range tc.values {
				files[fmt.Sprintf("e%02d.md", i)] = entry("kind: " + v)
			}
			doc := schemaDoc(t, inferDir(t, writeEntries(t, files)))
			if got := jsonOf(prop(t, doc, "kind")["enum"]); got != tc.want {
				t.Errorf("enum = %s; want %s", got, tc.want)
			}
		})
	}
}

func TestInferUniqueItemsAndFormats(t *testing.T) {
	files := map[string]string{}
	for i := range 10 {
		fm := "tags: [\"a\", \"b\"]\ngithub: \"octocat\"\naccounts:\n  github: \"octocat\"\n  website: \"https://octo.org\"\nemails: [\"a@b.org\"]"
		if i == 0 {
			fm = strings.Replace(fm, `["a", "b"]`, `["a", "a"]`, 1)
		}
		files[fmt.Sprintf("e%d.md", i)] = entry(fm)
	}
	res := inferDir(t, writeEntries(t, files))
	doc := schemaDoc(t, res)
	if got := prop(t, doc, "tags")["uniqueItems"]; got != nil {
		t.Errorf("tags uniqueItems = %v; an entry repeats an item", got)
	}
	if got := prop(t, doc, "github")["format"]; got != nil {
		t.Errorf("top-level github format = %v; a handle format is only for members of a mapping keyed by network", got)
	}
	if got := prop(t, doc, "accounts.github")["format"]; got != "github-handle" {
		t.Errorf("accounts.github format = %v; want github-handle", got)
	}
	if got := prop(t, doc, "accounts.website")["format"]; got != "https-url" {
		t.Errorf("accounts.website format = %v; want https-url", got)
	}
	if got := prop(t, doc, "emails")["items"].(map[string]any)["format"]; got != "email" {
		t.Errorf("emails items format = %v; want email", got)
	}
	cfg := string(res.Config)
	for _, want := range []string{"email:\n        - emails\n", "url:\n        - accounts.website\n", "social:\n        - \"accounts.*\"\n"} {
		if !strings.Contains(cfg, want) {
			t.Errorf("config lacks %q:\n%s", want, cfg)
		}
	}
}

func TestInferFrontMatterOptional(t *testing.T) {
	files := map[string]string{}
	for i := range 10 {
		files[fmt.Sprintf("e%d.md", i)] = entry("title: \"T\"")
	}
	files["plain1.md"] = "## About\n\nNo front matter.\n"
	files["plain2.md"] = "## About\n\nNo front matter.\n"
	res := inferDir(t, writeEntries(t, files))
	if !bytes.Contains(res.Config, []byte("frontmatter: optional\n")) {
		t.Errorf("want frontmatter: optional with 10 of 12 entries having it:\n%s", res.Config)
	}
	if res.Entries != 12 || res.Failing != 0 {
		t.Errorf("Entries, Failing = %d, %d; want 12, 0", res.Entries, res.Failing)
	}
}

// TestInferFailing checks that entries the 90% rule leaves behind are counted
// and named: a required field missing from one entry, a null value.
func TestInferFailing(t *testing.T) {
	files := map[string]string{}
	for i := range 10 {
		files[fmt.Sprintf("e%d.md", i)] = entry("title: \"T\"\ncity: \"Glasgow\"")
	}
	files["e0.md"] = entry("title: \"T\"")
	files["e1.md"] = entry("title:\ncity: \"Glasgow\"")
	res := inferDir(t, writeEntries(t, files))
	if res.Failing != 2 {
		t.Fatalf("Failing = %d; want 2\n%s", res.Failing, strings.Join(res.Report, "\n"))
	}
	report := strings.Join(res.Report, "\n")
	for _, want := range []string{"2 of 10 entries would fail the inferred schema", "e0.md: city:", "e1.md: title:", "1 null value ignored for the type"} {
		if !strings.Contains(report, want) {
			t.Errorf("report lacks %q:\n%s", want, report)
		}
	}
}

func TestInferSections(t *testing.T) {
	body := func(headings ...string) string {
		var b strings.Builder
		b.WriteString("---\ntitle: \"T\"\n---\n\n")
		for _, h := range headings {
			b.WriteString(h + "\n\nText.\n\n")
		}
		return b.String()
	}
	res := inferDir(t, writeEntries(t, map[string]string{
		"a.md": body("## Get involved!", "## About us"),
		"b.md": body("## About Us", "## Get Involved", "### Deep", "> ## Quoted"),
		"c.md": body("## About Us", "## Get Involved", "### Deep", "> ## Quoted"),
		"d.md": body("# Title", "## Other", "## get involved"),
		"e.md": body("## About Us", "## Get Involved", "### Deep", "- ## Listed"),
	}))
	var cfg struct {
		Collections []struct {
			Sections struct{ Recommended []string }
		}
	}
	if err := yaml.Unmarshal(res.Config, &cfg); err != nil {
		t.Fatal(err)
	}
	// Both in the order a.md has them, each in its most common spelling;
	// level-3 headings and headings in a blockquote or list are no sections.
	want := []string{"Get Involved", "About Us"}
	if got := cfg.Collections[0].Sections.Recommended; !slices.Equal(got, want) {
		t.Errorf("recommended = %q; want %q", got, want)
	}

	none := inferDir(t, writeEntries(t, map[string]string{"a.md": body("## One"), "b.md": body("## Two"), "c.md": body("## Three")}))
	if !bytes.Contains(none.Config, []byte("recommended: []\n")) {
		t.Errorf("want an empty recommended list:\n%s", none.Config)
	}
}

func TestInferDefaults(t *testing.T) {
	dir := writeEntries(t, map[string]string{"people/a.md": entry("title: \"A\""), "people/sub/b.markdown": entry("title: \"B\""), "people/.hidden/c.md": entry("nope: 1")})
	configSchema, err := filepath.Abs("../../schema/config.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	res, err := Infer(context.Background(), onDisk(t, Options{Root: "people"}))
	if err != nil {
		t.Fatal(err)
	}
	checkConfigWith(t, res.Config, configSchema)
	cfg := string(res.Config)
	for _, want := range []string{"- name: people\n", "- \"people/**/*.md\"\n", "- \"people/**/*.markdown\"\n", "schema: contentlint.schema.json\n"} {
		if !strings.Contains(cfg, want) {
			t.Errorf("config lacks %q:\n%s", want, cfg)
		}
	}
	if res.Entries != 2 || bytes.Contains(res.Schema, []byte("nope")) {
		t.Errorf("Entries = %d; want 2, the hidden folder skipped as lint skips it", res.Entries)
	}

	res, err = Infer(context.Background(), onDisk(t, Options{Root: ".", SchemaFile: "schemas/people.json"}))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"- name: entries\n", "- \"**/*.md\"\n", "schema: schemas/people.json\n"} {
		if !strings.Contains(string(res.Config), want) {
			t.Errorf("config lacks %q:\n%s", want, res.Config)
		}
	}
}

func TestInferErrors(t *testing.T) {
	empty := t.TempDir()
	broken := writeEntries(t, map[string]string{"a.md": "---\ntitle: [\n---\n"})
	good := writeEntries(t, map[string]string{"a.md": entry("title: \"T\"")})
	file := filepath.Join(broken, "a.md")
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name string
		ctx  context.Context
		opts Options
		want string
	}{
		{"missing folder", context.Background(), Options{Root: filepath.Join(empty, "nope")}, "no such file"},
		{"a file", context.Background(), Options{Root: file}, "is not a folder"},
		{"no entries", context.Background(), Options{Root: empty, ConfigDir: empty}, "no Markdown files"},
		{"all broken", context.Background(), Options{Root: broken, ConfigDir: broken}, "none of the 1 Markdown files"},
		{"outside the config folder", context.Background(), Options{Root: good, ConfigDir: empty}, "outside the configuration's folder"},
		{"canceled", canceled, Options{Root: good, ConfigDir: good}, "context canceled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Infer(tc.ctx, onDisk(t, tc.opts))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v; want one containing %q", err, tc.want)
			}
		})
	}
}

// TestScalar checks that every string the configuration writes reads back
// as itself, quoted only when YAML would misread it.
func TestScalar(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Our Mission", "Our Mission"},
		{"Who We're", "Who We're"},
		{"contact_email", "contact_email"},
		{"yes", `"yes"`},
		{"Null", `"Null"`},
		{"10", `"10"`},
		{"a: b", `"a: b"`},
		{"FAQ #1", `"FAQ #1"`},
		{"social.*", `"social.*"`},
		{"content/**/*.md", `"content/**/*.md"`},
		{"- item", `"- item"`},
		{"Café & Code", `"Café & Code"`},
	} {
		got := scalar(tc.in)
		if got != tc.want {
			t.Errorf("scalar(%q) = %s; want %s", tc.in, got, tc.want)
		}
		var back string
		if err := yaml.Unmarshal([]byte("v: "+got), &struct{ V *string }{&back}); err != nil || back != tc.in {
			t.Errorf("scalar(%q) = %s reads back as %q (%v)", tc.in, got, back, err)
		}
	}
}
