@testable import WinnowHTML

/// Every element has an id, so a selection can be written as the ids it returns in document order:
/// root head title body d1 p1 p2 s1 p3 e1 p4 d2 ul1 li1…li6 ol1 only sec a1 in1 in2 foo:bar i1.
let cssFixture = """
    <!DOCTYPE html>
    <html id="root" lang="en">
    <head id="head"><title id="title">Fixture</title></head>
    <body id="body">
    <div id="d1" class="a b" lang="en-GB" data-list="one, two [three]">
      <p id="p1" class="ab">one</p>
      <p id="p2" class="a">two</p>
      <span id="s1" title='say "hi"' data-q="it's">three</span>
      <p id="p3" class=" a  c ">four</p>
      <em id="e1"></em>
      <p id="p4" data-v='x>y "z"'>five</p>
    </div>
    <div id="d2" class="b" lang="english">
      <ul id="ul1">
        <li id="li1">1</li>
        <li id="li2">2</li>
        <li id="li3">3</li>
        <li id="li4">4</li>
        <li id="li5">5</li>
        <li id="li6">6</li>
      </ul>
      <ol id="ol1"><li id="only">x</li></ol>
    </div>
    <section id="sec" data-mixed="a'b&quot;c">
      <a id="a1" href="https://example.com/page.html" rel="nofollow  noopener" hreflang="en">link</a>
      <input id="in1" type="TEXT">
      <input id="in2" type="text">
      <b id="foo:bar">escaped</b>
      <i id="i1" class="x:y">italic</i>
    </section>
    </body>
    </html>
    """

/// The ids of the elements `css` selects, evaluated from the document node or from the element
/// whose id is `context`.
func selectedIDs(_ css: String, from context: String? = nil) throws -> [String] {
    let document = try HTMLDocument(html: cssFixture)
    var node = document.documentNode
    if let context {
        guard let found = try document.documentNode.select(xpath: "//*[@id='\(context)']").first else {
            return ["<no element with id \(context)>"]
        }
        node = found
    }
    return try node.select(Selector(css: css)).map { $0.attribute("id") ?? "<\($0.name)>" }
}
