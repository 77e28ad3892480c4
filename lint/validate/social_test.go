package validate

import (
	"strings"
	"testing"
)

// Handle cases per network. Names cite the network's published rule (see
// Network.Rule for the URL) or the link form being exercised.

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
	invalid("empty value", "", `is empty; give a user name like "GlasgowOpenData"`),
	invalid("lone @", "@", `has only "@"`),
	invalid("Twitter help longer than 15 characters", "GlasgowOpenData1", `"GlasgowOpenData1" is 16 characters long; Twitter user names have at most 15`),
	invalid("Twitter help hyphen not allowed", "glasgow-open", `character "-" is not allowed; Twitter user names use only letters, digits and "_"`),
	invalid("Twitter help dot not allowed", "glasgow.open", `character "."`),
	invalid("Twitter help non-ASCII letter", "glasgöw", `character "ö"`),
	invalid("double @", "@@GlasgowOpenData", `has a second "@"`),
	invalid("trailing space", "GlasgowOpenData ", "ends with a space"),
	invalid("GitHub URL in Twitter field", "https://github.com/GlasgowOpenData", "this is a GitHub URL, not a Twitter profile"),
	invalid("Facebook URL in Twitter field", "https://www.facebook.com/GlasgowOpenData", "this is a Facebook URL, not a Twitter profile"),
	invalid("link to a post", "https://x.com/GlasgowOpenData/status/1234567890", `links to a post or page, not a profile; use "https://x.com/GlasgowOpenData"`),
	invalid("link without user", "https://x.com/", "link has no user name"),
	invalid("link to search page", "https://twitter.com/search?q=opendata", `links to the "search" page`),
	invalid("link on unknown host", "https://nitter.net/GlasgowOpenData", `"nitter.net" is not a Twitter address`),
	invalid("link without scheme", "twitter.com/GlasgowOpenData", `is missing "https://" at the start; write "https://twitter.com/GlasgowOpenData"`),
	invalid("link with too long user", "https://twitter.com/GlasgowOpenData2024", "at most 15"),
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
	invalid("X link to a post", "https://x.com/GlasgowOpenData/status/1", "links to a post or page"),
	invalid("X intent link", "https://x.com/intent/follow?screen_name=GlasgowOpenData", `links to the "intent" page`),
	invalid("X non-http link", "ftp://x.com/GlasgowOpenData", `"ftp:" links are not profile addresses`),
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
	invalid("empty value", "", `is empty; give the full handle, like "@name@mastodon.social"`),
	invalid("Mastodon bare @user without server", "@glasgow", `needs the server as well as the user name; write the full handle, like "@glasgow@mastodon.social"`),
	invalid("Mastodon bare user without server", "glasgow", `like "@glasgow@mastodon.social"`),
	invalid("Mastodon trailing @ without server", "@glasgow@", `like "@glasgow@mastodon.social"`),
	invalid("Mastodon USERNAME_RE leading dot", "@.glasgow@mastodon.social", `".glasgow" starts with "."`),
	invalid("Mastodon USERNAME_RE trailing hyphen", "@glasgow-@mastodon.social", `"glasgow-" ends with "-"`),
	invalid("Mastodon USERNAME_RE exclamation mark", "@glas!gow@mastodon.social", `character "!" is not allowed; Mastodon user names`),
	invalid("Mastodon USERNAME_LENGTH_LIMIT over 30", "@"+strings.Repeat("a", 31)+"@mastodon.social", "Mastodon user names have at most 30"),
	invalid("Mastodon server localhost", "@glasgow@localhost", `server "localhost" only works on your own computer`),
	invalid("Mastodon server single label", "@glasgow@mastodon", `server "mastodon" has no dot`),
	invalid("Mastodon server underscore", "@glasgow@mastodon_scot.org", `server "mastodon_scot.org" contains "_"`),
	invalid("Mastodon server is another network", "@glasgow@twitter.com", `"twitter.com" is Twitter, not a Mastodon server`),
	invalid("Mastodon link without @user", "https://mastodon.social/glasgow", `is not a Mastodon profile link; it should look like "https://mastodon.social/@name"`),
	invalid("Mastodon link to a post", "https://mastodon.social/@glasgow/111222333", `links to a post or page, not a profile; use "https://mastodon.social/@glasgow"`),
	invalid("GitHub URL in Mastodon field", "https://github.com/@glasgow", "this is a GitHub URL, not a Mastodon profile"),
	invalid("Mastodon link on local host", "https://localhost/@glasgow", "only works on your own computer"),
	invalid("Mastodon space in handle", "@glasgow @mastodon.social", "contains a space"),
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
	invalid("empty value", "", `is empty; give a handle like "glasgowopendata.bsky.social"`),
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
	invalid("bsky.app link to a post", "https://bsky.app/profile/glasgowopendata.bsky.social/post/3kabc", `links to a post or page, not a profile; use "https://bsky.app/profile/glasgowopendata.bsky.social"`),
	invalid("bsky.app link that is not a profile", "https://bsky.app/search?q=glasgow", "is not a Bluesky profile link"),
	invalid("atproto DID too short", "https://bsky.app/profile/did:plc:short", `"did:plc:short" is not a valid Bluesky account id`),
	invalid("Twitter URL in Bluesky field", "https://twitter.com/GlasgowOpenData", "this is a Twitter URL, not a Bluesky profile"),
	invalid("bsky link on another host", "https://staging.bsky.dev/profile/a.b", `"staging.bsky.dev" is not a Bluesky address`),
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
	invalid("empty value", "", "is empty; give the profile link"),
	invalid("LinkedIn bare name is ambiguous", "janedoe", `needs the full profile link, like "https://www.linkedin.com/in/name"`),
	invalid("LinkedIn path without host", "in/janedoe", `is missing the start of the link; write "https://www.linkedin.com/in/janedoe"`),
	invalid("LinkedIn link without scheme", "linkedin.com/in/janedoe", `write "https://linkedin.com/in/janedoe"`),
	invalid("LinkedIn feed is not a profile", "https://www.linkedin.com/feed/", "is not a LinkedIn profile or company page"),
	invalid("LinkedIn help under 3 characters", "https://www.linkedin.com/in/jd", `"jd" is 2 characters long; LinkedIn names have 3 to 100`),
	invalid("LinkedIn help over 100 characters", "https://www.linkedin.com/company/"+strings.Repeat("a", 101), "3 to 100"),
	invalid("LinkedIn help no symbols", "https://www.linkedin.com/in/jane_doe", `character "_" is not allowed; LinkedIn names`),
	invalid("LinkedIn help percent-encoded name", "https://www.linkedin.com/in/jos%C3%A9", `character "%"`),
	invalid("LinkedIn link without name", "https://www.linkedin.com/in/", "link has no name after /in/"),
	invalid("LinkedIn unknown subdomain", "https://ukk.linkedin.com/in/janedoe", `"ukk.linkedin.com" is not a LinkedIn address`),
	invalid("GitHub URL in LinkedIn field", "https://github.com/janedoe", "this is a GitHub URL, not a LinkedIn profile"),
}

