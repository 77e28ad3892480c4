package lint

// FrontMatterRules check that the front matter exists and parses. All but
// frontmatter-missing are reported by the parser.
var FrontMatterRules = []*Rule{
	{
		ID: "frontmatter-missing", Family: "frontmatter", Severity: SeverityError,
		Title: "The entry has no front matter",
		Doc:   "The collection requires front matter: a block of fields between `---` lines (YAML), `+++` lines (TOML) or a JSON object, at the very top of the file.",
		Bad:   "# Glasgow Open Data Group\n\nAbout the group.",
		Good:  "---\ntitle: \"Glasgow Open Data Group\"\n---\n\nAbout the group.",
		Run: func(p *Pass) {
			if p.Entry.Format == FormatNone && p.Collection != nil && p.Collection.FrontMatterRequired {
				p.Report(p.Entry.Lines.LineSpan(1), "", "no front matter; start the file with a \"---\" line, the entry's fields, and another \"---\" line")
			}
		},
	},
	{
		ID: "frontmatter-unterminated", Family: "frontmatter", Severity: SeverityError,
		Title: "The front matter has no closing delimiter",
		Doc:   "An opening `---` (or `+++`) without a matching closing line makes the whole file front matter. The finding points at the opening line.",
		Bad:   "---\ntitle: \"Glasgow Open Data Group\"\n\nAbout the group.",
		Good:  "---\ntitle: \"Glasgow Open Data Group\"\n---\n\nAbout the group.",
	},
	{
		ID: "frontmatter-syntax", Family: "frontmatter", Severity: SeverityError,
		Title: "The front matter is not valid YAML, TOML or JSON",
		Doc:   "The parser's error, at the line of the front matter where it occurred.",
		Bad:   "---\ntitle: Glasgow: Open Data\n---",
		Good:  "---\ntitle: \"Glasgow: Open Data\"\n---",
	},
	{
		ID: "frontmatter-not-mapping", Family: "frontmatter", Severity: SeverityError,
		Title: "The front matter is not a mapping of fields",
		Doc:   "Front matter must be a set of `key: value` fields, not a list or a single value.",
		Bad:   "---\n- title\n- description\n---",
		Good:  "---\ntitle: \"Glasgow Open Data Group\"\n---",
	},
	{
		ID: "frontmatter-empty", Family: "frontmatter", Severity: SeverityError,
		Title: "The front matter is empty",
		Doc:   "The delimiters are there but hold no fields.",
		Bad:   "---\n---\n\nAbout the group.",
		Good:  "---\ntitle: \"Glasgow Open Data Group\"\n---\n\nAbout the group.",
	},
	{
		ID: "frontmatter-duplicate-key", Family: "frontmatter", Severity: SeverityError,
		Title: "A key appears twice in the same mapping",
		Doc:   "YAML parsers disagree on which of two equal keys wins; contentlint keeps the first and reports the second, naming the first's line.",
		Bad:   "---\ntitle: \"Glasgow Open Data\"\ntitle: \"Glasgow Open Data Group\"\n---",
		Good:  "---\ntitle: \"Glasgow Open Data Group\"\n---",
	},
	{
		ID: "frontmatter-key-type", Family: "frontmatter", Severity: SeverityError,
		Title: "A key is not a string",
		Doc:   "Keys such as `1`, `true` or `null` are numbers, booleans or null in YAML; JSON Schema needs string keys. Quote the key.",
		Bad:   "---\n2024: \"founded\"\n---",
		Good:  "---\n\"2024\": \"founded\"\n---",
	},
	{
		ID: "frontmatter-number", Family: "frontmatter", Severity: SeverityError,
		Title: "A number is not finite",
		Doc:   "`.nan`, `.inf` and numbers too large for a 64-bit float cannot be represented in JSON, so the schema cannot check them.",
		Bad:   "---\nmembers: .inf\n---",
		Good:  "---\nmembers: 120\n---",
	},
	{
		ID: "frontmatter-limit", Family: "frontmatter", Severity: SeverityError,
		Title: "The front matter is too large or too deeply nested",
		Doc:   "Aliases and merge keys can make a few lines of YAML expand to billions of values. contentlint stops at 10,000 values or 200 levels of nesting and reports it.",
		Bad:   "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# ... and so on\n---",
		Good:  "---\ntags: [\"civic tech\", \"transparency\"]\n---",
	},
}
