package lint

// Configurations that rule examples (Rule.Config) are linted with, so that
// each example is a complete entry that fires its rule and nothing else.
const (
	// exampleBare has one collection that requires front matter and checks
	// nothing else.
	exampleBare = "collections:\n  - name: entries\n    include: [\"**/*.md\"]\n"
	// exampleSchema checks front matter against the built-in schema.
	exampleSchema = exampleBare + "    schema: builtin:community-entry\n"
	// exampleFields checks emails, URLs and social accounts as the built-in
	// configuration does.
	exampleFields = exampleBare + "    fields:\n      email: [\"*email\"]\n      url: [website, \"*url\"]\n      social: [\"social.*\"]\n"
	// exampleSections declares two required sections and a recommended one.
	exampleSections = exampleBare + "    sections:\n      required: [Our Mission, Get Involved]\n      recommended: [Current Projects]\n"
	// exampleOrdered is exampleSections with the order enforced.
	exampleOrdered = exampleSections + "      order: true\n"
)

// schemaEntry is a complete entry for the built-in schema with extra
// front matter lines added after the required fields.
func schemaEntry(extra string) string {
	return "---\ntitle: \"Glasgow Open Data Group\"\ndescription: \"Open data and civic tech in Glasgow.\"\nlocation: \"Glasgow\"\nwebsite: \"https://glasgowopendata.org\"\ncontact_email: \"contact@glasgowopendata.org\"\n" +
		extra + "---\n\nAbout the group.\n"
}

// titled is an entry with a title and the given body.
func titled(body string) string { return "---\ntitle: \"Glasgow Open Data Group\"\n---\n\n" + body }
