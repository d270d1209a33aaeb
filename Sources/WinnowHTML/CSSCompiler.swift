/// Compiles CSS selectors to XPath 1.0 for libxml2.
///
/// Supported: type and `*`, `#id`, `.class`, attribute selectors (`[a]`, `=`, `~=`, `|=`, `^=`,
/// `$=`, `*=`, quoted or bare values, `i`/`s` flags), the combinators whitespace, `>`, `+`, `~`,
/// comma groups, `:not()`, `:is()`, `:where()`, `:has()` (relative, e.g. `:has(> p)`), the
/// `:nth-*` family with `an+b`/`odd`/`even`, `:first-/last-/only-child`,
/// `:first-/last-/only-of-type`, `:empty` and `:root`. Element and attribute names match
/// ASCII-case-insensitively, as in HTML.
///
/// The result, evaluated with context node N, selects the matching elements in N's subtree
/// (N included) in document order; compounds left of a combinator may match outside it, as with
/// the DOM's `querySelectorAll`. Errors carry the 0-based offset (in Unicode scalars) of the problem.
enum CSSCompiler {
    /// The XPath of `selector`, and of each of its comma-separated alternatives with that
    /// alternative's attribute needle (see ``CSSNeedles``).
    static func compileWithNeedles(_ selector: String) throws(HTMLError) -> (xpath: String, alternatives: [Selector.Alternative]) {
        let list = try CSSParser.parse(selector)
        let needles = CSSNeedles.of(list)
        let alternatives = zip(list, needles).map { alternative, needle in
            Selector.Alternative(xpath: CSSXPathEmitter.expression(for: [alternative]), needle: needle)
        }
        return (CSSXPathEmitter.expression(for: list), alternatives)
    }
}
