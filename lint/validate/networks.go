package validate

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Networks lists every supported network in a fixed order.
//
// The order is the one documentation and error listings show, and each
// Name is a rule id (social-<Name>); both are part of the API so that
// output is stable. The package documentation lists, network by network,
// the forms accepted beyond the published rules, and why.
var Networks = []Network{
	{
		Name: "twitter", Title: "Twitter", Article: "a",
		Hosts:   []string{"twitter.com", "mobile.twitter.com", "x.com", "mobile.x.com"},
		Rule:    `1–15 letters, digits or "_", with or without "@"; or a profile link on twitter.com or x.com (https://help.x.com/en/managing-your-account/x-username-rules)`,
		Example: "example",
		handle:  twitterHandle("Twitter"),
		profile: twitterProfile("Twitter"),
		url:     func(h string) string { return "https://twitter.com/" + strings.TrimPrefix(h, "@") },
	},
	{
		Name: "x", Title: "X", Article: "an",
		Hosts:   []string{"x.com", "mobile.x.com", "twitter.com", "mobile.twitter.com"},
		Rule:    `1–15 letters, digits or "_", with or without "@"; or a profile link on x.com or twitter.com (https://help.x.com/en/managing-your-account/x-username-rules)`,
		Example: "example",
		handle:  twitterHandle("X"),
		profile: twitterProfile("X"),
		url:     func(h string) string { return "https://x.com/" + strings.TrimPrefix(h, "@") },
	},
	{
		Name: "mastodon", Title: "Mastodon", Article: "a",
		Aliases: []string{"fediverse"},
		// Large servers, so that NetworkOfURL can name them; any other
		// server is accepted as well.
		Hosts: []string{"mastodon.social", "mastodon.online", "mstdn.social", "mas.to",
			"fosstodon.org", "hachyderm.io", "infosec.exchange", "mastodon.scot"},
		Federated: true,
		Rule:      `@user@server, user of letters, digits, "_" and inner "." or "-" (at most 30), on any server; or https://server/@user or https://server/users/user (USERNAME_RE in https://github.com/mastodon/mastodon/blob/main/app/models/account.rb)`,
		Example:   "@example@mastodon.social",
		handle:    mastodonHandle,
		profile:   mastodonProfile,
		url: func(h string) string {
			user, server, _ := strings.Cut(strings.TrimPrefix(h, "@"), "@")
			return "https://" + server + "/@" + user
		},
	},
	{
		Name: "bluesky", Title: "Bluesky", Article: "a",
		Hosts:   []string{"bsky.app"},
		Rule:    `a domain-name handle (name.bsky.social or the person's own domain) or a DID (did:plc:..., did:web:...); or https://bsky.app/profile/<handle or DID> (https://atproto.com/specs/handle)`,
		Example: "example.bsky.social",
		handle:  blueskyHandleOrDID,
		profile: blueskyProfile,
		url:     func(h string) string { return "https://bsky.app/profile/" + strings.TrimPrefix(h, "@") },
	},
	{
		Name: "github", Title: "GitHub", Article: "a",
		Hosts:   []string{"github.com", "gist.github.com"},
		Rule:    `1–39 letters, digits or single hyphens, not starting or ending with a hyphen; or https://github.com/<name> (https://docs.github.com/en/enterprise-cloud@latest/admin/managing-iam/iam-configuration-reference/username-considerations-for-external-authentication)`,
		Example: "example",
		handle:  githubHandle,
		profile: githubProfile,
		url:     func(h string) string { return "https://github.com/" + strings.TrimPrefix(h, "@") },
	},
	{
		Name: "linkedin", Title: "LinkedIn", Article: "a",
		Hosts:   []string{"linkedin.com", "??.linkedin.com", "m.linkedin.com", "lnkd.in"},
		Rule:    `the custom URL name after /in/, 3–100 letters, digits or hyphens; or a link to a profile (/in/), page (/company/, /school/, /showcase/) or group (/groups/) on linkedin.com (https://www.linkedin.com/help/linkedin/answer/a542685)`,
		Example: "example",
		handle:  linkedinHandle,
		profile: linkedinProfile,
		url:     func(h string) string { return "https://www.linkedin.com/in/" + strings.TrimSuffix(h, "/") },
	},
	{
		Name: "slack", Title: "Slack", Article: "a",
		Hosts:   []string{"*.slack.com", "*.enterprise.slack.com"},
		Rule:    `a workspace name of letters, digits and inner hyphens; or a link into the workspace, https://<workspace>.slack.com/..., or an invite, https://join.slack.com/t/<workspace>/... (https://slack.com/help/articles/201909068)`,
		Example: "example",
		handle:  slackLabel,
		profile: slackProfile,
		url:     func(h string) string { return "https://" + strings.ToLower(h) + ".slack.com" },
	},
	{
		Name: "discord", Title: "Discord", Article: "a",
		Hosts:   []string{"discord.gg", "discord.com", "discordapp.com"},
		Rule:    `an invite code of letters, digits and hyphens; or https://discord.gg/<code>, https://discord.com/invite/<code> or a server page https://discord.com/servers/<name> (https://support.discord.com/hc/en-us/articles/208866998)`,
		Example: "example",
		handle:  discordCode,
		profile: discordProfile,
		url:     func(h string) string { return "https://discord.gg/" + h },
	},
	{
		Name: "meetup", Title: "Meetup", Article: "a",
		Hosts:   []string{"meetup.com", "meetu.ps"},
		Rule:    `the group's URL name, letters, digits and hyphens; or https://www.meetup.com/<group>/ (https://help.meetup.com/hc/en-us/articles/360002862392)`,
		Example: "example",
		handle:  meetupName,
		profile: meetupProfile,
		url:     func(h string) string { return "https://www.meetup.com/" + h + "/" },
	},
	{
		Name: "facebook", Title: "Facebook", Article: "a",
		Hosts: []string{"facebook.com", "m.facebook.com", "mbasic.facebook.com", "mobile.facebook.com",
			"touch.facebook.com", "web.facebook.com", "business.facebook.com", "??-??.facebook.com", "fb.com", "fb.me"},
		Rule:    `a user name of at least 5 letters, digits or ".", without .com/.net, with or without "@", or a page's Name-<id>; or https://www.facebook.com/<name>, /groups/<group>, /profile.php?id=<digits>, /pages/<name>/<id> (https://www.facebook.com/help/105399436216001)`,
		Example: "example",
		handle:  facebookHandle,
		profile: facebookProfile,
		url:     func(h string) string { return "https://www.facebook.com/" + strings.TrimPrefix(h, "@") },
	},
	{
		Name: "instagram", Title: "Instagram", Article: "an",
		Hosts:   []string{"instagram.com", "m.instagram.com", "instagr.am"},
		Rule:    `1–30 letters, digits, "." or "_", no dot at the start, the end or twice in a row, with or without "@"; or https://www.instagram.com/<name> (https://help.instagram.com/370452623149242)`,
		Example: "example",
		handle:  func(s string) error { return instagramName(strings.TrimPrefix(s, "@")) },
		profile: instagramProfile,
		url:     func(h string) string { return "https://www.instagram.com/" + strings.TrimPrefix(h, "@") },
	},
	{
		Name: "youtube", Title: "YouTube", Article: "a",
		Hosts:   []string{"youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be"},
		Rule:    `@handle of 3–30 letters, digits, "_", "-" or "." (or a channel's older custom name); or youtube.com/@handle, /channel/UC<22 characters>, /c/<name>, /user/<name> (https://support.google.com/youtube/answer/11585688)`,
		Example: "@example",
		handle:  youtubeHandleOrName,
		profile: youtubeProfile,
		url: func(h string) string {
			// A bare name is taken for a handle without its "@" where it
			// can be one; otherwise it is an older custom name, under /c/.
			if n := strings.TrimPrefix(h, "@"); n != h || youtubeHandle(n) == nil {
				return "https://www.youtube.com/@" + n
			}
			return "https://www.youtube.com/c/" + h
		},
	},
}

