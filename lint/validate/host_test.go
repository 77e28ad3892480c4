package validate

import (
	"strings"
	"testing"
)

// hostnameCases pins the "hostname" format. "JSTS" marks cases from the
// JSON-Schema-Test-Suite tests/draft2020-12/optional/format/hostname.json;
// all of them apply unchanged. We add the public-name rules: at least two
// labels and an alphabetic or punycode top-level label.
var hostnameCases = []tcase{
	valid("JSTS hostname a valid host name", "www.example.com"),
	valid("JSTS hostname punycoded IDN hostname", "xn--4gbwdl.xn--wgbh1c"),
	valid("JSTS hostname maximum label length", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.com"),
	valid("seed website host", "glasgowopendata.org"),
	valid("RFC5891 IDN U-label", "bücher.de"),
	valid("RFC1123 2.1 label may start with a digit", "4chan.org"),
	valid("RFC1035 2.3.4 name of exactly 253 octets", strings.Repeat(strings.Repeat("a", 63)+".", 3)+strings.Repeat("b", 57)+".org"),
	valid("UTS46 mapping of upper case IDN", "BÜCHER.de"),
	invalid("JSTS hostname empty string", "", "is empty"),
	invalid("JSTS hostname starting with illegal character", "-a-host-name-that-starts-with--", "starting with a hyphen"),
	invalid("JSTS hostname containing illegal characters", "not_a_valid_host_name", `contains "_"`),
	invalid("JSTS hostname component too long", "a-vvvvvvvvvvvvvvvveeeeeeeeeeeeeeeerrrrrrrrrrrrrrrryyyyyyyyyyyyyyyy-long-host-name-component", "the limit is 63"),
	invalid("JSTS hostname starts with hyphen", "-hostname", `starting with a hyphen ("-hostname")`),
	invalid("JSTS hostname ends with hyphen", "hostname-", `ending with a hyphen ("hostname-")`),
	invalid("JSTS hostname starts with underscore", "_hostname", `contains "_"`),
	invalid("JSTS hostname ends with underscore", "hostname_", `contains "_"`),
	invalid("JSTS hostname contains underscore", "host_name", `contains "_"`),
	invalid("JSTS hostname exceeds maximum label length", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl.com", "has a part 64 characters long; the limit is 63"),
	invalid("RFC6761 6.3 localhost", "localhost", `"localhost" only works on your own computer`),
	invalid("RFC1123 2.1 single label", "intranet", `"intranet" has no dot`),
	invalid("RFC1123 2.1 IP address is not a host name", "192.168.0.1", `"192.168.0.1" is an IP address, not a host name`),
	invalid("RFC4291 IPv6 address is not a host name", "2001:db8::1", "is an IP address"),
	invalid("RFC1034 3.1 trailing dot", "glasgowopendata.org.", "ends with a dot"),
	invalid("RFC1034 3.1 leading dot", ".glasgowopendata.org", "starts with a dot"),
	invalid("RFC1034 3.1 empty label", "glasgow..org", "two dots in a row"),
	invalid("RFC3696 2 numeric TLD", "glasgow.123", `ends in the number "123"`),
	invalid("RFC3696 2 alphanumeric TLD", "glasgow.c0m", `ends in "c0m"`),
	invalid("RFC1035 2.3.4 name over 253 octets", strings.Repeat(strings.Repeat("a", 63)+".", 3)+strings.Repeat("b", 58)+".org", "is 254 characters long; the limit is 253"),
	invalid("RFC5891 invalid punycode", "xn--a.org", "not a valid internationalised domain name"),
	valid("RFC5891 4.2.3.1 R-LDH label is only a registration rule, not checked", "ab--cd.org"),
	invalid("URL is not a host name", "https://glasgowopendata.org", `contains ":"`),
	invalid("space in host name", "glasgow open.org", "contains a space"),
}

func TestHostname(t *testing.T) { runCases(t, Formats["hostname"], hostnameCases) }
