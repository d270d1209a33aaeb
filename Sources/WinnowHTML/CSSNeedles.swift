/// Literal strings that must occur in some attribute value for a selector to match anything.
///
/// A rule book carries dozens of selectors like `[class*=cookie-banner]` that most pages can't
/// match; evaluating each one is a full XPath scan of the tree. If none of a selector's needles
/// occurs anywhere in the page's attribute values, the scan is skipped (see
/// ``HTMLDocument/applicableXPath(for:)``). Needles are conservative: an alternative without one
/// (`h1`, `:not(.x)`, an `i`-flag comparison) is always evaluated.
enum CSSNeedles {
    /// The needle of each alternative of a selector list (nil where an alternative has none).
    static func of(_ list: [CSSComplexSelector]) -> [String?] {
        list.map { alternative in
            // Every compound of a chain must match, so any one compound's needle will do; the
            // rightmost is the element actually selected.
            let compounds = [alternative.head] + alternative.tail.map(\.compound)
            return compounds.reversed().lazy.compactMap(needle(of:)).first
        }
    }

    private static func needle(of compound: CSSCompound) -> String? {
        for condition in compound.conditions {
            switch condition {
            case .id(let value), .className(let value):
                if !value.isEmpty { return value }
            case .attribute(let attribute):
                if let match = attribute.match, !attribute.caseInsensitive, !match.value.isEmpty { return match.value }
            default:
                continue
            }
        }
        return nil
    }
}