// isWordRune reports whether r may appear in a name that networks allow in
// any script: a letter, a digit or a combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// --- Twitter and X: one service under two names, one rule, both hosts.

// twitterHandle: "Your username cannot be longer than 15 characters ...
// can only contain alphanumeric characters (letters A-Z, numbers 0-9) with
// the exception of underscores" (X help, x-username-rules). The "@" that X
// shows before a name is accepted but never needed.
func twitterHandle(title string) func(string) error {
	return func(s string) error {
		n := strings.TrimPrefix(s, "@")
		switch {
		case n == "":
			return errors.New(`has only "@"; add the user name after it`)
		case n[0] == '@':
			return errors.New(`has a second "@"; write the user name once, without "@"`)
		}
		if err := onlyChars(n, "_", title+" user names", `letters, digits and "_"`); err != nil {
			return err
		}
		if len(n) > 15 {
			return fmt.Errorf("%q is %d characters long; %s user names have at most 15", n, len(n), title)
		}
		return nil
	}
}

func twitterProfile(title string) func(link) (string, error) {
	handle := twitterHandle(title)
	return func(l link) (string, error) {
		first, more := seg(l.path)
		name := strings.TrimPrefix(first, "@")
		switch {
		case first == "":
			return "", fmt.Errorf("link has no user name; write it like %q", "https://"+l.host+"/example")
		case first == "i":
			// https://x.com/i/communities/<id>: a community, which has no
			// user name but is a place a group may well point to.
			if kind, id := seg(more); kind == "communities" && allDigits(strings.TrimSuffix(id, "/")) {
				return "", nil
			}
			return "", fmt.Errorf("links to the %q page, not a profile; use a link like %q", first, "https://"+l.host+"/example")
		case foldIn(first, "home explore search intent share hashtag settings notifications messages login logout signup tos privacy compose download"):
			return "", fmt.Errorf("links to the %q page, not a profile; use a link like %q", first, "https://"+l.host+"/example")
		}
		if err := handle(name); err != nil {
			return "", err
		}
		// Tabs such as /with_replies or /media still show the profile.
		if sub, _ := seg(more); sub == "status" || sub == "statuses" {
			return "", fmt.Errorf("links to a post, not a profile; use %q", "https://"+l.host+"/"+name)
		}
		return name, nil
	}
}

