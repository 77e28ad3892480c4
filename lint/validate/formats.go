package validate

// Formats maps JSON Schema format names to validators: "email", "idn-email", "uri", "url", "http-url", "https-url" (https only: says to switch http to https), "hostname" (DNS hostname, IDNA-checked), and "<network>-handle" for every network (twitter-handle, x-handle, mastodon-handle, ...), which accepts a handle or a profile URL (FormAny).
//
// "uri" is mapped to URL on purpose: in a content entry a URI field is a link
// for readers, so the JSON Schema meaning (any RFC 3986 URI, "urn:", "tel:",
// ...) would accept values that cannot be followed.
var Formats = buildFormats()

func buildFormats() map[string]func(string) error {
	m := map[string]func(string) error{
		"email":     Email,
		"idn-email": idnEmail,
		"uri":       URL,
		"url":       URL,
		"http-url":  URL,
		"https-url": httpsURL,
		"hostname":  hostname,
	}
	for _, n := range Networks {
		m[n.Name+"-handle"] = n.Checker(FormAny)
	}
	return m
}
