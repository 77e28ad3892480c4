package lint

import "github.com/glasgow-open-data/contentlint/lint/source"

// The front matter rules: whether front matter exists and parses. All but
// frontmatter-missing are reported by the parser.
var (
	ruleFrontMatterMissing = &Rule{
		ID: "frontmatter-missing", Family: "frontmatter", Severity: SeverityError,
		Title: "The entry has no front matter",
		Doc: "The collection requires front matter: a block of fields between `---` lines (YAML; also `---yaml`), `+++` lines " +
			"(TOML; also `---toml`), `;;;` lines or `---json` (JSON), or a bare JSON object from `{` to its `}` on one line or " +
			"many (Hugo's form), at the top of the file (blank lines before it are frontmatter-start, not this). The finding " +
			"points at line 1.",
		Config: exampleBare,
		Bad:    "# Glasgow Open Data Group\n\nAbout the group.\n",
		Good:   titled("About the group.\n"),
	}
	ruleFrontMatterUnterminated = &Rule{
		ID: "frontmatter-unterminated", Family: "frontmatter", Severity: SeverityError,
		Title: "The front matter has no closing delimiter",
		Doc: "An opening `---` (or `+++`, `;;;`, `{`) without a matching close makes the whole file front matter, so the body " +
			"is not checked. The finding points at the opening delimiter. A closing `---` that is indented does not close the " +
			"front matter (it could be a line of a YAML block scalar); the message then names its line.",
		Config: exampleBare,
		Bad:    "---\ntitle: \"Glasgow Open Data Group\"\n\nAbout the group.\n",
		Good:   titled("About the group.\n"),
	}
	ruleFrontMatterStart = &Rule{
		ID: "frontmatter-start", Family: "frontmatter", Severity: SeverityWarning,
		Title: "Front matter starts at the very top of the file",
		Doc: "Blank lines or spaces before the opening `---` (or `;;;`): Jekyll, GitHub's Markdown view and the many tools " +
			"that read front matter with gray-matter (Eleventy, Docusaurus, Gatsby) look for the delimiter at the very first " +
			"character, so they show the front matter as text and the page has no title or fields. contentlint still reads " +
			"the front matter, so its fields are checked, and reports this once, at the opening delimiter. Hugo and Zola skip " +
			"leading white space, and they are the only readers of `+++` (TOML) and bare `{` (JSON) front matter, so those " +
			"are never reported: real Zola sites start every page with a blank line. A Hugo site with `---` front matter " +
			"after blank lines can turn the rule off.",
		Config: exampleBare,
		Bad:    "\n---\ntitle: \"Glasgow Open Data Group\"\n---\n\nAbout the group.\n",
		Good:   titled("About the group.\n"),
	}
	ruleFrontMatterSyntax = &Rule{
		ID: "frontmatter-syntax", Family: "frontmatter", Severity: SeverityError,
		Title: "The front matter is not valid YAML, TOML or JSON",
		Doc: "The front matter cannot be read. The finding points at the character at fault, found from the source (a " +
			"YAML parser names the line where the enclosing block starts, without a column), and says what is wrong and how " +
			"to fix it. For YAML: text after a closing quote (and an apostrophe inside single quotes); a quote or bracket " +
			"never closed, at the quote or bracket that opened it, also when the next lines are read as part of it; a " +
			"bracket closed by the wrong one; a value starting with `@`, `` ` ``, `%`, `*`, `&`, `!`, `|`, `>` or `- ` that " +
			"needs quotes; an unknown alias, at the alias; `: ` inside a value; a colon without a space after a key; tabs " +
			"and indentation that matches no block; an unknown escape in double quotes; a control character. For TOML: the " +
			"parser's position, with the common mistakes explained (`key: value` instead of `key = value`, unquoted text, " +
			"a missing value, a string left open, pointed at its quote). For JSON: the decoder's position, a missing comma " +
			"or colon, or a control character at the character. Two things that parse but silently change a YAML value are " +
			"reported here too, at the value, without stopping the checks: a tag (`!Important notice`) and an anchor with " +
			"no value (`&Co`).",
		Config: exampleBare,
		Bad:    "---\ntitle: Glasgow: Open Data\n---\n\nAbout the group.\n",
		Good:   "---\ntitle: \"Glasgow: Open Data\"\n---\n\nAbout the group.\n",
	}
	ruleFrontMatterNotMapping = &Rule{
		ID: "frontmatter-not-mapping", Family: "frontmatter", Severity: SeverityError,
		Title:  "The front matter is not a mapping of fields",
		Doc:    "Front matter must be a set of `key: value` fields, not a list or a single value. The finding points at the start of the value (its first line).",
		Config: exampleBare,
		Bad:    "---\n- title\n- description\n---\n\nAbout the group.\n",
		Good:   titled("About the group.\n"),
	}
	ruleFrontMatterEmpty = &Rule{
		ID: "frontmatter-empty", Family: "frontmatter", Severity: SeverityError,
		Title:  "The front matter is empty",
		Doc:    "The delimiters are there but hold nothing but blank lines and comments (or `{}`). The finding points at the opening delimiter.",
		Config: exampleBare,
		Bad:    "---\n---\n\nAbout the group.\n",
		Good:   titled("About the group.\n"),
	}
	ruleFrontMatterDuplicateKey = &Rule{
		ID: "frontmatter-duplicate-key", Family: "frontmatter", Severity: SeverityError,
		Title: "A key appears twice in the same mapping",
		Doc: "A key defined twice in one mapping: in YAML and JSON parsers disagree on which of the two wins; TOML forbids it, " +
			"for keys and for tables (`[social]` twice, or a value and a table of the same name). contentlint keeps the first, " +
			"checks the entry with it, and reports the second at its key (a TOML table at its header), naming the first's line.",
		Config: exampleBare,
		Bad:    "---\ntitle: \"Glasgow Open Data\"\ntitle: \"Glasgow Open Data Group\"\n---\n\nAbout the group.\n",
		Good:   titled("About the group.\n"),
	}
	ruleFrontMatterKeyType = &Rule{
		ID: "frontmatter-key-type", Family: "frontmatter", Severity: SeverityError,
		Title:  "A key is not a string",
		Doc:    "Keys such as `1`, `true` or `null` are numbers, booleans or null in YAML (by the YAML 1.2 core schema, so `yes` and `1_000` are strings); JSON Schema needs string keys. Quote the key. A list or mapping used as a key is reported too. The finding points at the key.",
		Config: exampleBare,
		Bad:    "---\n2024: \"founded\"\n---\n\nAbout the group.\n",
		Good:   "---\n\"2024\": \"founded\"\n---\n\nAbout the group.\n",
	}
	ruleFrontMatterNumber = &Rule{
		ID: "frontmatter-number", Family: "frontmatter", Severity: SeverityError,
		Title: "A number is not finite",
		Doc: "`.nan`, `.inf` (TOML's `nan`, `inf`) and numbers too large for a 64-bit float (`1e400`) cannot be represented in " +
			"JSON, so the schema cannot check them; nor can a value tagged `!!int` or `!!float` that is not a number. The " +
			"finding points at the value, once: the value then counts as empty, so no schema or field rule reports it again. " +
			"YAML numbers follow the YAML 1.2 core schema, as YAML 1.2 parsers read them: `0100` and `02024` are the decimal " +
			"numbers 100 and 2024 (octal is `0o17`, hex `0x1F`), while `1_000`, `0b101`, `1:20` and dates are text.",
		Config: exampleBare,
		Bad:    "---\nmembers: .inf\n---\n\nAbout the group.\n",
		Good:   "---\nmembers: 120\n---\n\nAbout the group.\n",
	}
	ruleFrontMatterLimit = &Rule{
		ID: "frontmatter-limit", Family: "frontmatter", Severity: SeverityError,
		Title:  "The front matter is too large or too deeply nested",
		Doc:    "Aliases and merge keys can make a few lines of YAML expand to billions of values. contentlint stops at 10,000 values or 200 levels of nesting and reports it at the opening delimiter.",
		Config: exampleBare,
		Bad: "---\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
			"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\n\nAbout the group.\n",
		Good: "---\ntags: [\"civic tech\", \"transparency\"]\n---\n\nAbout the group.\n",
	}
)

// decodeRules maps what the front matter decoder found to the rules it is reported under.
var decodeRules = map[source.ProblemKind]*Rule{
	source.ProblemSyntax:       ruleFrontMatterSyntax,
	source.ProblemDuplicateKey: ruleFrontMatterDuplicateKey,
	source.ProblemKeyType:      ruleFrontMatterKeyType,
	source.ProblemNumber:       ruleFrontMatterNumber,
	source.ProblemLimit:        ruleFrontMatterLimit,
}

// checkFrontMatterMissing reports a file without front matter where the
// collection requires it.
func checkFrontMatterMissing(p *Pass) {
	if p.Entry.Format == source.FormatNone && p.Collection != nil && p.Collection.FrontMatterRequired {
		p.Report(ruleFrontMatterMissing, p.Entry.Lines.LineSpan(1), "no front matter; start the file with a \"---\" line, the entry's fields, and another \"---\" line")
	}
}