// --- Mastodon

// mastodonHandle accepts "@user@server" and "user@server". Mastodon is
// federated, so the server is any public host name that is not another
// known network.
func mastodonHandle(s string) error {
	h := strings.TrimPrefix(s, "@")
	user, server, ok := strings.Cut(h, "@")
	if !ok || server == "" {
		u := strings.TrimSuffix(user, "@")
		if u == "" {
			u = "name"
		}
		return fmt.Errorf("needs the server as well as the user name; write the full handle, like %q with your server's name", "@"+u+"@mastodon.social")
	}
	if err := mastodonUser(user); err != nil {
		return err
	}
	return mastodonServer(server)
}

func mastodonProfile(l link) (string, error) {
	first, more := seg(l.path)
	if first == "web" { // the old web interface, https://server/web/@user
		first, more = seg(more)
	}
	var user string
	switch {
	case strings.HasPrefix(first, "@"):
		user = first[1:]
	case first == "users": // the ActivityPub actor URL, which redirects to the profile
		user, more = seg(more)
	default:
		return "", fmt.Errorf("is not a Mastodon profile link; it should look like %q", "https://"+l.host+"/@name")
	}
	server, shown := l.host, user
	// "https://a.example/@user@b.example" shows a remote account.
	if u, remote, ok := strings.Cut(user, "@"); ok {
		if err := mastodonServer(remote); err != nil {
			return "", err
		}
		user, server = u, remote
	}
	if err := mastodonUser(user); err != nil {
		return "", err
	}
	// Posts are numbered; tabs such as /with_replies or /media are not.
	if sub, _ := seg(more); allDigits(sub) {
		return "", fmt.Errorf("links to a post, not a profile; use %q", "https://"+l.host+"/@"+shown)
	}
	return "@" + user + "@" + strings.ToLower(server), nil
}

// mastodonServer checks the server of a handle. Network.Check makes sure it
// is not another network's host.
func mastodonServer(server string) error {
	_, err := checkHost(server, hostServer)
	return err
}

