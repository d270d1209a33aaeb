import Testing
import WinnowCore

@Suite("Unified diff")
struct LineDiffTests {
    @Test("equal texts give no diff")
    func equal() {
        #expect(LineDiff.unified(old: "a\nb", new: "a\nb", oldName: "x", newName: "y").isEmpty)
    }

    @Test("changes come out as diff -u hunks with context")
    func hunks() {
        let old = (1...10).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "5", with: "five").replacingOccurrences(of: "\n10", with: "")
        let diff = LineDiff.unified(old: old, new: new, oldName: "expected", newName: "actual", context: 1)
        #expect(diff == """
            --- expected
            +++ actual
            @@ -4,3 +4,3 @@
             4
            -5
            +five
             6
            @@ -9,2 +9,1 @@
             9
            -10

            """)
    }
}
