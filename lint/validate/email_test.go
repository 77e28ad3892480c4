package validate

import (
	"strings"
	"testing"
)

// emailCases pins Email. Names cite the rule; "JSTS" marks cases from the
// JSON-Schema-Test-Suite tests/draft2020-12/optional/format/email.json.
//
// Deliberately rejected although JSTS marks them valid (a directory contact
// must be an address every mail client and web form accepts):
//   - quoted local parts ("joe bloggs", "joe..bloggs", "joe@bloggs", "", " ",
//     "test", "\a", "\"", "\\"): legal RFC 5322 quoted-strings that most
//     software refuses and that nearly always mean a copy-paste slip;
//   - IP-literal domains [127.0.0.1], [IPv6:::1], [ipv6:::1] and the bare
//     IPv4 255.255.255.255: not a stable, public organisation address;
//   - single-label domain test@io: no public mail is delivered that way.
//
// Deliberately accepted although JSTS marks it invalid: a@é.org, since
// internationalised domains are validated with IDNA (RFC 5890) instead.
var emailCases = []tcase{
	valid("seed contact_email", "contact@glasgowopendata.org"),
	valid("RFC5322 3.4.1 dotted local part", "joe.bloggs@glasgow.gov.uk"),
	valid("RFC5322 3.2.3 every atext symbol", "!#$%&'*+-/=?^_`{|}~@glasgowopendata.org"),
	valid("RFC5322 3.2.3 plus addressing", "info+events@glasgowopendata.org"),
	valid("RFC5321 2.4 mixed case", "Contact@GlasgowOpenData.ORG"),
	valid("RFC5890 IDN domain U-label", "info@bücher.de"),
	valid("RFC5890 IDN domain A-label", "info@xn--bcher-kva.de"),
	valid("RFC5321 4.5.3.1.1 local part of exactly 64 octets", strings.Repeat("a", 64)+"@glasgowopendata.org"),
	valid("RFC1035 2.3.4 domain label of exactly 63 octets", "a@"+strings.Repeat("b", 63)+".org"),
	valid("RFC3696 errata 1690 address of exactly 254 octets", strings.Repeat("a", 64)+"@"+strings.Repeat("b", 63)+"."+strings.Repeat("c", 63)+"."+strings.Repeat("d", 57)+".org"),
	valid("JSTS email a valid e-mail address", "joe.bloggs@example.com"),
	valid("JSTS email tilde in local part", "te~st@example.com"),
	valid("JSTS email tilde before local part", "~test@example.com"),
	valid("JSTS email tilde after local part", "test~@example.com"),
	valid("JSTS email two separated dots in local part", "te.s.t@example.com"),
	valid("JSTS email consecutive hyphens inside a domain label", "test@c--n.com"),
	valid("JSTS email domain label starting with a digit", "test@123.com"),
	valid("RFC3696 2 punycode TLD", "info@xn--4gbwdl.xn--wgbh1c"),

	invalid("empty value", "", "is empty"),
	invalid("RFC6068 mailto prefix", "mailto:contact@glasgowopendata.org", `"mailto:" prefix is not part of the address; write just "contact@glasgowopendata.org"`),
	invalid("RFC6068 mailto prefix with subject", "MAILTO:contact@glasgowopendata.org?subject=Hi", `write just "contact@glasgowopendata.org"`),
	invalid("RFC5322 3.4 display-name form", "Glasgow Open Data <contact@glasgowopendata.org>", `keep only the address "contact@glasgowopendata.org"`),
	invalid("JSTS email full From header", `"Winston Smith" <winston.smith@recdep.minitrue> (Records Department)`, `keep only the address "winston.smith@recdep.minitrue"`),
	invalid("JSTS email unquoted space in local part", "joe bloggs@example.com", "contains a space; an address cannot contain spaces"),
	invalid("JSTS email leading space", " a@iana.org", "starts with a space; remove it"),
	invalid("JSTS email trailing space", "a@iana.org ", "ends with a space; remove it"),
	invalid("JSTS email trailing line feed", "test@iana.org\n", "ends with a line break"),
	invalid("JSTS email trailing carriage return", "test@iana.org\r", "ends with a line break"),
	invalid("JSTS email tab in local part", "a\tb@iana.org", "contains a tab"),
	invalid("JSTS email delete character", "\u007f@iana.org", "control character U+007F"),
	invalid("copy-paste non-breaking space", "contact@glasgowopendata.org\u00a0", "non-breaking space (U+00A0)"),
	invalid("copy-paste zero-width space", "contact@glasgow\u200bopendata.org", "invisible character (U+200B)"),
	invalid("JSTS idn-email lone surrogate is not UTF-8", "\xed\xa0\x80@example.com", "not valid UTF-8"),
	invalid("JSTS email an invalid e-mail address (missing @)", "2962", `has no "@"`),
	invalid("JSTS email fullwidth commercial at", "a\uff20iana.org", `full-width "＠"`),
	invalid("spam-disguised at", "contact [at] glasgowopendata.org", `as "[at]"`),
	invalid("JSTS email two unquoted @ signs", "a@b@c.org", `more than one "@"`),
	invalid("JSTS email backslash-escaped @", `test\@test@iana.org`, `more than one "@"`),
	invalid("JSTS email two addresses", "user1@oceania.org, user2@oceania.org", "more than one address"),
	invalid("JSTS email local part is required", "@example.com", `nothing before the "@"; add the mailbox name, like "info@example.com"`),
	invalid("JSTS email domain is required", "joe.bloggs@", `nothing after the "@"`),
	invalid("RFC5321 4.1.3 IPv4 address literal (JSTS valid)", "joe.bloggs@[127.0.0.1]", `uses the IP address "[127.0.0.1]"`),
	invalid("RFC5321 4.1.3 IPv6 address literal (JSTS valid)", "joe.bloggs@[IPv6:::1]", "IP address"),
	invalid("JSTS email invalid IPv4 literal", "joe.bloggs@[127.0.0.300]", "IP address"),
	invalid("JSTS email unclosed address literal", "test@[1.2.3.4", "IP address"),
	invalid("JSTS email bare IPv4 domain (JSTS valid)", "test@255.255.255.255", `numeric address "255.255.255.255"`),
	invalid("RFC5322 3.2.4 quoted local part with space (JSTS valid)", `"john doe"@glasgowopendata.org`, `the part before the "@" is in quotes, which most mail software rejects`),
	invalid("JSTS email quoted double dot (JSTS valid)", `"joe..bloggs"@example.com`, "in quotes"),
	invalid("JSTS email quoted @ (JSTS valid)", `"joe@bloggs"@example.com`, "in quotes"),
	invalid("JSTS email empty quoted string (JSTS valid)", `""@iana.org`, "in quotes"),
	invalid("JSTS email text after closing quote", `"test"test@iana.org`, "in quotes"),
	invalid("JSTS email unclosed double quote", `"test@iana.org`, "in quotes"),
	invalid("JSTS email unescaped double quote in local part", `test"@iana.org`, `character "\"" is not allowed before the "@"`),
	invalid("RFC5322 3.2.2 comment in local part", "john(comment)@glasgowopendata.org", `comment "(comment)"; remove the text in brackets`),
	invalid("JSTS email comment in domain", "a@b(c).org", `comment "(c)"`),
	invalid("RFC6761 6.3 single-label localhost", "a@localhost", `"localhost" only works on your own computer`),
	invalid("RFC5321 2.3.5 single-label domain (JSTS valid)", "test@io", `domain "io" has no dot`),
	invalid("RFC3696 2 numeric TLD", "a@glasgow.123", `ends in the number "123"`),
	invalid("RFC3696 2 alphanumeric TLD", "a@glasgow.c0m", `ends in "c0m", but a top-level domain is letters only`),
	invalid("JSTS email comma in local part", "a,b@iana.org", `character "," is not allowed before the "@"`),
	invalid("JSTS email semicolon in local part", "a;b@iana.org", `character ";"`),
	invalid("JSTS email colon in local part", "a:b@iana.org", `character ":"`),
	invalid("JSTS email address literal in local part", "[1.2.3.4]@iana.org", `character "["`),
	invalid("JSTS email non-ASCII local part", "a\u00e9@iana.org", `character "é" is not allowed before the "@"`),
	invalid("JSTS email invalid domain character", "joe.bloggs@invalid=domain.com", `domain "invalid=domain.com" contains "="`),
	invalid("RFC1123 2.1 underscore in domain", "a@my_org.org", `contains "_"`),
	invalid("JSTS email domain label before bracket", "test@a[255.255.255.255]", `contains "["`),
	invalid("JSTS email dot before local part", ".test@example.com", `before the "@" starts with a dot`),
	invalid("JSTS email dot after local part", "test.@example.com", `before the "@" ends with a dot`),
	invalid("JSTS email two subsequent dots in local part", "te..st@example.com", "two dots in a row"),
	invalid("JSTS email domain starting with a dot", "test@.iana.org", `domain ".iana.org" starts with a dot`),
	invalid("JSTS email domain ending with a dot", "test@iana.org.", `domain "iana.org." ends with a dot`),
	invalid("JSTS email two dots inside the domain", "test@iana..com", `domain "iana..com" has two dots in a row`),
	invalid("JSTS email domain label starting with a hyphen", "test@-iana.org", `starting with a hyphen ("-iana")`),
	invalid("JSTS email domain label ending with a hyphen", "test@iana-.com", `ending with a hyphen ("iana-")`),
	invalid("RFC5321 4.5.3.1.1 local part over 64 octets", strings.Repeat("a", 65)+"@glasgowopendata.org", `is 65 characters long; the limit is 64`),
	invalid("RFC1035 2.3.4 domain label over 63 octets", "a@"+strings.Repeat("b", 64)+".org", "the limit is 63"),
	invalid("RFC1035 2.3.4 domain over 253 octets", "a@"+strings.Repeat(strings.Repeat("b", 63)+".", 3)+strings.Repeat("c", 58)+".org", "domain is 254 characters long; the limit is 253"),
	invalid("RFC3696 errata 1690 address over 254 octets", strings.Repeat("a", 64)+"@"+strings.Repeat("b", 63)+"."+strings.Repeat("c", 63)+"."+strings.Repeat("d", 58)+".org", "is 255 characters long; the limit is 254"),
	invalid("RFC5891 invalid punycode label", "a@xn--a.org", "not a valid internationalised domain name"),
}

