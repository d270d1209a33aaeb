extension StringProtocol {
    /// The string without leading and trailing white space (Unicode's, as `Character.isWhitespace`).
    ///
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString on Linux, which showed up as
    /// a measurable share of metadata extraction; this only looks at the two ends.
    var trimmedWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
