package lint

// DefaultCatalogue returns every rule contentlint has, in documentation
// order, each with the check that reports it. This is the one list of
// rules: adding a rule is its file, its fixtures and one line here.
func DefaultCatalogue() *Catalogue {
	return NewCatalogue(
		reportedBy(nil, ruleFileUnreadable, ruleFileTooLarge, ruleFileEmpty, ruleFileBinary, ruleFileEncoding, ruleInternalError),
		reportedBy(checkFrontMatterMissing, ruleFrontMatterMissing),
		reportedBy(nil, ruleFrontMatterStart, ruleFrontMatterUnterminated, ruleFrontMatterSyntax, ruleFrontMatterNotMapping, ruleFrontMatterEmpty,
			ruleFrontMatterDuplicateKey, ruleFrontMatterKeyType, ruleFrontMatterNumber, ruleFrontMatterLimit),
		reportedBy(checkDescriptionLength, ruleDescriptionLength),
		reportedBy(checkSchema, ruleSchemaRequired, ruleSchemaUnknownField, ruleSchemaType, ruleSchemaFormat, ruleSchemaEnum,
			ruleSchemaRef, ruleSchemaConstraint),
		reportedBy(checkFields, fieldRules()...),
		reportedBy(nil, ruleBodyNesting),
		reportedBy(func(p *Pass) { runSectionPresence(p, true) }, ruleSectionRequired),
		reportedBy(func(p *Pass) { runSectionPresence(p, false) }, ruleSectionRecommended),
		reportedBy(runSectionOrder, ruleSectionOrder),
		reportedBy(runSectionLevel, ruleSectionLevel),
		reportedBy(runSectionEmpty, ruleSectionEmpty),
		reportedBy(runSectionDuplicate, ruleSectionDuplicate),
		reportedBy(runHeadingSkip, ruleHeadingSkip),
		reportedBy(runHeadingTitle, ruleHeadingTitle),
		reportedBy(runLinkURL, ruleLinkURL),
		reportedBy(runLinkLocalhost, ruleLinkLocalhost),
		reportedBy(runLinkEmail, ruleLinkEmail),
		reportedBy(runLinkMissingFile, ruleLinkMissingFile),
		Check{Rules: []*Rule{ruleLinkAnchor}, Run: runLinkAnchor, Collect: collectFragmentLinks, Finish: finishFragmentLinks},
		reportedBy(runLinkEmptyText, ruleLinkEmptyText),
		reportedBy(runLinkEmptyDestination, ruleLinkEmptyDestination),
		reportedBy(runLinkReferenceUndefined, ruleLinkReferenceUndefined),
		reportedBy(runImageAlt, ruleImageAlt),
		reportedBy(runBodyEmpty, ruleBodyEmpty),
		reportedBy(checkOnline, onlineRules()...),
		reportedBy(runFilename, ruleFilenameMismatch),
		Check{Rules: []*Rule{ruleUniqueValue}, Collect: collectUnique, Finish: finishUnique},
		Check{Rules: []*Rule{ruleReferenceMissing}, Collect: collectReferences, Finish: finishReferences},
		Check{Rules: []*Rule{ruleVocabularyNearMiss}, Collect: collectVocabulary, Finish: finishVocabulary},
		reportedBy(nil, ruleUnusedSuppression, ruleSuppressionInvalid),
	)
}

// reportedBy pairs rules with the check that reports them; a nil run means
// the parser or the linter reports them.
func reportedBy(run func(*Pass), rules ...*Rule) Check { return Check{Rules: rules, Run: run} }
