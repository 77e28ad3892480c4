package lint

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ruleUniqueValue reports values that repeat across a collection's entries.
var ruleUniqueValue = &Rule{
	ID:     "unique-value",
	Family: "unique",
	Title:  "Unique fields do not repeat across entries",
	Doc: "The fields a collection lists under `unique:` (field paths such as `title`, `website` or `social.*`) must not " +
		"have the same value in two entries of the collection: two entries for one group, or a copied entry whose " +
		"address was never changed. Values are compared after normalising them by the kind of field (as `fields:` " +
		"declares it, else as the value looks): text ignoring " +
		"case, Unicode form and runs of white space; emails and host names ignoring case; URLs ignoring the http/https " +
		"difference, a leading `www.`, default ports and a trailing slash; social handles ignoring `@`, the profile URL " +
		"around them and case where the network ignores it. Each occurrence is reported, naming the others (SARIF " +
		"`relatedLocations`). Values of one field are compared with each other (each `social.*` network separately); " +
		"list items count as their list, and a value repeated within one entry is left to the schema. The built-in " +
		"configuration makes `title`, `website` and `contact_email` unique, as warnings. Only the entries of one run " +
		"are compared: lint the whole directory (as CI does) to compare every entry. Duplicates are warnings by default; " +
		"set `unique-value: error` in the collection's rules to fail the run on them.",
	Config: exampleBare + "    unique: [website]\n",
	Files: map[string]string{
		"glasgow-open-data.md": "---\ntitle: \"Glasgow Open Data Group\"\nwebsite: \"https://glasgowopendata.org\"\n---\n\nAbout the group.\n",
	},
	Bad:      "---\ntitle: \"Glasgow Open Data Meetup\"\nwebsite: \"http://www.glasgowopendata.org/\"\n---\n\nAbout the meetup.\n",
	Good:     "---\ntitle: \"Glasgow Open Data Meetup\"\nwebsite: \"https://meetup.glasgowopendata.org\"\n---\n\nAbout the meetup.\n",
	Severity: SeverityWarning,
	Tags:     []string{"frontmatter", "cross-entry"},
}

// uniqueValue is one value of a unique field and where it is.
type uniqueValue struct {
	group string // the field path with list indices dropped: what values are compared within
	key   string // the normalised value
	raw   string
	at    Place
}

// uniqueHashes is what the check keeps of an entry Finish can read again:
// a hash of each value's field and normalised form, eight bytes a value;
// Finish reads the few entries whose values repeat again to compare the
// values themselves. Of other entries (standard input) it keeps the
// []uniqueValue.
type uniqueHashes []uint64

// eachUniqueValue calls fn with each value of the collection's unique
// fields in the pass's entry, once per field and normalised value.
func eachUniqueValue(p *Pass, fn func(group, key, raw, ptr string)) {
	c := p.Collection
	var seen []uint64
	eachMatch(p.Entry.Data, c.Unique, func(pattern, ptr string, keys []string, v any) {
		raw, ok := scalarText(v)
		if !ok || strings.TrimSpace(raw) == "" {
			return
		}
		group := fieldGroup(pattern, keys)
		kind := "" // undeclared: normalizeValue tells a URL or an address by its look
		if k := p.fieldKind(keys); k != nil {
			kind = k.Kind
		}
		key := normalizeValue(kind, keys, raw)
		h := valueHash(group, key)
		if slices.Contains(seen, h) {
			return // repeated within the entry: the schema's business
		}
		seen = append(seen, h)
		fn(group, key, raw, ptr)
	})
}

// fieldGroup names the field values are compared within: the pattern
// itself when it names one field (no allocation), else the field's path.
func fieldGroup(pattern string, keys []string) string {
	if !strings.ContainsAny(pattern, "*?[{\\") {
		return pattern
	}
	return strings.Join(keys, ".")
}

// valueHash is the 64-bit FNV-1a hash of a field and a value.
func valueHash(group, key string) uint64 {
	h := uint64(14695981039346656037)
	for _, s := range []string{group, "\x00", key} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
	}
	return h
}

// uniqueValues returns the values of the unique fields of the pass's entry
// with where they are.
func uniqueValues(p *Pass) []uniqueValue {
	var out []uniqueValue
	eachUniqueValue(p, func(group, key, raw, ptr string) {
		out = append(out, uniqueValue{group: group, key: key, raw: raw, at: p.PlaceField(ptr)})
	})
	return out
}

