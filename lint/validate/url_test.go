package validate

import (
	"errors"
	"net/url"
	"strings"
	"testing"
)

// urlCases pins URL. "JSTS" marks cases from the JSON-Schema-Test-Suite
// tests/draft2020-12/optional/format/uri.json.
//
// Deliberately accepted although JSTS marks it invalid: non-ASCII text in the
// path, query or fragment ("foobar®.txt"), which browsers percent-encode and
// real sites publish (de.wikipedia.org/wiki/Köln).
//
// Deliberately rejected although JSTS marks them valid: every non-http(s)
// URI (ftp, ldap, mailto, news, tel, urn) because a website field must open
// in a browser (CheckURL allows them where a field lists them); userinfo ("http://-.~_!$&'()*+,;=:%40:80%2f::::::@example.com",
// "http://@a.com", "http://user@") because it publishes credentials; empty
// hosts ("http://:80", "http://user@"); an empty port ("http://a.com:") and
// ports above 65535 (RFC 3986 has no bound, TCP does); reg-names that are
// not DNS host names ("!$&'()*+,;=.com", "exa~mple.com", "under_score.com",
// "087.10.0.1", "999.999.999.999"); and the trailing-dot FQDN
// "http://example.com." which is not copy-pasteable into every tool.
var urlCases = []tcase{
	invalid("RFC3986 3.1 scheme typo htps", "htps://data.glasgow.gov.uk/", `"htps:" looks like a typo for "https:"; write "https://data.glasgow.gov.uk/"`),
	invalid("RFC3986 3.1 scheme typo htp", "htp://data.glasgow.gov.uk", `"htp:" looks like a typo for "https:"; write "https://data.glasgow.gov.uk"`),
	invalid("RFC3986 3.1 scheme typo hhttps", "hhttps://data.glasgow.gov.uk", `looks like a typo for "https:"`),
	invalid("RFC3986 3.1 scheme httpx is not a typo", "httpx://data.glasgow.gov.uk", `"httpx:" addresses are not allowed here: this field takes https and http links; to allow "httpx:" links, add it to the field's schemes in the configuration (schemes: [https, http, httpx])`),
	valid("seed website", "https://glasgowopendata.org"),
	valid("RFC3986 3.3 trailing slash", "https://glasgowopendata.org/"),
	valid("seed slack channel", "https://glasgowtech.slack.com/channels/open-data"),
	valid("JSTS uri URL with anchor tag", "http://foo.bar/?baz=qux#quux"),
	valid("JSTS uri anchor tag and parentheses", "http://foo.com/blah_(wikipedia)_blah#cite-1"),
	valid("JSTS uri URL-encoded stuff", "http://foo.bar/?q=Test%20URL-encoded%20stuff"),
	valid("JSTS uri puny-coded URL", "http://xn--nw2a.xn--j6w193g/"),
	valid("JSTS uri URL based on IPv4", "http://223.255.255.254"),
	valid("JSTS uri simple text file", "http://www.ietf.org/rfc/rfc2396.txt"),
	valid("RFC5891 IDN host U-label", "https://bücher.de/katalog"),
	valid("RFC3986 3.2.3 explicit port", "https://glasgowopendata.org:8443/data"),
	valid("RFC6335 6 highest port 65535", "https://glasgowopendata.org:65535"),
	valid("RFC3986 3.2.2 public IPv6 literal", "https://[2606:4700:4700::1111]/"),
	valid("RFC3986 3.1 scheme and host are case-insensitive", "HTTPS://GlasgowOpenData.org/Events"),
	valid("RFC3986 3.4 query without path", "https://glasgowopendata.org?lang=gd"),
	valid("RFC3986 2.2 reserved characters in path and query", "https://glasgowopendata.org/a;b=c/d:e@f?g=h&i=j+k,l!m*n'o$p"),
	valid("WHATWG path percent-encode set: German Wikipedia article", "https://de.wikipedia.org/wiki/Köln"),
	valid("WHATWG path percent-encode set: Japanese Wikipedia article", "https://ja.wikipedia.org/wiki/東京都"),
	valid("WHATWG query percent-encode set: non-ASCII query", "https://example.org/search?q=Zürich&lang=de"),
	valid("WHATWG fragment percent-encode set: non-ASCII fragment", "https://de.wikipedia.org/wiki/Köln#Früheste_Besiedlung"),
	valid("explore topics wikipedia_url percent-encoded Hebrew", "https://he.wikipedia.org/wiki/%D7%A0%D7%98"),
	valid("explore topics wikipedia_url with parentheses and fragment", "https://en.wikipedia.org/wiki/Homebrew_(video_games)#3DS"),
	valid("jamstack react-static.md percent-encoded emoji", "https://medium.com/@tannerlinsley/%EF%B8%8F-introducing-react-static"),
	valid("enhance photographer_url with @ in the path and a long query", "https://unsplash.com/@neonbrand?utm_source=unsplash&utm_medium=referral&utm_content=creditCopyText"),
	valid("IDN host and non-ASCII path", "https://bücher.de/bücher/übersicht"),
	invalid("non-ASCII path with a non-breaking space", "https://de.wikipedia.org/wiki/K\u00a0ln", "non-breaking space (U+00A0)"),
	invalid("non-ASCII path with a zero-width space", "https://ja.wikipedia.org/wiki/東京\u200b都", "invisible character (U+200B)"),
	invalid("non-ASCII path with a raw space", "https://de.wikipedia.org/wiki/Köln Bonn", "contains a space"),
	invalid("non-ASCII path with a control character", "https://de.wikipedia.org/wiki/Köln\u0085", "U+0085"),
	invalid("non-ASCII path with invalid UTF-8", "https://de.wikipedia.org/wiki/K\xf6ln", "not valid UTF-8"),

	invalid("empty value", "", "is empty"),
	invalid("RFC3986 4.3 missing scheme on bare domain", "glasgowopendata.org", `is missing "https://" at the start; write "https://glasgowopendata.org"`),
	invalid("RFC3986 4.3 missing scheme on www host with path", "www.glasgowopendata.org/events", `write "https://www.glasgowopendata.org/events"`),
	invalid("RFC3986 4.2 missing scheme on host:port", "glasgowopendata.org:8080/x", `write "https://glasgowopendata.org:8080/x"`),
	invalid("JSTS uri protocol-relative reference", "//foo.bar/?baz=qux#quux", `is missing "https:" at the start; write "https://foo.bar/?baz=qux#quux"`),
	invalid("JSTS uri relative reference", "/abc", "is not a full web address"),
	invalid("JSTS uri valid URI reference but not URI", "abc", `must start with "https://"`),
	invalid("JSTS uri comma in scheme", "bar,baz:foo", "is not a full web address"),
	invalid("RFC3986 3 colon missing after scheme", "https//glasgowopendata.org", `is missing the ":" after "https"; write "https://glasgowopendata.org"`),
	invalid("RFC3986 3.2 authority needs two slashes", "https:glasgowopendata.org", `"https:" must be followed by "//"; write "https://glasgowopendata.org"`),
	invalid("RFC3986 3.2 one slash only", "http:/glasgowopendata.org", `write "http://glasgowopendata.org"`),
	invalid("JSTS uri scheme must start with a letter", "1http://example.com", `"1http" before "://" is not a valid scheme`),
	invalid("JSTS uri invalid character in scheme", "ht_tp://example.com", `"ht_tp" before "://" is not a valid scheme`),
	invalid("JSTS uri missing scheme before ://", "://example.com", `missing the scheme before "://"`),
	invalid("WHATWG javascript scheme", "javascript:alert(1)", `"javascript:" links run code`),
	invalid("WHATWG data scheme", "data:text/html,<b>hi</b>", `"data:" addresses embed content`),
	invalid("RFC8089 file scheme", "file:///C:/Users/me/report.pdf", `"file:" addresses point to a file on one computer`),
	invalid("JSTS uri ftp scheme (JSTS valid)", "ftp://ftp.is.co.za/rfc/rfc1808.txt", `"ftp:" addresses are not supported by browsers any more, and this field takes https and http links`),
	invalid("JSTS uri mailto (JSTS valid)", "mailto:John.Doe@example.com", `"mailto:" is an email link, and this field takes https and http links; put the address itself (without "mailto:") in an email field, or to allow "mailto:" links, add it to the field's schemes in the configuration (schemes: [https, http, mailto])`),
	invalid("JSTS uri ldap (JSTS valid)", "ldap://[2001:db8::7]/c=GB?objectClass?one", `"ldap:" addresses are not allowed here`),
	invalid("JSTS uri news (JSTS valid)", "news:comp.infosystems.www.servers.unix", `"news:" addresses are not allowed here`),
	invalid("JSTS uri tel (JSTS valid)", "tel:+1-816-555-1212", `"tel:" is a phone link, and this field takes https and http links; put the number in a phone field, or to allow "tel:" links`),
	invalid("JSTS uri urn (JSTS valid)", "urn:oasis:names:specification:docbook:dtd:xml:4.1.2", `"urn:" addresses are not allowed here`),
	invalid("JSTS uri invalid backslash", `https://example.org/foobar\.txt`, `contains a backslash "\"`),
	invalid("JSTS uri Windows file share", `\\WINDOWS\fileshare`, "backslash"),
	invalid("JSTS uri space in host", "http:// shouldfail.com", "contains a space"),
	invalid("JSTS uri spaces and missing scheme", ":// should fail", "contains a space"),
	invalid("JSTS uri invalid SPACE character", "https://example.org/foo bar.txt", `contains a space; remove it (inside a path, write a space as "%20")`),
	invalid("WHATWG strips trailing newline; we do not", "https://glasgowopendata.org\n", "ends with a line break; remove it"),
	invalid("WHATWG strips leading space; we do not", " https://glasgowopendata.org", "starts with a space; remove it"),
	invalid("WHATWG strips inner tab; we do not", "https://glasgow\topendata.org", "contains a tab"),
	valid("JSTS uri non-ASCII in path (JSTS invalid; browsers encode it)", "https://example.org/foobar®.txt"),
	invalid("JSTS uri invalid \" character", `https://example.org/foobar".txt`, `character "\"" is not allowed in a web address; write "%22" instead`),
	invalid("JSTS uri invalid <> characters", "https://example.org/foobar<>.txt", `character "<" is not allowed`),
	invalid("JSTS uri invalid {} characters", "https://example.org/foobar{}.txt", `write "%7B" instead`),
	invalid("JSTS uri invalid ^ character", "https://example.org/foobar^.txt", `character "^"`),
	invalid("JSTS uri invalid ` character", "https://example.org/foobar`.txt", "character \"`\""),
	invalid("JSTS uri invalid | character", "https://example.org/foobar|.txt", `write "%7C" instead`),
	invalid("JSTS uri percent with non-hex digit", "http://example.com/%6G", `broken percent-encoding "%6G"`),
	invalid("JSTS uri incomplete percent triplet", "http://example.com/%A", `broken percent-encoding "%A"`),
	invalid("JSTS uri lone percent sign", "http://example.com/%", `broken percent-encoding "%"; "%" must be followed by two hex digits (write "%25" for a literal "%")`),
	invalid("RFC3986 2.1 percent with non-hex letters", "https://glasgowopendata.org/search?q=100%zz", `"%zz"`),
	invalid("JSTS uri non-numeric port", "http://example.com:abc/path", `port "abc" is not valid; a port is a number from 1 to 65535`),
	invalid("JSTS uri colon inside port", "http://a.com:8:0", `port "8:0" is not valid`),
	invalid("JSTS uri double colon port", "http://a.com::", `port ":" is not valid`),
	invalid("JSTS uri empty port (JSTS valid)", "http://a.com:", `has a ":" after the host but no port number; remove the ":"`),
	invalid("JSTS uri port above 65535 (JSTS valid)", "http://a.com:999999999", `port "999999999" is not valid`),
	invalid("RFC6335 6 port zero", "https://glasgowopendata.org:0/", `port "0" is not valid`),
	invalid("JSTS uri empty host with port (JSTS valid)", "http://:80", `has no host name after "http://"`),
	invalid("RFC3986 3.2.2 empty host", "https:///events", "has no host name"),
	invalid("RFC9110 4.2.4 credentials in URL", "https://user:secret@glasgowopendata.org/admin", `contains a user name or password before the host; remove it and write "https://glasgowopendata.org/admin"`),
	invalid("JSTS uri empty userinfo (JSTS valid)", "http://@a.com", "user name or password"),
	invalid("JSTS uri userinfo with empty host (JSTS valid)", "http://user@", `has a user name but no host name after "http://"`),
	invalid("JSTS uri invalid userinfo", "https://[@example.org/test.txt", "user name or password"),
	invalid("JSTS uri many special characters in userinfo (JSTS valid)", "http://-.~_!$&'()*+,;=:%40:80%2f::::::@example.com", "user name or password"),
	invalid("JSTS uri sub-delims in reg-name (JSTS valid)", "http://!$&'()*+,;=.com", `contains "!", which cannot be used in domain names`),
	invalid("JSTS uri trailing dot reg-name (JSTS valid)", "http://example.com.", `host "example.com." ends with a dot; remove it`),
	invalid("JSTS uri tilde in reg-name (JSTS valid)", "http://exa~mple.com/", `contains "~"`),
	invalid("JSTS uri underscore in reg-name (JSTS valid)", "http://under_score.com/", `contains "_"`),
	invalid("JSTS uri leading-zero IPv4 (JSTS valid)", "http://087.10.0.1/", `host "087.10.0.1" is not a valid IP address`),
	invalid("JSTS uri out-of-range IPv4 (JSTS valid)", "http://999.999.999.999/", "is not a valid IP address"),
	invalid("WHATWG integer IPv4 form", "http://2130706433/", "is not a valid IP address"),
	invalid("WHATWG hexadecimal IPv4 form", "http://0x7f.0.0.1/", `ends in the number "1"`),
	invalid("RFC6761 6.3 localhost", "http://localhost:8080/", `host "localhost" only works on your own computer`),
	invalid("RFC6761 6.3 localhost without scheme", "localhost:8080", `is missing "https://" at the start; write "https://localhost:8080"`),
	invalid("RFC6762 .local mDNS name", "http://printer.local/", "only works on a local network"),
	invalid("RFC5735 loopback IPv4", "http://127.0.0.1/", "loopback address"),
	invalid("RFC1918 private IPv4", "http://192.168.1.10/admin", `host "192.168.1.10" is a private network address, which cannot be reached from the internet`),
	invalid("RFC1918 private 10/8", "https://10.0.0.1", "private network address"),
	invalid("RFC3927 link-local IPv4", "http://169.254.1.1/", "link-local address"),
	invalid("RFC1122 unspecified IPv4", "http://0.0.0.0/", "unspecified address"),
	invalid("RFC5771 multicast IPv4", "http://224.0.0.1/", "multicast address"),
	invalid("RFC6598 carrier-grade NAT", "http://100.64.0.1/", "carrier-grade NAT"),
	invalid("RFC5737 documentation IPv4", "http://192.0.2.1/", "documentation address"),
	invalid("RFC4291 loopback IPv6", "http://[::1]/", "loopback address"),
	invalid("RFC4291 link-local IPv6", "http://[fe80::1]/", "link-local address"),
	invalid("RFC4193 unique local IPv6", "http://[fd00::1]/", "private network address"),
	invalid("RFC4291 IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/", "loopback address"),
	invalid("RFC3986 3.2.2 IPv4 in brackets", "http://[1.2.3.4]/", "is not a valid IPv6 address"),
	invalid("RFC3986 3.2.2 unclosed IPv6 bracket", "http://[2606:4700::1111/", `opening "[" without a closing "]"`),
	invalid("RFC1123 2.1 single-label host", "http://intranet/", `host "intranet" has no dot`),
	invalid("RFC3696 2 alphanumeric TLD", "https://glasgowopendata.c0m", `ends in "c0m"`),
	invalid("RFC1123 2.1 label starting with hyphen", "https://-glasgow.org", "starting with a hyphen"),
	invalid("RFC1035 2.3.4 label over 63 octets", "https://"+strings.Repeat("a", 64)+".org/", "the limit is 63"),
	invalid("RFC5891 invalid punycode host", "https://xn--a.org/", "not a valid internationalised domain name"),
}

