package infer

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
	"github.com/glasgow-open-data/contentlint/lint/validate"
)

// decision is what a field's values say it holds, decided with the same
// validators lint runs.
type decision struct {
	// kind is lint.KindSocial, lint.KindEmail or lint.KindURL; "" when the
	// field is left undeclared (see why).
	kind    string
	network validate.Network  // for social
	form    validate.Form     // for social
	rules   validate.URLRules // for url

	values  int // non-empty values
	passing int // values that pass the kind in any form
	handles int // social: values that are handles
	links   int // social: values that are profile URLs
	// url: values by what they are
	web, http, relative int
	schemes             map[string]int
	// bare counts web addresses written without their scheme
	// ("example.org"); prefix is "https://" when they are the field's
	// habit, which only a template that adds it makes work.
	bare   int
	prefix string

	// defects are the values that fail the declaration written.
	defects []defect
	// why says, for the configuration and the report, what the values are.
	why string
}

// defect is a value or key that does not fit what the rest of its field or
// collection holds: most likely a mistake in that entry.
type defect struct {
	path    string
	line    int
	field   string
	message string
}

// otherSchemes are the URL schemes a link field may legitimately hold
// besides http and https; any other scheme seen is reported, not allowed
// (a typo such as "hhttps:" is a scheme too).
var otherSchemes = []string{"mailto", "tel", "sms", "xmpp", "matrix", "irc", "ircs", "git", "ssh", "sftp", "ftp", "ftps", "webcal", "geo", "magnet"}

// networkKeySuffixes are endings of keys that name a network's account
// field (twitter_url, github-handle); an "_id" ending is left alone, as
// youtube_id names a video.
var networkKeySuffixes = []string{"_url", "-url", "url", "_handle", "-handle", "_username", "-username", "_profile", "-profile"}

// networkOfKey returns the network a key is named after: the network's
// name or an alias in any case (GitHub, Linkedin; exact), or that with an
// account-field ending (twitter_url).
func networkOfKey(key string) (n validate.Network, exact, ok bool) {
	if n, ok := validate.NetworkByName(key); ok {
		return n, true, true
	}
	lower := strings.ToLower(key)
	for _, s := range networkKeySuffixes {
		if base, ok := strings.CutSuffix(lower, s); ok && base != "" {
			if n, ok := validate.NetworkByName(base); ok {
				return n, false, true
			}
		}
	}
	return validate.Network{}, false, false
}