// mastodonUser: USERNAME_RE = /[a-z0-9_]+([.-]+[a-z0-9_]+)*/i and
// USERNAME_LENGTH_LIMIT = 30 (app/models/account.rb).
func mastodonUser(u string) error {
	if u == "" {
		return errors.New(`has no user name; write the full handle, like "@name@mastodon.social"`)
	}
	if err := onlyChars(u, "_.-", "Mastodon user names", `letters, digits, "_" and inner "." or "-"`); err != nil {
		return err
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

// --- Bluesky

func blueskyHandleOrDID(s string) error {
	h := strings.TrimPrefix(s, "@")
	if strings.HasPrefix(h, "did:") {
		return blueskyDID(h)
	}
	return blueskyHandle(h)
}

func blueskyProfile(l link) (string, error) {
	first, more := seg(l.path)
	if first != "profile" {
		return "", fmt.Errorf("is not a Bluesky profile link; it should look like %q", "https://bsky.app/profile/example.bsky.social")
	}
	h, more := seg(more)
	if h == "" {
		return "", fmt.Errorf("link has no handle; write it like %q", "https://bsky.app/profile/example.bsky.social")
	}
	h, err := unescape(h) // "did%3Aplc%3A..." as some tools write it
	if err != nil {
		return "", err
	}
	if err := blueskyHandleOrDID(h); err != nil {
		return "", err
	}
	// Lists and feeds belong to the account; a post does not stand for it.
	if sub, _ := seg(more); sub == "post" {
		return "", fmt.Errorf("links to a post, not a profile; use %q", "https://bsky.app/profile/"+h)
	}
	return strings.TrimPrefix(h, "@"), nil
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
			if c >= utf8.RuneSelf {
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
		return fmt.Errorf("%q is not a valid Bluesky account id; after \"did:plc:\" come 24 characters from a–z and 2–7", d)
	case strings.HasPrefix(d, "did:web:"):
		if _, err := checkHost(d[len("did:web:"):], hostName); err == nil {
			return nil
		}
		return fmt.Errorf("%q is not a valid Bluesky account id; after \"did:web:\" comes a public host name", d)
	}
	return fmt.Errorf("%q is not a Bluesky account id (\"did:plc:...\" or \"did:web:...\"); give the handle, like %q", d, "example.bsky.social")
}

// --- GitHub

// githubHandle accepts a login, with or without "@". "owner/repo" names a
// repository, which a field about an account cannot use.
func githubHandle(s string) error {
	h := strings.TrimPrefix(s, "@")
	if owner, repo, ok := strings.Cut(h, "/"); ok && githubName(owner) == nil && repo != "" {
		return fmt.Errorf("names the repository %q, not an account; give the user or organisation, like %q", h, owner)
	}
	return githubName(h)
}

func githubProfile(l link) (string, error) {
	first, more := seg(l.path)
	if strings.TrimPrefix(l.host, "www.") == "gist.github.com" {
		if first == "" {
			return "", errors.New(`link has no user name; write it like "https://github.com/example"`)
		}
		if err := githubName(first); err != nil {
			return "", err
		}
		if more != "" {
			return "", fmt.Errorf("links to a gist, not an account; use %q", "https://github.com/"+first)
		}
		return first, nil
	}
	switch {
	case first == "":
		return "", errors.New(`link has no user name; write it like "https://github.com/example"`)
	case first == "orgs" || first == "sponsors":
		// /orgs/<org>/people, /sponsors/<user>: pages of the account.
		name, _ := seg(more)
		if name == "" {
			return "", fmt.Errorf("link has no name after /%s/; write it like %q", first, "https://github.com/example")
		}
		if err := githubName(name); err != nil {
			return "", err
		}
		return name, nil
	case foldIn(first, "about features pricing login join signup settings topics collections explore marketplace search notifications issues pulls trending enterprise apps site security readme events codespaces new organizations dashboard"):
		return "", fmt.Errorf("links to GitHub's %q page, not an account; use a link like %q", first, "https://github.com/example")
	}
	if err := githubName(first); err != nil {
		return "", err
	}
	if more != "" {
		return "", fmt.Errorf("links to a repository or page, not a profile; use %q", "https://github.com/"+first)
	}
	return first, nil
}

// githubName: "Username may only contain alphanumeric characters or single
// hyphens, and cannot begin or end with a hyphen", at most 39 characters
// (GitHub's sign-up form; the same rule is USERNAME_REGEX in github/explore).
func githubName(n string) error {
	if n == "" {
		return errors.New(`has only "@"; add the user name after it`)
	}
	if err := onlyChars(n, "-", "GitHub names", "letters, digits and single hyphens"); err != nil {
		return err
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

// --- LinkedIn

func isLinkedInKind(k string) bool {
	return k == "in" || k == "company" || k == "school" || k == "showcase"
}

// linkedinHandle accepts the custom URL name that follows /in/, as a
// template appends it. A trailing "/" is harmless there and accepted.
func linkedinHandle(s string) error {
	if kind, rest := seg(s); isLinkedInKind(kind) && rest != "" {
		name, _ := seg(rest)
		return fmt.Errorf("has the page type as well as the name; write %q for the handle, or %q for the link", name, "https://www.linkedin.com/"+strings.TrimSuffix(s, "/"))
	}
	return linkedinName(strings.TrimSuffix(s, "/"), "in")
}

func linkedinProfile(l link) (string, error) {
	kind, rest := seg(l.path)
	if strings.TrimPrefix(l.host, "www.") == "lnkd.in" { // LinkedIn's short links
		if kind == "" {
			return "", errors.New("short link has no code; copy the link again")
		}
		return "", nil
	}
	name, more := seg(rest)
	switch kind {
	case "in", "company", "school", "showcase":
		if name == "" {
			return "", errors.New("link has no name after /" + kind + "/; use a link like \"https://www.linkedin.com/in/example\"")
		}
		if err := linkedinName(name, kind); err != nil {
			return "", err
		}
		// /company/<name>/mycompany/ and /admin/ are the members' and
		// administrators' views; sub-pages such as /about/ are public.
		if sub, _ := seg(more); sub == "mycompany" || sub == "admin" {
			return "", fmt.Errorf("links to the page's %q view, which only its members can open; use %q", sub, "https://www.linkedin.com/"+kind+"/"+name+"/")
		}
		if kind == "in" {
			return name, nil
		}
		return "", nil
	case "groups":
		if name == "" {
			return "", errors.New(`group link has no group; write it like "https://www.linkedin.com/groups/1234567/"`)
		}
		return "", nil
	case "pub", "profile":
		// /pub/<name>/<a>/<b>/<c> and /profile/view?id=...: older profile
		// links that LinkedIn still redirects.
		if rest == "" && l.query == "" {
			return "", errors.New("is not a LinkedIn profile or page; use a link like \"https://www.linkedin.com/in/example\"")
		}
		return "", nil
	}
	return "", errors.New("is not a LinkedIn profile or page; use a link like \"https://www.linkedin.com/in/example\"")
}

// linkedinName checks the name after /<kind>/. "Your custom URL can have
// 3-100 characters. Don't use spaces, symbols, or special characters"
// (LinkedIn help a542685), but real names are older than that rule or in
// other scripts: accented and non-Latin letters, raw or percent-encoded,
// are accepted. Company, school and showcase names are not custom URLs and
// are only checked to be non-empty and at most 100 characters.
func linkedinName(raw, kind string) error {
	n, err := unescape(raw)
	if err != nil {
		return err
	}
	if n == "" {
		return errors.New("has no LinkedIn name; give the name after /in/ in the profile's link, like \"example\"")
	}
	if kind == "in" {
		if err := onlyWordChars(n, "-", "LinkedIn names", "letters, digits and hyphens"); err != nil {
			return err
		}
	} else if i := strings.IndexAny(n, "/?#"); i >= 0 {
		return fmt.Errorf("character %q is not allowed in a LinkedIn page name; copy the page's link again", charAt(n, i))
	}
	count := utf8.RuneCountInString(n)
	if kind == "in" && count < 3 || count > 100 {
		return fmt.Errorf("%q is %d characters long; LinkedIn names have 3 to 100", n, count)
	}
	return nil
}

// --- Slack

// slackProfile accepts links into a workspace, https://<workspace>.slack.com/...,
// and invite links, https://join.slack.com/t/<workspace>/... and
// https://join.slack.com/share/<code>.
func slackProfile(l link) (string, error) {
	ws := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(l.host, "www."), ".slack.com"), ".enterprise")
	first, rest := seg(l.path)
	switch {
	case ws == "join":
		name, _ := seg(rest)
		switch {
		case first == "t" && name != "":
			if err := slackLabel(name); err != nil {
				return "", err
			}
			return name, nil
		case first == "share" && name != "":
			return "", nil // a Slack Connect channel invite
		}
		return "", errors.New(`invite link has no workspace; it should look like "https://join.slack.com/t/example/shared_invite/..."`)
	case foldIn(ws, "www app api status slackhq files hooks edgeapi"):
		return "", fmt.Errorf("%q is Slack's own site, not a workspace; use the workspace link, like %q", l.host, "https://example.slack.com")
	}
	if err := slackLabel(ws); err != nil {
		return "", err
	}
	// /team/<member id> opens a member's profile. Ids of other kinds
	// (D… direct messages, C… channels) there lead nowhere; older
	// /team/<user name> links are left alone.
	if first == "team" {
		id, _ := seg(rest)
		if isSlackID(id) && id[0] != 'U' && id[0] != 'W' {
			what := "a channel or conversation"
			if id[0] == 'D' {
				what = "a direct-message conversation"
			}
			return "", fmt.Errorf("%q after /team/ is the id of %s, not of a member (member ids start with \"U\" or \"W\"); copy the link from the member's profile", id, what)
		}
	}
	return ws, nil
}

// isSlackID reports whether s looks like a Slack object id: an upper-case
// letter and 8 to 12 upper-case letters and digits.
func isSlackID(s string) bool {
	if len(s) < 9 || len(s) > 13 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z') && !(i > 0 && isDigit(c)) {
			return false
		}
	}
	return true
}

