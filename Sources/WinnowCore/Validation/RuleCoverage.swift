/// How many of the snapshots a rule applies to it fired on.
public struct RuleCoverage: Sendable {
    public let rule: RuleID
    /// Snapshots whose rules include this rule.
    public let applicableSnapshots: Int
    /// Of those, how many the rule fired on.
    public let firedOn: Int

    /// Coverage of every rule in `ruleBook` over validation results. When `host` narrows the run,
    /// only rules that apply to that host are reported.
    static func compute(ruleBook: RuleBook, results: [SnapshotValidation], host: String?) -> [RuleCoverage] {
        var applicable: [RuleID: Int] = [:]
        var fired: [RuleID: Int] = [:]
        for result in results {
            guard let article = result.article else { continue }
            let rules = ruleBook.rules(forHost: article.url.flatMap(Page.host(of:)))
            for rule in Set(rules.allRuleIDs) { applicable[rule, default: 0] += 1 }
            for rule in Set(article.firedRules) { fired[rule, default: 0] += 1 }
        }
        var rules = Set(ruleBook.allRuleIDs)
        if host != nil { rules = rules.filter { applicable[$0] != nil } }
        return rules.sorted().map { rule in
            RuleCoverage(rule: rule, applicableSnapshots: applicable[rule] ?? 0, firedOn: fired[rule] ?? 0)
        }
    }
}
