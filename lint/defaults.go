package lint

import (
	"github.com/glasgow-open-data/contentlint/lint/validate"
	"github.com/glasgow-open-data/contentlint/schema"
)

// DefaultCatalogue returns every rule contentlint has, in documentation order.
func DefaultCatalogue() *Catalogue {
	return NewCatalogue(FileRules, FrontMatterRules, SchemaRules, FieldRules, MarkdownRules, SectionRules, BodyRules, SuppressionRules)
}

// SchemaOptions are the compile options every schema gets: the field
// validators registered as formats, so schema authors share our messages.
func SchemaOptions() schema.Options {
	return schema.Options{Formats: validate.Formats}
}
