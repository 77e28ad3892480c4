package validate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Handle cases per network, checked in FormAny. Names cite the network's
// published rule (see Network.Rule for the URL), the link form being
// exercised, or the corpus entry of issue 13 the value was seen in
// ("roweb3", "EuroPython", "hackforla", ... with the file where it helps).

var twitterCases = []tcase{
	valid("seed twitter handle", "GlasgowOpenData"),
	valid("Twitter help @ prefix as people write it", "@GlasgowOpenData"),
	valid("Twitter help underscore and digits", "glasgow_od_2024"),
	valid("Twitter help one character", "a"),
	valid("Twitter help exactly 15 characters", "abcdefghijklmno"),
	valid("profile URL on twitter.com", "https://twitter.com/GlasgowOpenData"),
	valid("profile URL on x.com with trailing slash", "https://x.com/GlasgowOpenData/"),
	valid("profile URL on mobile.twitter.com with query", "https://mobile.twitter.com/GlasgowOpenData?lang=en"),
	valid("profile URL on www.x.com", "https://www.x.com/glasgow_od"),
	valid("profile URL over http", "http://twitter.com/GlasgowOpenData"),
	valid("profile URL with @ in path", "https://x.com/@GlasgowOpenData"),
	invalid("empty value", "", `is empty; give the Twitter handle, like "example", or the Twitter profile URL, like "https://twitter.com/example"`),
	invalid("lone @", "@", `has only "@"`),
	invalid("Twitter help longer than 15 characters", "GlasgowOpenData1", `"GlasgowOpenData1" is 16 characters long; Twitter user names have at most 15`),
	invalid("Twitter help hyphen not allowed", "glasgow-open", `character "-" is not allowed; Twitter user names use only letters, digits and "_"`),
	invalid("Twitter help dot not allowed", "glasgow.open", `character "."`),
	invalid("Twitter help non-ASCII letter", "glasgöw", `character "ö"`),
	invalid("double @", "@@GlasgowOpenData", `has a second "@"`),
	invalid("trailing space", "GlasgowOpenData ", "ends with a space"),
	invalid("GitHub URL in Twitter field", "https://github.com/GlasgowOpenData", "this is a GitHub URL, not a Twitter profile"),
	invalid("Facebook URL in Twitter field", "https://www.facebook.com/GlasgowOpenData", "this is a Facebook URL, not a Twitter profile"),
	invalid("link to a post", "https://x.com/GlasgowOpenData/status/1234567890", `links to a post, not a profile; use "https://x.com/GlasgowOpenData"`),
	invalid("link without user", "https://x.com/", "link has no user name"),
	invalid("link to search page", "https://twitter.com/search?q=opendata", `links to the "search" page`),
	invalid("link on unknown host", "https://nitter.net/GlasgowOpenData", `"nitter.net" is not a Twitter address; give a link like "https://twitter.com/example", or just the handle`),
	invalid("link without scheme", "twitter.com/GlasgowOpenData", `is missing "https://" at the start; write "https://twitter.com/GlasgowOpenData"`),
	invalid("link with too long user", "https://twitter.com/GlasgowOpenData2024", "at most 15"),
	valid("jamstack generators/hugo.md bare handle without @", "GoHugoIO"),
	valid("enhance 2023-02-08 twitter handle", "macdonst"),
	valid("roweb3 author twitter with underscore", "Alex_Koiter"),
	valid("EuroPython twitter_url on x.com", "https://x.com/beranek1582"),
	valid("EuroPython twitter_url on twitter.com", "https://twitter.com/dlthub"),
	valid("profile URL on mobile.x.com", "https://mobile.x.com/example"),
	valid("profile tab with_replies", "https://x.com/example/with_replies"),
	valid("X community link names no user", "https://x.com/i/communities/1857126566775730450"),
	valid("uppercase scheme and host", "HTTPS://X.COM/example"),
	invalid("EuroPython UPWXFZ.mdx:13 two hosts run together", "https://x.com/twitter.com/sebastiaanz", `has a second address "twitter.com/sebastiaanz" inside it; write "https://x.com/sebastiaanz"`),
	invalid("roweb3 shannon-pileggi archetype placeholder", "Twitter username", `contains a space, which a Twitter handle never has; if this is text left from a template, replace it with the handle, like "example"`),
	invalid("scheme typo hhttps", "hhttps://x.com/example", `"hhttps:" looks like a typo for "https:"; write "https://x.com/example"`),
	invalid("X internal page", "https://x.com/i/flow/login", `links to the "i" page, not a profile`),
	invalid("developer site is not a profile", "https://developer.x.com/en/docs", `"developer.x.com" is not a Twitter profile address`),
	invalid("port in the host", "https://x.com:443/example", `host "x.com:443" must not contain a login or a port`),
}

var xCases = []tcase{
	valid("seed x handle", "GlasgowOpenData"),
	valid("X help @ prefix", "@GlasgowOpenData"),
	valid("X profile URL on x.com", "https://x.com/GlasgowOpenData"),
	valid("X accepts twitter.com links", "https://twitter.com/GlasgowOpenData"),
	valid("X profile URL with tracking query", "https://x.com/GlasgowOpenData?s=21&t=abc"),
	valid("X help underscores only", "___"),
	invalid("empty value", "", "is empty"),
	invalid("X help longer than 15 characters", "abcdefghijklmnop", "X user names have at most 15"),
	invalid("X help space inside", "Glasgow Open", "contains a space"),
	invalid("X help exclamation mark", "hello!", `character "!" is not allowed; X user names`),
	invalid("GitHub URL in X field", "https://github.com/GlasgowOpenData", "this is a GitHub URL, not an X profile"),
	invalid("Instagram URL in X field", "https://instagram.com/glasgowopendata", "this is an Instagram URL, not an X profile"),
	invalid("X link to a post", "https://x.com/GlasgowOpenData/status/1", "links to a post, not a profile"),
	invalid("X intent link", "https://x.com/intent/follow?screen_name=GlasgowOpenData", `links to the "intent" page`),
	invalid("X non-http link", "ftp://x.com/GlasgowOpenData", `"ftp:" links are not profile addresses`),
	valid("X help handle without @ on x.com, mobile host", "https://mobile.twitter.com/example"),
	invalid("X link to a post on twitter.com", "https://twitter.com/example/statuses/1", "links to a post, not a profile"),
}

