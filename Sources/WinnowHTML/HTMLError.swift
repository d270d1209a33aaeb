/// Errors raised by the HTML layer.
public enum HTMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libxml2 produced no document at all for the input (it recovers from almost anything, so this
    /// means the input was unusable, e.g. empty after decoding). `input` names the page.
    case unparsable(input: String, reason: String)
    /// The bytes are not text (an image, a PDF, a compressed file): after decoding, the start of the
    /// input is full of control characters. `input` names the page.
    case notText(input: String, controlCharacters: Int, sampled: Int)
    /// An XPath expression did not compile. Fix the expression in the rule that holds it.
    case invalidXPath(expression: String)
    /// A CSS selector did not compile; `position` is the 0-based character offset of the problem.
    case invalidSelector(selector: String, position: Int, reason: String)

    public var description: String {
        switch self {
        case .unparsable(let input, let reason):
            return "\(input): cannot parse as HTML: \(reason)"
        case .notText(let input, let controlCharacters, let sampled):
            return "\(input): not an HTML page: \(controlCharacters) of its first \(sampled) bytes are control characters (binary content such as an image, PDF or archive?)"
        case .invalidXPath(let expression):
            return "invalid XPath expression \"\(expression)\": check its syntax (libxml2 implements XPath 1.0)"
        case .invalidSelector(let selector, let position, let reason):
            return "invalid CSS selector \"\(selector)\" at position \(position): \(reason)"
        }
    }
}
