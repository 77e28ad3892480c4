package validate

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Email checks a bare addr-spec as people publish it.
//
// The accepted form is the RFC 5322 §3.4.1 addr-spec restricted to its
// dot-atom local part (RFC 5321 §4.1.2 Dot-string): atext characters (RFC 5322
// §3.2.3) separated by single dots, at most 64 octets (RFC 5321 §4.5.3.1.1).
// The domain must be a public DNS host name (see checkHost); internationalised
// domains are accepted and measured in their A-label form. The whole address
// is at most 254 octets (RFC 3696 errata 1690: the RFC 5321 path limit of 256
// less the angle brackets).
//
// Quoted local parts, comments, IP-literal domains and single-label domains
// are valid in the RFCs but rejected here: a directory contact must be an
// address every mail client, form and spam filter accepts, and each of these
// is a sign of a copy-and-paste or typing mistake far more often than intent.
func Email(s string) error { return checkEmail(s, false) }

// idnEmail is the "idn-email" format: as Email, but the local part may also
// contain non-ASCII UTF-8 characters, which RFC 6531 §3.3 adds to atext for
// SMTPUTF8 mail.
func idnEmail(s string) error { return checkEmail(s, true) }

const emailExample = `"name@example.org"`

func checkEmail(s string, intl bool) error {
	if s == "" {
		return errors.New("is empty; write an address like " + emailExample)
	}
	if hasPrefixFold(s, "mailto:") {
		rest := strings.TrimSpace(s[len("mailto:"):])
		if i := strings.IndexByte(rest, '?'); i >= 0 {
			rest = rest[:i] // drop ?subject=... from a copied link
		}
		if rest == "" {
			return errors.New(`is a "mailto:" link without an address; write just the address, like ` + emailExample)
		}
		return fmt.Errorf(`"mailto:" prefix is not part of the address; write just %q`, rest)
	}
	// Display-name form "Name <a@b.org>" (RFC 5322 §3.4 name-addr), as
	// copied from a mail client's From line.
	if lt := strings.IndexByte(s, '<'); lt >= 0 {
		if gt := strings.IndexByte(s[lt:], '>'); gt > 0 {
			if addr := strings.TrimSpace(s[lt+1 : lt+gt]); strings.IndexByte(addr, '@') > 0 {
				if strings.TrimSpace(s[:lt]) == "" {
					return fmt.Errorf("has angle brackets around the address; write just %q", addr)
				}
				return fmt.Errorf("has a name as well as the address; keep only the address %q", addr)
			}
		}
	}
	at := strings.LastIndexByte(s, '@')
	// Quoted local part (RFC 5322 §3.2.4 quoted-string).
	if s[0] == '"' {
		return errors.New(`the part before the "@" is in quotes, which most mail software rejects; use an address without quotes or spaces`)
	}
	// Only a bracket or a space can introduce "[at]", "(at)" or " at ", so
	// the common case skips the case-insensitive search.
	if strings.ContainsAny(s, "[({ ") {
		if obf := disguisedAt(s); obf != "" {
			return fmt.Errorf("writes the \"@\" as %q to hide it from spam robots; write the address plainly, like %s", obf, emailExample)
		}
	}
	if strings.Count(s, "@") > 1 && strings.ContainsAny(s, ",; ") {
		return errors.New("contains more than one address; give only one")
	}
	if i := findInvisible(s); i >= 0 {
		return invisibleError(s, i, "an address cannot contain spaces, so remove it")
	}
	// Comments (RFC 5322 §3.2.2 CFWS) are not part of the address itself.
	if open := strings.IndexByte(s, '('); open >= 0 {
		comment := s[open:]
		if end := strings.IndexByte(comment, ')'); end >= 0 {
			comment = comment[:end+1]
		}
		return fmt.Errorf("contains the comment %q; remove the text in brackets", comment)
	}
	if strings.IndexByte(s, ')') >= 0 {
		return fmt.Errorf(`contains %q; remove it`, ")")
	}
	if at < 0 {
		if strings.ContainsRune(s, '＠') {
			return errors.New(`uses the full-width "＠" sign; type a plain "@" instead`)
		}
		return errors.New(`has no "@"; an address looks like ` + emailExample)
	}
	if strings.IndexByte(s, '@') != at {
		return errors.New(`has more than one "@"; an address has exactly one, like ` + emailExample)
	}
	local, domain := s[:at], s[at+1:]
	if local == "" {
		return fmt.Errorf(`has nothing before the "@"; add the mailbox name, like %q`, "info@"+domain)
	}
	if domain == "" {
		return fmt.Errorf(`has nothing after the "@"; add the domain, like %q`, local+"@example.org")
	}
	if err := checkLocal(local, intl); err != nil {
		return err
	}
	// IP-literal domain (RFC 5321 §4.1.3 address-literal).
	if domain[0] == '[' {
		return fmt.Errorf("uses the IP address %q instead of a domain name; use the organisation's domain, like %s", domain, emailExample)
	}
	n, err := checkHost(domain, hostEmail)
	if err != nil {
		return err
	}
	if total := len(local) + 1 + n; total > 254 {
		return fmt.Errorf("is %d characters long; the limit is 254", total)
	}
	return nil
}

