import Testing
import WinnowCore

@Suite("Rule files")
struct RuleFileTests {
    @Test("a complete rule file parses with every key")
    func parsesAllKeys() throws {
        let file = try RuleFile(yaml: """
            name: Example
            hosts: [example.com, "*.example.org"]
            extends: [shared]
            global: false
            content: ["article .body", "xpath://main"]
            remove: .share
            title: h1
            cut_at: .related
            drop_lines: ["^Follow us"]
            cut_at_line: ["^Read more"]
            metadata:
              author: .byline
            """, file: "example.com.yaml")
        #expect(file.hosts == ["example.com", "*.example.org"])
        #expect(file.extends.map(\.name) == ["shared"])
        #expect(file.usesGlobal == false)
        #expect(file.rules.content.map(\.selector.description) == ["article .body", "xpath://main"])
        #expect(file.rules.remove.count == 1 && file.rules.cutAt.count == 1 && file.rules.title.count == 1)
        #expect(file.rules.dropLines.first?.id.line == 9)
        #expect(file.rules.metadata["author"]?.count == 1)
    }

    @Test("bad rule files fail with file:line and the problem",
          arguments: [
            ("hosts: [a.com]\ncontnet: article\n", "x.yaml:2: unknown key \"contnet\""),
            ("hosts: [a.com]\nremove:\n  - div[\n", "x.yaml:3: remove: invalid CSS selector"),
            ("hosts: [a.com]\ndrop_lines:\n  - \"([a-z\"\n", "x.yaml:3: drop_lines: invalid regular expression"),
            ("hosts: [a.com]\ncontent: [unclosed\n", "x.yaml:3: not valid YAML"),
            ("- just\n- a list\n", "x.yaml:1: a rule file must be a mapping"),
            ("hosts: [not a host]\n", "x.yaml:1: \"not a host\" is not a host name"),
            ("hosts: [a.com]\nglobal: maybe\n", "x.yaml:2: global must be true or false"),
            ("hosts: [a.com]\nmetadata:\n  colour: .x\n", "x.yaml:3: unknown metadata field \"colour\""),
            ("hosts: [a.com]\nremove: {a: b}\n", "x.yaml:2: remove must be a string or a list of strings"),
          ])
    func rejectsBadFiles(yaml: String, message: String) {
        #expect {
            _ = try RuleFile(yaml: yaml, file: "x.yaml")
        } throws: { error in
            String(describing: error).hasPrefix(message)
        }
    }

    @Test("binary garbage is reported as a rule-file error, not a crash")
    func garbage() {
        let garbage = String(decoding: (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) }, as: UTF8.self)
        #expect(throws: RuleError.self) { _ = try RuleFile(yaml: garbage, file: "junk.yaml") }
    }
}

@Suite("Rule book")
struct RuleBookTests {
    private func book(_ files: [(String, String)]) throws -> RuleBook {
        try RuleBook(files: files.map { try RuleFile(yaml: $0.1, file: $0.0) })
    }

    @Test("hosts resolve exactly, without www., and by wildcard (longest first)")
    func hostMatching() throws {
        let rules = try book([
            ("a.yaml", "hosts: [news.example.com]"),
            ("b.yaml", "hosts: [\"*.example.com\"]"),
            ("c.yaml", "hosts: [\"*.deep.example.com\"]"),
            ("d.yaml", "hosts: [site.org]"),
        ])
        #expect(rules.siteFile(forHost: "news.example.com") == "a.yaml")
        #expect(rules.siteFile(forHost: "blog.example.com") == "b.yaml")
        #expect(rules.siteFile(forHost: "example.com") == "b.yaml")
        #expect(rules.siteFile(forHost: "x.deep.example.com") == "c.yaml")
        #expect(rules.siteFile(forHost: "www.site.org") == "d.yaml")
        #expect(rules.siteFile(forHost: "WWW.SITE.ORG") == "d.yaml")
        #expect(rules.siteFile(forHost: "notexample.com") == nil)
    }

    @Test("site rules come first, then extended files, then the global file unless opted out")
    func layering() throws {
        let rules = try book([
            ("_global.yaml", "remove: .cookie"),
            ("shared.yaml", "remove: .share"),
            ("a.yaml", "hosts: [a.com]\nextends: shared\nremove: .ad"),
            ("b.yaml", "hosts: [b.com]\nglobal: false\nremove: .ad"),
        ])
        #expect(rules.rules(forHost: "a.com").remove.map(\.selector.source) == [".ad", ".share", ".cookie"])
        #expect(rules.rules(forHost: "b.com").remove.map(\.selector.source) == [".ad"])
        #expect(rules.rules(forHost: "other.com").remove.map(\.selector.source) == [".cookie"])
        #expect(rules.rules(forHost: "a.com").siteFile == "a.yaml")
        #expect(rules.rules(forHost: "other.com").siteFile == nil)
    }

    @Test("extends cycles, missing extends and duplicate hosts are errors")
    func resolutionErrors() throws {
        #expect(throws: RuleError.extensionCycle(chain: ["a.yaml", "b.yaml", "a.yaml"])) {
            _ = try book([("a.yaml", "extends: b"), ("b.yaml", "extends: a")])
        }
        #expect(throws: RuleError.missingExtension(file: "a.yaml", line: 1, name: "nope")) {
            _ = try book([("a.yaml", "extends: nope")])
        }
        #expect(throws: RuleError.duplicateHost(host: "a.com", files: ["a.yaml", "b.yaml"])) {
            _ = try book([("a.yaml", "hosts: a.com"), ("b.yaml", "hosts: a.com")])
        }
    }
}