var slackCases = []tcase{
	invalid("RFC1035 2.3.1 empty workspace label (fuzz crasher)", "http://.slACk.Com", "has no workspace name"),
	valid("seed slack channel link", "https://glasgowtech.slack.com/channels/open-data"),
	valid("Slack workspace root", "https://glasgowtech.slack.com"),
	valid("Slack workspace with trailing slash", "https://glasgowtech.slack.com/"),
	valid("Slack invite link", "https://join.slack.com/t/glasgowtech/shared_invite/zt-abc123-XYZ"),
	valid("Slack mixed case host", "https://GlasgowTech.slack.com/archives/C0123"),
	valid("Slack help hyphen in workspace", "https://glasgow-tech.slack.com/"),
	valid("Slack over http", "http://glasgowtech.slack.com"),
	invalid("empty value", "", "is empty"),
	invalid("Slack bare workspace name", "glasgowtech", `needs the full workspace link; write "https://glasgowtech.slack.com"`),
	invalid("Slack bare channel name", "#open-data", `needs the full workspace link, like "https://glasgowtech.slack.com"`),
	invalid("Slack own site", "https://slack.com/", `"slack.com" is Slack's own site, not a workspace`),
	invalid("Slack app link", "https://app.slack.com/client/T0123/C0123", `"app.slack.com" is Slack's own site`),
	invalid("Slack help workspace starting with hyphen", "https://-glasgow.slack.com", "starts or ends with a hyphen"),
	invalid("Slack help underscore in workspace", "https://glasgow_tech.slack.com", `character "_" is not allowed; Slack workspace names`),
	invalid("Slack invite link without workspace", "https://join.slack.com/shared_invite/zt-1", "invite link has no workspace"),
	invalid("Slack nested subdomain", "https://a.b.slack.com/", `"a.b.slack.com" is not a Slack workspace address`),
	invalid("Slack lookalike domain", "https://glasgowtech.slack.org/", `"glasgowtech.slack.org" is not a Slack address`),
	invalid("Discord URL in Slack field", "https://discord.gg/abc123", "this is a Discord URL, not a Slack profile"),
	invalid("Slack link without scheme", "glasgowtech.slack.com/", `write "https://glasgowtech.slack.com/"`),
}

