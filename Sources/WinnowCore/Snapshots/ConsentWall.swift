import Foundation

/// Recognises pages that are a consent wall, bot check or access-denied notice instead of an
/// article: short text dominated by cookie/consent/captcha wording, in several languages.
///
/// A heuristic for `snapshot refresh`: such a page must never replace a good snapshot, and its
/// text is often long enough to pass the length check, so its wording is what gives it away.
public enum ConsentWall {
    /// Pages longer than this are treated as articles whatever they say about cookies.
    public static let maximumLength = 3000

    /// Lower-case phrases that mark consent walls and bot checks. Matched as substrings of the
    /// lower-cased text; short stems (`cookie`) also catch plurals and compounds.
    public static let phrases: [String] = [
        // English
        "cookie", "consent", "captcha", "verify you are human", "verify that you are human",
        "are you a robot", "not a robot", "enable javascript", "javascript is disabled",
        "javascript is required", "access denied", "checking your browser", "unusual traffic",
        "privacy settings", "accept all", "reject all", "manage preferences", "we value your privacy",
        // German
        "zustimmen", "einwilligung", "datenschutzeinstellungen", "javascript aktivieren",
        "zugriff verweigert", "alle akzeptieren", "sind sie ein mensch",
        // French
        "consentement", "tout accepter", "vérifiez que vous êtes humain", "activer javascript",
        "accès refusé", "paramètres de confidentialité",
        // Spanish, Portuguese, Italian, Dutch
        "consentimiento", "aceptar todo", "verifica que eres humano", "acceso denegado",
        "consentimento", "aceitar todos", "acesso negado", "accetta tutti", "consenso", "accesso negato",
        "toestemming", "alles accepteren", "toegang geweigerd",
        // Russian
        "файлы cookie", "согласие", "доступ запрещен", "не робот", "включите javascript",
        // Arabic
        "ملفات تعريف الارتباط", "الكوكيز", "موافقة", "أوافق", "تحقق من أنك إنسان", "تم رفض الوصول",
    ]

    /// The phrases found, when `text` looks like a consent wall or bot check; nil when it does not.
    ///
    /// "Dominated" means: the text is short (``maximumLength``), and either at least half of it is
    /// in paragraphs that use such wording, or three different phrases appear and those paragraphs
    /// make up a quarter of it. One leftover cookie line under a real article is neither.
    public static func matches(_ text: String) -> [String]? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let total = trimmed.count
        guard total > 0, total <= maximumLength else { return nil }
        var found: Set<String> = []
        var flaggedLength = 0
        for paragraph in trimmed.split(whereSeparator: \.isNewline) {
            let lowered = paragraph.lowercased()
            let hits = phrases.filter { lowered.contains($0) }
            if !hits.isEmpty {
                found.formUnion(hits)
                flaggedLength += paragraph.count
            }
        }
        let share = Double(flaggedLength) / Double(total)
        guard share >= 0.5 || (found.count >= 3 && share >= 0.25) else { return nil }
        return found.sorted()
    }
}
