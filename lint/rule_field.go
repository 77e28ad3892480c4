package lint

import (
	"path"
	"strconv"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint/validate"
)

// FieldRules check the values of the fields a collection maps to a kind:
// emails, URLs and social handles, each by the rules of its kind. The first
// rule walks the fields once and reports under every id of these families.
var FieldRules = append([]*Rule{
	{
		ID: "email-invalid", Family: "email", Severity: SeverityError,
		Title: "An email field is not a plain, valid address",
		Doc:   "The value must be a bare address as people publish it (RFC 5321/5322 dot-atom form): no display name, no mailto: prefix, no spaces, quoted local parts, comments or IP-literal domains; a domain with at least two labels. Internationalised domains are accepted.",
		Bad:   "contact_email: \"Glasgow Open Data <contact@glasgowopendata.org>\"",
		Good:  "contact_email: \"contact@glasgowopendata.org\"",
		Tags:  []string{"correctness"},
		Run:   checkFields,
	},
	{
		ID: "email-placeholder", Family: "email", Severity: SeverityWarning,
		Title: "An email field holds a placeholder address",
		Doc:   "Addresses at example.com, example.org or example.net, test@test..., and domains under .invalid, .localhost, .test or .example are reserved for documentation and tests; nobody reads them.",
		Bad:   "contact_email: \"hello@example.com\"",
		Good:  "contact_email: \"contact@glasgowopendata.org\"",
		Tags:  []string{"correctness"},
	},
	{
		ID: "url-invalid", Family: "url", Severity: SeverityError,
		Title: "A URL field is not a usable absolute http(s) URL",
		Doc:   "The value must be an absolute https or http URL whose host is a public DNS name or IP address, with no spaces, credentials, malformed percent-encoding or bad port. A missing scheme gets a suggestion.",
		Bad:   "website: \"glasgowopendata.org\"",
		Good:  "website: \"https://glasgowopendata.org\"",
		Tags:  []string{"correctness"},
	},
	{
		ID: "url-insecure", Family: "url", Severity: SeverityWarning,
		Title: "A URL uses http:// where https:// would do",
		Doc:   "Browsers warn about plain http, and almost every site serves https.",
		Bad:   "website: \"http://glasgowopendata.org\"",
		Good:  "website: \"https://glasgowopendata.org\"",
		Tags:  []string{"security"},
	},
}, socialRules()...)

// socialRules makes one rule per network, social-<network>.
func socialRules() []*Rule {
	var out []*Rule
	for _, n := range validate.Networks {
		out = append(out, &Rule{
			ID: "social-" + n.Name, Family: "social", Severity: SeverityError,
			Title: "A " + n.Title + " handle or profile URL is malformed",
			Doc:   n.Rule + " The bare handle, the handle with a leading @ where people write it so, and a profile URL on " + n.Title + "'s own site are accepted; a URL of another network is an error that names it.",
			Bad:   "social:\n  " + n.Name + ": \"https://example.org/not-a-profile\"",
			Good:  "social:\n  " + n.Name + ": " + socialExample(n.Name),
			Tags:  []string{"correctness"},
		})
	}
	return out
}

func socialExample(network string) string {
	switch network {
	case "mastodon":
		return "\"@glasgowopendata@mastodon.social\""
	case "bluesky":
		return "\"glasgowopendata.bsky.social\""
	case "linkedin":
		return "\"https://www.linkedin.com/company/glasgow-open-data\""
	case "slack":
		return "\"https://glasgowtech.slack.com/channels/open-data\""
	case "discord":
		return "\"https://discord.gg/glasgowdata\""
	case "meetup":
		return "\"https://www.meetup.com/glasgow-open-data/\""
	case "youtube":
		return "\"@GlasgowOpenData\""
	}
	return "\"GlasgowOpenData\""
}

// fieldKind returns the kind the collection gives the field at a dotted path.
func fieldKind(kinds []FieldKind, field string) string {
	for _, k := range kinds {
		if ok, _ := path.Match(k.Match, field); ok {
			return k.Kind
		}
	}
	return ""
}

func checkFields(p *Pass) {
	e := p.Entry
	if p.Collection == nil || e.Data == nil || len(p.Collection.Fields) == 0 {
		return
	}
	var walk func(v any, ptr, field string)
	walk = func(v any, ptr, field string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				child := k
				if field != "" {
					child = field + "." + k
				}
				walk(x, ptr+"/"+pointerToken(k), child)
			}
		case []any:
			for i, x := range v {
				walk(x, ptr+"/"+strconv.Itoa(i), field)
			}
		case string:
			checkField(p, fieldKind(p.Collection.Fields, field), v, ptr)
		}
	}
	walk(e.Data, "", "")
}

// checkField runs the validators of one kind on one value.
func checkField(p *Pass, kind, value, ptr string) {
	if kind == "" {
		return
	}
	e := p.Entry
	span := e.Locate(ptr).Value
	field := FieldPath(e.Data, ptr)
	report := func(id string, err error) bool {
		if err == nil {
			return false
		}
		p.ReportRule(id, span, field, "%s: %s", field, err.Error())
		return true
	}
	switch kind {
	case "email":
		if !report("email-invalid", validate.Email(value)) {
			report("email-placeholder", validate.PlaceholderEmail(value))
		}
	case "url":
		if !report("url-invalid", validate.URL(value)) {
			report("url-insecure", validate.InsecureURL(value))
		}
	case "social":
		network := field[strings.LastIndexByte(field, '.')+1:]
		if n, ok := validate.NetworkByName(network); ok {
			report("social-"+n.Name, n.Check(value))
		}
	}
}
