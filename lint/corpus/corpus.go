// Package corpus generates realistic community-directory entries for
// benchmarks and end-to-end tests: deterministic from a seed, with an
// optional fraction of entries carrying exactly one seeded defect.
package corpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"path"
	"strings"
)

// PerFolder is how many entries go in each subfolder.
const PerFolder = 500

// Manifest maps each entry's slash-separated path, relative to the corpus
// folder, to the rule id its seeded defect should trigger ("" for a clean entry).
type Manifest map[string]string

// Defect is one kind of seeded defect and the rule it should trigger.
type Defect struct {
	Rule string
	Desc string
}

// Defects are the seeded defects, in the order entries cycle through them.
var Defects = []Defect{
	{"schema-type", `featured: "yes"`},
	{"schema-unknown-field", "an extra contactemail: field"},
	{"schema-required", "description dropped"},
	{"email-invalid", "contact_email with a mailto: prefix"},
	{"url-invalid", "website without a scheme"},
	{"social-twitter", "a 17-character Twitter handle"},
	{"frontmatter-syntax", `an unquoted ": " in description`},
	{"frontmatter-duplicate-key", "location: given twice"},
	{"section-required", "## Get Involved dropped"},
	{"link-url", "a body link to htps://..."},
	{"image-alt", "an image without alt text"},
}

// Generate builds n entries in subfolders (PerFolder files each) and the
// manifest, and hands each file to write with its slash-separated path
// (the manifest is "manifest.json"). The output depends only on n, seed and
// defectRate.
func Generate(write func(path string, data []byte) error, n int, seed int64, defectRate float64) (Manifest, error) {
	files, m := Build(n, seed, defectRate)
	for _, f := range files {
		if err := write(f.Path, f.Data); err != nil {
			return nil, err
		}
	}
	js, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := write("manifest.json", append(js, '\n')); err != nil {
		return nil, err
	}
	return m, nil
}

// File is one generated entry.
type File struct {
	Path string // slash-separated, relative to the corpus folder
	Data []byte
}

// Build generates the entries in memory.
func Build(n int, seed int64, defectRate float64) ([]File, Manifest) {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x636f6e74656e74)) // "content"
	m := Manifest{}
	files := make([]File, 0, n)
	next := 0
	titles := map[string]int{} // how often each title came up, to keep them distinct
	for i := range n {
		g := newGroup(rng, i)
		k := titles[g.title]
		titles[g.title]++
		if k > 0 {
			g.distinguish(k)
		}
		rule := ""
		if defectRate > 0 && rng.Float64() < defectRate {
			rule = Defects[next%len(Defects)].Rule
			next++
		}
		p := path.Join(fmt.Sprintf("%04d", i/PerFolder), fmt.Sprintf("%s-%05d.md", g.slug, i))
		files = append(files, File{Path: p, Data: g.render(rng, rule)})
		m[p] = rule
	}
	return files, m
}

var cities = []string{"Glasgow", "Edinburgh", "Aberdeen", "Dundee", "Inverness", "Stirling", "Perth",
	"Manchester", "Leeds", "Bristol", "Cardiff", "Belfast", "Liverpool", "Sheffield", "Newcastle",
	"Nottingham", "Birmingham", "York", "Brighton", "Oxford", "Cambridge", "Swansea", "Norwich", "Exeter", "Dublin", "Galway"}

type topic struct {
	name, short string
	tags        []string
	projects    []string
}

