import CCurl

/// The libcurl multi handle and the easy handles currently attached to it.
///
/// Sole owner of the `CURLM *`, freed in `deinit`. Keeps a strong reference to every attached
/// ``CurlEasy`` because libcurl holds their pointers (and their callbacks' `userdata`) without
/// retaining them. Used only on the curl event-loop thread, except ``wakeup()``, which libcurl
/// documents as callable from any thread.
final class CurlMulti: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer
    private var attached: [UnsafeMutableRawPointer: CurlEasy] = [:]

    init(maxCachedConnections: Int) {
        CurlGlobal.ensureInitialised()
        guard let handle = curl_multi_init() else {
            // Only fails when malloc does; nothing sensible can continue without it.
            fatalError("curl_multi_init failed: out of memory")
        }
        self.handle = handle
        // Multiplex HTTP/2 streams over one connection per host instead of opening many.
        winnow_curl_multi_setopt_long(handle, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        winnow_curl_multi_setopt_long(handle, CURLMOPT_MAXCONNECTS, maxCachedConnections)
    }

    deinit {
        for easy in attached.values {
            curl_multi_remove_handle(handle, easy.handle)
        }
        curl_multi_cleanup(handle)
    }

    /// Attaches a transfer; returns libcurl's error text when it refuses.
    func add(_ easy: CurlEasy) -> String? {
        let code = curl_multi_add_handle(handle, easy.handle)
        guard code == CURLM_OK else {
            return String(cString: curl_multi_strerror(code))
        }
        attached[easy.handle] = easy
        return nil
    }

    /// Detaches a transfer, finished or not.
    func remove(_ easy: CurlEasy) {
        guard attached.removeValue(forKey: easy.handle) != nil else { return }
        curl_multi_remove_handle(handle, easy.handle)
    }

    /// Lets libcurl make progress on every attached transfer without blocking.
    func perform() {
        var running: Int32 = 0
        curl_multi_perform(handle, &running)
    }

    /// Blocks until a socket is ready, a timer fires, ``wakeup()`` is called, or `milliseconds` pass.
    func poll(milliseconds: Int32) {
        curl_multi_poll(handle, nil, 0, milliseconds, nil)
    }

    /// Interrupts a blocking ``poll(milliseconds:)`` from another thread.
    func wakeup() {
        curl_multi_wakeup(handle)
    }

    /// Transfers libcurl has finished since the last call, with their result codes.
    func finishedTransfers() -> [(CurlEasy, CURLcode)] {
        var finished: [(CurlEasy, CURLcode)] = []
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(handle, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE,
                  let easyHandle = message.pointee.easy_handle,
                  let easy = attached[easyHandle] else { continue }
            finished.append((easy, message.pointee.data.result))
        }
        return finished
    }
}