var mastodonCases = []tcase{
	valid("Mastodon full handle", "@glasgow@mastodon.scot"),
	valid("Mastodon handle without leading @", "glasgow@mastodon.scot"),
	valid("Mastodon profile URL", "https://mastodon.scot/@glasgow"),
	valid("Mastodon profile URL with trailing slash", "https://mastodon.social/@Gargron/"),
	valid("Mastodon USERNAME_RE inner dot", "https://fosstodon.org/@open.data"),
	valid("Mastodon USERNAME_RE inner hyphen and underscore", "@open-data_gla@social.glasgow-tech.org"),
	valid("Mastodon USERNAME_RE repeated inner separators", "@open.-data@mastodon.social"),
	valid("Mastodon remote account view", "https://mastodon.social/@glasgow@mastodon.scot"),
	valid("Mastodon ActivityPub actor URL", "https://hachyderm.io/users/glasgow"),
	valid("Mastodon IDN server", "@glasgow@bücher.social"),
	valid("Mastodon USERNAME_LENGTH_LIMIT exactly 30", "@"+strings.Repeat("a", 30)+"@mastodon.social"),
	invalid("empty value", "", `is empty; give the Mastodon handle, like "@example@mastodon.social", or the Mastodon profile URL, like "https://mastodon.social/@example"`),
	invalid("Mastodon bare @user without server", "@glasgow", `needs the server as well as the user name; write the full handle, like "@glasgow@mastodon.social" with your server's name`),
	invalid("Mastodon bare user without server", "glasgow", `like "@glasgow@mastodon.social"`),
	invalid("Mastodon trailing @ without server", "@glasgow@", `like "@glasgow@mastodon.social"`),
	invalid("Mastodon USERNAME_RE leading dot", "@.glasgow@mastodon.social", `".glasgow" starts with "."`),
	invalid("Mastodon USERNAME_RE trailing hyphen", "@glasgow-@mastodon.social", `"glasgow-" ends with "-"`),
	invalid("Mastodon USERNAME_RE exclamation mark", "@glas!gow@mastodon.social", `character "!" is not allowed; Mastodon user names`),
	invalid("Mastodon USERNAME_LENGTH_LIMIT over 30", "@"+strings.Repeat("a", 31)+"@mastodon.social", "Mastodon user names have at most 30"),
	invalid("Mastodon server localhost", "@glasgow@localhost", `server "localhost" only works on your own computer`),
	invalid("Mastodon server single label", "@glasgow@mastodon", `server "mastodon" has no dot`),
	invalid("Mastodon server underscore", "@glasgow@mastodon_scot.org", `server "mastodon_scot.org" contains "_"`),
	invalid("Mastodon server is another network", "@glasgow@twitter.com", `"twitter.com" is Twitter, not a Mastodon server; give the Mastodon handle, like "@example@mastodon.social"`),
	invalid("Mastodon link without @user", "https://mastodon.social/glasgow", `is not a Mastodon profile link; it should look like "https://mastodon.social/@name"`),
	invalid("Mastodon link to a post", "https://mastodon.social/@glasgow/111222333", `links to a post, not a profile; use "https://mastodon.social/@glasgow"`),
	invalid("GitHub URL in Mastodon field", "https://github.com/@glasgow", "this is a GitHub URL, not a Mastodon profile"),
	invalid("Mastodon link on local host", "https://localhost/@glasgow", "only works on your own computer"),
	invalid("Mastodon space in handle", "@glasgow @mastodon.social", "contains a space"),
	valid("enhance mastodon @user@instance handle", "@macdonst@mastodon.online"),
	valid("enhance mastodon on indieweb.social", "@ryanbethel@indieweb.social"),
	valid("roweb3 mastodon profile URL on rstats.me", "https://rstats.me/@adamhsparks"),
	valid("roweb3 mastodon profile URL with underscore", "https://sciencemastodon.com/@Alex_Koiter"),
	valid("EuroPython mastodon_url on a personal server", "https://social.juanlu.space/@astrojuanlu"),
	valid("EuroPython mastodon_url on mastodonczech.cz", "https://mastodonczech.cz/@example"),
	valid("Mastodon old web interface link", "https://mastodon.social/web/@example"),
	valid("Mastodon profile tab with_replies", "https://fosstodon.org/@example/with_replies"),
	valid("Mastodon remote handle on another network's lookalike-free server", "@example@social.example.org"),
	invalid("EuroPython XXDZKP.mdx:8 user after the server", "https://toots.dpglug.org@anwesha", `has the user name after the server; write "https://toots.dpglug.org/@anwesha"`),
	invalid("EuroPython PVSNUG.mdx:8 user before the server", "https://bilgeyucel@sigmoid.social", `has the user name before the server; write "https://sigmoid.social/@bilgeyucel"`),
	invalid("enhance 2023-08-18 scheme typo hhttps", "hhttps://mastodon.online/@macdonst", `"hhttps:" looks like a typo for "https:"`),
	invalid("Mastodon link without scheme", "fosstodon.org/@example", `is missing "https://" at the start; write "https://fosstodon.org/@example"`),
	invalid("Mastodon remote account on another network", "https://mastodon.social/@example@github.com", `"github.com" is GitHub, not a Mastodon server`),
	invalid("Mastodon server with a port", "https://mastodon.social:8443/@example", "must not contain a login or a port"),
}

var blueskyCases = []tcase{
	valid("atproto handle on bsky.social", "glasgowopendata.bsky.social"),
	valid("atproto handle with @", "@glasgowopendata.bsky.social"),
	valid("atproto own-domain handle", "glasgowopendata.org"),
	valid("atproto spec example upper case", "A.ISI.EDU"),
	valid("atproto spec label starting with digit", "4chan.org"),
	valid("atproto spec short labels", "jo.hn"),
	valid("atproto spec punycode", "xn--bcher-kva.tld"),
	valid("atproto spec .test allowed", "john.test"),
	valid("bsky.app profile URL", "https://bsky.app/profile/glasgowopendata.bsky.social"),
	valid("bsky.app profile URL with trailing slash", "https://bsky.app/profile/glasgowopendata.org/"),
	valid("atproto did:plc profile URL", "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur"),
	valid("atproto spec 253 characters", strings.Repeat(strings.Repeat("a", 63)+".", 3)+strings.Repeat("b", 57)+".org"),
	invalid("empty value", "", `is empty; give the Bluesky handle, like "example.bsky.social", or the Bluesky profile URL, like "https://bsky.app/profile/example.bsky.social"`),
	invalid("atproto spec at least two labels", "glasgowopendata", `"glasgowopendata" is not a full handle; Bluesky handles are domain names, like "glasgowopendata.bsky.social"`),
	invalid("atproto spec no underscore", "glasgow_open.bsky.social", `character "_" is not allowed; Bluesky handles use only`),
	invalid("atproto spec ASCII only", "bücher.bsky.social", `character "ü" is not allowed; Bluesky handles are plain ASCII`),
	invalid("atproto spec TLD must not start with digit", "john.0com", `last part cannot start with a digit`),
	invalid("atproto DISALLOWED_TLDS .local", "laptop.local", `ends in ".local", which Bluesky does not accept`),
	invalid("atproto DISALLOWED_TLDS .onion", "expyuzz4wqqyqhjn.onion", `".onion"`),
	invalid("atproto spec label starting with hyphen", "-name.bsky.social", "starting with a hyphen"),
	invalid("atproto spec no double dot", "name..bsky.social", "two dots in a row"),
	invalid("atproto spec no trailing dot", "name.bsky.social.", "ends with a dot"),
	invalid("atproto spec label over 63", strings.Repeat("a", 64)+".bsky.social", "the limit is 63"),
	invalid("atproto spec over 253 characters", strings.Repeat(strings.Repeat("a", 63)+".", 3)+strings.Repeat("b", 58)+".org", "the limit is 253"),
	invalid("bsky.app link to a post", "https://bsky.app/profile/glasgowopendata.bsky.social/post/3kabc", `links to a post, not a profile; use "https://bsky.app/profile/glasgowopendata.bsky.social"`),
	invalid("bsky.app link that is not a profile", "https://bsky.app/search?q=glasgow", "is not a Bluesky profile link"),
	invalid("atproto DID too short", "https://bsky.app/profile/did:plc:short", `"did:plc:short" is not a valid Bluesky account id`),
	invalid("Twitter URL in Bluesky field", "https://twitter.com/GlasgowOpenData", "this is a Twitter URL, not a Bluesky profile"),
	invalid("bsky link on another host", "https://staging.bsky.dev/profile/a.b", `"staging.bsky.dev" is not a Bluesky address`),
	valid("roweb3 bluesky handle on bsky.social", "yabellini.bsky.social"),
	valid("roweb3 bluesky custom-domain handle", "karthik.io"),
	valid("roweb3 bluesky custom-domain handle with three labels", "angeliquetrusler.carpentries.org"),
	valid("atproto did:plc as a bare handle", "did:plc:z72i7hdynmk6r22z27h6tvur"),
	valid("atproto did:web as a bare handle", "did:web:example.org"),
	valid("atproto did:web profile URL", "https://bsky.app/profile/did:web:example.org"),
	valid("atproto percent-encoded DID in a profile URL", "https://bsky.app/profile/did%3Aplc%3Az72i7hdynmk6r22z27h6tvur"),
	valid("bsky.app profile with a feed tab", "https://bsky.app/profile/example.bsky.social/feed/cats"),
	valid("bsky.app profile over www", "https://www.bsky.app/profile/example.bsky.social"),
	invalid("atproto did:plc with upper case", "did:plc:Z72I7HDYNMK6R22Z27H6TVUR", `after "did:plc:" come 24 characters from a–z and 2–7`),
	invalid("atproto did:plc with a digit outside base32", "did:plc:z72i7hdynmk6r22z27h6tvu1", "from a–z and 2–7"),
	invalid("atproto did:web of a local host", "did:web:localhost", `after "did:web:" comes a public host name`),
	invalid("atproto unsupported DID method", "did:key:z6Mkabc", `"did:key:z6Mkabc" is not a Bluesky account id`),
	invalid("bsky.app link without scheme", "bsky.app/profile/example.bsky.social", `write "https://bsky.app/profile/example.bsky.social"`),
	invalid("bsky.app profile link without handle", "https://bsky.app/profile/", "link has no handle"),
}