func TestURL(t *testing.T) { runCases(t, URL, urlCases) }

// The url, uri and http-url formats are URL itself.
func TestURLFormats(t *testing.T) {
	for _, name := range []string{"url", "uri", "http-url"} {
		runCases(t, Formats[name], urlCases)
	}
}

var httpsURLCases = []tcase{
	valid("seed website", "https://glasgowopendata.org"),
	valid("RFC9110 4.2.2 https upper case", "HTTPS://glasgowopendata.org/x"),
	invalid("RFC9110 4.2.1 http is not enough", "http://glasgowopendata.org/events?x=1", `must use "https://" instead of "http://"; write "https://glasgowopendata.org/events?x=1"`),
	invalid("RFC9110 4.2.1 HTTP upper case", "HTTP://glasgowopendata.org", `write "https://glasgowopendata.org"`),
	invalid("URL errors come first", "glasgowopendata.org", `is missing "https://"`),
	invalid("URL errors come first for http too", "http://localhost/", "localhost"),
}

func TestHTTPSURL(t *testing.T) { runCases(t, Formats["https-url"], httpsURLCases) }

// insecureCases pins InsecureURL (RFC 9110 §4.2.2: https is http over TLS).
var insecureCases = []tcase{
	valid("seed website", "https://glasgowopendata.org"),
	valid("RFC9110 4.2.2 upper-case https", "HTTPS://glasgowopendata.org"),
	valid("not a URL is URL's problem", "glasgowopendata.org"),
	valid("empty is URL's problem", ""),
	valid("other schemes are URL's problem", "ftp://ftp.is.co.za/"),
	valid("httpx is not http", "httpx://glasgowopendata.org"),
	invalid("RFC9110 4.2.1 http website", "http://glasgowopendata.org", `uses "http://", which is not encrypted; use "https://glasgowopendata.org"`),
	invalid("RFC9110 4.2.1 http with path and query kept", "http://glasgowopendata.org/events?year=2024#may", `use "https://glasgowopendata.org/events?year=2024#may"`),
	invalid("RFC3986 3.1 scheme is case-insensitive", "HTTP://GlasgowOpenData.org/", `use "https://GlasgowOpenData.org/"`),
	invalid("seed slack over http", "http://glasgowtech.slack.com/channels/open-data", `use "https://glasgowtech.slack.com/channels/open-data"`),
	invalid("RFC9110 4.2.1 http with port", "http://glasgowopendata.org:8080/", `use "https://glasgowopendata.org:8080/"`),
	invalid("RFC9110 4.2.1 http IP address", "http://223.255.255.254/", `use "https://223.255.255.254/"`),
}

