package validate

import (
	"errors"
	"fmt"
	"strings"
)

// Network describes one social network's handle rules.
type Network struct {
	Name  string             // "twitter", "x", "github", ...
	Title string             // "Twitter", "X", "GitHub", ...
	Rule  string             // one-line summary of the published rule, with its source (URL of the network's docs/spec)
	Check func(string) error // accepts bare handle, "@handle" where people write it so, or a profile URL on the network's own hosts
}

// Networks lists every supported network in a fixed order.
//
// The order is the one documentation and error listings show; it is part of
// the API so that output is stable.
var Networks = []Network{
	{"twitter", "Twitter", "1–15 letters, digits or \"_\"; profile links on twitter.com or x.com (https://help.x.com/en/managing-your-account/x-username-rules)", twitterLike("twitter")},
	{"x", "X", "1–15 letters, digits or \"_\"; profile links on x.com or twitter.com (https://help.x.com/en/managing-your-account/x-username-rules)", twitterLike("x")},
	{"mastodon", "Mastodon", "@user@server, user of letters, digits, \"_\" and inner \".\" or \"-\" (at most 30), or https://server/@user (USERNAME_RE in https://github.com/mastodon/mastodon/blob/main/app/models/account.rb)", checkMastodon},
	{"bluesky", "Bluesky", "a domain-name handle with at least two labels of letters, digits and hyphens, at most 253 characters, top-level label not starting with a digit; or https://bsky.app/profile/<handle> (https://atproto.com/specs/handle)", checkBluesky},
	{"github", "GitHub", "1–39 letters, digits or single hyphens, not starting or ending with a hyphen; or https://github.com/<name> (https://docs.github.com/en/enterprise-cloud@latest/admin/managing-iam/iam-configuration-reference/username-considerations-for-external-authentication)", checkGitHub},
	{"linkedin", "LinkedIn", "https://www.linkedin.com/in/<name> or /company/<name>, name of 3–100 letters, digits or hyphens (https://www.linkedin.com/help/linkedin/answer/a542685)", checkLinkedIn},
	{"slack", "Slack", "https://<workspace>.slack.com/ or https://join.slack.com/t/<workspace>/..., workspace of letters, digits and inner hyphens (https://slack.com/help/articles/201909068)", checkSlack},
	{"discord", "Discord", "invite link https://discord.gg/<code> or https://discord.com/invite/<code>, code of letters, digits and hyphens (https://support.discord.com/hc/en-us/articles/208866998)", checkDiscord},
	{"meetup", "Meetup", "group URL name of letters, digits and hyphens, or https://www.meetup.com/<group>/ (https://help.meetup.com/hc/en-us/articles/360002862392)", checkMeetup},
	{"facebook", "Facebook", "page name of at least 5 letters, digits or \".\", without .com/.net; or https://www.facebook.com/<page>, /groups/<id>, /profile.php?id=<digits> (https://www.facebook.com/help/105399436216001)", checkFacebook},
	{"instagram", "Instagram", "1–30 letters, digits, \".\" or \"_\", no dot at the start, the end or twice in a row; or https://www.instagram.com/<name> (https://help.instagram.com/370452623149242)", checkInstagram},
	{"youtube", "YouTube", "@handle of 3–30 letters, digits, \"_\", \"-\" or \".\"; or youtube.com/@handle, /channel/UC<22 characters>, /c/<name>, /user/<name> (https://support.google.com/youtube/answer/11585688)", checkYouTube},
}

// NetworkByName returns the network named name (case-insensitive) and whether it exists.
func NetworkByName(name string) (Network, bool) {
	for _, n := range Networks {
		if strings.EqualFold(n.Name, name) {
			return n, true
		}
	}
	return Network{}, false
}

