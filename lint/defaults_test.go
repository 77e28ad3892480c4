package lint

// DefaultSections mirrors the sections of the built-in configuration
// (lint/config/default.yaml) for the rule tests in this package, which
// cannot import the config package; config's tests hold the file itself.
var DefaultSections = &Sections{
	Required: []Section{
		{Title: "Our Mission"},
		{Title: "Get Involved", Aliases: []string{"How to Get Involved"}},
	},
	Recommended: []Section{
		{Title: "Current Projects"},
		{Title: "Regular Activities"},
		{Title: "Who We Are"},
		{Title: "Resources"},
	},
	Level: 2,
}
