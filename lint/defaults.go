package lint

import (
	"github.com/glasgow-open-data/contentlint/lint/validate"
	"github.com/glasgow-open-data/contentlint/schema"
)

// Catalogue returns every rule contentlint has, in documentation order.
func DefaultCatalogue() *Catalogue {
	return NewCatalogue(FileRules, FrontMatterRules, SchemaRules, FieldRules, SectionRules, BodyRules, SuppressionRules)
}

// SchemaOptions are the compile options every schema gets: the field
// validators registered as formats, so schema authors share our messages.
func SchemaOptions() schema.Options {
	return schema.Options{Formats: validate.Formats}
}

// DefaultCollection returns the built-in collection for community directory
// entries, checked against schemaName (a file or builtin: name; empty means
// the built-in community-entry schema).
func DefaultCollection(schemaName string) (*Collection, error) {
	if schemaName == "" {
		schemaName = schema.DefaultName
	}
	v, err := schema.Load(schemaName, SchemaOptions())
	if err != nil {
		return nil, err
	}
	return &Collection{
		Name:                "community-entry",
		FrontMatterRequired: true,
		Schema:              v,
		Fields:              DefaultFields,
		Sections:            DefaultSections,
	}, nil
}