// NetworkOfURL returns the network whose hosts serve the URL (e.g. "github" for https://github.com/x), or "".
//
// It is liberal about the form (with or without a scheme, any case) because
// it is used to explain mistakes, such as a GitHub link in a Twitter field.
// Mastodon is federated, so only a few large servers are recognised.
func NetworkOfURL(s string) string {
	rest := s
	if i := strings.Index(s, "://"); i >= 0 {
		rest = s[i+3:]
	} else if strings.HasPrefix(s, "//") {
		rest = s[2:]
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	auth := rest[:end]
	if rest == s && strings.ContainsAny(auth, "@:") {
		return "" // "mailto:a@github.com", "user@host": not a web address
	}
	if at := strings.LastIndexByte(auth, '@'); at >= 0 {
		auth = auth[at+1:]
	}
	if c := strings.IndexByte(auth, ':'); c >= 0 {
		auth = auth[:c]
	}
	return networkOfHost(strings.ToLower(strings.TrimSuffix(auth, ".")))
}

// networkOfHost maps a lower-case host to the network serving it.
func networkOfHost(h string) string {
	h = strings.TrimPrefix(h, "www.")
	switch h {
	case "twitter.com", "mobile.twitter.com":
		return "twitter"
	case "x.com", "mobile.x.com":
		return "x"
	case "github.com":
		return "github"
	case "bsky.app":
		return "bluesky"
	case "linkedin.com":
		return "linkedin"
	case "slack.com":
		return "slack"
	case "discord.gg", "discord.com", "discordapp.com":
		return "discord"
	case "meetup.com":
		return "meetup"
	case "facebook.com", "m.facebook.com", "fb.com":
		return "facebook"
	case "instagram.com":
		return "instagram"
	case "youtube.com", "m.youtube.com", "youtu.be":
		return "youtube"
	// Large Mastodon servers, and the Scottish one a Glasgow directory
	// links to most; any other server is still accepted by the Mastodon check.
	case "mastodon.social", "mastodon.online", "mstdn.social", "mas.to",
		"fosstodon.org", "hachyderm.io", "infosec.exchange", "mastodon.scot":
		return "mastodon"
	}
	switch {
	case strings.HasSuffix(h, ".linkedin.com"):
		return "linkedin"
	case strings.HasSuffix(h, ".slack.com"):
		return "slack"
	}
	return ""
}

// sameService reports whether a link on network other's hosts is acceptable
// for network self: Twitter and X are one service under two names.
func sameService(self, other string) bool {
	if self == other {
		return true
	}
	return (self == "twitter" || self == "x") && (other == "twitter" || other == "x")
}

func titleOf(name string) string {
	switch name {
	case "twitter":
		return "Twitter"
	case "x":
		return "X"
	case "mastodon":
		return "Mastodon"
	case "bluesky":
		return "Bluesky"
	case "github":
		return "GitHub"
	case "linkedin":
		return "LinkedIn"
	case "slack":
		return "Slack"
	case "discord":
		return "Discord"
	case "meetup":
		return "Meetup"
	case "facebook":
		return "Facebook"
	case "instagram":
		return "Instagram"
	case "youtube":
		return "YouTube"
	}
	return name
}

// article returns "a" or "an" for a network title, by its spoken sound.
func article(title string) string {
	if title == "X" || title == "Instagram" {
		return "an"
	}
	return "a"
}

// profileLink is a profile URL split into the parts the network checks
// look at. Query and fragment are kept apart so that tracking parameters
// ("?utm_source=...", "?si=...") and trailing slashes do not matter.
type profileLink struct {
	host  string // lower case, without a trailing dot
	path  string // without the leading "/" and any trailing "/"
	query string // without the "?"
}

// foldIn reports whether s equals, ignoring ASCII case, one of the
// space-separated words; it avoids allocating a lower-cased copy.
func foldIn(s, words string) bool {
	for words != "" {
		var w string
		w, words, _ = strings.Cut(words, " ")
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// seg splits the first path segment from the rest.
func seg(path string) (first, rest string) {
	first, rest, _ = strings.Cut(path, "/")
	return first, rest
}

// parseLink splits s, which contains "://", into a profileLink.
func parseLink(s string) (profileLink, error) {
	i := strings.Index(s, "://")
	scheme := s[:i]
	if !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "http") {
		return profileLink{}, fmt.Errorf("%q links are not profile addresses; give an https:// link or just the user name", strings.ToLower(scheme)+":")
	}
	rest := s[i+3:]
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	var p profileLink
	auth, tail := rest[:end], rest[end:]
	if auth == "" {
		return p, fmt.Errorf("has no host name after %q", s[:i+3])
	}
	if strings.ContainsAny(auth, "@:") {
		return p, fmt.Errorf("host %q must not contain a login or a port; write just the site's name", auth)
	}
	p.host = strings.ToLower(strings.TrimSuffix(auth, "."))
	if h, _, ok := strings.Cut(tail, "#"); ok {
		tail = h
	}
	path, query, _ := strings.Cut(tail, "?")
	p.path = strings.Trim(path, "/")
	p.query = query
	return p, nil
}

// prepare does what every network check shares: emptiness, stray spaces,
// links belonging to another network, and links missing "https://". It
// returns the parsed link when s is one.
func prepare(s, self, example string) (p profileLink, isLink bool, err error) {
	if s == "" {
		return p, false, errors.New("is empty; give " + example)
	}
	if i := findInvisible(s); i >= 0 {
		return p, false, invisibleError(s, i, "handles and links cannot contain spaces, so remove it")
	}
	if strings.Contains(s, "://") {
		p, err = parseLink(s)
		if err != nil {
			return p, false, err
		}
		if other := networkOfHost(p.host); other != "" && !sameService(self, other) {
			return p, false, wrongNetwork(self, other)
		}
		return p, true, nil
	}
	// "github.com/name": a link without its scheme.
	if slash := strings.IndexByte(s, '/'); slash > 0 {
		if host := strings.ToLower(s[:slash]); strings.IndexByte(host, '.') > 0 {
			if other := networkOfHost(host); other != "" && !sameService(self, other) {
				return p, false, wrongNetwork(self, other)
			}
			return p, false, fmt.Errorf(`is missing "https://" at the start; write %q`, "https://"+s)
		}
	}
	return p, false, nil
}

func wrongNetwork(self, other string) error {
	st, ot := titleOf(self), titleOf(other)
	return fmt.Errorf("this is %s %s URL, not %s %s profile; put it in the %s field, or give the %s profile here",
		article(ot), ot, article(st), st, ot, st)
}

// notOnHost explains a link on a host the network does not use; orName
// says whether a bare name is also accepted, to offer it as the alternative.
func notOnHost(host, title, hosts string, orName bool) error {
	alt := ""
	if orName {
		alt = ", or just the name"
	}
	return fmt.Errorf("%q is not a %s address; give a link on %s%s", host, title, hosts, alt)
}

// badChar explains the first character of name outside the allowed set.
func badChar(name string, i int, what, allowed string) error {
	return fmt.Errorf("character %q is not allowed; %s use only %s", charAt(name, i), what, allowed)
}

// twitterLike builds the Twitter and X check. Both names refer to one
// service with one username rule and both host names.
func twitterLike(self string) func(string) error {
	title := titleOf(self)
	return func(s string) error {
		p, isLink, err := prepare(s, self, `a user name like "GlasgowOpenData"`)
		if err != nil {
			return err
		}
		if !isLink {
			return twitterName(strings.TrimPrefix(s, "@"), title)
		}
		if n := networkOfHost(p.host); n != "twitter" && n != "x" {
			return notOnHost(p.host, title, "x.com or twitter.com", true)
		}
		name, more := seg(p.path)
		if name == "" {
			return fmt.Errorf("link has no user name; write it like %q", "https://x.com/GlasgowOpenData")
		}
		switch {
		case foldIn(name, "home i intent search hashtag share explore settings messages notifications"):
			return fmt.Errorf("links to the %q page, not a profile; write it like %q", name, "https://x.com/GlasgowOpenData")
		}
		if err := twitterName(strings.TrimPrefix(name, "@"), title); err != nil {
			return err
		}
		if more != "" {
			return fmt.Errorf("links to a post or page, not a profile; use %q", "https://"+p.host+"/"+name)
		}
		return nil
	}
}

// twitterName: "Your username cannot be longer than 15 characters ... A
// username can only contain alphanumeric characters (letters A-Z, numbers
// 0-9) with the exception of underscores" (https://help.x.com/en/managing-your-account/x-username-rules).
func twitterName(n, title string) error {
	if n == "" {
		return errors.New(`has only "@"; add the user name after it`)
	}
	for i := 0; i < len(n); i++ {
		if c := n[i]; !isAlnum(c) && c != '_' {
			if c == '@' {
				return fmt.Errorf("%q has a second \"@\"; %s user names are written with at most one, at the start", n, title)
			}
			return badChar(n, i, title+" user names", `letters, digits and "_"`)
		}
	}
	if len(n) > 15 {
		return fmt.Errorf("%q is %d characters long; %s user names have at most 15", n, len(n), title)
	}
	return nil
}

// checkGitHub: "Username may only contain alphanumeric characters or single
// hyphens, and cannot begin or end with a hyphen" (github.com/signup), at
// most 39 characters (docs.github.com, username considerations).
func checkGitHub(s string) error {
	p, isLink, err := prepare(s, "github", `a user or organisation name like "glasgow-open-data"`)
	if err != nil {
		return err
	}
	if !isLink {
		return githubName(strings.TrimPrefix(s, "@"))
	}
	if networkOfHost(p.host) != "github" {
		return notOnHost(p.host, "GitHub", "github.com", true)
	}
	name, more := seg(p.path)
	if strings.EqualFold(name, "orgs") {
		name, more = seg(more)
	}
	if name == "" {
		return fmt.Errorf("link has no user name; write it like %q", "https://github.com/glasgow-open-data")
	}
	if err := githubName(name); err != nil {
		return err
	}
	if more != "" {
		return fmt.Errorf("links to a repository or page, not a profile; use %q", "https://github.com/"+name)
	}
	return nil
}

func githubName(n string) error {
	if n == "" {
		return errors.New(`has only "@"; add the user name after it`)
	}
	for i := 0; i < len(n); i++ {
		if c := n[i]; !isAlnum(c) && c != '-' {
			return badChar(n, i, "GitHub names", "letters, digits and single hyphens")
		}
	}
	switch {
	case n[0] == '-':
		return fmt.Errorf("%q starts with a hyphen; GitHub names cannot start or end with one", n)
	case n[len(n)-1] == '-':
		return fmt.Errorf("%q ends with a hyphen; GitHub names cannot start or end with one", n)
	case strings.Contains(n, "--"):
		return fmt.Errorf("%q has two hyphens in a row; GitHub names use single hyphens only", n)
	case len(n) > 39:
		return fmt.Errorf("%q is %d characters long; GitHub names have at most 39", n, len(n))
	}
	return nil
}

const mastodonExample = `"@name@mastodon.social"`

// checkMastodon accepts "@user@server", "user@server" and
// "https://server/@user". Mastodon is federated, so the server is any valid
// public host name that is not another known network.
func checkMastodon(s string) error {
	p, isLink, err := prepare(s, "mastodon", "the full handle, like "+mastodonExample)
	if err != nil {
		return err
	}
	if isLink {
		if _, err := checkHost(p.host, hostServer); err != nil {
			return err
		}
		first, more := seg(p.path)
		user := ""
		switch {
		case strings.HasPrefix(first, "@"):
			user = first[1:]
		case first == "users": // the ActivityPub actor URL, which redirects to the profile
			user, more = seg(more)
		default:
			return fmt.Errorf("is not a Mastodon profile link; it should look like %q", "https://"+p.host+"/@name")
		}
		// "https://a.social/@user@b.social" shows a remote account.
		if u, server, ok := strings.Cut(user, "@"); ok {
			if err := mastodonServer(server); err != nil {
				return err
			}
			user = u
		}
		if err := mastodonUser(user); err != nil {
			return err
		}
		if more != "" {
			return fmt.Errorf("links to a post or page, not a profile; use %q", "https://"+p.host+"/@"+user)
		}
		return nil
	}
	h := strings.TrimPrefix(s, "@")
	user, server, ok := strings.Cut(h, "@")
	if !ok || server == "" {
		return fmt.Errorf("needs the server as well as the user name; write the full handle, like %q", "@"+strings.TrimSuffix(user, "@")+"@mastodon.social")
	}
	if err := mastodonUser(user); err != nil {
		return err
	}
	return mastodonServer(server)
}

func mastodonServer(server string) error {
	if other := networkOfHost(strings.ToLower(server)); other != "" && other != "mastodon" {
		return fmt.Errorf("%q is %s, not a Mastodon server; give the Mastodon handle, like %s", server, titleOf(other), mastodonExample)
	}
	_, err := checkHost(server, hostServer)
	return err
}

// mastodonUser: USERNAME_RE = /[a-z0-9_]+([.-]+[a-z0-9_]+)*/i and
// USERNAME_LENGTH_LIMIT = 30 (app/models/account.rb).
func mastodonUser(u string) error {
	if u == "" {
		return errors.New("has no user name; write the full handle, like " + mastodonExample)
	}
	for i := 0; i < len(u); i++ {
		if c := u[i]; !isAlnum(c) && c != '_' && c != '.' && c != '-' {
			return badChar(u, i, "Mastodon user names", `letters, digits, "_" and inner "." or "-"`)
		}
	}
	if c := u[0]; c == '.' || c == '-' {
		return fmt.Errorf("%q starts with %q; Mastodon user names start and end with a letter, digit or \"_\"", u, string(c))
	}
	if c := u[len(u)-1]; c == '.' || c == '-' {
		return fmt.Errorf("%q ends with %q; Mastodon user names start and end with a letter, digit or \"_\"", u, string(c))
	}
	if len(u) > 30 {
		return fmt.Errorf("%q is %d characters long; Mastodon user names have at most 30", u, len(u))
	}
	return nil
}

// checkBluesky accepts an atproto handle, "@handle", or
// https://bsky.app/profile/<handle or DID>.
func checkBluesky(s string) error {
	p, isLink, err := prepare(s, "bluesky", `a handle like "glasgowopendata.bsky.social"`)
	if err != nil {
		return err
	}
	if !isLink {
		return blueskyHandle(strings.TrimPrefix(s, "@"))
	}
	if networkOfHost(p.host) != "bluesky" {
		return notOnHost(p.host, "Bluesky", "bsky.app", true)
	}
	first, more := seg(p.path)
	if first != "profile" {
		return fmt.Errorf("is not a Bluesky profile link; it should look like %q", "https://bsky.app/profile/name.bsky.social")
	}
	h, more := seg(more)
	if h == "" {
		return fmt.Errorf("link has no handle; write it like %q", "https://bsky.app/profile/name.bsky.social")
	}
	if strings.HasPrefix(h, "did:") {
		err = blueskyDID(h)
	} else {
		err = blueskyHandle(strings.TrimPrefix(h, "@"))
	}
	if err != nil {
		return err
	}
	if more != "" {
		return fmt.Errorf("links to a post or page, not a profile; use %q", "https://bsky.app/profile/"+h)
	}
	return nil
}

// blueskyHandle applies https://atproto.com/specs/handle: ASCII only, at most
// 253 characters, at least two labels of 1–63 letters, digits and hyphens not
// starting or ending with a hyphen, last label not starting with a digit;
// plus the TLDs the reference implementation refuses at registration
// (DISALLOWED_TLDS in @atproto/syntax).
func blueskyHandle(h string) error {
	if h == "" {
		return errors.New(`has only "@"; add the handle after it`)
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; !isAlnum(c) && c != '-' && c != '.' {
			if c >= 0x80 {
				return fmt.Errorf("character %q is not allowed; Bluesky handles are plain ASCII (write international domains in their \"xn--\" form)", charAt(h, i))
			}
			return badChar(h, i, "Bluesky handles", "letters, digits, hyphens and dots")
		}
	}
	if strings.IndexByte(h, '.') < 0 {
		return fmt.Errorf("%q is not a full handle; Bluesky handles are domain names, like %q", h, h+".bsky.social")
	}
	if _, err := checkLabels(h, "handle", false); err != nil {
		return err
	}
	if len(h) > 253 {
		return fmt.Errorf("handle is %d characters long; the limit is 253", len(h))
	}
	tld := h[strings.LastIndexByte(h, '.')+1:]
	if isDigit(tld[0]) {
		return fmt.Errorf("handle %q ends in %q, but a Bluesky handle's last part cannot start with a digit", h, tld)
	}
	for _, bad := range [...]string{"alt", "arpa", "example", "internal", "invalid", "local", "localhost", "onion"} {
		if strings.EqualFold(tld, bad) {
			return fmt.Errorf("handle %q ends in %q, which Bluesky does not accept for handles", h, "."+bad)
		}
	}
	return nil
}

// blueskyDID accepts the two DID methods atproto supports
// (https://atproto.com/specs/did): did:plc:<24 base32 characters> and
// did:web:<host name>.
func blueskyDID(d string) error {
	switch {
	case strings.HasPrefix(d, "did:plc:"):
		id := d[len("did:plc:"):]
		ok := len(id) == 24
		for i := 0; ok && i < len(id); i++ {
			c := id[i]
			ok = (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7')
		}
		if ok {
			return nil
		}
	case strings.HasPrefix(d, "did:web:"):
		if _, err := checkHost(d[len("did:web:"):], hostName); err == nil {
			return nil
		}
	}
	return fmt.Errorf("%q is not a valid Bluesky account id; link the handle instead, like %q", d, "https://bsky.app/profile/name.bsky.social")
}

const linkedinExample = `"https://www.linkedin.com/in/name" or "https://www.linkedin.com/company/name"`

// checkLinkedIn accepts profile and page links only: a bare name does not say
// whether it is a person (/in/) or an organisation (/company/).
func checkLinkedIn(s string) error {
	p, isLink, err := prepare(s, "linkedin", "the profile link, like "+linkedinExample)
	if err != nil {
		return err
	}
	if !isLink {
		if kind, _ := seg(s); isLinkedInKind(kind) {
			return fmt.Errorf(`is missing the start of the link; write %q`, "https://www.linkedin.com/"+s)
		}
		return errors.New("needs the full profile link, like " + linkedinExample)
	}
	if !isLinkedInHost(p.host) {
		return notOnHost(p.host, "LinkedIn", "linkedin.com", false)
	}
	kind, rest := seg(p.path)
	if !isLinkedInKind(kind) {
		return errors.New("is not a LinkedIn profile or company page; use a link like " + linkedinExample)
	}
	// Sub-pages such as /company/name/about/ still identify the page.
	name, _ := seg(rest)
	if name == "" {
		return errors.New("link has no name after /" + kind + "/; use a link like " + linkedinExample)
	}
	// "Your custom URL can have 3-100 characters. Don't use spaces, symbols,
	// or special characters." (LinkedIn help a542685)
	for i := 0; i < len(name); i++ {
		if c := name[i]; !isAlnum(c) && c != '-' {
			return badChar(name, i, "LinkedIn names", "letters, digits and hyphens")
		}
	}
	if len(name) < 3 || len(name) > 100 {
		return fmt.Errorf("%q is %d characters long; LinkedIn names have 3 to 100", name, len(name))
	}
	return nil
}

func isLinkedInKind(k string) bool {
	return k == "in" || k == "company" || k == "school" || k == "showcase"
}

// isLinkedInHost accepts linkedin.com, www.linkedin.com and two-letter
// country hosts such as uk.linkedin.com.
func isLinkedInHost(h string) bool {
	if h == "linkedin.com" || h == "www.linkedin.com" {
		return true
	}
	cc, ok := strings.CutSuffix(h, ".linkedin.com")
	return ok && len(cc) == 2 && isAlpha(cc[0]) && isAlpha(cc[1])
}

// checkSlack accepts workspace links https://<workspace>.slack.com/... and
// invite links https://join.slack.com/t/<workspace>/...; a bare workspace
// name is not enough for a reader to join.
func checkSlack(s string) error {
	p, isLink, err := prepare(s, "slack", `the workspace link, like "https://glasgowtech.slack.com"`)
	if err != nil {
		return err
	}
	if !isLink {
		if slackLabel(s) == nil {
			return fmt.Errorf("needs the full workspace link; write %q", "https://"+strings.ToLower(s)+".slack.com")
		}
		return errors.New(`needs the full workspace link, like "https://glasgowtech.slack.com"`)
	}
	ws, ok := strings.CutSuffix(p.host, ".slack.com")
	if p.host == "slack.com" {
		ws, ok = "www", true
	}
	if !ok {
		return notOnHost(p.host, "Slack", "<workspace>.slack.com", false)
	}
	switch ws {
	case "join":
		t, rest := seg(p.path)
		name, _ := seg(rest)
		if t != "t" || name == "" {
			return errors.New(`invite link has no workspace; it should look like "https://join.slack.com/t/glasgowtech/shared_invite/..."`)
		}
		return slackLabel(name)
	case "www", "app", "api", "status", "slackhq":
		return fmt.Errorf("%q is Slack's own site, not a workspace; use the workspace link, like %q", p.host, "https://glasgowtech.slack.com")
	}
	if strings.IndexByte(ws, '.') >= 0 {
		return fmt.Errorf("%q is not a Slack workspace address; use the workspace link, like %q", p.host, "https://glasgowtech.slack.com")
	}
	return slackLabel(ws)
}

// slackLabel: a workspace URL "can only contain lowercase letters, numbers and
// dashes" (Slack help 201909068) and, being a DNS label, not start or end
// with a dash or exceed 63 characters (RFC 1035 §2.3.1).
func slackLabel(ws string) error {
	if ws == "" {
		return fmt.Errorf("has no workspace name before %q; use the workspace link, like %q", ".slack.com", "https://glasgowtech.slack.com")
	}
	for i := 0; i < len(ws); i++ {
		if c := ws[i]; !isAlnum(c) && c != '-' {
			return badChar(ws, i, "Slack workspace names", "letters, digits and hyphens")
		}
	}
	switch {
	case ws[0] == '-' || ws[len(ws)-1] == '-':
		return fmt.Errorf("workspace %q starts or ends with a hyphen, which Slack does not allow", ws)
	case len(ws) > 63:
		return fmt.Errorf("workspace %q is %d characters long; the limit is 63", ws, len(ws))
	}
	return nil
}

const discordExample = `"https://discord.gg/abc123"`

// checkDiscord accepts invite links only: they are the one Discord address a
// non-member can open.
func checkDiscord(s string) error {
	p, isLink, err := prepare(s, "discord", "the invite link, like "+discordExample)
	if err != nil {
		return err
	}
	if !isLink {
		if discordCode(s) == nil {
			return fmt.Errorf("needs the full invite link; write %q", "https://discord.gg/"+s)
		}
		return errors.New("needs the full invite link, like " + discordExample)
	}
	first, rest := seg(p.path)
	code := ""
	switch networkOfHost(p.host) {
	case "discord":
		if strings.TrimPrefix(p.host, "www.") == "discord.gg" {
			code = first
			break
		}
		switch first {
		case "invite":
			code, _ = seg(rest)
		case "channels":
			return errors.New("links to a channel, which only members can open; use an invite link, like " + discordExample)
		default:
			return errors.New("is not a Discord invite link; use one like " + discordExample)
		}
	default:
		return notOnHost(p.host, "Discord", "discord.gg or discord.com/invite", false)
	}
	if code == "" {
		return errors.New("invite link has no code; use one like " + discordExample)
	}
	return discordCode(code)
}

// discordCode: invite codes and vanity URLs are letters, digits and hyphens
// (https://support.discord.com/hc/en-us/articles/208866998). Discord
// publishes no length limit; 100 is a sanity bound of ours.
func discordCode(c string) error {
	for i := 0; i < len(c); i++ {
		if b := c[i]; !isAlnum(b) && b != '-' {
			return badChar(c, i, "Discord invite codes", "letters, digits and hyphens")
		}
	}
	if len(c) > 100 {
		return fmt.Errorf("invite code is %d characters long; check that it is only the code", len(c))
	}
	return nil
}

// checkMeetup accepts a group's URL name or its link.
func checkMeetup(s string) error {
	p, isLink, err := prepare(s, "meetup", `the group's name in its link, like "glasgow-open-data"`)
	if err != nil {
		return err
	}
	if !isLink {
		return meetupName(s)
	}
	if networkOfHost(p.host) != "meetup" {
		return notOnHost(p.host, "Meetup", "meetup.com", true)
	}
	group, rest := seg(p.path)
	switch {
	case group == "":
		return fmt.Errorf("link has no group name; write it like %q", "https://www.meetup.com/glasgow-open-data/")
	case foldIn(group, "find topics cities login register apps home lp blog help members"):
		return fmt.Errorf("links to Meetup's %q page, not a group; write it like %q", group, "https://www.meetup.com/glasgow-open-data/")
	}
	if err := meetupName(group); err != nil {
		return err
	}
	if sub, id := seg(rest); sub == "events" && id != "" {
		return fmt.Errorf("links to one event, not the group; use %q", "https://www.meetup.com/"+group+"/")
	}
	return nil
}

// meetupName: a group's URL name is letters, digits and hyphens (Meetup
// help 360002862392). Meetup publishes no length limit; 100 is ours.
func meetupName(n string) error {
	for i := 0; i < len(n); i++ {
		if c := n[i]; !isAlnum(c) && c != '-' {
			return badChar(n, i, "Meetup group names", "letters, digits and hyphens")
		}
	}
	if len(n) > 100 {
		return fmt.Errorf("%q is %d characters long; check that it is only the group name", n, len(n))
	}
	return nil
}

const facebookExample = `"https://www.facebook.com/GlasgowOpenData"`

// checkFacebook accepts a page name (with or without "@", as Facebook shows
// it) or links to a page, a group or a numeric profile.
func checkFacebook(s string) error {
	p, isLink, err := prepare(s, "facebook", `the page name, like "GlasgowOpenData"`)
	if err != nil {
		return err
	}
	if !isLink {
		return facebookName(strings.TrimPrefix(s, "@"))
	}
	if networkOfHost(p.host) != "facebook" {
		return notOnHost(p.host, "Facebook", "facebook.com", true)
	}
	first, rest := seg(p.path)
	switch {
	case first == "":
		return errors.New("link has no page name; write it like " + facebookExample)
	case foldIn(first, "profile.php"):
		if id := queryParam(p.query, "id"); allDigits(id) {
			return nil
		}
		return fmt.Errorf("profile link needs its numeric id, like %q", "https://www.facebook.com/profile.php?id=100012345678901")
	case foldIn(first, "groups"):
		g, _ := seg(rest)
		if allDigits(g) {
			return nil
		}
		if g == "" {
			return fmt.Errorf("group link has no group; write it like %q", "https://www.facebook.com/groups/123456789")
		}
		for i := 0; i < len(g); i++ {
			if c := g[i]; !isAlnum(c) && c != '.' && c != '_' && c != '-' {
				return badChar(g, i, "Facebook group names", `letters, digits, ".", "_" and "-"`)
			}
		}
		return nil
	case foldIn(first, "pages people"):
		// /pages/<name>/<id> and /people/<name>/<id>: the number identifies it.
		_, idPart := seg(rest)
		if id, _ := seg(idPart); allDigits(id) {
			return nil
		}
		return errors.New("page link has no numeric id at the end; copy the link from the page again")
	case foldIn(first, "events watch share sharer sharer.php photo photo.php story.php permalink.php login search hashtag marketplace"):
		return errors.New("links to a post or Facebook page, not the organisation's page; use a link like " + facebookExample)
	}
	if err := facebookName(first); err != nil {
		return err
	}
	if sub, _ := seg(rest); sub == "posts" || sub == "videos" || sub == "photos" {
		return fmt.Errorf("links to a post, not the page; use %q", "https://www.facebook.com/"+first)
	}
	return nil
}

// facebookName: "Usernames can only contain alphanumeric characters (A–Z,
// 0–9) or a period ('.') ... must be at least 5 characters long ... can't
// contain generic terms or domain extensions (ex: .com, .net)" (Facebook help
// 105399436216001); Facebook's limit is 50 characters.
func facebookName(n string) error {
	if n == "" {
		return errors.New(`has only "@"; add the page name after it`)
	}
	for i := 0; i < len(n); i++ {
		if c := n[i]; !isAlnum(c) && c != '.' {
			return badChar(n, i, "Facebook page names", `letters, digits and "."`)
		}
	}
	for _, ext := range [...]string{".com", ".net"} {
		if indexFold(n, ext) >= 0 {
			return fmt.Errorf("%q contains %q; Facebook page names cannot contain domain endings, so give the page name from its link", n, ext)
		}
	}
	if len(n) < 5 || len(n) > 50 {
		return fmt.Errorf("%q is %d characters long; Facebook page names have 5 to 50", n, len(n))
	}
	return nil
}

// queryParam returns the value of the first key=value pair named key.
func queryParam(q, key string) string {
	for q != "" {
		var kv string
		kv, q, _ = strings.Cut(q, "&")
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// checkInstagram accepts a user name, "@name" or an instagram.com link.
func checkInstagram(s string) error {
	p, isLink, err := prepare(s, "instagram", `a user name like "glasgowopendata"`)
	if err != nil {
		return err
	}
	if !isLink {
		return instagramName(strings.TrimPrefix(s, "@"))
	}
	if networkOfHost(p.host) != "instagram" {
		return notOnHost(p.host, "Instagram", "instagram.com", true)
	}
	name, _ := seg(p.path)
	switch {
	case name == "":
		return fmt.Errorf("link has no user name; write it like %q", "https://www.instagram.com/glasgowopendata/")
	case foldIn(name, "p reel reels tv stories explore accounts direct"):
		return fmt.Errorf("links to a post or page, not a profile; write it like %q", "https://www.instagram.com/glasgowopendata/")
	}
	return instagramName(name)
}

// instagramName: "Usernames can be up to 30 characters ... can only contain
// letters, numbers, periods and underscores" (Instagram help
// 370452623149242); the sign-up form also refuses a period at either end or
// two in a row.
func instagramName(n string) error {
	if n == "" {
		return errors.New(`has only "@"; add the user name after it`)
	}
	for i := 0; i < len(n); i++ {
		if c := n[i]; !isAlnum(c) && c != '.' && c != '_' {
			return badChar(n, i, "Instagram user names", `letters, digits, "." and "_"`)
		}
	}
	switch {
	case n[0] == '.':
		return fmt.Errorf("%q starts with a dot; Instagram user names cannot start or end with one", n)
	case n[len(n)-1] == '.':
		return fmt.Errorf("%q ends with a dot; Instagram user names cannot start or end with one", n)
	case strings.Contains(n, ".."):
		return fmt.Errorf("%q has two dots in a row, which Instagram does not allow", n)
	case len(n) > 30:
		return fmt.Errorf("%q is %d characters long; Instagram user names have at most 30", n, len(n))
	}
	return nil
}

const youtubeExample = `"https://www.youtube.com/@GlasgowOpenData"`

// checkYouTube accepts a handle ("@name" as YouTube shows it, or bare) or a
// channel link in any of YouTube's four forms.
func checkYouTube(s string) error {
	p, isLink, err := prepare(s, "youtube", `the channel handle, like "@GlasgowOpenData"`)
	if err != nil {
		return err
	}
	if !isLink {
		return youtubeHandle(strings.TrimPrefix(s, "@"))
	}
	if networkOfHost(p.host) != "youtube" {
		return notOnHost(p.host, "YouTube", "youtube.com", true)
	}
	if strings.TrimPrefix(p.host, "www.") == "youtu.be" {
		return errors.New("links to a video, not a channel; use the channel link, like " + youtubeExample)
	}
	first, rest := seg(p.path)
	// Tabs such as /videos or /about after the channel are fine.
	name, _ := seg(rest)
	switch {
	case strings.HasPrefix(first, "@"):
		return youtubeHandle(first[1:])
	case first == "channel":
		return youtubeChannelID(name)
	case first == "c" || first == "user":
		return youtubeLegacy(name)
	case first == "":
		return errors.New("link has no channel; write it like " + youtubeExample)
	}
	switch {
	case foldIn(first, "watch shorts playlist embed live results feed clip post"):
		return errors.New("links to a video or page, not a channel; use the channel link, like " + youtubeExample)
	}
	// youtube.com/<name>: a legacy custom URL, which YouTube still serves.
	return youtubeLegacy(first)
}

// youtubeHandle: handles are 3–30 characters of letters, digits,
// underscores, hyphens and periods (https://support.google.com/youtube/answer/11585688).
func youtubeHandle(h string) error {
	if h == "" {
		return errors.New(`has only "@"; add the handle after it`)
	}
	for i := 0; i < len(h); i++ {
		if c := h[i]; !isAlnum(c) && c != '_' && c != '-' && c != '.' {
			return badChar(h, i, "YouTube handles", `letters, digits, "_", "-" and "."`)
		}
	}
	if len(h) < 3 || len(h) > 30 {
		return fmt.Errorf("%q is %d characters long; YouTube handles have 3 to 30", h, len(h))
	}
	return nil
}

// youtubeChannelID: channel ids are "UC" and 22 base64url characters.
func youtubeChannelID(id string) error {
	ok := len(id) == 24 && strings.HasPrefix(id, "UC")
	for i := 2; ok && i < len(id); i++ {
		c := id[i]
		ok = isAlnum(c) || c == '-' || c == '_'
	}
	if !ok {
		return fmt.Errorf("channel id %q is not valid; it is \"UC\" followed by 22 letters, digits, \"-\" or \"_\"; copy it from the channel's link again", id)
	}
	return nil
}

// youtubeLegacy checks /c/<name> and /user/<name> names. YouTube no longer
// documents their rules; they were letters, digits and a few separators.
func youtubeLegacy(n string) error {
	if n == "" {
		return errors.New("link has no channel name; write it like " + youtubeExample)
	}
	for i := 0; i < len(n); i++ {
		if c := n[i]; !isAlnum(c) && c != '_' && c != '-' && c != '.' {
			return badChar(n, i, "YouTube channel names", `letters, digits, "_", "-" and "."`)
		}
	}
	if len(n) > 100 {
		return fmt.Errorf("%q is %d characters long; check that it is only the channel name", n, len(n))
	}
	return nil
}