// inferKind decides what a field holds from its non-empty string values:
// an account on the network its key names, else email addresses, else
// links; each when at least 90% of the values pass. The values that fail
// the declaration chosen are its defects. A field whose values mostly fit
// no kind is left undeclared, with the reason when it came close.
func inferKind(key string, values []sample) *decision {
	total := len(values)
	var notes []string
	if net, exact, ok := networkOfKey(key); ok {
		d := &decision{kind: lint.KindSocial, network: net, values: total}
		for _, s := range values {
			if net.Check(s.value, validate.FormAny) != nil {
				continue
			}
			d.passing++
			if net.Check(s.value, validate.FormHandle) == nil {
				d.handles++
			} else if net.Check(s.value, validate.FormURL) == nil {
				d.links++
			}
		}
		// A key that is the network's name is evidence in itself: two
		// thirds of its values passing is enough.
		enough := atLeast(d.passing, total, kindTenths)
		if exact {
			enough = d.passing*3 >= total*2
		}
		if enough {
			switch {
			case atLeast(d.handles, d.passing, kindTenths):
				d.form = validate.FormHandle
				d.why = valuesAre(d.handles, total, net.Article+" "+net.Title+" handle", net.Title+" handles") + ": the site's template adds the address"
			case atLeast(d.links, d.passing, kindTenths):
				d.form = validate.FormURL
				d.why = valuesAre(d.links, total, net.Article+" "+net.Title+" profile URL", net.Title+" profile URLs")
			default:
				d.form = validate.FormAny
				d.why = fmt.Sprintf("of %d values, %d %s and %d %s: either is allowed", total,
					d.handles, plural(d.handles, net.Title+" handle", net.Title+" handles"), d.links, plural(d.links, "profile URL", "profile URLs"))
			}
			d.defects = failing(values, func(v string) error { return net.Check(v, d.form) })
			return d
		}
		notes = append(notes, valuesAre(d.passing, total, net.Article+" "+net.Title+" handle or profile URL", net.Title+" handles or profile URLs"))
	}
	emails := 0
	for _, s := range values {
		if validate.Email(s.value) == nil {
			emails++
		}
	}
	if atLeast(emails, total, kindTenths) {
		d := &decision{kind: lint.KindEmail, values: total, passing: emails}
		d.why = valuesAre(emails, total, "an email address", "email addresses")
		// A placeholder address is a warning in lint: listed as well.
		d.defects = failing(values, func(v string) error {
			if err := validate.Email(v); err != nil {
				return err
			}
			return validate.PlaceholderEmail(v)
		})
		return d
	}
	if emails*2 >= total {
		notes = append(notes, valuesAre(emails, total, "an email address", "email addresses"))
	}
	d := classifyLinks(values)
	if atLeast(d.passing, total, kindTenths) {
		d.kind = lint.KindURL
		d.defects = failing(values, func(v string) error {
			if d.prefix != "" && schemeOf(v) == "" && !strings.HasPrefix(v, "/") {
				v = d.prefix + v // as the template writes it, and lint checks it
			}
			if err := validate.CheckURL(v, d.rules); err != nil {
				return err
			}
			if d.rules.Relative && schemeOf(v) == "" && !pathLike(v) {
				// A word or an id is a valid relative link, but not a path
				// like the field's others: lint accepts it, init reports it.
				return errors.New("is neither a web address nor a path like the field's other values (lint accepts it as a relative link); check it")
			}
			return nil
		})
		return d
	}
	if d.passing*2 >= total {
		notes = append(notes, valuesAre(d.passing, total, "a link or a path", "links or paths"))
	}
	if len(notes) == 0 {
		return &decision{values: total}
	}
	return &decision{values: total, why: strings.Join(notes, "; ") + fmt.Sprintf(", under %d%%: not checked", kindTenths*10)}
}

// emptyNetworkField declares a field named after a network whose values
// are all empty today (github: ""), so that the first value filled in is
// checked; in either form, as nothing says which the site uses.
func emptyNetworkField(key string) *decision {
	net, exact, ok := networkOfKey(key)
	if !ok || !exact {
		return nil
	}
	return &decision{kind: lint.KindSocial, network: net, form: validate.FormAny,
		why: fmt.Sprintf("every value is empty today; the key names %s, so a value filled in is checked as a handle or profile URL", net.Title)}
}