var topics = []topic{
	{"Open Data", "OpenData", []string{"open data", "civic tech", "transparency", "local government"},
		[]string{"Data Portal Enhancement", "Transport Data Visualization", "Community Asset Mapping", "Housing Data Analysis"}},
	{"Python", "Py", []string{"python", "programming", "open source", "data science"},
		[]string{"Beginner Packaging Guide", "Sprint Day Toolkit", "Local Jobs Board", "Conference Talk Archive"}},
	{"Rust", "Rust", []string{"rust", "systems programming", "open source", "webassembly"},
		[]string{"Embedded Workshop Kits", "Crate Review Club", "Async Reading Group", "Compiler Contributor Nights"}},
	{"Women in Tech", "WiT", []string{"diversity", "mentoring", "careers", "inclusion"},
		[]string{"Mentoring Circles", "Returners Programme", "Speaker Coaching", "School Outreach"}},
	{"Civic Tech", "CivicTech", []string{"civic tech", "democracy", "community projects", "accessibility"},
		[]string{"Council Meeting Tracker", "Planning Application Alerts", "Polling Station Finder", "Ward Budget Explorer"}},
	{"Game Developers", "GameDev", []string{"game development", "indie games", "game jams", "unity"},
		[]string{"Quarterly Game Jam", "Playtest Evenings", "Student Showcase", "Accessible Controls Library"}},
	{"Data Science", "DataSci", []string{"data science", "machine learning", "statistics", "visualisation"},
		[]string{"Air Quality Forecasting", "Open Notebook Library", "Kaggle Study Group", "NHS Waiting Times Dashboard"}},
	{"DevOps", "DevOps", []string{"devops", "cloud", "kubernetes", "site reliability"},
		[]string{"Incident Review Library", "Homelab Show and Tell", "Terraform Module Catalogue", "Observability Workshop"}},
	{"Accessibility", "A11y", []string{"accessibility", "inclusive design", "assistive technology", "web standards"},
		[]string{"Screen Reader Testing Days", "Accessible Venue Guide", "Audit Clinic", "Captioning Volunteers"}},
	{"Hardware Makers", "Makers", []string{"hardware", "electronics", "3d printing", "maker"},
		[]string{"Repair Cafe", "Sensor Network Build", "Laser Cutter Induction", "Kids Robotics Club"}},
	{"Cyber Security", "CyberSec", []string{"security", "ctf", "privacy", "infosec"},
		[]string{"Capture the Flag League", "Phishing Awareness Sessions", "Privacy Clinic", "Secure Coding Dojo"}},
	{"JavaScript", "JS", []string{"javascript", "typescript", "web development", "node.js"},
		[]string{"Framework Comparison Series", "Lightning Talk Nights", "Open Source Friday", "Web Performance Audit"}},
	{"Open Source", "OSS", []string{"open source", "community", "git", "licensing"},
		[]string{"First Contribution Sprints", "Maintainer Office Hours", "Licence Clinic", "Hacktoberfest Meetups"}},
}

var kinds = []string{"Group", "Meetup", "Collective", "Network", "Society", "Club", "Community", "User Group"}

var verbs = []string{"build", "share", "explore", "improve", "teach", "document", "map", "celebrate", "support", "connect"}
var objects = []string{"practical tools", "open datasets", "local projects", "community resources",
	"learning materials", "public services", "shared knowledge", "small experiments", "new skills", "working prototypes"}
var audiences = []string{"residents", "students", "newcomers", "experienced practitioners", "local businesses",
	"researchers", "charities", "public sector staff", "volunteers", "parents and carers"}
var qualities = []string{"friendly", "welcoming", "hands-on", "volunteer-run", "inclusive", "informal", "practical", "curious"}
var places = []string{"the city centre library", "a local co-working space", "the university campus",
	"a community hall", "the makerspace", "online and in person", "a rotating set of venues"}
var days = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Saturday"}
var ordinals = []string{"First", "Second", "Third", "Last"}
var people = []string{"Software developers and data scientists", "Designers and researchers",
	"Community activists and organizers", "Local government employees", "Students and academics",
	"Small business owners", "Engaged citizens", "Teachers and librarians", "Retired engineers", "Career changers"}
var activities = []string{"Hack Nights", "Workshops", "Lightning Talks", "Study Groups", "Coffee Mornings",
	"Code Reviews", "Demo Evenings", "Walks", "Mentoring Sessions", "Show and Tell"}

// extraSections pad bodies to their target size; each appears at most once.
var extraSections = []string{"Our Story", "Past Events", "Partners", "Code of Conduct", "Sponsors", "Venues",
	"Accessibility", "Frequently Asked Questions", "Organisers", "Newsletter"}

type group struct {
	i                    int
	city, kind, title    string
	t                    topic
	slug, domain, handle string
}

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