func TestInsecureURL(t *testing.T) { runCases(t, InsecureURL, insecureCases) }

// URL is CheckURL with the zero rules, case by case.
func TestURLIsCheckURL(t *testing.T) {
	for _, cases := range [][]tcase{urlCases, checkURLDefaultOnly} {
		for _, tc := range cases {
			a, b := URL(tc.in), CheckURL(tc.in, URLRules{})
			if (a == nil) != (b == nil) || a != nil && a.Error() != b.Error() {
				t.Errorf("%q: URL %v, CheckURL %v", tc.in, a, b)
			}
		}
	}
}

var checkURLDefaultOnly = []tcase{
	invalid("zero rules: relative path", "/img/a.png", "is not a full web address"),
}

// urlRuleCases pin CheckURL with field rules. Names cite the RFC of the
// scheme or the corpus entry the value was seen in.
var urlRuleCases = []struct {
	name     string
	rules    URLRules
	in, want string // want "" means valid
}{
	// Relative references (RFC 3986 §4.2).
	{"RFC3986 4.2 site-relative path (hackforla image)", relative, "/assets/images/projects/311_data.png", ""},
	{"RFC3986 4.2 relative path without slash (roweb3 img)", relative, "img/community/ahmadou-dicko.jpg", ""},
	{"RFC3986 4.2 dot-dot path (hackforla one-sheet)", relative, "../assets/pdfs/100-Automations-Project-One-Sheet.pdf", ""},
	{"RFC3986 4.2 file name with query and fragment", relative, "a.png?x=1#y", ""},
	{"RFC3986 4.2 bare file name (enhance avatar)", relative, "simon.png", ""},
	{"RFC3986 4.2 page-bundle path (CloudWithChris image)", relative, "images/abelwang.jpg", ""},
	{"RFC3986 4.2 site-relative link (roweb3 dan-sholler)", relative, "/blog/2017/06/30/postdoc_dan_sholler", ""},
	{"RFC3986 4.2 image id (digitalgov primary_image)", relative, "uswds-monthly-call-january-2025", ""},
	{"RFC3986 4.2 Markdown file beside the page", relative, "LICENSE.md", ""},
	{"RFC3986 4.2 dot path", relative, "./CONTRIBUTING.md", ""},
	{"RFC3986 4.2 fragment only", relative, "#agenda", ""},
	{"RFC3986 4.2 non-ASCII path", relative, "/autores/maëlle-salmon/", ""},
	{"relative rules still take absolute URLs", relative, "https://example.org/a", ""},
	{"roweb3 karly-harker protocol-relative image", relative, "//img/community/karly-harker.jpeg", `starts with "//", so browsers read "img" as a host name; write "/img/community/karly-harker.jpeg" for a path on this site`},
	{"relative path with a space", relative, "/img/a b.png", "contains a space"},
	{"relative path with a control character", relative, "/img/a\x01.png", "control character U+0001"},
	{"relative path with a backslash", relative, `img\a.png`, "backslash"},
	{"relative path with a broken percent-encoding", relative, "/img/100%.png", "broken percent-encoding"},
	{"relative path with a pipe", relative, "/a|b", `character "|" is not allowed`},
	{"roweb3 jouni-helske bare domain", relative, "jounihelske.netlify.app", `looks like a web address without "https://"; write "https://jounihelske.netlify.app"`},
	{"roweb3 linda-cabrera-orellana www domain", relative, "www.lindateachtech.com", `write "https://www.lindateachtech.com"`},
	{"digitalgov 2024-08-15 bare domain sec.gov", relative, "sec.gov", `write "https://sec.gov"`},
	{"bare domain with a path", relative, "example.org/events", `write "https://example.org/events"`},
	{"host and port without scheme", relative, "localhost:8080/x", `is missing "https://" at the start; write "https://localhost:8080/x"`},
	{"colon missing after https", relative, "https//example.org", `is missing the ":" after "https"`},
	{"scheme typo with relative rules", relative, "hhttps://example.org/", `"hhttps:" looks like a typo for "https:"`},
	{"drive letter is a scheme", relative, "C:/Users/me/a.png", `"c:" addresses are not allowed here`},
	{"empty with relative rules", relative, "", `is empty; write a web address like "https://example.org" or a path like "/img/photo.png"`},

	// mailto: (RFC 6068).
	{"RFC6068 2 one address", withMailto, "mailto:name@example.org", ""},
	{"RFC6068 2 several addresses", withMailto, "mailto:a@example.org,b@example.org", ""},
	{"RFC6068 2 subject and body", withMailto, "mailto:name@example.org?subject=Hello%20there&body=Hi", ""},
	{"RFC6068 2 address in a to field only", withMailto, "mailto:?to=name@example.org&subject=Hi", ""},
	{"RFC6068 2 percent-encoded address", withMailto, "mailto:name%40example.org", ""},
	{"RFC6068 2 upper-case scheme", withMailto, "MAILTO:name@example.org", ""},
	{"mailto rules still take https", withMailto, "https://example.org", ""},
	{"RFC6068 2 no address", withMailto, "mailto:", `has no address after "mailto:"`},
	{"RFC6068 2 bad address", withMailto, "mailto:name.example.org", `mailto: address "name.example.org" has no "@"`},
	{"RFC6068 2 bad cc address", withMailto, "mailto:a@example.org?cc=b@", `mailto: address "b@" has nothing after the "@"`},
	{"RFC6068 2 header without =", withMailto, "mailto:a@example.org?subject", `mailto: header "subject" is not a name=value pair`},
	{"RFC6068 2 raw space in subject", withMailto, "mailto:a@example.org?subject=Hello there", "contains a space"},
	{"RFC6068 2 broken percent-encoding", withMailto, "mailto:a@example.org?subject=100%", "broken percent-encoding"},

	// xmpp: (RFC 5122).
	{"RFC5122 2.2 user@host", withXMPP, "xmpp:name@example.org", ""},
	{"RFC5122 2.2 chat room with query", withXMPP, "xmpp:room@conference.example.org?join", ""},
	{"RFC5122 2.2 resource", withXMPP, "xmpp:name@example.org/phone", ""},
	{"RFC5122 2.3 authority naming the account", withXMPP, "xmpp://me@example.net/name@example.org", ""},
	{"RFC5122 2.2 server only", withXMPP, "xmpp:example.org", `"example.org" is not an XMPP address; it needs a user and a server`},
	{"RFC5122 2.2 local server", withXMPP, "xmpp:name@localhost", `"localhost" only works on your own computer`},
	{"RFC7622 3.3.1 forbidden character", withXMPP, "xmpp:na'me@example.org", `character "'" is not allowed before the "@"`},

	// tel: (RFC 3966).
	{"RFC3966 3 global number with separators", withTel, "tel:+1-201-555-0123", ""},
	{"RFC3966 3 global number with dots and parentheses", withTel, "tel:+44(0)141.555.0123", ""},
	{"RFC3966 3 extension parameter", withTel, "tel:+1-201-555-0123;ext=42", ""},
	{"RFC3966 3 local number", withTel, "tel:0141-555-0123", ""},
	{"RFC3966 3 short number", withTel, "tel:112", ""},
	{"RFC3966 3 space", withTel, "tel:+44 141 555 0123", `contains a space; remove it, or write "-" between groups of digits`},
	{"RFC3966 3 letters", withTel, "tel:+1-800-FLOWERS", `character "F" is not allowed in a phone number`},
	{"RFC3966 3 too few digits", withTel, "tel:+1", "too few digits"},
	{"E.164 at most 15 digits", withTel, "tel:+1234567890123456", "at most 15"},
	{"RFC3966 3 no number", withTel, "tel:", `has no number after "tel:"`},

	// Other schemes, generic RFC 3986 syntax.
	{"Zola d3c3nt git repository", withGit, "git://git.figbert.com/d3c3nt.git", ""},
	{"RFC3986 3.2.1 user name without password", withGit, "ssh://git@example.org/repo.git", ""},
	{"RFC3986 3.2.1 password", withGit, "ssh://git:secret@example.org/repo.git", `contains a password before the host; remove it and write "ssh://example.org/repo.git"`},
	{"RFC3986 3.2.2 local host", withGit, "git://localhost/repo.git", "only works on your own computer"},
	{"RFC3986 3 opaque URI", withGit, "urn:isbn:0451450523", ""},
	{"RFC3986 3 nothing after the scheme", withGit, "urn:", `has nothing after "urn:"`},
	{"RFC8089 2 file URI with empty host", withGit, "file:///srv/a.txt", ""},
	{"generic scheme with a space", withGit, "git://example.org/a b", "contains a space"},
	{"not listed: schemes named in the message", withGit, "gopher://example.org/", `"gopher:" addresses are not allowed here: this field takes https, http, git, ssh, urn and file links; to allow "gopher:" links, add it to the field's schemes in the configuration (schemes: [https, http, git, ssh, urn, file, gopher])`},
	{"not listed: mailto with only https", httpsOnly, "mailto:a@example.org", `"mailto:" is an email link, and this field takes https links`},
	{"https only: http is an error", httpsOnly, "http://example.org/a", `uses "http:", but this field takes only https links; write "https://example.org/a"`},
	{"https only: https passes", httpsOnly, "https://example.org/a", ""},
	{"no schemes: relative only", URLRules{Schemes: []string{}, Relative: true}, "https://example.org/", "this field takes no absolute addresses, only paths on this site"},
	{"schemes listed in upper case", URLRules{Schemes: []string{"HTTPS"}}, "https://example.org/", ""},
}

