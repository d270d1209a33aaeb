import Foundation
import Testing
import WinnowHTTP

@Suite("robots.txt parsing and matching")
struct RobotsTxtTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let robots: String
        let path: String
        let allowed: Bool
        let agent: String
        init(_ robots: String, _ path: String, _ allowed: Bool, agent: String = "Winnow") {
            self.robots = robots
            self.path = path
            self.allowed = allowed
            self.agent = agent
        }
        var testDescription: String { "\(agent) \(path) → \(allowed ? "allow" : "disallow")" }
    }

    static let cases: [Case] = [
        // Plain prefixes.
        Case("User-agent: *\nDisallow: /private", "/private/x", false),
        Case("User-agent: *\nDisallow: /private", "/privateer", false),
        Case("User-agent: *\nDisallow: /private", "/public", true),
        Case("User-agent: *\nDisallow: /private", "/", true),
        Case("User-agent: *\nDisallow:", "/anything", true),
        Case("User-agent: *\nDisallow: /", "/anything", false),
        Case("User-agent: *\nDisallow: /", "/robots.txt", true),
        // Wildcards and end anchors.
        Case("User-agent: *\nDisallow: /*.pdf$", "/docs/a.pdf", false),
        Case("User-agent: *\nDisallow: /*.pdf$", "/docs/a.pdf?x=1", true),
        Case("User-agent: *\nDisallow: /*.pdf", "/docs/a.pdf?x=1", false),
        Case("User-agent: *\nDisallow: /*/edit", "/wiki/page/edit", false),
        Case("User-agent: *\nDisallow: /*/edit", "/edit", true),
        Case("User-agent: *\nDisallow: /a*b*c", "/axxbyyc", false),
        Case("User-agent: *\nDisallow: /a*b*c", "/axxcyyb", true),
        Case("User-agent: *\nDisallow: /exact$", "/exact", false),
        Case("User-agent: *\nDisallow: /exact$", "/exactly", true),
        Case("User-agent: *\nDisallow: /*?", "/search?q=1", false),
        Case("User-agent: *\nDisallow: /*?", "/search", true),
        Case("User-agent: *\nDisallow: /***", "/x", false),
        // Longest match wins, Allow wins ties.
        Case("User-agent: *\nDisallow: /shop\nAllow: /shop/public", "/shop/public/item", true),
        Case("User-agent: *\nDisallow: /shop\nAllow: /shop/public", "/shop/cart", false),
        Case("User-agent: *\nAllow: /shop\nDisallow: /shop/private", "/shop/private/1", false),
        Case("User-agent: *\nDisallow: /page\nAllow: /page", "/page", true),
        Case("User-agent: *\nAllow: /page\nDisallow: /page", "/page", true),
        Case("User-agent: *\nDisallow: /*.html\nAllow: /index.html", "/index.html", true),
        Case("User-agent: *\nAllow: /$\nDisallow: /", "/", true),
        Case("User-agent: *\nAllow: /$\nDisallow: /", "/page", false),
        // Agent groups: ours beats *, matched case-insensitively by product token.
        Case("User-agent: *\nDisallow: /\n\nUser-agent: winnow\nDisallow: /nope", "/ok", true),
        Case("User-agent: *\nDisallow: /\n\nUser-agent: winnow\nDisallow: /nope", "/nope", false),
        Case("User-agent: *\nDisallow: /\n\nUser-agent: Winnow/2.0\nAllow: /", "/x", true),
        Case("User-agent: OtherBot\nDisallow: /\n", "/x", true),
        Case("User-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp", "/x", true),
        Case("User-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp", "/tmp/1", false),
        Case("User-agent: OtherBot\nUser-agent: Winnow\nDisallow: /shared\n", "/shared", false),
        Case("User-agent: Winnow\nDisallow: /a\n\nUser-agent: Winnow\nDisallow: /b", "/b", false),
        Case("User-agent: *\nDisallow: /x\n", "/x", false, agent: "Winnow/0.1.0 (+https://github.com/winnow)"),
        Case("User-agent: Winnowing\nDisallow: /\n", "/x", true),
        // Rules before any User-agent, comments, odd spacing and line endings.
        Case("Disallow: /\nUser-agent: *\nAllow: /", "/x", true),
        Case("# comment\r\nUser-agent: * # all\r\nDisallow: /secret # hidden\r\n", "/secret", false),
        Case("USER-AGENT:*\nDISALLOW:/Secret", "/Secret", false),
        Case("User-agent: *\nDisallow: /Secret", "/secret", true),
        // Percent-encoding normalisation.
        Case("User-agent: *\nDisallow: /café", "/caf%C3%A9", false),
        Case("User-agent: *\nDisallow: /caf%c3%a9", "/caf%C3%A9/x", false),
    ]

    @Test(arguments: cases)
    func decision(_ testCase: Case) {
        let rules = RobotsTxt(testCase.robots).rules(for: testCase.agent)
        #expect(rules.isAllowed(path: testCase.path) == testCase.allowed, "\(testCase.robots)")
    }

    @Test func crawlDelayFromMatchingGroup() {
        let text = """
            User-agent: *
            Crawl-delay: 10

            User-agent: Winnow
            Crawl-delay: 2.5
            Disallow: /x

            Sitemap: https://example.com/sitemap.xml
            """
        let robots = RobotsTxt(text)
        #expect(robots.rules(for: "Winnow").crawlDelay == 2.5)
        #expect(robots.rules(for: "Other").crawlDelay == 10)
        #expect(RobotsTxt("User-agent: *\nCrawl-delay: soon").rules(for: "Winnow").crawlDelay == nil)
        #expect(robots.sitemaps == ["https://example.com/sitemap.xml"])
        #expect(robots.groups.count == 2)
    }

    @Test func emptyFileAllowsEverything() {
        #expect(RobotsTxt("").rules(for: "Winnow").isAllowed(path: "/any"))
        #expect(RobotsRules.allowAll.isAllowed(path: "/any"))
    }
}

@Suite("Retry-After and backoff")
struct RetryAfterTests {
    @Test func seconds() {
        #expect(RetryAfter.delay(from: "120") == .seconds(120))
        #expect(RetryAfter.delay(from: " 0 ") == .zero)
        #expect(RetryAfter.delay(from: "-5") == nil)
        #expect(RetryAfter.delay(from: "soon") == nil)
    }

    @Test func httpDates() throws {
        let now = try #require(RetryAfter.httpDate("Sun, 06 Nov 1994 08:49:37 GMT"))
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 08:50:07 GMT", now: now) == .seconds(30))
        #expect(RetryAfter.delay(from: "Sunday, 06-Nov-94 08:49:47 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.delay(from: "Sun Nov  6 08:49:38 1994", now: now) == .seconds(1))
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 08:00:00 GMT", now: now) == .zero)
    }

    @Test func backoffGrowsAndIsCapped() {
        let policy = PolitenessPolicy(retryBaseDelay: .milliseconds(100), retryMaxDelay: .milliseconds(350))
        for _ in 0..<20 {
            let first = policy.backoff(beforeRetry: 1)
            #expect(first >= .milliseconds(50) && first <= .milliseconds(100))
            let second = policy.backoff(beforeRetry: 2)
            #expect(second >= .milliseconds(100) && second <= .milliseconds(200))
            let late = policy.backoff(beforeRetry: 10)
            #expect(late >= .milliseconds(175) && late <= .milliseconds(350))
        }
    }
}
