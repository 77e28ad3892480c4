package lint

import (
	"errors"
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
		Doc:    "The value must be a bare address as people publish it (RFC 5321/5322 dot-atom form): no display name, no mailto: prefix, no spaces, quoted local parts, comments or IP-literal domains; a domain with at least two labels. Internationalised domains are accepted. An empty value is no value and is not checked, unless the collection or field sets `empty: error`. The finding points at the value.",
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
		Title: "A URL field is not a usable absolute http(s) URL",
		Doc: "The value must be an absolute https or http URL whose host is a public DNS name or IP address, with no spaces, credentials, malformed percent-encoding or bad port; non-ASCII text in the path, query or fragment is fine (browsers encode it). A missing scheme gets a suggestion. " +
			"A field may allow other schemes (`{kind: url, schemes: [https, http, mailto, xmpp]}`: mailto: addresses are checked as emails) and relative references (`relative: true`, for site paths such as /img/a.png). " +
			"An empty value is no value and is not checked, unless the collection or field sets `empty: error`. The finding points at the value.",
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
			Title: strings.ToUpper(n.Article[:1]) + n.Article[1:] + " " + n.Title + " handle or profile URL is malformed",
			Doc: n.Rule + " A field holds the handle (the bare handle, with a leading @ where people write it so), a profile URL on " + n.Title + "'s own site, or either: the configuration says which " +
				"(`{kind: social, network: " + n.Name + ", form: handle}` when the site's template adds the address; `form: url` for full links; `any`, the default, for either), and a value in the other form gets the converted value to write. " +
				"A URL of another network is an error that names it. An empty value is no value and is not checked, unless the collection or field sets `empty: error`. The finding points at the value.",
			Config: exampleFields,
			Bad:    "---\nsocial:\n  " + n.Name + ": \"https://example.org/not-a-profile\"\n---\n\nAbout the group.\n",
			Good:   "---\nsocial:\n  " + n.Name + ": \"" + n.Example + "\"\n---\n\nAbout the group.\n",
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

// fieldRules are the rules the field check reports under.
func fieldRules() []*Rule {
	return append([]*Rule{ruleEmailInvalid, ruleEmailPlaceholder, ruleURLInvalid, ruleURLInsecure}, socialRules...)
}

func checkFields(p *Pass) {
	e := p.Entry
	if p.Collection == nil || e.Data == nil || len(p.Collection.Fields) == 0 {
		return
	}
	walkFieldKinds(e.Data, p.fieldKind, func(k *FieldKind, value, ptr, key string) {
		checkField(p, k, value, ptr, key)
	})
}

// walkFieldKinds calls fn for every string in the front matter whose field
// kind declares, with its JSON pointer and its own key. A list's items
// count as the field that holds them.
func walkFieldKinds(data map[string]any, kind func(keys []string) *FieldKind, fn func(k *FieldKind, value, ptr, key string)) {
	var walk func(v any, ptr string, keys []string)
	walk = func(v any, ptr string, keys []string) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				walk(x, source.Child(ptr, k), append(keys[:len(keys):len(keys)], k))
			}
		case []any:
			for i, x := range v {
				walk(x, source.Index(ptr, i), keys)
			}
		case string:
			if k := kind(keys); k != nil && k.Kind != KindNone {
				fn(k, v, ptr, keys[len(keys)-1])
			}
		}
	}
	walk(data, "", nil)
}

// checkField runs the validators of one kind on one value; key is the
// value's own key, which names the network of a social field that does not
// say its network.
func checkField(p *Pass, k *FieldKind, value, ptr, key string) {
	report := func(r *Rule, err error) bool {
		if err == nil {
			return false
		}
		p.ReportField(r, ptr, "%s", err.Error())
		return true
	}
	var network validate.Network
	if k.Kind == KindSocial {
		name := k.Network
		if name == "" {
			name = key
		}
		n, ok := validate.NetworkByName(name)
		if !ok {
			return // a key under social: that names no network we know
		}
		network = n
	}
	if strings.TrimSpace(value) == "" {
		// Templates write "" for a field left blank; whether it must be
		// filled in is the schema's business (required, minLength).
		if p.Collection.emptyIsError(k) {
			report(emptyRule(k, network), errEmpty)
		}
		return
	}
	switch k.Kind {
	case KindEmail:
		if !report(ruleEmailInvalid, validate.Email(value)) {
			report(ruleEmailPlaceholder, validate.PlaceholderEmail(value))
		}
	case KindURL:
		if k.Prefix != "" && uriScheme(value) == "" && !strings.HasPrefix(value, "/") {
			value = k.Prefix + value // as the template writes it
		}
		if !report(ruleURLInvalid, validate.CheckURL(value, k.URL)) {
			report(ruleURLInsecure, validate.InsecureURL(value))
		}
	case KindSocial:
		report(socialRule(network.Name), network.Check(value, k.Form))
	}
}

var errEmpty = errors.New("is empty; fill it in, or remove the key if there is nothing to say")

// emptyRule is the rule an empty value is reported under where the
// configuration asks for that.
func emptyRule(k *FieldKind, n validate.Network) *Rule {
	switch k.Kind {
	case KindEmail:
		return ruleEmailInvalid
	case KindURL:
		return ruleURLInvalid
	}
	return socialRule(n.Name)
}