func newGroup(r *rand.Rand, i int) *group {
	g := &group{i: i, city: pick(r, cities), t: pick(r, topics), kind: pick(r, kinds)}
	g.title = g.city + " " + g.t.name + " " + g.kind
	g.slug = strings.ReplaceAll(strings.ToLower(g.city+"-"+g.t.name+"-"+g.kind), " ", "-")
	base := strings.ToLower(g.city + strings.ReplaceAll(g.t.short, " ", ""))
	g.domain = base + fmt.Sprint(i) + pick(r, []string{".org", ".org.uk", ".scot", ".com", ".dev"})
	h := g.city + g.t.short
	if len(h) > 12 {
		h = h[:12]
	}
	g.handle = h + fmt.Sprint(i%1000)
	return g
}

// areas tell apart groups whose city, topic and kind are the same: a real
// directory has one entry per group, and the built-in configuration reports
// titles that repeat.
var areas = []string{"North", "South", "East", "West", "Central", "Old Town", "Riverside", "Harbour", "University", "Market"}

// distinguish renames the k-th group (k >= 1) whose title came up before.
func (g *group) distinguish(k int) {
	area := areas[(k-1)%len(areas)]
	if k > len(areas) {
		area += " " + fmt.Sprint((k-1)/len(areas)+1)
	}
	// The slug, and so the file name and accounts, stays: file names are
	// numbered, and accounts are not among the unique fields.
	g.title = g.city + " " + area + " " + g.t.name + " " + g.kind
}

func sentence(r *rand.Rand, g *group) string {
	switch r.IntN(6) {
	case 0:
		return fmt.Sprintf("We %s %s with %s across %s.", pick(r, verbs), pick(r, objects), pick(r, audiences), g.city)
	case 1:
		return fmt.Sprintf("Our %s sessions help %s %s %s.", pick(r, qualities), pick(r, audiences), pick(r, verbs), pick(r, objects))
	case 2:
		return fmt.Sprintf("Most events take place at %s, and everyone is welcome regardless of experience.", pick(r, places))
	case 3:
		return fmt.Sprintf("Members %s %s and %s %s together.", pick(r, verbs), pick(r, objects), pick(r, verbs), pick(r, objects))
	case 4:
		return fmt.Sprintf("Since the group started, %s have used it to %s %s.", pick(r, audiences), pick(r, verbs), pick(r, objects))
	}
	return fmt.Sprintf("We work closely with %s to make %s more useful for %s.", pick(r, audiences), pick(r, objects), pick(r, audiences))
}