func TestEmail(t *testing.T) { runCases(t, Email, emailCases) }

// idnEmailCases pins the "idn-email" format (RFC 6531 §3.3 UTF-8 local
// parts), from JSTS tests/draft2020-12/optional/format/idn-email.json.
var idnEmailCases = []tcase{
	valid("JSTS idn-email Hangul address", "실례@실례.테스트"),
	valid("JSTS idn-email a valid e-mail address", "joe.bloggs@example.com"),
	valid("RFC6531 3.3 accented local part", "josé@glasgowopendata.org"),
	valid("seed contact_email", "contact@glasgowopendata.org"),
	invalid("JSTS idn-email an invalid address", "2962", `has no "@"`),
	invalid("JSTS idn-email lone surrogate", "\xed\xa0\x80@example.com", "not valid UTF-8"),
	invalid("RFC6531 3.3 still no spaces", "jo sé@glasgowopendata.org", "contains a space"),
	invalid("RFC5321 4.5.3.1.1 UTF-8 local part over 64 octets", strings.Repeat("é", 33)+"@glasgowopendata.org", "the limit is 64"),
}

func TestIDNEmail(t *testing.T) { runCases(t, Formats["idn-email"], idnEmailCases) }

func TestEmailRejectsIDNLocalPart(t *testing.T) {
	err := Email("실례@실례.테스트")
	if err == nil || !strings.Contains(err.Error(), `character "실"`) {
		t.Errorf("Email(Hangul local part) = %v; want a message naming the character", err)
	}
}