var (
	relative   = URLRules{Relative: true}
	withMailto = URLRules{Schemes: []string{"https", "http", "mailto"}}
	withXMPP   = URLRules{Schemes: []string{"https", "http", "mailto", "xmpp"}}
	withTel    = URLRules{Schemes: []string{"https", "tel"}}
	withGit    = URLRules{Schemes: []string{"https", "http", "git", "ssh", "urn", "file"}}
	httpsOnly  = URLRules{Schemes: []string{"https"}}
)

func TestCheckURL(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range urlRuleCases {
		if seen[c.name] {
			t.Errorf("duplicate case name %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			err := CheckURL(c.in, c.rules)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("CheckURL(%q, %+v): unexpected error: %v", c.in, c.rules, err)
			case c.want == "":
				if _, perr := url.Parse(c.in); perr != nil {
					t.Errorf("accepted %q, which net/url rejects: %v", c.in, perr)
				}
			case err == nil:
				t.Errorf("CheckURL(%q, %+v) accepted; want an error containing %q", c.in, c.rules, c.want)
			case !strings.Contains(err.Error(), c.want):
				t.Errorf("CheckURL(%q, %+v):\n got: %v\nwant substring: %s", c.in, c.rules, err, c.want)
			default:
				if p := messageProblem(err.Error()); p != "" {
					t.Errorf("message %q %s", err, p)
				}
			}
		})
	}
}

