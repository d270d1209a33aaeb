import Foundation
import WinnowHTML

/// Measures pages/s and MB/s of libxml2 parsing alone against whole cleaning, on pages held in
/// memory, on the calling thread (one core). Used by `winnow bench`; not a test.
public struct CleaningBenchmark: Sendable {
    /// One measured stage.
    public struct Stage: Sendable {
        public let name: String
        public let seconds: Double
        public let pages: Int
        public let bytes: Int

        public var pagesPerSecond: Double { Double(pages) / seconds }
        public var megabytesPerSecond: Double { Double(bytes) / 1_048_576 / seconds }
    }

    public let pages: [Page]
    public let cleaner: Cleaner
    public let repeats: Int

    public init(pages: [Page], cleaner: Cleaner, repeats: Int) {
        self.pages = pages
        self.cleaner = cleaner
        self.repeats = max(1, repeats)
    }

    /// libxml2 parsing (with charset decision and decoding) of every page, `repeats` times.
    public func parseOnly() -> Stage {
        measure("parse only") { page in
            _ = try? HTMLDocument(bytes: page.bytes, charsetHint: page.charsetHint, url: page.url)
        }
    }

    /// Parse, rules or generic extraction, text walk and line rules, `repeats` times.
    public func clean(named name: String, options: Cleaner.Options) -> Stage {
        var cleaner = self.cleaner
        cleaner.options = options
        return measure(name) { page in _ = try? cleaner.clean(page) }
    }

    /// Where the time of a generic clean goes: parse + one component, per component.
    public func components() -> [Stage] {
        let globalRules = cleaner.ruleBook.globalRules
        return [
            measure("  parse + metadata") { page in
                guard let document = try? HTMLDocument(bytes: page.bytes, charsetHint: page.charsetHint, url: page.url) else { return }
                _ = MetadataExtractor.extract(from: document)
            },
            measure("  parse + global rules") { page in
                guard let document = try? HTMLDocument(bytes: page.bytes, charsetHint: page.charsetHint, url: page.url),
                      let body = document.body else { return }
                var run = RuleApplication(document: document, rules: globalRules, pageName: page.name)
                try? run.removeBoilerplate(inside: [body], protectingMostOfText: true)
            },
            measure("  parse + extractor") { page in
                guard let document = try? HTMLDocument(bytes: page.bytes, charsetHint: page.charsetHint, url: page.url) else { return }
                _ = GenericExtractor().extract(from: document)
            },
        ]
    }

    private func measure(_ name: String, _ body: (Page) -> Void) -> Stage {
        // One untimed pass warms caches and lazily initialised tables.
        for page in pages.prefix(10) { body(page) }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats {
            for page in pages { body(page) }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let bytes = pages.reduce(0) { $0 + $1.bytes.count } * repeats
        return Stage(name: name, seconds: seconds, pages: pages.count * repeats, bytes: bytes)
    }

    /// Peak resident memory of this process so far, in bytes.
    public static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Int(usage.ru_maxrss) * 1024  // Linux reports kilobytes
    }
}