// slackLabel: a workspace URL "can only contain lowercase letters, numbers and
// dashes" (Slack help 201909068) and, being a DNS label, not start or end
// with a dash or exceed 63 characters (RFC 1035 §2.3.1). Host names are
// case-insensitive, so upper-case letters are accepted.
func slackLabel(ws string) error {
	if ws == "" {
		return fmt.Errorf("has no workspace name before %q; use the workspace link, like %q", ".slack.com", "https://example.slack.com")
	}
	if err := onlyChars(ws, "-", "Slack workspace names", "letters, digits and hyphens"); err != nil {
		return err
	}
	switch {
	case ws[0] == '-' || ws[len(ws)-1] == '-':
		return fmt.Errorf("workspace %q starts or ends with a hyphen, which Slack does not allow", ws)
	case len(ws) > 63:
		return fmt.Errorf("workspace %q is %d characters long; the limit is 63", ws, len(ws))
	}
	return nil
}

// --- Discord

func discordProfile(l link) (string, error) {
	first, rest := seg(l.path)
	if strings.TrimPrefix(l.host, "www.") == "discord.gg" {
		if first == "" {
			return "", errors.New(`invite link has no code; use one like "https://discord.gg/example"`)
		}
		return first, discordCode(first)
	}
	name, _ := seg(rest)
	switch first {
	case "invite":
		if name == "" {
			return "", errors.New(`invite link has no code; use one like "https://discord.gg/example"`)
		}
		return name, discordCode(name)
	case "servers":
		// The public page of a server listed in Discord's directory,
		// https://discord.com/servers/<name>-<id>: anyone can open it.
		if name == "" {
			return "", errors.New(`server link has no server; use an invite link like "https://discord.gg/example"`)
		}
		return "", nil
	case "users":
		if name == "" {
			return "", errors.New(`user link has no user; use an invite link like "https://discord.gg/example"`)
		}
		return "", nil
	case "channels":
		return "", errors.New(`links to a channel, which only members can open; use an invite link, like "https://discord.gg/example"`)
	}
	return "", errors.New(`is not a Discord invite link; use one like "https://discord.gg/example"`)
}

