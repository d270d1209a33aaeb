import Foundation

/// The scrapinghub article-extraction-benchmark score, as `/work/shared/eval/score.py` computes
/// it for one page: tokens are `\w+` runs (Unicode), shingles are overlapping 4-grams of tokens
/// (a text with fewer than 4 tokens is one shingle), and true/false positives and negatives are
/// the multiset overlap of the two shingle bags.
struct ShingleScore: Equatable {
    var truePositives: Int
    var falsePositives: Int
    var falseNegatives: Int

    init(extracted: String, expected: String) {
        let got = Self.shingles(extracted)
        let want = Self.shingles(expected)
        var tp = 0, fp = 0, fn = 0
        for (shingle, count) in got {
            let wanted = want[shingle] ?? 0
            tp += min(count, wanted)
            fp += max(count - wanted, 0)
        }
        for (shingle, count) in want { fn += max(count - (got[shingle] ?? 0), 0) }
        truePositives = tp
        falsePositives = fp
        falseNegatives = fn
    }

    /// tp / (tp + fp); 1 for a perfect match (also of two empty texts), 0 for an empty extraction.
    var precision: Double {
        if falsePositives == 0, falseNegatives == 0 { return 1 }
        let total = truePositives + falsePositives
        return total == 0 ? 0 : Double(truePositives) / Double(total)
    }

    /// tp / (tp + fn); 1 for a perfect match, 0 when nothing was wanted but something extracted.
    var recall: Double {
        if falsePositives == 0, falseNegatives == 0 { return 1 }
        let total = truePositives + falseNegatives
        return total == 0 ? 0 : Double(truePositives) / Double(total)
    }

    var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }

    /// Python's `\w+`: letters and numbers of any script (`str.isalnum`) and `_`. Combining marks
    /// are not word characters for Python, so they split tokens there and here alike.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    static func shingles(_ text: String, size: Int = 4) -> [[String]: Int] {
        let words = tokens(text)
        var bag: [[String]: Int] = [:]
        guard !words.isEmpty else { return bag }
        if words.count < size {
            bag[words] = 1
            return bag
        }
        for start in 0...(words.count - size) {
            bag[Array(words[start..<start + size]), default: 0] += 1
        }
        return bag
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
