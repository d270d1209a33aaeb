import Foundation
import WinnowCore

/// The pages a `clean` run reads, and the URL each one is known by.
struct PageInputs {
    let paths: [String]
    private let url: String?
    private let urlsByID: [String: String]

    init(files: [String], inputDir: String?, url: String?, index: String?) throws {
        var paths = files
        if let inputDir {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: inputDir)
            } catch {
                throw CLIFailure.badInput("\(inputDir): cannot list input directory: \(error.localizedDescription)")
            }
            paths += names.filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
                .map { URL(fileURLWithPath: inputDir).appendingPathComponent($0).path }
        }
        self.paths = paths
        self.url = url
        self.urlsByID = try index.map(Self.readIndex) ?? [:]
    }

    /// Reads one page: its bytes, and its URL and charset from the options, a snapshot's metadata
    /// or the index.
    func page(at path: String) throws -> Page {
        let bytes: [UInt8]
        if path == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            do { bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
                throw CLIFailure.partial("\(path): cannot read page: \(error.localizedDescription)")
            }
        }
        var pageURL = url
        var charset: String?
        if path != "-" {
            let file = URL(fileURLWithPath: path)
            let sidecar = file.deletingPathExtension().appendingPathExtension("json")
            if let data = try? Data(contentsOf: sidecar),
               let metadata = try? JSONDecoder().decode(SnapshotMetadata.self, from: data) {
                pageURL = pageURL ?? metadata.url
                charset = metadata.headerCharset
            }
            pageURL = pageURL ?? urlsByID[file.deletingPathExtension().lastPathComponent]
        }
        return Page(bytes: bytes, url: pageURL, charsetHint: charset, name: path == "-" ? "<stdin>" : path)
    }

    private static func readIndex(_ path: String) throws -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIFailure.badInput("\(path): cannot read index file")
        }
        var result: [String: String] = [:]
        for (number, line) in text.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let url = object["url"] as? String
            else {
                throw CLIFailure.badInput("\(path):\(number + 1): expected a JSON object with \"id\" and \"url\"")
            }
            result[id] = url
        }
        return result
    }
}
