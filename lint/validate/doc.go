// Package validate holds the field validators of contentlint: email
// addresses, web addresses, host names and social-network handles found in
// the front matter of directory entries.
//
// Every validator is a pure function returning an error. The error text is
// the explanation shown to the person who wrote the entry, who is usually
// not a programmer: it is lower case, quotes the offending part, says what
// is wrong and how to fix it, and leaves out the field name, which the
// caller adds. Validators never touch the network: a value is judged on its
// spelling only. An empty value is an error from every validator; whether
// an empty field counts as absent is the caller's decision.
//
// Social networks are values in one table, Networks: a Network holds its
// names, profile hosts, published handle rule, an example, and the functions
// that check a handle, read the handle out of a profile URL and build the
// profile URL of a handle. Network.Check judges a value in the Form the
// field stores: a handle (the site's template adds the address), a full
// profile URL, or either. URL fields that may hold other schemes or relative
// paths say so with URLRules and CheckURL.
//
// # False alarms and missed defects
//
// Real directories hold more forms than the networks' help pages describe,
// and a linter that reports valid values is switched off. So wherever a
// value is valid but unusual, the validators accept it, and where a choice
// had to be made between a false alarm and missing a rare defect, they stay
// silent. Each such decision is listed below, with where the form was seen
// (the corpora of issue 13: speaker, author, topic and tool directories).
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
//   - Missing scheme. WHATWG resolves "example.org" against a base URL and
//     browsers guess "https://"; outside a browser the value is a relative
//     path. URL asks for "https://" (or "http://").
//   - Leading and trailing spaces, and tabs or newlines anywhere, which
//     WHATWG strips. They are invisible in the file and break other tools.
//   - Backslashes, which WHATWG treats as "/" in http(s) URLs. Other URL
//     parsers (RFC 3986, net/url, most servers) do not.
//   - Spaces, invisible formatting characters (zero-width space, byte order
//     mark), control characters and invalid UTF-8 anywhere, and the ASCII
//     characters outside RFC 3986 ("<", ">", "{", "}", "|", "^", "`", '"'),
//     which WHATWG percent-encodes. URL shows the encoded form to use
//     instead.
//   - Broken percent-encodings such as "%zz", which WHATWG passes through.
//   - Hosts that only work locally: "localhost", ".local", ".internal",
//     loopback, private, link-local, unspecified, multicast and reserved IP
//     addresses. WHATWG accepts them all; no reader of a public directory
//     can reach them. The local ones match ErrLocalHost, so that a caller
//     can treat "open http://localhost:8080" in instructions as a warning.
//   - Single-label hosts ("http://intranet/") and numeric or mixed
//     top-level labels, which WHATWG accepts and which cannot be public web
//     sites. IPv4 addresses in WHATWG's hexadecimal, octal or single-integer
//     forms ("0x7f.1", "2130706433") are rejected as well: they are a
//     well-known way of disguising an address.
//   - Credentials ("https://user:pass@host/"), which WHATWG parses but
//     which publish a password and are deprecated by RFC 9110 §4.2.4.
//   - Empty ports ("https://host:/") and port 0, which WHATWG accepts.
//   - Schemes other than http and https, unless the field lists them in
//     URLRules.Schemes (then the message names the field's schemes and how
//     to allow another).
//
// Text outside ASCII in the path, query or fragment is accepted, although
// RFC 3986 asks for it to be percent-encoded: browsers encode it as UTF-8,
// and real entries link to https://de.wikipedia.org/wiki/Köln and
// https://ja.wikipedia.org/wiki/東京都. Non-ASCII host names are accepted
// too, as IDNA makes them well defined.
//
// # URL fields with other schemes or relative paths (CheckURL)
//
//   - "mailto:" holds comma-separated addresses, each checked with Email,
//     and header fields; the addresses in to, cc and bcc fields are checked
//     as well, other headers (subject, body, ...) only for their encoding.
//     Empty items between commas are skipped rather than reported.
//   - "xmpp:" holds user@host, with an optional /resource, ?query and
//     //account/ prefix (RFC 5122). A server address alone
//     ("xmpp:example.org") is valid XMPP but no contact, and is reported.
//   - "tel:" is checked loosely: digits, a leading "+", the separators
//     "-", ".", "(" and ")" and ";" parameters. Local numbers without
//     RFC 3966's ";phone-context=" are accepted because phones dial them;
//     spaces and letters ("1-800-FLOWERS") are reported.
//   - Any other allowed scheme gets the generic RFC 3986 check. An empty
//     host ("file:///srv/a") and a user name without a password
//     ("ssh://git@example.org/") are accepted; a password is not.
//   - With Relative, site-relative paths ("/img/a.png"), paths relative to
//     the page ("img/a.png", "../a.pdf", "a.png?x#y") and fragments are
//     accepted. Two relative forms stay errors because they are real
//     defects: a protocol-relative "//img/a.png", whose first segment
//     browsers take for a host, and a domain written without its scheme
//     ("example.org/events", "www.example.org"), which the site resolves
//     as a path. A first segment counts as a domain when it starts with
//     "www." or ends in a top-level domain of the public suffix list that
//     is not also a common file extension ("LICENSE.md", "setup.py",
//     "a.zip" are files); a file named like a domain can be written
//     "./name.app".
//
// # Social handles: what every network accepts
//
//   - The "@" that a network shows before names is accepted and never
//     needed (Twitter, X, GitHub, Facebook, Instagram, Bluesky; YouTube
//     handles are written with it, Mastodon's full handle starts with it).
//     No real entry in the corpora writes it, and templates differ.
//   - In FormAny, every network takes a bare handle as well as a profile
//     URL, including a LinkedIn name (122 roweb3 author pages store the
//     name after /in/), a Slack workspace name and a Discord invite code:
//     a template may build the address from any of them. A field that
//     must hold full links says form: url.
//   - Profile links over http://, with or without "www.", with a trailing
//     slash, a tracking query ("?utm_source=", "?si=", "?igshid="), a
//     fragment, or a tab of the profile after it (/about, /videos,
//     /with_replies, /photos) are accepted; the http:// warning is
//     InsecureURL's. Links to one post, video or event are reported, as
//     they do not stand for the account.
//   - Every accepted link also passes URL, and every accepted handle has a
//     profile URL that the network accepts: a handle that is one of the
//     network's own page names ("explore", "groups", "p") is reported.
//   - A link on another network's site is reported with that network's
//     name; one on an unknown site is reported as not on the network.
//   - Words with spaces are never a handle: an archetype's placeholder
//     ("twitter: Twitter username", roweb3) is reported as one.
//   - In FormHandle, a profile URL is reported with the handle to write
//     instead; a link that names no handle (a LinkedIn group or company
//     page, a Facebook profile.php?id= or group, a YouTube /channel/ id, a
//     Discord server page, a Slack Connect invite) is reported as having
//     none. In FormURL, a handle is reported with its profile URL.
//
// # Social handles: network by network
//
//   - Twitter and X are one service under two names: both fields take
//     twitter.com, x.com and their mobile hosts. A community,
//     x.com/i/communities/<id>, is accepted: it names no user, but it is a
//     place a group may well point to. Two hosts run together
//     ("https://x.com/twitter.com/name", EuroPython) are reported.
//   - Mastodon is federated: any public server is accepted, with
//     https://server/@user, the ActivityPub actor URL /users/user, the old
//     web interface /web/@user and a remote account seen from another
//     server, /@user@other.server. The key "fediverse" (Hugo themes) is an
//     alias. A handle written into the URL's user information
//     ("https://server@user", "https://user@server", EuroPython) is
//     reported with the right link. A misspelt server ("indiweb.social" for
//     "indieweb.social", enhance) cannot be found without the network.
//   - Bluesky takes domain handles, the person's own domain
//     ("karthik.io", roweb3) as well as name.bsky.social, and DIDs
//     (did:plc:<24 base32 characters>, did:web:<host>), bare or in
//     bsky.app/profile/ links, percent-encoded or not. Feeds and lists of
//     the account are accepted; posts are not. "bsky" is not an alias: the
//     one front matter key seen named so holds a post link.
//   - GitHub takes logins, /orgs/<org> and /sponsors/<login> pages and
//     gist.github.com/<login>. "owner/repo", bare or as a link, names a
//     repository, not an account, and is reported in every form with the
//     owner to use instead: a GitHub field is an account field, and a
//     repository list (jamstack's repo: gohugoio/hugo) is a different
//     kind of field. Logins follow the published rule (single hyphens).
//   - LinkedIn names may be older than the published rule or in any
//     script: accented and non-Latin letters, raw ("tomás-zaba-091303b6",
//     roweb3) or percent-encoded ("micha%C5%82-rokita", EuroPython), are
//     accepted, as is a trailing "/" after a bare name, which is harmless
//     where a template appends it. Company, school and showcase names are
//     not custom URLs and only need to be non-empty (two-letter names and
//     numeric ids exist). Groups by id or name, the older /pub/ and
//     /profile/view links, lnkd.in short links, m.linkedin.com and every
//     two-letter country host (uk., nl., in., de., ...) are accepted. The
//     members-only /mycompany/ and /admin/ views are reported
//     (EuroPython).
//   - Slack takes links into any workspace (cfa.slack.com beside
//     hackforla.slack.com), Enterprise Grid workspaces, any path inside a
//     workspace, and invites on join.slack.com (/t/<workspace>/... and
//     Slack Connect's /share/<code>). After /team/, an id of another kind
//     than a member's (U…, W…), such as a direct-message conversation
//     (D…, hackforla), is reported; older /team/<user name> links are
//     accepted. A Slack handle is the workspace name, so FormHandle turns a
//     member link into the workspace's name.
//   - Discord takes invite codes and discord.gg/<code>,
//     discord.com/invite/<code> and discordapp.com/invite/<code> links, a
//     listed server's public page discord.com/servers/<name>-<id> and a
//     user's page discord.com/users/<id>. Channel links are reported: only
//     members can open them.
//   - Meetup takes a group's URL name, its link with or without a language
//     prefix (/de-DE/<group>/), Meetup Pro networks (/pro/<name>/) and
//     meetu.ps short links.
//   - Facebook takes user names, numeric ids, and the Name-<id> that a
//     page without a user name has in its link
//     (facebook.com/Glasgow-Open-Data-123456789012345), in any script;
//     profile.php?id=, /groups/<id or name>, /pages/<name>/<id>,
//     /people/<name>/<id>, /p/<Name>-<id> and /pg/<name> links; and the
//     locale (en-gb., de-de.), mobile (m., mbasic., touch., mobile.),
//     web. and business. hosts, fb.com and fb.me.
//   - Instagram takes instagram.com, m.instagram.com and instagr.am links.
//   - YouTube takes @handles in any script YouTube supports (percent-encoded
//     in links), bare names (a handle without its "@" or an older custom
//     name), /c/<name>, /user/<name>, the legacy /<name>, /channel/UC<22
//     characters>, m.youtube.com and music.youtube.com. A /channel/ link
//     whose id is a name, and a bare channel id ("UCIPMDupgTRsJY5sxcdBEtCg"
//     in a field the template puts after /c/, CloudWithChris), are broken
//     links and reported. youtu.be links are reported: they always name a
//     video, never a channel.
//
// Email and the host checks are likewise stricter than the RFCs allow in
// places where the RFC form is a sign of a mistake; each validator's
// documentation says where and why.
package validate