// placeholderCases pins PlaceholderEmail (RFC 2606, RFC 6761).
var placeholderCases = []tcase{
	valid("seed contact_email", "contact@glasgowopendata.org"),
	valid("test local part on a real domain", "test@glasgowopendata.org"),
	valid("RFC2606 3 only the exact example domains", "info@notexample.com"),
	valid("RFC2606 3 example.co.uk is not reserved", "info@example.co.uk"),
	valid("no @ is Email's problem, not this rule's", "not an address"),
	valid("testing.org is not test", "contact@testing.org"),
	invalid("RFC2606 3 example.com", "info@example.com", `"example.com" is a placeholder domain`),
	invalid("RFC2606 3 example.org upper case", "info@EXAMPLE.ORG", "placeholder domain"),
	invalid("RFC2606 3 example.net", "info@example.net", "placeholder domain"),
	invalid("RFC2606 3 subdomain of example.org", "info@mail.example.org", `"mail.example.org" is a placeholder domain`),
	invalid("test@test.* habit", "test@test.com", "placeholder test address"),
	invalid("RFC2606 2 .invalid", "someone@entry.invalid", `ends in ".invalid"`),
	invalid("RFC2606 2 .localhost", "someone@box.localhost", `ends in ".localhost"`),
	invalid("RFC2606 2 .test", "someone@glasgow.test", `ends in ".test"`),
	invalid("RFC2606 2 .example", "someone@glasgow.example", `ends in ".example"`),
	invalid("RFC6761 6.3 bare localhost", "root@localhost", `ends in ".localhost"`),
}

func TestPlaceholderEmail(t *testing.T) { runCases(t, PlaceholderEmail, placeholderCases) }