// classifyLinks counts a field's values as web addresses, links with
// another well-known scheme and relative references that look like paths,
// and sets the URL rules that accept them all.
func classifyLinks(values []sample) *decision {
	d := &decision{values: len(values), schemes: map[string]int{}}
	for _, s := range values {
		v := s.value
		switch scheme := schemeOf(v); {
		case validate.URL(v) == nil:
			d.web++
			if strings.EqualFold(scheme, "http") {
				d.http++
			}
		case scheme != "" && slices.Contains(otherSchemes, strings.ToLower(scheme)) && validate.CheckURL(v, validate.URLRules{Schemes: []string{strings.ToLower(scheme)}}) == nil:
			d.schemes[strings.ToLower(scheme)]++
		case scheme == "" && bareWebAddress(v):
			d.bare++
			continue
		case scheme == "" && pathLike(v) && validate.CheckURL(v, validate.URLRules{Relative: true}) == nil:
			d.relative++
		default:
			continue
		}
		d.passing++
	}
	if d.bare >= bareMin {
		// Entries of a published site write addresses this way again and
		// again: its template adds the scheme. One or two are slips. They
		// do not count toward declaring the field a link field: only the
		// addresses written in full decide that.
		d.prefix = "https://"
	}
	var parts []string
	if d.web > 0 {
		parts = append(parts, fmt.Sprintf("%d web %s", d.web, plural(d.web, "address", "addresses")))
	}
	only := ""
	if len(d.schemes) > 0 {
		d.rules.Schemes = []string{"https", "http"}
		var names []string
		for s := range d.schemes {
			names = append(names, s)
		}
		slices.Sort(names)
		for _, s := range names {
			d.rules.Schemes = append(d.rules.Schemes, s)
			parts = append(parts, fmt.Sprintf("%d %s: %s", d.schemes[s], s, plural(d.schemes[s], "link", "links")))
			only = "a " + s + ": link"
		}
	}
	if d.relative > 0 {
		d.rules.Relative = true
		parts = append(parts, fmt.Sprintf("%d %s", d.relative, plural(d.relative, "path", "paths")))
		only = "a path"
	}
	if d.prefix != "" {
		parts = append(parts, fmt.Sprintf("%d web addresses without https://, which the template must add (prefix); if it does not, they are broken links", d.bare))
	}
	if d.web > 0 {
		only = "a web address"
	}
	switch {
	case len(parts) == 0:
		d.why = fmt.Sprintf("none of the %d values is a link", d.values)
	case len(parts) == 1 && d.passing == d.values:
		d.why = valuesAre(d.passing, d.values, only, strings.TrimLeft(parts[0], "0123456789 "))
	default:
		d.why = fmt.Sprintf("of %d values, %s", d.values, strings.Join(parts, ", "))
	}
	return d
}

// bareMin is how many values of a link field written without a scheme
// make that the field's habit.
const bareMin = 3

// bareWebAddress reports whether v is a web address without its scheme: a
// host name under a real top-level domain, then perhaps a path.
func bareWebAddress(v string) bool {
	host, _, _ := strings.Cut(v, "/")
	return validate.LooksLikeDomain(host) && validate.URL("https://"+v) == nil
}

// valuesAre writes "all 12 values are web addresses", "the one value is a
// web address", "9 of 12 values are web addresses"; one and many are what
// they are, in the singular with its article and in the plural.
func valuesAre(n, total int, one, many string) string {
	switch {
	case total == 1 && n == 1:
		return "the one value is " + one
	case n == total && n == 2:
		return "both values are " + many
	case n == total:
		return fmt.Sprintf("all %d values are %s", n, many)
	case n == 1:
		return fmt.Sprintf("1 of %d values is %s", total, one)
	}
	return fmt.Sprintf("%d of %d values are %s", n, total, many)
}

// failing returns the values check rejects, as defects.
func failing(values []sample, check func(string) error) []defect {
	var out []defect
	for _, s := range values {
		if err := check(s.value); err != nil {
			out = append(out, defect{path: s.path, line: s.line, message: fmt.Sprintf("%q %s", s.value, err)})
		}
	}
	return out
}

// schemeOf returns the scheme of a value that starts with one ("mailto" in
// "mailto:a@example.org"), or "".
func schemeOf(v string) string {
	i := strings.IndexByte(v, ':')
	if i <= 0 {
		return ""
	}
	for j, c := range v[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return ""
		}
	}
	return v[:i]
}

// pathLike reports whether a value without a scheme reads as a path: it
// starts with "/", "./" or "../", or ends in a file name with an extension
// (img/team/ada.jpg, logo.png). Words, ids and owner/name slugs do not,
// so a field of them is not taken for links.
func pathLike(v string) bool {
	if strings.HasPrefix(v, "/") || strings.HasPrefix(v, "./") || strings.HasPrefix(v, "../") {
		return true
	}
	if i := strings.IndexAny(v, "?#"); i >= 0 {
		v = v[:i]
	}
	last := v[strings.LastIndexByte(v, '/')+1:]
	dot := strings.LastIndexByte(last, '.')
	if dot <= 0 {
		return false
	}
	ext := last[dot+1:]
	if len(ext) == 0 || len(ext) > 5 {
		return false
	}
	letter := false
	for _, c := range ext {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
			letter = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letter
}