var githubCases = []tcase{
	valid("GitHub signup letters and single hyphens", "glasgow-open-data"),
	valid("GitHub @ prefix", "@glasgow-open-data"),
	valid("GitHub signup one character", "a"),
	valid("GitHub exactly 39 characters", strings.Repeat("a", 39)),
	valid("GitHub profile URL", "https://github.com/glasgow-open-data"),
	valid("GitHub profile URL with trailing slash", "https://github.com/glasgow-open-data/"),
	valid("GitHub profile URL on www with query", "https://www.github.com/octocat?tab=repositories"),
	valid("GitHub organisation URL", "https://github.com/orgs/glasgow-open-data"),
	valid("GitHub profile URL over http", "http://github.com/x1"),
	invalid("empty value", "", "is empty"),
	invalid("GitHub signup cannot begin with hyphen", "-glasgow", `"-glasgow" starts with a hyphen`),
	invalid("GitHub signup cannot end with hyphen", "glasgow-", `"glasgow-" ends with a hyphen`),
	invalid("GitHub signup single hyphens only", "glasgow--open", "two hyphens in a row"),
	invalid("GitHub over 39 characters", strings.Repeat("a", 40), "GitHub names have at most 39"),
	invalid("GitHub signup underscore", "glasgow_open", `character "_" is not allowed; GitHub names use only letters, digits and single hyphens`),
	invalid("GitHub link to a repository", "https://github.com/glasgow-open-data/contentlint", `links to a repository or page, not a profile; use "https://github.com/glasgow-open-data"`),
	invalid("GitHub link on GitLab", "https://gitlab.com/glasgow-open-data", `"gitlab.com" is not a GitHub address`),
	invalid("Twitter URL in GitHub field", "https://twitter.com/GlasgowOpenData", "this is a Twitter URL, not a GitHub profile"),
	invalid("GitHub link without scheme", "github.com/glasgow-open-data", `write "https://github.com/glasgow-open-data"`),
	invalid("GitHub link without user", "https://github.com/", "link has no user name"),
	invalid("GitHub space inside", "glasgow open", "contains a space"),
	valid("roweb3 author github login", "juancruzeb"),
	valid("digitalgov author github login with digits", "AKM399"),
	valid("hackforla links.github profile URL", "https://github.com/sanjumv"),
	valid("EuroPython gitx profile URL with trailing slash", "https://github.com/honzakral/"),
	valid("GitHub organisation people page", "https://github.com/orgs/example/people"),
	valid("GitHub sponsors page names the account", "https://github.com/sponsors/example"),
	valid("GitHub gists of a user", "https://gist.github.com/example"),
	invalid("GitHub organisation link without a name", "https://github.com/orgs/", `link has no name after /orgs/; write it like "https://github.com/example"`),
	invalid("EuroPython 3RZLNH.mdx gitx repository link", "https://github.com/dlt-hub/dlt", `links to a repository or page, not a profile; use "https://github.com/dlt-hub"`),
	invalid("jamstack repo owner/name slug in an account field", "gohugoio/hugo", `names the repository "gohugoio/hugo", not an account; give the user or organisation, like "gohugoio"`),
	invalid("GitHub topics page", "https://github.com/topics/covid-19", `links to GitHub's "topics" page, not an account`),
	invalid("GitHub one gist", "https://gist.github.com/example/0123456789abcdef", `links to a gist, not an account; use "https://github.com/example"`),
	invalid("EuroPython gitx on another forge", "https://git.sr.ht/~docbibi/", `"git.sr.ht" is not a GitHub address`),
	invalid("EuroPython 9CX9CB.mdx gitx www host without scheme", "www.github.com/zotroneneis", `is missing "https://" at the start; write "https://www.github.com/zotroneneis"`),
}

var linkedinCases = []tcase{
	valid("LinkedIn company page", "https://www.linkedin.com/company/glasgow-open-data"),
	valid("LinkedIn personal profile with trailing slash", "https://www.linkedin.com/in/jane-doe-123/"),
	valid("LinkedIn without www", "https://linkedin.com/in/janedoe"),
	valid("LinkedIn country subdomain", "https://uk.linkedin.com/in/janedoe"),
	valid("LinkedIn company sub-page", "https://www.linkedin.com/company/glasgow-open-data/about/"),
	valid("LinkedIn school page", "https://www.linkedin.com/school/university-of-glasgow/"),
	valid("LinkedIn tracking query", "https://www.linkedin.com/in/janedoe?trk=public_profile"),
	valid("LinkedIn help exactly 100 characters", "https://www.linkedin.com/company/"+strings.Repeat("a", 100)),
	invalid("empty value", "", `is empty; give the LinkedIn handle, like "example", or the LinkedIn profile URL, like "https://www.linkedin.com/in/example"`),
	valid("LinkedIn bare custom URL name (roweb3 linkedin: slug)", "janedoe"),
	invalid("LinkedIn path without host", "in/janedoe", `has the page type as well as the name; write "janedoe" for the handle, or "https://www.linkedin.com/in/janedoe" for the link`),
	invalid("LinkedIn link without scheme", "linkedin.com/in/janedoe", `write "https://linkedin.com/in/janedoe"`),
	invalid("LinkedIn feed is not a profile", "https://www.linkedin.com/feed/", `is not a LinkedIn profile or page; use a link like "https://www.linkedin.com/in/example"`),
	invalid("LinkedIn help under 3 characters", "https://www.linkedin.com/in/jd", `"jd" is 2 characters long; LinkedIn names have 3 to 100`),
	invalid("LinkedIn help over 100 characters", "https://www.linkedin.com/company/"+strings.Repeat("a", 101), "3 to 100"),
	invalid("LinkedIn help no symbols", "https://www.linkedin.com/in/jane_doe", `character "_" is not allowed; LinkedIn names`),
	valid("LinkedIn percent-encoded accented name (EuroPython TDUUPM.mdx)", "https://www.linkedin.com/in/mikul%C3%A1%C5%A1-poul-920b6a59/"),
	invalid("LinkedIn link without name", "https://www.linkedin.com/in/", "link has no name after /in/"),
	invalid("LinkedIn unknown subdomain", "https://ukk.linkedin.com/in/janedoe", `"ukk.linkedin.com" is not a LinkedIn profile address`),
	invalid("GitHub URL in LinkedIn field", "https://github.com/janedoe", "this is a GitHub URL, not a LinkedIn profile"),
	valid("roweb3 adam-h-sparks custom URL name", "adam-h-sparks"),
	valid("roweb3 tomás-zaba raw UTF-8 name", "tomás-zaba-091303b6"),
	valid("roweb3 monika-avila-marquez accented name", "monika-avila-márquez"),
	valid("roweb3 geraldine-gómez-millán name with trailing slash", "geraldine-gómez-millán-4250711a3/"),
	valid("roweb3 mirna-vazquez-rosas-landa percent-encoded name", "mirna-v%C3%A1zquez-rosas-landa-ph-d-7159ab140"),
	valid("EuroPython GV9BKJ.mdx raw UTF-8 name in URL without www", "https://linkedin.com/in/michał-rokita"),
	valid("EuroPython BLNV7P.mdx accented name in URL", "https://linkedin.com/in/rodrigo-girão-serrão"),
	valid("hackforla heart.md percent-encoded name with trailing slash", "https://linkedin.com/in/marie-aim%C3%A9e-brajeux-88b40978/"),
	valid("EuroPython QCRLAF.mdx country host in.", "https://in.linkedin.com/in/sukanyamandal"),
	valid("EuroPython CZVCVP.mdx country host nl.", "https://nl.linkedin.com/in/samet-yaslan-8055613"),
	valid("LinkedIn country host de.", "https://de.linkedin.com/in/example"),
	valid("LinkedIn showcase page", "https://www.linkedin.com/showcase/example-events/"),
	valid("LinkedIn group by id", "https://www.linkedin.com/groups/1234567/"),
	valid("LinkedIn group by name", "https://www.linkedin.com/groups/example-group"),
	valid("LinkedIn company with a two-letter name", "https://www.linkedin.com/company/hp/"),
	valid("LinkedIn company by numeric id", "https://www.linkedin.com/company/1035/"),
	valid("LinkedIn older public profile link", "https://www.linkedin.com/pub/jane-doe/12/345/678"),
	valid("LinkedIn short link", "https://lnkd.in/abc123"),
	valid("LinkedIn mobile host", "https://m.linkedin.com/in/example"),
	valid("LinkedIn Cyrillic name", "https://www.linkedin.com/in/иван-петров-1a2b3c"),
	invalid("EuroPython 3RZLNH.mdx company members-only view", "https://www.linkedin.com/company/dlthub/mycompany/", `links to the page's "mycompany" view, which only its members can open; use "https://www.linkedin.com/company/dlthub/"`),
	invalid("LinkedIn broken percent-encoding", "https://www.linkedin.com/in/jos%C3%", "broken percent-encoding"),
	invalid("LinkedIn group link without group", "https://www.linkedin.com/groups/", "group link has no group"),
	invalid("LinkedIn company name with an encoded slash", "https://www.linkedin.com/company/a%2Fb/", `character "/" is not allowed in a LinkedIn page name`),
	invalid("LinkedIn bare name with underscore", "jane_doe", `character "_" is not allowed; LinkedIn names`),
	invalid("LinkedIn archetype placeholder", "LinkedIn URL", "contains a space, which a LinkedIn handle never has"),
}

