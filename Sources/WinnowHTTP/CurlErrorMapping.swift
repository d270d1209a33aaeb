import CCurl

/// Turns a failed transfer's `CURLcode` into a ``FetchError`` with a kind and a remedy.
enum CurlErrorMapping {
    private static let tlsCodes: Set<UInt32> = Set([
        CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
        CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_PEER_FAILED_VERIFICATION, CURLE_USE_SSL_FAILED,
        CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_SHUTDOWN_FAILED,
        CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
        CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT,
    ].map(\.rawValue))

    private static let networkCodes: Set<UInt32> = Set([
        CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
        CURLE_WEIRD_SERVER_REPLY, CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_HTTP3, CURLE_QUIC_CONNECT_ERROR,
    ].map(\.rawValue))

    static func kind(for code: CURLcode, exceededBodyLimit: Bool) -> FetchError.Kind {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .dns
        case CURLE_COULDNT_CONNECT:
            return .connect
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_FILESIZE_EXCEEDED:
            return .tooLarge
        case CURLE_WRITE_ERROR:
            return exceededBodyLimit ? .tooLarge : .other
        case CURLE_URL_MALFORMAT:
            return .invalidURL
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .unsupportedScheme
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects
        case CURLE_BAD_CONTENT_ENCODING:
            return .badEncoding
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled
        case _ where tlsCodes.contains(code.rawValue):
            return .tls
        case _ where networkCodes.contains(code.rawValue):
            return .network
        default:
            return .other
        }
    }

    static func error(for code: CURLcode, url: String, detail: String, exceededBodyLimit: Bool,
                      maxBodyBytes: Int) -> FetchError {
        let kind = kind(for: code, exceededBodyLimit: exceededBodyLimit)
        let advice: String
        switch kind {
        case .dns:
            advice = "could not resolve the host name (\(detail)); check the URL's spelling and the network/DNS"
        case .connect:
            advice = "could not connect (\(detail)); the server may be down or blocking us, retry later"
        case .timeout:
            advice = "timed out (\(detail)); the server is slow or stalled, retry later or raise the timeouts"
        case .tls:
            advice = "TLS failed (\(detail)); the certificate or TLS setup of the server is broken"
        case .tooLarge:
            advice = "the body exceeds the limit of \(maxBodyBytes) bytes; raise maxBodyBytes if the page is wanted"
        case .invalidURL:
            advice = "libcurl could not parse the URL (\(detail)); fix the URL"
        case .unsupportedScheme:
            advice = "only http and https are fetched (\(detail))"
        case .network:
            advice = "the connection broke during the transfer (\(detail)); retry later"
        case .badEncoding:
            advice = "the body could not be decoded from its Content-Encoding (\(detail)); the server sent corrupt data"
        case .cancelled:
            advice = "the transfer was cancelled"
        default:
            advice = "libcurl error \(code.rawValue): \(detail)"
        }
        return FetchError(kind: kind, url: url, message: "fetching \(url): \(advice)", curlCode: Int(code.rawValue))
    }
}