// checkLocal checks the dot-atom local part (RFC 5322 §3.2.3, RFC 5321
// §4.1.2 Dot-string).
func checkLocal(local string, intl bool) error {
	switch {
	case local[0] == '.':
		return errors.New(`the part before the "@" starts with a dot; remove it`)
	case local[len(local)-1] == '.':
		return errors.New(`the part before the "@" ends with a dot; remove it`)
	case strings.Contains(local, ".."):
		return errors.New(`the part before the "@" has two dots in a row; remove one`)
	}
	for i := 0; i < len(local); i++ {
		c := local[i]
		if c >= utf8.RuneSelf {
			if intl {
				continue // RFC 6531 §3.3 UTF8-non-ascii; validity checked by findInvisible
			}
			return fmt.Errorf("character %q is not allowed before the \"@\"; many mail systems only deliver to plain letters, digits and dots", charAt(local, i))
		}
		if !isAtext(c) && c != '.' {
			return fmt.Errorf("character %q is not allowed before the \"@\"; use letters, digits, dots and !#$%%&'*+-/=?^_`{|}~", string(c))
		}
	}
	if len(local) > 64 {
		return fmt.Errorf(`the part before the "@" is %d characters long; the limit is 64`, len(local))
	}
	return nil
}

// disguisedAt returns the spelled-out "at" in an address such as
// "info [at] example.org", or "".
func disguisedAt(s string) string {
	for _, form := range [...]string{"[at]", "(at)", "{at}", " at "} {
		if i := indexFold(s, form); i >= 0 {
			return s[i : i+len(form)]
		}
	}
	return ""
}

// indexFold is an allocation-free ASCII case-insensitive strings.Index.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// PlaceholderEmail returns an error when s is a placeholder address (a separate warning rule).
//
// Placeholders are names reserved so that they never reach anyone: the
// example.com/.net/.org second-level domains and the .test, .example,
// .invalid and .localhost top-level domains of RFC 2606 §2–3 (and RFC 6761
// §6), plus the "test@test.*" habit. An entry that still carries one was
// published from a template. PlaceholderEmail does not check syntax: Email
// does that, and reporting both would repeat the same problem.
func PlaceholderEmail(s string) error {
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return nil
	}
	local, domain := s[:at], strings.TrimSuffix(s[at+1:], ".")
	for _, d := range [...]string{"example.com", "example.org", "example.net"} {
		if strings.EqualFold(domain, d) || hasSuffixFold(domain, "."+d) {
			return fmt.Errorf("%q is a placeholder domain reserved for examples (RFC 2606); give a real contact address", domain)
		}
	}
	tld := domain[strings.LastIndexByte(domain, '.')+1:]
	for _, t := range [...]string{"test", "example", "invalid", "localhost"} {
		if strings.EqualFold(tld, t) {
			return fmt.Errorf("%q ends in %q, a name reserved for testing (RFC 2606) that never receives mail; give a real contact address", domain, "."+t)
		}
	}
	if strings.EqualFold(local, "test") && hasPrefixFold(domain, "test.") {
		return fmt.Errorf("%q is a placeholder test address; give a real contact address", s)
	}
	return nil
}