// Instructions in bodies show local addresses; ErrLocalHost lets the caller
// tell them apart from other broken links.
func TestErrLocalHost(t *testing.T) {
	for _, tc := range []struct {
		in    string
		local bool
	}{
		{"http://localhost:3333/todos", true},
		{"http://127.0.0.1:1111", true},
		{"http://[::1]/", true},
		{"http://0.0.0.0:8000/", true},
		{"http://192.168.1.10/admin", true},
		{"http://printer.local/", true},
		{"http://app.localhost/", true},
		{"http://192.0.2.1/", false},   // documentation address: not local, still wrong
		{"http://intranet/", false},    // single label
		{"https://example.org", false}, // valid
		{"hhttps://example.org", false},
	} {
		err := URL(tc.in)
		if got := errors.Is(err, ErrLocalHost); got != tc.local {
			t.Errorf("URL(%q) = %v; errors.Is(ErrLocalHost) = %v, want %v", tc.in, err, got, tc.local)
		}
	}
	if err := CheckURL("git://localhost/a", URLRules{Schemes: []string{"git"}}); !errors.Is(err, ErrLocalHost) {
		t.Errorf("generic scheme on localhost: %v", err)
	}
}

func TestInsecureURLOtherSchemes(t *testing.T) {
	for _, s := range []string{"mailto:a@example.org", "xmpp:a@example.org", "tel:+1-201-555-0123", "/img/a.png", "git://example.org/a.git"} {
		if err := InsecureURL(s); err != nil {
			t.Errorf("InsecureURL(%q) = %v", s, err)
		}
	}
}
