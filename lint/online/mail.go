package online

import (
	"context"
	"strings"

	"github.com/glasgow-open-data/contentlint/lint"
)

// checkMail asks DNS whether a domain takes mail, as a sending server
// would (RFC 5321 §5.1): its MX records, else its A and AAAA records (the
// implicit MX). A null MX (RFC 7505, a single MX of ".") says the domain
// takes no mail. No mail server is contacted.
func (c *Checker) checkMail(ctx context.Context, domain string, attempt int) outcome {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	failed := func() outcome {
		return c.later(nil, attempt, unknown("looking up %q failed%s", domain, tries(attempt)))
	}
	mxs, err := c.resolver.LookupMX(ctx, domain)
	if len(mxs) > 0 {
		for _, mx := range mxs {
			if strings.TrimSuffix(mx.Host, ".") != "" {
				return outcome{verdict: lint.Verdict{Status: lint.StatusOK}}
			}
		}
		return outcome{verdict: verdict(lint.StatusDead, "the domain %q publishes a null MX record (RFC 7505): it accepts no mail", domain)}
	}
	if err != nil && !errNotFound(err) {
		return failed()
	}
	addrs, err := c.resolver.LookupNetIP(ctx, "ip", domain)
	if len(addrs) > 0 {
		return outcome{verdict: lint.Verdict{Status: lint.StatusOK}}
	}
	if err != nil && !errNotFound(err) {
		return failed()
	}
	return outcome{verdict: verdict(lint.StatusDead, "the domain %q does not exist or has no MX, A or AAAA record", domain)}
}
