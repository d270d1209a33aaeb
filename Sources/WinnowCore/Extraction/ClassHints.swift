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
        var words: [String] = []
        for attribute in ["class", "id"] {
            if let value = node.attribute(attribute) { words += Self.words(of: value) }
        }
        var negative = false, positive = false, strong = false
        for word in words {
            if Self.negativeWords.contains(word) || Self.negativeStems.contains(where: { word.hasPrefix($0) }) {
                negative = true
                if Self.strongStems.contains(where: { word.hasPrefix($0) }) { strong = true }
            }
            if Self.positive.contains(where: { word.hasPrefix($0) }) { positive = true }
        }
        isNegative = negative
        isStronglyNegative = strong
        isPositive = positive
    }

    /// Readability-style weight: +25 for a positive name, -25 for a negative one.
    var weight: Double {
        (isPositive ? 25 : 0) - (isNegative ? 25 : 0)
    }

    /// Splits a class or id value into lowercase words.
    static func words(of value: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in value {
            if character.isLetter || character.isNumber {
                if character.isUppercase, previousWasLower, !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current += character.lowercased()
                previousWasLower = character.isLowercase
            } else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
