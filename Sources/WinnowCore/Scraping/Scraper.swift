import Foundation
import WinnowHTTP

/// Fetches and cleans a URL list: one ``ScrapeRecord`` per distinct URL, written as it finishes.
public struct Scraper: Sendable {
    /// How a scrape runs.
    public struct Options: Sendable {
        /// Transfers in flight at once (the fetcher's global limit should match).
        public var jobs: Int
        /// When set, raw page bytes are kept as `<dir>/<host>/<name>.html` (+ `.json` metadata),
        /// the snapshot layout, so a page can become a snapshot.
        public var saveHTMLDirectory: URL?

        public init(jobs: Int = 32, saveHTMLDirectory: URL? = nil) {
            self.jobs = max(1, jobs)
            self.saveHTMLDirectory = saveHTMLDirectory
        }
    }

    public let fetcher: PoliteFetcher
    public let cleaner: Cleaner
    public let options: Options

    public init(fetcher: PoliteFetcher, cleaner: Cleaner, options: Options = Options()) {
        self.fetcher = fetcher
        self.cleaner = cleaner
        self.options = options
    }

    /// Scrapes `entries`, appending each record to `log` as soon as it is ready, and calls
    /// `progress` after every record. Stops early only when the output can't be written.
    public func run(_ entries: [URLList.Entry], log: RecordLog,
                    progress: @escaping @Sendable (ScrapeProgress) -> Void = { _ in }) async throws(ScrapeError) -> ScrapeProgress {
        var state = ScrapeProgress(total: entries.count)
        progress(state)
        let window = options.jobs * 2
        // Each child task fetches, cleans and encodes its record (encoding too runs in parallel);
        // the log actor only writes lines.
        let outcome: Result<ScrapeProgress, ScrapeError> = await withTaskGroup(of: (ScrapeRecord, Data).self) { group in
            var pending = entries.makeIterator()
            var inFlight = 0
            while inFlight < window, let entry = pending.next() {
                group.addTask { await encoded(entry) }
                inFlight += 1
            }
            while let (record, line) = await group.next() {
                inFlight -= 1
                // A cancelled run writes nothing for unfinished URLs, so a later run fetches them.
                if Task.isCancelled, record.error?.kind == "cancelled" { continue }
                do { try await log.append(line: line) } catch let error as ScrapeError {
                    group.cancelAll()
                    return .failure(error)
                } catch {
                    group.cancelAll()
                    return .failure(.output(path: log.path ?? "-", reason: "\(error)"))
                }
                state.record(record)
                progress(state)
                if let entry = pending.next() {
                    group.addTask { await encoded(entry) }
                    inFlight += 1
                }
            }
            return .success(state)
        }
        return try outcome.get()
    }

    /// One URL's record and its JSON Lines line.
    private func encoded(_ entry: URLList.Entry) async -> (ScrapeRecord, Data) {
        let record = await scrape(entry)
        return (record, record.jsonLineData(newline: true))
    }

    /// One URL: fetch, clean, record. Never throws: every failure becomes a record.
    func scrape(_ entry: URLList.Entry) async -> ScrapeRecord {
        if let problem = entry.problem {
            return .failure(url: entry.text, kind: "invalid_url", message: "line \(entry.line): \(entry.text): \(problem)")
        }
        let response: FetchResponse
        do {
            response = try await fetcher.fetch(FetchRequest(url: entry.text))
        } catch {
            var record = ScrapeRecord.failure(url: entry.text, kind: error.kind.rawValue, message: error.message)
            record.status = error.status
            return record
        }
        var record = ScrapeRecord(url: entry.text)
        record.finalURL = response.finalURL == entry.text ? nil : response.finalURL
        record.status = response.status
        record.fetchedAt = Timestamp.string(response.fetchedAt)
        record.contentType = response.contentType
        if let directory = options.saveHTMLDirectory {
            do { try PageArchive(directory: directory).save(response, requestedURL: entry.text) } catch {
                record.warnings = [error.description]
            }
        }
        let clock = ContinuousClock()
        let cleaningStart = clock.now
        let page = Page(bytes: response.body, url: response.finalURL, charsetHint: response.charset, name: entry.text)
        do {
            let article = try cleaner.clean(page)
            record.title = article.title
            record.metadata = article.metadata
            record.metadata?.title = nil  // the record's own title key holds it
            record.text = article.text
            record.ruleFile = article.ruleFile
            record.extractor = article.extractor.rawValue
            record.charset = ArticleRecord.Charset(name: article.charset.name, source: article.charset.source.rawValue)
            let warnings = (record.warnings ?? []) + article.warnings
            record.warnings = warnings.isEmpty ? nil : warnings
        } catch {
            if case .notHTML = error {
                record.error = ScrapeRecord.Failure(kind: "not_html", message: error.description)
            } else {
                record.error = ScrapeRecord.Failure(kind: "parse", message: error.description)
            }
        }
        // Transfer plus cleaning; time spent queued behind politeness limits is not the page's.
        record.elapsedMilliseconds = Int((response.elapsed + (clock.now - cleaningStart)) / .milliseconds(1))
        return record
    }
}