// discordCode: invite codes and vanity URLs are letters, digits and hyphens
// (https://support.discord.com/hc/en-us/articles/208866998). Discord
// publishes no length limit; 100 is a sanity bound of ours.
func discordCode(c string) error {
	if err := onlyChars(c, "-", "Discord invite codes", "letters, digits and hyphens"); err != nil {
		return err
	}
	if len(c) > 100 {
		return fmt.Errorf("invite code is %d characters long; check that it is only the code", len(c))
	}
	return nil
}

// --- Meetup

func meetupProfile(l link) (string, error) {
	first, rest := seg(l.path)
	if strings.TrimPrefix(l.host, "www.") == "meetu.ps" { // Meetup's short links
		if first == "" {
			return "", errors.New("short link has no code; copy the link again")
		}
		return "", nil
	}
	if isLocale(first) && rest != "" { // https://www.meetup.com/de-DE/<group>/
		first, rest = seg(rest)
	}
	example := "https://www.meetup.com/example/"
	switch {
	case first == "":
		return "", fmt.Errorf("link has no group name; write it like %q", example)
	case first == "pro": // a Meetup Pro network of groups
		if name, _ := seg(rest); name == "" {
			return "", fmt.Errorf("link has no network name; write it like %q", "https://www.meetup.com/pro/example/")
		}
		return "", nil
	case foldIn(first, "find topics cities login register apps home lp blog help members"):
		return "", fmt.Errorf("links to Meetup's %q page, not a group; write it like %q", first, example)
	}
	if err := meetupName(first); err != nil {
		return "", err
	}
	if sub, id := seg(rest); sub == "events" && id != "" {
		return "", fmt.Errorf("links to one event, not the group; use %q", "https://www.meetup.com/"+first+"/")
	}
	return first, nil
}

// isLocale reports whether s is a language and region tag like "de-DE", as
// Meetup puts before the group in translated pages.
func isLocale(s string) bool {
	return len(s) == 5 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z' &&
		s[2] == '-' && s[3] >= 'A' && s[3] <= 'Z' && s[4] >= 'A' && s[4] <= 'Z'
}