var discordCases = []tcase{
	valid("Discord invite on discord.gg", "https://discord.gg/abc123"),
	valid("Discord vanity invite with trailing slash", "https://discord.gg/GlasgowTech/"),
	valid("Discord invite on discord.com", "https://discord.com/invite/abc123"),
	valid("Discord invite on discordapp.com with hyphen", "https://discordapp.com/invite/abc-123"),
	valid("Discord invite on www with query", "https://www.discord.com/invite/abc123?ref=site"),
	valid("Discord invite over http", "http://discord.gg/abc123"),
	invalid("empty value", "", "is empty; give the invite link"),
	invalid("Discord bare invite code", "abc123", `needs the full invite link; write "https://discord.gg/abc123"`),
	invalid("Discord server name with space", "Glasgow Tech", "contains a space"),
	invalid("Discord bare name with symbol", "Glasgow#1234", `needs the full invite link, like "https://discord.gg/abc123"`),
	invalid("Discord channel link", "https://discord.com/channels/123/456", "links to a channel, which only members can open"),
	invalid("Discord non-invite page", "https://discord.com/servers/glasgow-123", "is not a Discord invite link"),
	invalid("Discord invite without code", "https://discord.gg/", "invite link has no code"),
	invalid("Discord invite on discord.com without code", "https://discord.com/invite/", "invite link has no code"),
	invalid("Discord invites 101 underscore", "https://discord.gg/abc_123", `character "_" is not allowed; Discord invite codes use only`),
	invalid("Slack URL in Discord field", "https://glasgowtech.slack.com/", "this is a Slack URL, not a Discord profile"),
	invalid("Discord lookalike host", "https://discord.gg.example.net/abc", `"discord.gg.example.net" is not a Discord address`),
	invalid("Discord link without scheme", "discord.gg/abc123", `write "https://discord.gg/abc123"`),
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
	invalid("Facebook event link", "https://www.facebook.com/events/123456789/", "links to a post or Facebook page"),
	invalid("Facebook link without page", "https://www.facebook.com/", "link has no page name"),
	invalid("Instagram URL in Facebook field", "https://www.instagram.com/glasgowopendata", "this is an Instagram URL, not a Facebook profile"),
	invalid("Facebook link without scheme", "facebook.com/GlasgowOpenData", `write "https://facebook.com/GlasgowOpenData"`),
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
		t.Run(n.Name, func(t *testing.T) { runCases(t, n.Check, networkCases[n.Name]) })
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
		if n.Title != titleOf(n.Name) {
			t.Errorf("%s: Title %q, titleOf %q", n.Name, n.Title, titleOf(n.Name))
		}
		if n.Check == nil || !strings.Contains(n.Rule, "https://") {
			t.Errorf("%s: missing Check or a source URL in Rule %q", n.Name, n.Rule)
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
		{"https://glasgowopendata.org", ""},
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