// collectUnique keeps the hashes of the values of the collection's unique
// fields (the values, for an entry that cannot be read again).
func collectUnique(p *Pass) any {
	c := p.Collection
	if c == nil || len(c.Unique) == 0 || !p.Enabled(ruleUniqueValue) {
		return nil
	}
	if !p.Rereadable() {
		if vs := uniqueValues(p); vs != nil {
			return vs
		}
		return nil
	}
	var hashes uniqueHashes
	eachUniqueValue(p, func(group, key, _, _ string) { hashes = append(hashes, valueHash(group, key)) })
	if hashes == nil {
		return nil
	}
	return slices.Clip(hashes)
}

// finishUnique reports every occurrence of a value that two entries of a
// collection share. Hashes find the candidates; the entries they are in
// are read again to compare the values themselves and place the findings.
func finishUnique(c *Collected) {
	type occurrence struct {
		coll  int // index in collections
		hash  uint64
		entry int // index in c.Entries
	}
	var collections []*Collection
	collIndex := func(coll *Collection) int {
		if i := slices.Index(collections, coll); i >= 0 {
			return i
		}
		collections = append(collections, coll)
		return len(collections) - 1
	}
	var occs []occurrence
	for i, k := range c.Entries {
		ci := collIndex(k.Collection)
		switch v := k.Value.(type) {
		case uniqueHashes:
			for _, h := range v {
				occs = append(occs, occurrence{ci, h, i})
			}
		case []uniqueValue:
			for _, u := range v {
				occs = append(occs, occurrence{ci, valueHash(u.group, u.key), i})
			}
		}
	}
	slices.SortFunc(occs, func(a, b occurrence) int {
		return cmp.Or(cmp.Compare(a.coll, b.coll), cmp.Compare(a.hash, b.hash), cmp.Compare(a.entry, b.entry))
	})
	// The entries with a value another entry of their collection has too.
	suspect := map[int]bool{}
	for i := 0; i < len(occs); {
		j := i + 1
		for j < len(occs) && occs[j].coll == occs[i].coll && occs[j].hash == occs[i].hash {
			j++
		}
		if occs[j-1].entry != occs[i].entry {
			for _, o := range occs[i:j] {
				suspect[o.entry] = true
			}
		}
		i = j
	}
	if len(suspect) == 0 {
		return
	}
	// Their values, in path order, grouped by collection, field and value.
	type groupKey struct {
		coll       *Collection
		group, key string
	}
	groups := map[groupKey][]uniqueValue{}
	var order []groupKey
	for i, k := range c.Entries {
		if !suspect[i] {
			continue
		}
		values, kept := k.Value.([]uniqueValue)
		if !kept {
			e := c.ReadEntry(k.Path)
			if e == nil {
				continue // gone or changed since it was linted
			}
			values = uniqueValues(c.Pass(e, k.Collection))
		}
		for _, v := range values {
			gk := groupKey{k.Collection, v.group, v.key}
			if groups[gk] == nil {
				order = append(order, gk)
			}
			groups[gk] = append(groups[gk], v)
		}
	}
	for _, gk := range order {
		reportDuplicates(c, gk.coll, gk.group, groups[gk])
	}
}

// reportDuplicates reports each occurrence of one value, naming the others.
func reportDuplicates(c *Collected, coll *Collection, group string, us []uniqueValue) {
	if len(us) < 2 {
		return
	}
	for i, u := range us {
		var names []string
		var related []Related
		for j, o := range us {
			if j == i {
				continue
			}
			name := c.placeName(o.at)
			if o.raw != u.raw {
				name += fmt.Sprintf(" (as %q)", o.raw)
			}
			names = append(names, name)
			if len(related) < maxRelated {
				related = append(related, o.at.Related("%s %q", o.at.Field, o.raw))
			}
		}
		c.Report(ruleUniqueValue, u.at, related, "%s: %q is not unique in %s: also in %s; give each entry its own %s, or merge the entries if they describe the same thing",
			u.at.Field, u.raw, collectionLabel(coll), listNames(names, 3), group)
	}
}

// maxRelated bounds the related locations of one finding: a value shared
// by a thousand entries must not make a report quadratic in size.
const maxRelated = 20

// collectionLabel names a collection in messages.
func collectionLabel(c *Collection) string {
	if c == nil || c.Name == "" {
		return "the run"
	}
	return "collection " + c.Name
}

