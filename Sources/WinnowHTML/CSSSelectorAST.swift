/// The parsed form of a CSS selector: `CSSParser` builds it, `CSSXPathEmitter` turns it into XPath.
///
/// Names here are already decoded (escapes resolved) and, where HTML is case-insensitive (element
/// and attribute names), lowercased, so the emitter never has to think about CSS syntax.

/// How two compound selectors in a complex selector relate.
enum CSSCombinator: Equatable {
    /// Whitespace: the right side is a descendant of the left.
    case descendant
    /// `>`: the right side is a child of the left.
    case child
    /// `+`: the right side is the element sibling right after the left.
    case nextSibling
    /// `~`: the right side is any later element sibling of the left.
    case subsequentSibling
}

/// A chain of compound selectors joined by combinators, e.g. `div.a > p + span`.
struct CSSComplexSelector {
    /// In a relative selector (the argument of `:has()`), how the chain relates to the element
    /// being tested; `nil` everywhere else.
    var leading: CSSCombinator?
    /// The leftmost compound.
    var head: CSSCompound
    /// The compounds to the right of `head`, each with the combinator that joins it to its left neighbour.
    var tail: [(combinator: CSSCombinator, compound: CSSCompound)]
}

/// Simple selectors that all apply to one element, e.g. `p.note[lang]:first-child`.
struct CSSCompound {
    /// The lowercased element name, or `nil` for `*` or no type selector at all.
    var typeName: String?
    /// Everything after the type selector, all of which must hold.
    var conditions: [CSSCondition]
}

/// One simple selector other than the type selector.
enum CSSCondition {
    case id(String)
    case className(String)
    case attribute(CSSAttributeSelector)
    /// The `:nth-*` family and its shorthands (`:first-child`, `:last-of-type`, …).
    case position(CSSNth, ofType: Bool, fromEnd: Bool)
    case empty
    case root
    /// `:not(list)`: matches none of the list.
    case not([CSSComplexSelector])
    /// `:is(list)` / `:where(list)`: matches at least one of the list.
    case isAny([CSSComplexSelector])
    /// `:has(relative list)`: some element related as described exists.
    case has([CSSComplexSelector])
}

/// `[name]`, `[name=value]`, `[name~=value i]` and friends.
struct CSSAttributeSelector {
    enum Operator: Equatable {
        /// `=`
        case equals
        /// `~=`: one of the whitespace-separated words.
        case includesWord
        /// `|=`: exactly the value, or the value followed by `-` (language codes).
        case dashPrefix
        /// `^=`
        case prefix
        /// `$=`
        case suffix
        /// `*=`
        case substring
    }

    /// The lowercased attribute name.
    var name: String
    /// `nil` for a bare presence test `[name]`.
    var match: (operator: Operator, value: String)?
    /// The `i` flag: compare ASCII letters case-insensitively.
    var caseInsensitive: Bool
}

/// An `an+b` formula: matches 1-based positions `a*n + b` for some integer `n >= 0`.
struct CSSNth: Equatable {
    var a: Int
    var b: Int

    static let first = CSSNth(a: 0, b: 1)
}
