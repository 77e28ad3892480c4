// Package validate holds the field validators of contentlint: email
// addresses, web addresses, host names and social-network handles found in
// the front matter of directory entries.
//
// Every validator is a pure func(string) error. The error text is the
// explanation shown to the person who wrote the entry, who is usually not a
// programmer: it is lower case, quotes the offending part, says what is wrong
// and how to fix it, and leaves out the field name, which the caller adds.
// Validators never touch the network: a value is judged on its spelling only.
//
// # Where URL is stricter than the WHATWG URL Standard
//
// Browsers follow the WHATWG URL Standard (https://url.spec.whatwg.org/),
// which is built to make sense of anything typed into an address bar. A
// directory entry needs more: an address that any reader, crawler or feed
// reader can follow from anywhere, and that survives being copied between
// tools. So URL follows RFC 3986 and rejects, with an explanation, several
// things the WHATWG parser quietly repairs:
//
//   - Missing scheme. WHATWG resolves "glasgowopendata.org" against a base
//     URL and browsers guess "https://"; outside a browser the value is a
//     relative path. URL asks for "https://" (or "http://").
//   - Leading and trailing spaces, and tabs or newlines anywhere, which
//     WHATWG strips. They are invisible in the file and break other tools.
//   - Backslashes, which WHATWG treats as "/" in http(s) URLs. Other URL
//     parsers (RFC 3986, net/url, most servers) do not.
//   - Characters outside RFC 3986 (space, "<", ">", "{", "}", "|", "^", "`",
//     '"' and non-ASCII text in the path, query or fragment), which WHATWG
//     percent-encodes. URL shows the encoded form to use instead. Non-ASCII
//     host names are accepted, as IDNA makes them well defined.
//   - Broken percent-encodings such as "%zz", which WHATWG passes through.
//   - Hosts that only work locally: "localhost", ".local", ".internal",
//     loopback, private, link-local, unspecified, multicast and reserved IP
//     addresses. WHATWG accepts them all; no reader of a public directory
//     can reach them.
//   - Single-label hosts ("http://intranet/") and numeric or mixed
//     top-level labels, which WHATWG accepts and which cannot be public web
//     sites. IPv4 addresses in WHATWG's hexadecimal, octal or single-integer
//     forms ("0x7f.1", "2130706433") are rejected as well: they are a
//     well-known way of disguising an address.
//   - Credentials ("https://user:pass@host/"), which WHATWG parses but
//     which publish a password and are deprecated by RFC 9110 §4.2.4.
//   - Empty ports ("https://host:/") and port 0, which WHATWG accepts.
//   - Schemes other than http and https.
//
// Email and the handle checks are likewise stricter than the RFCs allow in
// places where the RFC form is a sign of a mistake; each validator's
// documentation says where and why.
package validate
