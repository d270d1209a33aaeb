import Foundation

/// Writes to standard error, unbuffered (diagnostics must not wait behind stdout).
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
