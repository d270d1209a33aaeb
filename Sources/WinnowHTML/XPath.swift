import CLibXML2

/// XPath 1.0 evaluation over libxml2 documents.
enum XPath {
    /// Checks that `expression` compiles, without evaluating it.
    static func validate(_ expression: String) throws(HTMLError) {
        LibXML.prepare()
        guard let compiled = xmlXPathCompile(expression) else { throw .invalidXPath(expression: expression) }
        xmlXPathFreeCompExpr(compiled)
    }

    /// The nodes `expression` selects from `context`, in document order. An expression that yields
    /// a number, string or boolean selects nothing.
    static func evaluate(_ expression: String, in document: HTMLDocument, context: HTMLNode) throws(HTMLError) -> [HTMLNode] {
        LibXML.prepare()
        guard let xpathContext = xmlXPathNewContext(document.pointer) else { return [] }
        defer { xmlXPathFreeContext(xpathContext) }
        xpathContext.pointee.node = context.pointer
        guard let result = xmlXPathEvalExpression(expression, xpathContext) else {
            throw .invalidXPath(expression: expression)
        }
        defer { xmlXPathFreeObject(result) }
        guard result.pointee.type == XPATH_NODESET, let set = result.pointee.nodesetval,
              let table = set.pointee.nodeTab
        else { return [] }
        var nodes: [HTMLNode] = []
        nodes.reserveCapacity(Int(set.pointee.nodeNr))
        for index in 0..<Int(set.pointee.nodeNr) {
            // Namespace entries in a node set are not real nodes; skip them.
            guard let node = table[index], node.pointee.type != XML_NAMESPACE_DECL else { continue }
            nodes.append(HTMLNode(document: document, pointer: node))
        }
        return nodes
    }
}
