import CLibXML2

/// One-time libxml2 set-up shared by every document.
///
/// `xmlInitParser` must run once before threads parse concurrently. `xmlCleanupParser` is never
/// called: Foundation loads the same shared library and may still be using it.
enum LibXML {
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Initialises libxml2 (once per process) and silences its error printer on this thread.
    static func prepare() {
        _ = initialised
        winnow_xml_silence_errors()
    }

    /// The libxml2 version this process runs against, e.g. "2.9.14".
    public static var version: String { LIBXML_DOTTED_VERSION }
}
