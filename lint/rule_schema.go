package lint

import (
	"maps"

	"github.com/glasgow-open-data/contentlint/lint/source"
	"github.com/glasgow-open-data/contentlint/schema"
)

// The schema rules: the front matter against the collection's JSON Schema.
// One check validates once and reports each violation under the rule of
// its kind.
var (
	ruleSchemaRequired = &Rule{
		ID: "schema-required", Family: "schema", Severity: SeverityError,
		Title:  "A required field is missing",
		Doc:    "The schema lists the field under `required`. The finding points at the key of the mapping that should hold it, or at the opening delimiter for a top-level field.",
		Config: exampleSchema,
		Bad:    "---\ntitle: \"Glasgow Open Data Group\"\ndescription: \"Open data and civic tech in Glasgow.\"\nlocation: \"Glasgow\"\nwebsite: \"https://glasgowopendata.org\"\n---\n\nAbout the group.\n",
		Good:   schemaEntry(""),
	}
	ruleSchemaUnknownField = &Rule{
		ID: "schema-unknown-field", Family: "schema", Severity: SeverityError,
		Title:  "A field is not allowed by the schema",
		Doc:    "The schema sets `additionalProperties: false` (or `unevaluatedProperties: false`) and does not declare the field, which is usually a typo; the message suggests the closest allowed name. The finding points at the key.",
		Config: exampleSchema,
		Bad:    schemaEntry("featurd: true\n"),
		Good:   schemaEntry("featured: true\n"),
	}
	ruleSchemaType = &Rule{
		ID: "schema-type", Family: "schema", Severity: SeverityError,
		Title:  "A field has the wrong type",
		Doc:    "The value is, say, a string where the schema expects a boolean. In YAML, quotes make a string: `\"true\"` is not `true`, and `yes` is a string too. The finding points at the value.",
		Config: exampleSchema,
		Bad:    schemaEntry("featured: \"yes\"\n"),
		Good:   schemaEntry("featured: true\n"),
	}
	ruleSchemaFormat = &Rule{
		ID: "schema-format", Family: "schema", Severity: SeverityError,
		Title:  "A field does not match its format",
		Doc:    "The schema gives the field a `format` (email, uri, https-url, twitter-handle, ...); the message explains what is wrong with the value. The finding points at the value.",
		Config: exampleBare + "    schema: schema.json\n",
		Bad:    "---\ntitle: \"Glasgow Open Data Group\"\nwebsite: \"glasgowopendata.org\"\n---\n\nAbout the group.\n",
		Good:   "---\ntitle: \"Glasgow Open Data Group\"\nwebsite: \"https://glasgowopendata.org\"\n---\n\nAbout the group.\n",
		Files:  map[string]string{"schema.json": `{"type": "object", "properties": {"title": {"type": "string"}, "website": {"type": "string", "format": "https-url"}}}`},
	}
	ruleSchemaEnum = &Rule{
		ID: "schema-enum", Family: "schema", Severity: SeverityError,
		Title:  "A field is not one of the allowed values",
		Doc:    "The schema lists the allowed values with `enum` or `const`. The finding points at the value.",
		Config: exampleBare + "    schema: schema.json\n",
		Bad:    "---\ntitle: \"Glasgow Open Data Group\"\nstatus: \"activ\"\n---\n\nAbout the group.\n",
		Good:   "---\ntitle: \"Glasgow Open Data Group\"\nstatus: \"active\"\n---\n\nAbout the group.\n",
		Files:  map[string]string{"schema.json": `{"type": "object", "properties": {"title": {"type": "string"}, "status": {"enum": ["active", "dormant"]}}}`},
	}
	ruleSchemaRef = &Rule{
		ID: "schema-ref", Family: "schema", Severity: SeverityError,
		Title:  "The schema an entry names cannot be used",
		Doc:    "An entry's own `$schema` key names a schema file relative to the entry, which replaces its collection's schema. The file must exist, be in the repository and compile. The finding points at the key's value, and the entry is then not schema-checked.",
		Config: exampleSchema,
		Bad:    schemaEntry("$schema: \"schemas/missing.json\"\n"),
		Good:   schemaEntry("$schema: \"schemas/event.schema.json\"\n"),
		Files:  map[string]string{"schemas/event.schema.json": `{"type": "object"}`},
	}
	ruleSchemaConstraint = &Rule{
		ID: "schema-constraint", Family: "schema", Severity: SeverityError,
		Title:  "A field breaks another schema constraint",
		Doc:    "Length, pattern, number range, item count, unique items and every other JSON Schema keyword. The finding points at the value (for a repeated item, at the repeat).",
		Config: exampleSchema,
		Bad:    schemaEntry("tags: [\"civic tech\", \"civic tech\"]\n"),
		Good:   schemaEntry("tags: [\"civic tech\"]\n"),
	}
)

// schemaRules maps each kind of violation to the rule it is reported under.
var schemaRules = map[schema.Kind]*Rule{
	schema.KindRequired:     ruleSchemaRequired,
	schema.KindUnknownField: ruleSchemaUnknownField,
	schema.KindType:         ruleSchemaType,
	schema.KindFormat:       ruleSchemaFormat,
	schema.KindEnum:         ruleSchemaEnum,
	schema.KindConstraint:   ruleSchemaConstraint,
}

func checkSchema(p *Pass) {
	e := p.Entry
	if p.Collection == nil || p.Collection.Schema == nil || e.Data == nil {
		return
	}
	data := e.Data
	if _, ok := data["$schema"]; ok {
		// The key that chooses the schema is not data the schema describes.
		data = maps.Clone(data)
		delete(data, "$schema")
	}
	for _, v := range p.Collection.Schema.Validate(data) {
		if e.unusable[v.Pointer] {
			continue // a number JSON cannot hold, reported by frontmatter-number
		}
		field := source.FieldPath(e.Data, v.Pointer)
		label := field
		if label == "" {
			label = "front matter"
		}
		p.ReportDiagnostic(Diagnostic{Rule: schemaRules[v.Kind], Span: ViolationSpan(e.Locations, e.Open, v), Field: field, Message: label + ": " + v.Message})
	}
}

// ViolationSpan is where a schema violation points in positioned data whose
// root is at root: a missing field at the key of the mapping that should
// hold it (root for the top level), an unknown field at its key, anything
// else at the value.
func ViolationSpan(locs map[string]source.Location, root Span, v schema.Violation) Span {
	at := func(ptr string) Span {
		loc := source.Nearest(locs, ptr, root)
		if !loc.Key.IsZero() {
			return loc.Key
		}
		return loc.Value
	}
	switch v.Kind {
	case schema.KindRequired:
		parent, _ := source.Parent(v.Pointer)
		if parent == "" {
			return root
		}
		return at(parent)
	case schema.KindUnknownField:
		return at(v.Pointer)
	}
	return source.Nearest(locs, v.Pointer, root).Value
}
