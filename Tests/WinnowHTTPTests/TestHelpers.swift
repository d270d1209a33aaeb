import WinnowHTTP
import WinnowTestSupport

/// Short limits so failure cases finish in about a second.
func testConfiguration(
    totalTimeout: Duration = .seconds(5),
    maxBodyBytes: Int = 1024 * 1024,
    maxRedirects: Int = 10,
    hostOverrides: [FetcherConfiguration.HostOverride] = []
) -> FetcherConfiguration {
    FetcherConfiguration(
        connectTimeout: .seconds(2), totalTimeout: totalTimeout, lowSpeedLimit: 100, lowSpeedTime: .seconds(1),
        maxBodyBytes: maxBodyBytes, maxRedirects: maxRedirects, hostOverrides: hostOverrides)
}

/// The error a fetch threw, or nil when it succeeded.
func fetchError(_ fetcher: Fetcher, _ url: String) async -> FetchError? {
    do {
        _ = try await fetcher.fetch(FetchRequest(url: url))
        return nil
    } catch {
        return error
    }
}

extension FetchResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