var slackCases = []tcase{
	invalid("RFC1035 2.3.1 empty workspace label (fuzz crasher)", "http://.slACk.Com", `host ".slack.com" starts with a dot; remove it`),
	valid("seed slack channel link", "https://glasgowtech.slack.com/channels/open-data"),
	valid("Slack workspace root", "https://glasgowtech.slack.com"),
	valid("Slack workspace with trailing slash", "https://glasgowtech.slack.com/"),
	valid("Slack invite link", "https://join.slack.com/t/glasgowtech/shared_invite/zt-abc123-XYZ"),
	valid("Slack mixed case host", "https://GlasgowTech.slack.com/archives/C0123"),
	valid("Slack help hyphen in workspace", "https://glasgow-tech.slack.com/"),
	valid("Slack over http", "http://glasgowtech.slack.com"),
	invalid("empty value", "", "is empty"),
	valid("Slack bare workspace name is its handle", "glasgowtech"),
	invalid("Slack bare channel name", "#open-data", `character "#" is not allowed; Slack workspace names use only letters, digits and hyphens`),
	invalid("Slack own site", "https://slack.com/", `"slack.com" is not a Slack profile address; give a link like "https://example.slack.com"`),
	invalid("Slack app link", "https://app.slack.com/client/T0123/C0123", `"app.slack.com" is Slack's own site`),
	invalid("Slack help workspace starting with hyphen", "https://-glasgow.slack.com", "starts or ends with a hyphen"),
	invalid("Slack help underscore in workspace", "https://glasgow_tech.slack.com", `character "_" is not allowed; Slack workspace names`),
	invalid("Slack invite link without workspace", "https://join.slack.com/shared_invite/zt-1", "invite link has no workspace"),
	invalid("Slack nested subdomain", "https://a.b.slack.com/", `"a.b.slack.com" is not a Slack profile address`),
	invalid("Slack lookalike domain", "https://glasgowtech.slack.org/", `"glasgowtech.slack.org" is not a Slack address`),
	invalid("Discord URL in Slack field", "https://discord.gg/abc123", "this is a Discord URL, not a Slack profile"),
	invalid("Slack link without scheme", "glasgowtech.slack.com/", `write "https://glasgowtech.slack.com/"`),
	valid("hackforla 311-data.md member link /team/U", "https://hackforla.slack.com/team/U05KFTD3AKA"),
	valid("hackforla channel link /archives/C", "https://hackforla.slack.com/archives/C01Q24YF56J"),
	valid("hackforla link into another workspace", "https://cfa.slack.com/archives/C019RCM15FE"),
	valid("Slack Enterprise Grid member id /team/W", "https://example.slack.com/team/W012A3CDE"),
	valid("Slack older /team/<user name> link", "https://example.slack.com/team/jdoe"),
	valid("Slack Enterprise Grid workspace", "https://example.enterprise.slack.com/"),
	valid("Slack Connect invite link", "https://join.slack.com/share/enQtNzExMjM0NTY3"),
	valid("Slack workspace link over www", "https://www.example.slack.com/"),
	invalid("hackforla youthjusticenav.md:37 DM id under /team/", "https://hackforla.slack.com/team/D04HDM7DM18", `"D04HDM7DM18" after /team/ is the id of a direct-message conversation, not of a member`),
	invalid("hackforla tdm-calculator.md:13 DM id under /team/", "https://hackforla.slack.com/team/DE1HK083W", "direct-message conversation"),
	invalid("Slack channel id under /team/", "https://example.slack.com/team/C01Q24YF56J", "is the id of a channel or conversation, not of a member"),
}

var discordCases = []tcase{
	valid("Discord invite on discord.gg", "https://discord.gg/abc123"),
	valid("Discord vanity invite with trailing slash", "https://discord.gg/GlasgowTech/"),
	valid("Discord invite on discord.com", "https://discord.com/invite/abc123"),
	valid("Discord invite on discordapp.com with hyphen", "https://discordapp.com/invite/abc-123"),
	valid("Discord invite on www with query", "https://www.discord.com/invite/abc123?ref=site"),
	valid("Discord invite over http", "http://discord.gg/abc123"),
	invalid("empty value", "", `is empty; give the Discord handle, like "example", or the Discord profile URL, like "https://discord.gg/example"`),
	valid("Discord bare invite code is its handle", "abc123"),
	invalid("Discord server name with space", "Glasgow Tech", "contains a space"),
	invalid("Discord bare user tag", "Glasgow#1234", `character "#" is not allowed; Discord invite codes use only letters, digits and hyphens`),
	invalid("Discord channel link", "https://discord.com/channels/123/456", "links to a channel, which only members can open"),
	invalid("Discord non-invite page", "https://discord.com/app", "is not a Discord invite link"),
	invalid("Discord invite without code", "https://discord.gg/", "invite link has no code"),
	invalid("Discord invite on discord.com without code", "https://discord.com/invite/", "invite link has no code"),
	invalid("Discord invites 101 underscore", "https://discord.gg/abc_123", `character "_" is not allowed; Discord invite codes use only`),
	invalid("Slack URL in Discord field", "https://glasgowtech.slack.com/", "this is a Slack URL, not a Discord profile"),
	invalid("Discord lookalike host", "https://discord.gg.example.net/abc", `"discord.gg.example.net" is not a Discord address`),
	invalid("Discord link without scheme", "discord.gg/abc123", `write "https://discord.gg/abc123"`),
	valid("Discord public server page", "https://discord.com/servers/example-123456789012345678"),
	valid("Discord user profile link", "https://discord.com/users/123456789012345678"),
	valid("Discord vanity invite", "https://discord.gg/example"),
	invalid("Discord server link without server", "https://discord.com/servers/", "server link has no server"),
}