// meetupName: a group's URL name is letters, digits and hyphens (Meetup
// help 360002862392). Meetup publishes no length limit; 100 is ours.
func meetupName(n string) error {
	if n == "" {
		return errors.New(`has no group name; give the name from the group's link, like "example"`)
	}
	if err := onlyChars(n, "-", "Meetup group names", "letters, digits and hyphens"); err != nil {
		return err
	}
	if len(n) > 100 {
		return fmt.Errorf("%q is %d characters long; check that it is only the group name", n, len(n))
	}
	return nil
}

// --- Facebook

func facebookProfile(l link) (string, error) {
	first, rest := seg(l.path)
	const example = "https://www.facebook.com/example"
	if strings.TrimPrefix(l.host, "www.") == "fb.me" { // short links to a page
		if first == "" {
			return "", errors.New("short link has no page name; write it like " + `"` + example + `"`)
		}
		return first, facebookHandle(first)
	}
	switch {
	case first == "":
		return "", fmt.Errorf("link has no page name; write it like %q", example)
	case foldIn(first, "profile.php"):
		if id := queryParam(l.query, "id"); allDigits(id) {
			return "", nil
		}
		return "", fmt.Errorf("profile link needs its numeric id, like %q", "https://www.facebook.com/profile.php?id=100012345678901")
	case foldIn(first, "groups"):
		g, _ := seg(rest)
		if g == "" {
			return "", fmt.Errorf("group link has no group; write it like %q", "https://www.facebook.com/groups/123456789")
		}
		g, err := unescape(g)
		if err != nil {
			return "", err
		}
		for i, r := range g {
			if !isWordRune(r) && r != '.' && r != '_' && r != '-' {
				return "", badChar(g, i, "Facebook group names", `letters, digits, ".", "_" and "-"`)
			}
		}
		return "", nil
	case foldIn(first, "pages people p"):
		// /pages/<name>/<id>, /people/<name>/<id> and /p/<Name>-<id>:
		// the number at the end identifies the page.
		if trailingID(rest) {
			return "", nil
		}
		return "", errors.New("page link has no numeric id at the end; copy the link from the page again")
	case foldIn(first, "pg"): // https://www.facebook.com/pg/<name>/about
		name, _ := seg(rest)
		return name, facebookHandle(name)
	case foldIn(first, "events watch share sharer sharer.php photo photo.php story.php permalink.php login search hashtag marketplace reel"):
		return "", fmt.Errorf("links to a post or one of Facebook's pages, not a profile; use a link like %q", example)
	}
	if err := facebookHandle(first); err != nil {
		return "", err
	}
	// /<name>/posts/<id> is one post; /<name>/photos alone is a tab.
	if sub, id := seg(rest); (sub == "posts" || sub == "videos" || sub == "photos") && id != "" {
		return "", fmt.Errorf("links to a post, not the page; use %q", "https://www.facebook.com/"+first)
	}
	return first, nil
}

// trailingID reports whether the last segment of path is a number or ends
// in "-<number>".
func trailingID(path string) bool {
	last := path[strings.LastIndexByte(path, '/')+1:]
	if i := strings.LastIndexByte(last, '-'); i >= 0 {
		last = last[i+1:]
	}
	return allDigits(last)
}

// facebookHandle accepts a user name (with or without "@", as Facebook shows
// it), a numeric id, or the Name-<id> that a page without a user name has
// in its link (https://www.facebook.com/Glasgow-Open-Data-123456789012345).
func facebookHandle(s string) error {
	h := strings.TrimPrefix(s, "@")
	if h == "" {
		return errors.New(`has only "@"; add the page name after it`)
	}
	d, err := unescape(h)
	if err != nil {
		return err
	}
	if allDigits(d) {
		return nil
	}
	if i := strings.LastIndexByte(d, '-'); i > 0 && len(d)-i-1 >= 5 && allDigits(d[i+1:]) {
		if err := onlyWordChars(d[:i], "-.", "Facebook page names", `letters, digits, "-" and "."`); err != nil {
			return err
		}
		return nil
	}
	return facebookName(d)
}

