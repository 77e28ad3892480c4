package lint

import (
	"bytes"
	"net/netip"
	"net/url"
	"strings"
)

// ruleLinkLocalhost is a body link to this computer: wrong in content, but
// instructions ("run it, then open http://localhost:8000") show such links
// on purpose, so it is a warning of its own rather than a link-url error,
// and a link whose own text shows the address is left alone: tutorials on
// real sites write "go to [http://localhost:1111](http://localhost:1111)"
// (28 of 28 such links in docs/real-world.md). In a front matter field,
// where no instruction is meant, url-invalid still reports it as an error.
var ruleLinkLocalhost = &Rule{
	ID: "link-localhost", Family: "link", Severity: SeverityWarning,
	Title: "A body link points at localhost or a loopback address",
	Doc: "A link to localhost, a *.localhost name, a loopback address (127.0.0.0/8, ::1) or the unspecified address " +
		"(0.0.0.0, ::) opens the reader's own computer: a link that hides such an address behind other words, or an image " +
		"loaded from one, is a leftover from development; link the public address. Instructions show local addresses on " +
		"purpose, so a link whose text shows the address it opens (\"open [http://localhost:8000](http://localhost:8000)\", " +
		"an address in angle brackets or in the text) is left alone, the rule is a warning, and link-url does not report " +
		"these links. The finding points at the link.",
	Config: exampleBare,
	Bad:    titled("Our dashboard is at [the live site](http://localhost:8000/dashboard).\n"),
	Good:   titled("Our dashboard is at [the live site](https://dashboard.glasgowopendata.org/).\n"),
	Tags:   []string{"markdown", "links"},
}

// localhostLink reports whether an absolute http(s) or protocol-relative
// link goes to this computer.
func localhostLink(dest string) bool {
	_, ok := localHost(dest)
	return ok
}

// localHost returns the host of a link to this computer, in lower case.
func localHost(dest string) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil || (u.Scheme != "" && !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return "", false
	}
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return host, true
	}
	addr, err := netip.ParseAddr(host)
	return host, err == nil && (addr.IsLoopback() || addr.IsUnspecified())
}

// showsAddress reports whether the reader sees the local address a link
// opens: an autolink or a bare address is its own text, and a link whose
// text names the host ("[http://localhost:8000](http://localhost:8000)")
// says where it goes. An image is never an instruction.
func showsAddress(e *Entry, l bodyLink, host string) bool {
	if l.image {
		return false
	}
	if l.autolink {
		return true
	}
	text := e.BodySource()[l.start:l.end]
	if i := bytes.LastIndex(text, []byte("](")); i >= 0 {
		text = text[:i] // an inline link's text, without its destination
	}
	return bytes.Contains(bytes.ToLower(text), []byte(host))
}

func runLinkLocalhost(p *Pass) {
	for _, l := range bodyLinks(p.Entry) {
		if l.email {
			continue
		}
		host, local := localHost(l.dest)
		if !local || showsAddress(p.Entry, l, host) {
			continue
		}
		p.Report(ruleLinkLocalhost, l.span(p.Entry), "%s %q points at the reader's own computer; link the public address, or, in instructions, show the address as the link's text", l.noun(), l.dest)
	}
}
