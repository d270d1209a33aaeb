import CCurl

/// One hop's libcurl easy handle together with everything that must outlive it: the header lists,
/// the error buffer, and the body and headers received so far.
///
/// This class is the only owner of those C resources and frees them in `deinit`. It is created and
/// configured by the task that submits it, then handed over to the curl event-loop thread, which alone
/// touches it until the transfer finishes; hence `@unchecked Sendable` with a single owner at a time.
final class CurlEasy: @unchecked Sendable {
    /// The `CURL *`; only ``CurlMulti`` uses it, to add and remove the transfer.
    let handle: UnsafeMutableRawPointer
    private var requestHeaders: UnsafeMutablePointer<curl_slist>?
    private var resolveList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    let url: String
    private let maxBodyBytes: Int
    private var body: [UInt8] = []
    private var headers = HTTPHeaderFields()
    /// Set by the write callback when it refuses data because of the size cap, so the resulting
    /// `CURLE_WRITE_ERROR` can be reported as "too large" rather than as a local write failure.
    private(set) var exceededBodyLimit = false

    /// Checked by the event loop; set from any thread when the waiting task is cancelled.
    let cancellation = Locked(false)

    init(_ hop: HopRequest) throws(FetchError) {
        CurlGlobal.ensureInitialised()
        guard let handle = curl_easy_init() else {
            throw FetchError(kind: .other, url: hop.url,
                             message: "libcurl could not create a transfer for \(hop.url) (out of memory?); retry later")
        }
        self.handle = handle
        self.url = hop.url
        self.maxBodyBytes = hop.configuration.maxBodyBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try configure(hop)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(requestHeaders)
        curl_slist_free_all(resolveList)
        errorBuffer.deallocate()
    }

    // MARK: Configuration

