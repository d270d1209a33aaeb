import WinnowCore

/// Renders a validation report the way a test runner would.
enum ValidationPrinter {
    static func render(_ report: ValidationReport, allCoverage: Bool, strict: Bool) -> String {
        var output = ""
        for result in report.results {
            switch result.outcome {
            case .passed:
                let note = result.article.map { $0.extractor == .rules ? "" : " (\($0.extractor.rawValue))" } ?? ""
                output += "PASS \(result.snapshot.id)\(note)\n"
            case .differs(let diff):
                output += "FAIL \(result.snapshot.id): clean text differs from the expected text\n\(diff)"
            case .failed(let reason):
                output += "FAIL \(result.snapshot.id): \(reason)\n"
            }
            for warning in result.article?.warnings ?? [] {
                output += "  warning: \(warning)\n"
            }
        }
        output += "\nRule coverage (snapshots each rule fired on):\n"
        // Global rules only fire on pages that carry that boilerplate inside their content, so by
        // default their unused ones are counted, not listed; site rules are always listed.
        let shown = allCoverage ? report.coverage : report.unusedRules.filter { $0.rule.file != RuleBook.globalFileName }
        for entry in shown {
            output += "  \(entry.firedOn)/\(entry.applicableSnapshots)  \(entry.rule)\n"
        }
        let unusedGlobal = report.unusedRules.filter { $0.rule.file == RuleBook.globalFileName }.count
        if !allCoverage, unusedGlobal > 0 {
            output += "  (\(unusedGlobal) rules of \(RuleBook.globalFileName) fired on no snapshot; --coverage lists every rule)\n"
        }
        let unused = report.unusedRules.count
        let untestedFiles = Set(report.untestedRules.map(\.rule.file)).sorted()
        output += "  \(report.coverage.count) rules; \(unused) unused (fired on none of their snapshots)"
        output += strict && unused > 0 ? " — failing (--strict)\n" : "\n"
        if !untestedFiles.isEmpty {
            output += "  rule files with no snapshot: \(untestedFiles.joined(separator: ", "))"
            output += strict ? " — failing (--strict)\n" : "\n"
        }
        output += "\n\(report.passedCount) passed, \(report.failedCount) failed\n"
        return output
    }
}
