import Testing
import WinnowCore

@Suite("Snapshot lifecycle helpers")
struct LifecycleHelperTests {
    @Test(arguments: [("7d", 604_800), ("12h", 43_200), ("30m", 1_800), ("45s", 45), ("2w", 1_209_600), (" 1D ", 86_400)])
    func ages(text: String, seconds: Int64) {
        #expect(AgeText.parse(text) == .seconds(seconds))
    }

    @Test func badAges() {
        for text in ["", "7", "d", "7x", "-1d", "1.5h", "99999999999999999999w"] {
            #expect(AgeText.parse(text) == nil, "\(text)")
        }
    }

    @Test func formattedAges() {
        #expect(AgeText.format(.seconds(3 * 86_400 + 5)) == "3d")
        #expect(AgeText.format(.seconds(7_300)) == "2h")
        #expect(AgeText.format(.seconds(59)) == "59s")
        #expect(AgeText.format(.zero) == "0s")
    }

    @Test("consent walls and bot checks in several languages")
    func consentWalls() {
        let walls = [
            "We value your privacy\nWe use cookies to improve your experience.\nAccept all\nManage preferences",
            "Wir verwenden Cookies. Mit Ihrer Einwilligung …\nAlle akzeptieren",
            "Nous utilisons des cookies. Tout accepter\nParamètres de confidentialité",
            "Checking your browser before accessing the site.\nPlease enable JavaScript and cookies to continue.",
            "Access denied",
            "نستخدم ملفات تعريف الارتباط لتحسين تجربتك. أوافق",
        ]
        for wall in walls {
            #expect(ConsentWall.matches(wall) != nil, "\(wall)")
        }
    }

    @Test("articles that mention cookies, or long pages, are not consent walls")
    func articles() {
        let article = (1...12).map { "Paragraph \($0) of a long article about the bridge and the council's plans for the river." }
            .joined(separator: "\n\n") + "\n\nThis site uses cookies."
        #expect(ConsentWall.matches(article) == nil)
        #expect(ConsentWall.matches(String(repeating: "cookie consent ", count: 400)) == nil)
        #expect(ConsentWall.matches("") == nil)
    }
}
