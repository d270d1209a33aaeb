import WinnowHTML

/// What an element's `class` and `id` say about its content.
///
/// Names are split into words at anything that is not a letter or digit and at lower-to-upper
/// case changes (`articleBody` → `article`, `body`), so `ad` matches the word `ad` but not
/// `header` or `download`.
struct ClassHints {
    /// Word stems that mark article text; a stem matches a word that starts with it.
    private static let positive = ["article", "content", "entry", "hentry", "post", "story", "body", "main",
                                   "text", "blog", "prose", "column", "paragraph"]
    /// Word stems that mark boilerplate whatever else the element holds; a stem matches a word
    /// that starts with it.
    private static let strongStems = ["comment", "disqus", "footer", "share", "sharing", "social", "related",
                                      "promo", "newsletter", "subscri", "cookie", "consent", "breadcrumb",
                                      "advert", "sponsor", "popup", "modal", "outbrain", "taboola", "recommend",
                                      "recirc"]
    /// Word stems that mark boilerplate; pages also use some of them for layout wrappers around
    /// the article (`main-sidebar-layout`).
    private static let negativeStems = strongStems + ["widget", "masthead", "sidebar", "navbar", "navigation", "menu", "banner", "combx", "shoutbox",
                                        "skyscraper", "pager", "pagination", "signup", "login", "toolbar",
                                        "trending", "popular", "tags", "byline", "dateline", "author",
                                        "timestamp", "caption", "credit", "copyright", "print", "email",
                                        "disclaimer", "reply", "respond",
                                        "teaser", "hidden", "overlay", "rail", "nav"]
    /// Whole words that mark boilerplate (too short to match as stems).
    private static let negativeWords: Set<String> = ["ad", "ads", "adv", "aside", "meta", "more", "tools",
                                                     "links", "header", "topics", "tag", "date", "dfp",
                                                     "gpt", "mpu", "extra", "sr", "rating"]

    /// True when the class/id names boilerplate.
    let isNegative: Bool
    /// True when the class/id names boilerplate that is never a wrapper around an article
    /// (comments, related links, share bars, footers).
    let isStronglyNegative: Bool
    /// True when the class/id names article text.
    let isPositive: Bool

    init(_ node: HTMLNode) {
        self.init(classValue: node.attribute("class"), id: node.attribute("id"))
    }

    init(classValue: String?, id: String?) {
        self.init(flags: (classValue.map(Self.flags) ?? 0) | (id.map(Self.flags) ?? 0))
    }

    init(flags: UInt8) {
        isNegative = flags & Self.negativeFlag != 0
        isStronglyNegative = flags & Self.strongFlag != 0
        isPositive = flags & Self.positiveFlag != 0
    }

    private static let negativeFlag: UInt8 = 1, strongFlag: UInt8 = 2, positiveFlag: UInt8 = 4

    /// Stems bucketed by first byte, so a word is compared only with stems that can match it.
    private static let stemsByFirstByte: [UInt8: [(stem: String, flags: UInt8)]] = {
        var table: [UInt8: [(String, UInt8)]] = [:]
        func add(_ stems: [String], _ flags: UInt8) {
            for stem in stems { table[stem.utf8.first!, default: []].append((stem, flags)) }
        }
        add(strongStems, negativeFlag | strongFlag)
        add(negativeStems.filter { !strongStems.contains($0) }, negativeFlag)
        add(positive, positiveFlag)
        return table
    }()

    /// The hint flags of one attribute value.
    static func flags(of value: String) -> UInt8 {
        var flags: UInt8 = 0
        for word in words(of: value) {
            if negativeWords.contains(word) { flags |= negativeFlag }
            guard let first = word.utf8.first, let stems = stemsByFirstByte[first] else { continue }
            for (stem, stemFlags) in stems where word.hasPrefix(stem) { flags |= stemFlags }
        }
        return flags
    }

    /// Readability-style weight: +25 for a positive name, -25 for a negative one.
    var weight: Double {
        (isPositive ? 25 : 0) - (isNegative ? 25 : 0)
    }

    /// Splits a class or id value into lowercase words, working on UTF-8 bytes: names are
    /// almost always ASCII, and non-ASCII bytes simply stay inside their word.
    static func words(of value: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        for byte in value.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isWordByte = isUpper || isLower || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
            if isWordByte {
                if isUpper, previousWasLower, !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                current.append(isUpper ? byte + 0x20 : byte)
                previousWasLower = isLower
            } else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}

/// Class/id hints memoised by attribute values: pages repeat the same few names on hundreds of
/// elements (every comment, every list item), and splitting and matching them is the costly part.
final class ClassHintCache {
    private var flags: [String: UInt8] = [:]

    func hints(for node: HTMLNode) -> ClassHints {
        ClassHints(flags: (node.attribute("class").map(cached) ?? 0) | (node.attribute("id").map(cached) ?? 0))
    }

    private func cached(_ value: String) -> UInt8 {
        if let known = flags[value] { return known }
        let computed = ClassHints.flags(of: value)
        flags[value] = computed
        return computed
    }
}