var meetupCases = []tcase{
	valid("Meetup group urlname", "glasgow-open-data"),
	valid("Meetup group urlname mixed case", "Glasgow-Open-Data"),
	valid("Meetup group link", "https://www.meetup.com/glasgow-open-data/"),
	valid("Meetup group link without www", "https://meetup.com/glasgow-open-data"),
	valid("Meetup group link with tracking query", "https://www.meetup.com/glasgow-open-data/?utm_source=x"),
	valid("Meetup group events list", "https://www.meetup.com/glasgow-open-data/events/"),
	invalid("empty value", "", "is empty"),
	invalid("Meetup group name with spaces", "glasgow open data", "contains a space"),
	invalid("Meetup urlname underscore", "glasgow_open_data", `character "_" is not allowed; Meetup group names`),
	invalid("Meetup urlname @", "@glasgow", `character "@"`),
	invalid("Meetup link to one event", "https://www.meetup.com/glasgow-open-data/events/298765432/", `links to one event, not the group; use "https://www.meetup.com/glasgow-open-data/"`),
	invalid("Meetup search page", "https://www.meetup.com/find/?keywords=data", `links to Meetup's "find" page, not a group`),
	invalid("Meetup link without group", "https://www.meetup.com/", "link has no group name"),
	invalid("Meetup link on Eventbrite", "https://www.eventbrite.co.uk/o/glasgow-open-data", `"www.eventbrite.co.uk" is not a Meetup address`),
	invalid("Meetup link without scheme", "meetup.com/glasgow-open-data", `write "https://meetup.com/glasgow-open-data"`),
	invalid("Facebook URL in Meetup field", "https://www.facebook.com/groups/glasgowopendata", "this is a Facebook URL, not a Meetup profile"),
	valid("Meetup group link with a locale", "https://www.meetup.com/de-DE/example-group/"),
	valid("Meetup Pro network", "https://www.meetup.com/pro/example/"),
	valid("Meetup short link", "https://meetu.ps/e/abc123"),
}

var facebookCases = []tcase{
	valid("Facebook help page name", "GlasgowOpenData"),
	valid("Facebook page name with @", "@GlasgowOpenData"),
	valid("Facebook help periods allowed", "glasgow.open.data"),
	valid("Facebook help exactly 5 characters", "abcde"),
	valid("Facebook page link", "https://www.facebook.com/GlasgowOpenData"),
	valid("Facebook page link without www and trailing slash", "https://facebook.com/GlasgowOpenData/"),
	valid("Facebook mobile link with query", "https://m.facebook.com/GlasgowOpenData?ref=bookmarks"),
	valid("Facebook numeric group", "https://www.facebook.com/groups/123456789"),
	valid("Facebook named group", "https://www.facebook.com/groups/glasgowopendata/"),
	valid("Facebook numeric profile", "https://www.facebook.com/profile.php?id=100012345678901"),
	valid("Facebook page about tab", "https://www.facebook.com/GlasgowOpenData/about"),
	valid("Facebook people link with id", "https://www.facebook.com/people/Glasgow-Open-Data/100089123456789/"),
	invalid("empty value", "", "is empty"),
	invalid("Facebook help at least 5 characters", "gla", `"gla" is 3 characters long; Facebook page names have 5 to 50`),
	invalid("Facebook over 50 characters", strings.Repeat("a", 51), "5 to 50"),
	invalid("Facebook help alphanumeric or period only", "glasgow_open", `character "_" is not allowed; Facebook page names use only letters, digits and "."`),
	invalid("Facebook help no domain extensions", "GlasgowOpenData.com", `contains ".com"; Facebook page names cannot contain domain endings`),
	invalid("Facebook profile.php without id", "https://www.facebook.com/profile.php", "profile link needs its numeric id"),
	invalid("Facebook profile.php non-numeric id", "https://www.facebook.com/profile.php?id=abc", "numeric id"),
	invalid("Facebook link to a post", "https://www.facebook.com/GlasgowOpenData/posts/pfbid0123", `links to a post, not the page; use "https://www.facebook.com/GlasgowOpenData"`),
	invalid("Facebook event link", "https://www.facebook.com/events/123456789/", "links to a post or one of Facebook's pages, not a profile"),
	invalid("Facebook link without page", "https://www.facebook.com/", "link has no page name"),
	invalid("Instagram URL in Facebook field", "https://www.instagram.com/glasgowopendata", "this is an Instagram URL, not a Facebook profile"),
	invalid("Facebook link without scheme", "facebook.com/GlasgowOpenData", `write "https://facebook.com/GlasgowOpenData"`),
	valid("Facebook Name-<id> page link", "https://www.facebook.com/Glasgow-Open-Data-123456789012345"),
	valid("Facebook Name-<id> as a handle", "Glasgow-Open-Data-123456789012345"),
	valid("Facebook accented Name-<id>", "https://www.facebook.com/Caf%C3%A9-Example-123456789012"),
	valid("Facebook numeric page id", "https://www.facebook.com/100064123456789"),
	valid("Facebook locale host en-gb.", "https://en-gb.facebook.com/example"),
	valid("Facebook locale host de-de.", "https://de-de.facebook.com/example"),
	valid("Facebook web. host", "https://web.facebook.com/example"),
	valid("Facebook mbasic. host", "https://mbasic.facebook.com/example"),
	valid("Facebook business. host", "https://business.facebook.com/example"),
	valid("Facebook fb.com host", "https://fb.com/example"),
	valid("Facebook fb.me short link", "https://fb.me/example"),
	valid("Facebook old pages link", "https://www.facebook.com/pages/Example-Group/123456789012345"),
	valid("Facebook new-style /p/ page link", "https://www.facebook.com/p/Example-Group-100064123456789/"),
	valid("Facebook /pg/ page link", "https://www.facebook.com/pg/example/about/"),
	valid("Facebook photos tab of a page", "https://www.facebook.com/example/photos"),
	valid("Facebook profile.php with more parameters", "https://www.facebook.com/profile.php?id=100012345678901&sk=about"),
	invalid("Facebook Name-<id> with a short id is a name", "Example-123", `character "-" is not allowed; Facebook page names use only letters, digits and "."`),
	invalid("Facebook pages link without id", "https://www.facebook.com/pages/Example-Group/", "page link has no numeric id at the end"),
}

var instagramCases = []tcase{
	valid("Instagram help user name", "glasgowopendata"),
	valid("Instagram user name with @", "@glasgowopendata"),
	valid("Instagram help periods and underscores", "glasgow.open_data"),
	valid("Instagram help underscore at ends", "_glasgow_"),
	valid("Instagram help one character", "a"),
	valid("Instagram help exactly 30 characters", strings.Repeat("a", 30)),
	valid("Instagram profile link", "https://www.instagram.com/glasgowopendata/"),
	valid("Instagram profile link with share query", "https://instagram.com/glasgowopendata?igshid=abc123"),
	invalid("empty value", "", "is empty"),
	invalid("lone @", "@", `has only "@"`),
	invalid("Instagram no leading period", ".glasgow", `".glasgow" starts with a dot`),
	invalid("Instagram no trailing period", "glasgow.", `"glasgow." ends with a dot`),
	invalid("Instagram no consecutive periods", "glasgow..data", "two dots in a row"),
	invalid("Instagram help over 30 characters", strings.Repeat("a", 31), "Instagram user names have at most 30"),
	invalid("Instagram help hyphen not allowed", "glasgow-data", `character "-" is not allowed; Instagram user names`),
	invalid("Instagram link to a post", "https://www.instagram.com/p/Cabc123/", "links to a post or page, not a profile"),
	invalid("Instagram link without user", "https://www.instagram.com/", "link has no user name"),
	invalid("Twitter URL in Instagram field", "https://twitter.com/GlasgowOpenData", "this is a Twitter URL, not an Instagram profile"),
	invalid("Instagram link without scheme", "instagram.com/glasgowopendata", `write "https://instagram.com/glasgowopendata"`),
	valid("Instagram short host", "https://instagr.am/example"),
	invalid("Instagram reel link", "https://www.instagram.com/reel/Cabc123/", "links to a post or page, not a profile"),
}

