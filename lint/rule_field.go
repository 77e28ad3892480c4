package lint

import (
	"strings"

	"github.com/glasgow-open-data/contentlint/lint/source"
	"github.com/glasgow-open-data/contentlint/lint/validate"
)

// The field rules: the values of the fields a collection maps to a kind
// (emails, URLs and social accounts), each by the rules of its kind. One
// check walks the fields once and reports under every rule of these families.
var (
	ruleEmailInvalid = &Rule{
		ID: "email-invalid", Family: "email", Severity: SeverityError,
		Title:  "An email field is not a plain, valid address",
		Doc:    "The value must be a bare address as people publish it (RFC 5321/5322 dot-atom form): no display name, no mailto: prefix, no spaces, quoted local parts, comments or IP-literal domains; a domain with at least two labels. Internationalised domains are accepted. The finding points at the value.",
		Config: exampleFields,
		Bad:    "---\ncontact_email: \"Glasgow Open Data <contact@glasgowopendata.org>\"\n---\n\nAbout the group.\n",
		Good:   "---\ncontact_email: \"contact@glasgowopendata.org\"\n---\n\nAbout the group.\n",
		Tags:   []string{"correctness"},
	}
	ruleEmailPlaceholder = &Rule{
		ID: "email-placeholder", Family: "email", Severity: SeverityWarning,
		Title:  "An email field holds a placeholder address",
		Doc:    "Addresses at example.com, example.org or example.net, test@test..., and domains under .invalid, .localhost, .test or .example are reserved for documentation and tests; nobody reads them. The finding points at the value.",
		Config: exampleFields,
		Bad:    "---\ncontact_email: \"hello@example.com\"\n---\n\nAbout the group.\n",
		Good:   "---\ncontact_email: \"contact@glasgowopendata.org\"\n---\n\nAbout the group.\n",
		Tags:   []string{"correctness"},
	}
	ruleURLInvalid = &Rule{
		ID: "url-invalid", Family: "url", Severity: SeverityError,
		Title:  "A URL field is not a usable absolute http(s) URL",
		Doc:    "The value must be an absolute https or http URL whose host is a public DNS name or IP address, with no spaces, credentials, malformed percent-encoding or bad port. A missing scheme gets a suggestion. The finding points at the value.",
		Config: exampleFields,
		Bad:    "---\nwebsite: \"glasgowopendata.org\"\n---\n\nAbout the group.\n",
		Good:   "---\nwebsite: \"https://glasgowopendata.org\"\n---\n\nAbout the group.\n",
		Tags:   []string{"correctness"},
	}
	ruleURLInsecure = &Rule{
		ID: "url-insecure", Family: "url", Severity: SeverityWarning,
		Title:  "A URL uses http:// where https:// would do",
		Doc:    "Browsers warn about plain http, and almost every site serves https. The finding points at the value.",
		Config: exampleFields,
		Bad:    "---\nwebsite: \"http://glasgowopendata.org\"\n---\n\nAbout the group.\n",
		Good:   "---\nwebsite: \"https://glasgowopendata.org\"\n---\n\nAbout the group.\n",
		Tags:   []string{"security"},
	}
)

// socialRules holds one rule per network, social-<network>, in the
// networks' order.
var socialRules = newSocialRules(validate.Networks)

func newSocialRules(networks []validate.Network) []*Rule {
	out := make([]*Rule, len(networks))
	for i, n := range networks {
		out[i] = &Rule{
			ID: "social-" + n.Name, Family: "social", Severity: SeverityError,
			Title:  article(n.Title) + " " + n.Title + " handle or profile URL is malformed",
			Doc:    n.Rule + " The bare handle, the handle with a leading @ where people write it so, and a profile URL on " + n.Title + "'s own site are accepted; a URL of another network is an error that names it. The finding points at the value.",
			Config: exampleFields,
			Bad:    "---\nsocial:\n  " + n.Name + ": \"https://example.org/not-a-profile\"\n---\n\nAbout the group.\n",
			Good:   "---\nsocial:\n  " + n.Name + ": " + socialExample(n.Name) + "\n---\n\nAbout the group.\n",
			Tags:   []string{"correctness"},
		}
	}
	return out
}

// socialRule returns the rule of the network named name, or nil.
func socialRule(name string) *Rule {
	for _, r := range socialRules {
		if r.ID[len("social-"):] == name {
			return r
		}
	}
	return nil
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

// fieldRules are the rules the field check reports under.
func fieldRules() []*Rule {
	return append([]*Rule{ruleEmailInvalid, ruleEmailPlaceholder, ruleURLInvalid, ruleURLInsecure}, socialRules...)
}

func checkFields(p *Pass) {
	e := p.Entry
	if p.Collection == nil || e.Data == nil || len(p.Collection.Fields) == 0 {
		return
	}
	var walk func(v any, ptr string, keys []string)
	walk = func(v any, ptr string, keys []string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(x, source.Child(ptr, k), append(keys[:len(keys):len(keys)], k))
			}
		case []any:
			// A list's items are checked as the field that holds them.
			for i, x := range v {
				walk(x, source.Index(ptr, i), keys)
			}
		case string:
			if kind := p.Collection.FieldKind(keys); kind != "" {
				checkField(p, kind, v, ptr, keys[len(keys)-1])
			}
		}
	}
	walk(e.Data, "", nil)
}

// checkField runs the validators of one kind on one value; key is the
// value's own key, which names the network of a social field.
func checkField(p *Pass, kind, value, ptr, key string) {
	report := func(r *Rule, err error) bool {
		if err == nil {
			return false
		}
		p.ReportField(r, ptr, "%s", err.Error())
		return true
	}
	switch kind {
	case "email":
		if !report(ruleEmailInvalid, validate.Email(value)) {
			report(ruleEmailPlaceholder, validate.PlaceholderEmail(value))
		}
	case "url":
		if !report(ruleURLInvalid, validate.URL(value)) {
			report(ruleURLInsecure, validate.InsecureURL(value))
		}
	case "social":
		if n, ok := validate.NetworkByName(strings.ToLower(key)); ok {
			report(socialRule(n.Name), n.Check(value))
		}
	}
}
