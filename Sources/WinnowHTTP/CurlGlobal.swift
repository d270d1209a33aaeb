import CCurl

/// libcurl's process-wide initialisation, done once on first use.
///
/// Never paired with `curl_global_cleanup`: Foundation's URLSession loads the same libcurl, and
/// cleaning up under it would break it.
enum CurlGlobal {
    private static let initResult: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

    /// Makes sure `curl_global_init` has run; cheap after the first call.
    static func ensureInitialised() {
        _ = initResult
    }
}