    private func configure(_ hop: HopRequest) throws(FetchError) {
        let config = hop.configuration
        let me = Unmanaged.passUnretained(self).toOpaque()

        try set(CURLOPT_URL, hop.url)
        // Signals cannot be used for DNS timeouts in a multithreaded process.
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_ERRORBUFFER, UnsafeRawPointer(errorBuffer))
        // Redirects are followed in Swift so that every hop is recorded and its scheme checked.
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        // Empty string = every encoding this libcurl can decode (gzip, deflate, br, zstd).
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_USERAGENT, config.userAgent)
        if config.preferHTTP2 {
            try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
            // Wait for an existing connection that may multiplex rather than opening another one.
            try set(CURLOPT_PIPEWAIT, 1)
        } else {
            try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_1_1))
        }
        try set(CURLOPT_CONNECTTIMEOUT_MS, config.connectTimeout.wholeMilliseconds)
        try set(CURLOPT_TIMEOUT_MS, config.totalTimeout.wholeMilliseconds)
        try set(CURLOPT_LOW_SPEED_LIMIT, config.lowSpeedLimit)
        try set(CURLOPT_LOW_SPEED_TIME, max(1, Int(config.lowSpeedTime.secondsDouble.rounded(.up))))
        // Refuses early when Content-Length already announces an oversize body; the write callback
        // catches bodies without a length.
        try check(winnow_curl_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(config.maxBodyBytes)),
                  CURLOPT_MAXFILESIZE_LARGE)

        for (name, value) in requestHeaderLines(hop) {
            requestHeaders = curl_slist_append(requestHeaders, "\(name): \(value)")
        }
        if let requestHeaders {
            try set(CURLOPT_HTTPHEADER, UnsafeRawPointer(requestHeaders))
        }
        for override in config.hostOverrides {
            resolveList = curl_slist_append(resolveList, "\(override.host):\(override.port):\(override.address)")
        }
        if let resolveList {
            try set(CURLOPT_RESOLVE, UnsafeRawPointer(resolveList))
        }

        try check(winnow_curl_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION) { data, size, count, userdata in
            guard let userdata else { return 0 }
            let easy = Unmanaged<CurlEasy>.fromOpaque(userdata).takeUnretainedValue()
            return easy.receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }, CURLOPT_WRITEFUNCTION)
        try set(CURLOPT_WRITEDATA, UnsafeRawPointer(me))
        try check(winnow_curl_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION) { data, size, count, userdata in
            guard let userdata else { return 0 }
            let easy = Unmanaged<CurlEasy>.fromOpaque(userdata).takeUnretainedValue()
            let length = size * count
            easy.receiveHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
            return length
        }, CURLOPT_HEADERFUNCTION)
        try set(CURLOPT_HEADERDATA, UnsafeRawPointer(me))
    }

    private func requestHeaderLines(_ hop: HopRequest) -> [(String, String)] {
        var lines: [(String, String)] = [
            ("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        ]
        if let etag = hop.conditional?.etag {
            lines.append(("If-None-Match", etag))
        }
        if let lastModified = hop.conditional?.lastModified {
            lines.append(("If-Modified-Since", lastModified))
        }
        // Request headers win over the defaults above, compared case-insensitively.
        for (name, value) in hop.headers.sorted(by: { $0.key < $1.key }) {
            lines.removeAll { $0.0.lowercased() == name.lowercased() }
            lines.append((name, value))
        }
        return lines
    }

    private func set(_ option: CURLoption, _ value: Int) throws(FetchError) {
        try check(winnow_curl_easy_setopt_long(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String) throws(FetchError) {
        // libcurl copies string options (since 7.17), so the temporary C string may go away.
        try check(winnow_curl_easy_setopt_string(handle, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: UnsafeRawPointer) throws(FetchError) {
        try check(winnow_curl_easy_setopt_pointer(handle, option, value), option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(FetchError) {
        guard code != CURLE_OK else { return }
        let reason = String(cString: curl_easy_strerror(code))
        throw FetchError(
            kind: .other, url: url,
            message: "libcurl rejected option \(option.rawValue) for \(url): \(reason); this libcurl may be too old (7.85+ needed)",
            curlCode: Int(code.rawValue))
    }

    // MARK: Callbacks (on the event-loop thread)

    private func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard body.count + bytes.count <= maxBodyBytes else {
            exceededBodyLimit = true
            return 0  // anything but bytes.count makes libcurl abort with CURLE_WRITE_ERROR
        }
        if body.isEmpty {
            // Size the buffer once from Content-Length (the encoded size when compressed: a floor)
            // rather than regrowing and copying it as chunks arrive.
            var length: curl_off_t = -1
            winnow_curl_easy_getinfo_off_t(handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length)
            if length > 0 { body.reserveCapacity(min(Int(length), maxBodyBytes)) }
        }
        body.append(contentsOf: bytes)
        return bytes.count
    }

    private func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        // Strip CR/LF as bytes: in Swift "\r\n" is one Character, so suffix checks on String miss it.
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D {
            end -= 1
        }
        let line = String(decoding: bytes[..<end], as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            // A new status line: whatever came before belonged to an interim (1xx) response.
            headers = HTTPHeaderFields()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return }
        headers.append(name: name, value: value)
    }

    // MARK: Result

    /// The curl error text for this transfer, falling back to the generic text for `code`.
    func errorText(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    /// The hop's outcome once libcurl reports it done with `code`.
    func result(code: CURLcode) -> Result<HopResponse, FetchError> {
        guard code == CURLE_OK else {
            return .failure(CurlErrorMapping.error(for: code, url: url, detail: errorText(for: code),
                                                   exceededBodyLimit: exceededBodyLimit, maxBodyBytes: maxBodyBytes))
        }
        var status = 0
        winnow_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var versionCode = 0
        winnow_curl_easy_getinfo_long(handle, CURLINFO_HTTP_VERSION, &versionCode)
        return .success(HopResponse(
            url: url, status: status, headers: headers, body: body,
            httpVersion: Self.versionName(versionCode), timing: timing()))
    }

    private func timing() -> TransferTiming {
        func microseconds(_ info: CURLINFO) -> Duration {
            var value: curl_off_t = 0
            winnow_curl_easy_getinfo_off_t(handle, info, &value)
            return .microseconds(value)
        }
        return TransferTiming(
            nameLookup: microseconds(CURLINFO_NAMELOOKUP_TIME_T),
            connect: microseconds(CURLINFO_CONNECT_TIME_T),
            tlsHandshake: microseconds(CURLINFO_APPCONNECT_TIME_T),
            firstByte: microseconds(CURLINFO_STARTTRANSFER_TIME_T),
            total: microseconds(CURLINFO_TOTAL_TIME_T))
    }

    private static func versionName(_ code: Int) -> String {
        switch code {
        case Int(CURL_HTTP_VERSION_1_0): return "HTTP/1.0"
        case Int(CURL_HTTP_VERSION_2_0): return "HTTP/2"
        case Int(CURL_HTTP_VERSION_3): return "HTTP/3"
        default: return "HTTP/1.1"
        }
    }
}
