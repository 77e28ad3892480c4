package lint

import "github.com/glasgow-open-data/contentlint/schema"

// Collection is one kind of entry: how its front matter and body are checked.
type Collection struct {
	Name string
	// FrontMatterRequired makes a file without front matter a finding.
	FrontMatterRequired bool
	// Schema validates the front matter; nil skips schema checks.
	Schema *schema.Validator
	// Sections declares the body's sections; nil skips section checks.
	Sections *Sections
	// Fields maps front matter fields to the validator that checks them.
	Fields []FieldKind
	// Severities are this collection's rule settings; they win over the linter's.
	Severities Severities
}

// Sections declares the headings a body is expected to have, as data.
type Sections struct {
	Required    []Section
	Recommended []Section
	// Order requires the declared sections (required and recommended, in
	// declaration order: required first) to appear in that order.
	Order bool
	// Level is the heading level the sections sit at; 0 means 2.
	Level int
}

// Section is one expected heading and the other titles accepted for it.
type Section struct {
	Title   string
	Aliases []string
}

// FieldKind maps front matter fields to a kind of value. Match is a field
// path pattern: an exact path ("contact_email"), a suffix ("*email"), or
// "social.*" for every member of social.
type FieldKind struct {
	Match string
	// Kind is "email", "url", or "social" (the network is the member's key).
	Kind string
}