func paragraph(r *rand.Rand, g *group, n int) string {
	var b strings.Builder
	for j := range n {
		if j > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sentence(r, g))
	}
	return b.String()
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func (g *group) render(r *rand.Rand, defect string) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	// Front matter.
	w("---\n")
	w("title: %q\n", g.title)
	desc := fmt.Sprintf("A %s %s %s for %s and %s in %s and the surrounding area.",
		pick(r, qualities), strings.ToLower(g.t.name), strings.ToLower(g.kind), pick(r, audiences), pick(r, audiences), g.city)
	switch defect {
	case "schema-required":
	case "frontmatter-syntax":
		w("description: Meets monthly: talks, workshops and %s\n", pick(r, objects))
	default:
		w("description: %q\n", desc)
	}
	w("location: %q\n", g.city)
	if defect == "frontmatter-duplicate-key" {
		w("location: %q\n", pick(r, cities))
	}
	switch defect {
	case "url-invalid":
		w("website: %q\n", g.domain)
	default:
		w("website: %q\n", "https://"+g.domain)
	}
	email := pick(r, []string{"contact", "hello", "organisers", "team", "info"}) + "@" + g.domain
	if defect == "email-invalid" {
		email = "mailto:" + email
	}
	w("contact_email: %q\n", email)
	if defect == "schema-unknown-field" {
		w("contactemail: %q\n", email)
	}
	switch {
	case defect == "schema-type":
		w("featured: \"yes\"\n")
	case r.IntN(3) > 0:
		w("featured: %v\n", r.IntN(4) == 0)
	}
	tags := append([]string(nil), g.t.tags...)
	r.Shuffle(len(tags), func(a, c int) { tags[a], tags[c] = tags[c], tags[a] })
	tags = tags[:2+r.IntN(len(tags)-1)]
	w("tags:\n")
	for _, t := range tags {
		w("  - %q\n", t)
	}
	w("social:\n")
	handle := g.handle
	if defect == "social-twitter" {
		handle = (g.handle + "ABCDEFGHIJKLMNOPQ")[:17]
	}
	w("  twitter: %q\n", handle)
	if r.IntN(2) == 0 {
		w("  github: %q\n", "https://github.com/"+strings.ToLower(strings.ReplaceAll(g.slug, "--", "-")))
	}
	if r.IntN(3) == 0 {
		w("  mastodon: %q\n", "@"+strings.ToLower(g.handle)+"@mastodon.social")
	}
	if r.IntN(3) == 0 {
		w("  slack: %q\n", "https://"+strings.ToLower(g.city)+"tech.slack.com/channels/"+strings.ReplaceAll(strings.ToLower(g.t.name), " ", "-"))
	}
	if r.IntN(4) == 0 {
		w("  meetup: %q\n", "https://www.meetup.com/"+g.slug+"/")
	}
	w("---\n\n")

	// Body: 1–6 KB.
	target := 1024 + r.IntN(5*1024)
	start := b.Len()
	w("The %s is a %s community in %s. %s\n\n", g.title, pick(r, qualities), g.city, paragraph(r, g, 2+r.IntN(3)))

	w("## Our Mission\n\n%s Our group works to:\n\n", paragraph(r, g, 1+r.IntN(3)))
	for range 3 + r.IntN(3) {
		w("- %s %s for %s\n", capitalize(pick(r, verbs)), pick(r, objects), pick(r, audiences))
	}
	if defect == "link-url" {
		w("\nRead our [charter](htps://%s/charter) before your first event.\n", g.domain)
	}
	w("\n## Current Projects\n\n")
	projects := append([]string(nil), g.t.projects...)
	r.Shuffle(len(projects), func(a, c int) { projects[a], projects[c] = projects[c], projects[a] })
	for _, p := range projects[:1+r.IntN(len(projects))] {
		w("### %s\n\n%s\n\n", p, paragraph(r, g, 1+r.IntN(3)))
		if defect == "image-alt" {
			w("![](https://x.org/a.png)\n\n")
			defect = "done"
		}
	}
	w("## Regular Activities\n\n")
	for range 2 + r.IntN(3) {
		w("- **%s %s**: %s %s of each month, %d:00-%d:00 PM\n", pick(r, []string{"Monthly", "Weekly", "Quarterly"}),
			pick(r, activities), pick(r, ordinals), pick(r, days), 5+r.IntN(2), 8+r.IntN(2))
	}
	w("\n## Who We Are\n\nOur diverse community includes:\n\n")
	for _, p := range people[r.IntN(4) : 4+r.IntN(6)] {
		w("- %s\n", p)
	}
	w("\n")
	extra := append([]string(nil), extraSections...)
	r.Shuffle(len(extra), func(a, c int) { extra[a], extra[c] = extra[c], extra[a] })
	for k := 0; b.Len()-start < target-700; k++ {
		if k < len(extra) {
			w("## %s\n\n", extra[k])
		}
		w("%s\n\n", paragraph(r, g, 3+r.IntN(4)))
	}
	if defect != "section-required" {
		w("## Get Involved\n\n%s\n\n", paragraph(r, g, 1+r.IntN(2)))
		w("- **Attend Events**: Join our %s meetups\n", pick(r, []string{"monthly", "weekly", "regular"}))
		w("- **Contribute Skills**: Help with ongoing projects or start new ones\n")
		w("- **Spread the Word**: Help us grow the community in %s\n\n", g.city)
	}
	w("## Resources\n\n")
	w("- [Our Website](https://%s/)\n", g.domain)
	w("- [Event Calendar](https://%s/events)\n", g.domain)
	w("- [Our GitHub Organization](https://github.com/%s)\n", g.slug)
	if r.IntN(2) == 0 {
		w("- [%s City Council](https://www.%s.gov.uk/)\n", g.city, strings.ToLower(g.city))
	}
	w("\nJoin us in making %s a more %s place to %s %s!\n", g.city, pick(r, qualities), pick(r, verbs), pick(r, objects))
	return []byte(b.String())
}