// facebookName: "Usernames can only contain alphanumeric characters (A–Z,
// 0–9) or a period ('.') ... must be at least 5 characters long ... can't
// contain generic terms or domain extensions (ex: .com, .net)" (Facebook help
// 105399436216001); Facebook's limit is 50 characters.
func facebookName(n string) error {
	if err := onlyChars(n, ".", "Facebook page names", `letters, digits and "."`); err != nil {
		return err
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

// --- Instagram

func instagramProfile(l link) (string, error) {
	name, _ := seg(l.path)
	const example = "https://www.instagram.com/example/"
	switch {
	case name == "":
		return "", fmt.Errorf("link has no user name; write it like %q", example)
	case foldIn(name, "p reel reels tv stories explore accounts direct"):
		return "", fmt.Errorf("links to a post or page, not a profile; write it like %q", example)
	}
	return name, instagramName(name)
}

// instagramName: "Usernames can be up to 30 characters ... can only contain
// letters, numbers, periods and underscores" (Instagram help
// 370452623149242); the sign-up form also refuses a period at either end or
// two in a row.
func instagramName(n string) error {
	if n == "" {
		return errors.New(`has only "@"; add the user name after it`)
	}
	if err := onlyChars(n, "._", "Instagram user names", `letters, digits, "." and "_"`); err != nil {
		return err
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

// --- YouTube

const youtubeExample = `"https://www.youtube.com/@example"`

// youtubeHandleOrName accepts "@handle" as YouTube shows it, or a bare
// name, which may be a handle without its "@" or an older custom name (the
// /c/<name> of a template). A bare channel id is refused: it only works
// after /channel/, and under /c/ or /@ the link is broken.
func youtubeHandleOrName(s string) error {
	if isChannelID(s) {
		return fmt.Errorf("%q is a channel id, not a handle or channel name; give the channel's handle, like %q, or the link %q", s, "@example", "https://www.youtube.com/channel/"+s)
	}
	if h, ok := strings.CutPrefix(s, "@"); ok {
		d, err := unescape(h) // as copied from a link
		if err != nil {
			return err
		}
		return youtubeHandle(d)
	}
	return youtubeLegacy(s)
}

func youtubeProfile(l link) (string, error) {
	if strings.TrimPrefix(l.host, "www.") == "youtu.be" {
		return "", errors.New("links to a video, not a channel; use the channel link, like " + youtubeExample)
	}
	first, rest := seg(l.path)
	// Tabs such as /videos or /about after the channel are fine.
	name, _ := seg(rest)
	switch {
	case strings.HasPrefix(first, "@"):
		h, err := unescape(first[1:])
		if err != nil {
			return "", err
		}
		return first, youtubeHandle(h)
	case first == "channel":
		return "", youtubeChannelID(name)
	case first == "c" || first == "user":
		return name, youtubeLegacy(name)
	case first == "":
		return "", errors.New("link has no channel; write it like " + youtubeExample)
	case foldIn(first, "watch shorts playlist embed live results feed clip post hashtag"):
		return "", errors.New("links to a video or page, not a channel; use the channel link, like " + youtubeExample)
	}
	// youtube.com/<name>: a legacy custom URL, which YouTube still serves.
	return first, youtubeLegacy(first)
}

// youtubeHandle: handles are 3–30 characters: letters and digits (of any of
// the scripts YouTube supports), underscores, hyphens and periods
// (https://support.google.com/youtube/answer/11585688).
func youtubeHandle(h string) error {
	if h == "" {
		return errors.New(`has only "@"; add the handle after it`)
	}
	if err := onlyWordChars(h, "_-.", "YouTube handles", `letters, digits, "_", "-" and "."`); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(h); n < 3 || n > 30 {
		return fmt.Errorf("%q is %d characters long; YouTube handles have 3 to 30", h, n)
	}
	return nil
}

// isChannelID reports whether s has the shape of a channel id: "UC" and 22
// base64url characters.
func isChannelID(s string) bool {
	if len(s) != 24 || !strings.HasPrefix(s, "UC") {
		return false
	}
	for i := 2; i < len(s); i++ {
		if c := s[i]; !isAlnum(c) && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

// youtubeChannelID: a /channel/ link needs the channel's id, "UC" and 22
// base64url characters. A name there is a broken link.
func youtubeChannelID(id string) error {
	if !isChannelID(id) {
		return fmt.Errorf("channel id %q is not valid; it is \"UC\" followed by 22 letters, digits, \"-\" or \"_\"; copy it from the channel's link again", id)
	}
	return nil
}

// youtubeLegacy checks /c/<name> and /user/<name> names. YouTube no longer
// documents their rules; they were letters, digits and a few separators.
func youtubeLegacy(raw string) error {
	if raw == "" {
		return errors.New("link has no channel name; write it like " + youtubeExample)
	}
	n, err := unescape(raw)
	if err != nil {
		return err
	}
	if err := onlyWordChars(n, "_-.", "YouTube channel names", `letters, digits, "_", "-" and "."`); err != nil {
		return err
	}
	if len(n) > 100 {
		return fmt.Errorf("%q is %d characters long; check that it is only the channel name", n, len(n))
	}
	return nil
}
