import Testing

@Suite("Shingle score (benchmark F1)")
struct ShingleScoreTests {
    @Test("identical texts score 1, punctuation and spacing don't matter")
    func identical() {
        let score = ShingleScore(extracted: "One two, three four five.", expected: "one two three four five")
        // Case matters to the benchmark ("One" != "one"): one of two shingles differs.
        #expect(score.truePositives == 1)
        #expect(score.falsePositives == 1)
        #expect(score.falseNegatives == 1)
        let same = ShingleScore(extracted: "a b c d e", expected: "a  b\nc, d. e")
        #expect(same.f1 == 1)
        #expect(same.truePositives == 2)
    }

    @Test("extra text lowers precision, missing text lowers recall")
    func partial() {
        let truth = "the quick brown fox jumps over the lazy dog"
        let extra = ShingleScore(extracted: truth + " share this story now", expected: truth)
        #expect(extra.recall == 1)
        #expect(extra.precision < 1)
        #expect(extra.truePositives == 6 && extra.falsePositives == 4)
        let missing = ShingleScore(extracted: "the quick brown fox jumps", expected: truth)
        #expect(missing.precision == 1)
        #expect(missing.truePositives == 2 && missing.falseNegatives == 4)
    }

    @Test("shingles are a multiset; short texts are one shingle")
    func multiset() {
        #expect(ShingleScore.shingles("a b") == [["a", "b"]: 1])
        #expect(ShingleScore.shingles("x y z w x y z w")[["x", "y", "z", "w"]] == 2)
        let once = ShingleScore(extracted: "x y z w", expected: "x y z w x y z w")
        #expect(once.truePositives == 1 && once.falseNegatives == 4)
    }

    @Test("tokens follow Python's \\w: any script, no spaces needed between scripts")
    func tokens() {
        #expect(ShingleScore.tokens("Hello, мир! 你好。foo_bar 42") == ["Hello", "мир", "你好", "foo_bar", "42"])
        #expect(ShingleScore.tokens("قال وزير، الخارجية") == ["قال", "وزير", "الخارجية"])
    }

    @Test("empty cases follow score.py")
    func empty() {
        #expect(ShingleScore(extracted: "", expected: "").f1 == 1)
        let nothing = ShingleScore(extracted: "", expected: "some words here now")
        #expect(nothing.precision == 0 && nothing.recall == 0)
    }
}