// normalizeValue reduces a value to the form duplicates are compared in,
// by the kind of field it is (see ruleUniqueValue's documentation).
func normalizeValue(kind string, keys []string, v string) string {
	v = strings.TrimSpace(v)
	if kind == "" {
		kind = sniffKind(v)
	}
	switch kind {
	case "email":
		return strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(v, "mailto:"), "MAILTO:"))
	case "url":
		return normalizeURL(v)
	case "social":
		if len(keys) > 0 {
			return normalizeHandle(keys[len(keys)-1], v)
		}
	}
	return normalizeText(v)
}

// sniffKind guesses the kind of a value no fields: pattern declares: an
// http(s) address or an email address; "" for text.
func sniffKind(v string) string {
	lower := strings.ToLower(v)
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		return "url"
	case !strings.ContainsAny(v, " \t<>\"") && strings.Count(v, "@") == 1 && strings.Contains(v[strings.IndexByte(v, '@'):], "."):
		return "email"
	}
	return ""
}

// normalizeText folds case, Unicode form and runs of white space.
func normalizeText(v string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFC.String(v))), " ")
}

// normalizeURL drops what does not change which site an address names:
// the scheme's http/https difference, case in the host, a leading "www.",
// a default port and a trailing slash. A value that is not an absolute URL
// is compared as text.
func normalizeURL(v string) string {
	u, err := url.Parse(v)
	if err != nil || u.Host == "" {
		if !strings.Contains(v, "://") && !strings.HasPrefix(v, "//") && strings.Contains(v, ".") {
			// "glasgowopendata.org/about": a URL without its scheme.
			if u2, err := url.Parse("https://" + v); err == nil && u2.Host != "" {
				u = u2
			} else {
				return normalizeText(v)
			}
		} else {
			return normalizeText(v)
		}
	}
	scheme := strings.ToLower(u.Scheme)
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	host = strings.TrimPrefix(host, "www.")
	port := u.Port()
	if port == "80" || port == "443" {
		port = ""
	}
	if scheme == "http" || scheme == "https" || scheme == "" {
		scheme = "web"
	}
	p := strings.TrimRight(u.EscapedPath(), "/")
	out := scheme + "://" + host
	if port != "" {
		out += ":" + port
	}
	out += p
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return out
}

// caseless are the networks whose handles ignore case.
var caseless = map[string]bool{"twitter": true, "x": true, "github": true, "instagram": true, "mastodon": true,
	"bluesky": true, "facebook": true, "meetup": true, "linkedin": true, "youtube": true}

// normalizeHandle reduces a social account to the handle it names: "@Name",
// "Name" and "https://twitter.com/name" are one account on Twitter.
func normalizeHandle(network, v string) string {
	network = strings.ToLower(network)
	h := v
	if host, p, ok := splitWebAddress(v); ok {
		segs := strings.FieldsFunc(p, func(r rune) bool { return r == '/' })
		switch {
		case network == "mastodon" && len(segs) > 0 && strings.HasPrefix(segs[0], "@"):
			h = strings.TrimPrefix(segs[0], "@") + "@" + host // https://server/@user
		case network == "bluesky" && len(segs) > 1 && segs[0] == "profile":
			h = segs[1]
		case caseless[network] && len(segs) == 1 && !strings.Contains(host, "slack.com"):
			h = segs[0] // a profile URL on the network's own host
		default:
			return network + ":" + normalizeURL(v)
		}
	}
	h = strings.TrimPrefix(h, "@")
	if caseless[network] {
		h = strings.ToLower(h)
	}
	return network + ":" + h
}

// splitWebAddress splits an http(s) address, written with or without its
// scheme, into its lowercase host (without "www.") and its path.
func splitWebAddress(v string) (host, path string, ok bool) {
	s := v
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "https://"):
		s = s[len("https://"):]
	case strings.HasPrefix(lower, "http://"):
		s = s[len("http://"):]
	default:
		first, _, _ := strings.Cut(s, "/")
		if !strings.Contains(first, ".") || strings.HasPrefix(s, "@") || strings.Contains(first, "@") {
			return "", "", false // a bare handle ("name", "@user@server", "name.bsky.social")
		}
		if !strings.Contains(s, "/") {
			return "", "", false // "name.bsky.social" is a handle, not an address
		}
	}
	host, path, _ = strings.Cut(s, "/")
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	return host, path, true
}

// isWordRune reports whether r is a letter, mark, digit or connector, the
// characters GitHub keeps in anchors and slugs keep in file names.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.M, r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r)
}
