package config

import (
	"strings"
	"testing"

	"github.com/glasgow-open-data/contentlint/lint"
)

// TestAcrossEntries reads the keys of the checks across entries.
func TestAcrossEntries(t *testing.T) {
	src := `collections:
  - name: organisers
    include: ["organisers/*.md"]
  - name: talks
    include: ["talks/*.md"]
    unique: [title, "social.*"]
    vocabulary: [tags]
    filename: "{date}-{title}"
    references:
      - {field: speakers, collection: organisers}
      - {field: venue, collection: venues, key: id}
  - name: venues
    include: ["venues/**/*.md"]
`
	c, err := Parse(nil, "c.yaml", ".", []byte(src), lint.DefaultCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	talks := c.Collection("talks")
	if talks == nil || c.Collection("nope") != nil {
		t.Fatal("Collection does not find collections by name")
	}
	if strings.Join(talks.Unique, ",") != "title,social.*" || strings.Join(talks.Vocabulary, ",") != "tags" || talks.Filename != "{date}-{title}" {
		t.Errorf("talks = %+v", talks)
	}
	want := []lint.Reference{{Field: "speakers", Collection: "organisers"}, {Field: "venue", Collection: "venues", Key: "id"}}
	if len(talks.References) != 2 || talks.References[0] != want[0] || talks.References[1] != want[1] {
		t.Errorf("references = %+v, want %+v (a reference may name a collection declared after it)", talks.References, want)
	}
	d, err := Default(".", lint.DefaultCatalogue())
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(d.Collections[0].Unique, ","); got != "title,website,contact_email" {
		t.Errorf("built-in unique fields %q, want title, website and contact_email", got)
	}
}

// TestAcrossEntriesInvalid: each mistake is placed at its value.
func TestAcrossEntriesInvalid(t *testing.T) {
	head := "collections:\n  - name: groups\n    include: [a]\n"
	cases := map[string]string{
		head + "    unique: title\n":                                              "c.yaml:4:13: collections[0].unique: expected a list, got the string \"title\"",
		head + "    unique: [\"social.[\"]\n":                                     `c.yaml:4:14: collections[0].unique[0]: "social.[" is not a valid field pattern; write keys separated by ".", with * for any one key and ** for any depth, and close every "[" and "{"`,
		head + "    vocabulary: [\"\"]\n":                                         "c.yaml:4:18: collections[0].vocabulary[0]: must not be empty",
		head + "    filename: title\n":                                            `c.yaml:4:15: collections[0].filename: "title" names no field; write the field the file name follows in braces, such as "{title}"`,
		head + "    filename: \"{title\"\n":                                       `c.yaml:4:15: collections[0].filename: "{title" has an unmatched brace`,
		head + "    filename: \"groups/{title}\"\n":                               `c.yaml:4:15: collections[0].filename: "groups/{title}" names folders`,
		head + "    references: [{field: organisers, collection: organizers}]\n":  `c.yaml:4:50: collections[0].references[0].collection: no collection is named "organizers"; the collections are "groups"`,
		head + "    references: [{field: x, collection: group}]\n":                `c.yaml:4:41: collections[0].references[0].collection: no collection is named "group"; did you mean "groups"?`,
		head + "    references: [{field: x}]\n":                                   "c.yaml:4:18: collections[0].references[0].collection: required field is missing",
		head + "    references: [{field: x, collection: groups, key: \"a.*\"}]\n": `c.yaml:4:54: collections[0].references[0].key: "a.*" is not a field path`,
		head + "    references: [{field: \"[\", collection: groups}]\n":           `c.yaml:4:26: collections[0].references[0].field: "[" is not a valid field pattern`,
		head + "    references: [{field: x, collection: groups, by: id}]\n":       "collections[0].references[0].by: unknown field",
	}
	for src, want := range cases {
		_, err := Parse(nil, "c.yaml", ".", []byte(src), lint.DefaultCatalogue())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q:\nerror %v\nwant  %q", src, err, want)
		}
	}
}
