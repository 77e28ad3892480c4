package lint

import (
	"strings"
	"unicode/utf8"

	"github.com/glasgow-open-data/contentlint/lint/source"
)

// ruleDescriptionLength is the worked example of a rule with options: a
// listing shows an entry's description as a teaser, cut or wrapped past a
// length the site decides, so the collection says how long it may be.
var ruleDescriptionLength = &Rule{
	ID: "description-length", Family: "frontmatter", Severity: SeverityOff,
	Title: "The description is short enough for a listing",
	Doc: "Directory listings show each entry's description as a teaser and cut or wrap it past a length the site decides. " +
		"This rule is off unless a collection turns it on; its options are `max`, the most characters allowed (default 300), " +
		"and `field`, the top-level field that holds the description (default `description`). Characters are Unicode code " +
		"points, counted after trimming surrounding white space. The finding points at the value.",
	Config: exampleBare + "    rules:\n      description-length: {severity: warning, options: {max: 60}}\n",
	Bad:    "---\ntitle: \"Glasgow Open Data Group\"\ndescription: \"A community-driven group promoting open data, civic technology and digital transparency in Glasgow.\"\n---\n\nAbout the group.\n",
	Good:   "---\ntitle: \"Glasgow Open Data Group\"\ndescription: \"Open data and civic tech in Glasgow.\"\n---\n\nAbout the group.\n",
	Tags:   []string{"style"},
	Options: &RuleOptions{
		Schema: `{
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "max": {"type": "integer", "minimum": 1, "description": "The most characters allowed."},
    "field": {"type": "string", "minLength": 1, "description": "The top-level field that holds the description."}
  }
}`,
		Default: func() any { return &descriptionLengthOptions{Max: 300, Field: "description"} },
	},
}

// descriptionLengthOptions are description-length's options.
type descriptionLengthOptions struct {
	Max   int    `json:"max"`
	Field string `json:"field"`
}

func checkDescriptionLength(p *Pass) {
	o := p.Options(ruleDescriptionLength).(*descriptionLengthOptions)
	text, ok := p.Entry.Data[o.Field].(string)
	if !ok {
		return
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(text)); n > o.Max {
		p.ReportField(ruleDescriptionLength, source.Child("", o.Field), "%d characters, more than %d; shorten it to what a listing shows", n, o.Max)
	}
}
