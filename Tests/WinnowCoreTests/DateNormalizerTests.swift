import Testing
@testable import WinnowCore

@Suite("Date normalisation")
struct DateNormalizerTests {
    @Test("RFC 2822 and English month names become ISO 8601", arguments: [
        ("Tue, 19 Nov 2019 10:30:00 GMT", "2019-11-19T10:30:00Z"),
        ("19 Nov 2019 10:30 +0130", "2019-11-19T10:30:00+01:30"),
        ("Mon, 18 Nov 2019 22:05:00 EST", "2019-11-18T22:05:00-05:00"),
        ("November 18, 2019", "2019-11-18"),
        ("Nov 8, 2019", "2019-11-08"),
        ("18 November 2019", "2019-11-18"),
    ])
    func parses(text: String, iso: String) {
        #expect(DateNormalizer.iso8601(text) == iso)
    }

    @Test("things that are not dates stay unparsed", arguments: [
        "last Tuesday", "Nov 2019", "32 Nov 2019", "Tue, 19 Nov 2019 25:00 GMT", "19 Foo 2019", "19 Nov 2019 10:30 Mars",
    ])
    func rejects(text: String) {
        #expect(DateNormalizer.iso8601(text) == nil)
    }
}
