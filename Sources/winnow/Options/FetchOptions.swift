import ArgumentParser
import WinnowCore
import WinnowHTTP

/// How snapshot commands fetch: politely (robots.txt, per-host limits, retries) unless told otherwise.
struct FetchOptions: ParsableArguments {
    @Flag(name: .long, help: "Do not read or obey robots.txt (only with the site owner's permission).")
    var ignoreRobots = false

    func makeFetcher() -> PoliteFetcher {
        PoliteFetcher(configuration: FetcherConfiguration(), policy: PolitenessPolicy(ignoreRobots: ignoreRobots))
    }
}