var youtubeCases = []tcase{
	valid("YouTube help handle with @", "@GlasgowOpenData"),
	valid("YouTube handle without @", "GlasgowOpenData"),
	valid("YouTube help underscores hyphens periods", "@glasgow.open-data_1"),
	valid("YouTube help exactly 3 characters", "@abc"),
	valid("YouTube handle URL", "https://www.youtube.com/@GlasgowOpenData"),
	valid("YouTube handle URL with tab", "https://youtube.com/@glasgow.open-data_1/videos"),
	valid("YouTube channel id URL", "https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw"),
	valid("YouTube custom URL", "https://www.youtube.com/c/GlasgowOpenData"),
	valid("YouTube legacy user URL", "https://www.youtube.com/user/GoogleDevelopers"),
	valid("YouTube mobile handle URL with share query", "https://m.youtube.com/@GlasgowOpenData?si=abc"),
	valid("YouTube legacy bare custom URL", "https://www.youtube.com/GlasgowOpenData"),
	invalid("empty value", "", "is empty"),
	invalid("YouTube help handle under 3 characters", "@ab", `"ab" is 2 characters long; YouTube handles have 3 to 30`),
	invalid("YouTube help handle over 30 characters", "@"+strings.Repeat("a", 31), "3 to 30"),
	invalid("YouTube handle with space", "@glasgow open", "contains a space"),
	invalid("YouTube help no exclamation mark", "@glasgow!", `character "!" is not allowed; YouTube handles use only`),
	invalid("YouTube video link", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "links to a video or page, not a channel"),
	invalid("YouTube short video link", "https://youtu.be/dQw4w9WgXcQ", "links to a video, not a channel"),
	invalid("YouTube channel id too short", "https://www.youtube.com/channel/UC123", `channel id "UC123" is not valid`),
	invalid("YouTube channel id without UC", "https://www.youtube.com/channel/XX_x5XG1OV2P6uZZ5FSM9Ttw", "is not valid"),
	invalid("YouTube link on Vimeo", "https://vimeo.com/glasgowopendata", `"vimeo.com" is not a YouTube address`),
	invalid("YouTube link without channel", "https://www.youtube.com/", "link has no channel"),
	invalid("YouTube custom URL without name", "https://www.youtube.com/c/", "link has no channel name"),
	invalid("YouTube link without scheme", "youtube.com/@GlasgowOpenData", `write "https://youtube.com/@GlasgowOpenData"`),
	valid("CloudWithChris YouTube custom name", "CloudWithChris"),
	valid("CloudWithChris YouTube name starting with underscore", "_techielass"),
	valid("YouTube handle in another script", "@東京チャンネル"),
	valid("YouTube percent-encoded handle URL", "https://www.youtube.com/@%E6%9D%B1%E4%BA%AC%E3%83%81%E3%83%A3%E3%83%B3%E3%83%8D%E3%83%AB"),
	valid("YouTube music channel", "https://music.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw"),
	valid("YouTube channel id link with tab", "https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw/videos"),
	invalid("CloudWithChris christosmatskas/index.md:13 channel id as a name", "UCIPMDupgTRsJY5sxcdBEtCg", `"UCIPMDupgTRsJY5sxcdBEtCg" is a channel id, not a handle or channel name; give the channel's handle, like "@example", or the link "https://www.youtube.com/channel/UCIPMDupgTRsJY5sxcdBEtCg"`),
	invalid("YouTube /channel/ with a name is broken", "https://www.youtube.com/channel/GlasgowOpenData", `channel id "GlasgowOpenData" is not valid`),
	invalid("YouTube shorts link", "https://www.youtube.com/shorts/abc123", "links to a video or page, not a channel"),
	invalid("YouTube playlist link", "https://www.youtube.com/playlist?list=PL123", "links to a video or page, not a channel"),
}

// networkCases ties each network to its cases; TestNetworkCasesCoverAll
// makes sure none is left out.
var networkCases = map[string][]tcase{
	"twitter":   twitterCases,
	"x":         xCases,
	"mastodon":  mastodonCases,
	"bluesky":   blueskyCases,
	"github":    githubCases,
	"linkedin":  linkedinCases,
	"slack":     slackCases,
	"discord":   discordCases,
	"meetup":    meetupCases,
	"facebook":  facebookCases,
	"instagram": instagramCases,
	"youtube":   youtubeCases,
}

func TestNetworks(t *testing.T) {
	for _, n := range Networks {
		t.Run(n.Name, func(t *testing.T) { runCases(t, n.Checker(FormAny), networkCases[n.Name]) })
		t.Run(n.Name+"-handle format", func(t *testing.T) { runCases(t, Formats[n.Name+"-handle"], networkCases[n.Name]) })
	}
}

func TestNetworkCasesCoverAll(t *testing.T) {
	if len(networkCases) != len(Networks) {
		t.Errorf("cases for %d networks, %d networks", len(networkCases), len(Networks))
	}
	for _, n := range Networks {
		if c := len(networkCases[n.Name]); c < 10 {
			t.Errorf("%s: %d cases, want at least 10", n.Name, c)
		}
	}
}

func TestNetworksTable(t *testing.T) {
	want := []string{"twitter", "x", "mastodon", "bluesky", "github", "linkedin", "slack", "discord", "meetup", "facebook", "instagram", "youtube"}
	if len(Networks) != len(want) {
		t.Fatalf("%d networks, want %d", len(Networks), len(want))
	}
	for i, n := range Networks {
		if n.Name != want[i] {
			t.Errorf("Networks[%d] = %q, want %q", i, n.Name, want[i])
		}
		if n.Title == "" || n.Article != "a" && n.Article != "an" || len(n.Hosts) == 0 || n.Example == "" {
			t.Errorf("%s: Title %q, Article %q, Hosts %q, Example %q", n.Name, n.Title, n.Article, n.Hosts, n.Example)
		}
		if n.handle == nil || n.profile == nil || n.url == nil || !strings.Contains(n.Rule, "https://") || !strings.HasSuffix(n.Rule, ")") {
			t.Errorf("%s: missing a function or a source URL in Rule %q", n.Name, n.Rule)
		}
	}
}

func TestNetworkByName(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"github", "github", true},
		{"GitHub", "github", true},
		{"X", "x", true},
		{"YOUTUBE", "youtube", true},
		{"fediverse", "mastodon", true}, // Hugo themes' key, e.g. fediverse: "@user@instance"
		{"Fediverse", "mastodon", true},
		{"bsky", "", false}, // seen only for a post link, never a profile: no alias
		{"twitter_url", "", false},
		{"myspace", "", false},
		{"", "", false},
	} {
		n, ok := NetworkByName(tc.in)
		if ok != tc.ok || n.Name != tc.want {
			t.Errorf("NetworkByName(%q) = %q, %v; want %q, %v", tc.in, n.Name, ok, tc.want, tc.ok)
		}
	}
}

func TestNetworkOfURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://github.com/x", "github"},
		{"https://www.github.com/x", "github"},
		{"HTTPS://GitHub.COM/x", "github"},
		{"github.com/x", "github"},
		{"https://twitter.com/x", "twitter"},
		{"https://mobile.twitter.com/x", "twitter"},
		{"https://x.com/x", "x"},
		{"https://www.x.com/x", "x"},
		{"https://bsky.app/profile/a.b", "bluesky"},
		{"https://uk.linkedin.com/in/x", "linkedin"},
		{"https://glasgowtech.slack.com/", "slack"},
		{"https://join.slack.com/t/x", "slack"},
		{"https://discord.gg/x", "discord"},
		{"https://discordapp.com/invite/x", "discord"},
		{"https://www.meetup.com/x/", "meetup"},
		{"https://m.facebook.com/x", "facebook"},
		{"https://instagram.com/x", "instagram"},
		{"https://youtu.be/x", "youtube"},
		{"https://mastodon.scot/@x", "mastodon"},
		{"https://user@github.com:443/x", "github"},
		{"https://gist.github.com/x", "github"},
		{"https://developer.x.com/en", "x"},
		{"https://api.twitter.com/x", "twitter"},
		{"https://a.b.slack.com/", "slack"},
		{"https://slack.com/", "slack"},
		{"https://hackforla.slack.com/team/U05KFTD3AKA", "slack"},
		{"https://example.enterprise.slack.com/", "slack"},
		{"https://en-gb.facebook.com/x", "facebook"},
		{"https://fb.me/x", "facebook"},
		{"https://lnkd.in/x", "linkedin"},
		{"https://music.youtube.com/channel/x", "youtube"},
		{"https://instagr.am/x", "instagram"},
		{"https://rstats.me/@x", ""}, // a Mastodon server, but not a listed one
		{"https://x.com.example.org/x", ""},
		{"@x@mastodon.social", ""},
		{"https://example.org", ""},
		{"https://github.com.evil.example/x", ""},
		{"https://notgithub.com/x", ""},
		{"mailto:someone@github.com", ""},
		{"GlasgowOpenData", ""},
		{"", ""},
	} {
		if got := NetworkOfURL(tc.in); got != tc.want {
			t.Errorf("NetworkOfURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormats(t *testing.T) {
	want := []string{"email", "idn-email", "uri", "url", "http-url", "https-url", "hostname"}
	for _, n := range Networks {
		want = append(want, n.Name+"-handle")
	}
	if len(Formats) != len(want) {
		t.Errorf("%d formats, want %d", len(Formats), len(want))
	}
	for _, name := range want {
		if Formats[name] == nil {
			t.Errorf("format %q missing", name)
		}
	}
}

func TestZeroNetwork(t *testing.T) {
	if err := (Network{}).Check("example", FormAny); err == nil {
		t.Error("the zero Network accepted a value")
	}
}

func TestParseForm(t *testing.T) {
	for _, f := range []Form{FormAny, FormHandle, FormURL} {
		got, err := ParseForm(f.String())
		if err != nil || got != f {
			t.Errorf("ParseForm(%q) = %v, %v; want %v", f.String(), got, err, f)
		}
		text, err := f.MarshalText()
		var back Form
		if err != nil || back.UnmarshalText(text) != nil || back != f {
			t.Errorf("%v: MarshalText %q, %v; UnmarshalText gives %v", f, text, err, back)
		}
	}
	for _, bad := range []string{"", "Handle", "URL", "link", "both"} {
		if _, err := ParseForm(bad); err == nil || !strings.Contains(err.Error(), `use "any", "handle" or "url"`) {
			t.Errorf("ParseForm(%q) = %v; want an error listing the forms", bad, err)
		}
	}
	if _, err := Form(7).MarshalText(); err == nil {
		t.Error("Form(7).MarshalText() succeeded")
	}
	if got := Form(7).String(); got != "Form(7)" {
		t.Errorf("Form(7).String() = %q", got)
	}
}

// conversions pair, for every network, a handle with the profile URL that
// Check suggests for it, and the other way round. Each pair must pass in
// its own form and in FormAny, and convert into the other in the wrong one.
var conversions = []struct{ name, network, handle, url string }{
	{"Twitter template twitter.com/{{ twitter }}", "twitter", "example", "https://twitter.com/example"},
	{"X profile on x.com", "x", "example", "https://x.com/example"},
	{"enhance mastodon handle split on @", "mastodon", "@example@mastodon.online", "https://mastodon.online/@example"},
	{"roweb3 bluesky handle after bsky.app/profile/", "bluesky", "example.bsky.social", "https://bsky.app/profile/example.bsky.social"},
	{"roweb3 bluesky custom domain", "bluesky", "karthik.io", "https://bsky.app/profile/karthik.io"},
	{"atproto DID", "bluesky", "did:plc:z72i7hdynmk6r22z27h6tvur", "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur"},
	{"roweb3 github login", "github", "example", "https://github.com/example"},
	{"roweb3 linkedin slug after linkedin.com/in/", "linkedin", "adam-h-sparks", "https://www.linkedin.com/in/adam-h-sparks"},
	{"roweb3 linkedin raw UTF-8 slug", "linkedin", "tomás-zaba-091303b6", "https://www.linkedin.com/in/tomás-zaba-091303b6"},
	{"Slack workspace", "slack", "example", "https://example.slack.com"},
	{"Discord invite code", "discord", "example", "https://discord.gg/example"},
	{"Meetup group URL name", "meetup", "example", "https://www.meetup.com/example/"},
	{"Facebook page name", "facebook", "example", "https://www.facebook.com/example"},
	{"Facebook Name-<id> page", "facebook", "Example-Group-123456789012345", "https://www.facebook.com/Example-Group-123456789012345"},
	{"Instagram user name", "instagram", "example", "https://www.instagram.com/example"},
	{"YouTube handle", "youtube", "@example", "https://www.youtube.com/@example"},
}

func TestFormConversions(t *testing.T) {
	covered := map[string]bool{}
	for _, c := range conversions {
		n, ok := NetworkByName(c.network)
		if !ok {
			t.Fatalf("%s: no network %q", c.name, c.network)
		}
		covered[n.Name] = true
		t.Run(c.name, func(t *testing.T) {
			for _, ok := range []struct {
				in   string
				form Form
			}{{c.handle, FormHandle}, {c.handle, FormAny}, {c.url, FormURL}, {c.url, FormAny}} {
				if err := n.Check(ok.in, ok.form); err != nil {
					t.Errorf("Check(%q, %v): %v", ok.in, ok.form, err)
				}
			}
			want := fmt.Sprintf("is a handle, but this field holds a full profile URL; write %q", c.url)
			if err := n.Check(c.handle, FormURL); err == nil || err.Error() != want {
				t.Errorf("Check(%q, FormURL) = %v\nwant %s", c.handle, err, want)
			}
			want = fmt.Sprintf("is a profile URL, but this field holds the handle (the site's template adds the address); write %q", c.handle)
			if err := n.Check(c.url, FormHandle); err == nil || err.Error() != want {
				t.Errorf("Check(%q, FormHandle) = %v\nwant %s", c.url, err, want)
			}
		})
	}
	for _, n := range Networks {
		if !covered[n.Name] {
			t.Errorf("%s has no conversion case", n.Name)
		}
	}
}

// formCases pin Check in FormHandle and FormURL beyond the conversions:
// links that name no handle, values that are wrong in every form, and the
// corpus's true positives that only a declared form can find.
var formCases = []struct {
	name, network string
	form          Form
	in, want      string // want "" means valid
}{
	{"roweb3 ahmadou-dicko/_index.md:4 LinkedIn URL in a slug field", "linkedin", FormHandle, "https://www.linkedin.com/in/ahmadoudicko", `write "ahmadoudicko"`},
	{"roweb3 adamu-saleh-saidu/_index.md:3 LinkedIn URL with trailing slash in a slug field", "linkedin", FormHandle, "https://www.linkedin.com/in/adamu-saidu-14b9a1a8/", `write "adamu-saidu-14b9a1a8"`},
	{"CloudWithChris leewilliams/index.md:6 LinkedIn URL in a slug field", "linkedin", FormHandle, "https://www.linkedin.com/in/leewill/", `is a profile URL, but this field holds the handle (the site's template adds the address); write "leewill"`},
	{"roweb3 cscce-staff/_index.md:6 Bluesky URL in a handle field", "bluesky", FormHandle, "https://bsky.app/profile/thecscce.bsky.social", `write "thecscce.bsky.social"`},
	{"roweb3 linkedin slug with trailing slash in a slug field", "linkedin", FormHandle, "geraldine-gómez-millán-4250711a3/", ""},
	{"roweb3 percent-encoded linkedin slug", "linkedin", FormHandle, "mirna-v%C3%A1zquez-rosas-landa-ph-d-7159ab140", ""},
	{"roweb3 mastodon full URL field", "mastodon", FormURL, "https://fosstodon.org/@dickoa", ""},
	{"enhance mastodon handle field", "mastodon", FormHandle, "@macdonst@mastodon.online", ""},
	{"enhance mastodon handle field holding a URL", "mastodon", FormHandle, "https://mastodon.online/@macdonst", `write "@macdonst@mastodon.online"`},
	{"Mastodon ActivityPub URL in a handle field", "mastodon", FormHandle, "https://hachyderm.io/users/example", `write "@example@hachyderm.io"`},
	{"Mastodon remote account view in a handle field", "mastodon", FormHandle, "https://mastodon.social/@example@fosstodon.org", `write "@example@fosstodon.org"`},
	{"Mastodon handle without @ in a URL field", "mastodon", FormURL, "example@fosstodon.org", `write "https://fosstodon.org/@example"`},
	{"EuroPython twitter_url field", "x", FormURL, "https://x.com/beranek1582", ""},
	{"EuroPython twitter_url on twitter.com in an X field", "x", FormURL, "https://twitter.com/dlthub", ""},
	{"jamstack twitter handle in a handle field", "twitter", FormHandle, "GoHugoIO", ""},
	{"Twitter handle with @ in a URL field", "twitter", FormURL, "@example", `write "https://twitter.com/example"`},
	{"Twitter link without scheme in a handle field", "twitter", FormHandle, "twitter.com/example", `write "example"`},
	{"Twitter link without scheme in a URL field", "twitter", FormURL, "twitter.com/example", `is missing "https://" at the start; write "https://twitter.com/example"`},
	{"roweb3 archetype placeholder in a handle field", "twitter", FormHandle, "Twitter username", "contains a space"},
	{"LinkedIn group in a handle field", "linkedin", FormHandle, "https://www.linkedin.com/groups/1234567/", `is a link that names no handle, but this field holds the handle (the site's template adds the address); give the LinkedIn handle, like "example"`},
	{"LinkedIn company page in a handle field", "linkedin", FormHandle, "https://www.linkedin.com/company/example/", "is a link that names no handle"},
	{"LinkedIn company page in a URL field", "linkedin", FormURL, "https://www.linkedin.com/company/example/", ""},
	{"LinkedIn path with page type in a handle field", "linkedin", FormHandle, "company/example", `write "example" for the handle`},
	{"Facebook profile.php in a handle field", "facebook", FormHandle, "https://www.facebook.com/profile.php?id=100012345678901", "is a link that names no handle"},
	{"Facebook group in a handle field", "facebook", FormHandle, "https://www.facebook.com/groups/123456789", "is a link that names no handle"},
	{"Facebook Name-<id> page in a handle field", "facebook", FormHandle, "https://www.facebook.com/Example-Group-123456789012345", `write "Example-Group-123456789012345"`},
	{"YouTube channel id link in a handle field", "youtube", FormHandle, "https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw", "is a link that names no handle"},
	{"CloudWithChris YouTube /c/ link in a handle field", "youtube", FormHandle, "https://www.youtube.com/c/CloudWithChris", `write "CloudWithChris"`},
	{"CloudWithChris YouTube channel id in a handle field", "youtube", FormHandle, "UCIPMDupgTRsJY5sxcdBEtCg", "is a channel id, not a handle or channel name"},
	{"YouTube bare name in a URL field", "youtube", FormURL, "CloudWithChris", `write "https://www.youtube.com/@CloudWithChris"`},
	{"Discord server page in a handle field", "discord", FormHandle, "https://discord.com/servers/example-123456789012345678", "is a link that names no handle"},
	{"Discord invite on discord.com in a handle field", "discord", FormHandle, "https://discord.com/invite/example", `write "example"`},
	{"hackforla Slack member link in a URL field", "slack", FormURL, "https://hackforla.slack.com/team/U05KFTD3AKA", ""},
	{"Slack member link in a handle field", "slack", FormHandle, "https://hackforla.slack.com/team/U05KFTD3AKA", `write "hackforla"`},
	{"Slack Connect invite in a handle field", "slack", FormHandle, "https://join.slack.com/share/enQtNzExMjM0NTY3", "is a link that names no handle"},
	{"Slack invite in a handle field", "slack", FormHandle, "https://join.slack.com/t/example/shared_invite/zt-1", `write "example"`},
	{"GitHub repository slug in a handle field", "github", FormHandle, "gohugoio/hugo", `names the repository "gohugoio/hugo", not an account`},
	{"GitHub repository link in a URL field", "github", FormURL, "https://github.com/gohugoio/hugo", `links to a repository or page, not a profile; use "https://github.com/gohugoio"`},
	{"GitHub repository link in a handle field", "github", FormHandle, "https://github.com/gohugoio/hugo", "links to a repository or page, not a profile"},
	{"GitHub organisation page in a handle field", "github", FormHandle, "https://github.com/orgs/example", `write "example"`},
	{"hackforla github-handle field", "github", FormHandle, "CottonChristopher", ""},
	{"Bluesky DID link in a handle field", "bluesky", FormHandle, "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur", `write "did:plc:z72i7hdynmk6r22z27h6tvur"`},
	{"Bluesky handle with @ in a URL field", "bluesky", FormURL, "@example.bsky.social", `write "https://bsky.app/profile/example.bsky.social"`},
	{"empty handle field", "github", FormHandle, "", `is empty; give the GitHub handle, like "example"`},
	{"empty URL field", "github", FormURL, "", `is empty; give the GitHub profile URL, like "https://github.com/example"`},
	{"wrong network in a handle field", "twitter", FormHandle, "https://github.com/example", "this is a GitHub URL, not a Twitter profile"},
}

func TestForms(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range formCases {
		if seen[c.name] {
			t.Errorf("duplicate case name %q", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			n, ok := NetworkByName(c.network)
			if !ok {
				t.Fatalf("no network %q", c.network)
			}
			err := n.Check(c.in, c.form)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("Check(%q, %v): unexpected error: %v", c.in, c.form, err)
			case c.want == "":
			case err == nil:
				t.Errorf("Check(%q, %v) accepted; want an error containing %q", c.in, c.form, c.want)
			case !strings.Contains(err.Error(), c.want):
				t.Errorf("Check(%q, %v):\n got: %v\nwant substring: %s", c.in, c.form, err, c.want)
			default:
				if p := messageProblem(err.Error()); p != "" {
					t.Errorf("message %q %s", err, p)
				}
			}
		})
	}
}

// suggestion returns the value a wrong-form error tells the writer to use.
var suggestion = regexp.MustCompile(`; write ("(?:[^"\\]|\\.)*")$`)

// checkSuggestion asserts that when Check(s, form) fails only because of
// the form, the value it suggests passes in that form.
func checkSuggestion(t *testing.T, n Network, s string, form Form) {
	t.Helper()
	err := n.Check(s, form)
	if err == nil || n.Check(s, FormAny) != nil {
		return
	}
	msg := err.Error()
	if strings.Contains(msg, "is a link that names no handle") {
		if form != FormHandle {
			t.Fatalf("%s: Check(%q, %v) = %v; only a handle field lacks a handle", n.Name, s, form, err)
		}
		return
	}
	m := suggestion.FindStringSubmatch(msg)
	if m == nil {
		t.Fatalf("%s: Check(%q, %v) = %v, though FormAny accepts it; want a suggestion", n.Name, s, form, err)
	}
	fix, uerr := strconv.Unquote(m[1])
	if uerr != nil {
		t.Fatalf("%s: suggestion %s: %v", n.Name, m[1], uerr)
	}
	if err := n.Check(fix, form); err != nil {
		t.Fatalf("%s: Check(%q, %v) suggests %q, which fails: %v", n.Name, s, form, fix, err)
	}
}

// Every value a network accepts in FormAny either passes in FormHandle and
// FormURL or is converted to a value that does.
func TestFormSuggestionsPass(t *testing.T) {
	for _, n := range Networks {
		for _, tc := range networkCases[n.Name] {
			if tc.ok {
				checkSuggestion(t, n, tc.in, FormHandle)
				checkSuggestion(t, n, tc.in, FormURL)
			}
		}
	}
}

// The documentation's examples must pass: the Example handle, and the
// profile URL built from it.
func TestNetworkExamples(t *testing.T) {
	for _, n := range Networks {
		if err := n.Check(n.Example, FormHandle); err != nil {
			t.Errorf("%s: Example %q: %v", n.Name, n.Example, err)
		}
		if u := n.url(n.Example); n.Check(u, FormURL) != nil || NetworkOfURL(u) != n.Name && !n.Federated {
			t.Errorf("%s: profile URL %q of the Example: %v, NetworkOfURL %q", n.Name, u, n.Check(u, FormURL), NetworkOfURL(u))
		}
		for _, a := range n.Aliases {
			if m, ok := NetworkByName(a); !ok || m.Name != n.Name {
				t.Errorf("%s: alias %q finds %q", n.Name, a, m.Name)
			}
		}
	}
}
