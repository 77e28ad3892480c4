package lint

// SchemaRules check the front matter against the collection's JSON Schema.
// The first rule validates once and reports under every id of the family.
var SchemaRules = []*Rule{
	{
		ID: "schema-required", Family: "schema", Severity: SeverityError,
		Title: "A required field is missing",
		Doc:   "The schema lists the field under `required`. The finding points at the start of the mapping that should hold it.",
		Bad:   "---\ntitle: \"Glasgow Open Data Group\"\n---",
		Good:  "---\ntitle: \"Glasgow Open Data Group\"\ncontact_email: \"contact@glasgowopendata.org\"\n---",
		Run:   checkSchema,
	},
	{
		ID: "schema-unknown-field", Family: "schema", Severity: SeverityError,
		Title: "A field is not allowed by the schema",
		Doc:   "The schema sets `additionalProperties: false` and does not declare the field, which is usually a typo; the message suggests the closest allowed name.",
		Bad:   "---\ncontactemail: \"contact@glasgowopendata.org\"\n---",
		Good:  "---\ncontact_email: \"contact@glasgowopendata.org\"\n---",
	},
	{
		ID: "schema-type", Family: "schema", Severity: SeverityError,
		Title: "A field has the wrong type",
		Doc:   "The value is, say, a string where the schema expects a boolean. In YAML, quotes make a string: `\"true\"` is not `true`, and `yes` is a string too.",
		Bad:   "---\nfeatured: \"yes\"\n---",
		Good:  "---\nfeatured: true\n---",
	},
	{
		ID: "schema-format", Family: "schema", Severity: SeverityError,
		Title: "A field does not match its format",
		Doc:   "The schema gives the field a `format` (email, uri, https-url, twitter-handle, ...); the message explains what is wrong with the value.",
		Bad:   "---\nwebsite: \"glasgowopendata.org\"\n---",
		Good:  "---\nwebsite: \"https://glasgowopendata.org\"\n---",
	},
	{
		ID: "schema-enum", Family: "schema", Severity: SeverityError,
		Title: "A field is not one of the allowed values",
		Doc:   "The schema lists the allowed values with `enum` or `const`.",
		Bad:   "---\nstatus: \"activ\"\n---",
		Good:  "---\nstatus: \"active\"\n---",
	},
	{
		ID: "schema-ref", Family: "schema", Severity: SeverityError,
		Title: "The schema an entry names cannot be used",
		Doc:   "An entry's own `$schema` key names a schema file relative to the entry, which replaces its collection's schema. The file must exist, be in the repository and compile.",
		Bad:   "---\n$schema: \"../schemas/missing.json\"\n---",
		Good:  "---\n$schema: \"../schemas/event.schema.json\"\n---",
	},
	{
		ID: "schema-constraint", Family: "schema", Severity: SeverityError,
		Title: "A field breaks another schema constraint",
		Doc:   "Length, pattern, number range, item count, unique items and every other JSON Schema keyword.",
		Bad:   "---\ntitle: \"\"\ntags: [\"civic tech\", \"civic tech\"]\n---",
		Good:  "---\ntitle: \"Glasgow Open Data Group\"\ntags: [\"civic tech\"]\n---",
	},
}

func checkSchema(p *Pass) {
	e := p.Entry
	if p.Collection == nil || p.Collection.Schema == nil || e.Data == nil {
		return
	}
	for _, v := range p.Collection.Schema.Validate(e.Data) {
		field := FieldPath(e.Data, v.Pointer)
		span := ViolationSpan(e, v)
		label := field
		if label == "" {
			label = "front matter"
		}
		p.ReportRule("schema-"+v.Kind, span, field, "%s: %s", label, v.Message)
	}
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}
